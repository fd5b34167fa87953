import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.js";
import { runDueJobs } from "../../core/jobs/queue.js";
import { createArticle, createSite, createTheme } from "../../../test/factories.js";
import { createTestWorld, type TestWorld } from "../../../test/helpers.js";
import { publishJobHandler, PUBLISH_JOB, schedulePublication } from "./publishing.js";

let w: TestWorld;
beforeAll(async () => {
  w = await createTestWorld({ now: new Date("2027-05-01T08:00:00Z") });
  await createSite(w.db);
});
afterAll(async () => w?.close());

describe("scheduled publication", () => {
  it("publishes at its time (not before), refreshing cached lists", async () => {
    const theme = await createTheme(w.db);
    await createArticle(w.db, { themeIds: [theme.id], publishedAt: new Date("2027-04-01T00:00:00Z") });
    const draft = await createArticle(w.db, { title: "Article programmé", status: "draft", themeIds: [theme.id] });
    const at = new Date("2027-05-01T09:00:00Z");
    await schedulePublication(w.db, draft.id, at);
    const handlers = { [PUBLISH_JOB]: publishJobHandler(w.app.deps) };

    await w.app.inject({ url: `/themes/${theme.slug}` }); // cached without it
    w.clock.now = new Date("2027-05-01T08:59:00Z");
    await runDueJobs(w.db, handlers, w.clock.now);
    expect((await w.app.inject({ url: draft.path })).statusCode).toBe(404);

    w.clock.now = new Date("2027-05-01T09:00:20Z");
    expect((await runDueJobs(w.db, handlers, w.clock.now)).done).toBe(1);
    const page = await w.app.inject({ url: draft.path });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("1er mai 2027"); // published_at is the scheduled time
    expect((await w.app.inject({ url: `/themes/${theme.slug}` })).body).toContain("Article programmé");
  });

  it("survives a restart: a new app instance on the same database publishes the due item", async () => {
    const draft = await createArticle(w.db, { title: "Programmé avant redémarrage", status: "draft" });
    await schedulePublication(w.db, draft.id, new Date("2027-06-01T00:00:00Z"));
    const restarted = await buildApp({ config: w.config, db: w.db, now: () => new Date("2027-06-01T00:00:30Z") });
    try {
      await runDueJobs(w.db, { [PUBLISH_JOB]: publishJobHandler(restarted.deps) }, new Date("2027-06-01T00:00:30Z"));
      const row = await w.db.selectFrom("content_items").select(["status", "published_at"]).where("id", "=", draft.id).executeTakeFirstOrThrow();
      expect(row.status).toBe("published");
      expect(row.published_at?.toISOString()).toBe("2027-06-01T00:00:00.000Z");
    } finally {
      await restarted.close();
    }
  });

  it("keeps only the latest schedule when an item is rescheduled", async () => {
    const draft = await createArticle(w.db, { status: "draft" });
    await schedulePublication(w.db, draft.id, new Date("2027-07-01T00:00:00Z"));
    await schedulePublication(w.db, draft.id, new Date("2027-08-01T00:00:00Z"));
    const jobs = await w.db
      .selectFrom("jobs")
      .select("run_at")
      .where("kind", "=", PUBLISH_JOB)
      .where("done_at", "is", null)
      .where("payload", "@>", JSON.stringify({ contentId: draft.id }) as never)
      .execute();
    expect(jobs.map((j) => j.run_at.toISOString())).toEqual(["2027-08-01T00:00:00.000Z"]);
    await runDueJobs(w.db, { [PUBLISH_JOB]: publishJobHandler(w.app.deps) }, new Date("2027-07-15T00:00:00Z"));
    expect((await w.db.selectFrom("content_items").select("status").where("id", "=", draft.id).executeTakeFirstOrThrow()).status).toBe("scheduled");
  });
});
