import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Agent } from "../../../test/agent.js";
import { createAction, createArticle, createSite } from "../../../test/factories.js";
import { createTestWorld, type TestWorld } from "../../../test/helpers.js";

let w: TestWorld;
beforeAll(async () => {
  w = await createTestWorld();
  await createSite(w.db);
});
afterAll(async () => w?.close());

async function resident() {
  const agent = new Agent(w.app);
  const email = `action-${Math.random().toString(36).slice(2)}@exemple.fr`;
  await agent.submit("/compte/creer", "/compte/creer", { email, password: "une phrase pour les actions" });
  await agent.submit("/compte/connexion", "/compte/connexion", { email, password: "une phrase pour les actions" });
  return agent;
}

describe("favourite actions", () => {
  it("adds an action to the favourites from its page, lists it, exports it and removes it", async () => {
    const a = await createAction(w.db, { title: "Action à garder" });
    const other = await createArticle(w.db, { title: "Article gardé" });
    const agent = await resident();
    const path = `/politique-de-la-ville/actions/${a.slug}`;
    const anonymous = await w.app.inject({ url: path });
    expect(anonymous.body).toContain("/compte/connexion?retour=");
    const page = await agent.get(path);
    expect(page.body).toContain('name="cible" value="action"');
    const add = await agent.submit(path, "/compte/favoris", { contenu: String(a.id), cible: "action", action: "ajouter", retour: path });
    expect(add.statusCode).toBe(303);
    await agent.submit(other.path, "/compte/favoris", { contenu: String(other.id), action: "ajouter", retour: other.path });
    expect((await agent.get(path)).body).toMatch(/aria-pressed="true"[^>]*>[\s\S]*?Retirer de mes favoris/);
    // the same id as a content item is a different favourite
    expect((await agent.get(other.path)).body).toContain("Retirer de mes favoris");
    const list = await agent.get("/compte/favoris");
    expect(list.body).toContain("Action à garder");
    expect(list.body).toContain("Article gardé");
    const data = (await agent.submit("/compte/donnees", "/compte/donnees", {})).json();
    expect(data.favouriteActions.map((f: { title: string }) => f.title)).toEqual(["Action à garder"]);
    await agent.submit("/compte/favoris", "/compte/favoris", { contenu: String(a.id), cible: "action", action: "retirer", retour: "/compte/favoris" });
    expect((await agent.get("/compte/favoris")).body).not.toContain("Action à garder");
    const unknown = await agent.submit("/compte/favoris", "/compte/favoris", { contenu: "999999", cible: "action", action: "ajouter", retour: "/" });
    expect(unknown.statusCode).toBe(404);
  });

  it("keeps one row however often the action is added, even in parallel", async () => {
    const a = await createAction(w.db);
    const agent = await resident();
    const token = await agent.csrf("/compte/favoris");
    await Promise.all(
      Array.from({ length: 10 }, () => agent.post("/compte/favoris", { _csrf: token, contenu: String(a.id), cible: "action", action: "ajouter", retour: "/" })),
    );
    const rows = await w.db.selectFrom("favourites").select("id").where("action_id", "=", a.id).execute();
    expect(rows).toHaveLength(1);
  });
});
