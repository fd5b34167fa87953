// Themes, neighbourhoods and image facts kept in memory for public pages (places/cache.ts,
// media/facts.ts; issue #12): a second render runs fewer statements, counted on the app's own
// database handle; a change made in the back office, or any invalidation, shows at once;
// on PostgreSQL, a change made through one process shows on the other over the cache bus.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { KyselyPlugin } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.js";
import { loadConfig } from "../../config.js";
import { createSession } from "../../core/auth/sessions.js";
import { createArticle, createImage, createNeighbourhood, createSite, createTheme } from "../../../test/factories.js";
import { createTestDatabase, createTwoProcessWorld, type TestDatabase, type TestWorld, type TwoProcessWorld, within } from "../../../test/helpers.js";
import { createStaff, StaffAgent, type StaffMember } from "../../../test/staff.js";
import { updateNeighbourhood } from "../places/index.js";

/** Counts the statements run through the handle while `counting` is on. */
class StatementCounter implements KyselyPlugin {
  counting = false;
  count = 0;
  transformQuery: KyselyPlugin["transformQuery"] = (args) => args.node;
  transformResult: KyselyPlugin["transformResult"] = async (args) => {
    if (this.counting) this.count++;
    return args.result;
  };
}

let database: TestDatabase;
let world: TestWorld;
const counter = new StatementCounter();
let editor: StaffMember;
let theme: { id: number; slug: string; name: string };
let place: { id: number; slug: string; name: string };
let heroId: number;
let article: { id: number; path: string };

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db.withPlugin(counter);
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "portail-shared-data-"));
  // Nothing is stored in the page cache: every request renders, as in the bench's "rendered" runs.
  const config = loadConfig({ NODE_ENV: "test", DATA_DIR: dataDir, PUBLIC_URL: "https://portail.test", PAGE_CACHE_ENTRIES: "0" });
  const clock = { now: new Date() };
  const app = await buildApp({ config, db, now: () => clock.now, loadShedding: false });
  await app.ready();
  world = {
    app,
    db,
    config,
    dataDir,
    clock,
    pageCache: app.deps.pageCache,
    close: async () => {
      await app.close();
      await database.destroy();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
  const mediaDir = path.join(dataDir, "media");
  await createSite(db);
  theme = await createTheme(db, { name: "Emploi et insertion" });
  place = await createNeighbourhood(db, { name: "Bois-Blancs" });
  heroId = await createImage(db, mediaDir, { caption: "Le forum de l’emploi", credit: "Ville – A. Martin" });
  for (let i = 0; i < 3; i++) {
    const image = await createImage(db, mediaDir);
    await createArticle(db, { title: `Voisin ${i}`, themeIds: [theme.id], neighbourhoodIds: [place.id], heroMediaId: image });
  }
  article = await createArticle(db, { title: "Un forum pour l’emploi", themeIds: [theme.id], neighbourhoodIds: [place.id], heroMediaId: heroId });
  editor = await createStaff(world, "editor");
});

afterAll(async () => {
  await world?.close();
});

/** Statements run by one anonymous render of `url` (the page cache stores nothing: PAGE_CACHE_ENTRIES=0). */
async function render(url: string): Promise<{ count: number; body: string }> {
  counter.count = 0;
  counter.counting = true;
  try {
    const res = await world.app.inject(url);
    expect(res.statusCode).toBe(200);
    return { count: counter.count, body: res.body };
  } finally {
    counter.counting = false;
  }
}

/** Statements of a render after an invalidation (shared data dropped), then of the next render. */
async function coldThenWarm(url: string, tags: string[] = ["home"]): Promise<[number, number]> {
  await render(url); // the site frame, read once per process and kept until the menu changes
  world.pageCache.invalidateTags(tags); // a new generation: themes, places and images are read again
  const cold = (await render(url)).count;
  const warm = (await render(url)).count;
  return [cold, warm];
}

