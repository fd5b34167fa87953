// sitemap.xml and robots.txt through HTTP: the documents are checked against the sitemaps.org
// 0.9 rules with a real XML parser, and every address they list is requested from the app.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAction, createArticle, createNeighbourhood, createPage, createSite, createTheme } from "../../../test/factories.js";
import { createTestWorld, type TestWorld } from "../../../test/helpers.js";
import { createStaff } from "../../../test/staff.js";
import { buildApp } from "../../app.js";
import { MODULES } from "../../modules.js";
import { POLICY_TAGS } from "../policy/index.js";
import { createSitemapModule } from "./manifest.js";
import { MAX_LOC_LENGTH, SITEMAP_NAMESPACE, xmlEscape } from "./xml.js";

const PUBLIC_URL = "https://portail.test";
// W3C Datetime (https://www.w3.org/TR/NOTE-datetime): year, month, day, then time with a zone.
const W3C_DATE = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;
const PROTOCOL_MAX_URLS = 50_000;

const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => name === "url" || name === "sitemap" });

interface Entry {
  loc: string;
  lastmod?: string;
}

/** Parses a sitemap document and checks every protocol rule that does not depend on the app. */
function parseDocument(body: string, root: "urlset" | "sitemapindex"): Entry[] {
  expect(XMLValidator.validate(body)).toBe(true);
  expect(body.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  const doc = parser.parse(body) as Record<string, Record<string, unknown>>;
  const top = doc[root];
  expect(top, `<${root}> root`).toBeDefined();
  expect(top?.["@_xmlns"]).toBe(SITEMAP_NAMESPACE);
  const entries = (top?.[root === "urlset" ? "url" : "sitemap"] ?? []) as Entry[];
  expect(entries.length).toBeLessThanOrEqual(PROTOCOL_MAX_URLS);
  for (const e of entries) {
    expect(Object.keys(e).every((k) => ["loc", "lastmod", "changefreq", "priority"].includes(k))).toBe(true);
    expect(e.loc.startsWith(`${PUBLIC_URL}/`)).toBe(true);
    expect(e.loc.length).toBeLessThanOrEqual(MAX_LOC_LENGTH);
    expect(() => new URL(e.loc)).not.toThrow();
    expect(new URL(e.loc).href).toBe(e.loc); // already percent-encoded
    if (e.lastmod !== undefined) expect(e.lastmod).toMatch(W3C_DATE);
  }
  // Text is escaped: the raw document has no bare "&" (the parser would have decoded it).
  expect(body).not.toMatch(/&(?!(amp|lt|gt|apos|quot);)/);
  return entries;
}

const pathOf = (loc: string) => loc.slice(PUBLIC_URL.length);

async function getSitemap(app: FastifyInstance): Promise<Entry[]> {
  const res = await app.inject({ url: "/sitemap.xml" });
  expect(res.statusCode).toBe(200);
  expect(res.headers["content-type"]).toBe("application/xml; charset=utf-8");
  return parseDocument(res.body, "urlset");
}

/** The robots.txt rules for every crawler, matched as Google does: prefix, "*" any run, "$" the end. */
function disallowedBy(robots: string, path: string): boolean {
  return robots
    .split("\n")
    .filter((l) => l.startsWith("Disallow: "))
    .map((l) => l.slice("Disallow: ".length).trim())
    .some((rule) => {
      const anchored = rule.endsWith("$");
      const pattern = (anchored ? rule.slice(0, -1) : rule)
        .split("*")
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
        .join(".*");
      return new RegExp(`^${pattern}${anchored ? "$" : ""}`).test(path);
    });
}

let w: TestWorld;
const fixture = {} as {
  themeSlug: string;
  quartierSlug: string;
  qpvSlug: string;
  article: { path: string };
  page: { path: string };
  child: { path: string };
  hidden: { path: string; status: string }[];
  actionSlugs: string[];
};

beforeAll(async () => {
  w = await createTestWorld({ publicUrl: PUBLIC_URL });
  await createSite(w.db);
  const theme = await createTheme(w.db);
  const quartier = await createNeighbourhood(w.db);
  const qpv = await createNeighbourhood(w.db, { kind: "qpv", code: `QN0${Math.floor(Math.random() * 1e5)}` });
  const article = await createArticle(w.db, { themeIds: [theme.id], neighbourhoodIds: [quartier.id] });
  const page = await createPage(w.db);
  const child = await createPage(w.db, {
    parent: { id: (await w.db.selectFrom("content_items").select("id").where("path", "=", page.path).executeTakeFirstOrThrow()).id, path: page.path },
  });
  const hidden = [];
  for (const status of ["draft", "review", "unpublished", "archived"] as const) hidden.push({ ...(await createArticle(w.db, { status })), status });
  const scheduled = await createArticle(w.db, { status: "scheduled", publishedAt: null });
  await w.db
    .updateTable("content_items")
    .set({ scheduled_at: new Date(Date.now() + 86_400_000) })
    .where("path", "=", scheduled.path)
    .execute();
  hidden.push({ ...scheduled, status: "scheduled" });
  // "published" with a date still to come: not visible yet.
  hidden.push({ ...(await createArticle(w.db, { publishedAt: new Date(Date.now() + 86_400_000) })), status: "future" });
  hidden.push({ ...(await createPage(w.db, { status: "draft" })), status: "draft page" });
  const actions = [];
  for (let i = 0; i < 3; i++) actions.push(await createAction(w.db, { neighbourhoodIds: [qpv.id] }));
  Object.assign(fixture, {
    themeSlug: theme.slug,
    quartierSlug: quartier.slug,
    qpvSlug: qpv.slug,
    article,
    page,
    child,
    hidden,
    actionSlugs: actions.map((a) => a.slug),
  });
});
afterAll(async () => w?.close());

describe("sitemap.xml", () => {
  it("is a valid sitemaps.org urlset listing every kind of public page", async () => {
    const paths = (await getSitemap(w.app)).map((e) => pathOf(e.loc));
    expect(new Set(paths).size).toBe(paths.length);
    for (const p of [
      "/",
      "/actualites",
      "/themes",
      `/themes/${fixture.themeSlug}`,
      "/quartiers",
      `/quartiers/${fixture.quartierSlug}`,
      `/quartiers/${fixture.qpvSlug}`,
      "/plan-du-site",
      fixture.article.path,
      fixture.page.path,
      fixture.child.path,
      "/politique-de-la-ville",
      "/politique-de-la-ville/actions",
      "/politique-de-la-ville/adresse",
      ...fixture.actionSlugs.map((s) => `/politique-de-la-ville/actions/${s}`),
      "/donnees",
      "/donnees/api",
    ]) {
      expect(paths, p).toContain(p);
    }
  });

  it("dates items, actions and the lists they change with", async () => {
    const entries = await getSitemap(w.app);
    const lastmod = (p: string) => entries.find((e) => pathOf(e.loc) === p)?.lastmod;
    const article = await w.db
      .selectFrom("content_items")
      .select(["updated_at", "published_at"])
      .where("path", "=", fixture.article.path)
      .executeTakeFirstOrThrow();
    const expected = Math.max(article.updated_at.getTime(), article.published_at?.getTime() ?? 0);
    expect(Date.parse(lastmod(fixture.article.path) ?? "")).toBe(Math.floor(expected / 1000) * 1000);
    expect(lastmod(`/themes/${fixture.themeSlug}`)).toBe(lastmod(fixture.article.path));
    const action = await w.db
      .selectFrom("actions")
      .select("updated_at")
      .where("slug", "=", fixture.actionSlugs[0] ?? "")
      .executeTakeFirstOrThrow();
    expect(Date.parse(lastmod(`/politique-de-la-ville/actions/${fixture.actionSlugs[0]}`) ?? "")).toBe(Math.floor(action.updated_at.getTime() / 1000) * 1000);
    expect(lastmod("/politique-de-la-ville/actions")).toBeDefined();
    expect(lastmod("/actualites")).toBeDefined();
  });

  it("lists nothing private: no back office, account, preview, draft or scheduled item", async () => {
    const paths = (await getSitemap(w.app)).map((e) => pathOf(e.loc));
    for (const p of paths) expect(p).not.toMatch(/^\/(admin|compte|apercu|dev)(\/|$)/);
    for (const h of fixture.hidden) expect(paths, h.status).not.toContain(h.path);
  });

  it("lists only addresses that answer 200", async () => {
    const entries = await getSitemap(w.app);
    expect(entries.length).toBeGreaterThan(15);
    for (const e of entries) {
      const res = await w.app.inject({ url: pathOf(e.loc) });
      expect(res.statusCode, e.loc).toBe(200);
    }
  });

  it("is served from the page cache with an ETag, and 304 when unchanged", async () => {
    const first = await w.app.inject({ url: "/sitemap.xml" });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"/);
    const again = await w.app.inject({ url: "/sitemap.xml" });
    expect(again.headers["x-cache"]).toBe("hit");
    expect(again.body).toBe(first.body);
    const notModified = await w.app.inject({ url: "/sitemap.xml", headers: { "if-none-match": etag } });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.body).toBe("");
  });

  it("gains an article the moment an editor publishes it (content's change drops the cached sitemap)", async () => {
    const draft = await createArticle(w.db, { status: "draft" });
    await w.app.inject({ url: "/sitemap.xml" }); // cached without it
    expect((await w.app.inject({ url: "/sitemap.xml" })).headers["x-cache"]).toBe("hit");
    const editor = await createStaff(w, "editor");
    expect((await editor.agent.send(`/admin/contenus/${draft.id}/publier`)).statusCode).toBe(303);
    const res = await w.app.inject({ url: "/sitemap.xml" });
    expect(res.headers["x-cache"]).toBe("miss");
    expect(parseDocument(res.body, "urlset").map((e) => pathOf(e.loc))).toContain(draft.path);
  });

  it("gains a new action when the Politique de la Ville back office drops its pages", async () => {
    await w.app.inject({ url: "/sitemap.xml" });
    const action = await createAction(w.db);
    w.pageCache.invalidateTags(POLICY_TAGS); // what every policy write does (admin/service-common.ts)
    expect((await getSitemap(w.app)).map((e) => pathOf(e.loc))).toContain(`/politique-de-la-ville/actions/${action.slug}`);
  });

  it("has no numbered parts while one file holds every address", async () => {
    expect((await w.app.inject({ url: "/sitemap-1.xml" })).statusCode).toBe(404);
  });

  it("escapes the five XML characters", () => {
    expect(xmlEscape(`a&b<c>d'e"f`)).toBe("a&amp;b&lt;c&gt;d&apos;e&quot;f");
  });
});

