// The app's durable jobs, by kind (docs/decisions/0008-job-queue.md): e-mail delivery (core)
// and what the modules declare in their manifests. The server's worker runs them all; a test
// world runs only the delivery jobs, so e-mails arrive as they do in production while scheduled
// publications wait for the test to run them.
//
// The background work (startBackgroundWork) is the queue worker, the period scheduler of the
// modules' hourly tasks and the timers of the others (decision 0016). It runs inside the server
// by default, or in its own process (`npm run worker`, scripts/worker.ts) with JOBS_IN_PROCESS=false
// on the servers.
import type { AppDeps, HourlyTask, RecurringTask, TimerTask } from "./core/deps.js";
import type { DB } from "./core/db/create-db.js";
import { startWorker, type JobHandler } from "./core/jobs/queue.js";
import { enqueueDuePeriods } from "./core/jobs/schedule.js";
import { MAIL_JOB, mailJobHandler } from "./core/mail/queue.js";
import { runMaintenance } from "./core/maintenance.js";

/** E-mail delivery and the module jobs that deliver at once (password reset requests). */
export function deliveryJobHandlers(deps: AppDeps): Record<string, JobHandler> {
  return { [MAIL_JOB]: mailJobHandler(deps.mailTransport), ...deps.modules.jobHandlers(deps, "delivery") };
}

export function allJobHandlers(deps: AppDeps): Record<string, JobHandler> {
  return { [MAIL_JOB]: mailJobHandler(deps.mailTransport), ...deps.modules.jobHandlers(deps, "all") };
}

export const isHourly = (t: RecurringTask): t is HourlyTask => "job" in t;

/** How often the scheduler asks for the current periods (a period's job exists within this of its start). */
export const SCHEDULER_TICK_MS = 30_000;
export const SCHEDULER_FIRST_TICK_MS = 5_000;

/**
 * Starts the queue worker (every job kind), the period scheduler and the timer tasks, core's
 * maintenance included. `stop()` ends them and waits for the job in progress.
 */
export function startBackgroundWork(
  deps: AppDeps,
  db: DB,
  opts: {
    onError: (error: unknown, what: string) => void;
    now?: () => Date;
    intervalMs?: number;
    /** when the scheduler first looks (default SCHEDULER_FIRST_TICK_MS; a worker process serves no requests: 0) */
    firstTickMs?: number;
  },
) {
  const now = opts.now ?? (() => new Date());
  const worker = startWorker({
    db,
    handlers: allJobHandlers(deps),
    signal: deps.jobSignal,
    now,
    intervalMs: opts.intervalMs,
    onError: (error) => opts.onError(error, "job worker"),
  });
  const recurring = deps.modules.recurring();
  const hourly = recurring.filter(isHourly);
  const timed: TimerTask[] = [
    { name: "maintenance", everyMs: 3600_000, run: (_deps, at) => runMaintenance(db, at) },
    ...recurring.filter((t): t is TimerTask => !isHourly(t)),
  ];
  const guarded = (name: string, run: () => Promise<unknown>) => async () => {
    try {
      await run();
    } catch (error) {
      opts.onError(error, name);
    }
  };
  const ticks = timed.map((t) => ({ every: t.everyMs, firstAfter: 0, tick: guarded(t.name, () => t.run(deps, now())) }));
  if (hourly.length > 0) {
    ticks.push({
      every: SCHEDULER_TICK_MS,
      // Not in the first seconds after a start, when the server answers its first requests
      // (on PGlite every query runs on the event loop); an hourly period loses nothing by it.
      firstAfter: opts.firstTickMs ?? SCHEDULER_FIRST_TICK_MS,
      tick: guarded("scheduler", async () => {
        if ((await enqueueDuePeriods(db, hourly, now())) > 0) worker.wake();
      }),
    });
  }
  const firstTicks: NodeJS.Timeout[] = [];
  const timers = ticks.map(({ every, firstAfter, tick }) => {
    if (firstAfter === 0) void tick();
    else firstTicks.push(setTimeout(() => void tick(), firstAfter).unref());
    const timer = setInterval(() => void tick(), every);
    timer.unref();
    return timer;
  });
  return {
    wake: worker.wake,
    async stop() {
      for (const timer of firstTicks) clearTimeout(timer);
      for (const timer of timers) clearInterval(timer);
      await worker.stop();
    },
  };
}
