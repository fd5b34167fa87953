// Past the event-loop threshold, requests get an immediate 503 with Retry-After (a fixed
// page, no database) while the probes still answer; once the loop is free, service resumes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../app.js";
import { loadConfig } from "../../config.js";
import { createTestDatabase, type TestDatabase } from "../../../test/helpers.js";
import { createSite } from "../../../test/factories.js";

let t: TestDatabase;
let app: FastifyInstance;
beforeAll(async () => {
  t = await createTestDatabase();
  await createSite(t.db);
  app = await buildApp({
    config: loadConfig({ NODE_ENV: "test", DATA_DIR: "/tmp/portail-shedding", PUBLIC_URL: "https://portail.test" }),
    db: t.db,
    loadShedding: { maxEventLoopDelayMs: 150, sampleIntervalMs: 100 },
  });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await t?.destroy();
});

function blockEventLoop(ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // busy: what a runaway render or a CPU-bound spike does to the loop
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("load shedding", () => {
  it("answers 503 with Retry-After at once while the event loop lags, keeps the probes up, and recovers", async () => {
    expect((await app.inject("/")).statusCode).toBe(200);
    blockEventLoop(800);
    // The sampler reads the lag at its next tick (every 100 ms here): shedding starts within it.
    let page = await app.inject("/");
    for (let i = 0; i < 40 && page.statusCode !== 503; i++) {
      await sleep(5);
      page = await app.inject("/robots.txt");
    }
    expect(page.statusCode).toBe(503);
    expect(page.headers["retry-after"]).toBe("10");
    expect(page.body).toContain("momentanément indisponible");
    blockEventLoop(800);
    let api = await app.inject("/api/v1/actions");
    for (let i = 0; i < 40 && api.statusCode !== 503; i++) {
      await sleep(5);
      api = await app.inject("/api/v1/actions");
    }
    expect(api.statusCode).toBe(503);
    expect(api.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect((await app.inject("/healthz")).statusCode).toBe(200);

    // A cheap page to watch recovery: on a loaded machine a full render could itself lag the loop.
    const deadline = Date.now() + 10_000;
    let status = 503;
    while (status === 503 && Date.now() < deadline) {
      await sleep(50);
      status = (await app.inject("/robots.txt")).statusCode;
    }
    expect(status).toBe(200);
  });
});

describe("load shedding with the production thresholds", () => {
  it("does not refuse the first requests after start-up (an interval without samples is not an infinite lag)", async () => {
    const fresh = await buildApp({
      config: loadConfig({ NODE_ENV: "test", DATA_DIR: "/tmp/portail-shedding", PUBLIC_URL: "https://portail.test" }),
      db: t.db,
      loadShedding: {},
    });
    try {
      await fresh.ready();
      expect((await fresh.inject("/robots.txt")).statusCode).toBe(200);
      await sleep(1100); // one full sampling interval with nothing to sample
      expect((await fresh.inject("/robots.txt")).statusCode).toBe(200);
    } finally {
      await fresh.close();
    }
  });
});
