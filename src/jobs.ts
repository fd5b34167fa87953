// The app's durable jobs, by kind (docs/decisions/0008-job-queue.md). The server's worker
// runs them all; a test world runs only the delivery jobs, so e-mails arrive as they do in
// production while scheduled publications wait for the test to run them.
import type { AppDeps } from "./app.js";
import type { JobHandler } from "./core/jobs/queue.js";
import { MAIL_JOB, mailJobHandler } from "./core/mail/queue.js";
import { accountJobHandlers } from "./modules/accounts/index.js";
import { contentJobHandlers } from "./modules/content/index.js";

/** E-mail delivery and the account jobs that queue e-mails (password reset requests). */
export function deliveryJobHandlers(deps: AppDeps): Record<string, JobHandler> {
  return { [MAIL_JOB]: mailJobHandler(deps.mailTransport), ...accountJobHandlers(deps) };
}

export function allJobHandlers(deps: AppDeps): Record<string, JobHandler> {
  return { ...contentJobHandlers(deps), ...deliveryJobHandlers(deps) };
}
