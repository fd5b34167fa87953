// Contracts, priorities, objectives, organisations and indicators in the back office:
// create, edit, validation, deletions refused while in use, order, audit, public pages.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAction, createContract, createNeighbourhood, createOrganisation, createPriority, createSite } from "../../../../test/factories.js";
import { createTestWorld, type TestWorld } from "../../../../test/helpers.js";
import { createStaff, type StaffMember } from "../../../../test/staff.js";

const BASE = "/admin/politique-de-la-ville";

let w: TestWorld;
let admin: StaffMember;
beforeAll(async () => {
  w = await createTestWorld();
  await createSite(w.db);
  admin = await createStaff(w, "admin");
});
afterAll(async () => w?.close());

const idFrom = (location: unknown) => Number(/\/(\d+)(\?|$)/.exec(String(location))![1]);
const events = (action: string, targetId: number) =>
  w.db
    .selectFrom("audit_events")
    .select(["actor_id", "target_label", "details"])
    .where("action", "=", action)
    .where("target_id", "=", String(targetId))
    .execute();

describe("contracts", () => {
  const valid = {
    name: "Contrat de ville 2024-2030 (test)",
    slug: "",
    generation: "2024",
    period_start: "2024",
    period_end: "2030",
    territory: "Ville de Test",
    description: "",
    progress_rule: "equal",
    position: "0",
  };

  it("validates, creates, edits (audited) and shows the contract publicly", async () => {
    const bad = await admin.agent.send(`${BASE}/contrats/nouveau`, { ...valid, name: "", period_end: "2020", generation: "2030" });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Indiquez le nom du contrat.");
    expect(bad.body).toContain("L’année de fin doit être égale ou postérieure à l’année de début.");
    expect(bad.body).toContain("Choisissez la génération du contrat");
    expect(bad.body).toContain('value="Ville de Test"');

    expect((await w.app.inject({ url: "/politique-de-la-ville" })).body).not.toContain("Contrat de ville 2024-2030 (test)");
    const res = await admin.agent.send(`${BASE}/contrats/nouveau`, valid);
    expect(res.statusCode).toBe(303);
    const id = idFrom(res.headers.location);
    expect(res.headers.location).toBe(`${BASE}/contrats/${id}?ok=contrat-enregistre`);
    const row = await w.db.selectFrom("contracts").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ slug: "contrat-de-ville-2024-2030-test", progress_rule: "equal", territory: "Ville de Test" });
    expect((await w.app.inject({ url: "/politique-de-la-ville" })).body).toContain("Contrat de ville 2024-2030 (test)");

    const edit = await admin.agent.send(`${BASE}/contrats/${id}`, { ...valid, slug: row.slug, name: "Contrat renommé" });
    expect(edit.statusCode).toBe(303);
    expect((await w.app.inject({ url: "/politique-de-la-ville" })).body).toContain("Contrat renommé");
    const [event] = await events("policy.contract.update", id);
    expect(event!.actor_id).toBe(admin.id);
    expect((event!.details as { changed: unknown }).changed).toEqual({ name: { from: "Contrat de ville 2024-2030 (test)", to: "Contrat renommé" } });

    const duplicate = await admin.agent.send(`${BASE}/contrats/nouveau`, { ...valid, slug: row.slug });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.body).toContain("Cet identifiant est déjà celui d’un autre contrat");
  });

  it("refuses to delete a contract that has priorities, then deletes it once empty", async () => {
    const contract = await createContract(w.db, { name: "Contrat à vider" });
    const priority = await createPriority(w.db, { contractId: contract.id });
    const refused = await admin.agent.send(`${BASE}/contrats/${contract.id}/supprimer`);
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain("Ce contrat ne peut pas être supprimé : il a une priorité.");
    expect(await w.db.selectFrom("contracts").select("id").where("id", "=", contract.id).execute()).toHaveLength(1);

    expect((await admin.agent.send(`${BASE}/priorites/${priority.id}/supprimer`)).headers.location).toBe(
      `${BASE}/contrats/${contract.id}?ok=priorite-supprimee`,
    );
    const done = await admin.agent.send(`${BASE}/contrats/${contract.id}/supprimer`);
    expect(done.headers.location).toBe(`${BASE}/contrats?ok=contrat-supprime`);
    expect(await w.db.selectFrom("contracts").select("id").where("id", "=", contract.id).execute()).toHaveLength(0);
    expect(await events("policy.contract.delete", contract.id)).toHaveLength(1);
    expect((await admin.agent.send(`${BASE}/contrats/${contract.id}/supprimer`)).statusCode).toBe(404);
  });
});

