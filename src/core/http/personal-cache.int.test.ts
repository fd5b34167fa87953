// What signed-in pages keep in memory about their viewer (personal-cache.ts), through HTTP:
// "Pour vous", favourite hearts and followed quartiers follow every change of the person's
// interests and favourites, by the forms and by any other writer (another process, a script);
// new content reaches the feed; nothing personal is ever shown to another person or to an
// anonymous visitor.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Agent } from "../../../test/agent.js";
import { createArticle, createNeighbourhood, createSite, createTheme } from "../../../test/factories.js";
import { createTestWorld, type TestWorld } from "../../../test/helpers.js";

let w: TestWorld;
let n = 0;
beforeAll(async () => {
  w = await createTestWorld();
  await createSite(w.db);
});
afterAll(async () => w?.close());

const PASSWORD = "une phrase pour le fil personnel";

async function resident(name: string) {
  const agent = new Agent(w.app);
  const email = `fil${++n}-${Date.now()}@exemple.fr`;
  await agent.submit("/compte/creer", "/compte/creer", { email, password: PASSWORD });
  const res = await agent.submit("/compte/connexion", "/compte/connexion", { email, password: PASSWORD, retour: "/" });
  expect(res.statusCode).toBe(303);
  const user = await w.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow();
  await w.db.updateTable("users").set({ display_name: name }).where("id", "=", user.id).execute();
  return { agent, userId: user.id };
}

/** The "Pour vous" section of the home page as this agent gets it (empty string when absent). */
async function forYou(agent: Agent): Promise<string> {
  const res = await agent.get("/");
  expect(res.statusCode).toBe(200);
  const m = /<section class="section for-you"[\s\S]*?<\/section>/.exec(res.body);
  return m ? m[0] : "";
}

async function setThemes(agent: Agent, name: string, themeIds: number[]) {
  const res = await agent.submit("/compte/preferences", "/compte/preferences", { displayName: name, themes: themeIds.map(String) });
  expect(res.statusCode).toBe(303);
}

/** Whether the heart of this article shows it kept, on the article's own page. */
async function heartOn(agent: Agent, path: string): Promise<boolean> {
  const body = (await agent.get(path)).body;
  expect(body).toContain("favourite__label");
  return body.includes('aria-pressed="true"');
}