describe("sitemap index past the per-file limit", () => {
  const PER_FILE = 7;
  let app: FastifyInstance;
  beforeAll(async () => {
    const modules = MODULES.map((m) => (m.name === "sitemap" ? createSitemapModule({ urlsPerFile: PER_FILE }) : m));
    app = await buildApp({ config: w.config, db: w.db, now: () => w.clock.now, modules, loadShedding: false });
    await app.ready();
  });
  afterAll(async () => app?.close());

  it("becomes an index of numbered urlsets that together list every address once", async () => {
    const all = (await getSitemap(w.app)).map((e) => e.loc);
    expect(all.length).toBeGreaterThan(PER_FILE * 2);
    const res = await app.inject({ url: "/sitemap.xml" });
    expect(res.statusCode).toBe(200);
    const children = parseDocument(res.body, "sitemapindex");
    expect(children.map((c) => c.loc)).toEqual(Array.from({ length: Math.ceil(all.length / PER_FILE) }, (_, i) => `${PUBLIC_URL}/sitemap-${i + 1}.xml`));
    const listed: string[] = [];
    for (const child of children) {
      const part = await app.inject({ url: pathOf(child.loc) });
      expect(part.statusCode, child.loc).toBe(200);
      const entries = parseDocument(part.body, "urlset");
      expect(entries.length).toBeGreaterThan(0);
      expect(entries.length).toBeLessThanOrEqual(PER_FILE);
      // A child's date is that of its newest address.
      const dates = entries.flatMap((e) => (e.lastmod ? [Date.parse(e.lastmod)] : []));
      if (dates.length > 0) expect(Date.parse(child.lastmod ?? "")).toBe(Math.max(...dates));
      listed.push(...entries.map((e) => e.loc));
    }
    expect(listed).toEqual(all);
    expect((await app.inject({ url: `/sitemap-${children.length + 1}.xml` })).statusCode).toBe(404);
    expect((await app.inject({ url: "/sitemap-0.xml" })).statusCode).toBeGreaterThanOrEqual(400);
  });

  it("serves the parts with an ETag and 304", async () => {
    const first = await app.inject({ url: "/sitemap-2.xml" });
    const etag = first.headers.etag as string;
    expect((await app.inject({ url: "/sitemap-2.xml", headers: { "if-none-match": etag } })).statusCode).toBe(304);
  });
});

describe("robots.txt", () => {
  it("points to the sitemap and keeps crawlers out of the back office, accounts and previews", async () => {
    const res = await w.app.inject({ url: "/robots.txt" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/plain; charset=utf-8");
    const robots = res.body;
    expect(robots).toContain("User-agent: *\n");
    expect(robots).toContain(`\nSitemap: ${PUBLIC_URL}/sitemap.xml\n`);
    for (const p of ["/admin", "/admin/contenus", "/compte", "/compte/connexion", "/apercu/abc"]) expect(disallowedBy(robots, p), p).toBe(true);
    // A public page whose name merely starts like them stays open.
    for (const p of ["/administration", "/comptes-rendus", "/"]) expect(disallowedBy(robots, p), p).toBe(false);
  });

  it("allows every address the sitemap lists", async () => {
    const robots = (await w.app.inject({ url: "/robots.txt" })).body;
    for (const e of await getSitemap(w.app)) expect(disallowedBy(robots, pathOf(e.loc)), e.loc).toBe(false);
  });
});