describe("statements of a render", () => {
  it("an article: its view, themes, places and images are read once, not on every render", async () => {
    const [cold, warm] = await coldThenWarm(article.path, [`content:${article.id}`]);
    // Cold: its row, the "Lire aussi" candidates, the themes and neighbourhoods lists, the
    // images of the hero and of the cards. Warm: none; the view comes from memory (cached.ts),
    // and so does whether comments are open on it (participation's, unchanged here).
    expect(cold).toBe(6);
    expect(warm).toBe(0);
  });

  it("a theme page and a quartier page: the theme or place and the cards' images come from memory", async () => {
    const [themeCold, themeWarm] = await coldThenWarm(`/themes/${theme.slug}`);
    expect(themeCold - themeWarm).toBe(3); // two lists, the cards' images
    expect(themeWarm).toBe(2); // the page of cards and their count
    const [placeCold, placeWarm] = await coldThenWarm(`/quartiers/${place.slug}`);
    expect(placeCold - placeWarm).toBe(3);
  });

  it("the news list: its cards carry their theme ids, themes and images come from memory", async () => {
    const [cold, warm] = await coldThenWarm("/actualites");
    expect(cold - warm).toBe(3);
    expect(warm).toBe(2);
  });
});

describe("changes show on the next render", () => {
  it("a caption edited in the back office", async () => {
    expect((await render(article.path)).body).toContain("Le forum de l’emploi");
    const res = await editor.agent.send(`/admin/medias/${heroId}`, {
      alt: "Des stands au forum",
      legende: "Le forum de l’emploi, deuxième édition",
      credit: "Ville – A. Martin",
      point_x: "50",
      point_y: "50",
    });
    expect(res.statusCode).toBe(303);
    expect((await render(article.path)).body).toContain("Le forum de l’emploi, deuxième édition");
  });

  it("a theme or neighbourhood renamed, once its writer invalidates its tags", async () => {
    await render(article.path);
    await world.db.updateTable("themes").set({ name: "Emploi et formation" }).where("id", "=", theme.id).execute();
    await updateNeighbourhood(world.db, place.id, { name: "Bois-Blancs et Port" });
    // Written behind the app's back (a script), nothing is invalidated: the lists read before
    // stay, as a cached page would, until the page cache's TTL.
    expect((await render(article.path)).body).not.toContain("Emploi et formation");
    world.pageCache.invalidateTags(["themes", `theme:${theme.id}`, "neighbourhoods", `neighbourhood:${place.id}`]);
    const body = (await render(article.path)).body;
    expect(body).toContain("Emploi et formation");
    expect(body).toContain("Bois-Blancs et Port");
    expect((await render(`/themes/${theme.slug}`)).body).toContain("Emploi et formation");
    expect((await render("/quartiers")).body).toContain("Bois-Blancs et Port");
  });

  it("a theme created after the lists were read is found by its slug and by the cards showing it", async () => {
    await render("/themes");
    const fresh = await createTheme(world.db, { name: "Mobilités douces" });
    const item = await createArticle(world.db, { title: "Des vélos en libre service", themeIds: [fresh.id] });
    expect((await render(`/themes/${fresh.slug}`)).body).toContain("Mobilités douces");
    expect((await render(item.path)).body).toContain("Mobilités douces");
  });
});

const onServer = process.env.TEST_DB === "postgres" && process.env.TEST_DATABASE_URL !== undefined;

describe.skipIf(!onServer)("two processes on one PostgreSQL database", () => {
  let two: TwoProcessWorld;

  beforeAll(async () => {
    two = await createTwoProcessWorld("portail_shared", { PAGE_CACHE_ENTRIES: "0" });
  });
  afterAll(async () => two?.close());

  it("a caption edited through one process shows on the other within a second", async () => {
    const db = two.db;
    await createSite(db);
    const image = await createImage(db, path.join(two.dataDir, "media"), { caption: "Première légende" });
    const item = await createArticle(db, { title: "Un article illustré", heroMediaId: image });
    expect((await two.apps[1].inject(item.path)).body).toContain("Première légende");
    const user = await db
      .insertInto("users")
      .values({ email: "redaction@ville.test", password_hash: "x", role: "editor", email_verified_at: new Date() })
      .returning("id")
      .executeTakeFirstOrThrow();
    const session = await createSession(db, user.id, "test", new Date());
    const agent = new StaffAgent(two.apps[0]);
    agent.cookies.set("__Host-portail_session", session.token);
    agent.csrfToken = session.csrfToken;
    const form = { alt: "Une photo", legende: "Seconde légende", credit: "Ville", point_x: "50", point_y: "50" };
    expect((await agent.send(`/admin/medias/${image}`, form)).statusCode).toBe(303);
    await within(1000, "the other process still shows the old caption after 1 s", async () =>
      (await two.apps[1].inject(item.path)).body.includes("Seconde légende"),
    );
  });
});
