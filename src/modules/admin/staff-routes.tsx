// /admin/equipe: staff accounts, roles, second-factor requirement (admins: staff.manage).
import type { FastifyInstance, FastifyRequest } from "fastify";
import { ValidationError } from "../../core/errors.js";
import { str } from "../accounts/validate.js";
import { serveAdminPage } from "./frame.js";
import { requireStaff, staffActor } from "./guard.js";
import { changeRole, endSessions, findStaffMember, inviteStaff, listStaff, resetSecondFactor, setSecondFactorRequired } from "./staff.js";
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

type IdParams = { Params: { id: string }; Querystring: { statut?: string } };
const idSchema = { params: { type: "object", properties: { id: { type: "string", pattern: "^[0-9]{1,9}$" } }, required: ["id"] } } as const;

export async function staffRoutes(app: FastifyInstance) {
  const { db } = app.deps;
  const guard = { preHandler: requireStaff("staff.manage"), schema: idSchema };
  const notice = (request: FastifyRequest<{ Querystring: { statut?: string } }>) => NOTICES[String(request.query.statut ?? "")];

  app.get<{ Querystring: { statut?: string } }>("/admin/equipe", { preHandler: requireStaff("staff.manage") }, async (request, reply) => {
    const staff = await listStaff(db, app.deps.now());
    return serveAdminPage(request, reply, () => ({ render: (ctx, actor) => <StaffListPage ctx={ctx} actor={actor} staff={staff} notice={notice(request)} /> }));
  });

  app.post("/admin/equipe", { preHandler: requireStaff("staff.manage") }, async (request, reply) => {
    const actor = staffActor(request);
    const values = { email: str(request.body, "email", 300), displayName: str(request.body, "displayName", 200), role: str(request.body, "role", 30) };
    try {
      const site = await app.deps.site.load();
      const result = await inviteStaff(
        { db, mailer: app.deps.mailer, publicUrl: app.deps.config.publicUrl, siteName: site.view.name, now: app.deps.now(), ip: request.ip },
        actor,
        values,
      );
      return reply.redirect(`/admin/equipe?statut=${result.created ? "invite" : "promu"}`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const staff = await listStaff(db, app.deps.now());
      return serveAdminPage(request, reply, () => ({
        status: 400,
        render: (ctx) => <StaffListPage ctx={ctx} actor={actor} staff={staff} errors={error.fields} values={values} />,
      }));
    }
  });

  app.get<IdParams>("/admin/equipe/:id", guard, async (request, reply) => {
    const member = await findStaffMember(db, Number(request.params.id), app.deps.now());
    return serveAdminPage(request, reply, () => ({ render: (ctx, actor) => <StaffMemberPage ctx={ctx} actor={actor} member={member} notice={notice(request)} /> }));
  });

  app.post<IdParams>("/admin/equipe/:id/role", guard, async (request, reply) => {
    const id = Number(request.params.id);
    try {
      await changeRole(db, staffActor(request), id, str(request.body, "role", 30), request.ip, app.deps.now());
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const member = await findStaffMember(db, id, app.deps.now());
      return serveAdminPage(request, reply, () => ({ status: 400, render: (ctx, actor) => <StaffMemberPage ctx={ctx} actor={actor} member={member} errors={error.fields} /> }));
    }
    return reply.redirect(`/admin/equipe/${id}?statut=role`, 303);
  });

  app.post<IdParams>("/admin/equipe/:id/double-authentification", guard, async (request, reply) => {
    const id = Number(request.params.id);
    const required = str(request.body, "required", 10) !== "";
    await setSecondFactorRequired(db, staffActor(request), id, required, request.ip, app.deps.now());
    return reply.redirect(`/admin/equipe/${id}?statut=double-authentification`, 303);
  });

  app.post<IdParams>("/admin/equipe/:id/reinitialiser-double-authentification", guard, async (request, reply) => {
    const id = Number(request.params.id);
    await resetSecondFactor(db, staffActor(request), id, request.ip, app.deps.now());
    return reply.redirect(`/admin/equipe/${id}?statut=reinitialise`, 303);
  });

  app.post<IdParams>("/admin/equipe/:id/deconnecter", guard, async (request, reply) => {
    const id = Number(request.params.id);
    await endSessions(db, staffActor(request), id, request.ip, app.deps.now());
    return reply.redirect(`/admin/equipe/${id}?statut=deconnecte`, 303);
  });
}
