// Back-office routes of the media module (under /admin, behind registerAdminGuard).
import type { FastifyInstance } from "fastify";

export async function mediaAdminRoutes(app: FastifyInstance) {
  void app;
}
