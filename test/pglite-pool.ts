// A per-worker pool of embedded test databases (issue #10). Opening a PGlite from the 43 MB
// migrated template tarball costs 0.65-1.3 s of wall time and 0.9-1.9 s of CPU here (the
// WebAssembly heap, the buffer pool zeroed at start, the data folder unpacked into memory),
// and the PGlite project opened 88 of them. Resetting a used instance to the template's state
// costs 30-60 ms of CPU instead (see 5. below), so a closed test database goes back to an idle list and the next
// createTestDatabase of the same worker takes it. Full PGlite project, 2026-12-06, on a
// machine loaded by other runs: 13 opens and 99 reuses instead of an open each time, 355 s
// of CPU (user 307 s + sys 48 s) against about 460 s measured before. Test files of a worker run one after another (isolate: false, pool
// forks in vitest.config.ts), but a file may hold several worlds at once: the pool opens as
// many instances as are in use at the same time, and keeps at most MAX_IDLE of them.
//
// The reset must give exactly what a fresh copy of the template would, or a test could see
// another test's rows. On release, in this order:
//  1. the world's Kysely wrapper is destroyed first (it refuses any further query), and its
//     driver waits for a query or transaction still holding the connection; one that does not
//     end within DRAIN_MS gets the instance closed, not reused;
//  2. `rollback` ends a transaction a test left open (a BEGIN sent as raw SQL, an aborted one);
//  3. `discard all` drops the session's state: settings, prepared statements, temporary
//     tables, advisory locks, LISTEN, cursors, session authorization;
//  4. a fingerprint of the catalogs (schemas, relations, columns, defaults, constraints,
//     indexes, functions, triggers, sequences' parameters, types, extensions, roles, grants)
//     is compared with the template's: a test that changed the schema gets the instance
//     closed, since undoing arbitrary DDL is not worth the risk;
//  5. in one transaction with session_replication_role = replica (no trigger fires, no foreign
//     key is checked, so users.personal_version and the audit triggers stay untouched): a
//     DELETE of every table that holds rows (one statement asks which: a test writes a
//     handful of the 52), the template's rows put back (kysely_migration and
//     kysely_migration_lock: the migrations' own rows, always emptied and written again),
//     every sequence set back to its template value with setval (RESTART IDENTITY would be
//     wrong for a sequence the migrations had advanced).
// Any error on the way closes the instance instead of reusing it.
//
// DELETE of the tables holding rows rather than TRUNCATE of all 52: TRUNCATE gives every table
// and index new files, which was most of a reset's cost (110-130 ms of CPU a release after a
// world wrote 50 users and 30 items, against 30-60 ms now, measured 2026-12-06 on a loaded
// machine), and cannot skip an empty table that references a non-empty one. What DELETE
// leaves, dead rows no test can see, goes with the instance (at most a few dozen worlds).
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { Kysely } from "kysely";
import { openPGlite, SMALL_PGLITE_SETTINGS, type DB } from "../src/core/db/create-db.js";
import { PGliteDialect } from "../src/core/db/pglite-dialect.js";
import type { Database } from "../src/core/db/schema.js";

/** Idle instances kept per worker: each holds about 100 MB (WebAssembly heap, 8 MB buffer pool, data folder in memory). */
const MAX_IDLE = 2;
/** How long a closed world's in-flight query or transaction may keep the connection before the instance is given up. */
const DRAIN_MS = 2000;

/** Where user objects live: every namespace but the system ones and the temporary ones. */
const USER_NAMESPACES = `select oid from pg_namespace where nspname not in ('pg_catalog', 'information_schema', 'pg_toast') and nspname not like 'pg\\_temp\\_%' and nspname not like 'pg\\_toast\\_temp\\_%'`;

/**
 * A hash of the catalogs' user-visible schema, by name rather than by OID (a table dropped and
 * created again identically compares equal). Cheap: a few thousand catalog rows.
 */
