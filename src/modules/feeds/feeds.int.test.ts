// The RSS 2.0 and Atom 1.0 feeds, read with a real XML parser (fast-xml-parser: XMLValidator
// for well-formedness, XMLParser for the content) and checked item by item against the data
// this file creates; the page cache with ETag/304; the <link rel="alternate"> of the pages.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAction, createArticle, createImage, createNeighbourhood, createPage, createSite, createTheme } from "../../../test/factories.js";
import { createTestWorld, type TestWorld } from "../../../test/helpers.js";

const BASE = "https://portail.test";
const TAG = "tag:portail.test,2026:";
const HOUR = 3600_000;

let w: TestWorld;
const now = new Date();
const ago = (hours: number) => new Date(now.getTime() - hours * HOUR);

// What the tests created and expect to see (or not).
const made = {} as {
  themeA: { id: number; slug: string; name: string };
  themeB: { id: number; slug: string; name: string };
  placeX: { id: number; slug: string; name: string };
  placeY: { id: number; slug: string; name: string };
  escaped: { id: number; path: string; title: string };
  older: { id: number; path: string; title: string };
  newest: { id: number; path: string; title: string };
  hidden: string[];
  running: { slug: string; title: string };
  finished: { slug: string; title: string };
};
const ESCAPED_TITLE = `Fête <du> quartier & "cie" à l’école`;
const STANDFIRST = "La fête revient, avec des ateliers & un goûter.";

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  isArray: (name) => ["item", "entry", "category", "link"].includes(name),
});

interface RssItem {
  title: string;
  link: string[];
  guid: { "#text": string; "@_isPermaLink": string };
  pubDate: string;
  description?: string;
  category?: string[];
  enclosure?: { "@_url": string; "@_length": string; "@_type": string };
}
interface AtomLink {
  "@_rel": string;
  "@_href": string;
  "@_type"?: string;
  "@_length"?: string;
}
interface AtomEntry {
  id: string;
  title: { "#text": string };
  link: AtomLink[];
  published: string;
  updated: string;
  summary?: { "#text": string };
  category?: Array<{ "@_term": string }>;
}

async function fetchFeed(url: string, type: "rss" | "atom") {
  const res = await w.app.inject({ url });
  expect(res.statusCode, url).toBe(200);
  expect(res.headers["content-type"]).toBe(type === "rss" ? "application/rss+xml; charset=utf-8" : "application/atom+xml; charset=utf-8");
  expect(XMLValidator.validate(res.body), url).toBe(true);
  return { res, doc: parser.parse(res.body) };
}

async function rss(url: string) {
  const { res, doc } = await fetchFeed(url, "rss");
  const channel = doc.rss.channel;
  expect(doc.rss["@_version"]).toBe("2.0");
  return { res, channel, items: (channel.item ?? []) as RssItem[] };
}

