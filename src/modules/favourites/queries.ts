import type { DB } from "../../core/db/create-db.js";

/** Idempotent: adding twice keeps one row (primary key + ON CONFLICT DO NOTHING). */
export type FavouriteTarget = { contentId: number } | { actionId: number };

function targetValues(target: number | FavouriteTarget) {
  const t = typeof target === "number" ? { contentId: target } : target;
  return "contentId" in t ? { content_id: t.contentId, action_id: null } : { content_id: null, action_id: t.actionId };
}

/** Idempotent: the partial unique indexes keep one row per person and target. */
export async function addFavourite(db: DB, userId: number, target: number | FavouriteTarget, now: Date): Promise<void> {
  await db.insertInto("favourites").values({ user_id: userId, ...targetValues(target), created_at: now }).onConflict((oc) => oc.doNothing()).execute();
}

export async function removeFavourite(db: DB, userId: number, target: number | FavouriteTarget): Promise<void> {
  const v = targetValues(target);
  let q = db.deleteFrom("favourites").where("user_id", "=", userId);
  q = v.content_id !== null ? q.where("content_id", "=", v.content_id) : q.where("action_id", "=", v.action_id!);
  await q.execute();
}

export async function listFavouriteActions(db: DB, userId: number) {
  return db
    .selectFrom("favourites as f")
    .innerJoin("actions as a", "a.id", "f.action_id")
    .select(["a.id", "a.slug", "a.title", "a.status", "a.progress", "f.created_at"])
    .where("f.user_id", "=", userId)
    .orderBy("f.created_at", "desc")
    .limit(200)
    .execute();
}

export async function actionExists(db: DB, actionId: number): Promise<boolean> {
  return (await db.selectFrom("actions").select("id").where("id", "=", actionId).executeTakeFirst()) !== undefined;
}

export async function favouriteIdsAmong(db: DB, userId: number, contentIds: number[]): Promise<Set<number>> {
  if (contentIds.length === 0) return new Set();
  const rows = await db.selectFrom("favourites").select("content_id").where("user_id", "=", userId).where("content_id", "in", contentIds).execute();
  return new Set(rows.flatMap((r) => (r.content_id !== null ? [r.content_id] : [])));
}

export async function listFavourites(db: DB, userId: number, limit: number, offset: number) {
  const [rows, count] = await Promise.all([
    db
      .selectFrom("favourites as f")
      .innerJoin("content_items as c", "c.id", "f.content_id")
      .select(["c.id", "f.created_at"])
      .where("f.user_id", "=", userId)
      .orderBy("f.created_at", "desc")
      .orderBy("c.id", "desc")
      .limit(limit)
      .offset(offset)
      .execute(),
    db.selectFrom("favourites").select((eb) => eb.fn.countAll<number>().as("n")).where("user_id", "=", userId).where("content_id", "is not", null).executeTakeFirstOrThrow(),
  ]);
  return { ids: rows.map((r) => r.id), total: Number(count.n) };
}

/** A content item can be a favourite only while it is published. */
export async function isFavouritable(db: DB, contentId: number, now: Date): Promise<boolean> {
  const row = await db
    .selectFrom("content_items")
    .select("id")
    .where("id", "=", contentId)
    .where("status", "=", "published")
    .where("published_at", "<=", now)
    .executeTakeFirst();
  return row !== undefined;
}

/** What every signed-in page shows as "in my favourites": one indexed read by user. */
export async function favouriteFacts(db: DB, userId: number): Promise<{ favourites: Set<number>; favouriteActions: Set<number> }> {
  const rows = await db.selectFrom("favourites").select(["content_id", "action_id"]).where("user_id", "=", userId).limit(10_000).execute();
  return {
    favourites: new Set(rows.flatMap((r) => (r.content_id !== null ? [r.content_id] : []))),
    favouriteActions: new Set(rows.flatMap((r) => (r.action_id !== null ? [r.action_id] : []))),
  };
}
