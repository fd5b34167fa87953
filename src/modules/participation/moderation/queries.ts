// SQL of the moderation shared by every participation kind (comments, proposals): settings per
// space, reports, the moderators' queue and account blocks.
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../../core/db/schema.js";
import type { QueueReason } from "./schema.js";

type Db = Kysely<Database> | Transaction<Database>;

export async function findSpaces(db: Db, spaces: readonly string[]) {
  if (spaces.length === 0) return [];
  return db.selectFrom("participation_spaces").select(["space", "premoderation", "report_threshold"]).where("space", "in", spaces).execute();
}

export async function listSpaces(db: Db) {
  return db.selectFrom("participation_spaces").select(["space", "premoderation", "report_threshold", "updated_at"]).orderBy("space").execute();
}

export async function upsertSpace(db: Db, v: { space: string; premoderation: boolean; reportThreshold: number; by: number; now: Date }) {
  await db
    .insertInto("participation_spaces")
    .values({ space: v.space, premoderation: v.premoderation, report_threshold: v.reportThreshold, updated_by: v.by, updated_at: v.now })
    .onConflict((oc) =>
      oc.column("space").doUpdateSet({ premoderation: v.premoderation, report_threshold: v.reportThreshold, updated_by: v.by, updated_at: v.now }),
    )
    .execute();
}

/** Adds a report; false when this account had already reported the item. */
export async function insertReport(db: Db, v: { kind: string; id: number; reporterId: number; reason: string; now: Date }): Promise<boolean> {
  const row = await db
    .insertInto("participation_reports")
    .values({ target_kind: v.kind, target_id: v.id, reporter_id: v.reporterId, reason: v.reason, created_at: v.now })
    .onConflict((oc) => oc.columns(["target_kind", "target_id", "reporter_id"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  return row !== undefined;
}

export async function countOpenReports(db: Db, kind: string, id: number): Promise<number> {
  const row = await db
    .selectFrom("participation_reports")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("target_kind", "=", kind)
    .where("target_id", "=", id)
    .where("resolved_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function resolveReports(db: Db, kind: string, id: number, now: Date) {
  await db
    .updateTable("participation_reports")
    .set({ resolved_at: now })
    .where("target_kind", "=", kind)
    .where("target_id", "=", id)
    .where("resolved_at", "is", null)
    .execute();
}

/** Open reports of queued items, for the queue page (reasons only: reporters stay private). */
export async function openReportsOf(db: Db, items: readonly { kind: string; id: number }[]) {
  if (items.length === 0) return [];
  return db
    .selectFrom("participation_reports")
    .select(["target_kind", "target_id", "reason", "created_at"])
    .where("resolved_at", "is", null)
    .where((eb) => eb.or(items.map((i) => eb.and([eb("target_kind", "=", i.kind), eb("target_id", "=", i.id)]))))
    .orderBy("created_at")
    .execute();
}

/** Puts an item in the queue; an item already there keeps its place (and its first reason). */
export async function enqueueItem(db: Db, v: { kind: string; id: number; why: QueueReason; now: Date }) {
  await db
    .insertInto("participation_queue")
    .values({ target_kind: v.kind, target_id: v.id, why: v.why, queued_at: v.now })
    .onConflict((oc) => oc.columns(["target_kind", "target_id"]).doNothing())
    .execute();
}

export async function dequeueItem(db: Db, kind: string, id: number) {
  await db.deleteFrom("participation_queue").where("target_kind", "=", kind).where("target_id", "=", id).execute();
}

export async function isQueued(db: Db, kind: string, id: number): Promise<boolean> {
  const row = await db.selectFrom("participation_queue").select("target_id").where("target_kind", "=", kind).where("target_id", "=", id).executeTakeFirst();
  return row !== undefined;
}

export async function listQueue(db: Db, limit: number, offset: number) {
  return db
    .selectFrom("participation_queue")
    .select(["target_kind", "target_id", "why", "queued_at"])
    .orderBy("queued_at")
    .orderBy("target_kind")
    .orderBy("target_id")
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countQueue(db: Db): Promise<number> {
  const row = await db
    .selectFrom("participation_queue")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The block in force for an account at `now`, if any (the latest ending one). */
export async function activeBlock(db: Db, userId: number, now: Date) {
  return db
    .selectFrom("participation_blocks")
    .select(["id", "blocked_until", "reason"])
    .where("user_id", "=", userId)
    .where("lifted_at", "is", null)
    .where("blocked_until", ">", now)
    .orderBy("blocked_until", "desc")
    .limit(1)
    .executeTakeFirst();
}

export async function insertBlock(db: Db, v: { userId: number; until: Date; reason: string; by: number; now: Date }) {
  return db
    .insertInto("participation_blocks")
    .values({ user_id: v.userId, blocked_until: v.until, reason: v.reason, blocked_by: v.by, created_at: v.now })
    .returning("id")
    .executeTakeFirstOrThrow();
}

export async function liftBlocks(db: Db, userId: number, now: Date) {
  const rows = await db
    .updateTable("participation_blocks")
    .set({ lifted_at: now })
    .where("user_id", "=", userId)
    .where("lifted_at", "is", null)
    .where("blocked_until", ">", now)
    .returning("id")
    .execute();
  return rows.length;
}

/** The accounts blocked now, with their names (the blocks page). */
export async function listActiveBlocks(db: Db, now: Date) {
  return db
    .selectFrom("participation_blocks as b")
    .innerJoin("users as u", "u.id", "b.user_id")
    .select(["b.id", "b.user_id", "b.blocked_until", "b.reason", "u.display_name", "u.email"])
    .where("b.lifted_at", "is", null)
    .where("b.blocked_until", ">", now)
    .orderBy("b.blocked_until")
    .execute();
}

/** Name, address and role of an account (a block's target, a notice's recipient). */
export async function findAccount(db: Db, id: number) {
  return db.selectFrom("users").select(["id", "display_name", "email", "role", "email_verified_at", "created_at"]).where("id", "=", id).executeTakeFirst();
}

/** Everything a person reported (the data export). */
export async function reportsBy(db: Db, userId: number) {
  return db
    .selectFrom("participation_reports")
    .select(["target_kind", "target_id", "reason", "created_at"])
    .where("reporter_id", "=", userId)
    .orderBy("created_at")
    .execute();
}

export async function blocksOf(db: Db, userId: number) {
  return db
    .selectFrom("participation_blocks")
    .select(["blocked_until", "reason", "created_at", "lifted_at"])
    .where("user_id", "=", userId)
    .orderBy("created_at")
    .execute();
}
