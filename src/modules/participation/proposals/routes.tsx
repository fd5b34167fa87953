// Public routes of the proposals: the list, one idea (/participation/idees/<id>-<slug>, other
// spellings 301 to it), the form of a signed-in resident and the support button. The list and a
// visible idea are cached for anonymous visitors (tags participation:proposals and
// participation:proposal:<id>); a signed-in visitor gets a private page with their own state.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { MovedError, NotFoundError } from "../../../core/errors.js";
import { field, formBody, handleForm, line, noQuery, oneOf, pageNumber, pageParam, queryOf, text, type Refused } from "../../../core/http/form.js";
import { servePage } from "../../../core/http/render.js";
import { signInHref } from "../../../lib/return-path.js";
import { listNeighbourhoods, neighbourhoodChoices } from "../../places/index.js";
import { requireSession } from "../../accounts/index.js";
import { presentCard, presentProposal, proposalPath } from "./present.js";
import * as q from "./queries.js";
import { STATUS_SLUGS } from "./rules.js";
import * as service from "./service.js";
import { NewProposalPage, type ProposalFormData, ProposalListPage, ProposalPage, type SupportState } from "./views/public.js";

const BASE = "/participation/idees";
const PAGE_SIZE = 20;

const listQuery = queryOf({ quartier: text(120), statut: text(40), page: pageParam });
const refParams = {
  type: "object",
  properties: { ref: { type: "string", maxLength: 100, pattern: "^[1-9][0-9]{0,8}(-[a-z0-9]+(-[a-z0-9]+)*)?$" } },
  required: ["ref"],
} as const;
const idParams = { type: "object", properties: { id: { type: "string", pattern: "^[1-9][0-9]{0,8}$" } }, required: ["id"] } as const;
const proposalBody = formBody({ titre: line(300), description: text(12_000), quartier: line(20), priorite: line(20), organisation: line(20) });
const supportBody = formBody({ action: oneOf(["soutenir", "retirer"]) });
const pageQuery = queryOf({ ok: text(40) });

type Values = Record<string, string>;

export function participantOf(request: FastifyRequest, createdAt: Date | null = null): service.Participant | null {
  const s = request.session;
  return s ? { id: s.user.id, role: s.user.role, emailVerified: s.user.emailVerified, createdAt } : null;
}

