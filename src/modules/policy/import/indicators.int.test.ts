import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNeighbourhood } from "../../../../test/factories.js";
import { createTestDatabase, type TestDatabase } from "../../../../test/helpers.js";
import { formatIssue } from "./common.js";
import { importIndicators, INDICATOR_COLUMNS } from "./indicators.js";
import { countRows } from "./test-fixtures.js";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await createNeighbourhood(t.db, { slug: "qpv-secteur-ouest", name: "Secteur Ouest", kind: "qpv", code: "QN05971M" });
});
afterAll(async () => t?.destroy());

const header = INDICATOR_COLUMNS.join(",");

describe("importIndicators", () => {
  it("creates indicators, reading French decimals and thousands", async () => {
    const csv = [
      header,
      'taux_pauvrete,Taux de pauvreté,qpv,QN05971M,Secteur Ouest,2021,"43,5",%,INSEE Filosofi',
      "population,Population,commune,59350,Lille,2021,236 710,habitants,INSEE RP",
      "population,Population,metropole,200093201,MEL,2021,1179000,habitants,",
    ].join("\n");
    const report = await importIndicators(t.db, csv, { now: new Date() });
    expect(report).toMatchObject({ read: 3, created: 3, updated: 0, unchanged: 0, errors: [], written: true });
    const rows = await t.db.selectFrom("indicators").select(["metric", "territory_code", "value", "unit"]).orderBy("id").execute();
    expect(rows.map((r) => [r.metric, r.territory_code, Number(r.value), r.unit])).toEqual([
      ["taux_pauvrete", "QN05971M", 43.5, "%"],
      ["population", "59350", 236710, "habitants"],
      ["population", "200093201", 1179000, "habitants"],
    ]);
    // 59350 is not a neighbourhood of this site: imported, with a warning.
    expect(report.warnings.join()).toContain("Lille (commune 59350)");
  });

  it("upserts on metric + territory + year: same values are unchanged, a new value updates", async () => {
    const csv = [
      header,
      "taux_pauvrete,Taux de pauvreté,qpv,QN05971M,Secteur Ouest,2021,43.5,%,INSEE Filosofi",
      "population,Population,commune,59350,Lille,2021,236800,habitants,INSEE RP 2021",
      "population,Population,metropole,200093201,MEL,2021,1179000,habitants,",
      "taux_pauvrete,Taux de pauvreté,qpv,QN05971M,Secteur Ouest,2020,44,%,INSEE Filosofi",
    ].join("\r\n");
    const report = await importIndicators(t.db, csv);
    expect(report).toMatchObject({ created: 1, updated: 1, unchanged: 2, errors: [] });
    expect(await countRows(t.db, "indicators")).toBe(4);
    const lille = await t.db.selectFrom("indicators").select(["value", "source"]).where("territory_code", "=", "59350").executeTakeFirstOrThrow();
    expect([Number(lille.value), lille.source]).toEqual([236800, "INSEE RP 2021"]);

    const again = await importIndicators(t.db, csv);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
    expect(await countRows(t.db, "indicators")).toBe(4);
  });

  it("reports every invalid row with its line, in French, and writes nothing", async () => {
    const before = await t.db.selectFrom("indicators").selectAll().orderBy("id").execute();
    const csv = [
      header, // 1
      "chomage,Taux de chômage,qpv,QN05971M,Secteur Ouest,2022,25.1,%,", // 2: valid
      "Chômage,Taux de chômage,qpv,QN05971M,Secteur Ouest,2022,25.1,%,", // 3: metric
      "chomage,Taux de chômage,iris,593500101,Iris,2022,25.1,%,", // 4: kind
      "", // blank lines are skipped but still counted
      "chomage,Taux de chômage,qpv,QN05972M,Secteur Sud,vingt,beaucoup,%,", // 6: year and value
      "chomage,Taux de chômage,qpv,QN05971M,Secteur Ouest,2022,26,%,", // 7: duplicate of line 2
      "chomage,,qpv,QN05973M,Secteur Nord Est,2022,20,%,", // 8: empty label
    ].join("\n");
    const report = await importIndicators(t.db, csv);
    expect(report.written).toBe(false);
    expect(report.errors.map(formatIssue)).toEqual([
      "Ligne 3 : l’identifiant d’indicateur « Chômage » doit s’écrire en minuscules sans accents, chiffres et « _ » (par exemple taux_pauvrete).",
      "Ligne 4 : le type de territoire « iris » n’existe pas (valeurs possibles : « qpv », « quartier », « commune » et « metropole »).",
      "Ligne 6 : l’année « vingt » doit être un nombre entre 1900 et 2100.",
      "Ligne 6 : la valeur « beaucoup » n’est pas un nombre (exemples : 43,5 ou 1 234.5).",
      "Ligne 7 : le même indicateur (chomage, qpv QN05971M, 2022) figure déjà à la ligne 2.",
      "Ligne 8 : la colonne « label » est vide.",
    ]);
    expect(await t.db.selectFrom("indicators").selectAll().orderBy("id").execute()).toEqual(before);
  });

  it("reports a broken CSV structure and a wrong header", async () => {
    const broken = await importIndicators(t.db, `${header}\nchomage,Taux,qpv,QN05971M,Secteur Ouest,2022,25\n`);
    expect(formatIssue(broken.errors[0]!)).toMatch(/^Ligne 2 : 7 valeur\(s\) trouvée\(s\)/);
    const wrong = await importIndicators(t.db, "indicateur,valeur\nx,1\n");
    expect(wrong.errors[0]!.message).toContain("« metric »");
  });
});
