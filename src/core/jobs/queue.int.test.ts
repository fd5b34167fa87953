import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/helpers.js";
import { cancelPending, claimDue, enqueue, enqueueOnce, JobSignal, MAX_ATTEMPTS, runDueJobs, startWorker, type Job, type JobHandler } from "./queue.js";
import { enqueueDuePeriods } from "./schedule.js";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.destroy());

const at = (iso: string) => new Date(iso);

describe("job queue", () => {
  it("runs a job at its time, once, and not before", async () => {
    const seen: Job[] = [];
    await enqueue(t.db, "test.once", { n: 1 }, at("2027-01-01T10:00:00Z"));
    const handlers = { "test.once": async (job: Job) => void seen.push(job) };
    expect(await runDueJobs(t.db, handlers, at("2027-01-01T09:59:59Z"))).toEqual({ done: 0, failed: 0 });
    expect(await runDueJobs(t.db, handlers, at("2027-01-01T10:00:30Z"))).toEqual({ done: 1, failed: 0 });
    expect(await runDueJobs(t.db, handlers, at("2027-01-01T11:00:00Z"))).toEqual({ done: 0, failed: 0 });
    expect(seen.map((j) => j.payload)).toEqual([{ n: 1 }]);
  });

  it("retries a failing job with backoff and gives up after the maximum attempts", async () => {
    await enqueue(t.db, "test.fail", {}, at("2027-02-01T00:00:00Z"));
    const handlers = { "test.fail": async () => Promise.reject(new Error("boom")) };
    let now = at("2027-02-01T00:00:00Z");
    let failures = 0;
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
      failures += (await runDueJobs(t.db, handlers, now)).failed;
      now = new Date(now.getTime() + 24 * 3600_000);
    }
    expect(failures).toBe(MAX_ATTEMPTS);
    const job = await t.db.selectFrom("jobs").select(["attempts", "last_error", "done_at"]).where("kind", "=", "test.fail").executeTakeFirstOrThrow();
    expect(job).toMatchObject({ attempts: MAX_ATTEMPTS, last_error: "boom", done_at: null });
  });

  it("never hands the same job to two workers, and re-offers a job whose lease expired", async () => {
    await enqueue(t.db, "test.lease", {}, at("2027-03-01T00:00:00Z"));
    const now = at("2027-03-01T00:00:01Z");
    const [a, b] = await Promise.all([claimDue(t.db, now), claimDue(t.db, now)]);
    expect(a.filter((j) => j.kind === "test.lease").length + b.filter((j) => j.kind === "test.lease").length).toBe(1);
    const later = await claimDue(t.db, new Date(now.getTime() + 120_000));
    expect(later.filter((j) => j.kind === "test.lease")).toHaveLength(1); // the first worker "crashed"
  });

  it("cancels pending jobs matching a payload", async () => {
    await enqueue(t.db, "test.cancel", { contentId: 7 }, at("2027-04-01T00:00:00Z"));
    await enqueue(t.db, "test.cancel", { contentId: 8 }, at("2027-04-01T00:00:00Z"));
    expect(await cancelPending(t.db, "test.cancel", { contentId: 7 })).toBe(1);
    const left = await t.db.selectFrom("jobs").select("payload").where("kind", "=", "test.cancel").execute();
    expect(left).toHaveLength(1);
  });

  it("claims only the kinds it has a handler for", async () => {
    await enqueue(t.db, "test.mine", {}, at("2027-05-01T00:00:00Z"));
    await enqueue(t.db, "test.theirs", {}, at("2027-05-01T00:00:00Z"));
    const now = at("2027-05-01T00:01:00Z");
    expect(await runDueJobs(t.db, { "test.mine": async () => {} }, now)).toEqual({ done: 1, failed: 0 });
    const theirs = await t.db.selectFrom("jobs").select(["attempts", "done_at"]).where("kind", "=", "test.theirs").executeTakeFirstOrThrow();
    expect(theirs).toEqual({ attempts: 0, done_at: null });
  });

  it("erases the payload of a job marked erasePayload once done, or once it gives up", async () => {
    const ok: JobHandler = async () => {};
    ok.erasePayload = true;
    const failing: JobHandler = async () => Promise.reject(new Error("refusé"));
    failing.erasePayload = true;
    await enqueue(t.db, "test.secret-ok", { link: "https://x/?jeton=abc" }, at("2027-06-01T00:00:00Z"));
    await enqueue(t.db, "test.secret-fail", { link: "https://x/?jeton=def" }, at("2027-06-01T00:00:00Z"));
    let now = at("2027-06-01T00:00:00Z");
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      const pending = await t.db.selectFrom("jobs").select(["payload"]).where("kind", "=", "test.secret-fail").executeTakeFirstOrThrow();
      expect(JSON.stringify(pending.payload)).toContain("jeton"); // kept while it may still be retried
      await runDueJobs(t.db, { "test.secret-ok": ok, "test.secret-fail": failing }, now);
      now = new Date(now.getTime() + 24 * 3600_000);
    }
    const rows = await t.db.selectFrom("jobs").select(["kind", "payload"]).where("kind", "like", "test.secret-%").orderBy("kind").execute();
    expect(rows.map((r) => [r.kind, typeof r.payload === "string" ? JSON.parse(r.payload) : r.payload])).toEqual([
      ["test.secret-fail", {}],
      ["test.secret-ok", {}],
    ]);
  });

  it("runs a job enqueued in a transaction as soon as it commits when woken, without waiting for the next poll", async () => {
    const signal = new JobSignal();
    const seen: unknown[] = [];
    const worker = startWorker({
      db: t.db,
      handlers: { "test.woken": async (job) => void seen.push(job.payload) },
      now: () => at("2027-07-01T00:00:00Z"),
      signal,
      intervalMs: 600_000,
    });
    try {
      await new Promise((r) => setTimeout(r, 100)); // the first poll has found nothing
      await t.db.transaction().execute(async (trx) => {
        await enqueue(trx, "test.woken", { n: 1 }, at("2027-07-01T00:00:00Z"));
        signal.wake(); // before the commit: the row is not visible yet
        await new Promise((r) => setTimeout(r, 300));
      });
      const deadline = Date.now() + 5000;
      while (seen.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(seen).toEqual([{ n: 1 }]);
    } finally {
      await worker.stop();
    }
  });
});

