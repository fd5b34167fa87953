// HTTP behaviour of the public site: cookies, caching, ETags, security headers,
// compression, static assets, errors, and cache invalidation after a content change.
import zlib from "node:zlib";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invalidateContent } from "../src/modules/content/index.js";
import { createArticle, createImage, createSite, createTheme } from "./factories.js";
import { createTestWorld, type TestWorld } from "./helpers.js";

let w: TestWorld;
let articlePath: string;
beforeAll(async () => {
  w = await createTestWorld();
  await createSite(w.db);
  const theme = await createTheme(w.db);
  const hero = await createImage(w.db, `${w.dataDir}/media`);
  articlePath = (await createArticle(w.db, { themeIds: [theme.id], heroMediaId: hero, body: `<p>${"Texte long. ".repeat(200)}</p>` })).path;
  await createArticle(w.db, { themeIds: [theme.id] });
});
afterAll(async () => w?.close());

const publicUrls = () => ["/", "/actualites", articlePath, "/themes", "/quartiers", "/plan-du-site", "/recherche?q=texte", "/page-inexistante"];

describe("anonymous pages", () => {
  it("set no cookie", async () => {
    for (const url of publicUrls()) {
      const res = await w.app.inject({ url });
      expect(res.headers["set-cookie"], url).toBeUndefined();
    }
  });

  it("are cacheable by a CDN, carry a weak ETag and answer 304 to a matching If-None-Match", async () => {
    const first = await w.app.inject({ url: articlePath });
    expect(first.headers["cache-control"]).toMatch(/^public, max-age=\d+/);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/".+"$/);
    const second = await w.app.inject({ url: articlePath, headers: { "if-none-match": etag } });
    expect(second.statusCode).toBe(304);
    expect(second.body).toBe("");
    const other = await w.app.inject({ url: articlePath, headers: { "if-none-match": 'W/"autre"' } });
    expect(other.statusCode).toBe(200);
  });

  it("are served from the in-memory cache on the second request", async () => {
    w.pageCache.clear();
    expect((await w.app.inject({ url: "/themes" })).headers["x-cache"]).toBe("miss");
    expect((await w.app.inject({ url: "/themes" })).headers["x-cache"]).toBe("hit");
  });

  it("are never cached when the request is personalised (session cookie)", async () => {
    w.pageCache.clear();
    const res = await w.app.inject({ url: "/actualites", headers: { cookie: "portail_session=abc" } });
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("private, no-store");
    expect(res.headers.etag).toBeUndefined();
    expect(w.pageCache.size).toBe(0);
    // and a personalised request never receives a page from the anonymous cache
    await w.app.inject({ url: "/actualites" });
    const again = await w.app.inject({ url: "/actualites", headers: { cookie: "a=1; portail_session=abc" } });
    expect(again.headers["x-cache"]).toBeUndefined();
  });
});

describe("security headers", () => {
  it("send a strict CSP with no inline script allowed, and serve a cached page as the same bytes", async () => {
    const bodies: string[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await w.app.inject({ url: articlePath }); // second one is a cache hit
      const csp = res.headers["content-security-policy"] as string;
      expect(csp).toContain("default-src 'self'");
      expect(csp).toMatch(/script-src 'self'(;|$)/); // no nonce, no hash, no unsafe-inline: only our files
      expect(csp).toMatch(/style-src 'self'(;|$)/);
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain("unsafe-inline");
      expect(csp).not.toContain("nonce-");
      // Every script is a file from our origin or a JSON-LD data block (never executed).
      const scripts = [...res.body.matchAll(/<script([^>]*)>/g)].map((m) => m[1]!);
      expect(scripts.length).toBeGreaterThanOrEqual(2);
      for (const attrs of scripts) expect(/\ssrc="\/static\/[^"]+\.js"/.test(attrs) || /type="application\/ld\+json"/.test(attrs), attrs).toBe(true);
      expect(res.body).not.toMatch(/\son[a-z]+=/i);
      expect(res.body).not.toMatch(/\sstyle=/i);
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(res.headers["x-powered-by"]).toBeUndefined();
      bodies.push(res.body);
    }
    expect(bodies[1]).toBe(bodies[0]);
  });

  it("loads nothing from a third-party origin", async () => {
    const res = await w.app.inject({ url: articlePath });
    const sources = [...res.body.matchAll(/<(?:script|link|img|source|iframe)[^>]+(?:src|href|srcset)="([^"]+)"/g)].map((m) => m[1]!);
    for (const s of sources) expect(s.startsWith("/") || s.startsWith("https://portail.test/"), s).toBe(true);
  });
});

