// Opens the database the configuration asks for: a PostgreSQL server when a URL is
// given, otherwise an embedded PGlite database stored in DATA_DIR. Both speak the same
// SQL, so migrations and queries are shared.
import fs from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { lockDataDir } from "./data-dir-lock.js";
import { PGliteDialect } from "./pglite-dialect.js";
import type { Database } from "./schema.js";

// bigint (count(*), bigserial) arrives as a string from pg but as a number from PGlite;
// our ids and counts stay far below 2^53, so parse them as numbers on both.
pg.types.setTypeParser(20, (v) => Number(v));
// numeric stays a string on purpose (money): callers convert explicitly.

export type DB = Kysely<Database>;

export interface DatabaseHandle {
  db: DB;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
  /** The embedded client (PGlite only): backups dump its data folder. */
  pglite?: PGlite;
}

export const pgliteExtensions = { unaccent, pg_trgm };

/**
 * Server settings for short-lived embedded databases (the tests open one per file). PostgreSQL
 * zeroes its shared memory when it starts, and PGlite's default buffer pool is 128 MB: with
 * 8 MB an opening takes about half the time (0.55 s instead of 1.2 s here), and a test's few
 * hundred rows never need more.
 */
export const SMALL_PGLITE_SETTINGS: readonly string[] = ["-c", "shared_buffers=8MB", "-c", "wal_buffers=256kB", "-c", "max_connections=3"];

/**
 * The portal's embedded database: a 32 MB buffer pool instead of PGlite's 128 MB. The pool is
 * zeroed at start, so all of it stays resident: the server's RSS after a load of every bench
 * scenario went from 487-568 MB to 363-419 MB, with the same CPU time per request on the
 * demo data (signed-in home, favourite toggle, back-office list, within the noise). Pages
 * that do not fit are read from the data files through the operating system's cache. A city
 * that outgrows this should move to a PostgreSQL server (`DATABASE_URL`), sized on its own.
 */
export const SERVER_PGLITE_SETTINGS: readonly string[] = ["-c", "shared_buffers=32MB"];

export async function openPGlite(dataDir: string | undefined, loadDataDir?: Blob, settings: readonly string[] = []): Promise<PGlite> {
  if (dataDir) await fs.mkdir(path.dirname(dataDir), { recursive: true });
  const startParams = settings.length > 0 ? [...PGlite.defaultStartParams, ...settings] : undefined;
  return PGlite.create({ dataDir, loadDataDir, extensions: pgliteExtensions, ...(startParams ? { startParams } : {}) });
}

export function wrapPGlite(client: PGlite): DatabaseHandle {
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  return { db, kind: "pglite", close: () => db.destroy(), pglite: client };
}

export interface PoolStats {
  max: number;
  total: number;
  idle: number;
  waiting: number;
}

const pools = new WeakMap<DB, pg.Pool>();

/** Connection pool figures of a database opened by connectPostgres (null on PGlite: one in-process connection). */
export function poolStats(db: DB): PoolStats | null {
  const pool = pools.get(db);
  if (!pool) return null;
  return { max: pool.options.max ?? 10, total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
}

export interface PoolTimeouts {
  /** Give up opening a connection after this long (server down or unreachable). */
  connectMs?: number;
  /** Server-side statement_timeout; the client also stops waiting 2 s later (a frozen server cancels nothing). 0: none. */
  statementMs?: number;
}

/** Timeouts for request-serving processes: a request never waits on the database for longer. */
export const DEFAULT_POOL_TIMEOUTS: Required<PoolTimeouts> = { connectMs: 5000, statementMs: 15_000 };

export function connectPostgres(connectionString: string, max = 10, timeouts: PoolTimeouts = {}): DatabaseHandle {
  const { connectMs, statementMs } = { ...DEFAULT_POOL_TIMEOUTS, ...timeouts };
  const pool = new pg.Pool({
    connectionString,
    max,
    connectionTimeoutMillis: connectMs,
    keepAlive: true,
    ...(statementMs > 0 ? { statement_timeout: statementMs, query_timeout: statementMs + 2000, idle_in_transaction_session_timeout: statementMs * 4 } : {}),
  });
  // A dropped connection must not crash the process: idle ones are reported on the pool,
  // checked-out ones on the client (pg emits "error" with no listener => uncaught
  // exception). The running query is rejected anyway, and the pool opens a new connection.
  pool.on("error", () => {});
  pool.on("connect", (client) => client.on("error", () => {}));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  pools.set(db, pool);
  return { db, kind: "postgres", close: () => db.destroy() };
}

export async function createDatabase(opts: { databaseUrl: string | null; dataDir: string }): Promise<DatabaseHandle> {
  if (opts.databaseUrl) return connectPostgres(opts.databaseUrl);
  // One process per embedded database (see data-dir-lock.ts): the lock comes before the open.
  await fs.mkdir(opts.dataDir, { recursive: true });
  const release = await lockDataDir(path.join(opts.dataDir, "pglite.lock"));
  try {
    const handle = wrapPGlite(await openPGlite(path.join(opts.dataDir, "pglite"), undefined, SERVER_PGLITE_SETTINGS));
    return {
      ...handle,
      close: async () => {
        try {
          await handle.close();
        } finally {
          await release();
        }
      },
    };
  } catch (error) {
    await release();
    throw error;
  }
}
