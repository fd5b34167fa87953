import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toCsv } from "../../../lib/csv.js";
import { createContract, createNeighbourhood, createOrganisation, createPriority } from "../../../../test/factories.js";
import { createTestDatabase, type TestDatabase } from "../../../../test/helpers.js";
import { ACTION_COLUMNS } from "./action-rows.js";
import { importActions } from "./actions.js";
import { formatIssue } from "./common.js";
import { countAll } from "./test-fixtures.js";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  const contract = await createContract(t.db, { slug: "contrat-2024" });
  const priority = await createPriority(t.db, { contractId: contract.id, slug: "reussite-educative" });
  await t.db.insertInto("objectives").values({ priority_id: priority.id, title: "Réduire le décrochage" }).execute();
  await createPriority(t.db, { contractId: contract.id, slug: "emploi" });
  for (const slug of ["centre-social-fives", "caf-du-nord", "ville-de-lille"]) await createOrganisation(t.db, { slug });
  await createNeighbourhood(t.db, { slug: "fives", kind: "quartier", code: "4" });
  await createNeighbourhood(t.db, { slug: "qpv-secteur-nord-est", kind: "qpv", code: "QN05973M" });
});
afterAll(async () => t?.destroy());

type Row = Partial<Record<(typeof ACTION_COLUMNS)[number], string>>;
const base: Row = {
  slug: "soutien-scolaire-fives",
  title: "Soutien scolaire à Fives",
  contract: "contrat-2024",
  priority: "reussite-educative",
  objective: "Réduire le décrochage",
  summary: "Aide aux devoirs.",
  status: "in_progress",
  progress: "40",
  start_date: "2024-09-01",
  end_date: "30/06/2026",
  lead: "centre-social-fives",
  partners: "caf-du-nord|ville-de-lille",
  neighbourhoods: "fives|QN05973M",
  funding: "ville:12000:2025|etat:8000,50:2025:Appel à projets",
  milestones: "2024-09-01:Lancement:1|2025-06-30:Bilan : première année:0",
};
const second: Row = {
  slug: "forum-emploi",
  title: "Forum de l’emploi",
  contract: "contrat-2024",
  priority: "emploi",
  status: "À venir",
  funding: "metropole:3000:2026",
};

const csv = (rows: Row[], delimiter: "," | ";" = ",") => toCsv(ACTION_COLUMNS, rows, { delimiter });
const tables = ["actions", "funding_lines", "milestones", "action_partners", "action_neighbourhoods"] as const;

