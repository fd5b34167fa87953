// /admin/securite: the signed-in staff member's own second factor.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { field, formBody, handleForm, noQuery, queryOf, text, type Refused } from "../../core/http/form.js";
import { serveAdminPage } from "./frame.js";
import { ENROL_PATH, requireStaff, staffActor } from "./guard.js";
import { confirmEnrolment, disableSecondFactor, pendingEnrolment, regenerateRecoveryCodes, securityStatus } from "./security.js";
import { EnrolPage, RecoveryCodesPage, SecurityPage } from "./views/security.js";

const NOTICES: Record<string, string> = {
  "code-de-secours-utilise": "Vous vous êtes connecté avec un code de secours, qui ne servira plus. Générez-en de nouveaux si vous en avez peu.",
  desactivee: "La double authentification est désactivée.",
};

/** After a redirect, which notice the page shows ("?statut=desactivee"). */
const noticeQuery = queryOf({ statut: text(40) });
/** A current code from the authenticator (six digits; a recovery code is longer), nothing else. */
const codeBody = formBody({ _csrf: text(200), code: text(64) });

export async function securityRoutes(app: FastifyInstance) {
  const { db } = app.deps;
  const code = (request: FastifyRequest) => field(request.body, "code");
  const staff = requireStaff();

  app.get<{ Querystring: { statut?: string } }>("/admin/securite", { preHandler: staff, schema: { querystring: noticeQuery } }, async (request, reply) => {
    const status = await securityStatus(db, staffActor(request).id);
    const notice = NOTICES[String(request.query.statut ?? "")];
    return serveAdminPage(request, reply, () => ({ render: (ctx, actor) => <SecurityPage ctx={ctx} actor={actor} status={status} notice={notice} /> }));
  });

  app.get(ENROL_PATH, { preHandler: staff, schema: { querystring: noQuery } }, async (request, reply) => {
    const actor = staffActor(request);
    const site = await app.deps.site.load();
    const enrolment = await pendingEnrolment(db, actor, site.view.name);
    if (!enrolment) return reply.redirect("/admin/securite", 303);
    const { required } = await securityStatus(db, actor.id);
    return serveAdminPage(request, reply, () => ({ render: (ctx) => <EnrolPage ctx={ctx} actor={actor} enrolment={enrolment} required={required} /> }));
  });

  app.post(ENROL_PATH, { preHandler: staff, schema: { body: codeBody } }, async (request, reply) => {
    const actor = staffActor(request);
    return handleForm(
      () => confirmEnrolment(db, actor, code(request), request.ip, app.deps.now()),
      (codes) => serveAdminPage(request, reply, () => ({ render: (ctx) => <RecoveryCodesPage ctx={ctx} actor={actor} codes={codes} first /> })),
      async ({ errors, status }) => {
        const site = await app.deps.site.load();
        const enrolment = await pendingEnrolment(db, actor, site.view.name);
        if (!enrolment) return reply.redirect("/admin/securite", 303);
        const { required } = await securityStatus(db, actor.id);
        return serveAdminPage(request, reply, () => ({
          status,
          render: (ctx) => <EnrolPage ctx={ctx} actor={actor} enrolment={enrolment} required={required} error={errors.code} />,
        }));
      },
    );
  });

  /** A refused code: the security page again, the message beside the form it came from. */
  const refused =
    (request: FastifyRequest, reply: FastifyReply, formField: string) =>
    async ({ errors, status }: Refused<unknown>) => {
      const actor = staffActor(request);
      const current = await securityStatus(db, actor.id);
      const shown = { [formField]: errors.code ?? "Code incorrect." };
      return serveAdminPage(request, reply, () => ({ status, render: (ctx) => <SecurityPage ctx={ctx} actor={actor} status={current} errors={shown} /> }));
    };

  app.post("/admin/securite/codes-de-secours", { preHandler: staff, schema: { body: codeBody } }, async (request, reply) => {
    const actor = staffActor(request);
    return handleForm(
      () => regenerateRecoveryCodes(db, actor, code(request), request.ip, app.deps.now()),
      (codes) => serveAdminPage(request, reply, () => ({ render: (ctx) => <RecoveryCodesPage ctx={ctx} actor={actor} codes={codes} first={false} /> })),
      refused(request, reply, "code"),
    );
  });

  app.post("/admin/securite/desactiver", { preHandler: staff, schema: { body: codeBody } }, async (request, reply) => {
    const actor = staffActor(request);
    return handleForm(
      () => disableSecondFactor(db, actor, code(request), request.ip, app.deps.now()),
      () => reply.redirect("/admin/securite?statut=desactivee", 303),
      refused(request, reply, "code-desactivation"),
    );
  });
}
