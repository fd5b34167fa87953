// Every e-mail goes through the durable job queue (docs/decisions/0008-job-queue.md):
// `send()` inserts a `mail.send` job, in the caller's transaction when it passes one, and
// wakes this process's worker; the job hands the message to the transport (SMTP with short
// timeouts, or the development outbox) and is retried with the queue's backoff when the
// mail server fails. A request therefore does the same small insert whatever the message,
// and a message survives a restart or a mail server that is down for a while.
import type { DB } from "../db/create-db.js";
import { enqueue, type JobHandler, type JobSignal } from "../jobs/queue.js";
import type { MailKind, MailMessage, Mailer, MailTransport } from "./mailer.js";

export const MAIL_JOB = "mail.send";

export function createQueuedMailer(opts: { db: DB; now: () => Date; kind: MailKind; signal?: JobSignal }): Mailer {
  return {
    kind: opts.kind,
    async send(message, db) {
      const { to, subject, text, html } = message;
      await enqueue(db ?? opts.db, MAIL_JOB, { to, subject, text, html }, opts.now());
      opts.signal?.wake();
    },
  };
}

function isMessage(payload: unknown): payload is MailMessage {
  const p = payload as Partial<Record<keyof MailMessage, unknown>> | null;
  return !!p && typeof p.to === "string" && typeof p.subject === "string" && typeof p.text === "string" && typeof p.html === "string";
}

/**
 * Delivers a queued message. The payload holds reset and confirmation links: it is erased
 * once the message is delivered or given up on (`erasePayload`), so the jobs table keeps
 * no usable link.
 */
export function mailJobHandler(transport: MailTransport): JobHandler {
  const handler: JobHandler = async (job) => {
    // An erased or malformed payload can never be delivered: nothing to retry.
    if (!isMessage(job.payload)) return;
    await transport.deliver(job.payload);
  };
  handler.erasePayload = true;
  return handler;
}
