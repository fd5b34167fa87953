// SQL of the job queue (queue.ts holds the worker and the retry rules).
import { sql } from "kysely";
import type { DB } from "../db/create-db.js";
import { LEASE_MS, type Job } from "./types.js";

export interface EnqueueOptions {
  /** Tries before giving up (default 5). */
  maxAttempts?: number;
}

export async function enqueue(db: DB, kind: string, payload: unknown, runAt: Date, opts: EnqueueOptions = {}): Promise<number> {
  const row = await db
    .insertInto("jobs")
    .values({ kind, payload: JSON.stringify(payload ?? {}), run_at: runAt, ...(opts.maxAttempts ? { max_attempts: opts.maxAttempts } : {}) })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Enqueues a job unless one with the same `key` exists (done or not): any number of processes
 * may ask, one job is made. Returns its id, or null when it already existed.
 */
export async function enqueueOnce(db: DB, key: string, kind: string, payload: unknown, runAt: Date, opts: EnqueueOptions = {}): Promise<number | null> {
  const row = await db
    .insertInto("jobs")
    .values({ kind, payload: JSON.stringify(payload ?? {}), run_at: runAt, unique_key: key, ...(opts.maxAttempts ? { max_attempts: opts.maxAttempts } : {}) })
    .onConflict((oc) => oc.column("unique_key").doNothing())
    .returning("id")
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Many jobs of one kind in one statement (a digest run queues a batch of deliveries). */
export async function enqueueMany(db: DB, kind: string, payloads: readonly unknown[], runAt: Date, opts: EnqueueOptions = {}): Promise<void> {
  if (payloads.length === 0) return;
  await db
    .insertInto("jobs")
    .values(payloads.map((p) => ({ kind, payload: JSON.stringify(p ?? {}), run_at: runAt, ...(opts.maxAttempts ? { max_attempts: opts.maxAttempts } : {}) })))
    .execute();
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
  const result = await sql<{ id: number; kind: string; payload: unknown; attempts: number; max_attempts: number }>`
    update jobs set locked_until = ${lease}, attempts = attempts + 1
    where id in (
      select id from jobs
      where done_at is null and run_at <= ${now} and attempts < max_attempts
        and (locked_until is null or locked_until < ${now}) ${ofKinds}
      order by run_at, id
      limit ${limit}
      for update skip locked
    )
    returning id, kind, payload, attempts, max_attempts`.execute(db);
  return result.rows.map(({ max_attempts, ...r }) => ({
    ...r,
    maxAttempts: max_attempts,
    payload: typeof r.payload === "string" ? JSON.parse(r.payload) : r.payload,
  }));
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
      count(*) filter (where done_at is null and attempts < max_attempts) as pending,
      count(*) filter (where done_at is null and attempts < max_attempts and run_at <= ${now}) as due,
      min(run_at) filter (where done_at is null and attempts < max_attempts and run_at <= ${now}) as oldest,
      count(*) filter (where done_at is null and attempts >= max_attempts) as dead
    from jobs`.execute(db);
  return result.rows[0];
}

/** A long job (a digest run) keeps its lease while it makes progress, so no other process takes it. */
export async function renewLease(db: DB, id: number, now: Date): Promise<void> {
  await db
    .updateTable("jobs")
    .set({ locked_until: new Date(now.getTime() + LEASE_MS) })
    .where("id", "=", id)
    .where("done_at", "is", null)
    .execute();
}
