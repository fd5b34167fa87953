// Editing actions in the back office, through the HTTP layer: the form with its repeated
// funding and milestone rows, validation next to each field and row, no partial write,
// the audit trail, and the public pages refreshed after a save.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createAction,
  createArticle,
  createContract,
  createNeighbourhood,
  createOrganisation,
  createPriority,
  createSite,
} from "../../../../test/factories.js";
import { createTestWorld, type TestWorld } from "../../../../test/helpers.js";
import { createStaff, type StaffMember } from "../../../../test/staff.js";

const BASE = "/admin/politique-de-la-ville";

let w: TestWorld;
let officer: StaffMember;
beforeAll(async () => {
  w = await createTestWorld();
  await createSite(w.db);
  officer = await createStaff(w, "policy", { displayName: "Agent PDV" });
});
afterAll(async () => w?.close());

const anonymous = (url: string) => w.app.inject({ url });

async function fundingOf(actionId: number) {
  return w.db
    .selectFrom("funding_lines")
    .select(["funder", "amount", "year", "label"])
    .where("action_id", "=", actionId)
    .orderBy("year")
    .orderBy("funder")
    .execute();
}

async function milestonesOf(actionId: number) {
  return (
    await w.db.selectFrom("milestones").select(["title", "done", "due_date", "position"]).where("action_id", "=", actionId).orderBy("position").execute()
  ).map((m) => ({
    title: m.title,
    done: m.done,
    position: m.position,
  }));
}

