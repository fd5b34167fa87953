// Comments on actions and neighbourhood pages (decision 0017): plain text, one level of
// replies, edited by their author within 15 minutes, deleted by their author at any time.
// Every rule about who may do what to which comment is here; routes only read forms.
import { ForbiddenError, NotFoundError, ValidationError } from "../../../core/errors.js";
import { can } from "../../../core/auth/roles.js";
import { recordEvent } from "../../../core/audit.js";
import type { CurrentUser } from "../../../core/auth/sessions.js";
import type { AppDeps } from "../../../core/deps.js";
import { hitRateLimit } from "../../../core/rate-limit.js";
import { TaggedMemo } from "../../../core/http/tagged-memo.js";
import { neighbourhoodExists } from "../../places/index.js";
import { participationRefusal } from "../access.js";
import { isMember, organisationsOf } from "../organisations/queries.js";
import type { Db } from "../moderation/kinds.js";
import { findAccount } from "../moderation/queries.js";
import type { CommentTargetKind, Moderation } from "../moderation/schema.js";
import { forgetItem, queueForReview, settingsFor } from "../moderation/service.js";
import { commentKind, commentTag } from "./moderated.js";
import * as q from "./queries.js";
import { tellReaders } from "./readers.js";
import { countLinks, fingerprint, normaliseBody, splitComment, type TextPart } from "./text.js";

export const COMMENT_MAX = 2000;
export const EDIT_WINDOW_MS = 15 * 60_000;
/** Comments one account may post per hour, and one address (several people behind one box). */
export const ACCOUNT_HOURLY_LIMIT = 10;
export const IP_LIMIT = { limit: 30, windowMs: 3_600_000 };
/** The same text by the same account within this time is a duplicate. */
export const DUPLICATE_WINDOW_MS = 24 * 3_600_000;
/** Accounts younger than this may put at most one link in a comment; others at most five. */
export const NEW_ACCOUNT_MS = 7 * 86_400_000;
export const LINKS_NEW_ACCOUNT = 1;
export const LINKS_MAX = 5;
/** Comments read for one page (oldest first): a very long thread shows its first ones. */
export const THREAD_MAX = 500;

export const TARGET_KINDS: readonly CommentTargetKind[] = ["action", "neighbourhood", "article"];

/** The target kind as the comment form names it (`cible`). */
export function cibleOf(kind: CommentTargetKind): "action" | "quartier" | "article" {
  return kind === "neighbourhood" ? "quartier" : kind;
}

export interface CommentInput {
  targetKind: CommentTargetKind;
  targetId: number;
  parentId: number | null;
  body: string;
  neighbourhoodId: number | null;
  /** On behalf of an organisation the author is a member of. */
  organisationId?: number | null;
}

type Deps = Pick<AppDeps, "db" | "pageCache">;

function spacesOf(kind: CommentTargetKind, id: number) {
  return [`comment:${kind}:${id}`, `comment:${kind}`];
}

/** Length, links and duplicates: the checks shared by a new comment and an edit. */
async function checkBody(db: Db, user: CurrentUser, raw: string, now: Date, exceptId: number | null): Promise<string> {
  const body = normaliseBody(raw);
  const values = { body: raw };
  if (body === "") throw new ValidationError({ body: "Écrivez votre commentaire." }, "empty", values);
  if (body.length > COMMENT_MAX)
    throw new ValidationError({ body: `Votre commentaire fait ${body.length} caractères : ${COMMENT_MAX} au plus.` }, "long", values);
  const account = await findAccount(db, user.id);
  const isNew = !account || now.getTime() - account.created_at.getTime() < NEW_ACCOUNT_MS;
  const maxLinks = isNew ? LINKS_NEW_ACCOUNT : LINKS_MAX;
  if (countLinks(body) > maxLinks)
    throw new ValidationError(
      {
        body: isNew
          ? "Les comptes créés depuis moins de 7 jours peuvent mettre un seul lien par commentaire."
          : `Pas plus de ${LINKS_MAX} liens par commentaire.`,
      },
      "links",
      values,
    );
  const print = fingerprint(body);
  const recent = await q.recentByAuthor(db, user.id, new Date(now.getTime() - DUPLICATE_WINDOW_MS));
  if (recent.some((r) => r.fingerprint === print && r.id !== exceptId))
    throw new ValidationError({ body: "Vous avez déjà publié ce même commentaire." }, "duplicate", values);
  return body;
}

