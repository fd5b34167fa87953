// The digest pages through HTTP: the resident's settings form (/compte/lettre) and the back
// office (/admin/lettres: counts, never who; runs; failed addresses), by role.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSite } from "../../../test/factories.js";
import { createSubscriber } from "../../../test/digests.js";
import { createTestWorld, type TestWorld } from "../../../test/helpers.js";
import { createStaff, expectPermissions, signIn, StaffAgent } from "../../../test/staff.js";
import { purgeOld } from "./queries.js";

let w: TestWorld;
beforeAll(async () => {
  w = await createTestWorld();
  await createSite(w.db);
});
afterAll(async () => w?.close());

async function signedIn(userId: number) {
  const agent = new StaffAgent(w.app);
  await signIn(w, agent, userId);
  return agent;
}

describe("Ma lettre d’actualité", () => {
  it("shows the defaults, refuses bad values in French (400, values kept), saves good ones, and clears a bounce", async () => {
    const s = await createSubscriber(w.db, { row: false });
    const agent = await signedIn(s.id);
    const page = await agent.get("/compte/lettre");
    expect(page.statusCode).toBe(200);
    expect(page.headers["cache-control"]).toContain("no-store");
    expect(page.body).toContain("Une lettre chaque lundi vers 8 h");
    expect(page.body).toMatch(/<option value="hebdomadaire" selected/);
    const bad = await agent.send("/compte/lettre", { frequence: "quotidienne", heure: "25", jour: "9" });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Choisissez une heure entre 0 h et 23 h.");
    expect(bad.body).toContain("Choisissez un jour de la semaine.");
    expect(bad.body).toContain("Choisissez au moins une source");
    expect(bad.body).toMatch(/<option value="quotidienne" selected/);
    await w.db
      .insertInto("digest_subscriptions")
      .values({ user_id: s.id, bounced_at: w.clock.now, bounce_reason: "550 Boîte inconnue", created_at: w.clock.now, updated_at: w.clock.now })
      .execute();
    expect((await agent.get("/compte/lettre")).body).toContain("votre messagerie a refusé notre lettre");
    const ok = await agent.send("/compte/lettre", { frequence: "quotidienne", heure: "7", jour: "3", favoris: "on" });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe("/compte/lettre?statut=enregistre");
    const row = await w.db.selectFrom("digest_subscriptions").selectAll().where("user_id", "=", s.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ frequency: "daily", hour: 7, weekday: 3, with_interests: false, with_favourites: true, bounced_at: null });
    const after = await agent.get("/compte/lettre?statut=enregistre");
    expect(after.body).toContain("Vos choix pour la lettre sont enregistrés.");
    expect(after.body).toContain("Une lettre chaque jour vers 7 h");
  });

  it("puts the settings and the digests still kept in the resident's data download (RGPD), and no one else's", async () => {
    const s = await createSubscriber(w.db, { row: false });
    const other = await createSubscriber(w.db, { row: false });
    const agent = await signedIn(s.id);
    expect((await agent.send("/compte/lettre", { frequence: "quotidienne", heure: "6", jour: "2", interets: "on" })).statusCode).toBe(303);
    const at = w.clock.now;
    for (const [userId, key] of [
      [s.id, "2026-12-01"],
      [other.id, "2026-12-02"],
    ] as const) {
      await w.db
        .insertInto("digest_deliveries")
        .values({
          user_id: userId,
          period_key: key,
          since: at,
          until: at,
          items: JSON.stringify({ n: [1, 2], u: [], a: [] }),
          total: 2,
          status: "sent",
          sent_at: at,
          created_at: at,
        })
        .execute();
    }
    const res = await agent.send("/compte/donnees", {});
    expect(res.statusCode).toBe(200);
    const data = res.json();
    expect(data.digest).toMatchObject({ frequency: "daily", hour: 6, weekday: 2, withInterests: true, withFavourites: false, bounced: null });
    expect(data.digest.sent).toEqual([expect.objectContaining({ period: "2026-12-01", items: 2, status: "sent" })]);
    // the other modules' parts come through the same manifest hook
    expect(data).toHaveProperty("favourites");
    expect(data).toHaveProperty("participation");
  });

  it("tells a resident without consent that nothing is sent, and sends a visitor to sign in", async () => {
    const s = await createSubscriber(w.db, { consent: false });
    expect((await (await signedIn(s.id)).get("/compte/lettre")).body).toContain("rien ne vous sera envoyé");
    const visitor = await w.app.inject({ url: "/compte/lettre" });
    expect(visitor.statusCode).toBe(303);
    expect(visitor.headers.location).toMatch(/^\/compte\/connexion\?retour=/);
  });
});

