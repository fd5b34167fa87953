// Back-office routes of the organisations' members (participation.organisations).
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { emptyForm, field, formBody, handleForm, line, noQuery, queryOf, text, type Refused } from "../../../core/http/form.js";
import { requireStaff, serveAdminPage, staffActor, type StaffActor } from "../../admin/index.js";
import type { StaffMember } from "../proposals/service.js";
import * as service from "./service.js";
import { MemberOrganisationsView, MembersView, ORGS_BASE } from "./views.js";

const idParams = { type: "object", properties: { id: { type: "string", pattern: "^[1-9][0-9]{0,8}$" } }, required: ["id"] } as const;
const memberParams = {
  type: "object",
  properties: { id: { type: "string", pattern: "^[1-9][0-9]{0,8}$" }, userId: { type: "string", pattern: "^[1-9][0-9]{0,8}$" } },
  required: ["id", "userId"],
} as const;
const flashQuery = queryOf({ ok: text(40) });
const memberBody = formBody({ email: line(300) });

const member = (actor: StaffActor): StaffMember => ({ id: actor.id, role: actor.role, label: actor.label, displayName: actor.displayName });

export async function organisationAdminRoutes(app: FastifyInstance) {
  const deps: service.OrganisationDeps = { db: app.deps.db, pageCache: app.deps.pageCache, now: () => app.deps.now() };
  const preHandler = requireStaff("participation.organisations");

  app.get(ORGS_BASE, { preHandler, schema: { querystring: noQuery } }, async (request, reply) => {
    const rows = await service.listOrganisations(deps, member(staffActor(request)));
    return serveAdminPage(request, reply, () => ({ render: (ctx, actor) => <MemberOrganisationsView ctx={ctx} actor={actor} rows={rows} /> }));
  });

  const membersPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    extra: { flash?: string | undefined; values?: Record<string, string>; errors?: Record<string, string>; status?: number } = {},
  ) => {
    const { organisation, members } = await service.organisationWithMembers(deps, member(staffActor(request)), id);
    return serveAdminPage(request, reply, () => ({
      status: extra.status,
      render: (ctx, actor) => (
        <MembersView
          ctx={ctx}
          actor={actor}
          organisation={organisation}
          members={members}
          values={extra.values ?? {}}
          errors={extra.errors ?? {}}
          flash={extra.flash}
        />
      ),
    }));
  };

  app.get<{ Params: { id: string }; Querystring: { ok?: string } }>(
    `${ORGS_BASE}/:id`,
    { preHandler, schema: { params: idParams, querystring: flashQuery } },
    (request, reply) => membersPage(request, reply, Number(request.params.id), { flash: request.query.ok }),
  );

  app.post<{ Params: { id: string } }>(`${ORGS_BASE}/:id/membres`, { preHandler, schema: { params: idParams, body: memberBody } }, async (request, reply) => {
    const id = Number(request.params.id);
    const email = field(request.body, "email", { max: 300 });
    return handleForm(
      () => service.addMemberByEmail(deps, member(staffActor(request)), id, email),
      () => reply.redirect(`${ORGS_BASE}/${id}?ok=membre-ajoute`, 303),
      ({ errors, status }: Refused<Record<string, string>>) => membersPage(request, reply, id, { values: { email }, errors, status }),
    );
  });

  app.post<{ Params: { id: string; userId: string } }>(
    `${ORGS_BASE}/:id/membres/:userId/retirer`,
    { preHandler, schema: { params: memberParams, body: emptyForm } },
    async (request, reply) => {
      const id = Number(request.params.id);
      await service.removeMember(deps, member(staffActor(request)), id, Number(request.params.userId));
      return reply.redirect(`${ORGS_BASE}/${id}?ok=membre-retire`, 303);
    },
  );
}
