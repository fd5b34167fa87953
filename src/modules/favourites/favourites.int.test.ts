// The favourites module through HTTP: the toggle (form and fetch), the list page, and what a
// signed-out visitor gets. Sign-in with ?favori= is tested with the accounts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Agent } from "../../../test/agent.js";
import { createAction, createArticle, createSite } from "../../../test/factories.js";
import { createTestWorld, type TestWorld } from "../../../test/helpers.js";

let w: TestWorld;
let n = 0;
beforeAll(async () => {
  w = await createTestWorld();
  await createSite(w.db);
});
afterAll(async () => w?.close());

const PASSWORD = "une phrase pour les favoris";

/** A resident, signed in (an unconfirmed address may sign in and keep favourites). */
async function resident() {
  const agent = new Agent(w.app);
  const email = `favoris${++n}-${Date.now()}@exemple.fr`;
  await agent.submit("/compte/creer", "/compte/creer", { email, password: PASSWORD });
  const res = await agent.submit("/compte/connexion", "/compte/connexion", { email, password: PASSWORD, retour: "/" });
  expect(res.statusCode).toBe(303);
  const user = await w.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow();
  return { agent, userId: user.id };
}

const rowsOf = (userId: number) => w.db.selectFrom("favourites").select(["content_id", "action_id"]).where("user_id", "=", userId).execute();

describe("favourite toggle", () => {
  it("toggles by form (redirect back) and by fetch (JSON), harmlessly twice, and survives 20 parallel requests", async () => {
    const { agent, userId } = await resident();
    const article = await createArticle(w.db);
    const token = await agent.csrf(article.path);
    const form = { _csrf: token, contenu: String(article.id), retour: article.path };
    const add = await agent.post("/compte/favoris", { ...form, action: "ajouter" });
    expect(add.statusCode).toBe(303);
    expect(add.headers.location).toBe(article.path);
    expect(add.headers["cache-control"]).toBe("private, no-store");
    await agent.post("/compte/favoris", { ...form, action: "ajouter" });
    expect(await rowsOf(userId)).toHaveLength(1);
    const json = await agent.post("/compte/favoris", { ...form, action: "retirer" }, { accept: "application/json" });
    expect(json.json()).toEqual({ favourite: false, label: "Ajouter à mes favoris" });
    const back = await agent.post("/compte/favoris", { ...form, action: "ajouter" }, { accept: "application/json" });
    expect(back.json()).toEqual({ favourite: true, label: "Retirer de mes favoris" });
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => agent.post("/compte/favoris", { ...form, action: i % 2 ? "retirer" : "ajouter" })));
    expect(results.every((r) => r.statusCode === 303)).toBe(true);
    expect((await rowsOf(userId)).length).toBeLessThanOrEqual(1);
    await Promise.all(Array.from({ length: 20 }, () => agent.post("/compte/favoris", { ...form, action: "ajouter" })));
    expect(await rowsOf(userId)).toHaveLength(1);
  });

  it("refuses a draft, an unknown item or action (404) and a form without id or action (400)", async () => {
    const { agent, userId } = await resident();
    const draft = await createArticle(w.db, { status: "draft" });
    const token = await agent.csrf("/compte/favoris");
    expect((await agent.post("/compte/favoris", { _csrf: token, contenu: String(draft.id), action: "ajouter", retour: "/" })).statusCode).toBe(404);
    expect((await agent.post("/compte/favoris", { _csrf: token, contenu: "999999", cible: "action", action: "ajouter", retour: "/" })).statusCode).toBe(404);
    expect((await agent.post("/compte/favoris", { _csrf: token, action: "ajouter" })).statusCode).toBe(400);
    expect((await agent.post("/compte/favoris", { _csrf: token, contenu: String(draft.id) })).statusCode).toBe(400);
    expect((await agent.post("/compte/favoris", { _csrf: token, contenu: String(draft.id), action: "garder" })).statusCode).toBe(400);
    expect((await agent.post("/compte/favoris", { _csrf: token, contenu: String(draft.id), action: "ajouter", cible: "autre" })).statusCode).toBe(400);
    // Removing what is not there is harmless.
    expect((await agent.post("/compte/favoris", { _csrf: token, contenu: String(draft.id), action: "retirer", retour: "/" })).statusCode).toBe(303);
    expect(await rowsOf(userId)).toEqual([]);
  });

  it("sends a signed-out visitor to sign in (form) or answers 401 (fetch), and changes nothing", async () => {
    const article = await createArticle(w.db);
    const action = await createAction(w.db);
    const visitor = new Agent(w.app);
    const token = await visitor.csrf("/compte/connexion");
    const form = await visitor.post("/compte/favoris", { _csrf: token, contenu: String(article.id), action: "ajouter", retour: article.path });
    expect(form.statusCode).toBe(303);
    expect(form.headers.location).toBe(`/compte/connexion?retour=${encodeURIComponent(article.path)}&favori=${article.id}`);
    // An action's id is no content id: sign-in must not add the item that happens to share it.
    const forAction = await visitor.post("/compte/favoris", { _csrf: token, contenu: String(action.id), cible: "action", action: "ajouter", retour: "/" });
    expect(forAction.headers.location).toBe("/compte/connexion?retour=%2F");
    const json = await visitor.post("/compte/favoris", { _csrf: token, contenu: String(article.id), action: "ajouter" }, { accept: "application/json" });
    expect(json.statusCode).toBe(401);
    expect(json.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(json.json()).toEqual({ status: 401, title: "Connexion requise" });
    expect(await w.db.selectFrom("favourites").select("id").where("content_id", "=", article.id).execute()).toEqual([]);
  });
});

describe("Mes favoris", () => {
  it("lists favourites newest first, paginated, and cannot touch another account's", async () => {
    const a = await resident();
    const b = await resident();
    const articles = [];
    for (let i = 0; i < 13; i++) articles.push(await createArticle(w.db, { title: `Favori ${i}` }));
    for (const art of articles) {
      w.clock.now = new Date(w.clock.now.getTime() + 1000);
      await a.agent.submit(art.path, "/compte/favoris", { contenu: String(art.id), action: "ajouter", retour: art.path });
    }
    const page1 = await a.agent.get("/compte/favoris");
    expect(page1.statusCode).toBe(200);
    expect(page1.headers["cache-control"]).toBe("private, no-store");
    expect(page1.body).toContain("13 favoris");
    expect(page1.body.indexOf("Favori 12")).toBeLessThan(page1.body.indexOf("Favori 11"));
    expect(page1.body).not.toContain("Favori 0<");
    expect(page1.body).toContain('href="/compte/favoris?page=2"');
    expect((await a.agent.get("/compte/favoris?page=2")).body).toContain("Favori 0<");
    expect((await a.agent.get("/compte/favoris?page=3")).statusCode).toBe(404);
    // B removing "their" favourite with A's content id changes nothing for A
    await b.agent.submit(articles[0]!.path, "/compte/favoris", { contenu: String(articles[0]!.id), action: "retirer", retour: "/" });
    expect(await rowsOf(a.userId)).toHaveLength(13);
    const listB = await b.agent.get("/compte/favoris");
    expect(listB.body).not.toContain("Favori 12");
    expect(listB.body).toContain("Vous n’avez pas encore de favori.");
  });

  it("sends a signed-out visitor to sign in and back", async () => {
    const res = await w.app.inject({ url: "/compte/favoris?page=2" });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/compte/connexion?retour=${encodeURIComponent("/compte/favoris?page=2")}`);
  });
});
