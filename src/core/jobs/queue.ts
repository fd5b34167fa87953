// A small durable job queue in the database (table `jobs`), for work that must happen
// later or again: scheduled publication, review notices and every e-mail (core/mail/queue.ts)
// now, digests and exports later.
//
// Why our own table rather than pg-boss (docs/decisions/0008-job-queue.md): pg-boss needs
// an adapter and exec() tricks to run on PGlite, installs its own schema, and we need only
// "run this at that time, at least once, retry with backoff". Claiming uses
// FOR UPDATE SKIP LOCKED, so several processes on a PostgreSQL server never take the same
// job; a claimed job is leased (locked_until) so a crashed worker's job is retried later.
import type { DB } from "../db/create-db.js";
import { claimDue, markJobDone, scheduleRetry } from "./queries.js";
import type { JobHandler } from "./types.js";

export { MAX_ATTEMPTS, type Job, type JobHandler } from "./types.js";
export { enqueue, enqueueOnce, enqueueMany, cancelPending, claimDue, renewLease, type EnqueueOptions } from "./queries.js";

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
    try {
      await handler(job, { db, now: at });
      await markJobDone(db, job.id, at, handler.erasePayload === true);
      done++;
    } catch (error) {
      const retryIn = Math.min(30_000 * 2 ** (job.attempts - 1), handler.maxRetryDelayMs ?? Number.POSITIVE_INFINITY);
      const dead = job.attempts >= job.maxAttempts;
      await scheduleRetry(
        db,
        job.id,
        new Date(at.getTime() + retryIn),
        String((error as Error).message ?? error).slice(0, 1000),
        dead && handler.erasePayload === true,
      );
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