const FINGERPRINT_SQL = `
with ns as (${USER_NAMESPACES}),
parts as (
  select 'n ' || nspname as x from pg_namespace where oid in (select oid from ns)
  union all
  select 'c ' || c.oid::regclass::text || ' ' || c.relkind::text || c.relpersistence::text || c.relrowsecurity::text || ' ' || coalesce(c.relacl::text, '') || coalesce(c.reloptions::text, '')
    from pg_class c where c.relnamespace in (select oid from ns)
  union all
  select 'a ' || a.attrelid::regclass::text || ' ' || a.attnum || ' ' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || a.attnotnull::text || a.attisdropped::text || a.attgenerated::text || a.attidentity::text || coalesce(pg_get_expr(d.adbin, d.adrelid), '')
    from pg_attribute a join pg_class c on c.oid = a.attrelid
    left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
    where c.relnamespace in (select oid from ns) and a.attnum > 0
  union all
  select 'k ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) || convalidated::text
    from pg_constraint where connamespace in (select oid from ns)
  union all
  select 'i ' || indexrelid::regclass::text || ' ' || pg_get_indexdef(indexrelid)
    from pg_index i join pg_class c on c.oid = i.indexrelid where c.relnamespace in (select oid from ns)
  union all
  select 'v ' || c.oid::regclass::text || ' ' || pg_get_viewdef(c.oid)
    from pg_class c where c.relnamespace in (select oid from ns) and c.relkind in ('v', 'm')
  union all
  select 'p ' || p.oid::regprocedure::text || ' ' || md5(coalesce(p.prosrc, '')) || p.provolatile::text || p.prokind::text || p.prosecdef::text || coalesce(p.proconfig::text, '')
    from pg_proc p where p.pronamespace in (select oid from ns)
  union all
  select 't ' || t.tgrelid::regclass::text || ' ' || t.tgname || ' ' || t.tgenabled::text || ' ' || pg_get_triggerdef(t.oid)
    from pg_trigger t join pg_class c on c.oid = t.tgrelid where c.relnamespace in (select oid from ns)
  union all
  select 'r ' || r.ev_class::regclass::text || ' ' || r.rulename || r.ev_enabled::text
    from pg_rewrite r join pg_class c on c.oid = r.ev_class where c.relnamespace in (select oid from ns)
  union all
  select 's ' || seqrelid::regclass::text || ' ' || seqtypid || ' ' || seqstart || ' ' || seqincrement || ' ' || seqmax || ' ' || seqmin || ' ' || seqcache || seqcycle::text
    from pg_sequence
  union all
  select 'y ' || t.oid::regtype::text || ' ' || t.typtype::text || ' ' || coalesce(string_agg(e.enumlabel, ',' order by e.enumsortorder), '')
    from pg_type t left join pg_enum e on e.enumtypid = t.oid
    where t.typnamespace in (select oid from ns) and t.typtype in ('e', 'd', 'r', 'm', 'b') group by t.oid, t.typtype
  union all
  select 'x ' || extname || ' ' || extversion from pg_extension
  union all
  select 'o ' || rolname || rolsuper::text || rolcanlogin::text from pg_roles
  union all
  select 'g ' || coalesce(setdatabase::text, '') || ' ' || setconfig::text from pg_db_role_setting
  union all
  select 'e ' || evtname || evtenabled::text from pg_event_trigger
  union all
  select 'l ' || count(*) from pg_largeobject_metadata
  union all
  select 'q ' || polrelid::regclass::text || ' ' || polname from pg_policy
)
select md5(string_agg(x, e'\\n' order by x)) as fingerprint, count(*)::int as parts from parts`;

interface TemplateState {
  fingerprint: string;
  /** One statement naming the tables that hold rows now (a test wrote them, or the template did). */
  nonEmptySql: string;
  /** Statements putting back the template's rows (those tables are always emptied first). */
  templateRowsSql: string[];
  templateTables: Set<string>;
  /** Every sequence back to its template value. */
  sequencesSql: string;
}

/** Counted per worker (the test of the pool and the measures of issue #10 read them). */
export const pgliteStats = { opened: 0, reused: 0, closed: 0 };

/** With PORTAIL_PGLITE_STATS=<folder>, each worker keeps its counts in <folder>/<pid>.json (to measure a run). */
function count(what: keyof typeof pgliteStats): void {
  pgliteStats[what]++;
  const folder = process.env.PORTAIL_PGLITE_STATS;
  if (folder) writeFileSync(path.join(folder, `${process.pid}.json`), JSON.stringify(pgliteStats));
}

let templateState: Promise<TemplateState> | undefined;
const idle: PGlite[] = [];

function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

async function fingerprint(client: PGlite): Promise<string> {
  const { rows } = await client.query<{ fingerprint: string }>(FINGERPRINT_SQL);
  return rows[0]!.fingerprint;
}

/** Read once per worker, from an instance just opened from the template tarball, before any test touched it. */
async function captureTemplate(client: PGlite): Promise<TemplateState> {
  const { rows: tables } = await client.query<{ name: string; columns: string[] | null }>(
    `select c.oid::regclass::text as name,
       array_agg(quote_ident(a.attname) order by a.attnum) filter (where a.attgenerated = '') as columns
     from pg_class c join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
     where c.relnamespace in (${USER_NAMESPACES}) and c.relkind in ('r', 'p')
     group by c.oid order by 1`,
  );
  const templateRowsSql: string[] = [];
  const templateTables = new Set<string>();
  for (const table of tables) {
    // The template's rows as JSON, put back through json_populate_recordset (every column
    // type the schema uses reads back from its JSON form); generated columns are recomputed.
    const { rows } = await client.query<{ data: string | null }>(`select json_agg(t)::text as data from ${table.name} t`);
    const data = rows[0]?.data;
    if (!data || !table.columns) continue;
    const columns = table.columns.join(", ");
    templateTables.add(table.name);
    templateRowsSql.push(
      `insert into ${table.name} (${columns}) overriding system value select ${columns} from json_populate_recordset(null::${table.name}, ${quoteLiteral(data)})`,
    );
  }
  const { rows: sequences } = await client.query<{ name: string; value: string; called: boolean }>(
    `select s.seqrelid::regclass::text as name, coalesce(pg_sequence_last_value(s.seqrelid), s.seqstart)::text as value,
       pg_sequence_last_value(s.seqrelid) is not null as called
     from pg_sequence s join pg_class c on c.oid = s.seqrelid where c.relnamespace in (${USER_NAMESPACES}) order by 1`,
  );
  const sequencesSql =
    sequences.length > 0 ? `select ${sequences.map((s) => `setval(${quoteLiteral(s.name)}::regclass, ${s.value}, ${s.called})`).join(", ")}` : "";
  const nonEmptySql =
    tables.length > 0
      ? `select array_remove(array[${tables.map((t) => `case when exists (select 1 from ${t.name}) then ${quoteLiteral(t.name)} end`).join(", ")}], null) as names`
      : "select '{}'::text[] as names";
  return {
    fingerprint: await fingerprint(client),
    nonEmptySql,
    templateRowsSql,
    templateTables,
    sequencesSql,
  };
}

