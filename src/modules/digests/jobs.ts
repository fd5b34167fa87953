// The digests module's durable jobs: the hourly run (one job per period, enqueued by the
// scheduler with a unique key) and the sending of each delivery.
import type { AppDeps } from "../../core/deps.js";
import type { JobHandler } from "../../core/jobs/queue.js";
import { sendJobHandler } from "./delivery.js";
import { RUN_JOB, runDigests, SEND_JOB } from "./service.js";

export function digestJobHandlers(deps: AppDeps): Record<string, JobHandler> {
  const run: JobHandler = async (job) => {
    const period = (job.payload as { period?: unknown } | null)?.period;
    if (typeof period !== "string" || Number.isNaN(Date.parse(period))) return;
    await runDigests(deps, new Date(period), { clock: deps.now, jobId: job.id });
  };
  return { [RUN_JOB]: run, [SEND_JOB]: sendJobHandler(deps) };
}
