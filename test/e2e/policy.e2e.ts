// A resident checks their address, reads what is done in their QPV, opens an action and
// follows the neighbourhood; every Politique de la Ville page passes axe.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAction, createContract, createNeighbourhood, createOrganisation, createPriority } from "../factories.js";
import { startMailServer, type MailBox } from "../mail.js";
import { axeViolations, hasChromium, startBrowserWorld, type BrowserWorld } from "./browser.js";
import { buildDemoWorld } from "./world.js";

const square = (x0: number, y0: number, size: number) =>
  JSON.stringify({
    type: "Polygon",
    coordinates: [
      [
        [x0, y0],
        [x0 + size, y0],
        [x0 + size, y0 + size],
        [x0, y0 + size],
        [x0, y0],
      ],
    ],
  });

describe.skipIf(!hasChromium)("Politique de la Ville journey", () => {
  let w: BrowserWorld;
  let mail: MailBox;
  let geocoder: http.Server;
  let actionSlug = "";

  beforeAll(async () => {
    geocoder = http.createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" }).end(
        JSON.stringify({
          type: "FeatureCollection",
          features: [
            {
              type: "Feature",
              geometry: { type: "Point", coordinates: [3.004, 50.604] },
              properties: {
                label: "3 rue des Essais 59000 Lille",
                score: 0.95,
                postcode: "59000",
                citycode: "59350",
                city: "Lille",
                type: "housenumber",
                id: "x",
              },
            },
          ],
        }),
      );
    });
    await new Promise<void>((r) => geocoder.listen(0, "127.0.0.1", r));
    mail = await startMailServer();
    w = await startBrowserWorld({ smtpUrl: mail.url, geocoderUrl: `http://127.0.0.1:${(geocoder.address() as AddressInfo).port}` });
    await buildDemoWorld(w);
    const quartier = await createNeighbourhood(w.db, { slug: "quartier-essai", name: "Quartier Essai" });
    const qpv = await createNeighbourhood(w.db, { slug: "qpv-essai", name: "Secteur Essai", kind: "qpv", code: "QN05998X" });
    await sql`update neighbourhoods set geometry = ${square(3.0, 50.6, 0.05)}::jsonb where id = ${quartier.id}`.execute(w.db);
    await sql`update neighbourhoods set geometry = ${square(3.0, 50.6, 0.01)}::jsonb where id = ${qpv.id}`.execute(w.db);
    const contract = await createContract(w.db, { name: "Engagements Quartiers 2030 (essai)" });
    const priority = await createPriority(w.db, { contractId: contract.id, title: "Emploi et insertion" });
    const lead = await createOrganisation(w.db, { name: "Association Essai" });
    const a = await createAction(w.db, {
      priorityId: priority.id,
      title: "Atelier emploi du Secteur Essai",
      isExample: true,
      leadId: lead.id,
      neighbourhoodIds: [qpv.id],
      funding: [{ funder: "etat", amount: 20000, year: 2025 }],
      milestones: [{ date: "2025-01-10", title: "Première session", done: true }],
    });
    actionSlug = a.slug;
  });
  afterAll(async () => {
    await w?.close();
    await mail?.close();
    await new Promise<void>((r) => geocoder.close(() => r()));
  });

  it("goes from an address to the action and follows the neighbourhood, with no axe violation", async () => {
    const problems: string[] = [];
    const page = await w.newPage();
    const scan = async (label: string) => {
      for (const v of await axeViolations(page)) problems.push(`${label}: ${v}`);
    };
    await page.goto(`${w.baseUrl}/politique-de-la-ville`);
    await scan("overview");
    await page.getByRole("link", { name: "Suis-je dans un quartier prioritaire ?" }).click();
    await page.waitForURL(/\/politique-de-la-ville\/adresse$/);
    await scan("lookup");
    await page.getByLabel("Votre adresse").fill("3 rue des Essais");
    await page.getByRole("button", { name: "Vérifier" }).click();
    await page.waitForURL(/adresse=/);
    expect(await page.locator(".lookup-answer").textContent()).toContain("QN05998X");
    await scan("lookup answer");

    await page.getByRole("link", { name: "Atelier emploi du Secteur Essai" }).click();
    await page.waitForURL(new RegExp(`/politique-de-la-ville/actions/${actionSlug}$`));
    expect(await page.locator("h1").textContent()).toBe("Atelier emploi du Secteur Essai");
    expect(await page.locator("progress").count()).toBeGreaterThan(0);
    await scan("action");

    // Follow: anonymous -> sign in -> back -> follow.
    await page.goto(`${w.baseUrl}/quartiers/qpv-essai`);
    await scan("qpv page");
    await page.getByRole("link", { name: /Suivre ce quartier/ }).click();
    await page.waitForURL(/\/compte\/connexion/);
    await page.getByRole("link", { name: "Créer un compte" }).click();
    const email = `suivre-${Date.now()}@exemple.fr`;
    await page.getByLabel("Adresse e-mail").fill(email);
    await page.getByLabel("Mot de passe", { exact: true }).fill("une phrase pour suivre le quartier");
    await page.getByRole("button", { name: "Créer mon compte" }).click();
    await page.waitForURL(/merci$/);
    await page.goto(`${w.baseUrl}/compte/connexion?retour=%2Fquartiers%2Fqpv-essai`);
    await page.getByLabel("Adresse e-mail").fill(email);
    await page.getByLabel("Mot de passe").fill("une phrase pour suivre le quartier");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL(/\/quartiers\/qpv-essai$/);
    await page.getByRole("button", { name: /Suivre ce quartier/ }).click();
    await page.waitForURL(/\/quartiers\/qpv-essai$/);
    expect(await page.getByRole("button", { name: /Ne plus suivre ce quartier/ }).count()).toBe(1);

    await page.goto(`${w.baseUrl}/politique-de-la-ville/actions`);
    await scan("actions list");
    await page.getByLabel("Quartier").selectOption("qpv-essai");
    await page.getByRole("button", { name: "Filtrer" }).click();
    await page.waitForURL(/quartier=qpv-essai/);
    expect(await page.locator(".action-item").count()).toBe(1);
    await scan("actions filtered");
    for (const url of ["/donnees", "/donnees/api", "/politique-de-la-ville/adresse?lon=2.35&lat=48.85"]) {
      await page.goto(w.baseUrl + url);
      await scan(url);
    }
    expect(problems).toEqual([]);
    await page.close();
  });
});
