import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAction, createArticle, createContract, createNeighbourhood, createOrganisation, createPriority, createSite } from "../../../test/factories.js";
import { createTestWorld, type TestWorld } from "../../../test/helpers.js";

let w: TestWorld;
beforeAll(async () => {
  w = await createTestWorld();
  await createSite(w.db);
});
afterAll(async () => w?.close());

describe("Politique de la Ville pages", () => {
  it("shows contracts, priorities with counts, budget-weighted progress and funding per co-funder", async () => {
    const contract = await createContract(w.db, { name: "Engagements Quartiers 2030 (test)", rule: "budget" });
    const p = await createPriority(w.db, { contractId: contract.id, title: "Emploi des jeunes" });
    await createAction(w.db, { priorityId: p.id, progress: 100, status: "completed", funding: [{ funder: "etat", amount: 300000, year: 2024 }] });
    await createAction(w.db, { priorityId: p.id, progress: 0, status: "planned", funding: [{ funder: "ville", amount: 100000, year: 2025 }] });
    await createNeighbourhood(w.db, { kind: "qpv", code: "QN05971M", name: "Secteur Ouest" });
    const res = await w.app.inject({ url: "/politique-de-la-ville" });
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain("Engagements Quartiers 2030 (test)");
    expect(html).toContain("Emploi des jeunes");
    expect(html).toContain("2 actions");
    expect(html).toContain('aria-label="Avancement : 75 %"'); // (100*300k + 0*100k) / 400k
    expect(html).toMatch(/État<\/th><td class="num">300\u00a0000\u00a0€/);
    expect(html).toContain("QN05971M");
    expect(html).toContain("npm run import -- qpv"); // no perimeters yet: says how to import them
  });

  it("filters actions by priority, neighbourhood, status, organisation, funder and year", async () => {
    const p = await createPriority(w.db, { slug: "priorite-filtre" });
    const place = await createNeighbourhood(w.db, { slug: "quartier-filtre" });
    const org = await createOrganisation(w.db, { slug: "asso-filtre" });
    await createAction(w.db, {
      priorityId: p.id,
      title: "Action A filtrée",
      neighbourhoodIds: [place.id],
      leadId: org.id,
      funding: [{ funder: "caf", amount: 1000, year: 2025 }],
      startDate: "2025-01-01",
      endDate: "2025-12-31",
    });
    await createAction(w.db, { priorityId: p.id, title: "Action B autre", status: "completed", startDate: "2019-01-01", endDate: "2020-12-31" });
    const get = async (qs: string) => (await w.app.inject({ url: `/politique-de-la-ville/actions?${qs}` })).body;
    expect(await get("priorite=priorite-filtre")).toContain("2 actions");
    for (const qs of ["quartier=quartier-filtre", "organisation=asso-filtre", "financeur=caf", "annee=2025", "priorite=priorite-filtre&statut=in_progress"]) {
      const html = await get(qs);
      expect(html, qs).toContain("Action A filtrée");
      expect(html, qs).not.toContain("Action B autre");
    }
    expect(await get("priorite=priorite-filtre&statut=completed")).toContain("Action B autre");
    // unknown values are ignored, not errors
    expect((await w.app.inject({ url: "/politique-de-la-ville/actions?statut=nimporte&annee=abc" })).statusCode).toBe(200);
  });

  it("shows an action with status, progress, milestones, funding, partners, places and related news", async () => {
    const lead = await createOrganisation(w.db, { name: "Centre social test" });
    const partner = await createOrganisation(w.db, { name: "Mission locale test" });
    const qpv = await createNeighbourhood(w.db, { kind: "qpv", code: "QN05972M", name: "Secteur Sud test" });
    const article = await createArticle(w.db, { title: "Article sur l’action" });
    const a = await createAction(w.db, {
      title: "Chantier d’insertion test",
      isExample: true,
      leadId: lead.id,
      partnerIds: [partner.id],
      neighbourhoodIds: [qpv.id],
      articleIds: [article.id],
      progress: 40,
      funding: [
        { funder: "etat", amount: 12000.5, year: 2024 },
        { funder: "metropole", amount: 8000, year: 2025 },
      ],
      milestones: [
        { date: "2024-03-01", title: "Lancement", done: true },
        { date: "2027-01-15", title: "Bilan", done: false },
      ],
    });
    const res = await w.app.inject({ url: `/politique-de-la-ville/actions/${a.slug}` });
    expect(res.statusCode).toBe(200);
    const html = res.body;
    for (const text of [
      "Chantier d’insertion test",
      "En cours",
      "Exemple",
      'aria-label="Avancement : 40 %"',
      "Centre social test",
      "Mission locale test",
      "QN05972M",
      "Lancement",
      "(réalisée)",
      "Bilan",
      "(à venir)",
      "Métropole",
      "20\u00a0001\u00a0€",
      "Article sur l’action",
      "Partager cette page",
    ]) {
      expect(html, text).toContain(text);
    }
    expect((await w.app.inject({ url: "/politique-de-la-ville/actions/inconnue" })).statusCode).toBe(404);
  });
});
