// Load shedding: when the event loop lags or memory runs out, a process that keeps taking
// requests answers all of them late and may fall over. Past the thresholds it answers 503
// with Retry-After at once (a small fixed page, no database), so the proxy or the visitor
// retries and the requests it already has can finish. Probes (/healthz, /readyz, /metrics)
// still answer, so an operator can see what is happening.
//
// Measured here rather than with @fastify/under-pressure: that plugin reads an interval with
// no event-loop sample as an infinite delay, so right after start-up (or any pause of the
// sampler) it refused every request for a whole interval. Here the lag of an interval is
// the larger of the histogram's mean and how late the sampler itself woke up.
import { monitorEventLoopDelay } from "node:perf_hooks";
import v8 from "node:v8";
import type { FastifyInstance } from "fastify";
import { sendBareError } from "./errors.js";

export interface LoadSheddingOptions {
  /** Event-loop lag (ms) above which requests are refused; 0 turns the check off. */
  maxEventLoopDelayMs?: number;
  /** Heap use above which requests are refused, as a share of V8's heap limit. */
  maxHeapShare?: number;
  sampleIntervalMs?: number;
}

export const SHED_RETRY_AFTER_SECONDS = 10;
const PROBES = new Set(["/healthz", "/readyz", "/metrics"]);

/** `false` turns shedding off: test worlds, whose loop the test runner and in-process PGlite may block for seconds. */
export function registerLoadShedding(app: FastifyInstance, opts: LoadSheddingOptions | false): void {
  if (opts === false) return;
  const maxDelay = opts.maxEventLoopDelayMs ?? 1000;
  const maxHeap = v8.getHeapStatistics().heap_size_limit * (opts.maxHeapShare ?? 0.9);
  const interval = opts.sampleIntervalMs ?? 1000;
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  let last = performance.now();
  let overloaded: { type: string; value: number } | null = null;
  const sample = () => {
    const now = performance.now();
    const late = Math.max(0, now - last - interval);
    last = now;
    const mean = histogram.count > 0 ? histogram.mean / 1e6 : 0;
    histogram.reset();
    const lag = Math.max(mean, late);
    const heap = process.memoryUsage().heapUsed;
    overloaded =
      maxDelay > 0 && lag > maxDelay ? { type: "eventLoopDelay", value: Math.round(lag) } : heap > maxHeap ? { type: "heapUsed", value: heap } : null;
  };
  // Measured from the moment the app is ready: building it (routes, schemas compiled) and
  // migrating an embedded database block the loop for seconds at start, which is not load;
  // counted, they made the first interval shed the first requests on a busy machine.
  let timer: NodeJS.Timeout | undefined;
  app.addHook("onReady", async () => {
    if (timer) return;
    histogram.enable();
    last = performance.now();
    timer = setInterval(sample, interval);
    timer.unref();
  });
  app.addHook("onClose", async () => {
    clearInterval(timer);
    histogram.disable();
  });

  app.addHook("onRequest", async (request, reply) => {
    if (!overloaded || PROBES.has(request.routeOptions.url ?? "")) return;
    request.log.warn(overloaded, "overloaded: request shed");
    reply.code(503).header("retry-after", String(SHED_RETRY_AFTER_SECONDS)).header("cache-control", "no-store");
    return sendBareError(request, reply, 503);
  });
}
