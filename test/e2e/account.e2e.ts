// The resident's journey in a real browser: sign up, confirm the address from the
// e-mail actually received over SMTP, choose interests, see "Pour vous", add a favourite
// from a "Lire aussi" card without reload, find and remove it, download the data, delete
// the account. Every account page is scanned with axe.
import fs from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkIn, startMailServer, type MailBox } from "../mail.js";
import { axeViolations, hasChromium, startBrowserWorld, type BrowserWorld } from "./browser.js";
import { buildDemoWorld } from "./world.js";

describe.skipIf(!hasChromium)("resident account journey", () => {
  let w: BrowserWorld;
  let mail: MailBox;
  let data: Awaited<ReturnType<typeof buildDemoWorld>>;
  const problems: string[] = [];
  const email = `parcours-${Date.now()}@exemple.fr`;
  const password = "ma phrase secrète du quartier";

  beforeAll(async () => {
    mail = await startMailServer();
    w = await startBrowserWorld({ smtpUrl: mail.url });
    data = await buildDemoWorld(w);
  });
  afterAll(async () => {
    await w?.close();
    await mail?.close();
  });

  it("goes from sign-up to account deletion", async () => {
    const page = await w.newPage();
    const scan = async (label: string) => {
      for (const v of await axeViolations(page)) problems.push(`${label}: ${v}`);
    };

    // Sign up, with an error first: the summary takes focus, values are kept.
    await page.goto(`${w.baseUrl}/compte/creer`);
    await scan("sign-up");
    await page.getByLabel("Adresse e-mail").fill(email);
    await page.getByLabel("Mot de passe", { exact: true }).fill("court");
    await page.getByRole("button", { name: "Créer mon compte" }).click();
    await page.waitForSelector(".error-summary");
    expect(await page.evaluate(() => document.activeElement?.classList.contains("error-summary"))).toBe(true);
    expect(await page.getByLabel("Adresse e-mail").inputValue()).toBe(email);
    await scan("sign-up with errors");
    await page.getByLabel("Mot de passe", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Créer mon compte" }).click();
    await page.waitForURL(/\/compte\/creer\/merci$/);
    await scan("sign-up sent");

    // Open the verification link from the e-mail received.
    const link = linkIn(await mail.waitFor(email, /Confirmez/), "/compte/verifier?jeton=");
    await page.goto(link);
    await scan("verify");
    await page.getByRole("button", { name: "Confirmer mon adresse" }).click();
    await page.waitForURL(/\/compte\/preferences\?bienvenue=1$/);
    await scan("preferences");

    // Choose interests.
    await page.getByRole("checkbox", { name: "Emploi" }).check();
    await page.getByRole("checkbox", { name: "Fives" }).check();
    await page.getByRole("button", { name: "Enregistrer mes préférences" }).click();
    await page.waitForURL(/statut=enregistre/);

    // "Pour vous" on the home page.
    await page.goto(`${w.baseUrl}/`);
    const forYou = page.locator("section.for-you");
    expect(await forYou.getByRole("heading", { name: "Pour vous" }).count()).toBe(1);
    expect(await forYou.locator("article.card").count()).toBeGreaterThan(0);
    await scan("home signed in");

    // Add a favourite from a "Lire aussi" card, without reload.
    await page.goto(`${w.baseUrl}${data.articles[1]!.path}`);
    const card = page.locator("section.related article.card").first();
    const cardTitle = (await card.locator(".card__title a").textContent())!;
    const toggle = card.getByRole("button", { name: /Ajouter à mes favoris/ });
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    await toggle.click();
    const pressed = card.locator("button[aria-pressed]");
    await expect.poll(() => pressed.getAttribute("aria-pressed")).toBe("true");
    expect(await pressed.textContent()).toContain("Retirer de mes favoris");
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42); // no reload
    await expect.poll(() => page.locator("[data-live-region]").textContent()).toBe("Ajouté à vos favoris.");
    await scan("article signed in");

    // Find it in the favourites, then remove it there.
    await page.goto(`${w.baseUrl}/compte/favoris`);
    expect(await page.locator("article.card .card__title").allTextContents()).toEqual([cardTitle]);
    await scan("favourites");
    await page
      .locator("article.card")
      .getByRole("button", { name: /Retirer de mes favoris/ })
      .click();
    await expect.poll(() => page.locator("article.card button[aria-pressed]").getAttribute("aria-pressed")).toBe("false");
    await page.reload();
    expect(await page.locator("article.card").count()).toBe(0);

    for (const url of ["/compte", "/compte/mon-fil", "/compte/mot-de-passe", "/compte/sessions"]) {
      await page.goto(w.baseUrl + url);
      await scan(url);
    }

    // Download my data.
    await page.goto(`${w.baseUrl}/compte/donnees`);
    await scan("data");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Télécharger mes données" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^mes-donnees-.*\.json$/);
    const exported = JSON.parse(await fs.readFile((await download.path())!, "utf8"));
    expect(exported.profile.email).toBe(email);
    expect(exported.interests.themes.map((t: { name: string }) => t.name)).toEqual(["Emploi"]);

    // Delete the account.
    await page.getByLabel("Votre mot de passe, pour confirmer").fill(password);
    await page.getByRole("button", { name: "Supprimer définitivement mon compte" }).click();
    await page.waitForURL(/\/compte\/supprime$/);
    await scan("deleted");
    expect(await page.getByRole("link", { name: "Se connecter" }).count()).toBe(1);
    expect(await w.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst()).toBeUndefined();

    for (const url of ["/compte/connexion", "/compte/mot-de-passe-oublie"]) {
      await page.goto(w.baseUrl + url);
      await scan(url);
    }
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe.skipIf(!hasChromium)("favourites without JavaScript", () => {
  let w: BrowserWorld;
  let mail: MailBox;
  let data: Awaited<ReturnType<typeof buildDemoWorld>>;

  beforeAll(async () => {
    mail = await startMailServer();
    w = await startBrowserWorld({ javaScriptEnabled: false, smtpUrl: mail.url });
    data = await buildDemoWorld(w);
  });
  afterAll(async () => {
    await w?.close();
    await mail?.close();
  });

  it("signs in from a favourite link and adds the favourite, then removes it with the plain form", async () => {
    const email = `sansjs-${Date.now()}@exemple.fr`;
    const password = "une phrase sans javascript";
    const page = await w.newPage();
    await page.goto(`${w.baseUrl}/compte/creer`);
    await page.getByLabel("Adresse e-mail").fill(email);
    await page.getByLabel("Mot de passe", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Créer mon compte" }).click();
    await page.waitForURL(/merci$/);

    const article = data.articles[0]!;
    await page.goto(`${w.baseUrl}${article.path}`);
    await page.locator(".item__actions").getByRole("link", { name: "Ajouter à mes favoris" }).click();
    await page.waitForURL(/\/compte\/connexion\?/);
    await page.getByLabel("Adresse e-mail").fill(email);
    await page.getByLabel("Mot de passe").fill(password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL((url) => url.pathname === article.path);
    const button = page.locator(".item__actions button[aria-pressed]");
    expect(await button.getAttribute("aria-pressed")).toBe("true");
    await button.click();
    await page.waitForLoadState();
    expect(await page.locator(".item__actions button[aria-pressed]").getAttribute("aria-pressed")).toBe("false");
    await page.close();
  });
});
