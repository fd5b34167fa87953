// A resident proposes an idea for their quartier (a refused form first), another supports it, a
// mediator records an idea made on paper, the policy team answers "retenue" with the action it
// became and manages a conseil citoyen's members; every new page passes axe.
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAction, createNeighbourhood, createOrganisation, createPriority, createSite } from "../factories.js";
import { createStaff, signInBrowser } from "../staff.js";
import { axeViolations, hasChromium, startBrowserWorld, type BrowserWorld } from "./browser.js";

describe.skipIf(!hasChromium)("Participation ideas in the browser", () => {
  let w: BrowserWorld;
  let ids: { author: number; fan: number; mediator: number; officer: number; organisation: number; action: number; actionSlug: string };

  const as = async (userId: number) => {
    await w.context.clearCookies();
    await signInBrowser(w, userId);
  };

  beforeAll(async () => {
    w = await startBrowserWorld();
    await createSite(w.db, { site_name: "Ville d’Essai" });
    await createNeighbourhood(w.db, { slug: "les-tilleuls", name: "Les Tilleuls", kind: "qpv", code: "QN05997X" });
    const priority = await createPriority(w.db, { title: "Cadre de vie" });
    const action = await createAction(w.db, { priorityId: priority.id, title: "Jardins partagés des Tilleuls" });
    const organisation = await createOrganisation(w.db, { name: "Conseil citoyen des Tilleuls" });
    await w.db.updateTable("organisations").set({ kind: "conseil_citoyen" }).where("id", "=", organisation.id).execute();
    const author = await createStaff(w, "resident", { signedIn: false, displayName: "Awa D." });
    const fan = await createStaff(w, "resident", { signedIn: false, displayName: "Paul R." });
    const mediator = await createStaff(w, "mediator", { signedIn: false, displayName: "Centre social des Tilleuls" });
    const officer = await createStaff(w, "policy", { signedIn: false, displayName: "Agente PDV" });
    await w.db.insertInto("participation_memberships").values({ organisation_id: organisation.id, user_id: fan.id }).execute();
    ids = {
      author: author.id,
      fan: fan.id,
      mediator: mediator.id,
      officer: officer.id,
      organisation: organisation.id,
      action: action.id,
      actionSlug: action.slug,
    };
  }, 120_000);
  afterAll(async () => w?.close());

  it("a resident proposes an idea, another supports it, the city retains it as an action", async () => {
    const page = await w.newPage();
    await as(ids.author);
    await page.goto(`${w.baseUrl}/participation/idees`);
    expect(await page.locator("h1").textContent()).toBe("Idées des habitants");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("link", { name: "Proposer une idée" }).click();
    await page.waitForURL(/\/participation\/idees\/nouvelle$/);
    expect(await axeViolations(page)).toEqual([]);

    // Too short: the summary takes focus, the message sits by the field, the values stay.
    await page.getByLabel("Titre").fill("Jardin");
    await page.getByLabel("Description").fill("Trop court.");
    await page.getByRole("button", { name: "Publier mon idée" }).click();
    const summary = page.locator(".error-summary");
    await summary.waitFor();
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await summary.textContent()).toContain("Description : Décrivez votre idée en quelques phrases");
    expect(await page.getByLabel("Titre").inputValue()).toBe("Jardin");
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel("Titre").fill("Un jardin partagé au pied des tours");
    await page.getByLabel("Description").fill("Des bacs de culture pour les familles.\n\nLe conseil citoyen peut aider à les gérer.");
    await page.getByLabel("Quartier").selectOption({ label: "Les Tilleuls (quartier prioritaire)" });
    await page.getByLabel("Priorité du contrat de ville").selectOption({ index: 1 });
    await page.getByRole("button", { name: "Publier mon idée" }).click();
    await page.waitForURL(/\/participation\/idees\/\d+-un-jardin-partage-au-pied-des-tours\?ok=publiee$/);
    expect(await page.locator(".notice--success").textContent()).toContain("Votre idée est publiée.");
    expect(await page.locator(".proposal__text p").count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);
    const ideaUrl = page.url().replace(/\?.*$/, "");

    // The author adds an image (the media pipeline), described for those who cannot see it.
    await page.getByRole("link", { name: "Ajouter une image à mon idée" }).click();
    await page.waitForURL(/\/image$/);
    expect(await axeViolations(page)).toEqual([]);
    const png = await sharp({ create: { width: 640, height: 400, channels: 3, background: { r: 40, g: 140, b: 60 } } })
      .png()
      .toBuffer();
    await page.getByLabel("Image", { exact: true }).setInputFiles({ name: "jardin.png", mimeType: "image/png", buffer: png });
    await page.getByLabel("Description de l’image").fill("Un coin de pelouse entre deux tours");
    await page.getByRole("button", { name: "Enregistrer l’image" }).click();
    await page.waitForURL(/\?ok=image$/);
    expect(await page.locator('.proposal img[alt="Un coin de pelouse entre deux tours"]').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    await as(ids.fan);
    await page.goto(ideaUrl);
    await page.getByRole("button", { name: "Soutenir cette idée" }).click();
    await page.waitForURL(/\?ok=soutien$/);
    expect(await page.locator(".proposal__count").textContent()).toBe("1 soutien");
    expect(await page.getByRole("button", { name: "Retirer mon soutien" }).getAttribute("aria-pressed")).toBe("true");
    expect(await axeViolations(page)).toEqual([]);

    await as(ids.officer);
    await page.goto(`${w.baseUrl}/admin/participation/idees`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("link", { name: "Un jardin partagé au pied des tours" }).click();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel("Nouveau statut").selectOption("accepted");
    await page.getByLabel("Réponse publiée").fill("Votre idée rejoint l’action des jardins partagés.");
    await page.getByLabel("Action devenue (pour « Retenue »)").selectOption({ label: "Jardins partagés des Tilleuls" });
    await page.getByRole("button", { name: "Enregistrer la réponse" }).click();
    await page.waitForURL(/\?ok=reponse-enregistree$/);
    expect(await page.locator(".notice--success").textContent()).toContain("Réponse enregistrée");

    await w.context.clearCookies();
    await page.goto(ideaUrl);
    const answer = (await page.locator(".proposal__answer").textContent()) ?? "";
    expect(answer).toContain("Retenue");
    expect(answer).toContain("Cette idée est devenue l’action Jardins partagés des Tilleuls.");
    expect(await page.getByRole("link", { name: "Jardins partagés des Tilleuls" }).getAttribute("href")).toBe(
      `/politique-de-la-ville/actions/${ids.actionSlug}`,
    );
    expect(await axeViolations(page)).toEqual([]);
    // The action and the quartier show the idea (their pages carry the ideas block).
    await page.goto(`${w.baseUrl}/politique-de-la-ville/actions/${ids.actionSlug}`);
    expect(await page.locator(".proposals-block").textContent()).toContain("Un jardin partagé au pied des tours");
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${w.baseUrl}/quartiers/les-tilleuls`);
    expect(await page.locator(".proposals-block").textContent()).toContain("1 idée pour ce quartier.");
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("a mediator records an idea made on paper, shown as an assisted entry; members are managed in the back office", async () => {
    const page = await w.newPage();
    await as(ids.mediator);
    await page.goto(`${w.baseUrl}/admin/participation/saisie-assistee`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel("Nom de l’habitant, tel qu’il sera publié").fill("Fatima B.");
    await page.getByLabel("Titre").fill("Un atelier vélo au centre social");
    await page.getByLabel("Description").fill("Les enfants ont des vélos cassés : un atelier pour apprendre à les réparer.");
    await page.getByLabel("Quartier").selectOption({ label: "Les Tilleuls (quartier prioritaire)" });
    await page.getByRole("button", { name: "Publier l’idée" }).click();
    await page.locator(".error-summary").waitFor();
    expect(await page.locator(".error-summary").textContent()).toContain("Cochez cette case");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel("L’habitant a donné son accord pour que son idée soit publiée sous ce nom.").check();
    await page.getByRole("button", { name: "Publier l’idée" }).click();
    await page.waitForURL(/\/admin\/participation\/idees\/\d+\?ok=idee-enregistree$/);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("link", { name: "voir la page publique" }).click();
    expect(await page.locator(".proposal__by").first().textContent()).toBe("Idée de Fatima B., saisie assistée par Centre social des Tilleuls");
    expect(await axeViolations(page)).toEqual([]);

    await as(ids.officer);
    await page.goto(`${w.baseUrl}/admin/participation/organisations`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("link", { name: "Conseil citoyen des Tilleuls" }).click();
    expect(await page.locator("table").textContent()).toContain("Paul R.");
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
