// One rule for abandoned (cancelled) actions, the same on every page, file and API response:
// they are listed and counted apart ("dont N abandonnées"), and neither their funding nor
// their progress enters any total. This file builds a contract with actions of every status,
// abandoned ones with funding lines, and reads its figures everywhere they are published.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAction, createContract, createNeighbourhood, createPriority, createSite } from "../../../test/factories.js";
import { createTestWorld, type TestWorld } from "../../../test/helpers.js";
import { createStaff } from "../../../test/staff.js";
import { formatEuros } from "./present.js";

let w: TestWorld;
const get = (url: string) => w.app.inject({ url });
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/[ \t\r\n]+/g, " "); // keeps no-break spaces

/** CSV rows as objects (the files are simple: no quoted newlines in this data). */
function csvRows(body: string): Array<Record<string, string>> {
  const lines = body
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  const split = (line: string) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => m[1]!.replace(/^"|"$/g, "").replace(/""/g, '"'));
  const header = split(lines[0]!);
  return lines.slice(1).map((l) => Object.fromEntries(split(l).map((v, i) => [header[i], v])));
}

// Counted: 100 000 + 50 000 + 30 000 (emploi), 40 000 + 10 000.50 (santé) = 230 000.50 €.
// Abandoned: 20 000 + 13 000 (with a CAF line: the CAF funds nothing that is counted), and 0.
const COUNTED_TOTAL = 230000.5;

// The fields of the API's answers that this file reads (the opendata module's OpenAPI document is the contract).
interface ApiContract {
  slug: string;
  financements: unknown[];
  priorites: Array<{ slug: string; actions: number; actions_abandonnees: number; financement_total: number; avancement: number }>;
}
interface ApiAction {
  statut: string;
  compte_dans_les_totaux: boolean;
  financement_total: number;
}
let quartierSlug = "";

beforeAll(async () => {
  w = await createTestWorld();
  await createSite(w.db);
  const q = await createNeighbourhood(w.db, { kind: "quartier", slug: "quartier-totaux", name: "Quartier des totaux" });
  quartierSlug = q.slug;
  const contract = await createContract(w.db, { slug: "contrat-totaux", name: "Contrat des totaux", rule: "budget" });
  const emploi = await createPriority(w.db, { contractId: contract.id, slug: "emploi-totaux", title: "Emploi totaux" });
  const sante = await createPriority(w.db, { contractId: contract.id, slug: "sante-totaux", title: "Santé totaux" });
  const at = [q.id];
  await createAction(w.db, {
    priorityId: emploi.id,
    slug: "t-en-cours",
    status: "in_progress",
    progress: 50,
    neighbourhoodIds: at,
    funding: [
      { funder: "etat", amount: 100000, year: 2024 },
      { funder: "ville", amount: 50000, year: 2025 },
    ],
  });
  await createAction(w.db, {
    priorityId: emploi.id,
    slug: "t-terminee",
    status: "completed",
    progress: 100,
    funding: [{ funder: "etat", amount: 30000, year: 2024 }],
  });
  await createAction(w.db, {
    priorityId: emploi.id,
    slug: "t-abandonnee-financee",
    status: "cancelled",
    progress: 10,
    neighbourhoodIds: at,
    funding: [
      { funder: "etat", amount: 20000, year: 2024 },
      { funder: "caf", amount: 13000, year: 2024 },
    ],
  });
  await createAction(w.db, {
    priorityId: sante.id,
    slug: "t-a-venir",
    status: "planned",
    progress: 0,
    funding: [{ funder: "region", amount: 40000, year: 2026 }],
  });
  await createAction(w.db, { priorityId: sante.id, slug: "t-abandonnee", status: "cancelled", progress: 0 });
  await createAction(w.db, {
    priorityId: sante.id,
    slug: "t-retardee",
    status: "delayed",
    progress: 20,
    neighbourhoodIds: at,
    funding: [{ funder: "ville", amount: 10000.5, year: 2025 }],
  });
});
afterAll(async () => w?.close());

