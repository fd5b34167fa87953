// The moderation shared by every participation kind (decision 0017): settings per space (pre- or
// post-moderation, reports before an item is hidden for review), reports by signed-in accounts,
// the moderators' queue, decisions (approve, hide with a public reason), account blocks. Every
// decision is written in the audit journal in its own transaction, and the author is told why
// (an on-site notice and an e-mail through the job queue).
import type { Transaction } from "kysely";
import { can } from "../../../core/auth/roles.js";
import type { CurrentUser } from "../../../core/auth/sessions.js";
import { recordEvent } from "../../../core/audit.js";
import type { AppDeps } from "../../../core/deps.js";
import type { Database } from "../../../core/db/schema.js";
import { ForbiddenError, NotFoundError, ValidationError } from "../../../core/errors.js";
import { hitRateLimit } from "../../../core/rate-limit.js";
import { formatDate } from "../../../lib/format.js";
import { participationRefusal } from "../access.js";
import { mails } from "../mails.js";
import { INBOX_PATH, notify, notifyByMail } from "../notifications/service.js";
import { moderatedKind, moderatedKinds } from "./all-kinds.js";
import type { Db, ModeratedItem } from "./kinds.js";
import * as q from "./queries.js";
import type { Moderation } from "./schema.js";

export const DEFAULT_SETTINGS = { premoderation: false, reportThreshold: 3 } as const;
export const REASON_MAX = 500;
/** Reports one account may file per hour (a flood of reports is abuse too). */
export const REPORT_LIMIT = { limit: 20, windowMs: 3_600_000 };
export const QUEUE_PAGE_SIZE = 30;

export interface SpaceSettings {
  premoderation: boolean;
  reportThreshold: number;
}

/** The settings of the most specific space that has a row ("comment:action:12" before "comment:action"). */
export async function settingsFor(db: Db, spaces: readonly string[]): Promise<SpaceSettings> {
  const rows = await q.findSpaces(db, spaces);
  for (const space of spaces) {
    const row = rows.find((r) => r.space === space);
    if (row) return { premoderation: row.premoderation, reportThreshold: row.report_threshold };
  }
  return { ...DEFAULT_SETTINGS };
}

/** A new pre-moderated item waits in the queue (called by each kind in its insert's transaction). */
export async function queueForReview(db: Db, kind: string, id: number, now: Date) {
  await q.enqueueItem(db, { kind, id, why: "premoderation", now });
}

/** An item its author removed leaves the queue; its reports are closed. */
export async function forgetItem(db: Db, kind: string, id: number, now: Date) {
  await q.dequeueItem(db, kind, id);
  await q.resolveReports(db, kind, id, now);
}

async function findItem(db: Db, kind: string, id: number): Promise<ModeratedItem> {
  const k = moderatedKind(kind);
  if (!k) throw new NotFoundError();
  const [item] = await k.find(db, [id]);
  if (!item) throw new NotFoundError();
  return item;
}

// ---- reports

export type ReportOutcome = "reported" | "already" | "hidden";

/**
 * Reports a visible item with a reason. Anyone who may participate may report, except the
 * author. At the space's threshold of open reports the item is hidden until a moderator
 * decides; below it, it waits in the queue while staying visible.
 */
