import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../test/helpers.js";
import { createNeighbourhood } from "../../../../test/factories.js";
import { formatIssue } from "./common.js";
import { EMPTY_TERRITORY_MESSAGE, importQpv } from "./qpv.js";
import { countRows, feature, featureCollection, lineOfFeature, setTerritory, square } from "./test-fixtures.js";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.destroy());

const now = new Date("2026-11-27T10:00:00Z");
const nationalFile = featureCollection([
  feature({ code_qp: "QN05971M", lib_qp: "Secteur Ouest", insee_com: "59350", siren_epci: "200093201", popmuni: 10450 }, square(3.02, 50.62)),
  feature({ code_qp: "QN05972M", lib_qp: "Secteur Sud", insee_com: "59220, 59346, 59350, 59360", siren_epci: "200093201" }, square(3.05, 50.6)),
  feature({ code_qp: "QN05978M", lib_qp: "Nouveau Mons - Les Sarts- Dombrowski", insee_com: ["59009", "59350", "59410"] }, square(3.1, 50.63)),
  feature({ code_qp: "QN05975M", lib_qp: "Les Oliveaux", insee_com: 59360 }, square(3.0, 50.6)),
  // Outside the territory, and broken: must not block this city's import.
  feature(
    { code_qp: "QN09301M", lib_qp: "Ailleurs", insee_com: "93001" },
    {
      type: "Polygon",
      coordinates: [
        [
          [2.3, 48.9],
          [2.31, 48.9],
        ],
      ],
    },
  ),
]);

