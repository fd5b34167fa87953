// The site search through HTTP on a real database (PGlite and PostgreSQL): French words and
// their inflections, typos, phrases and exclusions, ranking, actions, filters, counts,
// pagination, what must never be found, the index kept in the writing transaction, and
// hostile queries. The corpus is built here, in the demo's style.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAction, createArticle, createNeighbourhood, createPage, createTheme } from "../../../test/factories.js";
import { createTestWorld, type TestWorld } from "../../../test/helpers.js";
import { invalidateContent } from "../content/index.js";
import { RESULTS_TTL_MS } from "./cache.js";
import { search } from "./service.js";

let w: TestWorld;
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(Date.now() - ms);

const made = {} as Record<string, { path: string; title: string }>;

async function article(key: string, values: Parameters<typeof createArticle>[1]) {
  const row = await createArticle(w.db, values);
  made[key] = { path: row.path, title: row.title };
  return row;
}

/**
 * What the app's write paths do after writing (content's invalidateContent, the policy and
 * participation services): invalidate the page cache, which also drops the search results kept
 * in memory (cache.ts). The writes of these tests are plain SQL, which invalidates nothing.
 */
function written() {
  w.pageCache.invalidateTags(["search"]);
}

async function get(q: string, extra = "") {
  return w.app.inject({ url: `/recherche?q=${encodeURIComponent(q)}${extra}` });
}

/** The result links of a results page, in order (only result titles are h2 links in the list). */
function resultPaths(body: string): string[] {
  const list = body.split('<ul class="search-hits">')[1]?.split("</ul>")[0] ?? "";
  return [...list.matchAll(/<h[23] class="search-hit__title"><a href="([^"]+)"/g)].map((m) => m[1]!);
}

