import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle, createPage, createSite } from "../../../test/factories.js";
import { createTestWorld, type TestWorld } from "../../../test/helpers.js";
import { moveContent } from "./paths.js";

let w: TestWorld;
beforeAll(async () => {
  w = await createTestWorld();
  await createSite(w.db);
});
afterAll(async () => w?.close());

describe("renaming and moving content", () => {
  it("redirects an article's old slug with a 301, keeping the query string", async () => {
    const a = await createArticle(w.db, { slug: "ancien-titre" });
    await w.db.transaction().execute((trx) => moveContent(trx, a.id, { slug: "nouveau-titre" }));
    const res = await w.app.inject({ url: "/actualites/ancien-titre?x=1" });
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe("/actualites/nouveau-titre?x=1");
    expect((await w.app.inject({ url: "/actualites/nouveau-titre" })).statusCode).toBe(200);
  });

  it("moves a page with its descendants and redirects every old path", async () => {
    const root = await createPage(w.db, { slug: "racine" });
    const other = await createPage(w.db, { slug: "ailleurs" });
    const child = await createPage(w.db, { slug: "enfant", parent: root });
    await createPage(w.db, { slug: "petit-enfant", parent: { id: child.id, path: child.path } });
    await w.db.transaction().execute((trx) => moveContent(trx, child.id, { slug: "enfant-renomme", parentId: other.id }));
    expect((await w.app.inject({ url: "/ailleurs/enfant-renomme/petit-enfant" })).statusCode).toBe(200);
    const old = await w.app.inject({ url: "/racine/enfant/petit-enfant" });
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe("/ailleurs/enfant-renomme/petit-enfant");
  });

  it("refuses to move a page under itself or onto a taken path", async () => {
    const p = await createPage(w.db, { slug: "boucle" });
    const c = await createPage(w.db, { slug: "dessous", parent: p });
    await expect(w.db.transaction().execute((trx) => moveContent(trx, p.id, { slug: "boucle", parentId: c.id }))).rejects.toThrow(/under itself/);
    await createArticle(w.db, { slug: "pris" });
    const a = await createArticle(w.db, { slug: "libre" });
    await expect(w.db.transaction().execute((trx) => moveContent(trx, a.id, { slug: "pris" }))).rejects.toThrow(/already used/);
  });

  it("lets a renamed-back item take its old path again without a redirect loop", async () => {
    const a = await createArticle(w.db, { slug: "aller" });
    await w.db.transaction().execute((trx) => moveContent(trx, a.id, { slug: "retour" }));
    await w.db.transaction().execute((trx) => moveContent(trx, a.id, { slug: "aller" }));
    expect((await w.app.inject({ url: "/actualites/aller" })).statusCode).toBe(200);
    expect((await w.app.inject({ url: "/actualites/retour" })).headers.location).toBe("/actualites/aller");
  });
});
