// The page-cache key keeps only the query parameters a route reads (cache-key.ts): tracking
// parameters and cache busters are answered from the cache and never add an entry, while the
// parameters that change a page (page=, q=, API filters) keep their own answers. Through HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invalidateContent } from "../../modules/content/index.js";
import { createArticle, createSite, createTheme } from "../../../test/factories.js";
import { createTestWorld, type TestWorld } from "../../../test/helpers.js";

let w: TestWorld;
let articlePath: string;
let themeSlug: string;
beforeAll(async () => {
  w = await createTestWorld();
  await createSite(w.db);
  const theme = await createTheme(w.db);
  themeSlug = theme.slug;
  // 13 articles: /actualites has a second page (12 a page).
  for (let i = 1; i <= 13; i++) await createArticle(w.db, { title: `Article numéro ${i}`, themeIds: [theme.id] });
  articlePath = (await createArticle(w.db, { title: "Le marché de Noël", themeIds: [theme.id] })).path;
});
afterAll(async () => w?.close());

const get = (url: string) => w.app.inject({ url });

describe("query parameters the route does not read", () => {
  it("answer an article from the cached page without adding an entry", async () => {
    w.pageCache.clear();
    const plain = await get(articlePath);
    expect(plain.statusCode).toBe(200);
    expect(plain.headers["x-cache"]).toBe("miss");
    const size = w.pageCache.size;
    for (const query of ["?utm_source=x", "?n=1", "?n=2", "?fbclid=abc&utm_medium=social", "?n=", "?"]) {
      const res = await get(`${articlePath}${query}`);
      expect(res.statusCode, query).toBe(200);
      expect(res.headers["x-cache"], query).toBe("hit");
      expect(res.headers.etag, query).toBe(plain.headers.etag);
      expect(res.body, query).toBe(plain.body);
    }
    expect(w.pageCache.size).toBe(size);
  });

  it("render the page as without them when it is the first request (its sign-in link returns to the page)", async () => {
    w.pageCache.clear();
    const first = await get(`${articlePath}?utm_source=newsletter`);
    expect(first.headers["x-cache"]).toBe("miss");
    expect(first.body).toContain(`/compte/connexion?retour=${encodeURIComponent(articlePath)}"`);
    expect(first.body).not.toContain("utm_source");
    const plain = await get(articlePath);
    expect(plain.headers["x-cache"]).toBe("hit");
    expect(plain.body).toBe(first.body);
  });

  it("still refuse a repeated undeclared parameter as before (400, nothing stored)", async () => {
    w.pageCache.clear();
    const res = await get(`${articlePath}?n=1&n=2`);
    expect(res.statusCode).toBe(400);
    expect(w.pageCache.size).toBe(0);
  });
});

describe("percent-encoded spellings of a path", () => {
  it("redirect once to the canonical path instead of rendering and storing a page each", async () => {
    w.pageCache.clear();
    expect((await get(articlePath)).headers["x-cache"]).toBe("miss");
    const size = w.pageCache.size;
    // "/actualites/le-..." spelt with encoded letters, digits, "-" (and lower-case hex).
    const spelt = articlePath.replace("/actualites/", "/%61ctualites/").replace("-", "%2d");
    const res = await get(`${spelt}?utm_source=x`);
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe(`${articlePath}?utm_source=x`);
    expect((await w.app.inject({ method: "HEAD", url: spelt })).statusCode).toBe(301);
    expect(w.pageCache.size).toBe(size);
  });

  it("leave every other encoding as sent: never decode a slash, a dot, a line break or a non-ASCII letter", async () => {
    for (const path of ["/actualites/%2Fetc", "/%2E%2E/admin", "/actualites/a%20b", "/themes/%c3%a9", "/compte%0d%0aSet-Cookie:%20x=1"]) {
      const res = await get(path);
      expect(res.statusCode, path).not.toBe(301);
      expect(res.statusCode, path).toBeLessThan(500);
    }
    // The forms' POSTs are left as sent.
    expect((await w.app.inject({ method: "POST", url: "/compte/%63onnexion" })).statusCode).not.toBe(301);
  });
});

