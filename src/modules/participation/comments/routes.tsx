// Public routes of the comments and of reports. Every form works without JavaScript (POST,
// then a redirect, or the form again with its errors and status 400); the comments script
// posts the same form with `Accept: application/json` and gets `{ ok, href, moderation }` or
// `{ errors }`. A comment that is not one's own is a 404 for edits and deletions.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { NotFoundError } from "../../../core/errors.js";
import { emptyForm, field, formBody, handleForm, id, oneOf, queryOf, text, type Refused } from "../../../core/http/form.js";
import { idString } from "../../../core/http/input-schemas.js";
import { servePage } from "../../../core/http/render.js";
import { signInHref } from "../../../lib/return-path.js";
import { participationRefusal } from "../access.js";
import { moderatedKind } from "../moderation/all-kinds.js";
import { reportItem } from "../moderation/service.js";
import type { CommentTargetKind } from "../moderation/schema.js";
import {
  cibleOf,
  commentForEdit,
  deleteComment,
  organisationsOf,
  editComment,
  findComment,
  neighbourhoodOptions,
  postComment,
  targetLabel,
} from "./service.js";
import { excerpt } from "./text.js";
import { CommentFormPage, EditCommentPage, ReportPage } from "./views.js";

const commentBody = formBody({
  cible: oneOf(["action", "quartier", "article"]),
  id,
  reponse: id,
  body: text(4000),
  quartier: text(20),
  organisation: text(20),
});
const newQuery = queryOf({ cible: oneOf(["action", "quartier", "article"]), id: idString });
const editBody = formBody({ body: text(4000) });
const reportBody = formBody({ reason: text(1000) });
/** Kinds as they appear in report URLs. */
const REPORT_KINDS: Record<string, string> = { commentaire: "comment", idee: "proposal" };
const reportParams = { type: "object", properties: { kind: oneOf(["commentaire", "idee"]), id: idString }, required: ["kind", "id"] } as const;

type Values = { body?: string; quartier?: string; organisation?: string };

const wantsJson = (request: FastifyRequest) => (request.headers.accept ?? "").includes("application/json");

function signInFirst(request: FastifyRequest, reply: FastifyReply, back: string) {
  if (wantsJson(request)) return reply.code(401).type("application/problem+json").send({ status: 401, title: "Connexion requise" });
  return reply.redirect(signInHref(back), 303);
}

