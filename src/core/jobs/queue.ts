// A small durable job queue in the database (table `jobs`), for work that must happen
// later or again: scheduled publication, review notices and every e-mail (core/mail/queue.ts)
// now, digests and exports later.
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

/**
 * Runs one job. A handler marked `erasePayload` has its job's payload replaced by `{}` once
 * the job is done or has given up: e-mails carry sign-in and reset links that must not
 * stay readable in the table for the 30 days finished jobs are kept.
 */
export type JobHandler = ((job: Job, ctx: { db: DB; now: Date }) => Promise<void>) & { erasePayload?: boolean };

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

/**
 * Runs the due jobs once, at most `limit` of them, claiming one at a time so each lease
 * starts when its job does (ten slow e-mails in a row must not outlive a shared lease and
 * be taken again by another process). Only kinds in `handlers` are claimed. Failures are
 * retried with an exponential backoff. `now` is a date (tests) or a clock (the worker).
 */
export async function runDueJobs(
  db: DB,
  handlers: Record<string, JobHandler>,
  now: Date | (() => Date),
  limit = 10,
): Promise<{ done: number; failed: number }> {
  const clock = typeof now === "function" ? now : () => now;
  const kinds = Object.keys(handlers);
  let done = 0;
  let failed = 0;
  for (let i = 0; i < limit; i++) {
    const at = clock();
    const [job] = await claimDue(db, at, 1, kinds);
    if (!job) break;
    const handler = handlers[job.kind]!;
    const erase = handler.erasePayload ? { payload: "{}" } : {};
    try {
      await handler(job, { db, now: at });
      await db.updateTable("jobs").set({ done_at: at, locked_until: null, last_error: null, ...erase }).where("id", "=", job.id).execute();
      done++;
    } catch (error) {
      const retryIn = 30_000 * 2 ** (job.attempts - 1);
      const dead = job.attempts >= MAX_ATTEMPTS;
      await db
        .updateTable("jobs")
        .set({
          locked_until: null,
          run_at: new Date(at.getTime() + retryIn),
          last_error: String((error as Error).message ?? error).slice(0, 1000),
          ...(dead ? erase : {}),
        })
        .where("id", "=", job.id)
        .execute();
      failed++;
    }
  }
  return { done, failed };
}

/**
 * Lets code that enqueues a job tell the workers of this process to look now rather than
 * at their next poll (an e-mail should leave within a second, not fifteen).
 */
export class JobSignal {
  #listeners = new Set<() => void>();
  wake(): void {
    for (const listener of this.#listeners) listener();
  }
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

// After a wake-up, poll briefly at a short interval: a job enqueued inside a transaction
// becomes visible only at commit, a few milliseconds after the wake-up.
const BURST_MS = 3000;
const BURST_POLL_MS = 100;

/**
 * Polls for due jobs every `intervalMs` until stopped, and at once when `signal` wakes it;
 * errors never stop the loop.
 */
export function startWorker(opts: {
  db: DB;
  handlers: Record<string, JobHandler>;
  now: () => Date;
  intervalMs?: number;
  signal?: JobSignal;
  onError?: (e: unknown) => void;
}) {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let stopped = false;
  let again = false;
  let burstUntil = 0;
  const schedule = (delayMs: number) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, delayMs);
    timer.unref();
  };
  function tick() {
    timer = null;
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = runDueJobs(opts.db, opts.handlers, opts.now)
      .catch((e: unknown) => {
        opts.onError?.(e);
        return { done: 0, failed: 0 };
      })
      .then((r) => {
        running = null;
        if (stopped) return;
        // A full or interrupted run may have left due jobs: go on at once.
        const more = r.done + r.failed > 0 || again;
        again = false;
        schedule(more ? 0 : Date.now() < burstUntil ? BURST_POLL_MS : (opts.intervalMs ?? 15_000));
      });
  }
  const wake = () => {
    if (stopped) return;
    burstUntil = Date.now() + BURST_MS;
    if (running) again = true;
    else schedule(0);
  };
  const unsubscribe = opts.signal?.subscribe(wake);
  tick();
  return {
    wake,
    async stop() {
      stopped = true;
      unsubscribe?.();
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
