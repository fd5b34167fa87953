// A policy officer updates an action in the back office (progress, a new funding line
// through the empty rows, a new milestone through "Ajouter une étape"), then finds the
// change on the public action page; every back-office policy page passes axe.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAction, createArticle, createContract, createNeighbourhood, createOrganisation, createPriority, createSite } from "../factories.js";
import { createStaff, signInBrowser } from "../staff.js";
import { axeViolations, hasChromium, startBrowserWorld, type BrowserWorld } from "./browser.js";

const BASE = "/admin/politique-de-la-ville";

describe.skipIf(!hasChromium)("Politique de la Ville back office in the browser", () => {
  let w: BrowserWorld;
  let ids: { contract: number; priority: number; objective: number; action: number; organisation: number; indicator: number };
  let actionSlug = "";

  beforeAll(async () => {
    w = await startBrowserWorld();
    await createSite(w.db, { site_name: "Ville d’Essai" });
    const contract = await createContract(w.db, { name: "Engagements Quartiers 2030 (essai)" });
    const priority = await createPriority(w.db, { contractId: contract.id, title: "Emploi et insertion" });
    await createPriority(w.db, { contractId: contract.id, title: "Cadre de vie" });
    const objective = (
      await w.db.insertInto("objectives").values({ priority_id: priority.id, title: "Accompagner vers l’emploi" }).returning("id").executeTakeFirstOrThrow()
    ).id;
    const organisation = await createOrganisation(w.db, { name: "Association Essai" });
    const qpv = await createNeighbourhood(w.db, { slug: "qpv-essai", name: "Secteur Essai", kind: "qpv", code: "QN05998X" });
    await createArticle(w.db, { title: "Un forum de l’emploi au Secteur Essai" });
    const action = await createAction(w.db, {
      priorityId: priority.id,
      title: "Atelier emploi du Secteur Essai",
      progress: 20,
      leadId: organisation.id,
      neighbourhoodIds: [qpv.id],
      funding: [{ funder: "etat", amount: 20000, year: 2025 }],
      milestones: [{ date: "2025-01-10", title: "Première session", done: true }],
    });
    actionSlug = action.slug;
    const indicator = (
      await w.db
        .insertInto("indicators")
        .values({
          metric: "taux_pauvrete",
          label: "Taux de pauvreté",
          territory_kind: "qpv",
          territory_code: "QN05998X",
          territory_name: "Secteur Essai",
          year: 2021,
          value: "41.5",
          unit: "%",
          source: "INSEE",
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    ids = { contract: contract.id, priority: priority.id, objective, action: action.id, organisation: organisation.id, indicator };
    const officer = await createStaff(w, "policy", { signedIn: false, displayName: "Agente PDV" });
    await signInBrowser(w, officer.id);
  }, 120_000);
  afterAll(async () => w?.close());

  it("updates an action's progress, adds a funding line and a milestone, and the public page shows them", async () => {
    const page = await w.newPage();
    await page.goto(`${w.baseUrl}${BASE}/actions/${ids.action}`);
    expect(await page.locator("h1").textContent()).toBe("Action : Atelier emploi du Secteur Essai");
    await page.getByLabel("Avancement (%)").fill("70");

    // Funding: the first empty row (no script needed).
    await page.getByLabel("Financeur, ligne 2").selectOption("ville");
    await page.getByLabel("Montant en euros, ligne 2").fill("5 000");
    await page.getByLabel("Année, ligne 2").fill("2026");

    // Milestones: one existing row and three empty ones; the script adds a fifth.
    await page.getByRole("button", { name: "Ajouter une étape" }).click();
    expect(await page.getByLabel("Date prévue, étape 5").evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByLabel("Date prévue, étape 5").fill("2026-06-30");
    await page.getByLabel("Intitulé, étape 5").fill("Bilan avec les habitants");

    await page.getByRole("button", { name: "Enregistrer l’action" }).last().click();
    await page.waitForURL(/\?ok=action-enregistree$/);
    expect(await page.locator(".notice--success").textContent()).toContain("Action enregistrée.");
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${w.baseUrl}/politique-de-la-ville/actions/${actionSlug}`);
    const main = (await page.locator("main").textContent()) ?? "";
    expect(await page.locator('[aria-label="Avancement : 70 %"]').count()).toBeGreaterThan(0);
    expect(main).toContain("Bilan avec les habitants");
    expect(main).toContain("25\u00a0000\u00a0€");
    await page.close();
  });

  it("shows errors next to the row and in a focused summary, keeping the values", async () => {
    const page = await w.newPage();
    await page.goto(`${w.baseUrl}${BASE}/actions/${ids.action}`);
    await page.getByLabel("Financeur, ligne 3").selectOption("caf");
    await page.getByLabel("Montant en euros, ligne 3").fill("beaucoup");
    await page.getByLabel("Année, ligne 3").fill("2026");
    await page.getByRole("button", { name: "Enregistrer l’action" }).first().click();
    const summary = page.locator(".error-summary");
    await summary.waitFor();
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await summary.textContent()).toContain("Ligne 3 du financement : montant invalide");
    expect(await page.getByLabel("Montant en euros, ligne 3").inputValue()).toBe("beaucoup");
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("has no accessibility violations on any policy back-office page", async () => {
    const page = await w.newPage();
    const urls = [
      BASE,
      `${BASE}/contrats`,
      `${BASE}/contrats/nouveau`,
      `${BASE}/contrats/${ids.contract}`,
      `${BASE}/contrats/${ids.contract}/priorites/nouvelle`,
      `${BASE}/priorites/${ids.priority}`,
      `${BASE}/objectifs/${ids.objective}`,
      `${BASE}/actions`,
      `${BASE}/actions/nouvelle`,
      `${BASE}/organisations`,
      `${BASE}/organisations/nouvelle`,
      `${BASE}/organisations/${ids.organisation}`,
      `${BASE}/indicateurs`,
      `${BASE}/indicateurs/nouveau`,
      `${BASE}/indicateurs/${ids.indicator}`,
    ];
    for (const url of urls) {
      const res = await page.goto(`${w.baseUrl}${url}`);
      expect(res?.status(), url).toBe(200);
      expect(await axeViolations(page), url).toEqual([]);
    }
    // A refused deletion and a form with errors.
    await page.goto(`${w.baseUrl}${BASE}/contrats/${ids.contract}`);
    await page.getByRole("button", { name: "Supprimer ce contrat" }).click();
    await page.locator(".pdv-problem").waitFor();
    expect(await page.locator(".pdv-problem").textContent()).toContain("ne peut pas être supprimé");
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${w.baseUrl}${BASE}/organisations/nouvelle`);
    await page.getByLabel("Site web").fill("http://exemple.fr");
    await page.getByRole("button", { name: "Enregistrer l’organisation" }).click();
    await page.locator(".error-summary").waitFor();
    expect(await page.locator(".error-summary").textContent()).toContain("https://");
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
