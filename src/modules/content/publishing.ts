// Scheduled publication. Scheduling stores the time on the item (status "scheduled") and
// enqueues a durable job for that time; the worker publishes it within its polling
// interval, also after a restart, since both live in the database. Publishing drops the
// cached pages that show the item.
import type { AppDeps } from "../../app.js";
import type { DB } from "../../core/db/create-db.js";
import { ConflictError, NotFoundError } from "../../core/errors.js";
import { cancelPending, enqueue, type JobHandler } from "../../core/jobs/queue.js";
import { invalidateContent } from "./index.js";

export const PUBLISH_JOB = "content.publish";

export async function schedulePublication(db: DB, contentId: number, at: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const item = await trx.selectFrom("content_items").select(["id", "status"]).where("id", "=", contentId).forUpdate().executeTakeFirst();
    if (!item) throw new NotFoundError();
    if (item.status === "published") throw new ConflictError("Already published");
    await trx.updateTable("content_items").set({ status: "scheduled", scheduled_at: at, updated_at: new Date() }).where("id", "=", contentId).execute();
    await cancelPending(trx, PUBLISH_JOB, { contentId });
    await enqueue(trx, PUBLISH_JOB, { contentId }, at);
  });
}

/** The job: publish the item if it is still scheduled for now or earlier. */
export function publishJobHandler(deps: Pick<AppDeps, "db" | "pageCache" | "site">): JobHandler {
  return async (job, { now }) => {
    const contentId = Number((job.payload as { contentId?: unknown }).contentId);
    if (!Number.isInteger(contentId)) return;
    const published = await deps.db
      .updateTable("content_items")
      .set((eb) => ({ status: "published", published_at: eb.ref("scheduled_at"), updated_at: now }))
      .where("id", "=", contentId)
      .where("status", "=", "scheduled")
      .where("scheduled_at", "<=", now)
      .returning(["id", "kind"])
      .executeTakeFirst();
    // Unscheduled or rescheduled meanwhile: nothing to do, the newer job will act.
    if (published) await invalidateContent(deps, { id: published.id, kind: published.kind });
  };
}