describe("importQpv", () => {
  it("refuses to run without a territory, with a French explanation, and writes nothing", async () => {
    const before = await countRows(t.db, "neighbourhoods");
    const report = await importQpv(t.db, nationalFile, { sourceName: "qpv.geojson", now });
    expect(report.errors).toEqual([{ message: EMPTY_TERRITORY_MESSAGE }]);
    expect(EMPTY_TERRITORY_MESSAGE).toContain("site_settings.commune_codes");
    expect(await countRows(t.db, "neighbourhoods")).toBe(before);
  });

  it("keeps only the QPV touching the territory; a dry run writes nothing", async () => {
    await setTerritory(t.db, ["59350", "59298", "59355"]);
    const dry = await importQpv(t.db, nationalFile, { sourceName: "qpv.geojson", now, dryRun: true });
    expect(dry).toMatchObject({ read: 5, created: 3, updated: 0, unchanged: 0, skipped: 2, errors: [], written: false });
    expect(await countRows(t.db, "neighbourhoods")).toBe(0);

    const report = await importQpv(t.db, nationalFile, { sourceName: "qpv.geojson", now });
    expect(report).toMatchObject({ read: 5, created: 3, updated: 0, unchanged: 0, skipped: 2, errors: [], written: true });
    const rows = await t.db.selectFrom("neighbourhoods").selectAll().orderBy("code").execute();
    expect(rows.map((r) => [r.kind, r.code, r.slug])).toEqual([
      ["qpv", "QN05971M", "qpv-secteur-ouest"],
      ["qpv", "QN05972M", "qpv-secteur-sud"],
      ["qpv", "QN05978M", "qpv-nouveau-mons-les-sarts-dombrowski"],
    ]);
    expect(rows[0]).toMatchObject({
      name: "Secteur Ouest",
      population: 10450,
      commune_codes: ["59350"],
      geometry_source: "qpv.geojson (import du 2026-11-27)",
    });
    expect(rows[1]!.commune_codes).toEqual(["59220", "59346", "59350", "59360"]);
    expect(rows[1]!.population).toBeNull();
    expect(rows[2]!.commune_codes).toEqual(["59009", "59350", "59410"]);
    expect((rows[0]!.geometry as { type: string }).type).toBe("Polygon");
    expect(rows[0]!.geometry_updated_at?.toISOString()).toBe(now.toISOString());
  });

  it("is idempotent: a second run changes nothing, not even the geometry date", async () => {
    const report = await importQpv(t.db, nationalFile, { sourceName: "qpv.geojson", now: new Date("2027-01-01T00:00:00Z") });
    expect(report).toMatchObject({ created: 0, updated: 0, unchanged: 3, skipped: 2, errors: [] });
    expect(await countRows(t.db, "neighbourhoods")).toBe(3);
    const row = await t.db.selectFrom("neighbourhoods").select(["geometry_updated_at"]).where("code", "=", "QN05971M").executeTakeFirstOrThrow();
    expect(row.geometry_updated_at?.toISOString()).toBe(now.toISOString());
  });

  it("updates a QPV matched by code, keeping its slug, and finds a code-less one by slug", async () => {
    await createNeighbourhood(t.db, { slug: "qpv-nord", name: "Nord (ancien nom)", kind: "qpv", code: "QN05974M" });
    await createNeighbourhood(t.db, { slug: "qpv-secteur-nord-est", name: "Secteur Nord Est", kind: "qpv", code: null });
    const file = featureCollection([
      feature({ code_qp: "QN05974M", lib_qp: "Secteur Nord", insee_com: "59350" }, square(3.06, 50.65)),
      feature({ code_qp: "QN05973M", lib_qp: "Secteur Nord Est", insee_com: "59350" }, square(3.08, 50.64)),
      feature({ code_qp: "QN05971M", lib_qp: "Secteur Ouest", insee_com: "59350", popmuni: 10450 }, square(3.021, 50.62)),
    ]);
    const report = await importQpv(t.db, file, { sourceName: "qpv-2.geojson", now });
    expect(report).toMatchObject({ created: 0, updated: 3, unchanged: 0, errors: [] });
    const rows = await t.db
      .selectFrom("neighbourhoods")
      .select(["slug", "name", "code", "geometry_source"])
      .where("code", "in", ["QN05974M", "QN05973M", "QN05971M"])
      .orderBy("code")
      .execute();
    expect(rows).toEqual([
      { slug: "qpv-secteur-ouest", name: "Secteur Ouest", code: "QN05971M", geometry_source: "qpv-2.geojson (import du 2026-11-27)" },
      { slug: "qpv-secteur-nord-est", name: "Secteur Nord Est", code: "QN05973M", geometry_source: "qpv-2.geojson (import du 2026-11-27)" },
      { slug: "qpv-nord", name: "Secteur Nord", code: "QN05974M", geometry_source: "qpv-2.geojson (import du 2026-11-27)" },
    ]);
    // Rows not in this file are kept and named in a warning.
    expect(report.warnings.join()).toContain("QN05972M");
  });

  it("reports every invalid feature with its line and writes nothing", async () => {
    const before = await t.db.selectFrom("neighbourhoods").selectAll().orderBy("id").execute();
    const file = featureCollection([
      feature({ code_qp: "QN05990M", lib_qp: "Valide", insee_com: "59350" }, square(3.0, 50.6)),
      feature({ lib_qp: "Sans code", insee_com: "59350" }),
      feature(
        { code_qp: "QN05991M", lib_qp: "Anneau ouvert", insee_com: "59350" },
        {
          type: "Polygon",
          coordinates: [
            [
              [3, 50],
              [3.1, 50],
              [3.1, 50.1],
              [3, 50.1],
            ],
          ],
        },
      ),
      feature({ code_qp: "QN05992M", lib_qp: "Sans commune" }),
      feature({ code_qp: "QN05993M", lib_qp: "Point", insee_com: "59350", pop: "beaucoup" }, { type: "Point", coordinates: [3, 50] }),
      feature({ code_qp: "QN05990M", lib_qp: "Doublon", insee_com: "59350" }, square(3.2, 50.6)),
    ]);
    const report = await importQpv(t.db, file, { sourceName: "erreurs.geojson", now });
    expect(report.written).toBe(false);
    const byFeature = report.errors.map((e) => [e.feature, e.line]);
    expect(byFeature).toEqual([
      [2, lineOfFeature(file, 2)],
      [3, lineOfFeature(file, 3)],
      [4, lineOfFeature(file, 4)],
      [5, lineOfFeature(file, 5)],
      [5, lineOfFeature(file, 5)],
      [6, lineOfFeature(file, 6)],
    ]);
    const text = report.errors.map(formatIssue);
    expect(text[0]).toBe(`Ligne ${lineOfFeature(file, 2)} (entité 2) : le code du QPV (propriété code_qp) est absent.`);
    expect(text[1]).toContain("l'anneau n'est pas fermé");
    expect(text[2]).toContain("insee_com");
    expect(text[3]).toContain("« Point » n'est pas pris en charge");
    expect(text[4]).toContain("« beaucoup »");
    expect(text[5]).toContain(`apparaît déjà à la ligne ${lineOfFeature(file, 1)}`);
    expect(await t.db.selectFrom("neighbourhoods").selectAll().orderBy("id").execute()).toEqual(before);
  });

  it("says once that a Lambert 93 file must be reprojected", async () => {
    const file = JSON.stringify({ type: "FeatureCollection", crs: { type: "name", properties: { name: "urn:ogc:def:crs:EPSG::2154" } }, features: [] });
    const report = await importQpv(t.db, file, { now });
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]!.message).toContain("WGS84");
  });

  it("points at the line of a JSON syntax error", async () => {
    const file = '{\n  "type": "FeatureCollection",\n  "features": [\n    {"type": "Feature",}\n  ]\n}';
    const report = await importQpv(t.db, file, { now });
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]!.line).toBe(4);
  });
});
