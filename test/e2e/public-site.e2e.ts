// Journeys a resident makes on the public site, in a real browser, with and without
// JavaScript, and an accessibility scan of every page template.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, hasChromium, startBrowserWorld, type BrowserWorld } from "./browser.js";
import { buildDemoWorld } from "./world.js";

describe.skipIf(!hasChromium)("public site in a browser", () => {
  let w: BrowserWorld;
  let data: Awaited<ReturnType<typeof buildDemoWorld>>;
  beforeAll(async () => {
    w = await startBrowserWorld();
    data = await buildDemoWorld(w);
  });
  afterAll(async () => w?.close());

  it("runs its scripts and keeps its JSON-LD under the strict CSP, with no violation reported", async () => {
    const page = await w.newPage();
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        (window as unknown as { cspViolations: string[] }).cspViolations ??= [];
        (window as unknown as { cspViolations: string[] }).cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    const article = data.articles[0]!;
    for (const url of [article.path, "/"]) {
      // Twice: rendered, then served again from the page cache.
      for (let i = 0; i < 2; i++) await page.goto(w.baseUrl + url);
      // The client script ran (it marks the root element), and the JSON-LD block is there.
      await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains("js"))).toBe(true);
      expect(await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [])).toEqual([]);
    }
    expect(await page.locator('script[type="application/ld+json"]').count()).toBeGreaterThan(0);
    expect(violations).toEqual([]);
    await page.close();
  });

  it("opens an article and its share dialog by keyboard, keeps focus inside, closes with Escape and Fermer", async () => {
    const page = await w.newPage();
    const external: string[] = [];
    page.on("request", (r) => {
      if (!r.url().startsWith(w.baseUrl) && !r.url().startsWith("data:")) external.push(r.url());
    });
    const article = data.articles[0]!;
    await page.goto(w.baseUrl + article.path);
    await expect.poll(() => page.locator("h1").textContent()).toBe(article.title);
    await expect.poll(() => page.locator("figure figcaption").textContent()).toContain("Photo Dan. R.");

    const trigger = page.getByRole("button", { name: "Partager" });
    await trigger.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Partager la page" });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    for (const name of ["Facebook", "X", "LinkedIn", "WhatsApp", "Par e-mail"]) {
      expect(await dialog.getByRole("link", { name: new RegExp(`^${name}`) }).count()).toBe(1);
    }
    expect(await dialog.getByRole("button", { name: "Copier le lien" }).count()).toBe(1);
    expect(await page.content()).not.toMatch(/google/i);
    // Tab many times: focus never leaves the dialog.
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => Boolean(document.activeElement?.closest("dialog")))).toBe(true);
    }
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe("Partager");

    await page.keyboard.press("Enter");
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByRole("button", { name: "Fermer" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe("Partager");

    // Copy link confirms in the live region.
    await page.keyboard.press("Enter");
    await dialog.getByRole("button", { name: "Copier le lien" }).click();
    await expect.poll(() => page.locator("[data-live-region]").textContent()).toMatch(/Lien copié|copie a échoué/);
    expect(external).toEqual([]);
    await page.close();
  });

  it("follows a Lire aussi card to another article", async () => {
    const page = await w.newPage();
    const article = data.articles[2]!;
    await page.goto(w.baseUrl + article.path);
    const related = page.locator("section.related");
    expect(await related.getByRole("heading", { name: "Lire aussi" }).count()).toBe(1);
    const cards = related.locator("article.card");
    expect(await cards.count()).toBe(3);
    // every card has an image with alt text, a credit, a theme tag, a favourite link and "Voir"
    for (let i = 0; i < 3; i++) {
      const card = cards.nth(i);
      expect(await card.locator("img").getAttribute("alt")).toMatch(/^Illustration de l’actualité/);
      expect(await card.locator(".card__credit").textContent()).toBe("Photo Dan. R.");
      expect(await card.locator(".tag").count()).toBe(1);
      expect(await card.getByRole("link", { name: /Ajouter à mes favoris/ }).count()).toBe(1);
      expect(await card.getByRole("link", { name: "Voir" }).count()).toBe(1);
      expect(await card.locator(".card__teaser").textContent()).toMatch(/…$/);
    }
    const link = cards.first().locator(".card__title a");
    const title = (await link.textContent())!;
    await link.click();
    await page.waitForURL((url) => url.pathname !== article.path);
    expect(await page.locator("h1").textContent()).toBe(title);
    await page.close();
  });

  it("has no axe violations (WCAG 2.1 AA) on any page template", async () => {
    const page = await w.newPage();
    const urls = [
      "/",
      "/actualites",
      data.articles[0]!.path,
      data.policy.path,
      `/themes/${data.emploi.slug}`,
      "/themes",
      `/quartiers/${data.fives.slug}`,
      `/quartiers/${data.qpv.slug}`,
      "/quartiers",
      "/recherche?q=quartier",
      "/recherche?q=introuvable",
      "/plan-du-site",
      "/compte/connexion?retour=/",
      "/page-qui-n-existe-pas",
    ];
    const problems: string[] = [];
    for (const url of urls) {
      await page.goto(w.baseUrl + url);
      for (const v of await axeViolations(page)) problems.push(`${url}: ${v}`);
    }
    // the open share dialog too
    await page.goto(w.baseUrl + data.articles[0]!.path);
    await page.getByRole("button", { name: "Partager" }).click();
    for (const v of await axeViolations(page)) problems.push(`share dialog: ${v}`);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("fits a 320 px wide screen without horizontal scrolling, with a working menu button", async () => {
    const page = await w.newPage();
    await page.setViewportSize({ width: 320, height: 640 });
    for (const url of ["/", data.articles[0]!.path, "/actualites", "/quartiers"]) {
      await page.goto(w.baseUrl + url);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, url).toBeLessThanOrEqual(0);
    }
    const menu = page.getByRole("button", { name: "Menu" });
    expect(await menu.getAttribute("aria-expanded")).toBe("false");
    expect(await page.getByRole("link", { name: "Actualités", exact: true }).isVisible()).toBe(false);
    await menu.click();
    expect(await menu.getAttribute("aria-expanded")).toBe("true");
    expect(await page.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name: "Actualités" }).isVisible()).toBe(true);
    await page.close();
  });
});

