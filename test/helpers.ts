// Test worlds: each test file gets its own freshly migrated database (a PGlite in the state
// of the migrated template, possibly one an earlier file of the worker gave back and that was
// reset since: test/pglite-pool.ts; or a copy of the migrated template database on the
// PostgreSQL server named by TEST_DATABASE_URL), its own data directory and its own app.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { inject } from "vitest";
import { buildApp } from "../src/app.js";
import { loadConfig, type Config } from "../src/config.js";
import { connectPostgres, openPGlite, type DatabaseHandle, type DB } from "../src/core/db/create-db.js";
import type { PageCache } from "../src/core/http/page-cache.js";
import type { LogStream } from "../src/core/logger.js";
import { startWorker } from "../src/core/jobs/queue.js";
import { createMailTransport } from "../src/core/mail/mailer.js";
import { deliveryJobHandlers } from "../src/jobs.js";
import { acquirePGlite, wrapPooledPGlite } from "./pglite-pool.js";

export interface TestDatabase {
  db: DB;
  kind: "pglite" | "postgres";
  destroy(): Promise<void>;
}

// Read once per worker: test files share a worker's modules (isolate: false in vitest.config.ts).
let template: Promise<Blob> | undefined;
function pgliteTemplate(): Promise<Blob> {
  template ??= fs.readFile(inject("pgliteTemplate")).then((bytes) => new Blob([bytes]));
  return template;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (process.env.TEST_DB === "postgres") {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error("TEST_DB=postgres needs TEST_DATABASE_URL");
    const name = `portail_test_${crypto.randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    // a copy of the database migrated once by test/global-setup-postgres.ts
    await admin.query(`create database ${name} template ${inject("postgresTemplate")}`);
    await admin.end();
    const dbUrl = new URL(url);
    dbUrl.pathname = `/${name}`;
    const handle = connectPostgres(dbUrl.toString(), 5);
    return {
      db: handle.db,
      kind: "postgres",
      destroy: async () => {
        await handle.close();
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  }
  // An instance of this worker's pool (test/pglite-pool.ts): an idle one reset to the
  // template's state, or a new copy of the template; destroy() resets it and gives it back.
  const handle = wrapPooledPGlite(await acquirePGlite(pgliteTemplate));
  return {
    db: handle.db,
    kind: "pglite",
    destroy: async () => {
      await handle.close();
    },
  };
}

/**
 * Puts a migrated embedded database in `<dataDir>/pglite`, where createDatabase, the server
 * and the CLI commands open it, as a copy of the template: about 2 s instead of PGlite's
 * initdb on disk (8 s here) and every migration. For tests about what happens to a data folder
 * (locks, crashes, backups), not about a first start on an empty one.
 */
export async function migratedDataDir(dataDir: string): Promise<void> {
  const client = await openPGlite(path.join(dataDir, "pglite"), await pgliteTemplate());
  await client.close();
}

/**
 * An empty database of its own on the PostgreSQL server named by TEST_DATABASE_URL, for tests
 * that need its URL (a second process, a proxy in between, pg_dump). Empty unless `migrated`.
 */
export async function createServerDatabase(
  prefix = "portail_test",
  options: { /** a copy of the migrated template (test/global-setup-postgres.ts) instead of an empty database */ migrated?: boolean } = {},
): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) throw new Error("createServerDatabase needs TEST_DATABASE_URL");
  const name = `${prefix}_${crypto.randomBytes(5).toString("hex")}`;
  const run = async (statement: string) => {
    const c = new pg.Client({ connectionString: server });
    await c.connect();
    try {
      await c.query(statement);
    } finally {
      await c.end();
    }
  };
  await run(options.migrated ? `create database ${name} template ${inject("postgresTemplate")}` : `create database ${name}`);
  const u = new URL(server);
  u.pathname = `/${name}`;
  return { url: u.toString(), name, drop: () => run(`drop database if exists ${name} with (force)`) };
}

export interface TestWorld {
  app: FastifyInstance;
  db: DB;
  config: Config;
  dataDir: string;
  clock: { now: Date };
  pageCache: PageCache;
  close(): Promise<void>;
}

export async function createTestWorld(
  options: {
    now?: Date;
    smtpUrl?: string;
    publicUrl?: string;
    geocoderUrl?: string;
    /** more environment variables for loadConfig */ env?: Record<string, string>;
    /** false: no worker delivers queued e-mails (a test runs the jobs itself) */ mailWorker?: boolean;
    /** SMTP connection, greeting and socket timeouts (a test against a hung server) */ smtpTimeoutMs?: number;
    /** receives the app's log lines (set LOG_LEVEL in env too: tests are silent by default) */ logStream?: LogStream;
  } = {},
): Promise<TestWorld> {
  const database = await createTestDatabase();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "portail-test-"));
  const config = loadConfig({
    NODE_ENV: "test",
    DATA_DIR: dataDir,
    PUBLIC_URL: options.publicUrl ?? "https://portail.test",
    ...(options.smtpUrl ? { SMTP_URL: options.smtpUrl } : {}),
    ...(options.geocoderUrl ? { GEOCODER_URL: options.geocoderUrl } : {}),
    ...options.env,
  });
  const clock = { now: options.now ?? new Date() };
  const t = options.smtpTimeoutMs;
  const mailTransport = createMailTransport({
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    outboxDir: path.join(dataDir, "outbox"),
    timeoutsMs: t ? { connection: t, greeting: t, socket: t } : undefined,
  });
  // No load shedding in test worlds, whatever NODE_ENV a test sets: the test runner and
  // in-process PGlite block the loop for seconds (load-shedding.int.test.ts tests it).
  const app = await buildApp({ config, db: database.db, now: () => clock.now, mailTransport, loadShedding: false, logStream: options.logStream });
  await app.ready();
  // E-mails are queued as jobs (src/core/mail/queue.ts): deliver them as the server does,
  // at once, on the test clock. Scheduled publications are left to the tests.
  const worker =
    options.mailWorker === false
      ? null
      : startWorker({ db: database.db, handlers: deliveryJobHandlers(app.deps), now: () => clock.now, signal: app.deps.jobSignal, intervalMs: 1000 });
  return {
    app,
    db: database.db,
    config,
    dataDir,
    clock,
    pageCache: app.deps.pageCache,
    close: async () => {
      await worker?.stop();
      await app.close();
      await database.destroy();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Two apps on one PostgreSQL database, as two server processes would be (each its own pool, page cache and site cache). */
export interface TwoProcessWorld {
  url: string;
  /** The database's name on the server. */
  name: string;
  dataDir: string;
  handles: [DatabaseHandle, DatabaseHandle];
  apps: [FastifyInstance, FastifyInstance];
  /** The first process's database handle (for writing test data). */
  db: DB;
  close(): Promise<void>;
}

/**
 * Two apps on a migrated database of their own on the server named by TEST_DATABASE_URL, with
 * one data folder and one configuration (plus `env`); they hear each other's invalidations
 * over the cache bus as two processes do.
 */
export async function createTwoProcessWorld(prefix: string, env: Record<string, string> = {}): Promise<TwoProcessWorld> {
  const server = await createServerDatabase(prefix, { migrated: true });
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), `${prefix}-`));
  const handles: [DatabaseHandle, DatabaseHandle] = [connectPostgres(server.url, 3), connectPostgres(server.url, 3)];
  const config = loadConfig({ NODE_ENV: "test", DATA_DIR: dataDir, PUBLIC_URL: "https://portail.test", DATABASE_URL: server.url, ...env });
  const apps: [FastifyInstance, FastifyInstance] = [await buildApp({ config, db: handles[0].db }), await buildApp({ config, db: handles[1].db })];
  for (const app of apps) await app.ready();
  return {
    url: server.url,
    name: server.name,
    dataDir,
    handles,
    apps,
    db: handles[0].db,
    close: async () => {
      for (const app of apps) await app.close();
      for (const h of handles) await h.close();
      await server.drop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Asks `check` every 20 ms until it answers true, and returns how long that took; throws
 * `failure` after `withinMs` (what another process must do "within a second").
 */
export async function within(withinMs: number, failure: string, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check()) return Date.now() - started;
    if (Date.now() - started > withinMs) throw new Error(failure);
    await new Promise((r) => setTimeout(r, 20));
  }
}
