import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorld, type TestWorld } from "../../../test/helpers.js";
import { createArticle, createImage, createNeighbourhood, createPage, createSite, createTheme } from "../../../test/factories.js";

let w: TestWorld;
beforeAll(async () => {
  w = await createTestWorld();
  await createSite(w.db, { site_name: "Ville d’Essai" });
});
afterAll(async () => w?.close());

describe("article page", () => {
  it("renders title, standfirst, hero with caption and credit, tags, share links and Lire aussi", async () => {
    const theme = await createTheme(w.db, { name: "Emploi" });
    const place = await createNeighbourhood(w.db, { name: "Fives" });
    const hero = await createImage(w.db, `${w.config.dataDir}/media`, { alt: "Façade d’atelier", caption: "Un atelier.", credit: "Photo Dan. R." });
    const others = [];
    for (let i = 0; i < 4; i++) others.push(await createArticle(w.db, { themeIds: [theme.id] }));
    const a = await createArticle(w.db, {
      title: "Un titre <b>échappé</b>",
      standfirst: "Le chapô de l’article.",
      themeIds: [theme.id],
      neighbourhoodIds: [place.id],
      heroMediaId: hero,
    });
    const res = await w.app.inject({ url: a.path });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
    const html = res.body;
    expect(html).toContain("Un titre &lt;b>échappé&lt;/b>");
    expect(html).toContain("Le chapô de l’article.");
    expect(html).toContain('alt="Façade d’atelier"');
    expect(html).toContain("Photo Dan. R.");
    expect(html).toContain(`href="/themes/${theme.slug}"`);
    expect(html).toContain(`href="/quartiers/${place.slug}"`);
    expect(html).toContain("Lire aussi");
    expect(html).toContain(`https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(`https://portail.test${a.path}`)}`);
    expect(html).not.toMatch(/google|plus\.google/i);
    expect(html).toContain(`/compte/connexion?retour=${encodeURIComponent(a.path)}`);
    // SEO
    expect(html).toContain(`<link rel="canonical" href="https://portail.test${a.path}"`);
    expect(html).toContain('"@type":"NewsArticle"');
    expect(html).toContain('"@type":"BreadcrumbList"');
    expect(html).toMatch(/<meta property="og:image" content="https:\/\/portail\.test\/medias\//);
  });

  it("loads the largest image above the fold first (article hero, home lead card) and every other image lazily", async () => {
    const media = `${w.config.dataDir}/media`;
    const heroId = await createImage(w.db, media, { alt: "Image principale", caption: "Légende.", credit: "Photo A." });
    const other = await createImage(w.db, media, { alt: "Image secondaire", caption: "Légende.", credit: "Photo B." });
    await createArticle(w.db, { title: "Plus ancienne", heroMediaId: other, publishedAt: new Date(Date.now() - 86_400_000 * 3) });
    const lead = await createArticle(w.db, { title: "La plus récente", heroMediaId: heroId, publishedAt: new Date(Date.now() - 60_000) });
    const imgs = (html: string) => [...html.matchAll(/<img [^>]*>/g)].map((m) => m[0]);
    const priority = (tag: string) => /loading="eager"/.test(tag) && /fetchpriority="high"/.test(tag);

    const home = imgs((await w.app.inject("/")).body);
    const leadImg = home.find((t) => t.includes('alt="Image principale"'));
    expect(leadImg && priority(leadImg)).toBe(true);
    expect(home.filter(priority)).toHaveLength(1);
    for (const t of home.filter((t) => !priority(t))) expect(t).toContain('loading="lazy"');

    const article = imgs((await w.app.inject(lead.path)).body);
    expect(article.filter(priority).map((t) => /alt="([^"]*)"/.exec(t)?.[1])).toEqual(["Image principale"]);
  });

  it("answers 404 in French with the site layout for an unknown or unpublished article", async () => {
    const draft = await createArticle(w.db, { status: "draft" });
    for (const url of [draft.path, "/actualites/nexiste-pas", "/actualites/Bad%20Slug"]) {
      const res = await w.app.inject({ url });
      expect(res.statusCode).toBe(404);
      expect(res.body).toContain("Page introuvable");
      expect(res.body).toContain('lang="fr"');
    }
  });

  it("hides an article whose publication date is in the future", async () => {
    const future = await createArticle(w.db, { publishedAt: new Date(Date.now() + 86_400_000) });
    expect((await w.app.inject({ url: future.path })).statusCode).toBe(404);
  });
});

describe("nested pages", () => {
  it("serves a page at its nested path with breadcrumb, and redirects a trailing slash", async () => {
    const parent = await createPage(w.db, { slug: "solidarite-test", title: "Solidarité" });
    const child = await createPage(w.db, { slug: "politique", title: "Politique de la Ville", parent });
    expect(child.path).toBe("/solidarite-test/politique");
    const res = await w.app.inject({ url: child.path });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<a href="/solidarite-test">Solidarité</a>');
    expect(res.body).toContain('"@type":"WebPage"');
    const slash = await w.app.inject({ url: `${child.path}/` });
    expect(slash.statusCode).toBe(301);
    expect(slash.headers.location).toBe(child.path);
    // the parent lists its published children
    const p = await w.app.inject({ url: parent.path });
    expect(p.body).toContain("Dans cette rubrique");
    expect(p.body).toContain(child.path);
  });
});

describe("lists", () => {
  it("paginates the news list and rejects out-of-range or malformed pages", async () => {
    const theme = await createTheme(w.db);
    for (let i = 0; i < 14; i++) await createArticle(w.db, { themeIds: [theme.id] });
    const page1 = await w.app.inject({ url: `/themes/${theme.slug}` });
    expect(page1.statusCode).toBe(200);
    expect(page1.body).toContain("14 contenus, page 1 sur 2");
    expect(page1.body).toContain(`href="/themes/${theme.slug}?page=2" rel="next"`);
    const page2 = await w.app.inject({ url: `/themes/${theme.slug}?page=2` });
    expect(page2.statusCode).toBe(200);
    expect((page2.body.match(/class="card"/g) ?? []).length).toBe(2);
    expect((await w.app.inject({ url: `/themes/${theme.slug}?page=3` })).statusCode).toBe(404);
    expect((await w.app.inject({ url: `/themes/${theme.slug}?page=0` })).statusCode).toBe(404);
    // Not a page number at all: refused by the route's declared query string.
    expect((await w.app.inject({ url: `/themes/${theme.slug}?page=abc` })).statusCode).toBe(400);
    expect((await w.app.inject({ url: `/themes/${theme.slug}?page=1&page=2` })).statusCode).toBe(400);
    expect((await w.app.inject({ url: "/actualites" })).statusCode).toBe(200);
  });

  it("lists a neighbourhood's content and 404s an unknown one", async () => {
    const place = await createNeighbourhood(w.db, { kind: "qpv", code: "QN05999X", name: "Secteur Test" });
    await createArticle(w.db, { title: "Nouvelles du secteur", neighbourhoodIds: [place.id] });
    const res = await w.app.inject({ url: `/quartiers/${place.slug}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("Nouvelles du secteur");
    expect(res.body).toContain("QN05999X");
    expect((await w.app.inject({ url: "/quartiers/inconnu" })).statusCode).toBe(404);
  });

  it("renders the home page, theme and neighbourhood indexes, site map and search", async () => {
    await createArticle(w.db, { title: "Réouverture de la médiathèque", standfirst: "Les horaires changent." });
    for (const url of ["/", "/themes", "/quartiers", "/plan-du-site", "/recherche", "/sitemap.xml", "/robots.txt", "/couleurs.css"]) {
      const res = await w.app.inject({ url });
      expect(res.statusCode, url).toBe(200);
    }
    const found = await w.app.inject({ url: "/recherche?q=mediatheque" });
    expect(found.body).toContain("Réouverture de la médiathèque");
    const none = await w.app.inject({ url: "/recherche?q=zzzzinexistant" });
    expect(none.body).toContain("Aucun résultat");
  });
});
