// SQL of the job queue (queue.ts holds the worker and the retry rules).
import { sql } from "kysely";
import type { DB } from "../db/create-db.js";
import { LEASE_MS, MAX_ATTEMPTS, type Job } from "./types.js";

export async function enqueue(db: DB, kind: string, payload: unknown, runAt: Date): Promise<number> {
  const row = await db
    .insertInto("jobs")
    .values({ kind, payload: JSON.stringify(payload ?? {}), run_at: runAt })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Cancels the pending jobs of a kind whose payload contains `match` (e.g. a content id). */
export async function cancelPending(db: DB, kind: string, match: Record<string, unknown>): Promise<number> {
  const result = await db
    .deleteFrom("jobs")
    .where("kind", "=", kind)
    .where("done_at", "is", null)
    .where(sql<boolean>`payload @> ${JSON.stringify(match)}::jsonb`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Takes at most `limit` due jobs, leasing them to this worker. With `kinds`, only jobs of
 * those kinds: a worker never claims a job it has no handler for (a test's mail-only
 * worker leaves scheduled publications alone; a process of an older version leaves a new
 * kind to the processes that know it).
 */
export async function claimDue(db: DB, now: Date, limit = 10, kinds?: readonly string[]): Promise<Job[]> {
  if (kinds && kinds.length === 0) return [];
  const lease = new Date(now.getTime() + LEASE_MS);
  const ofKinds = kinds ? sql`and kind in (${sql.join(kinds.map((k) => sql`${k}`))})` : sql``;
  const result = await sql<{ id: number; kind: string; payload: unknown; attempts: number }>`
    update jobs set locked_until = ${lease}, attempts = attempts + 1
    where id in (
      select id from jobs
      where done_at is null and run_at <= ${now} and attempts < ${MAX_ATTEMPTS}
        and (locked_until is null or locked_until < ${now}) ${ofKinds}
      order by run_at, id
      limit ${limit}
      for update skip locked
    )
    returning id, kind, payload, attempts`.execute(db);
  return result.rows.map((r) => ({ ...r, payload: typeof r.payload === "string" ? JSON.parse(r.payload) : r.payload }));
}

/** A job finished: never claimed again; a payload holding secrets (links) is erased. */
export async function markJobDone(db: DB, id: number, at: Date, erasePayload: boolean): Promise<void> {
  await db
    .updateTable("jobs")
    .set({ done_at: at, locked_until: null, last_error: null, ...(erasePayload ? { payload: "{}" } : {}) })
    .where("id", "=", id)
    .execute();
}

/** A job failed: released for another attempt at `runAt` (or left dead, its payload erased if asked). */
export async function scheduleRetry(db: DB, id: number, runAt: Date, lastError: string, erasePayload: boolean): Promise<void> {
  await db
    .updateTable("jobs")
    .set({ locked_until: null, run_at: runAt, last_error: lastError, ...(erasePayload ? { payload: "{}" } : {}) })
    .where("id", "=", id)
    .execute();
}

/** Pending, due and dead jobs, and the oldest due time (the /metrics gauges). */
export async function queueCounts(db: DB, now: Date) {
  const result = await sql<{ pending: number | string; due: number | string; oldest: Date | string | null; dead: number | string }>`
    select
      count(*) filter (where done_at is null and attempts < ${MAX_ATTEMPTS}) as pending,
      count(*) filter (where done_at is null and attempts < ${MAX_ATTEMPTS} and run_at <= ${now}) as due,
      min(run_at) filter (where done_at is null and attempts < ${MAX_ATTEMPTS} and run_at <= ${now}) as oldest,
      count(*) filter (where done_at is null and attempts >= ${MAX_ATTEMPTS}) as dead
    from jobs`.execute(db);
  return result.rows[0];
}