export async function proposalRoutes(app: FastifyInstance) {
  const deps: service.ProposalDeps = { db: app.deps.db, pageCache: app.deps.pageCache, now: () => app.deps.now() };

  app.get<{ Querystring: { quartier?: string; statut?: string; page?: string } }>(BASE, { schema: { querystring: listQuery } }, async (request, reply) =>
    servePage(request, reply, async () => {
      const page = pageNumber(request.query.page);
      const places = await listNeighbourhoods(deps.db);
      const place = request.query.quartier ? places.find((p) => p.slug === request.query.quartier) : undefined;
      const status = request.query.statut ? STATUS_SLUGS[request.query.statut] : undefined;
      const { rows, total } = await q.listProposals(
        deps.db,
        { visibleOnly: true, neighbourhoodId: place?.id ?? (request.query.quartier ? -1 : undefined), status },
        PAGE_SIZE,
        (page - 1) * PAGE_SIZE,
      );
      const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
      if (page > pageCount) throw new NotFoundError();
      const data = {
        items: rows.map(presentCard),
        total,
        page,
        pageCount,
        filter: { quartier: place?.slug, statut: status ? request.query.statut : undefined },
        places: places.map((p) => ({ slug: p.slug, name: p.name, kind: p.kind })),
      };
      return { tags: ["participation:proposals", "neighbourhoods"], render: (ctx) => <ProposalListPage ctx={ctx} data={data} /> };
    }),
  );

  const formData = async (request: FastifyRequest): Promise<ProposalFormData> => {
    const session = request.session!;
    const [places, priorities, organisations] = await Promise.all([
      neighbourhoodChoices(deps.db),
      q.priorityChoices(deps.db),
      service.postingOrganisations(deps.db, session.user.id),
    ]);
    return { places, priorities, organisations, verified: session.user.emailVerified };
  };

  app.get(`${BASE}/nouvelle`, { schema: { querystring: noQuery } }, async (request, reply) => {
    if (!requireSession(request, reply)) return reply;
    const data = await formData(request);
    return servePage(request, reply, async () => ({
      tags: [],
      private: true,
      render: (ctx) => <NewProposalPage ctx={ctx} data={data} values={{}} errors={{}} />,
    }));
  });

  app.post(`${BASE}/nouvelle`, { schema: { body: proposalBody } }, async (request, reply) => {
    if (!request.session) return reply.redirect(signInHref(`${BASE}/nouvelle`), 303);
    const body = request.body;
    const input: service.ProposalInput = {
      titre: field(body, "titre"),
      description: field(body, "description"),
      quartier: field(body, "quartier"),
      priorite: field(body, "priorite"),
      organisation: field(body, "organisation"),
    };
    const createdAt = await q.accountCreatedAt(deps.db, request.session.user.id);
    return handleForm(
      () => service.submitProposal(deps, participantOf(request, createdAt)!, input, request.ip),
      (saved) => reply.redirect(`${proposalPath(saved)}?ok=${saved.moderation === "pending" ? "en-attente" : "publiee"}`, 303),
      async ({ errors, status }: Refused<Values>) => {
        const data = await formData(request);
        return servePage(request, reply, async () => ({
          tags: [],
          private: true,
          status,
          render: (ctx) => <NewProposalPage ctx={ctx} data={data} values={input as Values} errors={errors} />,
        }));
      },
    );
  });

  app.get<{ Params: { ref: string }; Querystring: { ok?: string } }>(
    `${BASE}/:ref`,
    { schema: { params: refParams, querystring: pageQuery } },
    async (request, reply) => {
      const id = Number(request.params.ref.split("-", 1)[0]);
      const session = request.session;
      const row = await service.proposalFor(deps.db, id, session ? { id: session.user.id, role: session.user.role } : null);
      const canonical = proposalPath(row);
      if (request.params.ref !== `${row.id}-${row.slug}`) throw new MovedError(canonical);
      const view = presentProposal(row);
      const isAuthor = session !== null && row.author_id === session.user.id;
      const canReport = session !== null && !isAuthor;
      const state: SupportState = !session
        ? { viewer: null, supported: false, canReport, isAuthor }
        : !session.user.emailVerified
          ? { viewer: "unverified", supported: false, canReport, isAuthor }
          : { viewer: "participant", supported: await q.hasSupported(deps.db, id, session.user.id), canReport, isAuthor };
      const notice =
        request.query.ok === "publiee"
          ? "Votre idée est publiée."
          : request.query.ok === "en-attente"
            ? "Votre idée est enregistrée : elle sera publiée après la relecture d’un modérateur."
            : request.query.ok === "image"
              ? "L’image est enregistrée."
              : request.query.ok === "soutien"
                ? "Merci, votre soutien est enregistré."
                : undefined;
      return servePage(request, reply, async () => ({
        tags: ["participation:proposals", service.proposalTag(id)],
        // a hidden or pending idea is shown only to its author and to staff: never shared
        private: row.moderation !== "visible" || notice !== undefined,
        render: (ctx) => <ProposalPage ctx={ctx} p={view} state={state} notice={notice} />,
      }));
    },
  );

  app.post<{ Params: { id: string } }>(`${BASE}/:id/soutien`, { schema: { params: idParams, body: supportBody } }, async (request, reply) => {
    const id = Number(request.params.id);
    if (!request.session) {
      const row = await q.findProposal(deps.db, id);
      if (row?.moderation !== "visible") throw new NotFoundError();
      return reply.redirect(signInHref(proposalPath(row)), 303);
    }
    const add = field(request.body, "action") !== "retirer";
    await service.toggleSupport(deps, participantOf(request)!, id, add);
    const row = await q.findProposal(deps.db, id);
    reply.header("cache-control", "private, no-store");
    return see(reply, `${proposalPath(row!)}${add ? "?ok=soutien" : ""}`);
  });
}

function see(reply: FastifyReply, url: string) {
  return reply.redirect(url, 303);
}