describe("priorities and objectives", () => {
  it("creates priorities in order, moves them, maps an old pillar, and refuses to delete a used one", async () => {
    const old = await createContract(w.db, { generation: "2015", name: "Contrat 2015" });
    const pillar = await createPriority(w.db, { contractId: old.id, title: "Pilier cohésion sociale" });
    const contract = await createContract(w.db, { name: "Contrat 2024" });
    const created: number[] = [];
    for (const title of ["Éducation", "Emploi", "Cadre de vie"]) {
      const res = await admin.agent.send(`${BASE}/contrats/${contract.id}/priorites/nouvelle`, {
        title,
        slug: "",
        description: "",
        continues_priority_id: title === "Éducation" ? String(pillar.id) : "",
      });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
      created.push(idFrom(res.headers.location));
    }
    const order = async () =>
      (await w.db.selectFrom("priorities").select("title").where("contract_id", "=", contract.id).orderBy("position").execute()).map((p) => p.title);
    expect(await order()).toEqual(["Éducation", "Emploi", "Cadre de vie"]);
    expect(
      (await w.db.selectFrom("priorities").select("continues_priority_id").where("id", "=", created[0]!).executeTakeFirstOrThrow()).continues_priority_id,
    ).toBe(pillar.id);

    const moved = await admin.agent.send(`${BASE}/priorites/${created[2]}/deplacer`, { sens: "haut" });
    expect(moved.headers.location).toBe(`${BASE}/contrats/${contract.id}?ok=priorite-deplacee`);
    expect(await order()).toEqual(["Éducation", "Cadre de vie", "Emploi"]);
    expect(await events("policy.priority.move", created[2]!)).toHaveLength(1);
    const page = await admin.agent.get(`${BASE}/contrats/${contract.id}?ok=priorite-deplacee`);
    expect(page.body).toContain("Ordre des priorités enregistré.");
    expect(page.body).toContain("Pilier cohésion sociale");

    // A priority of the same contract cannot be "continued".
    const self = await admin.agent.send(`${BASE}/priorites/${created[1]}`, { title: "Emploi", slug: "emploi", continues_priority_id: String(created[0]) });
    expect(self.statusCode).toBe(400);
    expect(self.body).toContain("Choisissez une priorité d’un autre contrat");

    await createAction(w.db, { priorityId: created[1]! });
    const refused = await admin.agent.send(`${BASE}/priorites/${created[1]}/supprimer`);
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain("Cette priorité ne peut pas être supprimée : elle a une action.");
  });

  it("adds, renames, reorders and deletes objectives; refuses to delete one used by an action", async () => {
    const priority = await createPriority(w.db, { title: "Priorité aux objectifs" });
    const empty = await admin.agent.send(`${BASE}/priorites/${priority.id}/objectifs`, { objective_title: "" });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("Indiquez l’intitulé de l’objectif.");
    for (const title of ["Lire", "Écrire"]) {
      const res = await admin.agent.send(`${BASE}/priorites/${priority.id}/objectifs`, { objective_title: title });
      expect(res.headers.location).toBe(`${BASE}/priorites/${priority.id}?ok=objectif-enregistre`);
    }
    const rows = await w.db.selectFrom("objectives").select(["id", "title"]).where("priority_id", "=", priority.id).orderBy("position").execute();
    expect(rows.map((r) => r.title)).toEqual(["Lire", "Écrire"]);
    await admin.agent.send(`${BASE}/objectifs/${rows[0]!.id}/deplacer`, { sens: "bas" });
    expect(
      (await w.db.selectFrom("objectives").select("title").where("priority_id", "=", priority.id).orderBy("position").execute()).map((r) => r.title),
    ).toEqual(["Écrire", "Lire"]);

    const renamed = await admin.agent.send(`${BASE}/objectifs/${rows[0]!.id}`, { title: "Lire et compter" });
    expect(renamed.headers.location).toBe(`${BASE}/priorites/${priority.id}?ok=objectif-enregistre`);
    expect(await events("policy.objective.update", rows[0]!.id)).toHaveLength(1);

    const action = await createAction(w.db, { priorityId: priority.id });
    await w.db.updateTable("actions").set({ objective_id: rows[0]!.id }).where("id", "=", action.id).execute();
    const refused = await admin.agent.send(`${BASE}/objectifs/${rows[0]!.id}/supprimer`);
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain("une action s’y rattache");
    expect((await admin.agent.send(`${BASE}/objectifs/${rows[1]!.id}/supprimer`)).statusCode).toBe(303);
    expect(await w.db.selectFrom("objectives").select("id").where("priority_id", "=", priority.id).execute()).toHaveLength(1);
  });
});

