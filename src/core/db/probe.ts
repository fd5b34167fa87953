// Connection-level statements that belong to no table: the readiness ping and the cache
// bus's NOTIFY (core/http/observability.ts, core/http/cache-bus.ts).
import { sql } from "kysely";
import type { DB } from "./create-db.js";

export async function ping(db: DB): Promise<void> {
  await sql`select 1`.execute(db);
}

/** Publishes a payload on a LISTEN/NOTIFY channel (PostgreSQL). */
export async function notify(db: DB, channel: string, payload: string): Promise<void> {
  await sql`select pg_notify(${channel}, ${payload})`.execute(db);
}
