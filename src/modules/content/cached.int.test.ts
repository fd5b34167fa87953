// The home's shared data and the article and page views kept in memory (cached.ts), through
// HTTP as signed-in residents get them (their pages are never in the page cache): a
// publication, an unpublication, an edit, a scheduled publication and an item whose date comes
// are all seen at the next request; an invalidation about something else keeps them; the
// personal blocks stay each person's own; on PostgreSQL, a change made through another process
// is seen.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "../../core/auth/sessions.js";
import { runDueJobs } from "../../core/jobs/queue.js";
import { Agent } from "../../../test/agent.js";
import { createArticle, createSite, createTheme } from "../../../test/factories.js";
import { createTestWorld, createTwoProcessWorld, type TestWorld, type TwoProcessWorld, within } from "../../../test/helpers.js";
import { createStaff, type StaffMember } from "../../../test/staff.js";
import { cachedHome, cachedItemByPath } from "./cached.js";
import { contentJobHandlers, invalidateContent } from "./index.js";

let w: TestWorld;
let editor: StaffMember;
beforeAll(async () => {
  w = await createTestWorld({ now: new Date("2027-05-01T08:00:00Z") });
  await createSite(w.db);
  editor = await createStaff(w, "editor");
});
afterAll(async () => w?.close());

/** The "À la une" section of the home page as this agent gets it. */
async function latest(agent: Agent): Promise<string> {
  const res = await agent.get("/");
  expect(res.statusCode).toBe(200);
  const m = /<section class="section" aria-labelledby="a-la-une">[\s\S]*?<\/section>/.exec(res.body);
  return m ? m[0] : "";
}

function deps() {
  return { db: w.db, now: () => w.clock.now };
}

describe("the home's shared data kept in memory", () => {
  it("is loaded once, then served from memory until an invalidation names one of its tags", async () => {
    const first = await cachedHome(w.app.deps.pageCache, deps());
    expect(await cachedHome(w.app.deps.pageCache, deps())).toBe(first);
    // A comment on some article, an action of the contrat de ville: not on the home.
    w.app.deps.pageCache.invalidateTags(["participation:article:1", "policy"]);
    expect(await cachedHome(w.app.deps.pageCache, deps())).toBe(first);
    w.app.deps.pageCache.invalidateTags(["home"]);
    const second = await cachedHome(w.app.deps.pageCache, deps());
    expect(second).not.toBe(first);
    expect(await cachedHome(w.app.deps.pageCache, deps())).toBe(second);
  });

  it("shows a signed-in resident a published article at once, and drops an unpublished one at once", async () => {
    const resident = await createStaff(w, "resident");
    const draft = await createArticle(w.db, { title: "Fête de quartier au mail", status: "draft" });
    expect(await latest(resident.agent)).not.toContain(draft.title);
    expect(await latest(resident.agent)).not.toContain(draft.title); // from memory now

    expect((await editor.agent.send(`/admin/contenus/${draft.id}/publier`)).statusCode).toBe(303);
    expect(await latest(resident.agent)).toContain(draft.title);

    expect((await editor.agent.send(`/admin/contenus/${draft.id}/depublier`)).statusCode).toBe(303);
    expect(await latest(resident.agent)).not.toContain(draft.title);
  });

  it("shows a scheduled publication once its job ran at its time", async () => {
    const resident = await createStaff(w, "resident");
    const draft = await createArticle(w.db, { title: "Travaux rue Pierre-Legrand programmés", status: "draft" });
    // 12:00 in Paris is 10:00 UTC.
    expect((await editor.agent.send(`/admin/contenus/${draft.id}/programmer`, { date: "2027-05-01", time: "12:00" })).statusCode).toBe(303);
    expect(await latest(resident.agent)).not.toContain(draft.title);

    w.clock.now = new Date("2027-05-01T09:59:00Z");
    await runDueJobs(w.db, contentJobHandlers(w.app.deps), w.clock.now);
    expect(await latest(resident.agent)).not.toContain(draft.title);

    w.clock.now = new Date("2027-05-01T10:00:30Z");
    expect((await runDueJobs(w.db, contentJobHandlers(w.app.deps), w.clock.now)).done).toBeGreaterThanOrEqual(1);
    expect(await latest(resident.agent)).toContain(draft.title);
  });

  it("shows an item published with a date to come once that date passes, with no invalidation then", async () => {
    const resident = await createStaff(w, "resident");
    const soon = await createArticle(w.db, { title: "Marché de nuit à venir", publishedAt: new Date(w.clock.now.getTime() + 120_000) });
    // Written as an import would (a published row with its date, then the cache told).
    await invalidateContent(w.app.deps, soon);
    expect(await latest(resident.agent)).not.toContain(soon.title);
    // Within the memory's lifetime (HOME_DATA_TTL_MS): only the item's own date ends it.
    w.clock.now = new Date(w.clock.now.getTime() + 60_000);
    expect(await latest(resident.agent)).not.toContain(soon.title);
    w.clock.now = new Date(w.clock.now.getTime() + 60_000);
    expect(await latest(resident.agent)).toContain(soon.title);
  });

  it("never shows one resident's personal blocks to another, or to an anonymous visitor", async () => {
    const sport = await createTheme(w.db, { name: "Sport partagé" });
    const culture = await createTheme(w.db, { name: "Culture partagée" });
    const match = await createArticle(w.db, { title: "Tournoi de basket au gymnase", themeIds: [sport.id], publishedAt: w.clock.now });
    const expo = await createArticle(w.db, { title: "Exposition à la médiathèque", themeIds: [culture.id], publishedAt: w.clock.now });
    const awa = await createStaff(w, "resident", { displayName: "Awa Diallo" });
    const jules = await createStaff(w, "resident", { displayName: "Jules Martin" });
    await w.db
      .insertInto("user_themes")
      .values([
        { user_id: awa.id, theme_id: sport.id },
        { user_id: jules.id, theme_id: culture.id },
      ])
      .execute();

    for (let round = 0; round < 2; round++) {
      const a = (await awa.agent.get("/")).body;
      const j = (await jules.agent.get("/")).body;
      const forYou = (html: string) => /<section class="section for-you"[\s\S]*?<\/section>/.exec(html)?.[0] ?? "";
      expect(forYou(a)).toContain(match.title);
      expect(forYou(a)).not.toContain(expo.title);
      expect(forYou(j)).toContain(expo.title);
      expect(forYou(j)).not.toContain(match.title);
      expect(a).toContain("Awa Diallo");
      expect(a).not.toContain("Jules Martin");
      expect(j).toContain("Jules Martin");
      expect(j).not.toContain("Awa Diallo");
      const anonymous = (await new Agent(w.app).get("/")).body;
      expect(anonymous).not.toContain("for-you");
      expect(anonymous).not.toContain("Awa Diallo");
      expect(anonymous).not.toContain("Jules Martin");
    }
  });
});