export async function commentRoutes(app: FastifyInstance) {
  const { deps } = app;
  const kindOf = (cible: string): CommentTargetKind => (cible === "quartier" ? "neighbourhood" : cible === "article" ? "article" : "action");

  async function formPage(
    request: FastifyRequest,
    reply: FastifyReply,
    input: { kind: CommentTargetKind; targetId: number; parentId: number | null },
    refused?: Refused<Values>,
  ) {
    const now = deps.now();
    const target = await targetLabel(deps.db, input.kind, input.targetId);
    if (!target) throw new NotFoundError();
    let parent: { id: number; authorName: string; excerpt: string } | null = null;
    if (input.parentId !== null) {
      const p = await findComment(deps.db, input.parentId);
      const answerable =
        p && p.target_kind === input.kind && p.target_id === input.targetId && p.parent_id === null && p.deleted_at === null && p.moderation === "visible";
      // A form shown again after a refused reply keeps the page, without the comment it can no longer answer.
      if (!answerable && !refused) throw new NotFoundError();
      if (p && answerable) parent = { id: p.id, authorName: p.author_name || "Participant", excerpt: excerpt(p.body, 300) };
    }
    const refusal = await participationRefusal(deps.db, request.session?.user, now);
    const neighbourhoods = await neighbourhoodOptions(deps.db);
    const organisations = request.session ? (await organisationsOf(deps.db, request.session.user.id)).map((o) => ({ id: o.id, name: o.name })) : [];
    return servePage(request, reply, async () => ({
      tags: [],
      private: true,
      status: refused ? 400 : refusal ? 403 : 200,
      render: (ctx) => (
        <CommentFormPage
          ctx={ctx}
          target={{ kind: cibleOf(input.kind), id: input.targetId, title: target.title, href: target.href }}
          parent={parent}
          neighbourhoods={neighbourhoods}
          organisations={organisations}
          refusal={refusal?.message ?? null}
          values={refused?.values}
          errors={refused?.errors}
        />
      ),
    }));
  }

  app.get<{ Querystring: { cible?: string; id?: string } }>(
    "/participation/commentaires/nouveau",
    { schema: { querystring: newQuery } },
    async (request, reply) => {
      if (!request.session) return signInFirst(request, reply, request.url);
      if (!request.query.id) throw new NotFoundError();
      return formPage(request, reply, { kind: kindOf(request.query.cible ?? ""), targetId: Number(request.query.id), parentId: null });
    },
  );

  app.get<{ Params: { id: string } }>("/participation/commentaires/:id/repondre", { schema: { querystring: queryOf({}) } }, async (request, reply) => {
    if (!request.session) return signInFirst(request, reply, request.url);
    const parent = await findComment(deps.db, Number(request.params.id));
    if (!parent) throw new NotFoundError();
    return formPage(request, reply, { kind: parent.target_kind, targetId: parent.target_id, parentId: parent.id });
  });

  app.post("/participation/commentaires", { schema: { body: commentBody } }, async (request, reply) => {
    const body = request.body;
    const kind = kindOf(field(body, "cible"));
    const targetIdRaw = field(body, "id");
    if (!targetIdRaw) throw new NotFoundError();
    const targetId = Number(targetIdRaw);
    const parentId = field(body, "reponse") ? Number(field(body, "reponse")) : null;
    const quartier = field(body, "quartier", { trim: true });
    const organisation = field(body, "organisation", { trim: true });
    const json = wantsJson(request);
    if (!request.session) return signInFirst(request, reply, "/");
    const user = request.session.user;
    const refusal = await participationRefusal(deps.db, user, deps.now());
    if (refusal) {
      if (json) return reply.code(403).send({ errors: { body: refusal.message } });
      return formPage(request, reply, { kind, targetId, parentId });
    }
    reply.header("cache-control", "private, no-store");
    return handleForm<Awaited<ReturnType<typeof postComment>>, Values>(
      () =>
        postComment(
          deps,
          user,
          {
            targetKind: kind,
            targetId,
            parentId,
            body: field(body, "body"),
            neighbourhoodId: /^[1-9][0-9]{0,9}$/.test(quartier) ? Number(quartier) : null,
            organisationId: /^[1-9][0-9]{0,9}$/.test(organisation) ? Number(organisation) : null,
          },
          { ip: request.ip, now: deps.now() },
        ),
      (result) => {
        const message =
          result.moderation === "pending" ? "Merci : votre commentaire sera publié après relecture par la modération." : "Votre commentaire est publié.";
        if (json) return reply.send({ ok: true, id: result.id, moderation: result.moderation, href: result.href, message });
        return reply.redirect(result.href, 303);
      },
      (refused) => {
        if (json) return reply.code(400).send({ errors: refused.errors });
        return formPage(request, reply, { kind, targetId, parentId }, refused);
      },
    );
  });

  app.get<{ Params: { id: string } }>("/participation/commentaires/:id/modifier", { schema: { querystring: queryOf({}) } }, async (request, reply) => {
    if (!request.session) return signInFirst(request, reply, request.url);
    const found = await commentForEdit(deps.db, request.session.user, Number(request.params.id), deps.now());
    return servePage(request, reply, async () => ({
      tags: [],
      private: true,
      render: (ctx) => (
        <EditCommentPage
          ctx={ctx}
          id={found.comment.id}
          target={found.target}
          editable={found.editable}
          until={found.until}
          values={{ body: found.comment.body }}
        />
      ),
    }));
  });

  app.post<{ Params: { id: string } }>("/participation/commentaires/:id/modifier", { schema: { body: editBody } }, async (request, reply) => {
    if (!request.session) return signInFirst(request, reply, "/");
    const user = request.session.user;
    const commentId = Number(request.params.id);
    const typed = field(request.body, "body");
    return handleForm<{ href: string }, { body: string }>(
      () => editComment(deps, user, commentId, typed, deps.now()),
      (result) => reply.redirect(result.href, 303),
      async (refused) => {
        const found = await commentForEdit(deps.db, user, commentId, deps.now());
        return servePage(request, reply, async () => ({
          tags: [],
          private: true,
          status: 400,
          render: (ctx) => (
            <EditCommentPage
              ctx={ctx}
              id={commentId}
              target={found.target}
              editable={found.editable}
              until={found.until}
              values={{ body: refused.values?.body ?? typed }}
              errors={refused.errors}
            />
          ),
        }));
      },
    );
  });

  app.post<{ Params: { id: string } }>("/participation/commentaires/:id/supprimer", { schema: { body: emptyForm } }, async (request, reply) => {
    if (!request.session) return signInFirst(request, reply, "/");
    const result = await deleteComment(deps, request.session.user, Number(request.params.id), deps.now());
    if (wantsJson(request)) return reply.send({ ok: true });
    return reply.redirect(result.href, 303);
  });

  // ---- reports, for every moderated kind

  async function reportPage(
    request: FastifyRequest,
    reply: FastifyReply,
    kindName: string,
    itemId: number,
    extra: { done?: boolean; refused?: Refused<{ reason?: string }> },
  ) {
    const kind = moderatedKind(kindName);
    if (!kind) throw new NotFoundError();
    const [item] = await kind.find(deps.db, [itemId]);
    if (!item || item.gone || item.moderation !== "visible") throw new NotFoundError();
    const refusal = await participationRefusal(deps.db, request.session?.user, deps.now());
    return servePage(request, reply, async () => ({
      tags: [],
      private: true,
      status: extra.refused ? 400 : refusal && !extra.done ? 403 : 200,
      render: (ctx) => (
        <ReportPage
          ctx={ctx}
          path={request.url.split("?")[0] ?? "/"}
          item={{ title: item.title, excerpt: item.excerpt, href: item.href }}
          refusal={refusal?.message ?? null}
          done={extra.done ?? false}
          values={extra.refused?.values}
          errors={extra.refused?.errors}
        />
      ),
    }));
  }

  app.get<{ Params: { kind: string; id: string } }>(
    "/participation/signaler/:kind/:id",
    { schema: { params: reportParams, querystring: queryOf({}) } },
    async (request, reply) => {
      if (!request.session) return signInFirst(request, reply, request.url);
      return reportPage(request, reply, REPORT_KINDS[request.params.kind] ?? "", Number(request.params.id), {});
    },
  );

  app.post<{ Params: { kind: string; id: string } }>(
    "/participation/signaler/:kind/:id",
    { schema: { params: reportParams, body: reportBody } },
    async (request, reply) => {
      if (!request.session) return signInFirst(request, reply, "/");
      const kind = REPORT_KINDS[request.params.kind] ?? "";
      const itemId = Number(request.params.id);
      const reason = field(request.body, "reason");
      const user = request.session.user;
      const refusal = await participationRefusal(deps.db, user, deps.now());
      if (refusal) return reportPage(request, reply, kind, itemId, {});
      return handleForm<Awaited<ReturnType<typeof reportItem>>, { reason?: string }>(
        () => reportItem(deps, user, { kind, id: itemId, reason }, deps.now()),
        async (result) => {
          reply.header("cache-control", "private, no-store");
          // A report that hid the item: the page now shows it as awaiting review.
          return servePage(request, reply, async () => ({
            tags: [],
            private: true,
            render: (ctx) => (
              <ReportPage
                ctx={ctx}
                path={request.url}
                item={{ title: result.item.title, excerpt: result.item.excerpt, href: result.item.href }}
                refusal={null}
                done
              />
            ),
          }));
        },
        (refused) => reportPage(request, reply, kind, itemId, { refused }),
      );
    },
  );
}
