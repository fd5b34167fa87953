// The per-worker pool of embedded test databases (test/pglite-pool.ts): an instance given back
// by one world must reach the next in exactly the template's state, or be closed.
import fs from "node:fs/promises";
import type { PGlite } from "@electric-sql/pglite";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { createTestDatabase } from "./helpers.js";
import { acquirePGlite, pgliteStats, wrapPooledPGlite } from "./pglite-pool.js";

const describePGlite = process.env.TEST_DB === "postgres" ? describe.skip : describe;
// Each test opens one or two PGlites from the template (seconds each on a busy machine).
const TIMEOUT = 120_000;

let blob: Promise<Blob> | undefined;
const template = () => {
  blob ??= fs.readFile(inject("pgliteTemplate")).then((bytes) => new Blob([bytes]));
  return blob;
};

async function world() {
  const client = await acquirePGlite(template);
  return { client, ...wrapPooledPGlite(client) };
}

/** The next world, which must get the instance just given back (the idle list is last in, first out). */
async function nextWorld(previous: PGlite) {
  const next = await world();
  expect(next.client).toBe(previous);
  return next;
}

async function rows<T>(client: PGlite, query: string): Promise<T[]> {
  return (await client.query<T>(query)).rows;
}

const MIGRATIONS = "select name, timestamp from kysely_migration order by name";