beforeAll(async () => {
  w = await createTestWorld();
  const emploi = await createTheme(w.db, { slug: "emploi", name: "Emploi" });
  const cadre = await createTheme(w.db, { slug: "cadre-de-vie", name: "Cadre de vie" });
  const moulins = await createNeighbourhood(w.db, { slug: "moulins", name: "Moulins", kind: "quartier" });
  const qpv = await createNeighbourhood(w.db, { slug: "faubourg-de-bethune", name: "Faubourg de Béthune", kind: "qpv", code: "QN05999X" });

  await article("travaux", {
    title: "Travaux de la rue des Moulins",
    standfirst: "Le chantier commence lundi.",
    body: "<p>La chaussée est refaite sur trois cents mètres.</p>",
    themeIds: [cadre.id],
    neighbourhoodIds: [moulins.id],
    publishedAt: ago(2 * DAY),
  });
  await article("emploi", {
    title: "Aide à l’emploi des jeunes",
    standfirst: "Un forum pour rencontrer des recruteurs.",
    body: "<p>Les missions locales accompagnent les moins de 26 ans.</p>",
    themeIds: [emploi.id],
    publishedAt: ago(3 * DAY),
  });
  await article("mediatheque", {
    title: "La médiathèque rouvre ses portes",
    standfirst: "Horaires élargis le samedi.",
    body: "<p>Les journaux et les revues sont de nouveau en libre accès.</p>",
    publishedAt: ago(4 * DAY),
  });
  await article("journal", { title: "Le journal municipal de décembre", standfirst: "Au sommaire.", body: "<p>Bonne lecture.</p>", publishedAt: ago(5 * DAY) });
  await article("ecole", {
    title: "L’école Jean-Zay s’agrandit",
    standfirst: "Deux classes de plus.",
    body: "<p>Rentrée en septembre.</p>",
    publishedAt: ago(6 * DAY),
  });
  await article("jardin", {
    title: "Un jardin partagé aux Moulins",
    standfirst: "Les voisins cultivent ensemble.",
    body: "<p>Tom &amp; Jerry &lt;b&gt;arrosent&lt;/b&gt; les tomates.</p>",
    neighbourhoodIds: [moulins.id],
    publishedAt: ago(7 * DAY),
  });
  await article("botanique", {
    title: "Jardin botanique : visite guidée",
    standfirst: "Le jardin ouvre ses serres.",
    body: "<p>Partagé entre deux sites, le parcours dure une heure.</p>",
    publishedAt: ago(40 * DAY),
  });
  // Ranking: "velo" in the title, in the teaser, in the body (four times).
  await article("veloTitre", { title: "Le vélo en ville", standfirst: "Nouvelles pistes.", body: "<p>Rien d’autre.</p>", publishedAt: ago(30 * DAY) });
  await article("veloChapo", { title: "Mobilités douces", standfirst: "Le vélo gagne du terrain.", body: "<p>Rien d’autre.</p>", publishedAt: ago(20 * DAY) });
  await article("veloCorps", {
    title: "Bilan des déplacements",
    standfirst: "Les chiffres de l’année.",
    body: "<p>Vélo le matin, vélo le soir, vélo partout, vélo toujours.</p>",
    publishedAt: ago(10 * DAY),
  });
  const page = await createPage(w.db, {
    slug: "trouver-du-travail",
    title: "Trouver du travail",
    standfirst: "Offres d’emploi et conseils.",
    body: "<p>Guichet unique.</p>",
  });
  made.travail = { path: page.path, title: page.title };

  const insertion = await createAction(w.db, {
    slug: "chantier-insertion",
    title: "Chantier d’insertion vers l’emploi",
    status: "in_progress",
    neighbourhoodIds: [qpv.id],
  });
  made.insertion = { path: `/politique-de-la-ville/actions/${insertion.slug}`, title: insertion.title };
  const mediation = await createAction(w.db, { slug: "mediation-numerique", title: "Médiation numérique", status: "completed", startDate: "2021-01-04" });
  made.mediation = { path: `/politique-de-la-ville/actions/${mediation.slug}`, title: mediation.title };
  await w.db
    .updateTable("actions")
    .set({ summary: "Ateliers pour les démarches en ligne.", description: "<p>Des conseillers numériques accompagnent les habitants.</p>" })
    .where("id", "=", mediation.id)
    .execute();

  // Never to be found: a draft, an item in review, a scheduled one, one published in the future.
  await article("draft", { title: "Brouillon confidentiel secretissime", status: "draft" });
  await article("review", { title: "Relecture secretissime", status: "review" });
  await article("scheduled", { title: "Programmation secretissime", status: "scheduled", publishedAt: new Date(Date.now() + 3 * DAY) });
  await article("future", { title: "Annonce secretissime", status: "published", publishedAt: new Date(Date.now() + DAY) });

  for (let i = 1; i <= 12; i++) await article(`concert${i}`, { title: `Concert numéro ${i}`, publishedAt: ago((100 + i) * DAY) });
});

afterAll(async () => {
  await w?.close();
});

