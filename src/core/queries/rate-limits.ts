// SQL of the fixed-window rate limits (core/rate-limit.ts holds the rule).
import { sql } from "kysely";
import type { DB } from "../db/create-db.js";

/** Counts one hit in its window, atomically (an upsert): two parallel hits count two. */
export async function countHit(db: DB, key: string, windowStart: Date): Promise<{ count: number }> {
  return db
    .insertInto("rate_limits")
    .values({ key, window_start: windowStart, count: 1 })
    .onConflict((oc) => oc.columns(["key", "window_start"]).doUpdateSet({ count: sql`rate_limits.count + 1` }))
    .returning("count")
    .executeTakeFirstOrThrow();
}

export async function deleteWindowsBefore(db: DB, before: Date): Promise<void> {
  await db.deleteFrom("rate_limits").where("window_start", "<", before).execute();
}
