import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/helpers.js";
import { createSession } from "./auth/sessions.js";
import { MAX_ATTEMPTS } from "./jobs/queue.js";
import { runMaintenance } from "./maintenance.js";
import { purgeAccountLinks } from "../modules/accounts/housekeeping.js";
import { hitRateLimit } from "./rate-limit.js";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.destroy());

const DAY = 86_400_000;

describe("runMaintenance", () => {
  it("removes what the privacy page says is not kept, and nothing else", async () => {
    const now = new Date("2027-03-10T12:00:00Z");
    const user = await t.db.insertInto("users").values({ email: "menage@exemple.fr", password_hash: "x" }).returning("id").executeTakeFirstOrThrow();
    // rate limits: one two days old, one current
    await hitRateLimit(t.db, "signin:ip:old", { limit: 5, windowMs: 60_000 }, new Date(now.getTime() - 2 * DAY));
    await hitRateLimit(t.db, "signin:ip:new", { limit: 5, windowMs: 60_000 }, now);
    // sessions: expired, idle too long, alive
    const expired = await createSession(t.db, user.id, "a", new Date(now.getTime() - 31 * DAY));
    const idle = await createSession(t.db, user.id, "b", new Date(now.getTime() - 20 * DAY));
    const alive = await createSession(t.db, user.id, "c", new Date(now.getTime() - DAY));
    // tokens: long expired, just expired, used long ago
    await t.db
      .insertInto("user_tokens")
      .values([
        { token_hash: "t1", user_id: user.id, purpose: "reset_password", expires_at: new Date(now.getTime() - 8 * DAY) },
        { token_hash: "t2", user_id: user.id, purpose: "reset_password", expires_at: new Date(now.getTime() - DAY) },
        { token_hash: "t3", user_id: user.id, purpose: "verify_email", expires_at: new Date(now.getTime() + DAY), used_at: new Date(now.getTime() - 9 * DAY) },
      ])
      .execute();
    // audit events: one 13 months old, one 11 months old
    await t.db
      .insertInto("audit_events")
      .values([
        { action: "content.publish", occurred_at: new Date(now.getTime() - 395 * DAY), target_label: "ancien" },
        { action: "content.publish", occurred_at: new Date(now.getTime() - 335 * DAY), target_label: "récent" },
      ])
      .execute();
    // second sign-in steps: one expired, one running
    await t.db
      .insertInto("pending_sign_ins")
      .values([
        { token_hash: "p1", user_id: user.id, expires_at: new Date(now.getTime() - 60_000) },
        { token_hash: "p2", user_id: user.id, expires_at: new Date(now.getTime() + 60_000) },
      ])
      .execute();
    // Core's tables, then the accounts module's recurring task (e-mailed links, second steps).
    const report = await runMaintenance(t.db, now);
    const accounts = await purgeAccountLinks(t.db, now);
    expect((await t.db.selectFrom("audit_events").select("target_label").execute()).map((r) => r.target_label)).toEqual(["récent"]);
    expect((await t.db.selectFrom("pending_sign_ins").select("token_hash").execute()).map((r) => r.token_hash)).toEqual(["p2"]);
    expect(report).toMatchObject({ sessions: 2 });
    expect(accounts).toEqual({ tokens: 2 });
    const keys = (await t.db.selectFrom("rate_limits").select("key").execute()).map((r) => r.key);
    expect(keys).toEqual(["signin:ip:new"]);
    const sessions = (await t.db.selectFrom("sessions").select("id").execute()).map((s) => s.id);
    expect(sessions).toEqual([alive.id]);
    expect(sessions).not.toContain(expired.id);
    expect(sessions).not.toContain(idle.id);
    expect((await t.db.selectFrom("user_tokens").select("token_hash").execute()).map((r) => r.token_hash)).toEqual(["t2"]);
  });

  it("removes finished jobs and jobs that gave up after 30 days, never pending ones", async () => {
    const now = new Date("2027-05-10T12:00:00Z");
    const ago = (days: number) => new Date(now.getTime() - days * DAY);
    await t.db
      .insertInto("jobs")
      .values([
        { kind: "test.keep", payload: '{"n":"done recently"}', run_at: ago(40), done_at: ago(10) },
        { kind: "test.purge", payload: '{"n":"done long ago"}', run_at: ago(40), done_at: ago(31) },
        { kind: "test.purge", payload: '{"n":"gave up long ago"}', run_at: ago(31), attempts: MAX_ATTEMPTS },
        { kind: "test.keep", payload: '{"n":"gave up recently"}', run_at: ago(2), attempts: MAX_ATTEMPTS },
        { kind: "test.keep", payload: '{"n":"pending, late"}', run_at: ago(60), attempts: 2 },
      ])
      .execute();
    await runMaintenance(t.db, now);
    const left = await t.db.selectFrom("jobs").select("kind").where("kind", "like", "test.%").execute();
    expect(left.map((j) => j.kind)).toEqual(["test.keep", "test.keep", "test.keep"]);
  });
});