describe("site search: French words", () => {
  // query -> what must be in the results (and what must not)
  const cases: Array<{ q: string; found: string[]; absent?: string[]; why: string }> = [
    { q: "travaux", found: ["travaux", "travail"], why: "irregular plural finds the singular" },
    { q: "travail", found: ["travail", "travaux"], why: "singular finds the irregular plural" },
    { q: "emplois", found: ["emploi", "travail", "insertion"], why: "plural the stemmer keeps apart (emplois/emploi)" },
    { q: "aide emplois jeunes", found: ["emploi"], absent: ["travail"], why: "every word must be found" },
    { q: "journaux", found: ["journal", "mediatheque"], why: "-al/-aux plural" },
    { q: "journal", found: ["journal", "mediatheque"], why: "singular finds journaux" },
    { q: "mediatheque", found: ["mediatheque"], why: "no accents" },
    { q: "MÉDIATHÈQUES", found: ["mediatheque"], why: "capitals, accents and plural" },
    { q: "ecole", found: ["ecole"], why: "no accent on école" },
    { q: "l'ecole", found: ["ecole"], why: "elided article" },
    { q: "jardins partages", found: ["jardin", "botanique"], why: "plural words, no accents" },
    { q: '"jardin partagé"', found: ["jardin"], absent: ["botanique"], why: "a quoted phrase keeps the words together" },
    { q: "jardin -visite", found: ["jardin"], absent: ["botanique"], why: "exclusion" },
    { q: 'jardin -"visite guidée"', found: ["jardin"], absent: ["botanique"], why: "excluded phrase" },
    { q: "insertion", found: ["insertion"], why: "actions are searched" },
    { q: "conseillers numeriques", found: ["mediation"], why: "an action's description is searched" },
  ];
  for (const c of cases) {
    it(`${c.q} (${c.why})`, async () => {
      const res = await get(c.q);
      expect(res.statusCode).toBe(200);
      const paths = resultPaths(res.body);
      for (const key of c.found) expect(paths, key).toContain(made[key]!.path);
      for (const key of c.absent ?? []) expect(paths, key).not.toContain(made[key]!.path);
    });
  }

  it("ranks a title match above a teaser match above body matches", async () => {
    const paths = resultPaths((await get("velo")).body);
    expect(paths).toEqual([made.veloTitre!.path, made.veloChapo!.path, made.veloCorps!.path]);
  });

  it("marks the words found in excerpts with <mark>, and escapes the content", async () => {
    const res = await get("arrosent");
    expect(res.body).toContain("<mark>arrosent</mark>");
    // The body's text "&lt;b&gt;" is text: never sent as a tag (ts_headline leaves out what looks like one).
    expect(res.body).toContain("Tom &amp; Jerry");
    expect(res.body).not.toContain("<b>");
    const accented = await get("mediatheque");
    expect(accented.body).toContain('<a href="/actualites/');
    expect((await get("journal")).body).toContain("<mark>journaux</mark>");
  });

  it("suggests a spelling from the indexed words and lists similar titles for a typo", async () => {
    const res = await get("mediateque");
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("Aucun résultat pour « mediateque »");
    expect(res.body).toMatch(/Essayez avec : <a href="\/recherche\?q=m%C3%A9diath%C3%A8que">médiathèque<\/a>/);
    expect(res.body).toContain("Des titres proches de votre recherche");
    expect(resultPaths(res.body)).toContain(made.mediatheque!.path);
    const two = await get("jardn partagé");
    expect(two.body).toContain("Essayez avec : ");
    expect(two.body).toContain(">jardin partagé</a>");
  });

  it("helps when nothing is found: links to themes and quartiers", async () => {
    const res = await get("zzzzinexistant");
    expect(res.body).toContain("Aucun résultat");
    expect(res.body).toContain('href="/themes"');
    expect(res.body).toContain('href="/quartiers"');
    expect(res.body).toContain('href="/themes/emploi"');
    expect(res.body).not.toContain("Essayez avec");
  });
});

