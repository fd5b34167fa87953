// Back-office pages of the admin module itself: dashboard, own security (second factor),
// staff and roles, audit log.
import type { FastifyInstance } from "fastify";
import { serveAdminPage } from "./frame.js";
import { requireStaff } from "./guard.js";
import { securityRoutes } from "./security-routes.js";
import { Dashboard } from "./views/dashboard.js";

export async function adminRoutes(app: FastifyInstance) {
  await securityRoutes(app);
  app.get("/admin", { preHandler: requireStaff() }, async (request, reply) =>
    serveAdminPage(request, reply, () => ({ render: (ctx, actor) => <Dashboard ctx={ctx} actor={actor} /> })),
  );
}
