// Back-office routes of the proposals (under /admin, behind the staff guard): the list and one
// idea (participation.answer, .mediate or .moderate), the city's answer (participation.answer),
// assisted entry of an idea or a support (participation.mediate). Thin: one service call, then
// a redirect with a notice, or the form again with 400 (handleForm).
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  checkbox,
  field,
  formBody,
  handleForm,
  isChecked,
  line,
  noQuery,
  pageNumber,
  pageParam,
  queryOf,
  text,
  type Refused,
} from "../../../core/http/form.js";
import { neighbourhoodChoices } from "../../places/index.js";
import { requireStaff, serveAdminPage, staffActor, type StaffActor } from "../../admin/index.js";
import { presentProposal } from "./present.js";
import * as q from "./queries.js";
import { STATUS_SLUGS } from "./rules.js";
import * as service from "./service.js";
import { ADMIN_BASE, AssistedEntryView, type StaffProposalData, StaffProposalView, StaffProposalsView } from "./views/admin.js";

const idParams = { type: "object", properties: { id: { type: "string", pattern: "^[1-9][0-9]{0,8}$" } }, required: ["id"] } as const;
const listQuery = queryOf({ statut: text(40), page: pageParam });
const flashQuery = queryOf({ ok: text(40) });
const answerBody = formBody({ statut: line(40), reponse: text(8000), action: line(20) });
const assistedSupportBody = formBody({ habitant: line(300), consentement: checkbox });
const assistedBody = formBody({
  habitant: line(300),
  consentement: checkbox,
  titre: line(300),
  description: text(12_000),
  quartier: line(20),
  priorite: line(20),
});

type Values = Record<string, string>;

const member = (actor: StaffActor): service.StaffMember => ({ id: actor.id, role: actor.role, label: actor.label, displayName: actor.displayName });

export async function proposalAdminRoutes(app: FastifyInstance) {
  const deps: service.ProposalDeps = { db: app.deps.db, pageCache: app.deps.pageCache, now: () => app.deps.now() };
  const staff = requireStaff();
  const see = (reply: FastifyReply, url: string) => reply.redirect(url, 303);

  app.get<{ Querystring: { statut?: string; page?: string } }>(
    `${ADMIN_BASE}/idees`,
    { preHandler: staff, schema: { querystring: listQuery } },
    async (request, reply) => {
      const page = pageNumber(request.query.page);
      const status = request.query.statut ? STATUS_SLUGS[request.query.statut] : undefined;
      const { rows, total, pageCount } = await service.staffList(deps, member(staffActor(request)), { status, page });
      const data = { items: rows.map(presentProposal), total, page, pageCount, status: status ? request.query.statut : undefined };
      return serveAdminPage(request, reply, () => ({ render: (ctx, actor) => <StaffProposalsView ctx={ctx} actor={actor} data={data} /> }));
    },
  );

  const proposalPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    extra: Partial<Omit<StaffProposalData, "p" | "actions">> & { status?: number } = {},
  ) => {
    const { row, actions } = await service.staffProposal(deps, member(staffActor(request)), id);
    const data: StaffProposalData = {
      p: presentProposal(row),
      actions,
      flash: extra.flash,
      answerValues: extra.answerValues ?? {},
      answerErrors: extra.answerErrors ?? {},
      supportValues: extra.supportValues ?? {},
      supportErrors: extra.supportErrors ?? {},
    };
    return serveAdminPage(request, reply, () => ({ status: extra.status, render: (ctx, actor) => <StaffProposalView ctx={ctx} actor={actor} data={data} /> }));
  };

  app.get<{ Params: { id: string }; Querystring: { ok?: string } }>(
    `${ADMIN_BASE}/idees/:id`,
    { preHandler: staff, schema: { params: idParams, querystring: flashQuery } },
    (request, reply) => proposalPage(request, reply, Number(request.params.id), { flash: request.query.ok }),
  );

  app.post<{ Params: { id: string } }>(
    `${ADMIN_BASE}/idees/:id/reponse`,
    { preHandler: requireStaff("participation.answer"), schema: { params: idParams, body: answerBody } },
    async (request, reply) => {
      const id = Number(request.params.id);
      const input = { statut: field(request.body, "statut"), reponse: field(request.body, "reponse"), action: field(request.body, "action") };
      return handleForm(
        () => service.answerProposal(deps, member(staffActor(request)), id, input),
        () => see(reply, `${ADMIN_BASE}/idees/${id}?ok=reponse-enregistree`),
        ({ errors, status }: Refused<Values>) => proposalPage(request, reply, id, { status, answerValues: input, answerErrors: errors }),
      );
    },
  );

  app.post<{ Params: { id: string } }>(
    `${ADMIN_BASE}/idees/:id/soutien-assiste`,
    { preHandler: requireStaff("participation.mediate"), schema: { params: idParams, body: assistedSupportBody } },
    async (request, reply) => {
      const id = Number(request.params.id);
      const input = { habitant: field(request.body, "habitant"), consentement: isChecked(request.body, "consentement") };
      return handleForm(
        () => service.recordAssistedSupport(deps, member(staffActor(request)), id, input),
        () => see(reply, `${ADMIN_BASE}/idees/${id}?ok=soutien-enregistre`),
        ({ errors, status }: Refused<Values>) =>
          proposalPage(request, reply, id, { status, supportValues: { habitant: input.habitant }, supportErrors: errors }),
      );
    },
  );

  const assistedPage = async (request: FastifyRequest, reply: FastifyReply, values: Values, errors: Record<string, string>, status?: number) => {
    const [places, priorities] = await Promise.all([neighbourhoodChoices(deps.db), q.priorityChoices(deps.db)]);
    return serveAdminPage(request, reply, () => ({
      status,
      render: (ctx, actor) => <AssistedEntryView ctx={ctx} actor={actor} data={{ places, priorities }} values={values} errors={errors} />,
    }));
  };

  const mediate = requireStaff("participation.mediate");
  app.get(`${ADMIN_BASE}/saisie-assistee`, { preHandler: mediate, schema: { querystring: noQuery } }, (request, reply) => assistedPage(request, reply, {}, {}));

  app.post(`${ADMIN_BASE}/saisie-assistee`, { preHandler: mediate, schema: { body: assistedBody } }, async (request, reply) => {
    const b = request.body;
    const input: service.AssistedInput = {
      habitant: field(b, "habitant"),
      consentement: isChecked(b, "consentement"),
      titre: field(b, "titre"),
      description: field(b, "description"),
      quartier: field(b, "quartier"),
      priorite: field(b, "priorite"),
    };
    return handleForm(
      () => service.recordAssistedProposal(deps, member(staffActor(request)), input),
      (saved) => see(reply, `${ADMIN_BASE}/idees/${saved.id}?ok=idee-enregistree`),
      ({ errors, status }: Refused<Values>) =>
        assistedPage(request, reply, { ...(input as Record<string, string>), consentement: input.consentement ? "on" : "" }, errors, status),
    );
  });
}