describe("an article's view kept in memory", () => {
  /** The article as this agent gets it: its title, and its "Lire aussi" block. */
  async function view(agent: Agent, path: string): Promise<{ title: string; related: string }> {
    const res = await agent.get(path);
    expect(res.statusCode).toBe(200);
    return {
      title: /<h1 id="titre-contenu">([^<]*)<\/h1>/.exec(res.body)?.[1] ?? "",
      related: /<section class="section related"[\s\S]*?<\/section>/.exec(res.body)?.[0] ?? "",
    };
  }

  it("is read once, kept through invalidations about other things, dropped by one about it", async () => {
    const theme = await createTheme(w.db);
    const article = await createArticle(w.db, { themeIds: [theme.id] });
    const other = await createArticle(w.db);
    const first = await cachedItemByPath(w.app.deps.pageCache, deps(), article.path);
    expect(await cachedItemByPath(w.app.deps.pageCache, deps(), article.path)).toBe(first);
    w.app.deps.pageCache.invalidateTags([`content:${other.id}`, "policy", "home"]);
    expect(await cachedItemByPath(w.app.deps.pageCache, deps(), article.path)).toBe(first);
    w.app.deps.pageCache.invalidateTags([`theme:${theme.id}`]);
    const second = await cachedItemByPath(w.app.deps.pageCache, deps(), article.path);
    expect(second).not.toBe(first);
    expect(await cachedItemByPath(w.app.deps.pageCache, deps(), article.path)).toBe(second);
    w.app.deps.pageCache.clear();
    expect(await cachedItemByPath(w.app.deps.pageCache, deps(), article.path)).not.toBe(second);
  });

  it("shows a signed-in resident an edit, a publication and an unpublication in Lire aussi at once", async () => {
    const resident = await createStaff(w, "resident");
    // Earlier tests moved the clock past the first editor's session.
    const editor = await createStaff(w, "editor");
    const theme = await createTheme(w.db);
    const article = await createArticle(w.db, { title: "Rénovation de la salle des fêtes", themeIds: [theme.id] });
    const draft = await createArticle(w.db, { title: "Chantier école au centre social", themeIds: [theme.id], status: "draft" });
    expect((await view(resident.agent, article.path)).related).not.toContain(draft.title);
    expect((await view(resident.agent, article.path)).related).not.toContain(draft.title); // from memory now

    // Written as an import would: the row, then the cache told.
    await w.db.updateTable("content_items").set({ title: "Salle des fêtes rénovée" }).where("id", "=", article.id).execute();
    await invalidateContent(w.app.deps, article);
    expect((await view(resident.agent, article.path)).title).toBe("Salle des fêtes rénovée");

    const published = await editor.agent.send(`/admin/contenus/${draft.id}/publier`);
    expect(published.headers.location).not.toMatch(/connexion/);
    expect((await view(resident.agent, article.path)).related).toContain(draft.title);
    expect((await editor.agent.send(`/admin/contenus/${draft.id}/depublier`)).statusCode).toBe(303);
    expect((await view(resident.agent, article.path)).related).not.toContain(draft.title);
  });

  it("shows in Lire aussi an item published with a date to come once that date passes, with no invalidation then", async () => {
    const resident = await createStaff(w, "resident");
    const theme = await createTheme(w.db);
    const article = await createArticle(w.db, { themeIds: [theme.id] });
    const soon = await createArticle(w.db, { title: "Atelier vélo du samedi", themeIds: [theme.id], publishedAt: new Date(w.clock.now.getTime() + 120_000) });
    await invalidateContent(w.app.deps, soon);
    expect((await view(resident.agent, article.path)).related).not.toContain(soon.title);
    w.clock.now = new Date(w.clock.now.getTime() + 60_000);
    expect((await view(resident.agent, article.path)).related).not.toContain(soon.title);
    w.clock.now = new Date(w.clock.now.getTime() + 60_000);
    expect((await view(resident.agent, article.path)).related).toContain(soon.title);
  });

  it("keeps no moved or missing path: a renamed article's old address redirects, a missing one is 404", async () => {
    const resident = await createStaff(w, "resident");
    const article = await createArticle(w.db, { title: "Jardin partagé rue de Cambrai" });
    expect((await resident.agent.get(`${article.path}-ancien`)).statusCode).toBe(404);
    expect((await resident.agent.get(`${article.path}-ancien`)).statusCode).toBe(404);
    expect((await view(resident.agent, article.path)).title).toBe(article.title);
  });
});