async function allowedUser(db: Db, user: CurrentUser | null, now: Date): Promise<CurrentUser> {
  const refusal = await participationRefusal(db, user, now);
  if (refusal || !user) throw new ForbiddenError(refusal?.message ?? "Not allowed");
  return user;
}

/** Posts a comment or a reply; returns where it is shown and whether it waits for moderation. */
export async function postComment(deps: Deps, userIn: CurrentUser | null, input: CommentInput, ctx: { ip: string; now: Date }) {
  const { now } = ctx;
  const user = await allowedUser(deps.db, userIn, now);
  const target = await q.targetLabel(deps.db, input.targetKind, input.targetId);
  if (!target) throw new NotFoundError();
  const values = {
    body: input.body,
    quartier: input.neighbourhoodId ? String(input.neighbourhoodId) : "",
    organisation: input.organisationId ? String(input.organisationId) : "",
  };
  let parent: Awaited<ReturnType<typeof q.findComment>> | undefined;
  if (input.parentId !== null) {
    parent = await q.findComment(deps.db, input.parentId);
    // One level of replies, to a comment of the same page that is shown to everyone.
    if (!parent || parent.target_kind !== input.targetKind || parent.target_id !== input.targetId) throw new NotFoundError();
    if (parent.parent_id !== null || parent.deleted_at !== null || parent.moderation !== "visible")
      throw new ValidationError({ body: "On ne peut plus répondre à ce commentaire." }, "parent", values);
  }
  if (input.neighbourhoodId !== null && !(await neighbourhoodExists(deps.db, input.neighbourhoodId)))
    throw new ValidationError({ quartier: "Choisissez un quartier dans la liste." }, "quartier", values);
  const organisationId = input.organisationId ?? null;
  if (organisationId !== null && !(await isMember(deps.db, organisationId, user.id)))
    throw new ValidationError({ organisation: "Vous ne pouvez publier qu’au nom d’une organisation dont vous êtes membre." }, "organisation", values);
  let body: string;
  try {
    body = await checkBody(deps.db, user, input.body, now, null);
  } catch (error) {
    if (error instanceof ValidationError) throw new ValidationError(error.fields, error.message, values);
    throw error;
  }
  const hourAgo = new Date(now.getTime() - 3_600_000);
  const lastHour = await q.recentByAuthor(deps.db, user.id, hourAgo);
  if (lastHour.length >= ACCOUNT_HOURLY_LIMIT)
    throw new ValidationError(
      { body: `Vous avez publié ${ACCOUNT_HOURLY_LIMIT} commentaires dans l’heure : attendez un peu avant le suivant.` },
      "rate",
      values,
    );
  const ipLimit = await hitRateLimit(deps.db, `participation:comment:ip:${ctx.ip}`, IP_LIMIT, now);
  if (!ipLimit.allowed)
    throw new ValidationError({ body: "Beaucoup de commentaires sont venus de votre connexion dans l’heure : réessayez plus tard." }, "rate", values);
  const settings = await settingsFor(deps.db, spacesOf(input.targetKind, input.targetId));
  const moderation: Moderation = settings.premoderation ? "pending" : "visible";
  const id = await deps.db.transaction().execute(async (trx) => {
    const id = await q.insertComment(trx, {
      target_kind: input.targetKind,
      target_id: input.targetId,
      parent_id: input.parentId,
      author_id: user.id,
      neighbourhood_id: input.neighbourhoodId,
      organisation_id: organisationId,
      body,
      fingerprint: fingerprint(body),
      moderation,
      created_at: now,
    });
    if (moderation === "pending") await queueForReview(trx, "comment", id, now);
    else
      await tellReaders(
        trx,
        {
          id,
          authorId: user.id,
          authorName: user.displayName,
          body,
          parentAuthorId: parent?.author_id ?? null,
          target,
          targetKind: input.targetKind,
          targetId: input.targetId,
        },
        now,
      );
    return id;
  });
  if (moderation === "visible") deps.pageCache.invalidateTags([commentTag(input.targetKind, input.targetId)]);
  return { id, moderation, href: `${target.href}#commentaire-${id}` };
}

/** The author's own comment, checked for an edit or a deletion; anyone else's is a 404 (no hint it exists). */
async function ownComment(db: Db, user: CurrentUser, id: number) {
  const c = await q.findComment(db, id);
  if (!c || c.author_id !== user.id || c.deleted_at !== null) throw new NotFoundError();
  return c;
}

export function editableUntil(createdAt: Date): Date {
  return new Date(createdAt.getTime() + EDIT_WINDOW_MS);
}