describe("site search: filters, counts, pagination", () => {
  it("counts results per kind and links to each kind, keeping the query", async () => {
    const res = await get("emploi");
    expect(res.body).toContain("3 résultats pour « emploi »");
    expect(res.body).toMatch(/href="\/recherche\?q=emploi&amp;type=actualite"[^>]*>Actualités <span class="search-facets__count">\(1\)/);
    expect(res.body).toMatch(/href="\/recherche\?q=emploi&amp;type=page"[^>]*>Pages <span class="search-facets__count">\(1\)/);
    expect(res.body).toMatch(/href="\/recherche\?q=emploi&amp;type=action"[^>]*>Actions <span class="search-facets__count">\(1\)/);
  });

  it("filters by kind, theme, quartier, QPV, dates and action status, combined with the query", async () => {
    expect(resultPaths((await get("emploi", "&type=action")).body)).toEqual([made.insertion!.path]);
    expect(resultPaths((await get("emploi", "&type=page")).body)).toEqual([made.travail!.path]);
    expect(resultPaths((await get("emploi", "&theme=emploi")).body)).toEqual([made.emploi!.path]);
    expect(resultPaths((await get("jardin", "&quartier=moulins")).body)).toEqual([made.jardin!.path]);
    expect(resultPaths((await get("emploi", "&qpv=faubourg-de-bethune")).body)).toEqual([made.insertion!.path]);
    const since = new Date(Date.now() - 15 * DAY).toISOString().slice(0, 10);
    expect(resultPaths((await get("jardin", `&du=${since}`)).body)).toEqual([made.jardin!.path]);
    const until = new Date(Date.now() - 15 * DAY).toISOString().slice(0, 10);
    expect(resultPaths((await get("jardin", `&au=${until}`)).body)).toEqual([made.botanique!.path]);
    expect(resultPaths((await get("numerique", "&statut=completed")).body)).toEqual([made.mediation!.path]);
    expect(resultPaths((await get("numerique", "&statut=in_progress")).body)).toEqual([]);
    expect(resultPaths((await get("numerique", "&du=2020-01-01&au=2021-12-31&type=action")).body)).toEqual([made.mediation!.path]);
    // Filters shown as removable, and unknown values dropped rather than failing.
    const res = await get("jardin", "&quartier=moulins&theme=inconnu");
    expect(res.body).toContain("Quartier : Moulins");
    expect(res.body).toContain('href="/recherche?q=jardin">retirer');
    const bad = await get("jardin", "&du=2026-02-31");
    expect(bad.statusCode).toBe(200);
    expect(bad.body).toContain("Cette date n’existe pas et a été ignorée");
  });

  it("pages through results, ten per page; a page past the end is a 404", async () => {
    const first = await get("concert");
    expect(first.body).toContain("12 résultats pour « concert », page 1 sur 2");
    expect(resultPaths(first.body)).toHaveLength(10);
    expect(first.body).toContain('href="/recherche?q=concert&amp;page=2"');
    const second = await get("concert", "&page=2");
    expect(resultPaths(second.body)).toHaveLength(2);
    expect(new Set([...resultPaths(first.body), ...resultPaths(second.body)]).size).toBe(12);
    expect((await get("concert", "&page=3")).statusCode).toBe(404);
  });
  it("past the cap, says 'plus de', stops counting per kind and ranks the newest matches and the newest title matches", async () => {
    const deps = { db: w.db, now: () => w.clock.now, maxResults: 1 };
    const result = await search(deps, { q: "velo" });
    if (result.outcome.state !== "results") throw new Error(result.outcome.state);
    expect(result.outcome.capped).toBe(true);
    expect(result.outcome.counts).toBeNull();
    // The newest match (body) and the newest title match; the title match first.
    expect(result.outcome.hits.map((h) => h.path)).toEqual([made.veloTitre!.path, made.veloCorps!.path]);
    // A title match must match the whole query too: "pistes" excludes the one titled with "vélo".
    const excluding = await search(deps, { q: "velo -pistes" });
    if (excluding.outcome.state !== "results") throw new Error(excluding.outcome.state);
    expect(excluding.outcome.capped).toBe(true);
    expect(excluding.outcome.hits.map((h) => h.path)).toEqual([made.veloCorps!.path]);
    const narrowed = await search(deps, { q: "velo", type: "page" });
    expect(narrowed.outcome.state).toBe("none");
    const under = await search({ ...deps, maxResults: 3 }, { q: "velo" });
    if (under.outcome.state !== "results") throw new Error(under.outcome.state);
    expect(under.outcome.capped).toBe(false);
    expect(under.outcome.total).toBe(3);
    expect(under.outcome.counts?.get("article")).toBe(3);
  });
});

describe("site search: what must never be found", () => {
  it("returns no draft, item in review, scheduled item or publication dated in the future", async () => {
    const res = await get("secretissime");
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("Aucun résultat");
    expect(res.body).not.toContain("secretissime</a>");
    for (const key of ["draft", "review", "scheduled", "future"]) expect(res.body).not.toContain(made[key]!.path);
    // Not through a typo either (similar titles, suggestions).
    const typo = await get("secretisime");
    for (const key of ["draft", "review", "scheduled", "future"]) expect(typo.body).not.toContain(made[key]!.path);
    expect(typo.body).not.toContain("Essayez avec");
  });

  it("finds the publication dated in the future once the request's clock reaches it", async () => {
    const saved = w.clock.now;
    w.clock.now = new Date(Date.now() + 2 * DAY);
    try {
      expect(resultPaths((await get("annonce")).body)).toEqual([made.future!.path]);
    } finally {
      w.clock.now = saved;
    }
  });
});

