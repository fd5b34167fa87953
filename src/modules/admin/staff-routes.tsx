// /admin/equipe: staff accounts, roles, second-factor requirement (admins: staff.manage).
import type { FastifyInstance, FastifyRequest } from "fastify";
import { checkbox, emptyForm, field, formBody, handleForm, isChecked, queryOf, text } from "../../core/http/form.js";
import { serveAdminPage } from "./frame.js";
import { requireStaff, staffActor } from "./guard.js";
import { inviteStaff } from "./invitations.js";
import { presentStaffMember } from "./present.js";
import { changeRole, endSessions, findStaffMember, listStaff, resetSecondFactor, setSecondFactorRequired } from "./staff.js";
import { StaffListPage, StaffMemberPage } from "./views/staff.js";

const NOTICES: Record<string, string> = {
  invite: "Invitation envoyée.",
  promu:
    "Un compte existe déjà avec cette adresse : invitation envoyée. Le rôle ne lui sera donné qu’une fois un nouveau mot de passe choisi avec le lien reçu (la double authentification sera exigée) ; son titulaire en est averti.",
  role: "Rôle modifié. Les connexions en cours de cette personne ont été fermées.",
  "double-authentification": "Réglage enregistré.",
  reinitialise: "Double authentification réinitialisée. La personne devra la configurer de nouveau.",
  deconnecte: "Toutes ses connexions ont été fermées.",
};

/** After a redirect, which notice the page shows ("?statut=role"). */
const noticeQuery = queryOf({ statut: text(40) });
const idParams = { type: "object", properties: { id: { type: "string", pattern: "^[0-9]{1,9}$" } }, required: ["id"] } as const;
// Lengths: what the service checks in French (80 for a name, an address's 254) with room to spare.
const inviteBody = formBody({ _csrf: text(200), email: text(300), displayName: text(200), role: text(30) });
const roleBody = formBody({ _csrf: text(200), role: text(30) });
const secondFactorBody = formBody({ _csrf: text(200), required: checkbox });

type NoticeQ = { Querystring: { statut?: string } };
type IdParams = { Params: { id: string } } & NoticeQ;

export async function staffRoutes(app: FastifyInstance) {
  const { db } = app.deps;
  const manage = requireStaff("staff.manage");
  const notice = (request: FastifyRequest<NoticeQ>) => NOTICES[String(request.query.statut ?? "")];
  const teamView = async (viewerId: number) => (await listStaff(db, app.deps.now())).map((m) => presentStaffMember(m, viewerId));
  const memberView = async (id: number, viewerId: number) => presentStaffMember(await findStaffMember(db, id, app.deps.now()), viewerId);

  app.get<NoticeQ>("/admin/equipe", { preHandler: manage, schema: { querystring: noticeQuery } }, async (request, reply) => {
    const staff = await teamView(staffActor(request).id);
    return serveAdminPage(request, reply, () => ({ render: (ctx, actor) => <StaffListPage ctx={ctx} actor={actor} staff={staff} notice={notice(request)} /> }));
  });

  app.post("/admin/equipe", { preHandler: manage, schema: { body: inviteBody } }, async (request, reply) => {
    const actor = staffActor(request);
    const values = { email: field(request.body, "email"), displayName: field(request.body, "displayName"), role: field(request.body, "role") };
    return handleForm(
      async () => {
        const site = await app.deps.site.load();
        const deps = { db, mailer: app.deps.mailer, publicUrl: app.deps.config.publicUrl, siteName: site.view.name, now: app.deps.now(), ip: request.ip };
        return inviteStaff(deps, actor, values);
      },
      (result) => reply.redirect(`/admin/equipe?statut=${result.created ? "invite" : "promu"}`, 303),
      async ({ errors, status }) => {
        const staff = await teamView(actor.id);
        return serveAdminPage(request, reply, () => ({
          status,
          render: (ctx) => <StaffListPage ctx={ctx} actor={actor} staff={staff} errors={errors} values={values} />,
        }));
      },
    );
  });

  app.get<IdParams>("/admin/equipe/:id", { preHandler: manage, schema: { params: idParams, querystring: noticeQuery } }, async (request, reply) => {
    const member = await memberView(Number(request.params.id), staffActor(request).id);
    return serveAdminPage(request, reply, () => ({
      render: (ctx, actor) => <StaffMemberPage ctx={ctx} actor={actor} member={member} notice={notice(request)} />,
    }));
  });

  app.post<IdParams>("/admin/equipe/:id/role", { preHandler: manage, schema: { params: idParams, body: roleBody } }, async (request, reply) => {
    const id = Number(request.params.id);
    const actor = staffActor(request);
    return handleForm(
      () => changeRole(db, actor, id, field(request.body, "role"), request.ip, app.deps.now()),
      () => reply.redirect(`/admin/equipe/${id}?statut=role`, 303),
      async ({ errors, status }) => {
        const member = await memberView(id, actor.id);
        return serveAdminPage(request, reply, () => ({ status, render: (ctx, a) => <StaffMemberPage ctx={ctx} actor={a} member={member} errors={errors} /> }));
      },
    );
  });

  app.post<IdParams>(
    "/admin/equipe/:id/double-authentification",
    { preHandler: manage, schema: { params: idParams, body: secondFactorBody } },
    async (request, reply) => {
      const id = Number(request.params.id);
      await setSecondFactorRequired(db, staffActor(request), id, isChecked(request.body, "required"), request.ip, app.deps.now());
      return reply.redirect(`/admin/equipe/${id}?statut=double-authentification`, 303);
    },
  );

  app.post<IdParams>(
    "/admin/equipe/:id/reinitialiser-double-authentification",
    { preHandler: manage, schema: { params: idParams, body: emptyForm } },
    async (request, reply) => {
      const id = Number(request.params.id);
      await resetSecondFactor(db, staffActor(request), id, request.ip, app.deps.now());
      return reply.redirect(`/admin/equipe/${id}?statut=reinitialise`, 303);
    },
  );

  app.post<IdParams>("/admin/equipe/:id/deconnecter", { preHandler: manage, schema: { params: idParams, body: emptyForm } }, async (request, reply) => {
    const id = Number(request.params.id);
    await endSessions(db, staffActor(request), id, request.ip, app.deps.now());
    return reply.redirect(`/admin/equipe/${id}?statut=deconnecte`, 303);
  });
}
