// The app's durable jobs, by kind (docs/decisions/0008-job-queue.md): e-mail delivery (core)
// and what the modules declare in their manifests. The server's worker runs them all; a test
// world runs only the delivery jobs, so e-mails arrive as they do in production while scheduled
// publications wait for the test to run them.
import type { AppDeps } from "./core/deps.js";
import type { JobHandler } from "./core/jobs/queue.js";
import { MAIL_JOB, mailJobHandler } from "./core/mail/queue.js";

/** E-mail delivery and the module jobs that deliver at once (password reset requests). */
export function deliveryJobHandlers(deps: AppDeps): Record<string, JobHandler> {
  return { [MAIL_JOB]: mailJobHandler(deps.mailTransport), ...deps.modules.jobHandlers(deps, "delivery") };
}

export function allJobHandlers(deps: AppDeps): Record<string, JobHandler> {
  return { [MAIL_JOB]: mailJobHandler(deps.mailTransport), ...deps.modules.jobHandlers(deps, "all") };
}
