// A database outage, tried as an operator would: the link between the app and PostgreSQL is
// cut, then frozen, mid-traffic. Expected: only 503s with Retry-After (or pages from the
// cache), no hang beyond the timeouts, no crash, and service back by itself within 5 s.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.js";
import { loadConfig } from "../../config.js";
import { createArticle, createSite } from "../../../test/factories.js";
import { createServerDatabase } from "../../../test/helpers.js";
import { startTcpProxy, type TcpProxy } from "../../../test/tcp-proxy.js";
import { connectPostgres, type DatabaseHandle } from "../db/create-db.js";
import { migrateToLatest } from "../db/migrator.js";

const url = process.env.TEST_DATABASE_URL;
const onServer = process.env.TEST_DB === "postgres" && url !== undefined;

describe.skipIf(!onServer)("database outage behind a TCP proxy", () => {
  let server: Awaited<ReturnType<typeof createServerDatabase>>;
  let proxy: TcpProxy;
  let direct: DatabaseHandle;
  let viaProxy: DatabaseHandle;
  let app: FastifyInstance;
  let dataDir: string;
  let articlePath: string;

  beforeAll(async () => {
    server = await createServerDatabase("portail_outage", { migrated: true });
    const dbUrl = server.url;
    const u = new URL(dbUrl);
    direct = connectPostgres(dbUrl, 2);
    await migrateToLatest(direct.db);
    await createSite(direct.db);
    articlePath = (await createArticle(direct.db, { title: "Réouverture de la médiathèque" })).path;
    proxy = await startTcpProxy({ host: u.hostname, port: Number(u.port || 5432) });
    viaProxy = connectPostgres(proxy.url(dbUrl), 4, { connectMs: 1000, statementMs: 1000 });
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "portail-outage-"));
    app = await buildApp({ config: loadConfig({ NODE_ENV: "test", DATA_DIR: dataDir, PUBLIC_URL: "https://portail.test" }), db: viaProxy.db });
    await app.ready();
  });

  afterAll(async () => {
    await app?.close();
    await viaProxy?.close();
    await proxy?.close();
    await direct?.close();
    await server?.drop();
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  });

  const page = (p: string, headers: Record<string, string> = {}) => app.inject({ url: p, headers });

  async function backWithin(ms: number): Promise<number> {
    const started = Date.now();
    for (;;) {
      // A query never asked before: the search keeps result sets in memory for a minute
      // (src/modules/search/cache.ts), and only a database answer proves the service is back.
      const res = await page(`/recherche?q=mediatheque+${Date.now()}`);
      if (res.statusCode === 200) return Date.now() - started;
      expect(res.statusCode).toBe(503);
      if (Date.now() - started > ms) throw new Error(`still ${res.statusCode} after ${ms} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  function expectOutageAnswer(res: Awaited<ReturnType<typeof page>>) {
    expect(res.statusCode).toBe(503);
    expect(res.headers["retry-after"]).toBe("5");
    expect(res.body).not.toMatch(/at .*\.(ts|js):\d+|ECONNREFUSED|Connection terminated|stack/i);
  }

  it("cut: uncached pages and the API answer 503 with Retry-After, cached pages are still served, and it heals by itself", async () => {
    expect((await page(articlePath)).statusCode).toBe(200); // now in the page cache
    expect((await page("/recherche?q=mediatheque")).statusCode).toBe(200);

    proxy.cut();
    const cached = await page(articlePath);
    expect(cached.statusCode).toBe(200);
    expect(cached.headers["x-cache"]).toBe("hit");

    const html = await page("/recherche?q=autre");
    expectOutageAnswer(html);
    expect(html.headers["content-type"]).toMatch(/text\/html/);
    expect(html.body).toContain("momentanément indisponible");

    const api = await page("/api/v1/actions");
    expectOutageAnswer(api);
    expect(api.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(api.json()).toMatchObject({ status: 503 });

    const ready = await page("/readyz");
    expect(ready.statusCode).toBe(503);
    expect((await page("/healthz")).statusCode).toBe(200);

    proxy.restore();
    const ms = await backWithin(5000);
    console.log(`[outage] cut: service back ${ms} ms after the database link returned`);
  });

  it("freeze: requests fail with 503 after the statement timeout instead of hanging, and recover once it thaws", async () => {
    proxy.freeze();
    const started = Date.now();
    const res = await page("/recherche?q=gel");
    const waited = Date.now() - started;
    expectOutageAnswer(res);
    expect(waited).toBeLessThan(15_000); // bounded by the pool timeouts, not by the freeze
    proxy.restore();
    const ms = await backWithin(5000);
    console.log(`[outage] freeze: answered 503 after ${waited} ms; back ${ms} ms after thaw`);
  });
});