describe("site search: the index follows every write, in its transaction", () => {
  it("finds a new word as soon as an article is written, and forgets it when unpublished", async () => {
    const row = await createArticle(w.db, { title: "Patinoire éphémère", publishedAt: ago(HOUR) });
    expect(resultPaths((await get("patinoire")).body)).toEqual([row.path]);
    await w.db.updateTable("content_items").set({ title: "Piste de glace éphémère" }).where("id", "=", row.id).execute();
    written();
    expect(resultPaths((await get("patinoire")).body)).toEqual([]);
    expect(resultPaths((await get("glace")).body)).toEqual([row.path]);
    await w.db.updateTable("content_items").set({ status: "unpublished" }).where("id", "=", row.id).execute();
    written();
    expect(resultPaths((await get("glace")).body)).toEqual([]);
    await w.db.deleteFrom("content_items").where("id", "=", row.id).execute();
    const left = await w.db.selectFrom("search_documents").select("source_id").where("kind", "=", "article").where("source_id", "=", row.id).execute();
    expect(left).toEqual([]);
  });

  it("follows theme and quartier links and action changes", async () => {
    const place = await createNeighbourhood(w.db, { slug: "vauban", name: "Vauban" });
    const row = await createArticle(w.db, { title: "Brocante annuelle", publishedAt: ago(HOUR) });
    expect(resultPaths((await get("brocante", "&quartier=vauban")).body)).toEqual([]);
    await w.db.insertInto("content_neighbourhoods").values({ content_id: row.id, neighbourhood_id: place.id }).execute();
    written();
    expect(resultPaths((await get("brocante", "&quartier=vauban")).body)).toEqual([row.path]);
    await w.db.updateTable("actions").set({ status: "delayed" }).where("slug", "=", "chantier-insertion").execute();
    written();
    expect(resultPaths((await get("insertion", "&statut=delayed")).body)).toEqual([made.insertion!.path]);
    await w.db.updateTable("actions").set({ status: "in_progress" }).where("slug", "=", "chantier-insertion").execute();
    written();
  });

  it("indexes inside the writing transaction: seen there, and nothing left after a rollback", async () => {
    const seenInside = await w.db
      .transaction()
      .execute(async (trx) => {
        const row = await createArticle(trx as never, { title: "Kermesse rollbackée", publishedAt: ago(HOUR) });
        const inside = await trx.selectFrom("search_documents").select("path").where("source_id", "=", row.id).where("kind", "=", "article").execute();
        throw Object.assign(new Error("rollback"), { inside });
      })
      .catch((e: { inside?: unknown[] }) => e.inside);
    expect(seenInside).toHaveLength(1);
    expect(resultPaths((await get("kermesse")).body)).toEqual([]);
    const words = await sql<{ n: number }>`select count(*)::int as n from search_words where word = 'kermesse'`.execute(w.db);
    expect(Number(words.rows[0]?.n)).toBe(0);
  });
});

