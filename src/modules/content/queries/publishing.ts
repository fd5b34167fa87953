// SQL of scheduled publication (publishing.ts holds the rules and the job).
import type { DB } from "../../../core/db/create-db.js";
import type { ContentKind } from "../../../core/db/schema.js";

/** The item's status, its row locked until the end of the transaction. */
export async function lockStatus(trx: DB, id: number): Promise<{ id: number; status: string } | undefined> {
  return trx.selectFrom("content_items").select(["id", "status"]).where("id", "=", id).forUpdate().executeTakeFirst();
}

export async function markScheduled(trx: DB, id: number, at: Date, now: Date, userId: number | null): Promise<void> {
  await trx
    .updateTable("content_items")
    .set((eb) => ({
      status: "scheduled",
      scheduled_at: at,
      updated_at: now,
      ...(userId !== null ? { updated_by: userId } : {}),
      version: eb("version", "+", 1),
    }))
    .where("id", "=", id)
    .execute();
}

/** Publishes the item if it is still scheduled for `now` or earlier; undefined otherwise. */
export async function publishIfDue(
  trx: DB,
  id: number,
  now: Date,
): Promise<{ id: number; kind: ContentKind; title: string; scheduled_at: Date | null } | undefined> {
  return trx
    .updateTable("content_items")
    .set((eb) => ({ status: "published", published_at: eb.ref("scheduled_at"), updated_at: now, version: eb("version", "+", 1) }))
    .where("id", "=", id)
    .where("status", "=", "scheduled")
    .where("scheduled_at", "<=", now)
    .returning(["id", "kind", "title", "scheduled_at"])
    .executeTakeFirst();
}