export function canEdit(c: { author_id: number | null; created_at: Date; deleted_at: Date | null; moderation: Moderation }, userId: number | null, now: Date) {
  return userId !== null && c.author_id === userId && c.deleted_at === null && c.moderation !== "hidden" && now < editableUntil(c.created_at);
}

/** The comment as its author may edit it (the edit form). */
export async function commentForEdit(db: Db, user: CurrentUser | null, id: number, now: Date) {
  const author = await allowedUser(db, user, now);
  const c = await ownComment(db, author, id);
  const target = await q.targetLabel(db, c.target_kind, c.target_id);
  return { comment: c, target, editable: canEdit(c, author.id, now), until: editableUntil(c.created_at) };
}

export async function editComment(deps: Deps, userIn: CurrentUser | null, id: number, raw: string, now: Date) {
  const user = await allowedUser(deps.db, userIn, now);
  const c = await ownComment(deps.db, user, id);
  if (!canEdit(c, user.id, now))
    throw new ValidationError({ body: "Un commentaire ne peut être modifié que dans les 15 minutes qui suivent sa publication." }, "late", { body: raw });
  const body = await checkBody(deps.db, user, raw, now, id).catch((error: unknown) => {
    if (error instanceof ValidationError) throw new ValidationError(error.fields, error.message, { body: raw });
    throw error;
  });
  const settings = await settingsFor(deps.db, spacesOf(c.target_kind, c.target_id));
  await deps.db.transaction().execute(async (trx) => {
    const locked = await q.lockComment(trx, id);
    if (!locked || locked.deleted_at !== null) throw new NotFoundError();
    await q.updateBody(trx, id, body, fingerprint(body), now);
    // Under pre-moderation an edited text is read again before it is shown.
    if (settings.premoderation && locked.moderation === "visible") {
      await q.setModeration(trx, id, "pending", "");
      await queueForReview(trx, "comment", id, now);
    }
  });
  deps.pageCache.invalidateTags([commentTag(c.target_kind, c.target_id)]);
  const target = await q.targetLabel(deps.db, c.target_kind, c.target_id);
  return { href: target ? `${target.href}#commentaire-${id}` : "/" };
}

export async function deleteComment(deps: Deps, userIn: CurrentUser | null, id: number, now: Date) {
  const user = await allowedUser(deps.db, userIn, now).catch(async (error: unknown) => {
    // A blocked or unverified author may still delete what they wrote.
    if (userIn) return userIn;
    throw error;
  });
  const c = await ownComment(deps.db, user, id);
  await deps.db.transaction().execute(async (trx) => {
    await q.markDeleted(trx, id, now);
    await forgetItem(trx, "comment", id, now);
  });
  deps.pageCache.invalidateTags([commentTag(c.target_kind, c.target_id)]);
  const target = await q.targetLabel(deps.db, c.target_kind, c.target_id);
  return { href: target ? `${target.href}#commentaires` : "/" };
}

// ---- the thread shown on a page

export type CommentState = "visible" | "pending" | "hidden_review" | "hidden" | "deleted";

export interface CommentView {
  id: number;
  authorName: string;
  neighbourhood: string | null;
  /** The organisation it speaks for ("Awa D. pour Conseil citoyen des Tilleuls"). */
  organisation: string | null;
  createdAt: Date;
  edited: boolean;
  /** Paragraphs of lines of text and link parts; empty when the text is not shown. */
  paragraphs: TextPart[][][];
  state: CommentState;
  reason: string;
  mine: boolean;
  canEdit: boolean;
  canReport: boolean;
  canReply: boolean;
  replies: CommentView[];
}

/**
 * What a viewer sees of a page's comments. Everyone: visible comments; a hidden one as a notice
 * with its public reason (or "awaiting review"); a deleted one as "Contribution supprimée" only
 * while replies hang from it. Its author also sees their own pending or hidden text. With
 * `viewerId` null this is the public, cacheable thread.
 */
