// Back-office pages of the admin module itself: dashboard, own security (second factor),
// staff and roles, audit log; and the public page where an invitation is accepted.
import type { FastifyInstance } from "fastify";
import { touchSession } from "../../core/auth/sessions.js";
import { emptyForm, noQuery } from "../../core/http/form.js";
import { serveAdminPage } from "./frame.js";
import { dashboardData } from "./dashboard.js";
import { requireStaff, staffActor } from "./guard.js";
import { auditRoutes } from "./audit-routes.js";
import { invitationRoutes } from "./invitation-routes.js";
import { securityRoutes } from "./security-routes.js";
import { staffRoutes } from "./staff-routes.js";
import { Dashboard } from "./views/dashboard.js";

/** No body, or an empty form: the route reads nothing from it. */

export async function adminRoutes(app: FastifyInstance) {
  // "Rester connecté": the session's idle clock starts again.
  // Sent by the page's script with its CSRF token in a header and no body at all.
  app.post("/admin/session", { preHandler: requireStaff(), schema: { body: emptyForm } }, async (request, reply) => {
    await touchSession(app.deps.db, request.session!.id, app.deps.now());
    return reply.code(204).header("cache-control", "no-store").send();
  });
  await securityRoutes(app);
  await staffRoutes(app);
  await invitationRoutes(app);
  await auditRoutes(app);
  app.get("/admin", { preHandler: requireStaff(), schema: { querystring: noQuery } }, async (request, reply) =>
    serveAdminPage(request, reply, async () => {
      const data = await dashboardData(app.deps.db, staffActor(request), app.deps.now());
      return { render: (ctx, actor) => <Dashboard ctx={ctx} actor={actor} data={data} /> };
    }),
  );
}
