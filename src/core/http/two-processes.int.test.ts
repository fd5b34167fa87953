// Two processes on one PostgreSQL server serve one site: two apps here, each with its own
// pool, page cache and site cache, as two processes would have. A session opened on one
// works on the other; a change published through one is served by the other within a
// second; a due job runs once; a listener that lost its connection heals.
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Agent } from "../../../test/agent.js";
import { createTwoProcessWorld, type TwoProcessWorld, within } from "../../../test/helpers.js";
import { createArticle, createSite } from "../../../test/factories.js";
import { hashPassword } from "../auth/passwords.js";
import { enqueue, runDueJobs } from "../jobs/queue.js";
import { invalidateContent } from "../../modules/content/index.js";
import { CACHE_CHANNEL } from "./cache-bus.js";

const onServer = process.env.TEST_DB === "postgres" && process.env.TEST_DATABASE_URL !== undefined;
const PASSWORD = "une phrase assez longue pour le test";

describe.skipIf(!onServer)("two processes on one PostgreSQL database", () => {
  let two: TwoProcessWorld;
  let handles: TwoProcessWorld["handles"];
  let apps: TwoProcessWorld["apps"];
  let article: { id: number; path: string };

  beforeAll(async () => {
    two = await createTwoProcessWorld("portail_two");
    ({ handles, apps } = two);
    await createSite(two.db);
    article = await createArticle(two.db, { title: "Avant la modification" });
  });
  afterAll(async () => two?.close());

  async function servedBy(app: FastifyInstance, title: string, withinMs: number): Promise<number> {
    let cache: unknown;
    return within(withinMs, `"${title}" not served after ${withinMs} ms`, async () => {
      const res = await app.inject(article.path);
      cache = res.headers["x-cache"];
      return res.body.includes(title);
    }).catch((e: Error) => {
      throw new Error(`${e.message} (x-cache: ${cache})`);
    });
  }

  async function rename(title: string) {
    await handles[0]!.db.updateTable("content_items").set({ title }).where("id", "=", article.id).execute();
    await invalidateContent(apps[0]!.deps, { id: article.id, kind: "article" });
  }

  it("a page changed through one process is served fresh by the other within a second", async () => {
    for (const app of apps) {
      await app.inject(article.path);
      expect((await app.inject(article.path)).headers["x-cache"]).toBe("hit"); // both have it cached
    }
    await rename("Après la modification");
    const ms = await servedBy(apps[1]!, "Après la modification", 1000);
    console.log(`[two processes] the other process served the change after ${ms} ms`);
    await servedBy(apps[0]!, "Après la modification", 0);
  });

  it("a session opened on one process works on the other", async () => {
    await handles[0]!.db
      .insertInto("users")
      .values({ email: "habitante@ville.test", password_hash: await hashPassword(PASSWORD), display_name: "Habitante", email_verified_at: new Date() })
      .execute();
    const one = new Agent(apps[0]!);
    const signIn = await one.submit("/compte/connexion", "/compte/connexion", { email: "habitante@ville.test", password: PASSWORD });
    expect(signIn.statusCode).toBe(303);
    const two = new Agent(apps[1]!, undefined, one.ip);
    for (const [k, v] of one.cookies) two.cookies.set(k, v);
    const account = await two.get("/compte");
    expect(account.statusCode).toBe(200);
    expect(account.body).toContain("Habitante");
  });

  it("a due job is run by exactly one of two workers polling at once", async () => {
    const runs: number[] = [];
    await enqueue(handles[0]!.db, "test.once", { n: 1 }, new Date(Date.now() - 1000));
    const handler = (who: number) => async () => {
      runs.push(who);
      await new Promise((r) => setTimeout(r, 50));
    };
    const now = new Date();
    await Promise.all([runDueJobs(handles[0]!.db, { "test.once": handler(0) }, now), runDueJobs(handles[1]!.db, { "test.once": handler(1) }, now)]);
    expect(runs).toHaveLength(1);
  });

  it("a listener whose connection was killed comes back, drops what it may have missed, and hears again", async () => {
    await rename("Version trois");
    await servedBy(apps[1]!, "Version trois", 1000);
    // Kill every LISTEN connection on this database (both processes' listeners).
    await sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${two.name} and query ilike ${`listen ${CACHE_CHANNEL}%`}`.execute(
      handles[0]!.db,
    );
    await new Promise((r) => setTimeout(r, 1500)); // reconnection backoff starts at 250 ms
    await apps[1]!.inject(article.path); // cached again on the other process
    await rename("Version quatre");
    await servedBy(apps[1]!, "Version quatre", 1000);
  });
});