describe("site search: hostile queries", () => {
  const queries = [
    "'\"():&|!<->*",
    "!!! ||| &&& :*",
    "le la les de",
    "à a les",
    "-seul",
    '"',
    '""',
    "<script>alert(1)</script>",
    "a:* & b",
    "jardin\u0001\u0002\u0007",
    "jardin \u200b\u202e",
    "中文 검색 ☃",
    `${"jardin ".repeat(70)}`,
    "x".repeat(500),
    "'; drop table search_documents; --",
  ];
  for (const q of queries) {
    it(`answers ${JSON.stringify(q.slice(0, 40))} with a normal page or a French 400`, async () => {
      const res = await get(q);
      expect([200, 400]).toContain(res.statusCode);
      // Control characters are refused by the input guard of every route; the rest is searched.
      if ([...q].some((c) => c.charCodeAt(0) < 32)) expect(res.body).toContain("Demande incorrecte");
      else expect(res.body).toContain("<h1>Recherche</h1>");
      expect(res.body).not.toContain("<script>alert");
    });
  }

  it("says when a query has only stop words or only exclusions", async () => {
    expect((await get("le la les de")).body).toContain("ne contient que des mots trop courants");
    expect((await get("-seul")).body).toContain("Indiquez au moins un mot à rechercher");
  });

  it("refuses 10 KB, a repeated parameter or a bad page with a French 400 or 404, never a 500", async () => {
    const huge = await get("é".repeat(10_000));
    expect(huge.statusCode).toBe(400);
    expect(huge.body).toContain("Demande incorrecte");
    expect((await w.app.inject({ url: "/recherche?q=a&q=b" })).statusCode).toBeLessThan(500);
    expect((await w.app.inject({ url: "/recherche?q=jardin&page=-1" })).statusCode).toBe(400);
    expect((await w.app.inject({ url: "/recherche?q=jardin&page=999999" })).statusCode).toBe(404);
    expect((await w.app.inject({ url: "/recherche?q=%00jardin" })).statusCode).toBeLessThan(500);
    const table = await sql<{ n: number }>`select count(*)::int as n from search_documents`.execute(w.db);
    expect(Number(table.rows[0]?.n)).toBeGreaterThan(10);
  });

  it("keeps the page without a query cacheable and a page with a query out of the shared cache", async () => {
    const blank = await w.app.inject({ url: "/recherche" });
    expect(blank.statusCode).toBe(200);
    expect(blank.headers["cache-control"]).toContain("public");
    const withQuery = await get("jardin");
    expect(withQuery.headers["cache-control"]).toContain("no-store");
    expect(withQuery.body).toContain('name="robots" content="noindex');
  });
});

describe("site search: result sets kept in memory (cache.ts), never staler than the page cache", () => {
  it("reuses a result set until the page cache is invalidated, as every publication and unpublication does, and a minute at most", async () => {
    const row = await article("funiculaire", { title: "Funiculaire du belvédère", publishedAt: ago(HOUR) });
    written();
    expect(resultPaths((await get("funiculaire")).body)).toEqual([row.path]);
    // Unpublished by plain SQL: no invalidation, so the result set in memory is still used,
    // as a cached page would be.
    await w.db.updateTable("content_items").set({ status: "unpublished" }).where("id", "=", row.id).execute();
    expect(resultPaths((await get("funiculaire")).body)).toEqual([row.path]);
    // What the back office's unpublish does after its write: gone from the next search.
    await invalidateContent(w.app.deps, { id: row.id, kind: "article" });
    expect(resultPaths((await get("funiculaire")).body)).toEqual([]);
    // Published again, through the same invalidation: found again at once.
    await w.db.updateTable("content_items").set({ status: "published" }).where("id", "=", row.id).execute();
    await invalidateContent(w.app.deps, { id: row.id, kind: "article" });
    expect(resultPaths((await get("funiculaire")).body)).toEqual([row.path]);
    // A write nothing announces (an import in another process) is seen once the TTL has passed.
    await w.db.updateTable("content_items").set({ status: "unpublished" }).where("id", "=", row.id).execute();
    expect(resultPaths((await get("funiculaire")).body)).toEqual([row.path]);
    const saved = w.clock.now;
    w.clock.now = new Date(saved.getTime() + RESULTS_TTL_MS);
    try {
      expect(resultPaths((await get("funiculaire")).body)).toEqual([]);
    } finally {
      w.clock.now = saved;
    }
  });

  it("shows an item published with a date still to come as soon as that date passes, with no invalidation", async () => {
    const saved = w.clock.now;
    const row = await article("telepherique", { title: "Téléphérique urbain", publishedAt: new Date(saved.getTime() + 10_000) });
    written();
    try {
      expect(resultPaths((await get("telepherique")).body)).toEqual([]);
      w.clock.now = new Date(saved.getTime() + 5_000);
      expect(resultPaths((await get("telepherique")).body)).toEqual([]);
      w.clock.now = new Date(saved.getTime() + 10_000);
      expect(resultPaths((await get("telepherique")).body)).toEqual([row.path]);
    } finally {
      w.clock.now = saved;
    }
    // A clock set back does not see results computed in its future.
    expect(resultPaths((await get("telepherique")).body)).toEqual([]);
  });
});
