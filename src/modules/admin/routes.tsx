// Back-office pages of the admin module itself: dashboard, own security (second factor),
// staff and roles, audit log.
import type { FastifyInstance } from "fastify";
import { serveAdminPage } from "./frame.js";
import { dashboardData } from "./dashboard.js";
import { requireStaff, staffActor } from "./guard.js";
import { auditRoutes } from "./audit-routes.js";
import { securityRoutes } from "./security-routes.js";
import { staffRoutes } from "./staff-routes.js";
import { Dashboard } from "./views/dashboard.js";

export async function adminRoutes(app: FastifyInstance) {
  await securityRoutes(app);
  await staffRoutes(app);
  await auditRoutes(app);
  app.get("/admin", { preHandler: requireStaff() }, async (request, reply) =>
    serveAdminPage(request, reply, async () => {
      const data = await dashboardData(app.deps.db, staffActor(request));
      return { render: (ctx, actor) => <Dashboard ctx={ctx} actor={actor} data={data} /> };
    }),
  );
}