describe.skipIf(!hasChromium)("public site without JavaScript", () => {
  let w: BrowserWorld;
  let data: Awaited<ReturnType<typeof buildDemoWorld>>;
  beforeAll(async () => {
    w = await startBrowserWorld({ javaScriptEnabled: false });
    data = await buildDemoWorld(w);
  });
  afterAll(async () => w?.close());

  it("lists the share links, paginates, searches and navigates with plain links and forms", async () => {
    const page = await w.newPage();
    await page.goto(w.baseUrl + data.articles[0]!.path);
    const share = page.locator("section.share");
    for (const name of ["Facebook", "X", "LinkedIn", "WhatsApp", "Par e-mail"]) {
      expect(await share.getByRole("link", { name: new RegExp(`^${name}`) }).isVisible()).toBe(true);
    }
    expect(await share.getByLabel("Lien de la page").inputValue()).toBe(`${w.baseUrl}${data.articles[0]!.path}`);
    expect(await page.getByRole("button", { name: "Partager" }).count()).toBe(0);

    await page.getByRole("searchbox", { name: "Rechercher sur le site" }).fill("numéro");
    await page.getByRole("button", { name: "Lancer la recherche" }).click();
    await page.waitForURL(/\/recherche\?q=/);
    expect(await page.locator("li.search-hit").count()).toBeGreaterThan(0);

    await page.goto(`${w.baseUrl}/`);
    await page.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name: "Solidarité" }).click();
    await page.waitForURL(/\/solidarite$/);
    await page.getByRole("link", { name: data.policy.title }).first().click();
    await page.waitForURL(/\/solidarite\/politique-de-la-ville$/);
    expect(await page.locator("h1").textContent()).toBe(data.policy.title);
    await page.close();
  });
});