/**
 * From any data back to the template's, in one transaction: only the tables holding rows are
 * emptied (a test writes a handful of the 52), then the template's rows and the sequences are
 * put back.
 */
async function restoreData(client: PGlite, state: TemplateState): Promise<void> {
  const { rows } = await client.query<{ names: string[] }>(state.nonEmptySql);
  const names = new Set([...(rows[0]?.names ?? []), ...state.templateTables]);
  const statements = ["begin", "set local session_replication_role = replica"];
  // No trigger, no foreign key check under session_replication_role = replica.
  for (const name of names) statements.push(`delete from ${name}`);
  statements.push(...state.templateRowsSql);
  if (state.sequencesSql) statements.push(state.sequencesSql);
  statements.push("commit");
  await client.exec(`${statements.join(";\n")};`);
}

/** Kysely over a pooled instance: destroying it leaves the PGlite open, for the pool. */
class PooledPGliteDialect extends PGliteDialect {
  /** false once a closed world's query kept the connection past DRAIN_MS */
  drained = true;
  override createDriver() {
    const driver = super.createDriver();
    // Instead of closing the PGlite: wait until the connection is free (a query or a
    // transaction of the closed world still running), and keep it, so nothing of that world
    // reaches the instance once it is reset for another (Kysely refuses new queries already).
    driver.destroy = async () => {
      let timer: NodeJS.Timeout | undefined;
      const acquired = await Promise.race([
        driver.acquireConnection().then(() => true),
        new Promise<false>((resolve) => {
          timer = setTimeout(() => resolve(false), DRAIN_MS);
        }),
      ]);
      clearTimeout(timer);
      if (!acquired) this.drained = false;
    };
    return driver;
  }
}

export type ReleaseOutcome = "idle" | "already closed" | "still in use" | "schema changed" | "pool full" | "reset failed";

/**
 * Puts an instance back to the template's state and in the idle list, or closes it when that
 * cannot be done for sure. What happened is returned for the pool's own test.
 */
export async function releasePGlite(client: PGlite, drained = true): Promise<ReleaseOutcome> {
  if (client.closed) return "already closed";
  const outcome = await reset(client, drained).catch((): ReleaseOutcome => "reset failed");
  if (outcome === "idle") {
    idle.push(client);
  } else {
    count("closed");
    await client.close().catch(() => {});
  }
  return outcome;
}

async function reset(client: PGlite, drained: boolean): Promise<ReleaseOutcome> {
  if (!drained) return "still in use";
  if (idle.length >= MAX_IDLE) return "pool full";
  const state = await templateState!;
  // a rollback outside a transaction is only a warning; discard all must be a statement of
  // its own (it refuses to run in the implicit transaction of a multi-statement string)
  await client.exec("rollback");
  await client.exec("discard all");
  if ((await fingerprint(client)) !== state.fingerprint) return "schema changed";
  await restoreData(client, state);
  return "idle";
}

/** An instance in the template's state: an idle one of this worker, or a new one opened from the tarball. */
export async function acquirePGlite(templateBlob: () => Promise<Blob>): Promise<PGlite> {
  const reused = idle.pop();
  if (reused) {
    count("reused");
    return reused;
  }
  const client = await openPGlite(undefined, await templateBlob(), SMALL_PGLITE_SETTINGS);
  count("opened");
  if (!templateState) {
    templateState = captureTemplate(client);
    // a failed capture is tried again on the next open
    templateState.catch(() => {
      templateState = undefined;
    });
  }
  try {
    await templateState;
  } catch (error) {
    await client.close();
    throw error;
  }
  return client;
}

/** A pooled instance wrapped for a test: `close` gives it back to the pool. */
export function wrapPooledPGlite(client: PGlite): { db: DB; close(): Promise<ReleaseOutcome> } {
  const dialect = new PooledPGliteDialect(client);
  const db = new Kysely<Database>({ dialect });
  let closed: Promise<ReleaseOutcome> | undefined;
  return {
    db,
    close: () => {
      closed ??= (async () => {
        await db.destroy();
        return releasePGlite(client, dialect.drained);
      })();
      return closed;
    },
  };
}
