// Back-office routes of the moderation (under /admin, behind the staff guard): the queue and its
// decisions (participation.moderate), blocks (participation.block), settings per space
// (participation.configure). Each decision is audited and told to the author by the service.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { field, formBody, handleForm, isChecked, checkbox, line, oneOf, pageNumber, pageParam, queryOf, text } from "../../../core/http/form.js";
import { idString } from "../../../core/http/input-schemas.js";
import { requireStaff, serveAdminPage, staffActor } from "../../admin/index.js";
import { blockAccount, decide, liftBlock, listActiveBlocks, listSpaces, loadQueue, saveSpace, SPACE_LABELS, spaceLabel, DEFAULT_SETTINGS } from "./service.js";
import { BLOCKS_PATH, BlocksPage, QUEUE_PATH, QueuePage, SETTINGS_PATH, SettingsPage } from "./views.js";
import { emptyForm } from "../../../core/http/form.js";

const queueQuery = queryOf({ page: pageParam, ok: text(40) });
const flashQuery = queryOf({ ok: text(40) });
const decisionParams = { type: "object", properties: { kind: { type: "string", pattern: "^[a-z_]{1,30}$" }, id: idString }, required: ["kind", "id"] } as const;
const decisionBody = formBody({ decision: oneOf(["approve", "hide"]), reason: text(2000) });
const blockBody = formBody({ days: line(10), reason: text(2000), retour: line(60) });
const settingsBody = formBody({ space: line(100), premoderation: checkbox, reportThreshold: line(10) });

export async function moderationAdminRoutes(app: FastifyInstance) {
  const { deps } = app;
  const moderate = requireStaff("participation.moderate");
  const block = requireStaff("participation.block");
  const configure = requireStaff("participation.configure");
  const siteName = async () => (await deps.site.load()).view.name;
  const actorOf = (request: FastifyRequest) => {
    const a = staffActor(request);
    return { id: a.id, role: a.role, label: a.label };
  };

  async function queuePage(
    request: FastifyRequest,
    reply: Parameters<typeof serveAdminPage>[1],
    page: number,
    extra: { flash?: string | undefined; errors?: { key: string; fields: Record<string, string>; values: Record<string, string> } } = {},
  ) {
    const queue = await loadQueue(deps.db, page);
    return serveAdminPage(request, reply, () => ({
      status: extra.errors ? 400 : 200,
      render: (ctx, actor) => <QueuePage ctx={ctx} actor={actor} queue={queue} flash={extra.flash} errors={extra.errors} />,
    }));
  }

  app.get<{ Querystring: { page?: string; ok?: string } }>(QUEUE_PATH, { preHandler: moderate, schema: { querystring: queueQuery } }, async (request, reply) =>
    queuePage(request, reply, pageNumber(request.query.page), { flash: request.query.ok }),
  );

  app.post<{ Params: { kind: string; id: string } }>(
    `${QUEUE_PATH}/:kind/:id`,
    { preHandler: moderate, schema: { params: decisionParams, body: decisionBody } },
    async (request, reply) => {
      const decision = field(request.body, "decision") === "hide" ? "hide" : "approve";
      const reason = field(request.body, "reason");
      const key = `${request.params.kind}-${request.params.id}`;
      return handleForm(
        async () =>
          decide(
            deps,
            actorOf(request),
            { kind: request.params.kind, id: Number(request.params.id), decision, reason },
            { ip: request.ip, now: deps.now(), siteName: await siteName() },
          ),
        () => reply.redirect(`${QUEUE_PATH}?ok=${decision === "hide" ? "masque" : "approuve"}`, 303),
        (refused) => queuePage(request, reply, 1, { errors: { key, fields: refused.errors, values: { reason } } }),
      );
    },
  );

  app.post<{ Params: { id: string } }>(
    "/admin/participation/comptes/:id/suspendre",
    { preHandler: block, schema: { body: blockBody } },
    async (request, reply) => {
      const days = field(request.body, "days", { trim: true });
      const reason = field(request.body, "reason");
      const key = field(request.body, "retour").replace(/[^a-z0-9_-]/g, "");
      return handleForm(
        async () =>
          blockAccount(
            deps,
            actorOf(request),
            { userId: Number(request.params.id), days, reason },
            { ip: request.ip, now: deps.now(), siteName: await siteName() },
          ),
        () => reply.redirect(`${BLOCKS_PATH}?ok=suspendu`, 303),
        (refused) => {
          const fields: Record<string, string> = {};
          if (refused.errors.days) fields.days = refused.errors.days;
          if (refused.errors.reason) fields.blockReason = refused.errors.reason;
          return queuePage(request, reply, 1, { errors: { key, fields, values: { days, blockReason: reason } } });
        },
      );
    },
  );

  app.post<{ Params: { id: string } }>(
    "/admin/participation/comptes/:id/retablir",
    { preHandler: block, schema: { body: emptyForm } },
    async (request, reply) => {
      await liftBlock(deps, actorOf(request), Number(request.params.id), { ip: request.ip, now: deps.now() });
      return reply.redirect(`${BLOCKS_PATH}?ok=retabli`, 303);
    },
  );

  app.get<{ Querystring: { ok?: string } }>(BLOCKS_PATH, { preHandler: block, schema: { querystring: flashQuery } }, async (request, reply) => {
    const blocks = await listActiveBlocks(deps.db, deps.now());
    return serveAdminPage(request, reply, () => ({ render: (ctx, actor) => <BlocksPage ctx={ctx} actor={actor} blocks={blocks} flash={request.query.ok} /> }));
  });

  async function settingsPage(
    request: FastifyRequest,
    reply: Parameters<typeof serveAdminPage>[1],
    extra: { flash?: string | undefined; errors?: Record<string, string>; values?: { space?: string; reportThreshold?: string; premoderation?: boolean } } = {},
  ) {
    const saved = await listSpaces(deps.db);
    const defaults = Object.keys(SPACE_LABELS)
      .filter((s) => !saved.some((r) => r.space === s))
      .map((s) => ({
        space: s,
        label: spaceLabel(s),
        premoderation: DEFAULT_SETTINGS.premoderation,
        reportThreshold: DEFAULT_SETTINGS.reportThreshold,
        saved: false,
      }));
    const spaces = [
      ...saved.map((r) => ({ space: r.space, label: spaceLabel(r.space), premoderation: r.premoderation, reportThreshold: r.report_threshold, saved: true })),
      ...defaults,
    ].sort((a, b) => a.space.localeCompare(b.space));
    return serveAdminPage(request, reply, () => ({
      status: extra.errors ? 400 : 200,
      render: (ctx, actor) => <SettingsPage ctx={ctx} actor={actor} spaces={spaces} flash={extra.flash} errors={extra.errors} values={extra.values} />,
    }));
  }

  app.get<{ Querystring: { ok?: string } }>(SETTINGS_PATH, { preHandler: configure, schema: { querystring: flashQuery } }, async (request, reply) =>
    settingsPage(request, reply, { flash: request.query.ok }),
  );

  app.post(SETTINGS_PATH, { preHandler: configure, schema: { body: settingsBody } }, async (request, reply) => {
    const values = {
      space: field(request.body, "space", { trim: true }),
      reportThreshold: field(request.body, "reportThreshold", { trim: true }),
      premoderation: isChecked(request.body, "premoderation"),
    };
    return handleForm(
      () => saveSpace(deps, actorOf(request), values, { ip: request.ip, now: deps.now() }),
      () => reply.redirect(`${SETTINGS_PATH}?ok=enregistre`, 303),
      (refused) => settingsPage(request, reply, { errors: refused.errors, values }),
    );
  });
}
