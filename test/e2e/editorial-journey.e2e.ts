// The whole editorial day in a real browser, with the rich-text editor on: a contributor
// uploads a photo, writes an article with it and submits it for review; an editor finds it
// on the dashboard, schedules it for later; nothing shows before its time, and once the
// job queue runs at that time the article is on the public site with its photo.
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDueJobs } from "../../src/core/jobs/queue.js";
import { parisParts } from "../../src/lib/paris-time.js";
import { contentJobHandlers } from "../../src/modules/content/index.js";
import { createStaff, signInBrowser } from "../staff.js";
import { axeViolations, hasChromium, startBrowserWorld, type BrowserWorld } from "./browser.js";
import { buildDemoWorld } from "./world.js";

describe.skipIf(!hasChromium)("editorial journey: contributor -> editor -> public site", () => {
  let w: BrowserWorld;

  beforeAll(async () => {
    w = await startBrowserWorld();
    await buildDemoWorld(w);
  });
  afterAll(async () => w?.close());

  it("goes from a contributor's draft with a photo to a scheduled publication", async () => {
    const problems: string[] = [];
    const contributor = await createStaff(w, "contributor", { displayName: "Léa Contrib", signedIn: false });
    const editor = await createStaff(w, "editor", { displayName: "Élise Éditrice", signedIn: false });
    const page = await w.newPage();
    page.on("dialog", (d) => void d.accept());
    const scan = async (label: string) => {
      for (const v of await axeViolations(page)) problems.push(`${label}: ${v}`);
    };

    // 1. The contributor uploads a photo with its alt text, caption and credit.
    await signInBrowser(w, contributor.id);
    await page.goto(`${w.baseUrl}/admin/medias/nouveau`);
    const photo = await sharp({ create: { width: 1400, height: 900, channels: 3, background: { r: 40, g: 120, b: 90 } } })
      .jpeg()
      .toBuffer();
    await page.getByLabel("Image", { exact: true }).setInputFiles({ name: "IMG_2041.JPG", mimeType: "image/jpeg", buffer: photo });
    await page.getByLabel("Texte alternatif").fill("Des jardiniers plantent des salades dans un bac");
    await page.getByLabel("Légende").fill("Premières plantations au jardin partagé");
    await page.getByLabel("Crédit").fill("Léa Contrib / Ville d’Essai");
    await page.getByRole("button", { name: "Envoyer l’image" }).click();
    await page.waitForURL(/\/admin\/medias\/\d+\?statut=envoyee$/);

    // 2. She writes the article in the rich-text editor, by keyboard, and picks the photo.
    await page.goto(`${w.baseUrl}/admin/contenus/nouveau?type=article`);
    await page.getByLabel("Titre", { exact: true }).fill("Un jardin partagé ouvre à Fives");
    await page.getByLabel("Chapô").fill("Les habitants cultivent ensemble une parcelle rue Pierre-Legrand.");
    const editorBox = page.getByRole("textbox", { name: "Texte" });
    await editorBox.click();
    await page.keyboard.type("Les inscriptions sont ouvertes ");
    await page.keyboard.press("Control+b");
    await page.keyboard.type("jusqu’au 15 avril");
    await page.keyboard.press("Control+b");
    await page.keyboard.type(".");
    await page.getByLabel("Des jardiniers plantent des salades dans un bac").check();
    await scan("contributor: new article with the editor");
    await page.getByRole("button", { name: "Créer le brouillon" }).click();
    await page.waitForURL(/\/admin\/contenus\/\d+\?fait=cree$/);
    const id = Number(/contenus\/(\d+)/.exec(page.url())![1]);
    const stored = await w.db
      .selectFrom("content_items")
      .select(["body", "hero_media_id", "status", "author_id", "slug"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(stored.body).toBe("<p>Les inscriptions sont ouvertes <strong>jusqu’au 15 avril</strong>.</p>");
    expect(stored.hero_media_id).not.toBeNull();
    expect(stored.author_id).toBe(contributor.id);
    // A contributor has no publish button.
    expect(await page.getByRole("button", { name: "Publier maintenant" }).count()).toBe(0);
    await page.getByRole("button", { name: "Soumettre pour relecture" }).click();
    await page.waitForURL(new RegExp(`/admin/contenus/${id}`));
    expect((await w.db.selectFrom("content_items").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status).toBe("review");
    await scan("contributor: submitted");

    // 3. The editor finds it on the dashboard and schedules it for tomorrow 9:00 (Paris).
    await w.context.clearCookies();
    await signInBrowser(w, editor.id);
    await page.goto(`${w.baseUrl}/admin`);
    await page.getByRole("region", { name: "À relire" }).getByRole("link", { name: "Un jardin partagé ouvre à Fives" }).click();
    await page.waitForURL(new RegExp(`/admin/contenus/${id}$`));
    const tomorrow = parisParts(new Date(w.clock.now.getTime() + 86_400_000)).date;
    await page.getByLabel("Date", { exact: true }).fill(tomorrow);
    await page.getByLabel("Heure", { exact: true }).fill("09:00");
    await page.getByRole("button", { name: "Programmer", exact: true }).click();
    await page.getByText("Mise en ligne prévue le").waitFor();
    await scan("editor: scheduled");

    // 4. Before its time nothing is public; at its time the queue publishes it.
    await w.context.clearCookies();
    const publicUrl = `${w.baseUrl}/actualites/${stored.slug}`;
    expect((await page.goto(publicUrl))!.status()).toBe(404);
    const handlers = contentJobHandlers(w.app.deps);
    // Due now: only the e-mail telling editors that the article waits for review.
    expect(await runDueJobs(w.db, handlers, w.clock.now)).toEqual({ done: 1, failed: 0 });
    expect((await page.goto(publicUrl))!.status()).toBe(404);
    w.clock.now = new Date(`${tomorrow}T08:00:30Z`); // 9:00:30 in Paris in winter, 10:00:30 in summer: after 9:00 either way
    expect(await runDueJobs(w.db, handlers, w.clock.now)).toEqual({ done: 1, failed: 0 });
    expect((await page.goto(publicUrl))!.status()).toBe(200);
    await page.getByRole("heading", { level: 1, name: "Un jardin partagé ouvre à Fives" }).waitFor();
    expect(await page.locator("figure img").first().getAttribute("alt")).toBe("Des jardiniers plantent des salades dans un bac");
    expect(await page.getByText("Léa Contrib / Ville d’Essai").count()).toBeGreaterThan(0);
    await page.goto(`${w.baseUrl}/actualites`);
    expect(await page.getByRole("link", { name: "Un jardin partagé ouvre à Fives" }).count()).toBeGreaterThan(0);
    await scan("public article");

    expect(problems).toEqual([]);
  });
});