describe("query parameters the route reads", () => {
  it("keep ?page=2 of a list its own page, whatever else the URL carries", async () => {
    w.pageCache.clear();
    const first = await get("/actualites");
    const second = await get("/actualites?page=2");
    expect(second.statusCode).toBe(200);
    expect(second.headers["x-cache"]).toBe("miss");
    expect(second.body).not.toBe(first.body);
    expect(second.body).toContain("Article numéro 1<");
    expect(first.body).not.toContain("Article numéro 1<");
    const size = w.pageCache.size;
    for (const url of ["/actualites?page=2&utm_source=x", "/actualites?utm_source=x&page=2", "/actualites?n=7&page=2"]) {
      const res = await get(url);
      expect(res.headers["x-cache"], url).toBe("hit");
      expect(res.body, url).toBe(second.body);
    }
    expect((await get("/actualites?utm_source=x")).body).toBe(first.body);
    expect(w.pageCache.size).toBe(size);
  });

  it("give a search with a query its own (uncached) page, and the empty search form from the cache", async () => {
    w.pageCache.clear();
    const empty = await get("/recherche");
    expect(empty.headers["x-cache"]).toBe("miss");
    expect((await get("/recherche?utm_source=x")).headers["x-cache"]).toBe("hit");
    const size = w.pageCache.size;
    const found = await get("/recherche?q=march%C3%A9&utm_source=x");
    expect(found.statusCode).toBe(200);
    expect(found.headers["x-cache"]).toBeUndefined();
    expect(found.body).toContain("Le marché de Noël");
    expect(found.body).not.toBe(empty.body);
    const other = await get("/recherche?q=introuvablequelconque");
    expect(other.body).not.toContain("Le marché de Noël");
    expect(w.pageCache.size).toBe(size);
  });

  it("key API answers by their declared parameters: order and defaults do not matter, filters do", async () => {
    w.pageCache.clear();
    const all = await get("/api/v1/actualites");
    expect(all.statusCode).toBe(200);
    expect(all.headers["x-cache"]).toBe("miss");
    const size = w.pageCache.size;
    // par_page defaults to 20: the same answer, the same entry.
    const same = await get("/api/v1/actualites?par_page=20");
    expect(same.headers["x-cache"]).toBe("hit");
    expect(same.body).toBe(all.body);
    const filtered = await get(`/api/v1/actualites?theme=${themeSlug}&q=march%C3%A9`);
    expect(filtered.headers["x-cache"]).toBe("miss");
    expect(JSON.parse(filtered.body).data.map((a: { titre?: string; title?: string }) => a.titre ?? a.title)).toEqual(["Le marché de Noël"]);
    const reordered = await get(`/api/v1/actualites?q=march%C3%A9&theme=${themeSlug}`);
    expect(reordered.headers["x-cache"]).toBe("hit");
    expect(reordered.body).toBe(filtered.body);
    expect(w.pageCache.size).toBe(size + 1);
    // The answer does not depend on the order either: its next-page link is the same.
    const paged = await get(`/api/v1/actualites?theme=${themeSlug}&par_page=1`);
    const pagedReordered = await get(`/api/v1/actualites?par_page=1&theme=${themeSlug}`);
    expect(pagedReordered.headers["x-cache"]).toBe("hit");
    expect(JSON.parse(paged.body).pagination.suivant).toMatch(new RegExp(`/api/v1/actualites\\?theme=${themeSlug}&par_page=1&curseur=`));
    expect(w.pageCache.size).toBe(size + 2);
    // An unknown parameter is still refused by the closed API schema, and never stored.
    expect((await get("/api/v1/actualites?utm_source=x")).statusCode).toBe(400);
    expect(w.pageCache.size).toBe(size + 2);
  });
});

describe("invalidation", () => {
  it("drops the one entry every variant of a URL was served from", async () => {
    w.pageCache.clear();
    await get(`/themes/${themeSlug}?utm_source=x`);
    await get(`/themes/${themeSlug}?page=2&fbclid=1`);
    expect((await get(`/themes/${themeSlug}?n=3`)).headers["x-cache"]).toBe("hit");
    expect((await get(`/themes/${themeSlug}?page=2`)).headers["x-cache"]).toBe("hit");
    expect((await get("/api/v1/actualites?utm_source=x")).statusCode).toBe(400);
    await get("/api/v1/actualites");
    const theme = (await w.db.selectFrom("themes").select("id").where("slug", "=", themeSlug).executeTakeFirstOrThrow()).id;
    const fresh = await createArticle(w.db, { title: "Tout nouvel article du thème", themeIds: [theme] });
    expect((await get(`/themes/${themeSlug}?n=4`)).body).not.toContain("Tout nouvel article du thème");
    await invalidateContent(w.app.deps, { id: fresh.id, kind: "article" });
    for (const url of [`/themes/${themeSlug}?n=5`, `/themes/${themeSlug}`]) {
      const res = await get(url);
      expect(res.body, url).toContain("Tout nouvel article du thème");
    }
    const page2 = await get(`/themes/${themeSlug}?page=2&utm_campaign=y`);
    expect(page2.headers["x-cache"]).toBe("miss");
    const api = await get("/api/v1/actualites?par_page=20");
    expect(api.headers["x-cache"]).toBe("miss");
    expect(api.body).toContain("Tout nouvel article du thème");
  });
});

describe("PAGE_CACHE_ENTRIES=0 (the bench's cache-miss run)", () => {
  it("renders every request of the same page and stores nothing", async () => {
    const bare = await createTestWorld({ env: { PAGE_CACHE_ENTRIES: "0" } });
    try {
      await createSite(bare.db);
      const article = await createArticle(bare.db, { title: "Sans cache" });
      for (let i = 0; i < 3; i++) {
        const res = await bare.app.inject({ url: article.path });
        expect(res.statusCode).toBe(200);
        expect(res.headers["x-cache"]).toBe("miss");
        expect(res.body).toContain("Sans cache");
      }
      expect(bare.pageCache.size).toBe(0);
    } finally {
      await bare.close();
    }
  });
});
