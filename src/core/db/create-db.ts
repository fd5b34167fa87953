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
}

export const pgliteExtensions = { unaccent, pg_trgm };

export async function openPGlite(dataDir: string | undefined, loadDataDir?: Blob): Promise<PGlite> {
  if (dataDir) await fs.mkdir(path.dirname(dataDir), { recursive: true });
  return PGlite.create({ dataDir, loadDataDir, extensions: pgliteExtensions });
}

export function wrapPGlite(client: PGlite): DatabaseHandle {
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  return { db, kind: "pglite", close: () => db.destroy() };
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

export function connectPostgres(connectionString: string, max = 10): DatabaseHandle {
  const pool = new pg.Pool({ connectionString, max });
  // A dropped idle connection must not crash the process; the pool replaces it.
  pool.on("error", () => {});
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
    const handle = wrapPGlite(await openPGlite(path.join(opts.dataDir, "pglite")));
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
