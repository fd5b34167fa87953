import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toCsv } from "../../../lib/csv.js";
import { createNeighbourhood } from "../../../../test/factories.js";
import { createTestDatabase, type TestDatabase } from "../../../../test/helpers.js";
import { formatIssue } from "./common.js";
import { importQuartiers } from "./quartiers.js";
import { countRows, feature, featureCollection, square } from "./test-fixtures.js";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.destroy());

const now = new Date("2026-11-27T10:00:00Z");

// Properties as in /work/shared/data/lille-quartiers.geojson.
const lilleLike = featureCollection([
  feature({ code_quartier: 1, quartier: "Bois-Blancs", code_insee: "59350", code_insee_commune_actuelle: "59350", type: "quartier" }, square(3.02, 50.63)),
  feature({ code_quartier: 4, quartier: "Fives", code_insee: "59350", code_insee_commune_actuelle: "59350", type: "quartier" }, square(3.08, 50.62)),
  feature({ code_quartier: 10, quartier: "Wazemmes", code_insee: "59350", code_insee_commune_actuelle: "59350", type: "quartier" }, square(3.04, 50.62)),
  feature(
    { code_quartier: 100, quartier: "Hellemmes", code_insee: "59298", code_insee_commune_actuelle: "59350", type: "commune associée" },
    square(3.1, 50.62),
  ),
]);

describe("importQuartiers from GeoJSON", () => {
  it("updates rows found by code or by slug, creates the others, and tells communes from quartiers", async () => {
    await createNeighbourhood(t.db, { slug: "fives", name: "Fives", kind: "quartier", code: "4" });
    await createNeighbourhood(t.db, { slug: "bois-blancs", name: "Les Bois-Blancs", kind: "quartier", code: null });
    const report = await importQuartiers(t.db, lilleLike, { sourceName: "quartiers.geojson", now });
    expect(report).toMatchObject({ read: 4, created: 2, updated: 2, unchanged: 0, errors: [], written: true });
    const rows = await t.db.selectFrom("neighbourhoods").select(["slug", "name", "kind", "code", "commune_codes", "geometry_source"]).orderBy("slug").execute();
    expect(rows).toEqual([
      // found by slug: its name is kept and the missing code filled in
      {
        slug: "bois-blancs",
        name: "Les Bois-Blancs",
        kind: "quartier",
        code: "1",
        commune_codes: ["59350"],
        geometry_source: "quartiers.geojson (import du 2026-11-27)",
      },
      { slug: "fives", name: "Fives", kind: "quartier", code: "4", commune_codes: ["59350"], geometry_source: "quartiers.geojson (import du 2026-11-27)" },
      {
        slug: "hellemmes",
        name: "Hellemmes",
        kind: "commune",
        code: "59298",
        commune_codes: ["59298"],
        geometry_source: "quartiers.geojson (import du 2026-11-27)",
      },
      {
        slug: "wazemmes",
        name: "Wazemmes",
        kind: "quartier",
        code: "10",
        commune_codes: ["59350"],
        geometry_source: "quartiers.geojson (import du 2026-11-27)",
      },
    ]);
  });

  it("is idempotent", async () => {
    const before = await countRows(t.db, "neighbourhoods");
    const report = await importQuartiers(t.db, lilleLike, { sourceName: "quartiers.geojson", now: new Date() });
    expect(report).toMatchObject({ created: 0, updated: 0, unchanged: 4, errors: [] });
    expect(await countRows(t.db, "neighbourhoods")).toBe(before);
  });

  it("without a type property, a commune code different from the main one means an associated commune", async () => {
    const file = featureCollection([
      feature({ nom: "Centre", code_insee: "59350" }, square(3.06, 50.63)),
      feature({ nom: "Sud", code_insee: "59350" }, square(3.05, 50.61)),
      feature({ nom: "Lomme", code_insee: "59355" }, square(2.99, 50.64)),
    ]);
    const report = await importQuartiers(t.db, file, { now });
    expect(report.errors).toEqual([]);
    const lomme = await t.db.selectFrom("neighbourhoods").select(["kind", "code"]).where("slug", "=", "lomme").executeTakeFirstOrThrow();
    expect(lomme).toEqual({ kind: "commune", code: "59355" });
    const centre = await t.db.selectFrom("neighbourhoods").select(["kind", "code"]).where("slug", "=", "centre").executeTakeFirstOrThrow();
    expect(centre).toEqual({ kind: "quartier", code: null });
  });
});

