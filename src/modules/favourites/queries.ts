import type { DB } from "../../core/db/create-db.js";

/** Idempotent: adding twice keeps one row (primary key + ON CONFLICT DO NOTHING). */
export async function addFavourite(db: DB, userId: number, contentId: number, now: Date): Promise<void> {
  await db.insertInto("favourites").values({ user_id: userId, content_id: contentId, created_at: now }).onConflict((oc) => oc.doNothing()).execute();
}

export async function removeFavourite(db: DB, userId: number, contentId: number): Promise<void> {
  await db.deleteFrom("favourites").where("user_id", "=", userId).where("content_id", "=", contentId).execute();
}

export async function favouriteIdsAmong(db: DB, userId: number, contentIds: number[]): Promise<Set<number>> {
  if (contentIds.length === 0) return new Set();
  const rows = await db.selectFrom("favourites").select("content_id").where("user_id", "=", userId).where("content_id", "in", contentIds).execute();
  return new Set(rows.map((r) => r.content_id));
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
    db.selectFrom("favourites").select((eb) => eb.fn.countAll<number>().as("n")).where("user_id", "=", userId).executeTakeFirstOrThrow(),
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