describe("importActions", () => {
  it("creates actions with their funding, milestones, partners and places", async () => {
    const report = await importActions(t.db, csv([base, second], ";"), { now: new Date("2026-11-27T10:00:00Z") });
    expect(report).toMatchObject({ read: 2, created: 2, updated: 0, unchanged: 0, errors: [], written: true });
    const action = await t.db.selectFrom("actions").selectAll().where("slug", "=", "soutien-scolaire-fives").executeTakeFirstOrThrow();
    expect(action).toMatchObject({ title: "Soutien scolaire à Fives", status: "in_progress", progress: 40, summary: "Aide aux devoirs.", is_example: false });
    expect(action.objective_id).not.toBeNull();
    const funding = await t.db
      .selectFrom("funding_lines")
      .select(["funder", "amount", "year", "label"])
      .where("action_id", "=", action.id)
      .orderBy("id")
      .execute();
    expect(funding.map((f) => [f.funder, Number(f.amount), f.year, f.label])).toEqual([
      ["ville", 12000, 2025, ""],
      ["etat", 8000.5, 2025, "Appel à projets"],
    ]);
    const milestones = await t.db
      .selectFrom("milestones")
      .select(["title", "done", "position"])
      .where("action_id", "=", action.id)
      .orderBy("position")
      .execute();
    expect(milestones).toEqual([
      { title: "Lancement", done: true, position: 0 },
      { title: "Bilan : première année", done: false, position: 1 },
    ]);
    expect(await countAll(t.db, [...tables])).toEqual({ actions: 2, funding_lines: 3, milestones: 2, action_partners: 2, action_neighbourhoods: 2 });
    const forum = await t.db.selectFrom("actions").select(["status", "progress", "start_date"]).where("slug", "=", "forum-emploi").executeTakeFirstOrThrow();
    expect(forum).toEqual({ status: "planned", progress: 0, start_date: null });
  });

  it("is idempotent: the same file leaves everything untouched", async () => {
    const before = await countAll(t.db, [...tables]);
    const stamp = await t.db.selectFrom("actions").select(["updated_at"]).where("slug", "=", "soutien-scolaire-fives").executeTakeFirstOrThrow();
    const report = await importActions(t.db, csv([base, second]), { now: new Date("2027-01-01T00:00:00Z") });
    expect(report).toMatchObject({ created: 0, updated: 0, unchanged: 2, errors: [] });
    expect(await countAll(t.db, [...tables])).toEqual(before);
    const after = await t.db.selectFrom("actions").select(["updated_at"]).where("slug", "=", "soutien-scolaire-fives").executeTakeFirstOrThrow();
    expect(after.updated_at.toISOString()).toBe(stamp.updated_at.toISOString());
  });

  it("replaces funding lines, milestones, partners and places on re-import", async () => {
    const changed: Row = {
      ...base,
      progress: "60",
      partners: "caf-du-nord",
      neighbourhoods: "qpv-secteur-nord-est",
      funding: "caf:5000:2026",
      milestones: "2026-01-15:Comité de suivi:0",
    };
    const report = await importActions(t.db, csv([changed, second]));
    expect(report).toMatchObject({ created: 0, updated: 1, unchanged: 1, errors: [] });
    const action = await t.db.selectFrom("actions").select(["id", "progress"]).where("slug", "=", "soutien-scolaire-fives").executeTakeFirstOrThrow();
    expect(action.progress).toBe(60);
    const funding = await t.db.selectFrom("funding_lines").select(["funder", "amount"]).where("action_id", "=", action.id).execute();
    expect(funding.map((f) => [f.funder, Number(f.amount)])).toEqual([["caf", 5000]]);
    const milestones = await t.db.selectFrom("milestones").select(["title"]).where("action_id", "=", action.id).execute();
    expect(milestones.map((m) => m.title)).toEqual(["Comité de suivi"]);
    expect(await countAll(t.db, [...tables])).toEqual({ actions: 2, funding_lines: 2, milestones: 1, action_partners: 1, action_neighbourhoods: 1 });
  });

  it("a dry run reports the change and writes nothing", async () => {
    const before = await countAll(t.db, [...tables]);
    const report = await importActions(t.db, csv([base, second, { ...second, slug: "forum-emploi-2027" }]), { dryRun: true });
    expect(report).toMatchObject({ created: 1, updated: 1, unchanged: 1, written: false, dryRun: true });
    expect(await countAll(t.db, [...tables])).toEqual(before);
  });

  it("reports every invalid row with its line, in French, and writes nothing", async () => {
    const before = await countAll(t.db, [...tables]);
    const rows: Row[] = [
      base, // line 2: valid
      { ...base, slug: "action-finie", status: "fini" }, // 3
      { ...base, slug: "Mauvais Slug", progress: "150" }, // 4
      { ...base, slug: "dates", start_date: "2025-02-30", end_date: "2024-01-01" }, // 5
      { ...base, slug: "financement", funding: "mairie:100:2025|ville:-5:2025|ville:100" }, // 6
      { ...base, slug: "jalons", milestones: "2025-13-01:Titre:1|2025-01-01::0|2025-01-01:Titre:oui" }, // 7
      { ...base, slug: "soutien-scolaire-fives" }, // 8: duplicate of line 2
    ];
    const report = await importActions(t.db, csv(rows));
    expect(report.written).toBe(false);
    const messages = report.errors.map(formatIssue);
    expect(messages[0]).toBe(
      "Ligne 3 : le statut « fini » n’existe pas (valeurs possibles : planned (À venir), in_progress (En cours), delayed (Retardée), completed (Terminée), cancelled (Abandonnée)).",
    );
    expect(report.errors.map((e) => e.line)).toEqual([3, 4, 4, 5, 6, 6, 6, 7, 7, 7, 8]);
    expect(messages.join("\n")).toContain("« mairie » n’existe pas");
    expect(messages.join("\n")).toContain("financeur:montant:année");
    expect(messages.join("\n")).toContain("l’état doit être 0 (à faire) ou 1 (fait), pas « oui »");
    expect(messages.at(-1)).toBe("Ligne 8 : l’action « soutien-scolaire-fives » figure déjà à la ligne 2.");
    expect(await countAll(t.db, [...tables])).toEqual(before);
  });

  it("checks references against the database: contract, priority, objective, organisations, places", async () => {
    const before = await countAll(t.db, [...tables]);
    const rows: Row[] = [
      { ...second, slug: "nouvelle-action" }, // line 2: valid, must not be written
      { ...base, slug: "a3", contract: "contrat-2015" }, // 3
      { ...base, slug: "a4", priority: "sante" }, // 4
      { ...base, slug: "a5", objective: "Inconnu" }, // 5
      { ...base, slug: "a6", lead: "asso-inconnue", partners: "caf-du-nord|autre-inconnue" }, // 6
      { ...base, slug: "a7", neighbourhoods: "fives|moulins" }, // 7
      { ...base, slug: "a8", status: "fini", lead: "asso-inconnue" }, // 8: both kinds of error in one run
    ];
    const report = await importActions(t.db, csv(rows));
    expect(report.written).toBe(false);
    expect(report.errors.map(formatIssue)).toEqual([
      "Ligne 3 : le contrat « contrat-2015 » n’existe pas (contrats existants : « contrat-2024 »).",
      "Ligne 4 : la priorité « sante » n’existe pas dans le contrat « contrat-2024 » (priorités : « reussite-educative » et « emploi »).",
      "Ligne 5 : l’objectif « Inconnu » n’existe pas dans la priorité « reussite-educative » (objectifs : « Réduire le décrochage »).",
      "Ligne 6 : l’organisation « asso-inconnue » (porteur) n’existe pas : créez-la d’abord dans l’administration, ou corrigez son identifiant.",
      "Ligne 6 : l’organisation « autre-inconnue » (partenaire) n’existe pas : créez-la d’abord dans l’administration, ou corrigez son identifiant.",
      "Ligne 7 : le quartier ou QPV « moulins » n’existe pas (ni identifiant ni code connu).",
      expect.stringMatching(/^Ligne 8 : le statut « fini »/),
      "Ligne 8 : l’organisation « asso-inconnue » (porteur) n’existe pas : créez-la d’abord dans l’administration, ou corrigez son identifiant.",
    ]);
    expect(await countAll(t.db, [...tables])).toEqual(before);
  });
});
