// E-mail digests in a real browser: the resident's settings page (saved without JavaScript
// needed), a digest as received by a real SMTP server, opened from its HTML (images with alt,
// links back to the site), its unsubscribe page reached from the e-mail's link, and the back
// office page, each with no axe violation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle, createImage } from "../factories.js";
import { createSubscriber, drain } from "../digests.js";
import { startControlledMailServer, type ControlledMailServer } from "../digests-mail.js";
import { createStaff, signInBrowser } from "../staff.js";
import { hourlyPeriodStart } from "../../src/core/jobs/schedule.js";
import { runDigests } from "../../src/modules/digests/service.js";
import { axeViolations, hasChromium, startBrowserWorld, type BrowserWorld } from "./browser.js";
import { buildDemoWorld } from "./world.js";

describe.skipIf(!hasChromium)("e-mail digests in a browser", () => {
  let w: BrowserWorld;
  let smtp: ControlledMailServer;
  let data: Awaited<ReturnType<typeof buildDemoWorld>>;
  beforeAll(async () => {
    smtp = await startControlledMailServer();
    w = await startBrowserWorld({ smtpUrl: smtp.url });
    data = await buildDemoWorld(w);
  });
  afterAll(async () => {
    await w?.close();
    await smtp?.close();
  });

  it("settings page, received digest, unsubscribe page and back office pass axe", async () => {
    const problems: string[] = [];
    const resident = await createSubscriber(w.db, { frequency: "weekly", hour: 0, themeIds: [data.emploi.id], displayName: "Samia" });
    await signInBrowser(w, resident.id);
    const page = await w.newPage();
    await page.goto(`${w.baseUrl}/compte/lettre`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Ma lettre d’actualité");
    for (const v of await axeViolations(page)) problems.push(`settings: ${v}`);
    await page.getByLabel("Fréquence").selectOption("quotidienne");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.waitForURL(/statut=enregistre/);
    expect(await page.getByRole("status").textContent()).toContain("Vos choix pour la lettre sont enregistrés.");
    for (const v of await axeViolations(page)) problems.push(`settings saved: ${v}`);

    // A digest: a new article with a picture, composed for this hour and sent.
    const period = hourlyPeriodStart(w.clock.now, "Europe/Paris");
    const image = await createImage(w.db, `${w.dataDir}/media`, { alt: "Des habitants au forum de l’emploi" });
    await createArticle(w.db, {
      title: "Forum de l’emploi à Fives",
      themeIds: [data.emploi.id],
      heroMediaId: image,
      publishedAt: new Date(period.getTime() - 60_000),
    });
    await runDigests(w.app.deps, period, { clock: () => w.clock.now });
    await drain(w.app.deps, w.db, () => w.clock.now);
    const [mail] = smtp.to(resident.email);
    expect(mail).toBeDefined();
    await page.setContent(String(mail!.html));
    expect(await page.getByRole("img", { name: "Des habitants au forum de l’emploi" }).count()).toBe(1);
    expect(await page.getByRole("link", { name: "Forum de l’emploi à Fives" }).getAttribute("href")).toMatch(new RegExp(`^${w.baseUrl}/actualites/`));
    for (const v of await axeViolations(page)) problems.push(`digest e-mail: ${v}`);

    // Its unsubscribe link, signed out.
    const link = await page.getByRole("link", { name: "Se désabonner" }).getAttribute("href");
    await w.context.clearCookies();
    await page.goto(link!);
    for (const v of await axeViolations(page)) problems.push(`unsubscribe: ${v}`);
    await page.getByRole("button", { name: "Recevoir une lettre par semaine" }).click();
    await page.waitForURL(/fait=hebdomadaire/);
    expect(await page.getByRole("status").textContent()).toContain("une seule lettre par semaine");
    for (const v of await axeViolations(page)) problems.push(`unsubscribe done: ${v}`);

    const editor = await createStaff(w, "editor", { signedIn: false });
    await signInBrowser(w, editor.id);
    await page.goto(`${w.baseUrl}/admin/lettres`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Lettres d’actualité");
    for (const v of await axeViolations(page)) problems.push(`back office: ${v}`);
    expect(problems).toEqual([]);
    await page.close();
  });
});
