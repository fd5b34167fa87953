// Period-exact recurring tasks (decision 0016): "every hour at :00 Europe/Paris" is a job per
// period, enqueued with a unique key (task, period start) by whichever process looks first.
// Every process that runs the scheduler asks for the same keys: two processes, a restart in
// the middle of an hour, or a tick that comes late all end with one job per period. A few
// past periods are asked for as well (`catchUp`), so an hour when no process was running is
// still run once someone starts.
import type { DB } from "../db/create-db.js";
import { enqueueOnce } from "./queries.js";

export interface HourlyTask {
  name: string;
  /** Minute of the local hour at which each period starts (0: on the hour). */
  minute: number;
  timeZone: string;
  /** The job kind enqueued for each period; its payload is `{ period: <ISO start> }`. */
  job: string;
  /** How many earlier periods are enqueued too when missing (default 0: the current one only). */
  catchUp?: number;
  /** Tries each period's job gets (default: the queue's 5). */
  maxAttempts?: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function minuteFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { timeZone, minute: "2-digit", second: "2-digit", hourCycle: "h23" });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * The start of the period containing `at`: the last instant at or before it when local clocks
 * in `timeZone` showed `minute` past an hour. Works for any offset in whole minutes (half-hour
 * zones included); across a change of hour, each real hour is one period.
 */
export function hourlyPeriodStart(at: Date, timeZone: string, minute = 0): Date {
  const parts = Object.fromEntries(
    minuteFormatter(timeZone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const localMinute = Number(parts.minute);
  const back = (((localMinute - minute) % 60) + 60) % 60;
  const t = at.getTime() - (at.getTime() % 1000) - Number(parts.second) * 1000 - back * 60_000;
  return new Date(t);
}

export const periodKey = (task: string, start: Date) => `${task}@${start.toISOString()}`;

/** Enqueues the job of the current period (and of `catchUp` earlier ones) of each task, once each. */
export async function enqueueDuePeriods(db: DB, tasks: readonly HourlyTask[], now: Date): Promise<number> {
  let made = 0;
  for (const task of tasks) {
    const current = hourlyPeriodStart(now, task.timeZone, task.minute);
    for (let k = task.catchUp ?? 0; k >= 0; k--) {
      const start = new Date(current.getTime() - k * 3600_000);
      const id = await enqueueOnce(db, periodKey(task.name, start), task.job, { period: start.toISOString() }, start, { maxAttempts: task.maxAttempts });
      if (id !== null) made++;
    }
  }
  return made;
}
