// A contributor's morning with the keyboard only: every step is reached with Tab (no
// click, no focus set by the test), which also proves there is no keyboard trap in the
// back-office frame, the rich-text editor or the image picker.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { createImage, createSite, createTheme } from "../factories.js";
import { createStaff, signInBrowser } from "../staff.js";
import { hasChromium, startBrowserWorld, type BrowserWorld } from "./browser.js";

/** Presses Tab until the focused element matches, at most `max` times. */
async function tabTo(page: Page, describe: string, matches: () => boolean, max = 120) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(matches)) return;
  }
  throw new Error(`Tab never reached ${describe}`);
}

describe.skipIf(!hasChromium)("back office by keyboard only", () => {
  let w: BrowserWorld;

  beforeAll(async () => {
    w = await startBrowserWorld();
    await createSite(w.db, { site_name: "Ville d’Essai" });
    await createTheme(w.db, { name: "Emploi" });
    await createImage(w.db, w.app.deps.mediaDir, { alt: "Des stands dans une salle", caption: "Le forum de l’an dernier.", credit: "Ville d’Essai" });
  });
  afterAll(async () => w?.close());

  it("writes a draft with formatting and an image, then submits it, without the mouse", async () => {
    const contributor = await createStaff(w, "contributor", { displayName: "Kim Clavier", signedIn: false });
    await signInBrowser(w, contributor.id);
    const page = await w.newPage();
    page.on("dialog", (d) => void d.accept());
    await page.goto(`${w.baseUrl}/admin`);

    // From the dashboard's "Écrire un article" link.
    await tabTo(page, "the 'Écrire un article' link", () => document.activeElement?.textContent === "Écrire un article");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/admin\/contenus\/nouveau\?type=article$/);

    await tabTo(page, "the title", () => document.activeElement?.id === "champ-title");
    await page.keyboard.type("Forum de l’emploi : inscriptions ouvertes");
    await tabTo(page, "the standfirst", () => document.activeElement?.id === "champ-standfirst");
    await page.keyboard.type("Vingt entreprises recrutent le 12 mai.");
    await tabTo(
      page,
      "the rich-text editor",
      () => document.activeElement?.getAttribute("role") === "textbox" && document.activeElement?.getAttribute("contenteditable") === "true",
    );
    await page.keyboard.type("Venez avec votre CV ");
    await page.keyboard.press("Control+b");
    await page.keyboard.type("imprimé");
    await page.keyboard.press("Control+b");
    await page.keyboard.type(".");
    // Alt+F10 reaches the toolbar, Escape goes back to the text.
    await page.keyboard.press("Alt+F10");
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('[role="toolbar"]')))).toBe(true);
    await page.keyboard.press("Escape");
    // Tiptap moves the focus on the next frame
    await page.waitForFunction(() => document.activeElement?.getAttribute("role") === "textbox");

    await tabTo(page, "the theme", () => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent === "Emploi");
    await page.keyboard.press("Space");
    await tabTo(page, "the image picker", () => (document.activeElement as HTMLInputElement | null)?.name === "hero");
    await page.keyboard.press("ArrowDown");
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent ?? "")).toContain("Des stands dans une salle");
    await tabTo(page, "the create button", () => document.activeElement?.textContent === "Créer le brouillon");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/admin\/contenus\/\d+\?fait=cree$/);
    const id = Number(/contenus\/(\d+)/.exec(page.url())![1]);

    await tabTo(page, "the submit-for-review button", () => document.activeElement?.textContent === "Soumettre pour relecture");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === `/admin/contenus/${id}` && url.search !== "?fait=cree");
    const row = await w.db.selectFrom("content_items").select(["status", "body", "hero_media_id"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.status).toBe("review");
    expect(row.body).toBe("<p>Venez avec votre CV <strong>imprimé</strong>.</p>");
    expect(row.hero_media_id).not.toBeNull();
  });
});