export async function loadThread(db: Db, kind: CommentTargetKind, id: number, viewerId: number | null, now: Date) {
  const rows = await q.commentsOf(db, kind, id, THREAD_MAX);
  const toView = (r: q.CommentRow): CommentView | null => {
    const mine = viewerId !== null && r.author_id === viewerId;
    let state: CommentState;
    if (r.deleted_at !== null) state = "deleted";
    else if (r.moderation === "pending") state = "pending";
    else if (r.moderation === "hidden") state = r.moderation_reason ? "hidden" : "hidden_review";
    else state = "visible";
    if (state === "pending" && !mine) return null;
    const showText = state === "visible" || ((state === "pending" || state === "hidden" || state === "hidden_review") && mine);
    return {
      id: r.id,
      authorName: state === "deleted" || r.author_id === null ? "" : r.author_name || "Participant",
      neighbourhood: state === "deleted" ? null : r.neighbourhood_name,
      organisation: state === "deleted" ? null : r.organisation_name,
      createdAt: r.created_at,
      edited: r.edited_at !== null,
      paragraphs: showText ? splitComment(r.body) : [],
      state,
      reason: state === "hidden" ? r.moderation_reason : "",
      mine,
      canEdit: canEdit(r, viewerId, now),
      canReport: viewerId !== null && !mine && state === "visible",
      canReply: r.parent_id === null && state === "visible",
      replies: [],
    };
  };
  const top: CommentView[] = [];
  const byId = new Map<number, CommentView>();
  for (const r of rows.filter((r) => r.parent_id === null)) {
    const v = toView(r);
    if (v) {
      top.push(v);
      byId.set(r.id, v);
    }
  }
  for (const r of rows.filter((r) => r.parent_id !== null)) {
    const parent = byId.get(r.parent_id ?? 0);
    const v = toView(r);
    if (parent && v && v.state !== "deleted") parent.replies.push(v);
  }
  const shown = top.filter((c) => c.state !== "deleted" || c.replies.length > 0);
  const count = shown.reduce((n, c) => n + (c.state === "visible" ? 1 : 0) + c.replies.filter((r) => r.state === "visible").length, 0);
  return { comments: shown, count, tag: commentTag(kind, id) };
}

export const commentKindForModeration = commentKind;
export const neighbourhoodOptions = q.neighbourhoodOptions;
export const targetLabel = q.targetLabel;
export const findComment = q.findComment;

// ---- articles: closed to comments unless an editor opens one

export async function openArticleComments(
  deps: Pick<AppDeps, "db" | "pageCache">,
  actor: { id: number; role: CurrentUser["role"]; label: string },
  address: string,
  ctx: { ip: string; now: Date },
) {
  if (!can(actor, "participation.article_comments")) throw new ForbiddenError("Missing participation.article_comments");
  let path = address.trim();
  try {
    // a full address pasted from the browser: keep its path
    if (/^https?:\/\//i.test(path)) path = new URL(path).pathname;
  } catch {
    path = "";
  }
  const article = path ? await q.publishedArticleByPath(deps.db, path.replace(/\/+$/, "")) : undefined;
  if (!article) throw new ValidationError({ address: "Indiquez l’adresse d’un article publié, par exemple /actualites/mon-article." }, "address", { address });
  await deps.db.transaction().execute(async (trx) => {
    if (!(await q.openArticle(trx, article.id, actor.id, ctx.now))) return;
    await recordEvent(trx, {
      actor: { id: actor.id, label: actor.label },
      action: "participation.article_open",
      target: { type: "content", id: article.id, label: article.title },
      ip: ctx.ip,
      at: ctx.now,
    });
  });
  deps.pageCache.invalidateTags([commentTag("article", article.id)]);
  return article;
}

export async function closeArticleComments(
  deps: Pick<AppDeps, "db" | "pageCache">,
  actor: { id: number; role: CurrentUser["role"]; label: string },
  contentId: number,
  ctx: { ip: string; now: Date },
) {
  if (!can(actor, "participation.article_comments")) throw new ForbiddenError("Missing participation.article_comments");
  await deps.db.transaction().execute(async (trx) => {
    if (!(await q.closeArticle(trx, contentId))) throw new NotFoundError();
    await recordEvent(trx, {
      actor: { id: actor.id, label: actor.label },
      action: "participation.article_close",
      target: { type: "content", id: contentId, label: `contenu n° ${contentId}` },
      ip: ctx.ip,
      at: ctx.now,
    });
  });
  deps.pageCache.invalidateTags([commentTag("article", contentId)]);
}

export const openArticles = q.openArticles;

// Whether an article is open to comments, asked by every render of an article: kept with the
// tag its opening and closing drop (above), so as fresh as the article's cached page.
const openState = new TaggedMemo<number, boolean>({ maxEntries: 5000 });

/** Whether residents may comment on this article; from memory while nothing changed it. */
export function articleOpenForComments(deps: Pick<AppDeps, "db" | "pageCache">, contentId: number): Promise<boolean> {
  return openState.get(deps.pageCache, contentId, Date.now(), async () => ({
    value: await q.isArticleOpen(deps.db, contentId),
    tags: [commentTag("article", contentId)],
  }));
}

export { organisationsOf };