describe("back office", () => {
  it("editors and administrators see counts by frequency, the runs and the failed addresses; never who subscribes", async () => {
    const daily = await createSubscriber(w.db, { frequency: "daily" });
    await createSubscriber(w.db, { frequency: "weekly" });
    await createSubscriber(w.db, { row: false });
    const bounced = await createSubscriber(w.db, { frequency: "daily" });
    await w.db
      .updateTable("digest_subscriptions")
      .set({ bounced_at: w.clock.now, bounce_reason: "550 Boîte inconnue" })
      .where("user_id", "=", bounced.id)
      .execute();
    const run = await w.db
      .insertInto("digest_runs")
      .values({ period_start: new Date("2027-01-11T07:00:00Z"), started_at: w.clock.now, finished_at: w.clock.now, examined: 3, queued: 2, empty: 1 })
      .returning("id")
      .executeTakeFirstOrThrow();
    await w.db
      .insertInto("digest_deliveries")
      .values([
        {
          user_id: daily.id,
          period_key: "J2027-01-11",
          run_id: run.id,
          since: w.clock.now,
          until: w.clock.now,
          items: '{"n":[1],"u":[],"a":[]}',
          total: 1,
          status: "sent",
          created_at: w.clock.now,
        },
        {
          user_id: bounced.id,
          period_key: "J2027-01-11",
          run_id: run.id,
          since: w.clock.now,
          until: w.clock.now,
          items: '{"n":[1],"u":[],"a":[]}',
          total: 1,
          status: "failed",
          created_at: w.clock.now,
        },
      ])
      .execute();
    const responses = await expectPermissions(w, { method: "GET", url: "/admin/lettres", allowed: ["editor", "admin"] });
    const body = responses.get("admin")!.body;
    expect(body).toContain("Lettres d’actualité");
    expect(body).toMatch(/<th scope="row">Quotidienne<\/th>\s*<td>\d+<\/td>/);
    expect(body).toContain(bounced.email);
    expect(body).toContain("550 Boîte inconnue");
    expect(body).not.toContain(daily.email);
    expect(body).toMatch(/<td>Terminée<\/td><td>3<\/td><td>1<\/td><td>2<\/td><td>1<\/td><td>0<\/td><td>1<\/td><td>0<\/td>/);
    const editor = await createStaff(w, "editor");
    expect((await editor.agent.get("/admin")).body).toContain('href="/admin/lettres"');
  });
});

describe("retention", () => {
  it("deletes finished deliveries and their runs after 90 days, keeps pending ones and recent ones", async () => {
    const s = await createSubscriber(w.db);
    const old = new Date("2026-01-01T07:00:00Z");
    const recent = new Date("2026-05-01T07:00:00Z");
    const runs = await w.db
      .insertInto("digest_runs")
      .values([
        { period_start: old, started_at: old },
        { period_start: recent, started_at: recent },
      ])
      .returning("id")
      .execute();
    const row = (runId: number, key: string, at: Date, status: "sent" | "pending") => ({
      user_id: s.id,
      period_key: key,
      run_id: runId,
      since: at,
      until: at,
      items: '{"n":[],"u":[],"a":[]}',
      total: 1,
      status,
      created_at: at,
    });
    await w.db
      .insertInto("digest_deliveries")
      .values([row(runs[0]!.id, "J2026-01-01", old, "sent"), row(runs[0]!.id, "J2026-01-02", old, "pending"), row(runs[1]!.id, "J2026-05-01", recent, "sent")])
      .execute();
    expect(await purgeOld(w.db, new Date("2026-04-01T00:00:00Z"))).toEqual({ deliveries: 1, runs: 0 });
    await w.db.updateTable("digest_deliveries").set({ status: "failed" }).where("period_key", "=", "J2026-01-02").execute();
    expect(await purgeOld(w.db, new Date("2026-04-01T00:00:00Z"))).toEqual({ deliveries: 1, runs: 1 });
    const left = await w.db.selectFrom("digest_deliveries").select("period_key").where("user_id", "=", s.id).execute();
    expect(left.map((r) => r.period_key)).toEqual(["J2026-05-01"]);
  });
});
