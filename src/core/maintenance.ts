// Housekeeping that keeps the retention promises of the privacy page
// (/donnees-personnelles) true: run hourly by the server.
//  - rate-limit counters: one day;
//  - sessions: gone once expired (idle or absolute);
//  - e-mailed links: deleted 7 days after they expired or were used;
//  - finished jobs: 30 days; jobs that gave up: 30 days after their last attempt (an
//    e-mail job's payload, which holds its links, is already erased when it finishes);
//  - audit events: one year; unfinished second sign-in steps: once expired.
import type { DB } from "./db/create-db.js";
import { MAX_ATTEMPTS } from "./jobs/queue.js";
import { deleteAuditEventsBefore, deleteExpiredPendingSignIns, deleteExpiredSessions, deleteOldJobs, deleteSpentTokens } from "./queries/maintenance.js";
import { purgeRateLimits } from "./rate-limit.js";
import { SESSION_IDLE_MS } from "./auth/sessions.js";

const DAY = 86_400_000;

export interface MaintenanceReport {
  sessions: number;
  tokens: number;
  jobs: number;
}

export async function runMaintenance(db: DB, now: Date): Promise<MaintenanceReport> {
  await purgeRateLimits(db, now);
  // Absolute expiry is stored; idle expiry depends on the role, so only sessions idle
  // longer than the longest idle limit (residents') are removed here; loadSession
  // refuses the others on their next use anyway.
  const sessions = await deleteExpiredSessions(db, now, new Date(now.getTime() - SESSION_IDLE_MS));
  const weekAgo = new Date(now.getTime() - 7 * DAY);
  const tokens = await deleteSpentTokens(db, weekAgo);
  // The audit trail is kept one year (docs/decisions/0007).
  await deleteAuditEventsBefore(db, new Date(now.getTime() - 365 * DAY));
  // Abandoned second-factor steps: they live five minutes.
  await deleteExpiredPendingSignIns(db, now);
  const jobs = await deleteOldJobs(db, new Date(now.getTime() - 30 * DAY), MAX_ATTEMPTS);
  return { sessions: Number(sessions.numDeletedRows), tokens: Number(tokens.numDeletedRows), jobs: Number(jobs.numDeletedRows) };
}
