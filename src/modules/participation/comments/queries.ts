// SQL of the comments. Reads join users (the author's display name), neighbourhoods (the
// quartier an author chose to show), actions (title and slug of the commented action) and
// favourites (the residents who follow an action) for what is shown beside a comment or who is
// told about it (decision 0014: a join for labels, never a write).
import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "../../../core/db/schema.js";
import type { CommentTargetKind, Moderation } from "../moderation/schema.js";

type Db = Kysely<Database> | Transaction<Database>;

export interface NewComment {
  target_kind: CommentTargetKind;
  target_id: number;
  parent_id: number | null;
  author_id: number;
  neighbourhood_id: number | null;
  organisation_id: number | null;
  body: string;
  fingerprint: string;
  moderation: Moderation;
  created_at: Date;
}

export async function insertComment(db: Db, v: NewComment): Promise<number> {
  const row = await db.insertInto("participation_comments").values(v).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

const COMMENT_COLUMNS = [
  "c.id",
  "c.target_kind",
  "c.target_id",
  "c.parent_id",
  "c.author_id",
  "c.body",
  "c.moderation",
  "c.moderation_reason",
  "c.created_at",
  "c.edited_at",
  "c.deleted_at",
  "u.display_name as author_name",
  "n.name as neighbourhood_name",
  "o.name as organisation_name",
] as const;

/** One page's comments (every state: the service decides what each viewer sees), oldest first. */
export async function commentsOf(db: Db, kind: CommentTargetKind, id: number, limit: number) {
  return db
    .selectFrom("participation_comments as c")
    .leftJoin("users as u", "u.id", "c.author_id")
    .leftJoin("neighbourhoods as n", "n.id", "c.neighbourhood_id")
    .leftJoin("organisations as o", "o.id", "c.organisation_id")
    .select(COMMENT_COLUMNS)
    .where("c.target_kind", "=", kind)
    .where("c.target_id", "=", id)
    .orderBy("c.created_at")
    .orderBy("c.id")
    .limit(limit)
    .execute();
}

export type CommentRow = Awaited<ReturnType<typeof commentsOf>>[number];

export async function findComment(db: Db, id: number) {
  return db
    .selectFrom("participation_comments as c")
    .leftJoin("users as u", "u.id", "c.author_id")
    .leftJoin("neighbourhoods as n", "n.id", "c.neighbourhood_id")
    .leftJoin("organisations as o", "o.id", "c.organisation_id")
    .select(COMMENT_COLUMNS)
    .where("c.id", "=", id)
    .executeTakeFirst();
}

export async function findComments(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom("participation_comments as c")
    .leftJoin("users as u", "u.id", "c.author_id")
    .leftJoin("neighbourhoods as n", "n.id", "c.neighbourhood_id")
    .leftJoin("organisations as o", "o.id", "c.organisation_id")
    .select(COMMENT_COLUMNS)
    .where("c.id", "in", ids)
    .execute();
}

/** Locks the row for an edit, a deletion or a decision. */
export async function lockComment(trx: Db, id: number) {
  return trx
    .selectFrom("participation_comments")
    .select(["id", "author_id", "parent_id", "target_kind", "target_id", "moderation", "created_at", "deleted_at"])
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateBody(db: Db, id: number, body: string, fingerprint: string, now: Date) {
  await db.updateTable("participation_comments").set({ body, fingerprint, edited_at: now }).where("id", "=", id).execute();
}

/** Deleted by its author: the text goes; the row stays while replies hang from it. */
export async function markDeleted(db: Db, id: number, now: Date) {
  await db.updateTable("participation_comments").set({ body: "", fingerprint: "", deleted_at: now }).where("id", "=", id).execute();
}

export async function setModeration(db: Db, id: number, moderation: Moderation, reason: string) {
  await db.updateTable("participation_comments").set({ moderation, moderation_reason: reason }).where("id", "=", id).execute();
}

/** An account's comments since a date: the per-hour limit and duplicate detection. */
export async function recentByAuthor(db: Db, authorId: number, since: Date) {
  return db.selectFrom("participation_comments").select(["id", "fingerprint"]).where("author_id", "=", authorId).where("created_at", ">=", since).execute();
}

/** Title and path parts of the commented page (null: it does not exist). */
export async function targetLabel(db: Db, kind: CommentTargetKind, id: number) {
  if (kind === "action") {
    const a = await db.selectFrom("actions").select(["title", "slug"]).where("id", "=", id).executeTakeFirst();
    return a ? { title: a.title, href: `/politique-de-la-ville/actions/${a.slug}` } : null;
  }
  if (kind === "article") {
    const a = await db
      .selectFrom("content_items as c")
      .innerJoin("participation_open_articles as o", "o.content_id", "c.id")
      .select(["c.title", "c.path"])
      .where("c.id", "=", id)
      .where("c.kind", "=", "article")
      .where("c.status", "=", "published")
      .executeTakeFirst();
    return a ? { title: a.title, href: a.path } : null;
  }
  const n = await db.selectFrom("neighbourhoods").select(["name", "slug"]).where("id", "=", id).executeTakeFirst();
  return n ? { title: n.name, href: `/quartiers/${n.slug}` } : null;
}

/** The residents who keep an action among their favourites (its followers). */
export async function actionFollowers(db: Db, actionId: number) {
  const rows = await db.selectFrom("favourites").select("user_id").where("action_id", "=", actionId).execute();
  return rows.map((r) => r.user_id);
}

/** Visible comments per target (counts on lists). */
export async function countVisible(db: Db, kind: CommentTargetKind, ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, number>();
  const rows = await db
    .selectFrom("participation_comments")
    .select(["target_id", sql<number>`count(*)::int`.as("n")])
    .where("target_kind", "=", kind)
    .where("target_id", "in", ids)
    .where("moderation", "=", "visible")
    .where("deleted_at", "is", null)
    .groupBy("target_id")
    .execute();
  return new Map(rows.map((r) => [r.target_id, Number(r.n)]));
}

/** Every comment a person wrote (the data export). */
export async function commentsBy(db: Db, authorId: number) {
  return db
    .selectFrom("participation_comments")
    .select(["id", "target_kind", "target_id", "parent_id", "body", "moderation", "moderation_reason", "created_at", "edited_at", "deleted_at"])
    .where("author_id", "=", authorId)
    .orderBy("created_at")
    .execute();
}

/** Erasure: a person's comments lose their text before the account goes (decision 0017). */
export async function eraseCommentsBy(db: Db, authorId: number, now: Date) {
  const rows = await db
    .updateTable("participation_comments")
    .set({ body: "", fingerprint: "", deleted_at: now, neighbourhood_id: null, organisation_id: null })
    .where("author_id", "=", authorId)
    .returning(["id", "target_kind", "target_id"])
    .execute();
  return rows;
}

/** The neighbourhoods an author may show beside a comment. */
export async function neighbourhoodOptions(db: Db) {
  return db.selectFrom("neighbourhoods").select(["id", "name"]).orderBy("position").execute();
}

// ---- articles open to comments (an editor's choice, off by default)

export async function isArticleOpen(db: Db, contentId: number): Promise<boolean> {
  return (await db.selectFrom("participation_open_articles").select("content_id").where("content_id", "=", contentId).executeTakeFirst()) !== undefined;
}

export async function openArticle(db: Db, contentId: number, by: number, now: Date): Promise<boolean> {
  const row = await db
    .insertInto("participation_open_articles")
    .values({ content_id: contentId, opened_by: by, opened_at: now })
    .onConflict((oc) => oc.column("content_id").doNothing())
    .returning("content_id")
    .executeTakeFirst();
  return row !== undefined;
}

export async function closeArticle(db: Db, contentId: number): Promise<boolean> {
  const rows = await db.deleteFrom("participation_open_articles").where("content_id", "=", contentId).returning("content_id").execute();
  return rows.length > 0;
}

/** Open articles with their titles and addresses (the back-office list). */
export async function openArticles(db: Db) {
  return db
    .selectFrom("participation_open_articles as o")
    .innerJoin("content_items as c", "c.id", "o.content_id")
    .select(["c.id", "c.title", "c.path", "c.status", "o.opened_at"])
    .orderBy("o.opened_at", "desc")
    .execute();
}

/** A published article by its address (the form that opens one). */
export async function publishedArticleByPath(db: Db, path: string) {
  return db
    .selectFrom("content_items")
    .select(["id", "title", "path"])
    .where("path", "=", path)
    .where("kind", "=", "article")
    .where("status", "=", "published")
    .executeTakeFirst();
}