export async function reportItem(
  deps: Pick<AppDeps, "db" | "pageCache">,
  user: CurrentUser | null,
  input: { kind: string; id: number; reason: string },
  now: Date,
): Promise<{ outcome: ReportOutcome; item: ModeratedItem }> {
  const refusal = await participationRefusal(deps.db, user, now);
  if (refusal || !user) throw new ForbiddenError(refusal?.message ?? "Not allowed");
  const item = await findItem(deps.db, input.kind, input.id);
  // Only what the public sees can be reported; a hidden or pending item is already with the moderators.
  if (item.gone || item.moderation !== "visible") throw new NotFoundError();
  const reason = input.reason.trim();
  const values = { reason };
  if (item.authorId === user.id) throw new ValidationError({ reason: "Vous ne pouvez pas signaler votre propre contribution." }, "own", values);
  if (reason.length < 5) throw new ValidationError({ reason: "Indiquez en quelques mots pourquoi cette contribution pose problème." }, "reason", values);
  if (reason.length > REASON_MAX) throw new ValidationError({ reason: `Le motif ne peut dépasser ${REASON_MAX} caractères.` }, "reason", values);
  const limit = await hitRateLimit(deps.db, `participation:report:${user.id}`, REPORT_LIMIT, now);
  if (!limit.allowed)
    throw new ValidationError({ reason: "Vous avez fait beaucoup de signalements en peu de temps. Réessayez dans une heure." }, "rate", values);
  const kind = moderatedKind(input.kind);
  if (!kind) throw new NotFoundError();
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const added = await q.insertReport(trx, { kind: item.kind, id: item.id, reporterId: user.id, reason, now });
    if (!added) return "already" as const;
    await q.enqueueItem(trx, { kind: item.kind, id: item.id, why: "reports", now });
    const [count, settings] = await Promise.all([q.countOpenReports(trx, item.kind, item.id), settingsFor(trx, item.spaces)]);
    if (count >= settings.reportThreshold) {
      await kind.setModeration(trx, item.id, "hidden", "");
      return "hidden" as const;
    }
    return "reported" as const;
  });
  if (outcome === "hidden") kind.invalidate(deps, item);
  return { outcome, item };
}

// ---- decisions

export type Decision = "approve" | "hide";

/**
 * The moderation state machine. `queued`: waiting in the queue (pre-moderated or reported).
 * approve: a pending or hidden item becomes visible; a visible one only leaves the queue
 * (reports dismissed). hide: a pending or visible item, or one hidden for review, is hidden
 * with a public reason. Anything else is refused (null).
 */
export function nextModeration(current: Moderation, queued: boolean, decision: Decision): Moderation | null {
  if (decision === "approve") {
    if (current === "visible") return queued ? "visible" : null;
    return "visible";
  }
  if (current === "hidden" && !queued) return null;
  return "hidden";
}

const DECISION_WORDS: Record<Decision, { verb: string; notice: string }> = {
  approve: { verb: "approve", notice: "publiée après examen par la modération" },
  hide: { verb: "hide", notice: "masquée par la modération" },
};

export interface Moderator {
  id: number;
  role: CurrentUser["role"];
  label: string;
}

export async function decide(
  deps: Pick<AppDeps, "db" | "pageCache" | "mailer" | "config">,
  actor: Moderator,
  input: { kind: string; id: number; decision: Decision; reason: string },
  ctx: { ip: string; now: Date; siteName: string },
): Promise<{ item: ModeratedItem; moderation: Moderation }> {
  if (!can(actor, "participation.moderate")) throw new ForbiddenError("Missing participation.moderate");
  const kind = moderatedKind(input.kind);
  if (!kind) throw new NotFoundError();
  const reason = input.reason.trim();
  if (input.decision === "hide" && reason.length < 5)
    throw new ValidationError({ reason: "Donnez le motif public du masquage : l’auteur et les lecteurs le verront." }, "reason", { reason });
  if (reason.length > REASON_MAX) throw new ValidationError({ reason: `Le motif ne peut dépasser ${REASON_MAX} caractères.` }, "reason", { reason });
  const result = await deps.db.transaction().execute(async (trx) => {
    const item = await findItem(trx, input.kind, input.id);
    const queued = await q.isQueued(trx, item.kind, item.id);
    if (item.gone && queued && input.decision === "approve") {
      // Removed by its author since it was queued: nothing to decide, it only leaves the queue.
      await q.dequeueItem(trx, item.kind, item.id);
      await q.resolveReports(trx, item.kind, item.id, ctx.now);
      return { item, moderation: item.moderation };
    }
    const next = item.gone ? null : nextModeration(item.moderation, queued, input.decision);
    if (next === null)
      throw new ValidationError({ decision: "Cette décision ne s’applique pas à cette contribution dans son état actuel." }, "state", { reason });
    const publicReason = next === "hidden" ? reason : "";
    await kind.setModeration(trx, item.id, next, publicReason);
    if (item.moderation === "pending" && next === "visible" && kind.published) await kind.published(trx, item.id, ctx.now);
    await q.dequeueItem(trx, item.kind, item.id);
    await q.resolveReports(trx, item.kind, item.id, ctx.now);
    await recordEvent(trx, {
      actor: { id: actor.id, label: actor.label },
      action: `participation.${DECISION_WORDS[input.decision].verb}`,
      target: { type: item.kind, id: item.id, label: item.title },
      details: { from: item.moderation, to: next, reason: publicReason, queued },
      ip: ctx.ip,
      at: ctx.now,
    });
    // The author is told of every decision but one: leaving a visible item visible only dismisses reports.
    if (item.authorId !== null && !(item.moderation === "visible" && next === "visible")) {
      const what = `Votre contribution « ${item.excerpt.slice(0, 80)} »`;
      const message = `${what} a été ${DECISION_WORDS[input.decision].notice}.${publicReason ? ` Motif : ${publicReason}` : ""}`;
      await notify(trx, [{ userId: item.authorId, kind: "moderation", message, href: item.href }], ctx.now, actor.id);
      const inboxUrl = new URL(INBOX_PATH, deps.config.publicUrl).toString();
      const authorId = item.authorId;
      if (authorId !== actor.id)
        await notifyByMail(deps, trx as Transaction<Database>, authorId, (to) =>
          mails.moderationNotice(to, ctx.siteName, what, DECISION_WORDS[input.decision].notice, publicReason, inboxUrl),
        );
    }
    return { item, moderation: next };
  });
  kind.invalidate(deps, result.item);
  return result;
}