describe("organisations", () => {
  it("accepts https websites only, creates and edits, and refuses to delete one still used", async () => {
    const bad = await admin.agent.send(`${BASE}/organisations/nouvelle`, {
      name: "Régie de quartier",
      kind: "association",
      website: "http://regie.example.fr",
      description: "",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("commençant par https://");
    expect(bad.body).toContain('value="Régie de quartier"');
    const res = await admin.agent.send(`${BASE}/organisations/nouvelle`, {
      name: "Régie de quartier",
      kind: "association",
      website: "https://regie.example.fr",
      description: "Emplois d’insertion.",
    });
    expect(res.headers.location).toBe(`${BASE}/organisations?ok=organisation-enregistree`);
    const row = await w.db.selectFrom("organisations").selectAll().where("slug", "=", "regie-de-quartier").executeTakeFirstOrThrow();
    expect(row).toMatchObject({ website: "https://regie.example.fr/", kind: "association" });
    expect((await admin.agent.get(`${BASE}/organisations?q=r%C3%A9gie`)).body).toContain("Régie de quartier");

    const kind = await admin.agent.send(`${BASE}/organisations/${row.id}`, { name: "Régie de quartier", slug: row.slug, kind: "inconnu" });
    expect(kind.statusCode).toBe(400);
    expect(kind.body).toContain("Choisissez le type d’organisation dans la liste.");

    const action = await createAction(w.db, { leadId: row.id, title: "Action de la régie" });
    await admin.agent.send(`${BASE}/organisations/${row.id}`, { name: "Régie de quartier des Oliviers", slug: row.slug, kind: "entreprise", website: "" });
    expect((await w.app.inject({ url: `/politique-de-la-ville/actions/${action.slug}` })).body).toContain("Régie de quartier des Oliviers");
    const refused = await admin.agent.send(`${BASE}/organisations/${row.id}/supprimer`);
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain("elle est porteuse de 1 action");

    const unused = await createOrganisation(w.db, { name: "Association dissoute" });
    expect((await admin.agent.send(`${BASE}/organisations/${unused.id}/supprimer`)).headers.location).toBe(`${BASE}/organisations?ok=organisation-supprimee`);
    expect(await events("policy.organisation.delete", unused.id)).toHaveLength(1);
  });
});

describe("indicators", () => {
  it("creates, refuses a duplicate, edits and deletes a value; the neighbourhood page follows", async () => {
    const qpv = await createNeighbourhood(w.db, { kind: "qpv", code: "QN05988X", name: "QPV Indicateurs", slug: "qpv-indicateurs" });
    const page = () => w.app.inject({ url: `/quartiers/${qpv.slug}` });
    expect((await page()).body).not.toContain("Taux de chômage");
    const valid = {
      metric: "taux_chomage",
      label: "Taux de chômage",
      territory_kind: "qpv",
      territory_code: "QN05988X",
      territory_name: "QPV Indicateurs",
      year: "2022",
      value: "24,5",
      unit: "%",
      source: "INSEE",
    };

    const bad = await admin.agent.send(`${BASE}/indicateurs/nouveau`, { ...valid, metric: "Taux Chômage", value: "beaucoup" });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("L’identifiant s’écrit en minuscules");
    expect(bad.body).toContain("La valeur doit être un nombre");

    const res = await admin.agent.send(`${BASE}/indicateurs/nouveau`, valid);
    expect(res.headers.location).toBe(`${BASE}/indicateurs?ok=indicateur-enregistre`);
    const row = await w.db.selectFrom("indicators").select(["id", "value"]).where("metric", "=", "taux_chomage").executeTakeFirstOrThrow();
    expect(Number(row.value)).toBe(24.5);
    expect((await page()).body).toContain("Taux de chômage");
    expect(await events("policy.indicator.create", row.id)).toHaveLength(1);

    const duplicate = await admin.agent.send(`${BASE}/indicateurs/nouveau`, valid);
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.body).toContain("Une valeur de cet indicateur existe déjà pour ce territoire et cette année");

    const list = await admin.agent.get(`${BASE}/indicateurs?indicateur=taux_chomage&annee=2022`);
    expect(list.body).toContain("24,5");
    expect(list.body).toContain("npm run import -- indicators");

    await admin.agent.send(`${BASE}/indicateurs/${row.id}`, { ...valid, value: "22,1" });
    expect(Number((await w.db.selectFrom("indicators").select("value").where("id", "=", row.id).executeTakeFirstOrThrow()).value)).toBe(22.1);
    const [update] = await events("policy.indicator.update", row.id);
    expect((update!.details as { changed: unknown }).changed).toEqual({ value: { from: "24.5000", to: "22.1000" } });

    expect((await admin.agent.send(`${BASE}/indicateurs/${row.id}/supprimer`)).headers.location).toBe(`${BASE}/indicateurs?ok=indicateur-supprime`);
    expect((await page()).body).not.toContain("Taux de chômage");
  });
});