// An Opendatasoft export as the MEL portal writes it: ";" in French locales, padded cells,
// code_com without the département, geo_shape a GeoJSON geometry in a quoted JSON string.
function odsCsv(rows: Array<[string, string, string, string, string, unknown]>): string {
  return toCsv(
    ["commune", "quartier", "code_com", "code_quar", "code_post", "geo_point_2d", "geo_shape"],
    rows.map(([commune, quartier, codeCom, codeQuar, codePost, shape]) => [
      commune,
      quartier,
      codeCom,
      codeQuar,
      codePost,
      "50.6, 3.0",
      typeof shape === "string" ? shape : JSON.stringify(shape),
    ]),
    { delimiter: ";" },
  );
}

describe("importQuartiers from an Opendatasoft CSV", () => {
  let u: TestDatabase;
  beforeAll(async () => {
    u = await createTestDatabase();
  });
  afterAll(async () => u?.destroy());

  it("reads geo_shape and completes the commune code from the postcode", async () => {
    const csv = odsCsv([
      ["Lille ", "Lille-Moulins ", "350", "6", "59000", square(3.07, 50.61)],
      ["Lille", "Vieux-Lille", "350", "9", "59000", { type: "Feature", properties: {}, geometry: square(3.06, 50.64) }],
      ["Lille", "Lille-Sud", "350", "5", "59000", square(3.05, 50.6)],
      ["Hellemmes", "Hellemmes", "298", "100", "59260", square(3.1, 50.62)],
    ]);
    expect(csv.split("\r\n")[0]).toBe("commune;quartier;code_com;code_quar;code_post;geo_point_2d;geo_shape");
    const report = await importQuartiers(u.db, csv, { sourceName: "lille_geo_quartier.csv", now });
    expect(report).toMatchObject({ read: 4, created: 4, errors: [], written: true });
    const rows = await u.db.selectFrom("neighbourhoods").select(["slug", "kind", "code", "commune_codes", "geometry"]).orderBy("slug").execute();
    expect(rows.map((r) => [r.slug, r.kind, r.code, r.commune_codes])).toEqual([
      ["hellemmes", "commune", "59298", ["59298"]],
      ["lille-moulins", "quartier", "6", ["59350"]],
      ["lille-sud", "quartier", "5", ["59350"]],
      ["vieux-lille", "quartier", "9", ["59350"]],
    ]);
    expect(rows.every((r) => (r.geometry as { type: string }).type === "Polygon")).toBe(true);

    const again = await importQuartiers(u.db, csv, { sourceName: "lille_geo_quartier.csv", now });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
  });

  it("reports every bad row with its line and writes nothing", async () => {
    const before = await u.db.selectFrom("neighbourhoods").selectAll().orderBy("id").execute();
    const csv = odsCsv([
      ["Lille", "Fives", "350", "4", "59000", square(3.08, 50.62)], // line 2: valid
      ["Lille", "", "350", "11", "59000", square(3.0, 50.6)], // line 3: no name
      ["Lille", "Wazemmes", "350", "10", "59000", '{"type": "Polygon", "coordinates": [[[3.0, 50.6], [3.1, 50'], // line 4: cut JSON
      [
        "Lille",
        "Lille-Centre",
        "350",
        "2",
        "59000",
        {
          type: "Polygon",
          coordinates: [
            [
              [3, 50],
              [3.1, 50],
              [3, 50],
            ],
          ],
        },
      ], // line 5: too short
      ["Lille", "Fives", "350", "12", "59000", square(3.2, 50.62)], // line 6: same name as line 2
    ]);
    const report = await importQuartiers(u.db, csv, { now });
    expect(report.errors.map((e) => e.line)).toEqual([3, 4, 5, 6]);
    expect(formatIssue(report.errors[0]!)).toMatch(/^Ligne 3 : le nom du quartier/);
    expect(report.errors[1]!.message).toContain("geo_shape");
    expect(report.errors[2]!.message).toContain("au moins 4");
    expect(report.errors[3]!.message).toContain("ligne 2");
    expect(report.written).toBe(false);
    expect(await u.db.selectFrom("neighbourhoods").selectAll().orderBy("id").execute()).toEqual(before);
  });

  it("names the missing columns of an unexpected CSV", async () => {
    const report = await importQuartiers(u.db, "commune,code\nLille,1\n", { now });
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]!.message).toContain("« quartier »");
    expect(report.errors[0]!.message).toContain("« geo_shape »");
  });
});
