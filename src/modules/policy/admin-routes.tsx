// Back-office routes of the policy module (under /admin, behind registerAdminGuard).
import type { FastifyInstance } from "fastify";

export async function policyAdminRoutes(app: FastifyInstance) {
  void app;
}
