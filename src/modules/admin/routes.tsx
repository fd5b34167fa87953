// Back-office pages of the admin module itself: dashboard, own security (second factor),
// staff and roles, audit log; and the public page where an invitation is accepted.
import type { FastifyInstance } from "fastify";
import { serveAdminPage } from "./frame.js";
import { dashboardData } from "./dashboard.js";
import { requireStaff, staffActor } from "./guard.js";
import { auditRoutes } from "./audit-routes.js";
import { invitationRoutes } from "./invitation-routes.js";
import { securityRoutes } from "./security-routes.js";
import { staffRoutes } from "./staff-routes.js";
import { Dashboard } from "./views/dashboard.js";

export async function adminRoutes(app: FastifyInstance) {
  // "Rester connecté": the session's idle clock starts again.
  app.post("/admin/session", { preHandler: requireStaff() }, async (request, reply) => {
    await app.deps.db.updateTable("sessions").set({ last_seen_at: app.deps.now() }).where("id", "=", request.session!.id).execute();
    return reply.code(204).header("cache-control", "no-store").send();
  });
  await securityRoutes(app);
  await staffRoutes(app);
  await invitationRoutes(app);
  await auditRoutes(app);
  app.get("/admin", { preHandler: requireStaff() }, async (request, reply) =>
    serveAdminPage(request, reply, async () => {
      const data = await dashboardData(app.deps.db, staffActor(request), app.deps.now());
      return { render: (ctx, actor) => <Dashboard ctx={ctx} actor={actor} data={data} /> };
    }),
  );
}