const onServer = process.env.TEST_DB === "postgres" && process.env.TEST_DATABASE_URL !== undefined;

describe.skipIf(!onServer)("the home's shared data and article views with two processes on one PostgreSQL database", () => {
  let two: TwoProcessWorld;

  beforeAll(async () => {
    two = await createTwoProcessWorld("portail_home_two");
    await createSite(two.db);
  });
  afterAll(async () => two?.close());

  /** An agent of the second process, signed in as a new resident named `name`. */
  async function residentOfSecond(email: string, name: string): Promise<Agent> {
    const user = await two.db
      .insertInto("users")
      .values({ email, password_hash: "x", display_name: name, email_verified_at: new Date() })
      .returning("id")
      .executeTakeFirstOrThrow();
    const session = await createSession(two.db, user.id, "test", new Date());
    const agent = new Agent(two.apps[1]);
    agent.cookies.set("__Host-portail_session", session.token);
    return agent;
  }

  it("a signed-in resident of one process sees an article published through the other within a second", async () => {
    const agent = await residentOfSecond("voisine@ville.test", "Voisine");
    expect((await agent.get("/")).body).toContain("Voisine");
    await agent.get("/"); // the shared data is in memory on the second process

    const article = await createArticle(two.db, { title: "Nouvelle aire de jeux square Lebas" });
    await invalidateContent(two.apps[0].deps, { id: article.id, kind: "article" });
    await within(1000, "the other process's change was not seen within a second", async () => {
      const res = await agent.get("/");
      expect(res.body).toContain("Voisine");
      return res.body.includes(article.title);
    });
  });

  it("a signed-in resident of one process sees an article edited through the other within a second", async () => {
    const agent = await residentOfSecond("lectrice@ville.test", "Lectrice");
    const article = await createArticle(two.db, { title: "Permanence logement au centre social" });
    expect((await agent.get(article.path)).body).toContain(article.title);
    await agent.get(article.path); // the view is in memory on the second process

    await two.db.updateTable("content_items").set({ title: "Permanence logement déplacée en mairie" }).where("id", "=", article.id).execute();
    await invalidateContent(two.apps[0].deps, { id: article.id, kind: "article" });
    await within(1000, "the other process's change was not seen within a second", async () => {
      const res = await agent.get(article.path);
      expect(res.body).toContain("Lectrice");
      return res.body.includes("Permanence logement déplacée en mairie");
    });
  });
});
