// The accounts module's durable jobs. A password reset request is only queued by the form
// (the same insert for every address); this job looks the address up and, for an account,
// creates the link and queues its e-mail. The payload (an address) is erased once done.
import type { AppDeps } from "../../core/deps.js";
import type { JobHandler } from "../../core/jobs/queue.js";
import { RESET_REQUEST_JOB, sendPasswordReset } from "./service.js";

export function accountJobHandlers(deps: Pick<AppDeps, "db" | "now" | "mailer" | "config" | "site">): Record<string, JobHandler> {
  const reset: JobHandler = async (job) => {
    const email = (job.payload as { email?: unknown } | null)?.email;
    if (typeof email !== "string") return;
    const site = await deps.site.load();
    await sendPasswordReset({ db: deps.db, now: deps.now, mailer: deps.mailer, publicUrl: deps.config.publicUrl, siteName: site.view.name }, email);
  };
  reset.erasePayload = true;
  return { [RESET_REQUEST_JOB]: reset };
}
