// Scheduled publication. Scheduling stores the time on the item (status "scheduled") and
// enqueues a durable job for that time; the worker publishes it within its polling
// interval, also after a restart, since both live in the database. Publishing drops the
// cached pages that show the item and is recorded in the audit trail.
import type { AppDeps } from "../../core/deps.js";
import { recordEvent } from "../../core/audit.js";
import type { DB } from "../../core/db/create-db.js";
import { ConflictError, NotFoundError } from "../../core/errors.js";
import { cancelPending, enqueue, type JobHandler } from "../../core/jobs/queue.js";
import { invalidateContent } from "./invalidate.js";
import * as q from "./queries/publishing.js";

export const PUBLISH_JOB = "content.publish";

/** Label of the scheduler in the audit trail. */
export const SCHEDULER_LABEL = "Publication programmée";

export async function schedulePublication(db: DB, contentId: number, at: Date): Promise<void> {
  await db.transaction().execute((trx) => scheduleInTransaction(trx, contentId, at));
}

/** The same, inside the caller's transaction (which also records who scheduled it). */
export async function scheduleInTransaction(trx: DB, contentId: number, at: Date, now: Date = new Date(), userId: number | null = null): Promise<void> {
  const item = await q.lockStatus(trx, contentId);
  if (!item) throw new NotFoundError();
  if (item.status === "published") throw new ConflictError("Already published");
  await q.markScheduled(trx, contentId, at, now, userId);
  await cancelPending(trx, PUBLISH_JOB, { contentId });
  await enqueue(trx, PUBLISH_JOB, { contentId }, at);
}

/** Cancels a pending scheduled publication (unpublish, archive, publish now, delete). */
export async function cancelScheduled(trx: DB, contentId: number): Promise<void> {
  await cancelPending(trx, PUBLISH_JOB, { contentId });
}

/** The job: publish the item if it is still scheduled for now or earlier. */
export function publishJobHandler(deps: Pick<AppDeps, "db" | "pageCache" | "site">): JobHandler {
  return async (job, { now }) => {
    const contentId = Number((job.payload as { contentId?: unknown }).contentId);
    if (!Number.isInteger(contentId)) return;
    const published = await deps.db.transaction().execute(async (trx) => {
      const row = await q.publishIfDue(trx, contentId, now);
      if (row) {
        await recordEvent(trx, {
          actor: { id: null, label: SCHEDULER_LABEL },
          action: "content.publish",
          target: { type: "content", id: row.id, label: row.title },
          details: { scheduledAt: row.scheduled_at },
          at: now,
        });
      }
      return row;
    });
    // Unscheduled or rescheduled meanwhile: nothing to do, the newer job will act.
    if (published) await invalidateContent(deps, { id: published.id, kind: published.kind });
  };
}
