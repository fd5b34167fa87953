// When a contributor submits an item for review, the people who can publish it hear about
// it by e-mail. Sent through the durable job queue (enqueued in the submission's
// transaction), so a mail server that is down delays the message instead of losing it or
// failing the submission; an item no longer in review by then is not announced.
import type { AppDeps } from "../../../core/deps.js";
import { enqueue, type JobHandler } from "../../../core/jobs/queue.js";
import type { DB } from "../../../core/db/create-db.js";
import { mails } from "../mails.js";
import * as q from "./queries.js";

export const REVIEW_NOTICE_JOB = "content.review_notice";

export async function enqueueReviewNotice(trx: DB, contentId: number, submittedBy: number, now: Date): Promise<void> {
  await enqueue(trx, REVIEW_NOTICE_JOB, { contentId, submittedBy }, now);
}

export function reviewNoticeHandler(deps: Pick<AppDeps, "db" | "mailer" | "site" | "config">): JobHandler {
  return async (job) => {
    const payload = job.payload as { contentId?: unknown; submittedBy?: unknown };
    const contentId = Number(payload.contentId);
    const submittedBy = Number(payload.submittedBy);
    if (!Number.isInteger(contentId)) return;
    const item = await q.findReviewItem(deps.db, contentId);
    if (item?.status !== "review") return;
    const [submitter, recipients, site] = await Promise.all([
      q.findUserName(deps.db, submittedBy),
      // Roles that may publish (core/auth/roles.ts: content.publish), with a confirmed address.
      q.listConfirmedEmails(deps.db, ["editor", "admin"], Number.isInteger(submittedBy) ? submittedBy : -1),
      deps.site.load(),
    ]);
    const who = submitter ? submitter.display_name || submitter.email : "Un membre de l’équipe";
    const url = new URL(`/admin/contenus/${item.id}`, `${deps.config.publicUrl}/`).toString();
    // One e-mail job per recipient (each delivered and retried on its own), queued all or
    // none: a failure halfway does not leave the first recipients to be told again on retry.
    await deps.db.transaction().execute(async (trx) => {
      for (const email of recipients) await deps.mailer.send(mails.reviewRequested(email, site.view.name, who, item.title, url), trx);
    });
  };
}
