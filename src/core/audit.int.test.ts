import type { Transaction } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/helpers.js";
import { cleanDetails, isSecretKey, listEvents, recordEvent } from "./audit.js";
import type { Database } from "./db/schema.js";

let t: TestDatabase;
let editor: { id: number; label: string };
let admin: { id: number; label: string };

beforeAll(async () => {
  t = await createTestDatabase();
  const rows = await t.db
    .insertInto("users")
    .values([
      { email: "editrice@ville.fr", password_hash: "x", role: "editor", display_name: "Élise" },
      { email: "admin@ville.fr", password_hash: "x", role: "admin", display_name: "Arnaud" },
    ])
    .returning("id")
    .execute();
  editor = { id: rows[0]!.id, label: "Élise" };
  admin = { id: rows[1]!.id, label: "Arnaud" };
});
afterAll(async () => {
  await t?.destroy();
});

const inTrx = <T>(fn: (trx: Transaction<Database>) => Promise<T>) => t.db.transaction().execute(fn);

describe("recordEvent", () => {
  it("writes the event with the change when the transaction commits", async () => {
    const id = await inTrx(async (trx) => {
      await trx.updateTable("users").set({ display_name: "Élise M." }).where("id", "=", editor.id).execute();
      return recordEvent(trx, {
        actor: admin,
        action: "staff.profile_change",
        target: { type: "user", id: editor.id, label: "editrice@ville.fr" },
        details: { field: "display_name" },
        ip: "203.0.113.7",
      });
    });
    const row = await t.db.selectFrom("audit_events").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      actor_id: admin.id,
      actor_label: "Arnaud",
      action: "staff.profile_change",
      target_type: "user",
      target_id: String(editor.id),
      target_label: "editrice@ville.fr",
      details: { field: "display_name" },
      ip: "203.0.113.7",
    });
  });

  it("leaves neither the change nor the event when the transaction rolls back", async () => {
    const before = await t.db
      .selectFrom("audit_events")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    await expect(
      inTrx(async (trx) => {
        await trx.updateTable("users").set({ role: "admin" }).where("id", "=", editor.id).execute();
        await recordEvent(trx, { actor: admin, action: "staff.role_change", target: { type: "user", id: editor.id, label: "editrice@ville.fr" } });
        throw new Error("something after the audit row failed");
      }),
    ).rejects.toThrow(/failed/);
    const after = await t.db
      .selectFrom("audit_events")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    const user = await t.db.selectFrom("users").select("role").where("id", "=", editor.id).executeTakeFirstOrThrow();
    expect(user.role).toBe("editor");
  });

  it("refuses to run outside a transaction", async () => {
    const db = t.db as unknown as Transaction<Database>;
    await expect(recordEvent(db, { actor: null, action: "content.publish", target: { type: "content", id: 1, label: "x" } })).rejects.toThrow(/transaction/);
  });

  it("refuses malformed action names", async () => {
    for (const action of ["Content.Publish", "content publish", "content.", "", "content.*"]) {
      await expect(inTrx((trx) => recordEvent(trx, { actor: null, action, target: { type: "content", id: 1, label: "x" } }))).rejects.toThrow(
        /Invalid audit action/,
      );
    }
  });

  it("keeps secrets out of the stored details, at any depth", async () => {
    const id = await inTrx((trx) =>
      recordEvent(trx, {
        actor: { id: null, label: "ligne de commande" },
        action: "staff.create_admin",
        target: { type: "user", id: admin.id, label: "admin@ville.fr" },
        details: {
          password: "une phrase de passe",
          newPassword: "autre",
          password_hash: "$argon2id$...",
          totp_secret: "JBSWY3DPEHPK3PXP",
          totpCode: "123456",
          code: "k7mq-4xhz-p2wd",
          recoveryCodes: ["k7mq-4xhz-p2wd"],
          "X-CSRF-Token": "abc",
          nested: { sessionToken: "s", apiKey: "k", keep: "oui", list: [{ secret: "s", name: "ok" }] },
          role: "admin",
          promoted: false,
          at: new Date("2026-12-01T10:00:00Z"),
        },
      }),
    );
    const row = await t.db.selectFrom("audit_events").select("details").where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.details).toEqual({
      nested: { keep: "oui", list: [{ name: "ok" }] },
      role: "admin",
      promoted: false,
      at: "2026-12-01T10:00:00.000Z",
    });
    expect(JSON.stringify(row.details)).not.toMatch(/phrase|argon|JBSWY|123456|k7mq/);
  });
});