describe("compression and assets", () => {
  it("compresses HTML with brotli or gzip as the client accepts", async () => {
    const br = await w.app.inject({ url: articlePath, headers: { "accept-encoding": "br" } });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toContain("<!doctype html>");
    const gz = await w.app.inject({ url: articlePath, headers: { "accept-encoding": "gzip" } });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toContain("<!doctype html>");
  });

  it("serves hashed static assets with a one-year immutable cache", async () => {
    const page = await w.app.inject({ url: "/" });
    const js = /<script src="(\/static\/app\.[0-9a-f]{12}\.js)"/.exec(page.body)?.[1];
    const css = /<link rel="stylesheet" href="(\/static\/app\.[0-9a-f]{12}\.css)"/.exec(page.body)?.[1];
    for (const url of [js, css]) {
      expect(url).toBeTruthy();
      const res = await w.app.inject({ url: url! });
      expect(res.statusCode).toBe(200);
      expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    }
    expect((await w.app.inject({ url: "/static/app.000000000000.js" })).statusCode).toBe(404);
  });

  it("serves media variants as images with nosniff and a sandbox CSP, and refuses other names", async () => {
    const page = await w.app.inject({ url: articlePath });
    const src = /<img src="(\/medias\/[^"]+\.jpg)"/.exec(page.body)?.[1];
    expect(src).toBeTruthy();
    const res = await w.app.inject({ url: src! });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("image/jpeg");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["content-security-policy"]).toContain("sandbox");
    for (const bad of ["/medias/..%2F..%2Fetc%2Fpasswd", "/medias/x.svg", "/medias/abcdefgh-12.html"]) {
      expect((await w.app.inject({ url: bad })).statusCode).toBe(404);
    }
  });
});

describe("cache invalidation", () => {
  it("shows a newly published article on cached lists once invalidateContent is called", async () => {
    const theme = await createTheme(w.db);
    await createArticle(w.db, { themeIds: [theme.id] });
    const before = await w.app.inject({ url: `/themes/${theme.slug}` });
    const home = await w.app.inject({ url: "/" });
    expect(home.statusCode).toBe(200);
    const fresh = await createArticle(w.db, { title: "Tout nouvel article", themeIds: [theme.id] });
    // Still the cached page: nothing told the cache yet.
    const stale = await w.app.inject({ url: `/themes/${theme.slug}` });
    expect(stale.headers["x-cache"]).toBe("hit");
    expect(stale.body).not.toContain("Tout nouvel article");
    const dropped = await invalidateContent(w.app.deps, { id: fresh.id, kind: "article" });
    expect(dropped).toBeGreaterThanOrEqual(2);
    const after = await w.app.inject({ url: `/themes/${theme.slug}` });
    expect(after.body).toContain("Tout nouvel article");
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect((await w.app.inject({ url: "/" })).body).toContain("Tout nouvel article");
  });

  it("refreshes the Lire aussi block of a neighbour that now ranks the changed item", async () => {
    const theme = await createTheme(w.db);
    const neighbour = await createArticle(w.db, { themeIds: [theme.id] });
    await w.app.inject({ url: neighbour.path });
    const fresh = await createArticle(w.db, { title: "Voisin tout frais", themeIds: [theme.id] });
    await invalidateContent(w.app.deps, { id: fresh.id, kind: "article" });
    const res = await w.app.inject({ url: neighbour.path });
    expect(res.headers["x-cache"]).toBe("miss");
    expect(res.body).toContain("Voisin tout frais");
  });
});

describe("errors", () => {
  it("answers JSON problems to API clients", async () => {
    const res = await w.app.inject({ url: "/nulle-part", headers: { accept: "application/json" } });
    expect(res.statusCode).toBe(404);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json()).toMatchObject({ status: 404, title: "Page introuvable" });
  });

  it("renders a French 500 page without any stack trace when the database fails", async () => {
    const broken = await createTestWorld();
    try {
      await createSite(broken.db);
      const a = await createArticle(broken.db);
      await sql`drop table content_related`.execute(broken.db);
      const res = await broken.app.inject({ url: a.path });
      expect(res.statusCode).toBe(500);
      expect(res.body).toContain("Erreur du serveur");
      expect(res.body).toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/); // the error id to quote
      expect(res.body).not.toMatch(/at .*\.ts:\d+|content_related|relation/);
      expect(res.headers["cache-control"]).toBe("private, no-store");
    } finally {
      await broken.close();
    }
  });
});