// ---- the queue

export async function loadQueue(db: Db, page: number) {
  const [rows, total] = await Promise.all([q.listQueue(db, QUEUE_PAGE_SIZE, (page - 1) * QUEUE_PAGE_SIZE), q.countQueue(db)]);
  const items: (ModeratedItem & { why: string; queuedAt: Date; label: string; reports: { reason: string; at: Date }[] })[] = [];
  const reports = await q.openReportsOf(
    db,
    rows.map((r) => ({ kind: r.target_kind, id: r.target_id })),
  );
  for (const k of moderatedKinds()) {
    const mine = rows.filter((r) => r.target_kind === k.kind);
    if (mine.length === 0) continue;
    const found = await k.find(
      db,
      mine.map((r) => r.target_id),
    );
    for (const item of found) {
      const row = mine.find((r) => r.target_id === item.id);
      if (!row) continue;
      items.push({
        ...item,
        label: k.label,
        why: row.why,
        queuedAt: row.queued_at,
        reports: reports.filter((r) => r.target_kind === item.kind && r.target_id === item.id).map((r) => ({ reason: r.reason, at: r.created_at })),
      });
    }
  }
  items.sort((a, b) => a.queuedAt.getTime() - b.queuedAt.getTime() || a.id - b.id);
  return { items, total, page, pages: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)) };
}

// ---- settings

/** The spaces a moderator can set: each kind of page, and one action or neighbourhood page. */
export const SPACE_LABELS: Record<string, string> = {
  "comment:action": "Commentaires des actions",
  "comment:neighbourhood": "Commentaires des pages de quartier et de QPV",
  "comment:article": "Commentaires des articles ouverts aux commentaires",
  proposal: "Idées",
};
const SPACE_PATTERN = /^(comment:action|comment:neighbourhood|comment:article|proposal)(:[1-9][0-9]{0,9})?$/;

export function spaceLabel(space: string): string {
  const [kind, target, id] = space.split(":");
  const base = SPACE_LABELS[target && !/^[0-9]+$/.test(target) ? `${kind}:${target}` : (kind ?? "")] ?? space;
  const n = id ?? (target && /^[0-9]+$/.test(target) ? target : undefined);
  return n ? `${base} : n° ${n} seulement` : base;
}