describe("actions in the back office", () => {
  it("creates an action with its links, funding lines and milestones; blank rows are ignored; audited; public page shows it", async () => {
    const contract = await createContract(w.db, { name: "Contrat de test" });
    const priority = await createPriority(w.db, { contractId: contract.id, title: "Réussite éducative" });
    const objective = (
      await w.db.insertInto("objectives").values({ priority_id: priority.id, title: "Soutien aux devoirs" }).returning("id").executeTakeFirstOrThrow()
    ).id;
    const lead = await createOrganisation(w.db, { name: "Centre social des Oliviers" });
    const partner = await createOrganisation(w.db, { name: "Médiathèque Jean-Lévy" });
    const qpv = await createNeighbourhood(w.db, { kind: "qpv", code: "QN05999T", name: "QPV Test" });
    const article = await createArticle(w.db, { title: "Une rentrée solidaire aux Oliviers" });

    const form = await officer.agent.get(`${BASE}/actions/nouvelle`);
    expect(form.statusCode).toBe(200);
    // Without JavaScript: three empty funding rows and three empty milestone rows.
    expect(form.body).toContain('name="funding_2_amount"');
    expect(form.body).not.toContain('name="funding_3_amount"');
    expect(form.body).toContain('name="milestone_2_title"');

    const res = await officer.agent.send(`${BASE}/actions/nouvelle`, {
      title: "Aide aux devoirs aux Oliviers",
      slug: "",
      summary: "Des bénévoles accompagnent les collégiens.",
      description: "Premier paragraphe.\n\nSecond <paragraphe> & fin.",
      priority_id: String(priority.id),
      objective_id: String(objective),
      status: "in_progress",
      progress: "30",
      start_date: "2025-09-01",
      end_date: "01/07/2026",
      lead_organisation_id: String(lead.id),
      partners: [String(partner.id)],
      places: [String(qpv.id)],
      articles: [String(article.id)],
      funding_0_funder: "ville",
      funding_0_amount: "12 000",
      funding_0_year: "2025",
      funding_0_label: "Subvention",
      funding_1_funder: "etat",
      funding_1_amount: "4500,50",
      funding_1_year: "2026",
      funding_1_label: "",
      funding_2_funder: "",
      funding_2_amount: "",
      funding_2_year: "",
      funding_2_label: "",
      milestone_0_due_date: "2025-09-01",
      milestone_0_title: "Lancement",
      milestone_0_done: "1",
      milestone_1_due_date: "",
      milestone_1_title: "",
      milestone_2_due_date: "2026-06-30",
      milestone_2_title: "Bilan",
    });
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
    const location = String(res.headers.location);
    expect(location).toMatch(new RegExp(`^${BASE}/actions/\\d+\\?ok=action-enregistree$`));
    const id = Number(/actions\/(\d+)/.exec(location)![1]);
    expect((await officer.agent.get(location)).body).toContain("Action enregistrée.");

    const row = await w.db.selectFrom("actions").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      slug: "aide-aux-devoirs-aux-oliviers",
      status: "in_progress",
      progress: 30,
      objective_id: objective,
      lead_organisation_id: lead.id,
      is_example: false,
    });
    expect(row.description).toBe("<p>Premier paragraphe.</p>\n<p>Second &lt;paragraphe&gt; &amp; fin.</p>");
    expect(await fundingOf(id)).toEqual([
      { funder: "ville", amount: "12000.00", year: 2025, label: "Subvention" },
      { funder: "etat", amount: "4500.50", year: 2026, label: "" },
    ]);
    expect(await milestonesOf(id)).toEqual([
      { title: "Lancement", done: true, position: 0 },
      { title: "Bilan", done: false, position: 1 },
    ]);

    const event = await w.db
      .selectFrom("audit_events")
      .selectAll()
      .where("action", "=", "policy.action.create")
      .where("target_id", "=", String(id))
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ actor_id: officer.id, target_type: "action", target_label: "Aide aux devoirs aux Oliviers" });
    expect(event.actor_label).toContain("Agent PDV");
    expect((event.details as { changed: Record<string, unknown> }).changed).toHaveProperty("progress", { from: null, to: 30 });

    const page = await anonymous("/politique-de-la-ville/actions/aide-aux-devoirs-aux-oliviers");
    expect(page.statusCode).toBe(200);
    for (const text of [
      "Aide aux devoirs aux Oliviers",
      "Centre social des Oliviers",
      "Médiathèque Jean-Lévy",
      "QPV Test",
      "Lancement",
      "Une rentrée solidaire aux Oliviers",
    ])
      expect(page.body).toContain(text);
    expect(page.body).toMatch(/16\u00a0501\u00a0€/);
  });

  it("edits progress, adds a funding line and removes a milestone; the cached public page is refreshed", async () => {
    const action = await createAction(w.db, {
      title: "Jardins partagés",
      progress: 20,
      funding: [{ funder: "metropole", amount: 5000, year: 2025 }],
      milestones: [
        { date: "2025-03-01", title: "Première plantation", done: true },
        { date: "2025-10-01", title: "Fête des récoltes", done: false },
      ],
    });
    const publicUrl = `/politique-de-la-ville/actions/${action.slug}`;
    expect((await anonymous(publicUrl)).body).toContain("Fête des récoltes");
    const before = await anonymous(publicUrl); // served from the cache from now on
    expect(before.body).toContain('aria-label="Avancement : 20 %"');

    const form = await officer.agent.get(`${BASE}/actions/${action.id}`);
    expect(form.body).toContain('value="5000,00"');
    // Existing rows plus three empty ones.
    expect(form.body).toContain('name="funding_3_amount"');
    expect(form.body).not.toContain('name="funding_4_amount"');
    const values = formValues(form.body);
    const res = await officer.agent.send(`${BASE}/actions/${action.id}`, {
      ...values,
      progress: "65",
      funding_1_funder: "caf",
      funding_1_amount: "2 500",
      funding_1_year: "2026",
      milestone_1_remove: "1",
    });
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
    expect(await fundingOf(action.id)).toEqual([
      { funder: "metropole", amount: "5000.00", year: 2025, label: "" },
      { funder: "caf", amount: "2500.00", year: 2026, label: "" },
    ]);
    expect((await milestonesOf(action.id)).map((m) => m.title)).toEqual(["Première plantation"]);

    const after = await anonymous(publicUrl);
    expect(after.body).toContain('aria-label="Avancement : 65 %"');
    expect(after.body).not.toContain("Fête des récoltes");
    expect(after.body).toMatch(/7\u00a0500\u00a0€/);

    const event = await w.db
      .selectFrom("audit_events")
      .select("details")
      .where("action", "=", "policy.action.update")
      .where("target_id", "=", String(action.id))
      .executeTakeFirstOrThrow();
    const changed = (event.details as { changed: Record<string, unknown> }).changed;
    expect(changed.progress).toEqual({ from: 20, to: 65 });
    expect(Object.keys(changed).sort()).toEqual(["funding", "milestones", "progress"]);
  });

  it("shows each problem next to its field or row, keeps what was typed, and writes nothing", async () => {
    const action = await createAction(w.db, { title: "Action intacte", progress: 10, funding: [{ funder: "ville", amount: 1000, year: 2025 }] });
    const values = formValues((await officer.agent.get(`${BASE}/actions/${action.id}`)).body);
    const res = await officer.agent.send(`${BASE}/actions/${action.id}`, {
      ...values,
      title: "Titre modifié mais non enregistré",
      progress: "140",
      end_date: "2020-01-01",
      funding_1_funder: "etat",
      funding_1_amount: "douze mille",
      funding_1_year: "2025",
      milestone_0_due_date: "31/02/2026",
      milestone_0_title: "Étape impossible",
    });
    expect(res.statusCode).toBe(400);
    const html = res.body;
    expect(html).toContain("Le formulaire contient 4 erreurs");
    expect(html).toContain("Ligne 2 du financement : montant invalide");
    expect(html).toContain('href="#champ-funding_1_amount"');
    expect(html).toContain('id="champ-funding_1_amount-erreur"');
    expect(html).toContain("L’avancement doit être un nombre entier entre 0 et 100.");
    expect(html).toContain("La date de fin doit être égale ou postérieure à la date de début.");
    expect(html).toContain("Étape 1 : date invalide");
    // Values kept.
    expect(html).toContain('value="Titre modifié mais non enregistré"');
    expect(html).toContain('value="douze mille"');
    expect(html).toContain('value="Étape impossible"');
    // Nothing written.
    const row = await w.db.selectFrom("actions").select(["title", "progress"]).where("id", "=", action.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ title: "Action intacte", progress: 10 });
    expect(await fundingOf(action.id)).toEqual([{ funder: "ville", amount: "1000.00", year: 2025, label: "" }]);
    expect(
      await w.db.selectFrom("audit_events").select("id").where("action", "=", "policy.action.update").where("target_id", "=", String(action.id)).execute(),
    ).toEqual([]);
  });

  it("refuses a row that is only half filled in, and an objective of another priority", async () => {
    const priority = await createPriority(w.db);
    const other = await createPriority(w.db);
    const objective = (
      await w.db.insertInto("objectives").values({ priority_id: other.id, title: "Objectif ailleurs" }).returning("id").executeTakeFirstOrThrow()
    ).id;
    const res = await officer.agent.send(`${BASE}/actions/nouvelle`, {
      title: "Action incomplète",
      priority_id: String(priority.id),
      objective_id: String(objective),
      status: "planned",
      progress: "0",
      funding_0_funder: "ville",
      funding_0_amount: "",
      funding_0_year: "2025",
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("Ligne 1 du financement : indiquez le financeur, le montant et l’année");
    const again = await officer.agent.send(`${BASE}/actions/nouvelle`, {
      title: "Action incomplète",
      priority_id: String(priority.id),
      objective_id: String(objective),
      status: "planned",
      progress: "0",
    });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain("Cet objectif n’appartient pas à la priorité choisie");
    expect(await w.db.selectFrom("actions").select("id").where("title", "=", "Action incomplète").execute()).toEqual([]);
  });

  it("makes generated slugs unique, refuses a slug already taken, and keeps the slug when the field is left empty", async () => {
    const priority = await createPriority(w.db);
    const base = { priority_id: String(priority.id), status: "planned", progress: "0" };
    const first = await officer.agent.send(`${BASE}/actions/nouvelle`, { ...base, title: "Fête de quartier" });
    const second = await officer.agent.send(`${BASE}/actions/nouvelle`, { ...base, title: "Fête de quartier" });
    expect([first.statusCode, second.statusCode]).toEqual([303, 303]);
    const slugs = (await w.db.selectFrom("actions").select("slug").where("title", "=", "Fête de quartier").orderBy("id").execute()).map((r) => r.slug);
    expect(slugs).toEqual(["fete-de-quartier", "fete-de-quartier-2"]);

    const taken = await officer.agent.send(`${BASE}/actions/nouvelle`, { ...base, title: "Autre fête", slug: "fete-de-quartier" });
    expect(taken.statusCode).toBe(400);
    expect(taken.body).toContain("Cet identifiant est déjà celui d’une autre action");

    const id = Number(/actions\/(\d+)/.exec(String(second.headers.location))![1]);
    const edit = await officer.agent.send(`${BASE}/actions/${id}`, { ...base, title: "Fête de quartier renommée", slug: "" });
    expect(edit.statusCode).toBe(303);
    expect((await w.db.selectFrom("actions").select("slug").where("id", "=", id).executeTakeFirstOrThrow()).slug).toBe("fete-de-quartier-2");
  });

  it("keeps the old public address of a renamed action working with a 301", async () => {
    const priority = await createPriority(w.db);
    const base = { priority_id: String(priority.id), status: "planned", progress: "0" };
    const created = await officer.agent.send(`${BASE}/actions/nouvelle`, { ...base, title: "Jardin partagé", slug: "jardin-partage" });
    const id = Number(/actions\/(\d+)/.exec(String(created.headers.location))![1]);
    expect((await anonymous("/politique-de-la-ville/actions/jardin-partage")).statusCode).toBe(200);
    await officer.agent.send(`${BASE}/actions/${id}`, { ...base, title: "Jardin partagé des Bois-Blancs", slug: "jardin-partage-bois-blancs" });
    const old = await anonymous("/politique-de-la-ville/actions/jardin-partage");
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe("/politique-de-la-ville/actions/jardin-partage-bois-blancs");
    // Renamed back: the first address is the action's again, not a redirect to itself.
    await officer.agent.send(`${BASE}/actions/${id}`, { ...base, title: "Jardin partagé", slug: "jardin-partage" });
    expect((await anonymous("/politique-de-la-ville/actions/jardin-partage")).statusCode).toBe(200);
    expect((await anonymous("/politique-de-la-ville/actions/jardin-partage-bois-blancs")).headers.location).toBe(
      "/politique-de-la-ville/actions/jardin-partage",
    );
  });

  it("refuses a save over someone else's change, keeping what was typed and writing nothing", async () => {
    const priority = await createPriority(w.db);
    const base = { priority_id: String(priority.id), status: "in_progress" };
    const created = await officer.agent.send(`${BASE}/actions/nouvelle`, { ...base, title: "Permanence emploi", progress: "10" });
    const id = Number(/actions\/(\d+)/.exec(String(created.headers.location))![1]);
    const page = await officer.agent.get(`${BASE}/actions/${id}`);
    const version = /name="version" value="(\d+)"/.exec(page.body)![1]!;
    const colleague = await createStaff(w, "policy", { displayName: "Collègue PDV" });
    const theirs = await colleague.agent.send(`${BASE}/actions/${id}`, {
      ...base,
      title: "Permanence emploi",
      progress: "40",
      version,
      funding_0_funder: "Ville",
      funding_0_amount: "5000",
      funding_0_year: "2027",
    });
    expect(theirs.statusCode).toBe(303);
    const mine = await officer.agent.send(`${BASE}/actions/${id}`, { ...base, title: "Permanence emploi renforcée", progress: "25", version });
    expect(mine.statusCode).toBe(400);
    expect(mine.body).toContain("modifiée par quelqu’un d’autre");
    expect(mine.body).toContain('value="Permanence emploi renforcée"');
    const row = await w.db.selectFrom("actions").select(["title", "progress", "version"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toEqual({ title: "Permanence emploi", progress: 40, version: Number(version) + 1 });
    expect(await fundingOf(id)).toHaveLength(1);
  });

  it("searches articles to link without saving anything", async () => {
    await createArticle(w.db, { title: "Inauguration du city-stade" });
    const action = await createAction(w.db, { title: "Terrain de sport" });
    const values = formValues((await officer.agent.get(`${BASE}/actions/${action.id}`)).body);
    const res = await officer.agent.send(`${BASE}/actions/${action.id}`, {
      ...values,
      title: "Pas encore enregistré",
      _intent: "articles",
      articles_q: "city-stade",
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("Inauguration du city-stade");
    expect(res.body).toContain('value="Pas encore enregistré"');
    expect((await w.db.selectFrom("actions").select("title").where("id", "=", action.id).executeTakeFirstOrThrow()).title).toBe("Terrain de sport");
  });

  it("lists actions with search, filters and pagination", async () => {
    const contract = await createContract(w.db, { name: "Contrat filtré" });
    const priority = await createPriority(w.db, { contractId: contract.id });
    const place = await createNeighbourhood(w.db, { name: "Quartier filtré" });
    await createAction(w.db, { priorityId: priority.id, title: "Chantier éducatif Moulins", status: "delayed", neighbourhoodIds: [place.id] });
    await createAction(w.db, { priorityId: priority.id, title: "Chantier jeunes Wazemmes", status: "planned" });
    for (let i = 0; i < 26; i++) await createAction(w.db, { priorityId: priority.id, title: `Action en série ${i}` });
    const get = async (qs: string) => (await officer.agent.get(`${BASE}/actions?${qs}`)).body;
    expect(await get(`contrat=${contract.id}`)).toContain("(28), page 1 sur 2");
    expect(await get(`contrat=${contract.id}&page=2`)).toContain("page 2 sur 2");
    const search = await get("q=chantier");
    expect(search).toContain("Chantier éducatif Moulins");
    expect(search).toContain("Chantier jeunes Wazemmes");
    const delayed = await get(`q=chantier&statut=delayed`);
    expect(delayed).toContain("Chantier éducatif Moulins");
    expect(delayed).not.toContain("Chantier jeunes Wazemmes");
    const byPlace = await get(`quartier=${place.id}`);
    expect(byPlace).toContain("Chantier éducatif Moulins");
    expect(byPlace).not.toContain("Chantier jeunes Wazemmes");
    expect((await officer.agent.get(`${BASE}/actions?page=9`)).statusCode).toBe(404);
  });

  it("deletes an action, audited, and it leaves the public pages", async () => {
    const action = await createAction(w.db, { title: "Action à supprimer" });
    expect((await anonymous(`/politique-de-la-ville/actions/${action.slug}`)).statusCode).toBe(200);
    const res = await officer.agent.send(`${BASE}/actions/${action.id}/supprimer`);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${BASE}/actions?ok=action-supprimee`);
    expect((await anonymous(`/politique-de-la-ville/actions/${action.slug}`)).statusCode).toBe(404);
    const event = await w.db
      .selectFrom("audit_events")
      .select(["target_label"])
      .where("action", "=", "policy.action.delete")
      .where("target_id", "=", String(action.id))
      .executeTakeFirstOrThrow();
    expect(event.target_label).toBe("Action à supprimer");
  });

  it("lists actions needing attention on the overview", async () => {
    w.clock.now = new Date("2026-01-15T10:00:00Z");
    await createAction(w.db, {
      title: "Étape oubliée",
      status: "in_progress",
      funding: [{ funder: "ville", amount: 1, year: 2025 }],
      milestones: [{ date: "2025-12-01", title: "Rendu du rapport", done: false }],
    });
    await createAction(w.db, { title: "Action sans budget", status: "planned" });
    await createAction(w.db, { title: "Action en retard", status: "delayed", funding: [{ funder: "ville", amount: 1, year: 2025 }] });
    const html = (await officer.agent.get(BASE)).body;
    expect(html).toContain("Étape oubliée");
    expect(html).toContain("Rendu du rapport, prévue le 1er décembre 2025");
    expect(html).toMatch(/Actions sans financement[\s\S]*Action sans budget/);
    expect(html).toMatch(/Actions retardées[\s\S]*Action en retard/);
  });
});

/** The values a browser would submit from the first form of the page (text, selects, checked boxes). */
function formValues(html: string): Record<string, string | string[]> {
  const start = html.indexOf('class="pdv-form');
  const form = html.slice(start, html.indexOf("</form>", start));
  const out: Record<string, string | string[]> = {};
  const add = (name: string, value: string) => {
    const prev = out[name];
    out[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  };
  const decode = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, "&");
  for (const m of form.matchAll(/<input([^>]*)>/g)) {
    const attrs = m[1]!;
    const name = /name="([^"]+)"/.exec(attrs)?.[1];
    if (!name || name === "_csrf") continue;
    const type = /type="([^"]+)"/.exec(attrs)?.[1] ?? "text";
    const value = decode(/value="([^"]*)"/.exec(attrs)?.[1] ?? "");
    if (type === "checkbox" || type === "radio") {
      if (/\schecked/.test(attrs)) add(name, value || "on");
    } else if (type !== "submit") add(name, value);
  }
  for (const m of form.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const selected = /<option value="([^"]*)" selected/.exec(m[2]!)?.[1] ?? "";
    add(m[1]!, decode(selected));
  }
  for (const m of form.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g)) add(m[1]!, decode(m[2]!));
  return out;
}