async function atom(url: string) {
  const { res, doc } = await fetchFeed(url, "atom");
  expect(doc.feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
  return { res, feed: doc.feed, entries: (doc.feed.entry ?? []) as AtomEntry[] };
}

const linkOf = (entry: { link: AtomLink[] }, rel: string) => entry.link.find((l) => l["@_rel"] === rel);

/** The path of an absolute URL of this site (fails when the URL is not absolute and ours). */
function localPath(url: string): string {
  expect(url.startsWith(`${BASE}/`), url).toBe(true);
  return url.slice(BASE.length);
}

beforeAll(async () => {
  w = await createTestWorld({ now });
  const db = w.db;
  await createSite(db, { site_name: "Ville d’Exemple" });
  made.themeA = await createTheme(db, { name: "Solidarité & entraide" });
  made.themeB = await createTheme(db);
  made.placeX = await createNeighbourhood(db);
  made.placeY = await createNeighbourhood(db);
  const image = await createImage(db, w.app.deps.mediaDir);
  made.escaped = await createArticle(db, {
    title: ESCAPED_TITLE,
    standfirst: STANDFIRST,
    publishedAt: ago(24),
    themeIds: [made.themeA.id, made.themeB.id],
    neighbourhoodIds: [made.placeX.id],
    heroMediaId: image,
  });
  made.older = await createArticle(db, { publishedAt: ago(48), themeIds: [made.themeB.id], neighbourhoodIds: [made.placeY.id] });
  made.newest = await createArticle(db, { publishedAt: ago(3), themeIds: [made.themeA.id] });
  // Never in a feed: a draft, an article in review, one scheduled, one published with a future
  // date, an unpublished one, and a page (feeds carry news).
  const hidden = [
    await createArticle(db, { status: "draft", title: "Brouillon secret", themeIds: [made.themeA.id], neighbourhoodIds: [made.placeX.id] }),
    await createArticle(db, { status: "review", title: "En relecture", themeIds: [made.themeA.id] }),
    await createArticle(db, { status: "scheduled", title: "Programmé pour demain", publishedAt: null, themeIds: [made.themeA.id] }),
    await createArticle(db, {
      status: "published",
      title: "Publié dans le futur",
      publishedAt: new Date(now.getTime() + 24 * HOUR),
      themeIds: [made.themeA.id],
    }),
    await createArticle(db, { status: "unpublished", title: "Dépublié", publishedAt: ago(5), themeIds: [made.themeA.id] }),
    await createPage(db, { title: "Une page institutionnelle", themeIds: [made.themeA.id], neighbourhoodIds: [made.placeX.id] }),
  ];
  made.hidden = hidden.map((h) => h.title);
  made.running = await createAction(db, { title: "Jardins partagés", status: "in_progress", neighbourhoodIds: [made.placeX.id] });
  made.finished = await createAction(db, {
    title: "Local associatif",
    status: "completed",
    milestones: [
      { date: "2025-05-12", title: "Ouverture du local", done: true },
      { date: "2025-09-01", title: "Premier bilan annuel", done: false },
    ],
  });
});

afterAll(async () => {
  await w?.close();
});

describe("news feed, RSS 2.0", () => {
  it("lists the published articles, newest first, with absolute links, tag guids, dates, themes and the card image", async () => {
    const { channel, items } = await rss("/actualites/flux.xml");
    expect(channel.title).toBe("Actualités – Ville d’Exemple");
    expect(channel.link).toEqual([`${BASE}/actualites`]);
    expect(channel.language).toBe("fr");
    expect(channel["atom:link"]).toEqual({ "@_href": `${BASE}/actualites/flux.xml`, "@_rel": "self", "@_type": "application/rss+xml" });
    expect(items.map((i) => i.title)).toEqual([made.newest.title, ESCAPED_TITLE, made.older.title]);
    for (const hidden of made.hidden) expect(items.some((i) => i.title === hidden)).toBe(false);

    const guids = items.map((i) => i.guid["#text"]);
    expect(new Set(guids).size).toBe(items.length);
    expect(guids).toEqual([made.newest, made.escaped, made.older].map((a) => `${TAG}contenu:${a.id}`));
    for (const item of items) {
      expect(item.guid["@_isPermaLink"]).toBe("false");
      // RFC 822 as RFC 1123 writes it, in GMT
      expect(item.pubDate).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/);
      const page = await w.app.inject({ url: localPath(item.link[0] ?? "") });
      expect(page.statusCode, item.link[0]).toBe(200);
      // the item is the page the link opens
      expect(page.body).toContain(`<link rel="canonical" href="${item.link[0]}"/>`);
    }

    const [, fete] = items;
    expect(fete?.link).toEqual([`${BASE}${made.escaped.path}`]);
    expect(new Date(fete?.pubDate ?? "").getTime()).toBe(Math.floor(ago(24).getTime() / 1000) * 1000);
    expect(fete?.description).toBe(STANDFIRST);
    expect(fete?.category).toEqual([made.themeA.name, made.themeB.name]);
    const enclosure = fete?.enclosure;
    expect(enclosure?.["@_type"]).toBe("image/jpeg");
    const image = await w.app.inject({ url: localPath(enclosure?.["@_url"] ?? "") });
    expect(image.statusCode).toBe(200);
    expect(image.headers["content-type"]).toBe("image/jpeg");
    expect(Number(enclosure?.["@_length"])).toBeGreaterThan(0);
    expect(Number(enclosure?.["@_length"])).toBe(image.rawPayload.length);
    expect(items[0]?.enclosure).toBeUndefined();
  });

  it("escapes XML's special characters in text and attributes", async () => {
    const { res } = await rss("/actualites/flux.xml");
    expect(res.body).toContain('<title>Fête &lt;du&gt; quartier &amp; "cie" à l’école</title>');
    expect(res.body).toContain("<category>Solidarité &amp; entraide</category>");
    expect(res.body).not.toContain("<du>");
  });

  it("/flux.xml and /flux.atom lead to the news feeds", async () => {
    for (const [from, to] of [
      ["/flux.xml", "/actualites/flux.xml"],
      ["/flux.atom", "/actualites/flux.atom"],
    ]) {
      const res = await w.app.inject({ url: from });
      expect(res.statusCode).toBe(301);
      expect(res.headers.location).toBe(to);
    }
  });
});