describe("period-exact recurring tasks and long-lived jobs", () => {
  it("enqueues one job per (task, period) whatever the number of schedulers, and catches up missed periods", async () => {
    const task = { name: "test.hourly", minute: 0, timeZone: "Europe/Paris", job: "test.hourly", catchUp: 2 };
    const now = at("2027-04-01T10:20:00Z");
    const made = await Promise.all([enqueueDuePeriods(t.db, [task], now), enqueueDuePeriods(t.db, [task], now), enqueueDuePeriods(t.db, [task], now)]);
    expect(made.reduce((a, b) => a + b, 0)).toBe(3);
    await enqueueDuePeriods(t.db, [task], at("2027-04-01T10:59:59Z"));
    await enqueueDuePeriods(t.db, [task], at("2027-04-01T11:00:00Z"));
    const rows = await t.db.selectFrom("jobs").select(["unique_key", "payload", "run_at"]).where("kind", "=", "test.hourly").orderBy("run_at").execute();
    expect(rows.map((r) => r.unique_key)).toEqual([
      "test.hourly@2027-04-01T08:00:00.000Z",
      "test.hourly@2027-04-01T09:00:00.000Z",
      "test.hourly@2027-04-01T10:00:00.000Z",
      "test.hourly@2027-04-01T11:00:00.000Z",
    ]);
    expect(rows[0]!.payload).toEqual({ period: "2027-04-01T08:00:00.000Z" });
    expect(await enqueueOnce(t.db, "test.hourly@2027-04-01T11:00:00.000Z", "test.hourly", {}, now)).toBeNull();
  });

  it("gives a job its own number of tries, with the backoff capped by its handler", async () => {
    await enqueue(t.db, "test.long", {}, at("2027-05-01T00:00:00Z"), { maxAttempts: 8 });
    const handler: JobHandler = async () => Promise.reject(new Error("down"));
    handler.maxRetryDelayMs = 120_000;
    let now = at("2027-05-01T00:00:00Z");
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      await runDueJobs(t.db, { "test.long": handler }, now);
      const job = await t.db.selectFrom("jobs").select(["run_at", "attempts"]).where("kind", "=", "test.long").executeTakeFirstOrThrow();
      if (job.attempts > waits.length) waits.push((job.run_at.getTime() - now.getTime()) / 1000);
      now = new Date(job.run_at.getTime() + 1);
    }
    expect(waits).toEqual([30, 60, 120, 120, 120, 120, 120, 120]);
    const job = await t.db.selectFrom("jobs").select(["attempts", "done_at"]).where("kind", "=", "test.long").executeTakeFirstOrThrow();
    expect(job).toMatchObject({ attempts: 8, done_at: null });
  });
});