describe("details cleaning", () => {
  it("recognises secret-looking keys in every spelling, and only those", () => {
    for (const key of [
      "password",
      "Password",
      "current_password",
      "passwordHash",
      "token",
      "resetToken",
      "csrf_token",
      "totp",
      "totpSecret",
      "otp",
      "secret",
      "Authorization",
      "cookie",
      "code_hash",
      "recovery_code",
      "session_id",
    ]) {
      expect(isSecretKey(key), key).toBe(true);
    }
    for (const key of ["title", "status", "role", "slug", "insee_code", "postal_code", "sessions_revoked", "footprint", "promoted"]) {
      expect(isSecretKey(key), key).toBe(false);
    }
  });

  it("bounds what a careless caller can store", () => {
    const deep = { a: { b: { c: { d: { e: { f: { g: 1 } } } } } } };
    expect(JSON.stringify(cleanDetails(deep))).toBe('{"a":{"b":{"c":{"d":{"e":{"f":"…"}}}}}}');
    expect((cleanDetails({ s: "x".repeat(5000) }) as { s: string }).s).toHaveLength(2001);
    expect((cleanDetails({ l: Array.from({ length: 500 }, (_, i) => i) }) as { l: number[] }).l).toHaveLength(100);
    expect(cleanDetails({ n: 10n, f: () => 1, u: undefined, inf: Infinity })).toEqual({ n: "10", inf: null });
  });
});

describe("listEvents", () => {
  let world: TestDatabase;
  let filtersUsers: { a: number; b: number };
  const day = (d: number) => new Date(Date.UTC(2026, 10, d, 12));

  beforeAll(async () => {
    // a database of its own, so the counts below are exact
    world = await createTestDatabase();
    const users = await world.db
      .insertInto("users")
      .values([
        { email: "a@ville.fr", password_hash: "x", role: "editor" },
        { email: "b@ville.fr", password_hash: "x", role: "contributor" },
      ])
      .returning("id")
      .execute();
    const [a, b] = users.map((u) => u.id) as [number, number];
    await world.db.transaction().execute(async (trx) => {
      const write = (actor: number, action: string, type: string, id: number, d: number) =>
        recordEvent(trx, { actor: { id: actor, label: `user ${actor}` }, action, target: { type, id, label: `${type} ${id}` }, at: day(d) });
      await write(b, "content.create", "content", 1, 1);
      await write(b, "content.submit", "content", 1, 2);
      await write(a, "content.publish", "content", 1, 3);
      await write(a, "media.variant.create", "media", 5, 3);
      await write(a, "content.publish", "content", 2, 4);
      await write(a, "staff.role_change", "user", b, 5);
    });
    filtersUsers = { a, b };
  });
  afterAll(async () => {
    await world?.destroy();
  });
  const page = { limit: 50, offset: 0 };
  const actions = (r: { events: { action: string }[] }) => r.events.map((e) => e.action);

  it("lists newest first with the total", async () => {
    const r = await listEvents(world.db, page);
    expect(r.total).toBe(6);
    expect(actions(r)).toEqual(["staff.role_change", "content.publish", "media.variant.create", "content.publish", "content.submit", "content.create"]);
    expect(r.events[0]).toMatchObject({
      actorId: filtersUsers.a,
      actorLabel: `user ${filtersUsers.a}`,
      targetType: "user",
      targetId: String(filtersUsers.b),
      details: {},
    });
    expect(r.events[0]!.occurredAt).toEqual(day(5));
  });

  it("filters by actor, action, action family, target and period", async () => {
    expect((await listEvents(world.db, { ...page, actorId: filtersUsers.b })).total).toBe(2);
    expect((await listEvents(world.db, { ...page, action: "content.publish" })).total).toBe(2);
    expect(actions(await listEvents(world.db, { ...page, action: "content.*" }))).toEqual([
      "content.publish",
      "content.publish",
      "content.submit",
      "content.create",
    ]);
    expect((await listEvents(world.db, { ...page, targetType: "content", targetId: 1 })).total).toBe(3);
    expect(actions(await listEvents(world.db, { ...page, from: day(3), to: day(5) }))).toEqual(["content.publish", "media.variant.create", "content.publish"]);
    expect((await listEvents(world.db, { ...page, actorId: filtersUsers.a, action: "content.*", from: day(4) })).total).toBe(1);
  });

  it("treats filter values as data, not SQL patterns", async () => {
    expect((await listEvents(world.db, { ...page, action: "content.%" })).total).toBe(0);
    // "_" would match the "." of media.variant.create if it were not escaped
    expect((await listEvents(world.db, { ...page, action: "media_variant.*" })).total).toBe(0);
    expect((await listEvents(world.db, { ...page, action: "media.variant.*" })).total).toBe(1);
    expect((await listEvents(world.db, { ...page, action: "%.*" })).total).toBe(0);
    expect((await listEvents(world.db, { ...page, targetType: "' or 1=1 --" })).total).toBe(0);
  });

  it("paginates, and clamps the page size", async () => {
    const first = await listEvents(world.db, { limit: 4, offset: 0 });
    const second = await listEvents(world.db, { limit: 4, offset: 4 });
    expect(first.events).toHaveLength(4);
    expect(second.events).toHaveLength(2);
    expect(second.total).toBe(6);
    expect(new Set([...first.events, ...second.events].map((e) => e.id)).size).toBe(6);
    expect((await listEvents(world.db, { limit: 0, offset: -3 })).events).toHaveLength(1);
    expect((await listEvents(world.db, { limit: 10_000, offset: 0 })).events).toHaveLength(6);
  });
});
