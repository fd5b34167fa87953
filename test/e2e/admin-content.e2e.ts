// An editor writes an article in the back office: list, new article, edit, history and a
// concurrent-edit conflict, each page scanned by axe (zero violations). The form is used
// as plain HTML; when the rich-text editor script is present, its toolbar is checked too.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { createArticle, createImage, createNeighbourhood, createSite, createTheme } from "../factories.js";
import { createStaff, signInBrowser } from "../staff.js";
import { axeViolations, hasChromium, startBrowserWorld, type BrowserWorld } from "./browser.js";

describe.skipIf(!hasChromium)("editorial back office", () => {
  let w: BrowserWorld;
  let page: Page;

  beforeAll(async () => {
    w = await startBrowserWorld();
    await createSite(w.db, { site_name: "Ville d’Essai" });
    await createTheme(w.db, { name: "Emploi" });
    await createNeighbourhood(w.db, { name: "Fives" });
    await createImage(w.db, w.app.deps.mediaDir, { alt: "La place du marché", caption: "Le marché du dimanche.", credit: "Ville d’Essai" });
    for (let i = 0; i < 3; i++) await createArticle(w.db, { title: `Article publié ${i}` });
    await createArticle(w.db, { title: "Brouillon en cours", status: "draft" });
    const editor = await createStaff(w, "editor", { displayName: "Élise Éditrice", signedIn: false });
    await signInBrowser(w, editor.id);
    page = await w.newPage();
    // The editor script may warn before leaving a changed form: accept, as a person would after saving.
    page.on("dialog", (d) => void d.accept());
  });
  afterAll(async () => w?.close());

  async function expectNoViolations(label: string) {
    expect(await axeViolations(page), label).toEqual([]);
  }

  it("writes, saves and reviews an article, and meets a conflict, with no axe violation", async () => {
    await page.goto(`${w.baseUrl}/admin/contenus`);
    await expect(page.locator("h1").textContent()).resolves.toBe("Contenus");
    await expect(page.locator("table caption").textContent()).resolves.toContain("Contenus");
    await expectNoViolations("list");

    await page.getByRole("link", { name: "Nouvel article" }).click();
    await page.waitForURL(/\/admin\/contenus\/nouveau\?type=article$/);
    await expectNoViolations("new article form");
    await page.getByLabel("Titre", { exact: true }).fill("Forum de l’emploi à Fives");
    await page.getByLabel("Chapô").fill("Trente entreprises recrutent jeudi.");
    const textarea = page.locator("textarea#champ-body");
    if (await textarea.isVisible()) await textarea.fill("<p>Rendez-vous jeudi à la salle des fêtes.</p>");
    await page.getByLabel("Emploi").check();
    await page.getByLabel("La place du marché").check();
    await page.getByRole("button", { name: "Créer le brouillon" }).click();
    await page.waitForURL(/\/admin\/contenus\/\d+\?fait=cree$/);
    const id = Number(/contenus\/(\d+)/.exec(page.url())![1]);
    await expect(page.locator(".notice--success").first().textContent()).resolves.toContain("Brouillon créé");
    await expectNoViolations("edit form");

    // An error keeps the values and is announced in the summary
    await page.getByLabel("Titre", { exact: true }).fill("");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expect(page.locator(".error-summary").textContent()).resolves.toContain("Saisissez un titre.");
    await expect(page.getByLabel("Chapô").inputValue()).resolves.toBe("Trente entreprises recrutent jeudi.");
    await expectNoViolations("edit form with errors");
    await page.getByLabel("Titre", { exact: true }).fill("Forum de l’emploi à Fives : 30 entreprises");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.waitForURL(/\?fait=enregistre$/);

    await page.getByRole("link", { name: /Versions enregistrées/ }).click();
    await page.waitForURL(/\/revisions$/);
    await expect(page.locator(".content-diff").textContent()).resolves.toContain("30 entreprises");
    await expectNoViolations("revisions");

    // Someone else saves meanwhile: the next save from this page meets the conflict page.
    await page.goto(`${w.baseUrl}/admin/contenus/${id}`);
    await w.db
      .updateTable("content_items")
      .set((eb) => ({ title: "Forum de l’emploi (titre d’un collègue)", version: eb("version", "+", 1) }))
      .where("id", "=", id)
      .execute();
    await page.getByLabel("Chapô").fill("Mon chapô à moi.");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expect(page.locator("h1").textContent()).resolves.toContain("Conflit de modification");
    await expect(page.locator("#votre-version + h3 + p + h3 + p").textContent()).resolves.toBe("Mon chapô à moi.");
    await expectNoViolations("conflict");
    const stored = await w.db.selectFrom("content_items").select("standfirst").where("id", "=", id).executeTakeFirstOrThrow();
    expect(stored.standfirst).toBe("Trente entreprises recrutent jeudi.");

    await page.goto(`${w.baseUrl}/admin/contenus/${id}/supprimer`);
    await expectNoViolations("delete confirmation");
  });

  it("enhances the body with the rich-text editor only when its script is there", async () => {
    const row = await w.db.selectFrom("content_items").select("id").where("title", "=", "Brouillon en cours").executeTakeFirstOrThrow();
    await page.goto(`${w.baseUrl}/admin/contenus/${row.id}`);
    const textarea = page.locator("textarea#champ-body");
    await expect(textarea.count()).resolves.toBe(1); // the form field always exists
    if (await textarea.isVisible()) {
      // No editor script yet: the plain textarea is the editor, and it works.
      await textarea.fill("<p>Texte saisi sans éditeur.</p>");
    } else {
      // The script replaced it visually: a toolbar and an editable area are offered instead.
      await expect(page.locator('[role="toolbar"]').count()).resolves.toBeGreaterThan(0);
      await expect(page.locator('[contenteditable="true"]').count()).resolves.toBeGreaterThan(0);
    }
    await expectNoViolations("edit form with scripts");
  });
});
