// The importers on the real files collected in /work/shared/data (see its SOURCES.md).
// Skipped, with a message, on machines that do not have them.
import { SHARED_DATA_DIR } from "../../../../test/shared-data.js";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../test/helpers.js";
import { importQpv } from "./qpv.js";
import { importQuartiers } from "./quartiers.js";
import { feature, featureCollection, setTerritory, square } from "./test-fixtures.js";

const DATA = SHARED_DATA_DIR ?? "/nonexistent";
const QUARTIERS = `${DATA}/lille-quartiers.geojson`;
const QPV_LIST = `${DATA}/qpv-2024-mel.json`;
const hasData = fs.existsSync(QUARTIERS) && fs.existsSync(QPV_LIST);
if (!hasData) console.log(`Fichiers réels absents (${DATA}) : les tests sur les données de Lille sont ignorés.`);

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await setTerritory(t.db, ["59350", "59298", "59355"]);
});
afterAll(async () => t?.destroy());

describe("real files", () => {
  it.skipIf(!hasData)("imports the 12 Lille perimeters: 10 quartiers and the associated communes Hellemmes and Lomme", async () => {
    const text = fs.readFileSync(QUARTIERS, "utf8");
    const report = await importQuartiers(t.db, text, { sourceName: "lille-quartiers.geojson" });
    expect(report).toMatchObject({ read: 12, created: 12, errors: [], written: true });
    const rows = await t.db.selectFrom("neighbourhoods").select(["slug", "kind", "code", "geometry"]).orderBy("slug").execute();
    expect(rows).toHaveLength(12);
    expect(rows.every((r) => r.geometry !== null)).toBe(true);
    expect(rows.filter((r) => r.kind === "commune").map((r) => [r.slug, r.code])).toEqual([
      ["hellemmes", "59298"],
      ["lomme", "59355"],
    ]);
    expect(rows.find((r) => r.slug === "faubourg-de-bethune")?.code).toBe("3");

    const again = await importQuartiers(t.db, text, { sourceName: "lille-quartiers.geojson" });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 12 });
  });

  // The real QPV file has no perimeters (SOURCES.md): each QPV of the MEL list gets a small
  // fake square here, and only the territory filter is under test.
  it.skipIf(!hasData)("keeps exactly the 5 Lille QPV of the 26 in the MEL", async () => {
    const list = JSON.parse(fs.readFileSync(QPV_LIST, "utf8")) as {
      qpv: Array<{ code_qp: string; lib_qp: string; communes: Array<{ code_insee: string }>; epci_siren: string }>;
    };
    expect(list.qpv).toHaveLength(26);
    const file = featureCollection(
      list.qpv.map((q, i) =>
        feature(
          { code_qp: q.code_qp, lib_qp: q.lib_qp, insee_com: q.communes.map((c) => c.code_insee).join(","), siren_epci: q.epci_siren },
          square(2.9 + (i % 6) * 0.04, 50.55 + Math.floor(i / 6) * 0.04, 0.01),
        ),
      ),
    );
    const report = await importQpv(t.db, file, { sourceName: "qpv-mel-test.geojson" });
    expect(report).toMatchObject({ read: 26, created: 5, skipped: 21, errors: [] });
    const codes = await t.db.selectFrom("neighbourhoods").select(["code"]).where("kind", "=", "qpv").orderBy("code").execute();
    expect(codes.map((c) => c.code)).toEqual(["QN05971M", "QN05972M", "QN05973M", "QN05974M", "QN05978M"]);
  });
});
