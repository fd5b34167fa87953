// The media library in a real browser: an editor uploads a generated PNG through the
// multipart form (CSRF token first), fixes an error, sets the focal point by clicking on
// the preview, and deletes an unused image. Every page is scanned with axe (WCAG 2.1 AA).
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle, createImage } from "../factories.js";
import { createStaff, signInBrowser } from "../staff.js";
import { axeViolations, hasChromium, startBrowserWorld, type BrowserWorld } from "./browser.js";
import { buildDemoWorld } from "./world.js";

describe.skipIf(!hasChromium)("back office: media library", () => {
  let w: BrowserWorld;

  beforeAll(async () => {
    w = await startBrowserWorld();
    await buildDemoWorld(w);
  });
  afterAll(async () => {
    await w?.close();
  });

  it("uploads, edits the focal point and deletes, with no axe violation", async () => {
    const problems: string[] = [];
    const editor = await createStaff(w, "editor", { displayName: "Élise Éditrice", signedIn: false });
    await signInBrowser(w, editor.id);
    const used = await createImage(w.db, `${w.dataDir}/media`, { alt: "Image utilisée", credit: "" });
    await createArticle(w.db, { heroMediaId: used, title: "Article illustré" });
    const page = await w.newPage();
    const scan = async (label: string) => {
      for (const v of await axeViolations(page)) problems.push(`${label}: ${v}`);
    };

    await page.goto(`${w.baseUrl}/admin/medias`);
    await page.getByRole("heading", { name: "Médiathèque", level: 1 }).waitFor();
    expect(await page.getByText("À compléter").count()).toBeGreaterThan(0);
    await scan("library");

    await page.getByRole("link", { name: "Ajouter une image" }).click();
    await page.waitForURL(/\/admin\/medias\/nouveau$/);
    await scan("upload form");
    const png = await sharp({ create: { width: 800, height: 500, channels: 4, background: { r: 20, g: 120, b: 200, alpha: 0.6 } } })
      .png()
      .toBuffer();
    // First without alt text: the error comes back, the file must be chosen again.
    await page.getByLabel("Image", { exact: true }).setInputFiles({ name: "parc.png", mimeType: "image/png", buffer: png });
    await page.getByLabel("Légende").fill("Le parc de la Citadelle au printemps");
    await page.getByRole("button", { name: "Envoyer l’image" }).click();
    await page.waitForSelector(".error-summary");
    expect(await page.getByLabel("Légende").inputValue()).toBe("Le parc de la Citadelle au printemps");
    await scan("upload form with errors");
    await page.getByLabel("Image", { exact: true }).setInputFiles({ name: "parc.png", mimeType: "image/png", buffer: png });
    await page.getByLabel("Texte alternatif").fill("Pelouse et arbres en fleurs du parc");
    await page.getByLabel("Crédit").fill("Ville d’Essai");
    await page.getByRole("button", { name: "Envoyer l’image" }).click();
    await page.waitForURL(/\/admin\/medias\/\d+\?statut=envoyee$/);
    await page.getByText("L’image a été ajoutée à la médiathèque.").waitFor();
    await scan("image page");

    // Click at about 25 % / 75 % of the preview: the fields follow.
    const img = page.locator(".media-focal-picker img");
    const box = await img.boundingBox();
    if (!box) throw new Error("no preview");
    await page.mouse.click(box.x + box.width * 0.25, box.y + box.height * 0.75);
    expect(await page.getByLabel("Horizontal (%)").inputValue()).toBe("25");
    expect(await page.getByLabel("Vertical (%)").inputValue()).toBe("75");
    expect(await page.locator(".media-focal-marker").count()).toBe(1);
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByText("Les modifications ont été enregistrées.").waitFor();
    const id = Number(/medias\/(\d+)/.exec(page.url())?.[1]);
    const row = await w.db.selectFrom("media").select(["focal_x", "focal_y", "formats"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toEqual({ focal_x: 0.25, focal_y: 0.75, formats: ["avif", "webp", "jpg"] });
    // The browser picked a variant it supports (AVIF or WebP), and it loaded.
    expect(await img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);

    // Deletion: refused for the used image, done for the new one.
    await page.goto(`${w.baseUrl}/admin/medias/${used}/supprimer`);
    await page.getByText("Utilisée dans 1 contenu.").waitFor();
    await scan("deletion refused");
    await page.goto(`${w.baseUrl}/admin/medias/${id}`);
    await page.getByRole("link", { name: "Supprimer cette image" }).click();
    await scan("deletion confirmation");
    await page.getByRole("button", { name: "Supprimer définitivement" }).click();
    await page.getByText("L’image a été supprimée.").waitFor();
    expect(await w.db.selectFrom("media").select("id").where("id", "=", id).executeTakeFirst()).toBeUndefined();

    expect(problems).toEqual([]);
  });
});
