// The site search in a real browser: a query from the header box, a filter from the form and
// one from a count link, a typo answered with "Essayez avec", and an axe scan of each state.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAction } from "../factories.js";
import { axeViolations, hasChromium, startBrowserWorld, type BrowserWorld } from "./browser.js";
import { buildDemoWorld } from "./world.js";

describe.skipIf(!hasChromium)("site search in a browser", () => {
  let w: BrowserWorld;
  let data: Awaited<ReturnType<typeof buildDemoWorld>>;
  beforeAll(async () => {
    w = await startBrowserWorld();
    data = await buildDemoWorld(w);
    await createAction(w.db, {
      slug: "actualite-des-quartiers",
      title: "Actualité des quartiers en fête",
      status: "in_progress",
      neighbourhoodIds: [data.qpv.id],
    });
  });
  afterAll(async () => w?.close());

  it("searches from the header, filters with the form and with a count link, with no axe violation", async () => {
    const page = await w.newPage();
    const problems: string[] = [];
    await page.goto(`${w.baseUrl}/`);
    await page.getByRole("searchbox", { name: "Rechercher sur le site" }).fill("actualites quartier");
    await page.getByRole("button", { name: "Lancer la recherche" }).click();
    await page.waitForURL(/\/recherche\?q=/);
    // Eight articles and the action: accents and plurals folded.
    await expect.poll(() => page.locator(".result-count").textContent()).toContain("9 résultats");
    expect(await page.locator("li.search-hit mark").count()).toBeGreaterThan(0);
    for (const v of await axeViolations(page)) problems.push(`results: ${v}`);

    // The form: the theme select, then "Appliquer les filtres".
    await page.getByLabel("Thème").selectOption(data.emploi.slug);
    await page.getByRole("button", { name: "Appliquer les filtres" }).click();
    await page.waitForURL(/theme=emploi/);
    await expect.poll(() => page.locator(".result-count").textContent()).toContain("4 résultats");
    expect(await page.getByText("Thème : Emploi").count()).toBe(1);
    for (const v of await axeViolations(page)) problems.push(`theme filter: ${v}`);

    // A count link: only the actions (none in the theme), then the filter removed.
    await page.getByRole("link", { name: "retirer le filtre Thème : Emploi" }).click();
    await page.waitForURL((url) => !url.search.includes("theme="));
    await page
      .getByRole("navigation", { name: "Type de résultat" })
      .getByRole("link", { name: /^Actions/ })
      .click();
    await page.waitForURL(/type=action/);
    await expect.poll(() => page.locator("li.search-hit a").first().textContent()).toBe("Actualité des quartiers en fête");
    expect(await page.locator("li.search-hit").count()).toBe(1);
    for (const v of await axeViolations(page)) problems.push(`kind filter: ${v}`);

    // A typo: nothing found, a suggestion and similar titles.
    await page.goto(`${w.baseUrl}/recherche?q=qaurtier`);
    const suggestion = page.locator(".search-suggestion a");
    expect(await suggestion.textContent()).toBe("quartier");
    for (const v of await axeViolations(page)) problems.push(`typo: ${v}`);
    await suggestion.click();
    await page.waitForURL(/q=quartier/);
    expect(await page.locator("li.search-hit").count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});
