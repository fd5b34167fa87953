// Housekeeping of core's tables that keeps the retention promises of the privacy page
// (/donnees-personnelles) true: run hourly by the server. Modules purge their own tables
// through a recurring task in their manifest (accounts: e-mailed links, second steps).
//  - rate-limit counters: one day;
//  - sessions: gone once expired (idle or absolute);
//  - finished jobs: 30 days; jobs that gave up: 30 days after their last attempt (an
//    e-mail job's payload, which holds its links, is already erased when it finishes);
//  - audit events: one year.
import type { DB } from "./db/create-db.js";
import { MAX_ATTEMPTS } from "./jobs/queue.js";
import { deleteAuditEventsBefore, deleteExpiredSessions, deleteOldJobs } from "./queries/maintenance.js";
import { purgeRateLimits } from "./rate-limit.js";
import { SESSION_IDLE_MS } from "./auth/sessions.js";

const DAY = 86_400_000;

export interface MaintenanceReport {
  sessions: number;
  jobs: number;
}

export async function runMaintenance(db: DB, now: Date): Promise<MaintenanceReport> {
  await purgeRateLimits(db, now);
  // Absolute expiry is stored; idle expiry depends on the role, so only sessions idle
  // longer than the longest idle limit (residents') are removed here; loadSession
  // refuses the others on their next use anyway.
  const sessions = await deleteExpiredSessions(db, now, new Date(now.getTime() - SESSION_IDLE_MS));
  // The audit trail is kept one year (docs/decisions/0007).
  await deleteAuditEventsBefore(db, new Date(now.getTime() - 365 * DAY));
  const jobs = await deleteOldJobs(db, new Date(now.getTime() - 30 * DAY), MAX_ATTEMPTS);
  return { sessions: Number(sessions.numDeletedRows), jobs: Number(jobs.numDeletedRows) };
}
