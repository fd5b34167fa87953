// Back-office routes of the content module (under /admin, behind registerAdminGuard).
import type { FastifyInstance } from "fastify";

export async function contentAdminRoutes(app: FastifyInstance) {
  void app;
}