describePGlite("PGlite pool", { timeout: TIMEOUT }, () => {
  it("gives the next world the template's rows and sequences, none of the previous world's", async () => {
    const first = await world();
    const seeded = await rows<{ name: string }>(first.client, MIGRATIONS);
    expect(seeded.length).toBeGreaterThan(0);
    await sql`insert into users (email, password_hash) values ('a@portail.test', 'x'), ('b@portail.test', 'x')`.execute(first.db);
    await sql`select nextval('jobs_id_seq')`.execute(first.db);
    // the migrations' own rows, removed or changed
    await sql`delete from kysely_migration where name = ${seeded[0]!.name}`.execute(first.db);
    await sql`update kysely_migration_lock set is_locked = 1`.execute(first.db);
    expect(await first.close()).toBe("idle");

    const second = await nextWorld(first.client);
    expect(await rows(second.client, "select id from users")).toEqual([]);
    expect(await rows(second.client, MIGRATIONS)).toEqual(seeded);
    expect(await rows(second.client, "select id, is_locked from kysely_migration_lock")).toEqual([{ id: "migration_lock", is_locked: 0 }]);
    // sequences start again where the template left them
    expect(await rows(second.client, "select nextval('users_id_seq')::int as id")).toEqual([{ id: 1 }]);
    expect(await rows(second.client, "select nextval('jobs_id_seq')::int as id")).toEqual([{ id: 1 }]);
    // triggers and foreign keys are on again (the reset puts rows back with them off)
    expect(await rows(second.client, "select current_setting('session_replication_role') as role")).toEqual([{ role: "origin" }]);
    await expect(second.client.query("insert into favourites (user_id, content_id) values (999, 999)")).rejects.toThrow(/foreign key/);
    // the world's own Kysely is usable, the previous one's refuses to run anything
    await expect(sql`select 1`.execute(first.db)).rejects.toThrow(/destroyed/);
    expect((await sql<{ n: number }>`select 1 as n`.execute(second.db)).rows).toEqual([{ n: 1 }]);
    expect(await second.close()).toBe("idle");
  });

  it("drops the session's state: settings, temporary tables, prepared statements, advisory locks", async () => {
    const first = await world();
    await first.client.exec(`
      set statement_timeout = 4321;
      create temporary table scratch (id int);
      prepare probe as select 1;
      select pg_advisory_lock(42);
      listen somewhere;`);
    expect(await first.close()).toBe("idle");

    const second = await nextWorld(first.client);
    expect(await rows(second.client, "select current_setting('statement_timeout') as t")).toEqual([{ t: "0" }]);
    expect(await rows(second.client, "select relname from pg_class where relname = 'scratch'")).toEqual([]);
    expect(await rows(second.client, "select name from pg_prepared_statements")).toEqual([]);
    expect(await rows(second.client, "select objid from pg_locks where locktype = 'advisory'")).toEqual([]);
    expect(await rows(second.client, "select pg_listening_channels() as c")).toEqual([]);
    expect(await second.close()).toBe("idle");
  });

  it("rolls back a transaction a world left open, aborted or not", async () => {
    const first = await world();
    await sql`begin`.execute(first.db);
    await sql`insert into users (email, password_hash) values ('open@portail.test', 'x')`.execute(first.db);
    expect(await first.close()).toBe("idle");

    const second = await nextWorld(first.client);
    expect(await rows(second.client, "select email from users")).toEqual([]);
    // not left in a transaction: a row written now outlives a rollback
    await second.client.query("insert into users (email, password_hash) values ('kept@portail.test', 'x')");
    await second.client.exec("rollback");
    expect(await rows(second.client, "select email from users")).toEqual([{ email: "kept@portail.test" }]);
    await sql`begin`.execute(second.db);
    await expect(sql`select * from no_such_table`.execute(second.db)).rejects.toThrow();
    expect(await second.close()).toBe("idle");

    const third = await nextWorld(second.client);
    expect(await rows(third.client, "select email from users")).toEqual([]);
    expect(await third.close()).toBe("idle");
  });

  it("closes an instance a closed world's transaction still holds", async () => {
    const first = await world();
    let carryOn = () => {};
    const held = new Promise<void>((resolve) => {
      carryOn = resolve;
    });
    let started = () => {};
    const inside = new Promise<void>((resolve) => {
      started = resolve;
    });
    const transaction = first.db.transaction().execute(async (trx) => {
      await sql`insert into users (email, password_hash) values ('late@portail.test', 'x')`.execute(trx);
      started();
      await held;
      await sql`insert into users (email, password_hash) values ('later@portail.test', 'x')`.execute(trx);
    });
    await inside;
    expect(await first.close()).toBe("still in use");
    expect(first.client.closed).toBe(true);
    carryOn();
    await expect(transaction).rejects.toThrow();
  });

  it.each([
    ["a table created", "create table extra (id int)"],
    ["a column added", "alter table users add column extra int"],
    ["a function replaced", "create or replace function bump_personal_version() returns trigger language plpgsql as $$ begin return null; end $$"],
    ["a trigger disabled", "alter table users disable trigger all"],
    ["an index dropped", "drop index users_email_idx"],
  ])("closes an instance whose schema changed: %s", async (_, ddl) => {
    const first = await world();
    await first.client.exec(ddl);
    expect(await first.close()).toBe("schema changed");
    expect(first.client.closed).toBe(true);
    // and the next world gets another instance, in the template's state
    const second = await world();
    expect(second.client).not.toBe(first.client);
    expect(await rows(second.client, "select count(*)::int as n from information_schema.tables where table_name = 'extra'")).toEqual([{ n: 0 }]);
    expect(await second.close()).toBe("idle");
  });

  it("reuses a table created and dropped again (same schema as the template)", async () => {
    const first = await world();
    await first.client.exec("create table extra (id int); drop table extra");
    expect(await first.close()).toBe("idle");
    expect(await (await nextWorld(first.client)).close()).toBe("idle");
  });

  it("serves createTestDatabase: a destroyed test database is reused by the next", async () => {
    const before = { ...pgliteStats };
    const a = await createTestDatabase();
    await sql`insert into users (email, password_hash) values ('helpers@portail.test', 'x')`.execute(a.db);
    await a.destroy();
    const b = await createTestDatabase();
    expect(pgliteStats.reused).toBe(before.reused + (pgliteStats.opened > before.opened ? 1 : 2));
    expect((await sql<{ n: number }>`select count(*)::int as n from users`.execute(b.db)).rows).toEqual([{ n: 0 }]);
    await b.destroy();
  });
});