export async function saveSpace(
  deps: Pick<AppDeps, "db">,
  actor: Moderator,
  input: { space: string; premoderation: boolean; reportThreshold: string },
  ctx: { ip: string; now: Date },
) {
  if (!can(actor, "participation.configure")) throw new ForbiddenError("Missing participation.configure");
  const space = input.space.trim();
  const errors: Record<string, string> = {};
  if (!SPACE_PATTERN.test(space)) errors.space = "Choisissez un espace dans la liste (ou un espace suivi de « : » et d’un numéro).";
  const threshold = Number(input.reportThreshold);
  if (!/^[0-9]{1,3}$/.test(input.reportThreshold) || threshold < 1 || threshold > 100)
    errors.reportThreshold = "Indiquez un nombre de signalements entre 1 et 100.";
  if (Object.keys(errors).length > 0) throw new ValidationError(errors, "settings", input);
  await deps.db.transaction().execute(async (trx) => {
    await q.upsertSpace(trx, { space, premoderation: input.premoderation, reportThreshold: threshold, by: actor.id, now: ctx.now });
    await recordEvent(trx, {
      actor: { id: actor.id, label: actor.label },
      action: "participation.settings",
      target: { type: "participation_space", id: space, label: spaceLabel(space) },
      details: { premoderation: input.premoderation, report_threshold: threshold },
      ip: ctx.ip,
      at: ctx.now,
    });
  });
}

export const listSpaces = q.listSpaces;

// ---- blocks

export const BLOCK_DAYS_MAX = 365;

export async function blockAccount(
  deps: Pick<AppDeps, "db" | "mailer">,
  actor: Moderator,
  input: { userId: number; days: string; reason: string },
  ctx: { ip: string; now: Date; siteName: string },
) {
  if (!can(actor, "participation.block")) throw new ForbiddenError("Missing participation.block");
  const reason = input.reason.trim();
  const days = Number(input.days);
  const errors: Record<string, string> = {};
  if (!/^[0-9]{1,3}$/.test(input.days) || days < 1 || days > BLOCK_DAYS_MAX) errors.days = `Indiquez une durée entre 1 et ${BLOCK_DAYS_MAX} jours.`;
  if (reason.length < 5 || reason.length > REASON_MAX) errors.reason = "Donnez le motif de la suspension (5 à 500 caractères) : la personne le recevra.";
  if (Object.keys(errors).length > 0) throw new ValidationError(errors, "block", { days: input.days, reason });
  const target = await q.findAccount(deps.db, input.userId);
  if (!target) throw new NotFoundError();
  // A moderator suspends residents' participation, not a colleague's account or their own.
  if (target.id === actor.id || target.role !== "resident")
    throw new ValidationError({ reason: "Seuls les comptes d’habitants peuvent être suspendus." }, "block", { days: input.days, reason });
  const until = new Date(ctx.now.getTime() + days * 86_400_000);
  await deps.db.transaction().execute(async (trx) => {
    await q.insertBlock(trx, { userId: target.id, until, reason, by: actor.id, now: ctx.now });
    await recordEvent(trx, {
      actor: { id: actor.id, label: actor.label },
      action: "participation.block",
      target: { type: "user", id: target.id, label: target.display_name || `compte n° ${target.id}` },
      details: { days, until: until.toISOString(), reason },
      ip: ctx.ip,
      at: ctx.now,
    });
    await notify(
      trx,
      [{ userId: target.id, kind: "block", message: `Votre participation est suspendue jusqu’au ${formatDate(until)}. Motif : ${reason}`, href: "" }],
      ctx.now,
    );
    await notifyByMail(deps, trx, target.id, (to) => mails.blockNotice(to, ctx.siteName, formatDate(until), reason));
  });
  return { until };
}

export async function liftBlock(deps: Pick<AppDeps, "db">, actor: Moderator, userId: number, ctx: { ip: string; now: Date }) {
  if (!can(actor, "participation.block")) throw new ForbiddenError("Missing participation.block");
  await deps.db.transaction().execute(async (trx) => {
    const lifted = await q.liftBlocks(trx, userId, ctx.now);
    if (lifted === 0) throw new NotFoundError();
    await recordEvent(trx, {
      actor: { id: actor.id, label: actor.label },
      action: "participation.unblock",
      target: { type: "user", id: userId, label: `compte n° ${userId}` },
      ip: ctx.ip,
      at: ctx.now,
    });
  });
}

export const listActiveBlocks = q.listActiveBlocks;
