import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/helpers.js";
import { createSession, loadSession } from "./sessions.js";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.destroy());

async function user(role: "resident" | "editor") {
  const row = await t.db
    .insertInto("users")
    .values({ email: `${role}-${Math.random()}@exemple.fr`, password_hash: "x", role })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

const minutes = (base: Date, m: number) => new Date(base.getTime() + m * 60_000);

describe("session lifetimes", () => {
  it("ends a staff session after 30 idle minutes, a resident's only after 14 days", async () => {
    const start = new Date("2027-01-01T08:00:00Z");
    const staff = await createSession(t.db, await user("editor"), "test", start);
    const resident = await createSession(t.db, await user("resident"), "test", start);
    expect(await loadSession(t.db, staff.token, minutes(start, 29))).not.toBeNull();
    expect(await loadSession(t.db, staff.token, minutes(start, 29 + 31))).toBeNull();
    expect(await loadSession(t.db, resident.token, minutes(start, 60 * 24 * 13))).not.toBeNull();
  });

  it("ends a staff session 12 hours after sign-in even when active", async () => {
    const start = new Date("2027-02-01T08:00:00Z");
    const staff = await createSession(t.db, await user("editor"), "test", start);
    for (let m = 20; m < 12 * 60; m += 20) expect(await loadSession(t.db, staff.token, minutes(start, m)), `minute ${m}`).not.toBeNull();
    expect(await loadSession(t.db, staff.token, minutes(start, 12 * 60 + 1))).toBeNull();
  });
});
