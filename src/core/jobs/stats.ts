// Queue figures for readiness and metrics: how much is waiting, how late the oldest due
// job is, how many gave up. A queue with due work hours old has no worker running.
import type { DB } from "../db/create-db.js";
import { queueCounts } from "./queries.js";

export interface QueueStats {
  /** Jobs not done and still to be tried (due now or later). */
  pending: number;
  /** Pending jobs whose time has come. */
  due: number;
  /** Seconds since the oldest due job should have run (0 when none is due). */
  oldestDueSeconds: number;
  /** Jobs that failed MAX_ATTEMPTS times and will not be tried again. */
  dead: number;
}

export async function queueStats(db: DB, now: Date): Promise<QueueStats> {
  const row = await queueCounts(db, now);
  const oldest = row?.oldest ? new Date(row.oldest) : null;
  return {
    pending: Number(row?.pending ?? 0),
    due: Number(row?.due ?? 0),
    oldestDueSeconds: oldest ? Math.max(0, Math.round((now.getTime() - oldest.getTime()) / 1000)) : 0,
    dead: Number(row?.dead ?? 0),
  };
}
