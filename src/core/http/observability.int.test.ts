import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.js";
import { loadConfig } from "../../config.js";
import { createTestWorld, type TestWorld } from "../../../test/helpers.js";
import { createSite } from "../../../test/factories.js";
import { connectPostgres } from "../db/create-db.js";

let w: TestWorld;
beforeAll(async () => {
  w = await createTestWorld();
  await createSite(w.db);
});
afterAll(async () => w?.close());

describe("/healthz and /readyz", () => {
  it("/healthz says the process is alive, uncached", async () => {
    const res = await w.app.inject("/healthz");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok" });
    expect(res.headers["cache-control"]).toBe("no-store");
  });

  it("/readyz checks the database, the migrations and the queue", async () => {
    const res = await w.app.inject("/readyz");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.status).toBe("ready");
    expect(body.checks.database.ok).toBe(true);
    expect(body.checks.migrations.ok).toBe(true);
    expect(body.checks.queue).toMatchObject({ ok: true });
  });

  it("/readyz answers 503 when due jobs wait for more than ten minutes (no worker)", async () => {
    const job = await w.db
      .insertInto("jobs")
      .values({ kind: "test.stuck", payload: "{}", run_at: new Date(w.clock.now.getTime() - 20 * 60_000) })
      .returning("id")
      .executeTakeFirstOrThrow();
    try {
      const res = await w.app.inject("/readyz");
      expect(res.statusCode).toBe(503);
      expect(res.headers["retry-after"]).toBe("5");
      expect(res.json().checks.queue).toMatchObject({ ok: false, due: 1 });
    } finally {
      await w.db.deleteFrom("jobs").where("id", "=", job.id).execute();
    }
  });

  it("/readyz answers 503 within its timeout when the database cannot be reached", async () => {
    // A PostgreSQL URL where nothing listens: the probe fails fast, the process stays up.
    const unreachable = connectPostgres("postgres://portail@127.0.0.1:9/portail", 1);
    const app = await buildApp({ config: loadConfig({ NODE_ENV: "test", DATA_DIR: w.dataDir, PUBLIC_URL: "https://portail.test" }), db: unreachable.db });
    try {
      await app.ready();
      expect((await app.inject("/healthz")).statusCode).toBe(200);
      const res = await app.inject("/readyz");
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ status: "unavailable", checks: { database: { ok: false } } });
    } finally {
      await app.close();
      await unreachable.close();
    }
  });
});

describe("/metrics", () => {
  it("serves Prometheus metrics to loopback clients, labelled by route pattern (never the raw URL)", async () => {
    await w.app.inject("/healthz");
    await w.app.inject("/compte/reinitialiser?jeton=secret-reset-token-123");
    await w.app.inject("/une-page-qui-n-existe-pas-avec-un-secret-456");
    const res = await w.app.inject({ url: "/metrics", remoteAddress: "127.0.0.1" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/plain/);
    expect(res.body).toMatch(/portail_http_requests_total\{route="\/healthz",method="GET",status="200"\} \d+/);
    expect(res.body).toContain('route="/*",method="GET",status="404"'); // the catch-all's pattern, not the URL
    expect(res.body).toMatch(/portail_http_request_duration_seconds_bucket\{le="0.005",route="\/healthz"\}/);
    expect(res.body).toMatch(/portail_page_cache_hits_total \d+/);
    expect(res.body).toMatch(/portail_page_cache_misses_total \d+/);
    expect(res.body).toMatch(/portail_jobs\{state="due"\} 0/);
    expect(res.body).toMatch(/process_resident_memory_bytes/);
    expect(res.body).not.toContain("secret-reset-token-123");
    expect(res.body).not.toContain("secret-456");
    if (process.env.TEST_DB === "postgres") expect(res.body).toMatch(/portail_db_pool_connections\{state="max"\} \d+/);
  });

  it("counts page-cache hits and misses", async () => {
    await w.app.inject("/"); // may be a miss
    await w.app.inject("/"); // served from the cache
    const body = (await w.app.inject("/metrics")).body;
    expect(Number(/portail_page_cache_hits_total (\d+)/.exec(body)?.[1])).toBeGreaterThanOrEqual(1);
    expect(Number(/portail_page_cache_misses_total (\d+)/.exec(body)?.[1])).toBeGreaterThanOrEqual(1);
  });

  it("is a plain 404 for anyone else, whatever X-Forwarded-For says", async () => {
    for (const headers of [{}, { "x-forwarded-for": "127.0.0.1" }]) {
      const res = await w.app.inject({ url: "/metrics", remoteAddress: "203.0.113.7", headers });
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain("portail_http_requests_total");
    }
  });

  it("with METRICS_TOKEN, wants the bearer token, also from loopback", async () => {
    const token = "a-long-metrics-token-for-the-scraper";
    const app = await buildApp({
      config: loadConfig({ NODE_ENV: "test", DATA_DIR: w.dataDir, PUBLIC_URL: "https://portail.test", METRICS_TOKEN: token }),
      db: w.db,
    });
    try {
      await app.ready();
      expect((await app.inject({ url: "/metrics" })).statusCode).toBe(404);
      expect((await app.inject({ url: "/metrics", headers: { authorization: "Bearer wrong" } })).statusCode).toBe(404);
      const ok = await app.inject({ url: "/metrics", remoteAddress: "203.0.113.7", headers: { authorization: `Bearer ${token}` } });
      expect(ok.statusCode).toBe(200);
      expect(ok.body).toContain("portail_http_requests_total");
    } finally {
      await app.close();
    }
  });
});