describe("news feed, Atom 1.0", () => {
  it("has the same entries as the RSS feed, with RFC 3339 dates, links and enclosures", async () => {
    const { feed, entries } = await atom("/actualites/flux.atom");
    const { items } = await rss("/actualites/flux.xml");
    expect(feed.id).toBe(`${TAG}actualites`);
    expect(feed.title["#text"]).toBe("Actualités – Ville d’Exemple");
    expect(feed.author.name).toBe("Ville d’Exemple");
    expect(linkOf(feed, "self")?.["@_href"]).toBe(`${BASE}/actualites/flux.atom`);
    expect(linkOf(feed, "alternate")?.["@_href"]).toBe(`${BASE}/actualites`);
    const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
    expect(feed.updated).toMatch(rfc3339);
    expect(entries.map((e) => e.id)).toEqual(items.map((i) => i.guid["#text"]));
    expect(entries.map((e) => e.title["#text"])).toEqual(items.map((i) => i.title));
    for (const e of entries) {
      expect(e.published).toMatch(rfc3339);
      expect(e.updated).toMatch(rfc3339);
      expect(new Date(e.updated).getTime()).toBeGreaterThanOrEqual(new Date(e.published).getTime());
      expect(linkOf(e, "alternate")?.["@_href"]).toMatch(/^https:\/\/portail\.test\/actualites\//);
    }
    const fete = entries[1];
    expect(fete?.summary?.["#text"]).toBe(STANDFIRST);
    expect(fete?.category?.map((c) => c["@_term"])).toEqual([made.themeA.name, made.themeB.name]);
    const enclosure = fete ? linkOf(fete, "enclosure") : undefined;
    expect(enclosure?.["@_type"]).toBe("image/jpeg");
    expect(enclosure?.["@_href"]).toBe(items[1]?.enclosure?.["@_url"]);
    expect(enclosure?.["@_length"]).toBe(items[1]?.enclosure?.["@_length"]);
  });
});

describe("feeds of a theme and of a quartier", () => {
  it("keep the articles of that theme or quartier only", async () => {
    const theme = await rss(`/themes/${made.themeA.slug}/flux.xml`);
    expect(theme.items.map((i) => i.title)).toEqual([made.newest.title, ESCAPED_TITLE]);
    expect(theme.channel.link).toEqual([`${BASE}/themes/${made.themeA.slug}`]);
    expect(theme.channel.title).toBe(`${made.themeA.name} – Ville d’Exemple`);
    const themeAtom = await atom(`/themes/${made.themeB.slug}/flux.atom`);
    expect(themeAtom.entries.map((e) => e.title["#text"])).toEqual([ESCAPED_TITLE, made.older.title]);

    const place = await atom(`/quartiers/${made.placeX.slug}/flux.atom`);
    expect(place.entries.map((e) => e.title["#text"])).toEqual([ESCAPED_TITLE]);
    expect(linkOf(place.feed, "alternate")?.["@_href"]).toBe(`${BASE}/quartiers/${made.placeX.slug}`);
    const other = await rss(`/quartiers/${made.placeY.slug}/flux.xml`);
    expect(other.items.map((i) => i.title)).toEqual([made.older.title]);
  });

  it("answer 404 for an unknown theme or quartier", async () => {
    for (const url of ["/themes/inconnu/flux.xml", "/themes/inconnu/flux.atom", "/quartiers/inconnu/flux.xml", "/quartiers/Nope%20x/flux.atom"]) {
      expect((await w.app.inject({ url })).statusCode, url).toBe(404);
    }
  });

  it("stay valid and empty for a quartier without news", async () => {
    const empty = await createNeighbourhood(w.db);
    const { items } = await rss(`/quartiers/${empty.slug}/flux.xml`);
    expect(items).toEqual([]);
    const { entries, feed } = await atom(`/quartiers/${empty.slug}/flux.atom`);
    expect(entries).toEqual([]);
    expect(feed.updated).toMatch(/Z$/);
  });
});

describe("Politique de la Ville feed", () => {
  it("shows each action with its status and the milestones done, never one not done", async () => {
    const { items } = await rss("/politique-de-la-ville/flux.xml");
    const titles = items.map((i) => i.title);
    expect(titles).toContain(`${made.running.title} : en cours`);
    expect(titles).toContain(`${made.finished.title} : terminée`);
    expect(titles).toContain(`Étape franchie : Ouverture du local (${made.finished.title})`);
    expect(titles.some((t) => t.includes("Premier bilan annuel"))).toBe(false);
    const milestone = items.find((i) => i.title.startsWith("Étape franchie"));
    expect(milestone?.link).toEqual([`${BASE}/politique-de-la-ville/actions/${made.finished.slug}`]);
    expect(new Date(milestone?.pubDate ?? "").toISOString()).toBe("2025-05-12T00:00:00.000Z");
    expect(milestone?.description).toContain("12 mai 2025");
    expect(new Set(items.map((i) => i.guid["#text"])).size).toBe(items.length);
    for (const item of items) {
      expect((await w.app.inject({ url: localPath(item.link[0] ?? "") })).statusCode).toBe(200);
    }
    const { entries } = await atom("/politique-de-la-ville/flux.atom");
    expect(entries.map((e) => e.id)).toEqual(items.map((i) => i.guid["#text"]));
  });
});

describe("page cache", () => {
  it("serves a feed from the cache with an ETag, 304 when it did not change, fresh after a content change", async () => {
    const first = await w.app.inject({ url: "/actualites/flux.xml" });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"/);
    expect(first.headers["cache-control"]).toContain("public");
    const again = await w.app.inject({ url: "/actualites/flux.xml", headers: { "if-none-match": etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
    // A cache buster is not a new entry: the same bytes, the same tag.
    const busted = await w.app.inject({ url: "/actualites/flux.xml?x=1" });
    expect(busted.headers.etag).toBe(etag);
    const head = await w.app.inject({ method: "HEAD", url: "/actualites/flux.xml" });
    expect(head.statusCode).toBe(200);
    expect(head.headers["content-type"]).toBe("application/rss+xml; charset=utf-8");
    expect(head.headers.etag).toBe(etag);

    // Written behind the cache's back: not seen until the content module's tags are dropped.
    const fresh = await createArticle(w.db, { title: "Toute fraîche", publishedAt: ago(1) });
    expect((await w.app.inject({ url: "/actualites/flux.xml" })).body).not.toContain("Toute fraîche");
    w.pageCache.invalidateTags(["feeds", `content:${fresh.id}`, "list:articles"]);
    const after = await w.app.inject({ url: "/actualites/flux.xml", headers: { "if-none-match": etag } });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.body).toContain("Toute fraîche");
  });

  it("drops the Politique de la Ville feed with the policy tag", async () => {
    const before = await w.app.inject({ url: "/politique-de-la-ville/flux.atom" });
    await createAction(w.db, { title: "Nouvelle action", status: "planned" });
    w.pageCache.invalidateTags(["policy"]);
    const after = await w.app.inject({ url: "/politique-de-la-ville/flux.atom", headers: { "if-none-match": before.headers.etag as string } });
    expect(after.statusCode).toBe(200);
    expect(after.body).toContain("Nouvelle action : à venir");
  });
});

describe('<link rel="alternate"> on the pages', () => {
  it("announces the RSS and Atom feeds of the news, a theme, a quartier and the Politique de la Ville", async () => {
    const pages = [
      ["/actualites", "/actualites"],
      [`/themes/${made.themeA.slug}`, `/themes/${made.themeA.slug}`],
      [`/quartiers/${made.placeX.slug}`, `/quartiers/${made.placeX.slug}`],
      ["/politique-de-la-ville", "/politique-de-la-ville"],
    ];
    for (const [url, base] of pages) {
      const res = await w.app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      const links = [...res.body.matchAll(/<link rel="alternate" type="([^"]+)" title="([^"]+)" href="([^"]+)"\/?>/g)];
      expect(
        links.map((m) => [m[1], m[3]]),
        url,
      ).toEqual([
        ["application/rss+xml", `${BASE}${base}/flux.xml`],
        ["application/atom+xml", `${BASE}${base}/flux.atom`],
      ]);
      for (const m of links) expect((await w.app.inject({ url: localPath(m[3] ?? "") })).statusCode).toBe(200);
    }
    const theme = await w.app.inject({ url: `/themes/${made.themeA.slug}` });
    expect(theme.body).toContain(`title="Actualités du thème Solidarité &amp; entraide (RSS)"`);
  });

  it("is not on pages without a feed", async () => {
    const res = await w.app.inject({ url: "/" });
    expect(res.body).not.toContain('rel="alternate"');
  });
});
