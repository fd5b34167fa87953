// bump_personal_version (migration 20261215T100000) locks the people it bumps in id order, so
// two transactions bumping overlapping sets of people cannot each hold a row the other waits
// for (a deadlock PostgreSQL resolves by aborting one of them). PostgreSQL only: PGlite serves
// one connection, so nothing there runs concurrently.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServerDatabase } from "../../../test/helpers.js";

const onServer = process.env.TEST_DB === "postgres" && process.env.TEST_DATABASE_URL !== undefined;

describe.skipIf(!onServer)("personal version bumps lock people in id order", () => {
  let server: Awaited<ReturnType<typeof createServerDatabase>>;
  const clients: pg.Client[] = [];
  let ids: number[] = [];

  beforeAll(async () => {
    server = await createServerDatabase("portail_locks", { migrated: true });
    for (let i = 0; i < 3; i++) {
      const c = new pg.Client({ connectionString: server.url });
      await c.connect();
      clients.push(c);
    }
    const { rows } = await clients[0]!.query<{ id: number }>(
      `insert into users (email, password_hash) select 'verrou-' || g || '@ville.test', 'x' from generate_series(1, 20) g returning id`,
    );
    ids = rows.map((r) => r.id).sort((a, b) => a - b);
    // The lowest id's row rewritten: it now lies after the others in the table, so an update
    // that locks rows in the order it finds them (a scan) meets it last.
    await clients[0]!.query("update users set display_name = 'Première' where id = $1", [ids[0]]);
  });

  afterAll(async () => {
    for (const c of clients) await c.end().catch(() => {});
    await server?.drop();
  });

  const notify = (c: pg.Client, people: number[]) =>
    c.query(`insert into participation_notifications (user_id, kind, message) select unnest($1::int[]), 'follow', 'Une action suivie a changé'`, [people]);

  it("takes the lowest id first: waiting for a higher one, it already holds the lower ones", async () => {
    const [holder, bumper, probe] = clients as [pg.Client, pg.Client, pg.Client];
    const low = ids[0]!;
    const high = ids[ids.length - 1]!;
    await holder.query("begin");
    // The bump's own lock strength: the foreign key checks of the insert (key share) pass it.
    await holder.query("select 1 from users where id = $1 for no key update", [high]);
    await bumper.query("begin");
    // Inserted highest first: an unordered update could meet `high` first and wait holding nothing.
    const waiting = notify(bumper, [high, low]);
    // Until the bumper holds `low`, NOWAIT answers; once it does, it refuses (55P03).
    let held = false;
    for (let i = 0; i < 200 && !held; i++) {
      await probe.query("begin");
      try {
        await probe.query("select 1 from users where id = $1 for no key update nowait", [low]);
      } catch (e) {
        held = (e as { code?: string }).code === "55P03";
        if (!held) throw e;
      } finally {
        await probe.query("rollback");
      }
      if (!held) await new Promise((r) => setTimeout(r, 10));
    }
    expect(held).toBe(true);
    await holder.query("rollback");
    await waiting;
    await bumper.query("rollback");
  });

  it("two transactions notifying the same people in opposite orders never deadlock", async () => {
    const [a, b] = clients as [pg.Client, pg.Client];
    const run = async (c: pg.Client, people: number[]) => {
      await c.query("begin");
      try {
        await notify(c, people);
      } finally {
        await c.query("rollback");
      }
    };
    // Without the ordered lock, about one round in 60 to 300 ended in a deadlock here (40P01).
    for (let round = 0; round < 150; round++) await Promise.all([run(a, ids), run(b, [...ids].reverse())]);
  });
});
