// The demo dataset loads into a fresh database, meets the promises of the README
// (40+ articles over 8+ themes, every neighbourhood, two years of dates, an illustrated
// image with alt, caption and credit for every article) and every page of it renders.
import fs from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorld, type TestWorld } from "../test/helpers.js";
import { isSeeded, seedDemo, seedPerimeters } from "./seed.js";
import { SHARED_DATA_DIR, sharedFile } from "../test/shared-data.js";

let w: TestWorld;
beforeAll(async () => {
  w = await createTestWorld();
  await seedDemo(w.db, { mediaDir: `${w.dataDir}/media`, now: w.clock.now });
}, 120_000);
afterAll(async () => w?.close());

describe("demo dataset", () => {
  it("is recorded as seeded", async () => {
    expect(await isSeeded(w.db)).toBe(true);
  });

  it("has 40+ illustrated articles over 8+ themes, every neighbourhood, spread over two years", async () => {
    const articles = await w.db
      .selectFrom("content_items as c")
      .innerJoin("media as m", "m.id", "c.hero_media_id")
      .select(["c.id", "c.published_at", "m.alt", "m.caption", "m.credit", "m.file_key", "m.variant_widths"])
      .where("c.kind", "=", "article")
      .execute();
    expect(articles.length).toBeGreaterThanOrEqual(40);
    const total = await w.db
      .selectFrom("content_items")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("kind", "=", "article")
      .executeTakeFirstOrThrow();
    expect(articles.length).toBe(Number(total.n)); // every article has an image
    for (const a of articles) {
      expect(a.alt.length).toBeGreaterThan(10);
      expect(a.caption.length).toBeGreaterThan(5);
      expect(a.credit.length).toBeGreaterThan(3);
      for (const width of a.variant_widths) {
        await fs.access(`${w.dataDir}/media/${a.file_key}-${width}.webp`);
        await fs.access(`${w.dataDir}/media/${a.file_key}-${width}.jpg`);
      }
    }
    const times = articles.map((a) => a.published_at!.getTime());
    expect((Math.max(...times) - Math.min(...times)) / 86_400_000).toBeGreaterThan(600);

    const themesUsed = await w.db.selectFrom("content_themes").select("theme_id").distinct().execute();
    expect(themesUsed.length).toBeGreaterThanOrEqual(8);
    const places = await w.db.selectFrom("neighbourhoods").select(["id", "kind", "code"]).execute();
    const placesUsed = new Set((await w.db.selectFrom("content_neighbourhoods").select("neighbourhood_id").execute()).map((r) => r.neighbourhood_id));
    for (const p of places) expect(placesUsed.has(p.id)).toBe(true);
    expect(places.filter((p) => p.kind === "quartier")).toHaveLength(10);
    expect(places.filter((p) => p.kind === "commune")).toHaveLength(2);
    const qpv = places.filter((p) => p.kind === "qpv");
    expect(qpv.length).toBeGreaterThanOrEqual(5);
    for (const q of qpv) expect(q.code).toMatch(/^QN\d{5}[A-Z]$/);
  });

  it("renders every published item, theme and neighbourhood page", async () => {
    const paths = (await w.db.selectFrom("content_items").select("path").where("status", "=", "published").execute()).map((r) => r.path);
    const themes = (await w.db.selectFrom("themes").select("slug").execute()).map((t) => `/themes/${t.slug}`);
    const places = (await w.db.selectFrom("neighbourhoods").select("slug").execute()).map((n) => `/quartiers/${n.slug}`);
    for (const url of ["/", "/actualites", "/actualites?page=2", "/plan-du-site", ...paths, ...themes, ...places]) {
      const res = await w.app.inject({ url });
      expect(res.statusCode, url).toBe(200);
    }
    for (const footer of ["/accessibilite", "/mentions-legales", "/donnees-personnelles"]) {
      expect((await w.app.inject({ url: footer })).statusCode, footer).toBe(200);
    }
  });

  it("has residents' ideas, one retained as an action, shown on their pages and quartiers", async () => {
    const ideas = await w.db.selectFrom("proposals").select(["id", "slug", "status", "action_id"]).execute();
    expect(ideas.length).toBeGreaterThanOrEqual(4);
    expect(ideas.filter((i) => i.status === "accepted" && i.action_id !== null)).toHaveLength(1);
    const list = await w.app.inject({ url: "/participation/idees" });
    expect(list.statusCode).toBe(200);
    for (const i of ideas) {
      expect(list.body).toContain(`/participation/idees/${i.id}-${i.slug}`);
      const page = await w.app.inject({ url: `/participation/idees/${i.id}-${i.slug}` });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain("saisie assistée par Centre social de démonstration");
    }
    expect((await w.app.inject({ url: "/quartiers/wazemmes" })).body).toContain("1 idée pour ce quartier.");
  });

  it("shows three Lire aussi cards on articles, pinned ones first", async () => {
    const pinned = await w.db
      .selectFrom("content_related as r")
      .innerJoin("content_items as c", "c.id", "r.content_id")
      .innerJoin("content_items as p", "p.id", "r.related_id")
      .select(["c.path", "p.title"])
      .where("r.position", "=", 0)
      .executeTakeFirst();
    expect(pinned).toBeDefined();
    const html = (await w.app.inject({ url: pinned!.path })).body;
    const related = html.slice(html.indexOf('id="lire-aussi"'));
    expect((related.match(/class="card"/g) ?? []).length).toBe(3);
    const escapedTitle = pinned!.title.replace(/&/g, "&amp;").replace(/</g, "&lt;");
    const firstCardTitle = /class="card__title"[^>]*><a href="[^"]+">([^<]+)<\/a>/.exec(related)?.[1];
    expect(firstCardTitle).toBe(escapedTitle);
  });

  it("has 30+ example actions with funding and milestones, and every policy page renders", async () => {
    const actions = await w.db.selectFrom("actions").select(["slug", "is_example"]).execute();
    expect(actions.length).toBeGreaterThanOrEqual(30);
    expect(actions.every((a) => a.is_example)).toBe(true);
    const funded = await w.db.selectFrom("funding_lines").select("action_id").distinct().execute();
    expect(funded.length).toBe(actions.length);
    const contracts = await w.db.selectFrom("contracts").select(["generation"]).execute();
    expect(contracts.map((c) => c.generation).sort()).toEqual(["2015", "2024"]);
    const pillars = await w.db
      .selectFrom("priorities as p")
      .innerJoin("contracts as c", "c.id", "p.contract_id")
      .select("p.slug")
      .where("c.generation", "=", "2015")
      .execute();
    expect(pillars).toHaveLength(3);
    const overview = await w.app.inject({ url: "/politique-de-la-ville" });
    expect(overview.statusCode).toBe(200);
    expect(overview.body).toContain("Données de démonstration");
    for (const a of actions) {
      const res = await w.app.inject({ url: `/politique-de-la-ville/actions/${a.slug}` });
      expect(res.statusCode, a.slug).toBe(200);
      expect(res.body).toContain("Exemple");
    }
    expect((await w.app.inject({ url: "/politique-de-la-ville/actions?page=2" })).statusCode).toBe(200);
  });

  it.skipIf(!sharedFile("lille-quartiers.geojson"))("loads the quartier perimeters from the shared open-data folder, and the map appears", async () => {
    const loaded = await seedPerimeters(w.db, SHARED_DATA_DIR!);
    expect(loaded).toHaveLength(1);
    const withGeometry = await w.db.selectFrom("neighbourhoods").select("slug").where("geometry", "is not", null).execute();
    expect(withGeometry.length).toBe(12);
    w.pageCache.clear();
    const html = (await w.app.inject({ url: "/politique-de-la-ville" })).body;
    expect(html).toMatch(/<svg[^>]*class="map"/);
    expect((html.match(/<a [^>]*href="\/quartiers\//g) ?? []).length).toBeGreaterThanOrEqual(12);
  });

  it("says where to get perimeters when the shared folder is absent", async () => {
    const messages: string[] = [];
    expect(await seedPerimeters(w.db, "/nonexistent", (m) => messages.push(m))).toEqual([]);
    expect(messages[0]).toContain("npm run import -- quartiers");
  });
});
