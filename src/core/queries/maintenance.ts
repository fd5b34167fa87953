// SQL of the hourly housekeeping (core/maintenance.ts holds the retention periods).
import type { DB } from "../db/create-db.js";

/** Sessions past their absolute expiry, or idle since before `idleBefore`. */
export async function deleteExpiredSessions(db: DB, now: Date, idleBefore: Date) {
  return db
    .deleteFrom("sessions")
    .where((eb) => eb.or([eb("expires_at", "<=", now), eb("last_seen_at", "<", idleBefore)]))
    .executeTakeFirst();
}

export async function deleteAuditEventsBefore(db: DB, before: Date): Promise<void> {
  await db.deleteFrom("audit_events").where("occurred_at", "<", before).execute();
}

/** Jobs finished before `before`, and jobs that gave up (their retry time) before it. */
export async function deleteOldJobs(db: DB, before: Date, maxAttempts: number) {
  return db
    .deleteFrom("jobs")
    .where((eb) =>
      eb.or([
        eb("done_at", "<", before),
        // Given up: run_at is when the last failure would have been retried.
        eb.and([eb("done_at", "is", null), eb("attempts", ">=", maxAttempts), eb("run_at", "<", before)]),
      ]),
    )
    .executeTakeFirst();
}