describe("personal blocks kept in memory", () => {
  it("'Pour vous' follows the interests changed by the form and by another writer, and new content", async () => {
    const transport = await createTheme(w.db, { name: "Transports fil" });
    const culture = await createTheme(w.db, { name: "Culture fil" });
    const bus = await createArticle(w.db, { title: "Nouvelle ligne de bus fil", themeIds: [transport.id] });
    const concert = await createArticle(w.db, { title: "Concert au parc fil", themeIds: [culture.id] });
    const { agent, userId } = await resident("Awa");

    await setThemes(agent, "Awa", [transport.id]);
    let block = await forYou(agent);
    expect(block).toContain(bus.title);
    expect(block).not.toContain(concert.title);
    expect(await forYou(agent)).toBe(block); // the same answer again (from memory)

    // Through the form.
    await setThemes(agent, "Awa", [culture.id]);
    block = await forYou(agent);
    expect(block).toContain(concert.title);
    expect(block).not.toContain(bus.title);

    // Written by someone else (another server process, a script): the version read with the
    // session tells this process at the next request.
    await w.db.insertInto("user_themes").values({ user_id: userId, theme_id: transport.id }).execute();
    block = await forYou(agent);
    expect(block).toContain(concert.title);
    expect(block).toContain(bus.title);
    await w.db.deleteFrom("user_themes").where("user_id", "=", userId).execute();
    expect(await forYou(agent)).toContain("Choisissez vos thèmes");

    // A theme deleted by the back office takes the interest with it (cascade).
    const gone = await createTheme(w.db, { name: "Thème supprimé fil" });
    const goneArticle = await createArticle(w.db, { title: "Article du thème supprimé fil", themeIds: [gone.id] });
    await setThemes(agent, "Awa", [gone.id]);
    expect(await forYou(agent)).toContain(goneArticle.title);
    await w.db.deleteFrom("content_themes").where("theme_id", "=", gone.id).execute();
    await w.db.deleteFrom("themes").where("id", "=", gone.id).execute();
    expect(await forYou(agent)).toContain("Choisissez vos thèmes");

    // New content: seen once the page cache is told (as publishing does), or after the TTL.
    await setThemes(agent, "Awa", [culture.id]);
    expect(await forYou(agent)).toContain(concert.title);
    const expo = await createArticle(w.db, { title: "Exposition au musée fil", themeIds: [culture.id] });
    w.pageCache.invalidateTags([`content:${expo.id}`, "home"]);
    expect(await forYou(agent)).toContain(expo.title);
    const festival = await createArticle(w.db, { title: "Festival de quartier fil", themeIds: [culture.id] });
    w.clock.now = new Date(w.clock.now.getTime() + 6 * 60_000);
    expect(await forYou(agent)).toContain(festival.title);
  });

  it("favourite hearts and followed quartiers follow the toggles and other writers", async () => {
    const article = await createArticle(w.db, { title: "Article aux favoris fil" });
    const place = await createNeighbourhood(w.db, { name: "Quartier suivi fil" });
    const { agent, userId } = await resident("Bruno");
    expect(await heartOn(agent, article.path)).toBe(false);

    const token = await agent.csrf(article.path);
    await agent.post("/compte/favoris", { _csrf: token, contenu: String(article.id), action: "ajouter", retour: article.path });
    expect(await heartOn(agent, article.path)).toBe(true);
    await agent.post("/compte/favoris", { _csrf: token, contenu: String(article.id), action: "retirer" }, { accept: "application/json" });
    expect(await heartOn(agent, article.path)).toBe(false);
    await w.db.insertInto("favourites").values({ user_id: userId, content_id: article.id }).execute();
    expect(await heartOn(agent, article.path)).toBe(true);
    await w.db.deleteFrom("favourites").where("user_id", "=", userId).execute();
    expect(await heartOn(agent, article.path)).toBe(false);

    // The toggle skips a write only when the person's favourites, at this request's version,
    // already are as asked: a row removed or added by another writer is seen.
    const json = { accept: "application/json" };
    const rows = () => w.db.selectFrom("favourites").select("content_id").where("user_id", "=", userId).execute();
    const add = { _csrf: token, contenu: String(article.id), action: "ajouter" };
    expect((await agent.post("/compte/favoris", add, json)).json()).toEqual({ favourite: true, label: "Retirer de mes favoris" });
    expect((await agent.post("/compte/favoris", add, json)).json()).toMatchObject({ favourite: true });
    expect(await rows()).toHaveLength(1);
    await w.db.deleteFrom("favourites").where("user_id", "=", userId).execute();
    expect((await agent.post("/compte/favoris", add, json)).json()).toMatchObject({ favourite: true });
    expect(await rows()).toHaveLength(1);
    expect(await heartOn(agent, article.path)).toBe(true);
    const remove = { ...add, action: "retirer" };
    expect((await agent.post("/compte/favoris", remove, json)).json()).toMatchObject({ favourite: false });
    expect((await agent.post("/compte/favoris", remove, json)).json()).toMatchObject({ favourite: false });
    await w.db.insertInto("favourites").values({ user_id: userId, content_id: article.id }).execute();
    expect((await agent.post("/compte/favoris", remove, json)).json()).toMatchObject({ favourite: false });
    expect(await rows()).toHaveLength(0);
    expect(await heartOn(agent, article.path)).toBe(false);
    // A draft is still refused when it is no favourite.
    const draft = await createArticle(w.db, { status: "draft" });
    expect((await agent.post("/compte/favoris", { ...add, contenu: String(draft.id) }, json)).statusCode).toBe(404);

    const placePage = `/quartiers/${place.slug}`;
    expect((await agent.get(placePage)).body).toContain("Suivre ce quartier");
    await agent.post("/compte/suivre", { _csrf: token, quartier: String(place.id), suivre: "1", retour: placePage });
    expect((await agent.get(placePage)).body).toContain("Ne plus suivre ce quartier");
    await w.db.deleteFrom("user_neighbourhoods").where("user_id", "=", userId).execute();
    const after = (await agent.get(placePage)).body;
    expect(after).toContain("Suivre ce quartier");
    expect(after).not.toContain("Ne plus suivre ce quartier");
  });

  it("never shows one person's blocks to another person or to an anonymous visitor", async () => {
    const sport = await createTheme(w.db, { name: "Sport fil" });
    const jardin = await createTheme(w.db, { name: "Jardins fil" });
    const match = await createArticle(w.db, { title: "Tournoi de football fil", themeIds: [sport.id] });
    const potager = await createArticle(w.db, { title: "Potager partagé fil", themeIds: [jardin.id] });
    const a = await resident("Chloé");
    const b = await resident("Driss");
    await setThemes(a.agent, "Chloé", [sport.id]);
    await setThemes(b.agent, "Driss", [jardin.id]);
    const token = await a.agent.csrf(match.path);
    await a.agent.post("/compte/favoris", { _csrf: token, contenu: String(match.id), action: "ajouter" }, { accept: "application/json" });

    for (let i = 0; i < 2; i++) {
      const blockA = await forYou(a.agent);
      const blockB = await forYou(b.agent);
      expect(blockA).toContain(match.title);
      expect(blockA).not.toContain(potager.title);
      expect(blockB).toContain(potager.title);
      expect(blockB).not.toContain(match.title);
    }
    expect(await heartOn(a.agent, match.path)).toBe(true);
    expect(await heartOn(b.agent, match.path)).toBe(false);

    // Signed-in answers are private; the anonymous home (from the shared cache or rendered)
    // holds no "Pour vous", no name, no session token.
    const signedIn = await a.agent.get("/");
    expect(signedIn.headers["cache-control"]).toBe("private, no-store");
    expect(signedIn.headers["x-cache"]).toBeUndefined();
    for (let i = 0; i < 2; i++) {
      const anonymous = await new Agent(w.app).get("/");
      expect(anonymous.statusCode).toBe(200);
      expect(anonymous.body).not.toContain("Pour vous");
      expect(anonymous.body).not.toContain("Chloé");
      expect(anonymous.body).not.toContain("Driss");
      expect(anonymous.body).not.toContain('aria-pressed="true"');
    }
    // A visitor with a stale or forged session cookie gets nothing personal either.
    const forged = new Agent(w.app);
    forged.cookies.set("__Host-portail_session", "x".repeat(43));
    const res = await forged.get("/");
    expect(res.body).not.toContain("Pour vous");
    expect(res.body).not.toContain("Chloé");
  });
});
