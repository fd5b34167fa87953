// The favourites table: one row per person and content item or Politique de la Ville action.
// Every query is scoped to one user id. Two reads join another module's table for the labels
// shown beside a favourite (decision 0014).
import type { DB } from "../../core/db/create-db.js";

export type FavouriteTarget = { contentId: number } | { actionId: number };

function targetValues(target: FavouriteTarget) {
  return "contentId" in target ? { content_id: target.contentId, action_id: null } : { content_id: null, action_id: target.actionId };
}

/**
 * Idempotent: the partial unique indexes keep one row per person and target (ON CONFLICT DO
 * NOTHING). True when a row was added.
 */
export async function addFavourite(db: DB, userId: number, target: FavouriteTarget, now: Date): Promise<boolean> {
  const result = await db
    .insertInto("favourites")
    .values({ user_id: userId, ...targetValues(target), created_at: now })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 1n) > 0n;
}

/** True when a row was removed. */
export async function removeFavourite(db: DB, userId: number, target: FavouriteTarget): Promise<boolean> {
  const v = targetValues(target);
  let q = db.deleteFrom("favourites").where("user_id", "=", userId);
  q = v.content_id !== null ? q.where("content_id", "=", v.content_id) : q.where("action_id", "=", v.action_id!);
  const result = await q.executeTakeFirst();
  return (result.numDeletedRows ?? 1n) > 0n;
}

/** A page of favourite content ids, newest first, and how many there are. */
export async function listFavourites(db: DB, userId: number, limit: number, offset: number) {
  const [rows, total] = await Promise.all([
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
    countFavourites(db, userId),
  ]);
  return { ids: rows.map((r) => r.id), total };
}

/** How many content items a person keeps (the dashboard's count). */
export async function countFavourites(db: DB, userId: number): Promise<number> {
  const row = await db
    .selectFrom("favourites")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("content_id", "is not", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Favourite actions with the title and slug shown beside them: a join onto the policy module's
 * `actions` for labels (decision 0014: reading another module's columns beside one's own rows
 * is a join; standalone reads go through its index.ts). The list page shows 200 at most; the
 * data export takes "all".
 */
export async function listFavouriteActions(db: DB, userId: number, limit: number | "all" = 200) {
  const q = db
    .selectFrom("favourites as f")
    .innerJoin("actions as a", "a.id", "f.action_id")
    .select(["a.id", "a.slug", "a.title", "f.created_at"])
    .where("f.user_id", "=", userId)
    .orderBy("f.created_at", "desc");
  return (limit === "all" ? q : q.limit(limit)).execute();
}

/** Favourite content with its title and path, for the data export (a join for labels, as above). */
export async function listFavouriteContentForExport(db: DB, userId: number) {
  return db
    .selectFrom("favourites as f")
    .innerJoin("content_items as c", "c.id", "f.content_id")
    .select(["c.title", "c.path", "f.created_at"])
    .where("f.user_id", "=", userId)
    .orderBy("f.created_at", "desc")
    .execute();
}

/** What every signed-in page shows as "in my favourites": one indexed read by user. */
export async function favouriteFacts(db: DB, userId: number): Promise<{ favourites: Set<number>; favouriteActions: Set<number> }> {
  const rows = await db.selectFrom("favourites").select(["content_id", "action_id"]).where("user_id", "=", userId).limit(10_000).execute();
  return {
    favourites: new Set(rows.flatMap((r) => (r.content_id !== null ? [r.content_id] : []))),
    favouriteActions: new Set(rows.flatMap((r) => (r.action_id !== null ? [r.action_id] : []))),
  };
}