describe("abandoned actions: one rule for every figure", () => {
  it("the overview's headline, priority cards and funder table agree", async () => {
    const res = await get("/politique-de-la-ville");
    expect(res.statusCode).toBe(200);
    const page = text(res.body);
    // headline
    expect(page).toContain(`6 actions, dont 2 abandonnées. ${formatEuros(COUNTED_TOTAL)} de financements`);
    // priority cards: the abandoned ones are counted apart, their funding left out
    expect(page).toContain(`3 actions, dont 1 abandonnée · ${formatEuros(180000)}`);
    expect(page).toContain(`3 actions, dont 1 abandonnée · ${formatEuros(50000.5)}`);
    // funder table: same total, no line for a funder of abandoned actions only
    expect(page).toMatch(new RegExp(`Total ${formatEuros(COUNTED_TOTAL)} 100 %`));
    expect(page).toContain(`État ${formatEuros(130000)}`);
    expect(page).not.toMatch(/CAF \d/);
    // progress: (50 × 150 000 + 100 × 30 000) / 180 000 = 58 %; abandoned 10 % left out
    expect(res.body).toContain('aria-label="Avancement : 58 %"');
    // the rule, stated in plain French next to the figures
    expect(page).toContain("Les actions abandonnées restent listées et sont comptées à part");
  });

  it("the action list and the neighbourhood page count and sum the same way", async () => {
    const list = text((await get("/politique-de-la-ville/actions?priorite=emploi-totaux")).body);
    expect(list).toContain("3 actions, dont 1 abandonnée");
    const place = await get(`/quartiers/${quartierSlug}`);
    expect(place.statusCode).toBe(200);
    const html = text(place.body);
    expect(html).toContain(`3 actions, dont 1 abandonnée. ${formatEuros(160000.5)} de financements`);
    expect(place.body).toContain('href="/politique-de-la-ville/actions/t-abandonnee-financee"'); // still listed
  });

  it("the CSV files say which rows the totals leave out, and sum to the same totals", async () => {
    const actions = csvRows((await get("/donnees/actions.csv")).body);
    expect(actions).toHaveLength(6);
    expect(
      actions
        .filter((a) => a.compte_dans_les_totaux === "false")
        .map((a) => a.slug)
        .sort(),
    ).toEqual(["t-abandonnee", "t-abandonnee-financee"]);
    const counted = actions.filter((a) => a.compte_dans_les_totaux === "true");
    expect(counted.reduce((s, a) => s + Number(a.financement_total), 0)).toBe(COUNTED_TOTAL);
    const lines = csvRows((await get("/donnees/financements.csv")).body);
    expect(lines.filter((l) => l.compte_dans_les_totaux === "true").reduce((s, l) => s + Number(l.montant), 0)).toBe(COUNTED_TOTAL);
    expect(
      lines
        .filter((l) => l.compte_dans_les_totaux === "false")
        .map((l) => l.financeur)
        .sort(),
    ).toEqual(["caf", "etat"]);
  });

  it("the API gives the page's figures", async () => {
    const contracts = JSON.parse((await get("/api/v1/contrats")).body) as { data: ApiContract[] };
    const c = contracts.data.find((x) => x.slug === "contrat-totaux");
    expect(c).toMatchObject({ actions: 6, actions_abandonnees: 2, financement_total: COUNTED_TOTAL, avancement: 46 });
    expect(c?.financements).toEqual([
      { financeur: "etat", financeur_libelle: "État", montant: 130000 },
      { financeur: "ville", financeur_libelle: "Ville", montant: 60000.5 },
      { financeur: "region", financeur_libelle: "Région", montant: 40000 },
    ]);
    expect(c?.priorites.map((p) => [p.slug, p.actions, p.actions_abandonnees, p.financement_total, p.avancement])).toEqual([
      ["emploi-totaux", 3, 1, 180000, 58],
      ["sante-totaux", 3, 1, 50000.5, 4],
    ]);
    const list = JSON.parse((await get("/api/v1/actions?par_page=100")).body) as { data: ApiAction[]; pagination: { total: number } };
    expect(list.pagination.total).toBe(6);
    const counted = list.data.filter((a) => a.compte_dans_les_totaux);
    expect(counted.reduce((s, a) => s + a.financement_total, 0)).toBe(COUNTED_TOTAL);
    expect(list.data.filter((a) => !a.compte_dans_les_totaux).map((a) => a.statut)).toEqual(["cancelled", "cancelled"]);
    const one = JSON.parse((await get("/api/v1/actions/t-abandonnee-financee")).body).data;
    expect(one).toMatchObject({ statut: "cancelled", compte_dans_les_totaux: false, financement_total: 33000 });
  });

  it("the back office counts abandoned actions apart too", async () => {
    const staff = await createStaff(w, "policy");
    const res = await staff.agent.get("/admin/politique-de-la-ville");
    expect(res.statusCode).toBe(200);
    expect(text(res.body)).toContain("6 actions, dont 2 abandonnées");
  });
});
