// SQL of content_revisions (revisions.ts holds the rules: snapshots, autosave window, restore).
import type { DB } from "../../../core/db/create-db.js";
import type { RevisionOrigin } from "../../../core/db/schema.js";

/** The text fields a revision keeps, as stored on the item. */
export async function findItemText(db: DB, contentId: number) {
  return db.selectFrom("content_items").select(["title", "slug", "standfirst", "body", "hero_media_id"]).where("id", "=", contentId).executeTakeFirst();
}

export interface RevisionFields {
  title: string;
  slug: string;
  standfirst: string;
  body: string;
  /** JSON: themeIds, neighbourhoodIds, heroMediaId. */
  data: string;
}

export async function insertRevision(
  trx: DB,
  contentId: number,
  authorId: number | null,
  fields: RevisionFields,
  origin: RevisionOrigin,
  at?: Date,
): Promise<number> {
  const row = await trx
    .insertInto("content_revisions")
    .values({ content_id: contentId, author_id: authorId, ...fields, origin, ...(at ? { created_at: at } : {}) })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function overwriteRevision(trx: DB, revisionId: number, fields: RevisionFields): Promise<void> {
  await trx.updateTable("content_revisions").set(fields).where("id", "=", revisionId).execute();
}

/** The item's newest revision. */
export async function findLatestRevision(trx: DB, contentId: number) {
  return trx
    .selectFrom("content_revisions")
    .select(["id", "author_id", "origin", "created_at"])
    .where("content_id", "=", contentId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** The highest revision id of an item (null when it has none). */
export async function maxRevisionId(trx: DB, contentId: number): Promise<number | null> {
  const row = await trx
    .selectFrom("content_revisions")
    .select((eb) => eb.fn.max("id").as("id"))
    .where("content_id", "=", contentId)
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function countRevisions(db: DB, contentId: number): Promise<number> {
  const row = await db
    .selectFrom("content_revisions")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("content_id", "=", contentId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
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

export async function findRevision(db: DB, contentId: number, revisionId: number) {
  return db
    .selectFrom("content_revisions")
    .select(["title", "slug", "standfirst", "body", "data", "origin", "author_id"])
    .where("id", "=", revisionId)
    .where("content_id", "=", contentId)
    .executeTakeFirst();
}

/** Puts a revision's text and image back on the item (a new version). */
export async function restoreItemText(
  trx: DB,
  contentId: number,
  s: { title: string; standfirst: string; body: string; heroMediaId: number | null },
  at: Date,
  authorId: number | null,
): Promise<void> {
  await trx
    .updateTable("content_items")
    .set((eb) => ({
      title: s.title,
      standfirst: s.standfirst,
      body: s.body,
      hero_media_id: s.heroMediaId,
      updated_at: at,
      updated_by: authorId,
      version: eb("version", "+", 1),
    }))
    .where("id", "=", contentId)
    .execute();
}

/** Whether the image is still in the library (the media module has no such lookup in its index yet). */
export async function mediaExists(db: DB, id: number): Promise<boolean> {
  return (await db.selectFrom("media").select("id").where("id", "=", id).executeTakeFirst()) !== undefined;
}
