// Health, readiness and Prometheus metrics for operators and orchestrators.
//  - GET /healthz: the process answers (no database call: a slow database must not get
//    a healthy process killed by its supervisor).
//  - GET /readyz: database reachable, migrations current, job queue moving; 503 otherwise,
//    so a load balancer stops sending traffic to this process.
//  - GET /metrics: Prometheus text format. Only for the loopback interface unless
//    METRICS_TOKEN is set, then for a request carrying "Authorization: Bearer <token>".
// None of them is logged at info level: probes every few seconds would drown the log.
import crypto from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { ping } from "../db/probe.js";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { poolStats } from "../db/create-db.js";
import { pendingMigrations } from "../db/migrator.js";
import { queueStats } from "../jobs/stats.js";
import { isLoopbackAddress } from "../../lib/net.js";
import { noQuery } from "./form.js";

const PROBE_TIMEOUT_MS = 2000;
/** Due jobs older than this mean no worker is taking them. */
export const QUEUE_STUCK_AFTER_SECONDS = 600;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

interface Check {
  ok: boolean;
  detail?: string;
  [key: string]: unknown;
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer (.+)$/.exec(header ?? "")?.[1] ?? "";
  const a = crypto.createHash("sha256").update(given).digest();
  const b = crypto.createHash("sha256").update(token).digest();
  return crypto.timingSafeEqual(a, b);
}

export function registerObservability(app: FastifyInstance, opts: { metricsToken: string | null }): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: "portail_http_requests_total",
    help: "HTTP requests by route pattern, method and status.",
    labelNames: ["route", "method", "status"] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: "portail_http_request_duration_seconds",
    help: "Time to answer, by route pattern.",
    labelNames: ["route"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const { pageCache, db, now } = app.deps;
  new Gauge({
    name: "portail_page_cache_hits_total",
    help: "Anonymous page requests answered from the page cache (counter since start).",
    registers: [registry],
    collect() {
      this.set(pageCache.hits);
    },
  });
  new Gauge({
    name: "portail_page_cache_misses_total",
    help: "Anonymous page requests the page cache could not answer (counter since start).",
    registers: [registry],
    collect() {
      this.set(pageCache.misses);
    },
  });
  new Gauge({
    name: "portail_page_cache_entries",
    help: "Pages held in this process's page cache.",
    registers: [registry],
    collect() {
      this.set(pageCache.size);
    },
  });
  const queue = new Gauge({
    name: "portail_jobs",
    help: "Job queue: pending, due, dead (failed for good) jobs, and the age in seconds of the oldest due one.",
    labelNames: ["state"] as const,
    registers: [registry],
    async collect() {
      try {
        const s = await withTimeout(queueStats(db, now()), PROBE_TIMEOUT_MS);
        this.set({ state: "pending" }, s.pending);
        this.set({ state: "due" }, s.due);
        this.set({ state: "dead" }, s.dead);
        this.set({ state: "oldest_due_seconds" }, s.oldestDueSeconds);
      } catch {
        this.reset(); // database unreachable: no figure rather than a stale one
      }
    },
  });
  void queue;
  new Gauge({
    name: "portail_db_pool_connections",
    help: "PostgreSQL pool connections by state (absent on the embedded database).",
    labelNames: ["state"] as const,
    registers: [registry],
    collect() {
      const s = poolStats(db);
      if (!s) return;
      this.set({ state: "max" }, s.max);
      this.set({ state: "total" }, s.total);
      this.set({ state: "idle" }, s.idle);
      this.set({ state: "waiting" }, s.waiting);
    },
  });

  app.addHook("onResponse", async (request, reply) => {
    // The route pattern, never the raw URL: bounded label values, and no token or address in them.
    const route = request.routeOptions.url ?? "(not found)";
    requests.inc({ route, method: request.method, status: String(reply.statusCode) });
    latency.observe({ route }, reply.elapsedTime / 1000);
  });

  // Probes read no input: query strings are ignored (a cache buster passes).
  const quiet = { logLevel: "warn" as const, schema: { querystring: noQuery } };

  app.get("/healthz", quiet, async (_request, reply) => {
    return reply.header("cache-control", "no-store").send({ status: "ok" });
  });

  app.get("/readyz", quiet, async (_request, reply) => {
    const checks: Record<string, Check> = {};
    try {
      await withTimeout(ping(db), PROBE_TIMEOUT_MS);
      checks.database = { ok: true };
    } catch (error) {
      checks.database = { ok: false, detail: (error as Error).message.slice(0, 200) };
    }
    if (checks.database.ok) {
      try {
        const pending = await withTimeout(pendingMigrations(db), PROBE_TIMEOUT_MS);
        checks.migrations = pending.length === 0 ? { ok: true } : { ok: false, detail: `pending: ${pending.join(", ")}` };
      } catch (error) {
        checks.migrations = { ok: false, detail: (error as Error).message.slice(0, 200) };
      }
      try {
        const s = await withTimeout(queueStats(db, now()), PROBE_TIMEOUT_MS);
        const stuck = s.oldestDueSeconds > QUEUE_STUCK_AFTER_SECONDS;
        checks.queue = {
          ok: !stuck,
          due: s.due,
          oldestDueSeconds: s.oldestDueSeconds,
          dead: s.dead,
          ...(stuck ? { detail: "due jobs are not being taken" } : {}),
        };
      } catch (error) {
        checks.queue = { ok: false, detail: (error as Error).message.slice(0, 200) };
      }
    }
    const ok = Object.values(checks).every((c) => c.ok);
    reply.header("cache-control", "no-store").code(ok ? 200 : 503);
    if (!ok) reply.header("retry-after", "5");
    return reply.send({ status: ok ? "ready" : "unavailable", checks });
  });

  app.get("/metrics", quiet, async (request: FastifyRequest, reply: FastifyReply) => {
    const allowed = opts.metricsToken ? tokenMatches(request.headers.authorization, opts.metricsToken) : isLoopbackAddress(request.socket.remoteAddress);
    // 404 rather than 403: the endpoint does not advertise itself to the public.
    if (!allowed) return reply.code(404).header("cache-control", "no-store").type("text/plain; charset=utf-8").send("Not found");
    const body = await registry.metrics();
    return reply.header("cache-control", "no-store").type(registry.contentType).send(body);
  });
}
