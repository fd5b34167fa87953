// Revisions: every save keeps a snapshot (who, when, what), so editors can compare any
// two versions and restore one. Restoring is itself a new revision: history only grows.
import type { DB } from "../../core/db/create-db.js";
import type { RevisionOrigin } from "../../core/db/schema.js";
import { NotFoundError } from "../../core/errors.js";
import { diffWords, type DiffPart } from "../../lib/diff.js";
import { plainText } from "../../lib/text.js";
import { existingNeighbourhoodIds, existingThemeIds } from "../places/index.js";
import { findLinkIds, setNeighbourhoods, setThemes } from "./queries/links.js";
import * as q from "./queries/revisions.js";
import { sanitizeBody } from "./sanitize.js";

export interface Snapshot {
  title: string;
  slug: string;
  standfirst: string;
  body: string;
  themeIds: number[];
  neighbourhoodIds: number[];
  heroMediaId: number | null;
}

export async function currentSnapshot(db: DB, contentId: number): Promise<Snapshot> {
  const [item, links] = await Promise.all([q.findItemText(db, contentId), findLinkIds(db, contentId)]);
  if (!item) throw new NotFoundError();
  return {
    title: item.title,
    slug: item.slug,
    standfirst: item.standfirst,
    body: item.body,
    themeIds: links.themeIds,
    neighbourhoodIds: links.neighbourhoodIds,
    heroMediaId: item.hero_media_id,
  };
}

function fieldsOf(s: Snapshot): q.RevisionFields {
  return {
    title: s.title,
    slug: s.slug,
    standfirst: s.standfirst,
    body: s.body,
    data: JSON.stringify({ themeIds: s.themeIds, neighbourhoodIds: s.neighbourhoodIds, heroMediaId: s.heroMediaId }),
  };
}

export interface RevisionOptions {
  /** Why this revision exists (default "save"). */
  origin?: RevisionOrigin;
  /** The app clock; defaults to the database clock. */
  at?: Date;
}

/** Records the item as it is now. Call in the transaction that changed it. */
export async function recordRevision(trx: DB, contentId: number, authorId: number | null, options: RevisionOptions = {}): Promise<number> {
  return recordSnapshot(trx, contentId, authorId, await currentSnapshot(trx, contentId), options);
}

/**
 * Records a given snapshot, which need not be the item's current state: the text of a
 * save refused by a conflict is kept this way ("conflict"), so nothing typed is lost.
 */
export async function recordSnapshot(trx: DB, contentId: number, authorId: number | null, s: Snapshot, options: RevisionOptions = {}): Promise<number> {
  return q.insertRevision(trx, contentId, authorId, fieldsOf(s), options.origin ?? "save", options.at);
}

/** How long an autosave revision keeps absorbing the same author's later autosaves. */
export const AUTOSAVE_WINDOW_MS = 10 * 60_000;

/**
 * Autosaves keep at most one revision per author per ten minutes: when the item's latest
 * revision is this author's autosave from less than ten minutes ago, it is overwritten
 * with the current state; otherwise a new "autosave" revision starts. A manual save
 * always adds a revision, so the history reads as deliberate saves plus, between them,
 * the latest autosaved text of each ten-minute stretch.
 */
export async function recordAutosaveRevision(trx: DB, contentId: number, authorId: number, at: Date): Promise<number> {
  const latest = await q.findLatestRevision(trx, contentId);
  if (latest && latest.origin === "autosave" && latest.author_id === authorId && at.getTime() - latest.created_at.getTime() < AUTOSAVE_WINDOW_MS) {
    await q.overwriteRevision(trx, latest.id, fieldsOf(await currentSnapshot(trx, contentId)));
    return latest.id;
  }
  return recordRevision(trx, contentId, authorId, { origin: "autosave", at });
}

export { listRevisions, countRevisions } from "./queries/revisions.js";

export async function loadRevision(db: DB, contentId: number, revisionId: number): Promise<Snapshot> {
  const r = await q.findRevision(db, contentId, revisionId);
  if (!r) throw new NotFoundError();
  const data = (typeof r.data === "string" ? JSON.parse(r.data) : r.data) as Partial<Snapshot>;
  return {
    title: r.title,
    slug: r.slug,
    standfirst: r.standfirst,
    body: r.body,
    themeIds: data.themeIds ?? [],
    neighbourhoodIds: data.neighbourhoodIds ?? [],
    heroMediaId: data.heroMediaId ?? null,
  };
}

/** A revision's origin ("save", "conflict"...), or undefined when it is not this item's. */
export async function revisionOrigin(db: DB, contentId: number, revisionId: number): Promise<RevisionOrigin | undefined> {
  return (await q.findRevision(db, contentId, revisionId))?.origin;
}

export interface FieldDiff {
  field: "title" | "slug" | "standfirst" | "body";
  parts: DiffPart[];
}

/** A readable comparison of two revisions (body compared as text, without markup). */
export async function compareRevisions(db: DB, contentId: number, fromId: number, toId: number): Promise<FieldDiff[]> {
  const [a, b] = await Promise.all([loadRevision(db, contentId, fromId), loadRevision(db, contentId, toId)]);
  const fields = ["title", "slug", "standfirst", "body"] as const;
  return fields
    .map((field) => {
      const before = field === "body" ? plainText(a.body) : a[field];
      const after = field === "body" ? plainText(b.body) : b[field];
      return { field, parts: diffWords(before, after) };
    })
    .filter((d) => d.parts.some((p) => p.kind !== "same"));
}

/**
 * Puts a revision's text, themes, places and image back on the item (not its slug: a
 * restored slug could take another item's path; renaming is a separate, explicit act),
 * then records the result as a new revision. Call inside a transaction.
 */
export async function restoreRevision(trx: DB, contentId: number, revisionId: number, authorId: number | null, at?: Date): Promise<number> {
  const s = await loadRevision(trx, contentId, revisionId);
  // The image, themes or places may have been deleted since: restore without them then.
  const heroMediaId = s.heroMediaId !== null && (await q.mediaExists(trx, s.heroMediaId)) ? s.heroMediaId : null;
  await q.restoreItemText(trx, contentId, { title: s.title, standfirst: s.standfirst, body: sanitizeBody(s.body), heroMediaId }, at ?? new Date(), authorId);
  const knownThemes = new Set(await existingThemeIds(trx, s.themeIds));
  await setThemes(
    trx,
    contentId,
    s.themeIds.filter((id) => knownThemes.has(id)),
  );
  await setNeighbourhoods(trx, contentId, await existingNeighbourhoodIds(trx, s.neighbourhoodIds));
  return recordRevision(trx, contentId, authorId, { origin: "restore", at });
}
