// A small durable job queue in the database (table `jobs`), for work that must happen
// later or again: scheduled publication now, e-mail digests and exports later.
//
// Why our own table rather than pg-boss (docs/decisions/0008-job-queue.md): pg-boss needs
// an adapter and exec() tricks to run on PGlite, installs its own schema, and we need only
// "run this at that time, at least once, retry with backoff". Claiming uses
// FOR UPDATE SKIP LOCKED, so several processes on a PostgreSQL server never take the same
// job; a claimed job is leased (locked_until) so a crashed worker's job is retried later.
import { sql } from "kysely";
import type { DB } from "../db/create-db.js";

export interface Job {
  id: number;
  kind: string;
  payload: unknown;
  attempts: number;
}

export type JobHandler = (job: Job, ctx: { db: DB; now: Date }) => Promise<void>;

export const MAX_ATTEMPTS = 5;
const LEASE_MS = 60_000;

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

/** Takes at most `limit` due jobs, leasing them to this worker. */
export async function claimDue(db: DB, now: Date, limit = 10): Promise<Job[]> {
  const lease = new Date(now.getTime() + LEASE_MS);
  const result = await sql<{ id: number; kind: string; payload: unknown; attempts: number }>`
    update jobs set locked_until = ${lease}, attempts = attempts + 1
    where id in (
      select id from jobs
      where done_at is null and run_at <= ${now} and attempts < ${MAX_ATTEMPTS}
        and (locked_until is null or locked_until < ${now})
      order by run_at, id
      limit ${limit}
      for update skip locked
    )
    returning id, kind, payload, attempts`.execute(db);
  return result.rows.map((r) => ({ ...r, payload: typeof r.payload === "string" ? JSON.parse(r.payload) : r.payload }));
}

/** Runs the due jobs once. Failures are retried with an exponential backoff. */
export async function runDueJobs(db: DB, handlers: Record<string, JobHandler>, now: Date): Promise<{ done: number; failed: number }> {
  let done = 0;
  let failed = 0;
  for (const job of await claimDue(db, now)) {
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error(`No handler for job kind "${job.kind}"`);
      await handler(job, { db, now });
      await db.updateTable("jobs").set({ done_at: now, locked_until: null, last_error: null }).where("id", "=", job.id).execute();
      done++;
    } catch (error) {
      const retryIn = 30_000 * 2 ** (job.attempts - 1);
      await db
        .updateTable("jobs")
        .set({ locked_until: null, run_at: new Date(now.getTime() + retryIn), last_error: String((error as Error).message ?? error).slice(0, 1000) })
        .where("id", "=", job.id)
        .execute();
      failed++;
    }
  }
  return { done, failed };
}

/** Polls for due jobs every `intervalMs` until stopped; errors never stop the loop. */
export function startWorker(opts: { db: DB; handlers: Record<string, JobHandler>; now: () => Date; intervalMs?: number; onError?: (e: unknown) => void }) {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    running = runDueJobs(opts.db, opts.handlers, opts.now())
      .catch((e) => opts.onError?.(e))
      .finally(() => {
        running = null;
        if (!stopped) timer = setTimeout(tick, opts.intervalMs ?? 15_000);
      });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
