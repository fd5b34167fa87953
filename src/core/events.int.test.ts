// In-transaction module events (core/events.ts, decision 0018): the registry runs every
// module's handler, in module order, inside the emitter's transaction; what they write commits
// or rolls back with the emitter's change, and a handler that throws rolls everything back.
import type { Transaction } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/helpers.js";
import type { Database } from "./db/schema.js";
import type { AppDeps } from "./deps.js";
import type { ModuleEvents } from "./events.js";
import { defineModule, ModuleRegistry } from "./module.js";

const EVENT = "policy.action.status-changed";
type Payload = ModuleEvents[typeof EVENT];

let t: TestDatabase;
let userId: number;
beforeAll(async () => {
  t = await createTestDatabase();
  userId = (
    await t.db
      .insertInto("users")
      .values({ email: "agent@ville.test", password_hash: "x", role: "policy", display_name: "Agent" })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => t?.destroy());

// The handlers below use only the transaction; the registry passes deps through untouched.
const deps = {} as AppDeps;
let seq = 0;
const payload = (): Payload => ({
  actionId: ++seq,
  title: `Action ${seq}`,
  path: `/politique-de-la-ville/actions/action-${seq}`,
  from: "planned",
  to: "in_progress",
  fromLabel: "À venir",
  toLabel: "En cours",
  actorId: userId,
  at: new Date(),
});

/** A handler that records, in the transaction it is given, that it saw the event. */
const recorder = (module: string) => async (_deps: AppDeps, trx: Transaction<Database>, e: Payload) => {
  await trx
    .insertInto("audit_events")
    .values({
      actor_id: e.actorId,
      actor_label: module,
      action: `seen.${module}`,
      target_type: "action",
      target_id: String(e.actionId),
      target_label: e.title,
      details: "{}",
      occurred_at: e.at,
    })
    .execute();
};

const seen = async (actionId: number) =>
  (
    await t.db
      .selectFrom("audit_events")
      .select("actor_label")
      .where("target_id", "=", String(actionId))
      .where("action", "like", "seen.%")
      .orderBy("id")
      .execute()
  ).map((r) => r.actor_label);

describe("module events", () => {
  it("runs every module's handler in module order, inside the emitter's transaction, and commits with it", async () => {
    const registry = new ModuleRegistry([
      defineModule({ name: "a", on: { [EVENT]: recorder("a") } }),
      defineModule({ name: "silent" }),
      defineModule({ name: "b", on: { [EVENT]: recorder("b") } }),
    ]);
    expect(registry.handlersOf(EVENT)).toEqual(["a", "b"]);
    const e = payload();
    await t.db.transaction().execute(async (trx) => {
      await registry.emit(deps, trx, EVENT, e);
    });
    expect(await seen(e.actionId)).toEqual(["a", "b"]);
  });

  it("leaves nothing when the emitter's transaction rolls back after the event", async () => {
    const registry = new ModuleRegistry([defineModule({ name: "a", on: { [EVENT]: recorder("a") } })]);
    const e = payload();
    await expect(
      t.db.transaction().execute(async (trx) => {
        await trx.updateTable("users").set({ display_name: "Agent modifié" }).where("id", "=", userId).execute();
        await registry.emit(deps, trx, EVENT, e);
        throw new Error("the save failed after the event");
      }),
    ).rejects.toThrow("the save failed after the event");
    expect(await seen(e.actionId)).toEqual([]);
    const user = await t.db.selectFrom("users").select("display_name").where("id", "=", userId).executeTakeFirstOrThrow();
    expect(user.display_name).toBe("Agent");
  });

  it("rolls the emitter's change and the earlier handlers back when a handler throws", async () => {
    const registry = new ModuleRegistry([
      defineModule({ name: "a", on: { [EVENT]: recorder("a") } }),
      defineModule({
        name: "broken",
        on: {
          [EVENT]: async () => {
            throw new Error("handler failed");
          },
        },
      }),
    ]);
    const e = payload();
    await expect(
      t.db.transaction().execute(async (trx) => {
        await trx.updateTable("users").set({ display_name: "Agent modifié" }).where("id", "=", userId).execute();
        await registry.emit(deps, trx, EVENT, e);
      }),
    ).rejects.toThrow("handler failed");
    expect(await seen(e.actionId)).toEqual([]);
    const user = await t.db.selectFrom("users").select("display_name").where("id", "=", userId).executeTakeFirstOrThrow();
    expect(user.display_name).toBe("Agent");
  });

  it("does nothing for an event no module handles", async () => {
    const registry = new ModuleRegistry([defineModule({ name: "silent" })]);
    expect(registry.handlersOf(EVENT)).toEqual([]);
    const e = payload();
    await t.db.transaction().execute((trx) => registry.emit(deps, trx, EVENT, e));
    expect(await seen(e.actionId)).toEqual([]);
  });
});
