// Load shedding: when the event loop lags or memory runs out, a process that keeps taking
// requests answers all of them late and may fall over. Past the thresholds it answers 503
// with Retry-After at once (a small fixed page, no database), so the proxy or the visitor
// retries and the requests it already has can finish. Probes (/healthz, /readyz, /metrics)
// still answer, so an operator can see what is happening.
import underPressure from "@fastify/under-pressure";
import type { FastifyInstance } from "fastify";
import v8 from "node:v8";
import { bareErrorHtml, errorMessage } from "../../ui/error-page.js";
import { wantsJson } from "./errors.js";

export interface LoadSheddingOptions {
  /** Event-loop delay (ms) above which requests are refused; 0 turns the check off. */
  maxEventLoopDelayMs?: number;
  /** Heap use above which requests are refused, as a share of V8's heap limit. */
  maxHeapShare?: number;
  sampleIntervalMs?: number;
}

export const SHED_RETRY_AFTER_SECONDS = 10;
const PROBES = new Set(["/healthz", "/readyz", "/metrics"]);

/** `false` turns shedding off: test worlds, whose loop the test runner and in-process PGlite may block for seconds. */
export async function registerLoadShedding(app: FastifyInstance, opts: LoadSheddingOptions | false): Promise<void> {
  if (opts === false) return;
  const heapLimit = v8.getHeapStatistics().heap_size_limit;
  await app.register(underPressure, {
    maxEventLoopDelay: opts.maxEventLoopDelayMs ?? 1000,
    maxHeapUsedBytes: Math.round(heapLimit * (opts.maxHeapShare ?? 0.9)),
    sampleInterval: opts.sampleIntervalMs ?? 1000,
    pressureHandler(request, reply, type, value) {
      // Returning without sending lets the request through; once a reply is sent, Fastify
      // stops the request there (runPreParsing checks reply.sent).
      if (PROBES.has(request.routeOptions.url ?? "")) return;
      request.log.warn({ type, value }, "under pressure: request shed");
      reply.code(503).header("retry-after", String(SHED_RETRY_AFTER_SECONDS)).header("cache-control", "no-store");
      if (wantsJson(request)) {
        const m = errorMessage(503);
        void reply.type("application/problem+json; charset=utf-8").send({ type: "about:blank", title: m.title, status: 503, detail: m.text });
        return;
      }
      void reply.type("text/html; charset=utf-8").send(bareErrorHtml(503));
    },
  });
}
