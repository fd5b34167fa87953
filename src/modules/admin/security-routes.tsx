// /admin/securite: the signed-in staff member's own second factor.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { ValidationError } from "../../core/errors.js";
import { str } from "../accounts/validate.js";
import { serveAdminPage } from "./frame.js";
import { ENROL_PATH, requireStaff, staffActor } from "./guard.js";
import { confirmEnrolment, disableSecondFactor, pendingEnrolment, regenerateRecoveryCodes, securityStatus } from "./security.js";
import { EnrolPage, RecoveryCodesPage, SecurityPage } from "./views/security.js";

const NOTICES: Record<string, string> = {
  "code-de-secours-utilise": "Vous vous êtes connecté avec un code de secours, qui ne servira plus. Générez-en de nouveaux si vous en avez peu.",
  desactivee: "La double authentification est désactivée.",
};

export async function securityRoutes(app: FastifyInstance) {
  const { db } = app.deps;
  const code = (request: FastifyRequest) => str(request.body, "code", 64);

  app.get<{ Querystring: { statut?: string } }>("/admin/securite", { preHandler: requireStaff() }, async (request, reply) => {
    const status = await securityStatus(db, staffActor(request).id);
    const notice = NOTICES[String(request.query.statut ?? "")];
    return serveAdminPage(request, reply, () => ({ render: (ctx, actor) => <SecurityPage ctx={ctx} actor={actor} status={status} notice={notice} /> }));
  });

  app.get(ENROL_PATH, { preHandler: requireStaff() }, async (request, reply) => {
    const actor = staffActor(request);
    const site = await app.deps.site.load();
    const enrolment = await pendingEnrolment(db, actor, site.view.name);
    if (!enrolment) return reply.redirect("/admin/securite", 303);
    const { required } = await securityStatus(db, actor.id);
    return serveAdminPage(request, reply, () => ({ render: (ctx) => <EnrolPage ctx={ctx} actor={actor} enrolment={enrolment} required={required} /> }));
  });

  app.post(ENROL_PATH, { preHandler: requireStaff() }, async (request, reply) => {
    const actor = staffActor(request);
    try {
      const codes = await confirmEnrolment(db, actor, code(request), request.ip, app.deps.now());
      return serveAdminPage(request, reply, () => ({ render: (ctx) => <RecoveryCodesPage ctx={ctx} actor={actor} codes={codes} first /> }));
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const site = await app.deps.site.load();
      const enrolment = await pendingEnrolment(db, actor, site.view.name);
      if (!enrolment) return reply.redirect("/admin/securite", 303);
      const { required } = await securityStatus(db, actor.id);
      return serveAdminPage(request, reply, () => ({
        status: 400,
        render: (ctx) => <EnrolPage ctx={ctx} actor={actor} enrolment={enrolment} required={required} error={error.fields.code} />,
      }));
    }
  });

  const withCodeErrors = async (field: string, action: () => Promise<void>) => {
    try {
      await action();
      return null;
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return { [field]: error.fields.code ?? "Code incorrect." };
    }
  };

  app.post("/admin/securite/codes-de-secours", { preHandler: requireStaff() }, async (request, reply) => {
    const actor = staffActor(request);
    let codes: string[] = [];
    const errors = await withCodeErrors("code", async () => {
      codes = await regenerateRecoveryCodes(db, actor, code(request), request.ip, app.deps.now());
    });
    if (!errors) return serveAdminPage(request, reply, () => ({ render: (ctx) => <RecoveryCodesPage ctx={ctx} actor={actor} codes={codes} first={false} /> }));
    const status = await securityStatus(db, actor.id);
    return serveAdminPage(request, reply, () => ({ status: 400, render: (ctx) => <SecurityPage ctx={ctx} actor={actor} status={status} errors={errors} /> }));
  });

  app.post("/admin/securite/desactiver", { preHandler: requireStaff() }, async (request, reply) => {
    const actor = staffActor(request);
    const errors = await withCodeErrors("code-desactivation", () => disableSecondFactor(db, actor, code(request), request.ip, app.deps.now()));
    if (!errors) return reply.redirect("/admin/securite?statut=desactivee", 303);
    const status = await securityStatus(db, actor.id);
    return serveAdminPage(request, reply, () => ({ status: 400, render: (ctx) => <SecurityPage ctx={ctx} actor={actor} status={status} errors={errors} /> }));
  });
}
