// Revisions: every save keeps a snapshot (who, when, what), so editors can compare any
// two versions and restore one. Restoring is itself a new revision: history only grows.
import type { DB } from "../../core/db/create-db.js";
import type { RevisionOrigin } from "../../core/db/schema.js";
import { NotFoundError } from "../../core/errors.js";
import { diffWords, type DiffPart } from "../../lib/diff.js";
import { plainText } from "../../lib/text.js";
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
  const item = await db.selectFrom("content_items").select(["title", "slug", "standfirst", "body", "hero_media_id"]).where("id", "=", contentId).executeTakeFirst();
  if (!item) throw new NotFoundError();
  const [themes, places] = await Promise.all([
    db.selectFrom("content_themes").select("theme_id").where("content_id", "=", contentId).orderBy("position").execute(),
    db.selectFrom("content_neighbourhoods").select("neighbourhood_id").where("content_id", "=", contentId).orderBy("neighbourhood_id").execute(),
  ]);
  return {
    title: item.title,
    slug: item.slug,
    standfirst: item.standfirst,
    body: item.body,
    themeIds: themes.map((t) => t.theme_id),
    neighbourhoodIds: places.map((p) => p.neighbourhood_id),
    heroMediaId: item.hero_media_id,
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
  const row = await trx
    .insertInto("content_revisions")
    .values({
      content_id: contentId,
      author_id: authorId,
      title: s.title,
      slug: s.slug,
      standfirst: s.standfirst,
      body: s.body,
      data: JSON.stringify({ themeIds: s.themeIds, neighbourhoodIds: s.neighbourhoodIds, heroMediaId: s.heroMediaId }),
      origin: options.origin ?? "save",
      ...(options.at ? { created_at: options.at } : {}),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
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
  const latest = await trx
    .selectFrom("content_revisions")
    .select(["id", "author_id", "origin", "created_at"])
    .where("content_id", "=", contentId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  if (latest && latest.origin === "autosave" && latest.author_id === authorId && at.getTime() - latest.created_at.getTime() < AUTOSAVE_WINDOW_MS) {
    const s = await currentSnapshot(trx, contentId);
    await trx
      .updateTable("content_revisions")
      .set({
        title: s.title,
        slug: s.slug,
        standfirst: s.standfirst,
        body: s.body,
        data: JSON.stringify({ themeIds: s.themeIds, neighbourhoodIds: s.neighbourhoodIds, heroMediaId: s.heroMediaId }),
      })
      .where("id", "=", latest.id)
      .execute();
    return latest.id;
  }
  return recordRevision(trx, contentId, authorId, { origin: "autosave", at });
}

export async function listRevisions(db: DB, contentId: number) {
  return db
    .selectFrom("content_revisions as r")
    .leftJoin("users as u", "u.id", "r.author_id")
    .select(["r.id", "r.created_at", "r.title", "r.origin", "u.display_name", "u.email"])
    .where("r.content_id", "=", contentId)
    .orderBy("r.created_at", "desc")
    .orderBy("r.id", "desc")
    .execute();
}

export async function loadRevision(db: DB, contentId: number, revisionId: number): Promise<Snapshot> {
  const r = await db
    .selectFrom("content_revisions")
    .select(["title", "slug", "standfirst", "body", "data"])
    .where("id", "=", revisionId)
    .where("content_id", "=", contentId)
    .executeTakeFirst();
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
  // The image may have been deleted from the library since: restore without it then.
  const hero = s.heroMediaId === null ? undefined : await trx.selectFrom("media").select("id").where("id", "=", s.heroMediaId).executeTakeFirst();
  await trx
    .updateTable("content_items")
    .set((eb) => ({ title: s.title, standfirst: s.standfirst, body: sanitizeBody(s.body), hero_media_id: hero?.id ?? null, updated_at: at ?? new Date(), updated_by: authorId, version: eb("version", "+", 1) }))
    .where("id", "=", contentId)
    .execute();
  await trx.deleteFrom("content_themes").where("content_id", "=", contentId).execute();
  await trx.deleteFrom("content_neighbourhoods").where("content_id", "=", contentId).execute();
  const themes = await trx.selectFrom("themes").select("id").where("id", "in", s.themeIds.length ? s.themeIds : [-1]).execute();
  const known = new Set(themes.map((t) => t.id));
  const themeRows = s.themeIds.filter((id) => known.has(id)).map((theme_id, position) => ({ content_id: contentId, theme_id, position }));
  if (themeRows.length) await trx.insertInto("content_themes").values(themeRows).execute();
  const places = await trx.selectFrom("neighbourhoods").select("id").where("id", "in", s.neighbourhoodIds.length ? s.neighbourhoodIds : [-1]).execute();
  if (places.length) await trx.insertInto("content_neighbourhoods").values(places.map((p) => ({ content_id: contentId, neighbourhood_id: p.id }))).execute();
  return recordRevision(trx, contentId, authorId, { origin: "restore", at });
}
