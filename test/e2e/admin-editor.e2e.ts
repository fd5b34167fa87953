// The back office's content form scripts in a real browser, on a fixture page that follows
// the contract of the /admin/contenus/:id edit form, served by a small HTTP server whose
// draft endpoint the test controls: Tiptap editor and its keyboard toolbar, link dialog,
// the HTML posted by the hidden textarea, slug from the title, autosave (headers, body,
// version, conflict), the leave warning, and an axe scan with the editor shown.
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildAssets } from "../../src/core/http/assets.js";
import { axeViolations, hasChromium, sharedBrowser } from "./browser.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

// The editor's script, built like the admin bundle of src/core/http/assets.ts, from an entry
// that registers the content form's modules the way src/client/admin/index.ts does.
// Tiptap and ProseMirror use destructuring, which esbuild cannot lower for Safari 14:
// the editor needs Safari 15 or later (see the report / assets.ts targets).
const EDITOR_TARGETS = ["es2020", "chrome90", "firefox88", "safari15"];
const ENTRY = `
import { editorModules } from "./src/client/admin/editor/index.ts";
document.documentElement.classList.add("js");
document.querySelectorAll("[data-module]").forEach((el) => {
  const setup = editorModules[el.dataset.module || ""];
  if (!setup || el.dataset.moduleReady) return;
  setup(el);
  el.dataset.moduleReady = "true";
});
`;

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
const CSRF = "jeton-csrf-essai";

interface Recorded {
  headers: http.IncomingHttpHeaders;
  params: URLSearchParams;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function formPage(options: { id: string | null; title: string; slug: string; body: string }): string {
  const action = options.id ? `/admin/contenus/${options.id}` : "/admin/contenus";
  const autosave = options.id ? ` data-autosave-url="/admin/contenus/${options.id}/brouillon"` : "";
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.id ? "Modifier" : "Nouvelle actualité"} – Administration – Portail</title>
<link rel="stylesheet" href="/static/app.css">
<link rel="stylesheet" href="/static/admin.css">
<script src="/static/editor.js" defer></script>
</head>
<body>
<main id="contenu" class="admin-main">
<h1>${options.id ? "Modifier l’actualité" : "Nouvelle actualité"}</h1>
<form method="post" action="${action}" class="form" data-module="content-form"${autosave}>
<input type="hidden" name="_csrf" value="${CSRF}">
<input type="hidden" name="version" value="1">
<div class="field">
<label for="champ-title" class="field__label">Titre</label>
<input id="champ-title" name="title" type="text" class="field__input" value="${escapeHtml(options.title)}" required>
</div>
<div class="field">
<label for="champ-slug" class="field__label">Adresse de la page <span class="field__optional">(facultatif)</span></label>
<p id="champ-slug-aide" class="field__hint">Minuscules, chiffres et tirets ; laissez vide pour la tirer du titre.</p>
<input id="champ-slug" name="slug" type="text" class="field__input" data-slug-source="title" aria-describedby="champ-slug-aide" value="${escapeHtml(options.slug)}">
</div>
<div class="field">
<label for="champ-body" class="field__label">Texte</label>
<p id="champ-body-aide" class="field__hint">Intertitres, listes et liens : la page a déjà son titre principal.</p>
<textarea id="champ-body" name="body" class="field__input" rows="12" data-module="rich-text" aria-describedby="champ-body-aide" required>${escapeHtml(options.body)}</textarea>
</div>
<div class="admin-actions">
<button type="submit" class="button">Enregistrer</button>${options.id ? "" : '\n<span class="content-form__status" data-autosave-status aria-live="polite"></span>'}
</div>
</form>
</main>
</body>
</html>`;
}

describe.skipIf(!hasChromium)("Back-office content editor (fixture page)", () => {
  let server: http.Server;
  let baseUrl = "";
  let context: BrowserContext;
  const drafts: Recorded[] = [];
  const submissions: Recorded[] = [];
  let draftMode: "ok" | "conflict" | "invalid" | "slow" | "forbidden" = "ok";
  let releaseSlowDraft: (() => void) | null = null;
  let version = 1;

  beforeAll(async () => {
    const assets = await buildAssets();
    const asset = (url: string) => assets.files.get(url.replace("/static/", ""))!.body;
    const editor = await esbuild.build({
      stdin: { contents: ENTRY, resolveDir: ROOT, loader: "ts", sourcefile: "editor-entry.ts" },
      bundle: true,
      minify: true,
      format: "iife",
      target: EDITOR_TARGETS,
      write: false,
      legalComments: "none",
    });
    const files: Record<string, { body: Buffer | Uint8Array; type: string }> = {
      "/static/app.css": { body: asset(assets.css), type: "text/css; charset=utf-8" },
      "/static/admin.css": { body: asset(assets.adminCss), type: "text/css; charset=utf-8" },
      "/static/editor.js": { body: editor.outputFiles[0]!.contents, type: "text/javascript; charset=utf-8" },
    };

    server = http.createServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://localhost");
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const record = { headers: req.headers, params: new URLSearchParams(Buffer.concat(chunks).toString("utf8")) };
        const html = (body: string) => res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-security-policy": CSP }).end(body);
        const file = files[url.pathname];
        if (url.pathname === "/favicon.ico") return res.writeHead(204).end();
        if (req.method === "GET" && file) return res.writeHead(200, { "content-type": file.type }).end(file.body);
        if (req.method === "GET" && url.pathname === "/admin/contenus/42") {
          return html(formPage({ id: "42", title: "Fête des voisins", slug: "fete-des-voisins", body: "<p>Premier paragraphe.</p>" }));
        }
        if (req.method === "GET" && url.pathname === "/admin/contenus/nouveau") return html(formPage({ id: null, title: "", slug: "", body: "" }));
        if (req.method === "GET" && url.pathname === "/admin/contenus/42/enregistre")
          return html('<!doctype html><html lang="fr"><title>Enregistré</title><main><h1>Enregistré</h1></main></html>');
        if (req.method === "POST" && url.pathname === "/admin/contenus/42/brouillon") {
          drafts.push(record);
          if (draftMode === "conflict") {
            return res.writeHead(409, { "content-type": "application/problem+json" }).end(
              JSON.stringify({
                title: "Modification en conflit",
                detail: "Alice Martin a enregistré ce contenu pendant que vous le modifiiez.",
                conflictUrl: "/admin/contenus/42/conflit",
              }),
            );
          }
          if (draftMode === "forbidden") {
            return res.writeHead(403, { "content-type": "application/problem+json" }).end(JSON.stringify({ title: "Accès refusé" }));
          }
          if (draftMode === "invalid") {
            return res
              .writeHead(400, { "content-type": "application/problem+json" })
              .end(JSON.stringify({ title: "Brouillon refusé", errors: { title: "Saisissez un titre." } }));
          }
          version += 1;
          const answer = JSON.stringify({ version, savedAt: new Date().toISOString(), message: `Brouillon enregistré (version ${version})` });
          if (draftMode === "slow") {
            // Answered when the test says so: a save is "on its way" meanwhile.
            releaseSlowDraft = () => res.writeHead(200, { "content-type": "application/json" }).end(answer);
            return;
          }
          return res
            .writeHead(200, { "content-type": "application/json" })
            .end(JSON.stringify({ version, savedAt: new Date().toISOString(), message: `Brouillon enregistré (version ${version})` }));
        }
        if (req.method === "POST" && url.pathname === "/admin/contenus/42") {
          submissions.push(record);
          return res.writeHead(303, { location: "/admin/contenus/42/enregistre" }).end();
        }
        res.writeHead(404, { "content-type": "text/plain" }).end("Introuvable");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    // A context of the shard's Chromium (browser.ts) rather than a Chromium of its own: a
    // second browser cost its start and its processes for nothing a context does not give.
    context = await (await sharedBrowser()).newContext({ locale: "fr-FR", viewport: { width: 1280, height: 900 } });
    // The autosave waits for 3 s of quiet: its timers run on Playwright's clock, which flows
    // as usual (the editor's own timers, the scan) until a test jumps it past the quiet time.
    await context.clock.install();
  });

  afterAll(async () => {
    await context?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  // A test that fails half-way must not leave a page that autosaves during the next one.
  const pages: Page[] = [];
  afterEach(async () => {
    for (const page of pages.splice(0)) if (!page.isClosed()) await page.close({ runBeforeUnload: false });
  });

  async function open(url: string): Promise<{ page: Page; problems: string[] }> {
    const page = await context.newPage();
    pages.push(page);
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    await page.goto(baseUrl + url);
    await page.locator(".rte__content").waitFor();
    return { page, problems };
  }

  const focused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);
  const bodyHtml = (page: Page) => page.locator("#champ-body").inputValue();
  const focusedLabel = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.textContent ?? "");

  /** Puts the caret at the end of the text, once ProseMirror has seen the new selection. */
  async function caretAtEnd(page: Page) {
    await page.locator(".rte__content").click();
    await page.keyboard.press("Control+End");
    await settle(page);
  }

  /** Lets the browser deliver pending "selectionchange" events (ProseMirror reads them). */
  const settle = (page: Page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));

  /**
   * Jumps the clock past the autosave's quiet time (3 s after the last change), firing the
   * timers that were due, instead of waiting for it. Called once the change has reached the
   * form (the hidden textarea or the status shows it), so that its timer is already set.
   */
  const pastQuietTime = (page: Page, ms = 3_500) => page.clock.fastForward(ms);

  /**
   * Counts the page's fetch() calls from now on. A draft save calls fetch() in the timer
   * that starts it, so "none" right after pastQuietTime means no save started (the request
   * itself may reach the server a moment later: the server's count alone could miss it).
   */
  async function fetchesFrom(page: Page): Promise<() => Promise<number>> {
    await page.evaluate(() => {
      const w = window as unknown as { fetch: typeof fetch; fetchCalls: number };
      const real = w.fetch.bind(window);
      w.fetchCalls = 0;
      w.fetch = (...args: Parameters<typeof fetch>) => {
        w.fetchCalls += 1;
        return real(...args);
      };
    });
    return () => page.evaluate(() => (window as unknown as { fetchCalls: number }).fetchCalls);
  }

  /** From the text, Shift+Tab to the toolbar, then arrow keys to the button named `label`. */
  async function toolbarButton(page: Page, label: string) {
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Home");
    for (let i = 0; i < 20 && (await focusedLabel(page)) !== label; i++) await page.keyboard.press("ArrowRight");
    expect(await focusedLabel(page)).toBe(label);
  }

  it("replaces the textarea with an accessible editor that passes axe", async () => {
    const { page, problems } = await open("/admin/contenus/42");
    await expect.poll(() => page.locator("#champ-body").isVisible()).toBe(false);
    const content = page.locator(".rte__content");
    expect(await content.getAttribute("role")).toBe("textbox");
    expect(await content.getAttribute("aria-multiline")).toBe("true");
    expect(await content.getAttribute("aria-describedby")).toBe("champ-body-aide");
    const labelId = await content.getAttribute("aria-labelledby");
    expect(await page.locator(`#${labelId}`).textContent()).toBe("Texte");
    const toolbar = page.locator('[role="toolbar"]');
    expect(await toolbar.getAttribute("aria-label")).toContain("Texte");
    // Roving tabindex: a single tab stop in the toolbar; Alt+F10 reaches it from the text,
    // the arrow keys move along it, Escape goes back to the text.
    expect(await toolbar.locator('button[tabindex="0"]').count()).toBe(1);
    await content.click();
    await page.keyboard.press("Alt+F10");
    expect(await focusedLabel(page)).toBe("Titre de niveau 2");
    await page.keyboard.press("ArrowLeft");
    expect(await focusedLabel(page)).toBe("Rétablir");
    expect(await page.locator('button[aria-label="Rétablir"]').getAttribute("aria-disabled")).toBe("true");
    expect(await toolbar.locator('button[tabindex="0"]').count()).toBe(1);
    await page.keyboard.press("Escape");
    await expect.poll(() => focused(content)).toBe(true);
    // The label leads to the editor.
    await page.locator("label[for=champ-body]").click();
    await expect.poll(() => focused(content)).toBe(true);
    // The form's textarea is not "required" any more (it is hidden), the editor says it is.
    expect(await content.getAttribute("aria-required")).toBe("true");
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("formats by keyboard, links through the dialog, autosaves, stops on a conflict and warns before leaving", async () => {
    const { page, problems } = await open("/admin/contenus/42");
    const content = page.locator(".rte__content");
    await caretAtEnd(page);

    // Bold with the toolbar button, reached with Shift+Tab and the arrow keys; Enter presses it.
    await page.keyboard.type(" Un mot ");
    await toolbarButton(page, "Gras");
    expect(await page.locator('[role="toolbar"] button[tabindex="0"]').getAttribute("aria-label")).toBe("Gras");
    await page.keyboard.press("Enter");
    await expect.poll(() => focused(content)).toBe(true);
    await page.keyboard.type("important");
    expect(await page.locator('button[aria-label="Gras"]').getAttribute("aria-pressed")).toBe("true");
    // ... and off again with Ctrl+B.
    await page.keyboard.press("Control+b");
    await page.keyboard.type(" et la suite.");
    expect(await page.locator('button[aria-label="Gras"]').getAttribute("aria-pressed")).toBe("false");
    expect(await bodyHtml(page)).toBe("<p>Premier paragraphe. Un mot <strong>important</strong> et la suite.</p>");

    // Tab leaves the toolbar for the text.
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Tab");
    await expect.poll(() => focused(content)).toBe(true);

    // A level-2 heading.
    await page.keyboard.press("Enter");
    await page.keyboard.type("Programme");
    await toolbarButton(page, "Titre de niveau 2");
    await page.keyboard.press("Space");
    expect(await page.locator('button[aria-label="Titre de niveau 2"]').getAttribute("aria-pressed")).toBe("true");
    await expect.poll(() => focused(content)).toBe(true);

    // A bulleted list.
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    await toolbarButton(page, "Liste à puces");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Repas partagé");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Jeux pour enfants");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");

    // A link: the dialog refuses http:, accepts https:.
    await page.keyboard.type("Site de la ville");
    await page.keyboard.press("Shift+Home");
    await page.keyboard.press("Control+k");
    const dialog = page.locator("dialog.rte-link-dialog");
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const address = dialog.getByLabel("Adresse du lien");
    await expect.poll(() => focused(address)).toBe(true);
    await expect.poll(() => dialog.getByLabel("Texte du lien").isVisible()).toBe(false); // the selected text becomes the link
    await address.fill("http://www.lille.fr");
    await page.keyboard.press("Enter");
    await expect.poll(() => dialog.locator(".field__error").first().textContent()).toContain("https://");
    expect(await axeViolations(page)).toEqual([]); // the dialog with its error
    expect(await address.getAttribute("aria-invalid")).toBe("true");
    expect(await address.getAttribute("aria-describedby")).toContain(await dialog.locator(".field__error").first().getAttribute("id"));
    await expect.poll(() => focused(address)).toBe(true);
    await address.fill("https://www.lille.fr");
    await page.keyboard.press("Enter");
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => focused(content)).toBe(true);
    // "Retirer le lien" is available inside the link.
    expect(await page.locator('[role="toolbar"] button', { hasText: "Retirer le lien" }).getAttribute("aria-disabled")).toBeNull();

    const expected =
      "<p>Premier paragraphe. Un mot <strong>important</strong> et la suite.</p><h2>Programme</h2>" +
      "<ul><li><p>Repas partagé</p></li><li><p>Jeux pour enfants</p></li></ul>" +
      '<p><a href="https://www.lille.fr">Site de la ville</a></p>';
    expect(await bodyHtml(page)).toBe(expected);

    // Autosave: a draft with everything typed, the right headers, and the version of the last answer.
    await expect
      .poll(() => page.locator(".autosave-status").textContent())
      .toMatch(/Modifications non enregistrées|Brouillon enregistré|Enregistrement du brouillon/);
    await pastQuietTime(page);
    await expect.poll(() => drafts.some((d) => d.params.get("body") === expected), { timeout: 20_000 }).toBe(true);
    const draft = drafts.find((d) => d.params.get("body") === expected)!;
    expect(draft.headers["x-csrf-token"]).toBe(CSRF);
    expect(draft.headers.accept).toBe("application/json");
    expect(draft.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(draft.params.get("_csrf")).toBe(CSRF);
    expect(draft.params.get("title")).toBe("Fête des voisins");
    expect(draft.params.get("slug")).toBe("fete-des-voisins");
    expect(draft.params.get("version")).toBe(String(version - 1)); // what the previous answer (or the page) gave
    await expect.poll(() => page.locator('input[name="version"]').inputValue()).toBe(String(version));
    await expect.poll(() => page.locator(".autosave-status").textContent()).toBe(`Brouillon enregistré (version ${version})`);
    expect(await page.locator("form[data-module]").getAttribute("data-dirty")).toBe("false");
    const armed = () =>
      page.evaluate(() => {
        const event = new Event("beforeunload", { cancelable: true });
        window.dispatchEvent(event);
        return event.defaultPrevented;
      });
    expect(await armed()).toBe(false); // saved: leaving is fine

    // Typing again: unsaved, the leave warning is armed.
    await page.keyboard.type(" (mairie)");
    await expect.poll(() => page.locator(".autosave-status").textContent()).toBe("Modifications non enregistrées");
    expect(await armed()).toBe(true);

    // The next answer is a conflict: its message and link appear, and autosave stops.
    draftMode = "conflict";
    const before = drafts.length;
    await pastQuietTime(page);
    await expect.poll(() => drafts.length, { timeout: 20_000 }).toBe(before + 1);
    const alert = page.locator('.autosave-alert[role="alert"]');
    await expect.poll(() => alert.textContent()).toContain("Alice Martin a enregistré ce contenu pendant que vous le modifiiez.");
    expect(await alert.getByRole("link").getAttribute("href")).toBe("/admin/contenus/42/conflit");
    await expect.poll(() => page.locator(".autosave-status").textContent()).toContain("Enregistrement automatique arrêté");
    await page.keyboard.type(" Encore.");
    await expect.poll(() => bodyHtml(page)).toContain("(mairie) Encore.");
    const fetches = await fetchesFrom(page);
    await pastQuietTime(page, 4_500); // longer than the 3 s quiet time: a save would have started
    expect(await fetches()).toBe(0);
    expect(drafts.length).toBe(before + 1);
    expect(await armed()).toBe(true);

    // The browser asks before closing the page with unsaved changes.
    const prompt = new Promise<string>((resolve) =>
      page.once("dialog", (d) => {
        resolve(d.type());
        void d.dismiss();
      }),
    );
    await page.close({ runBeforeUnload: true });
    expect(await prompt).toBe("beforeunload");
    // The browser logs the 409 answer itself; nothing else may go wrong.
    expect(problems.filter((p) => !p.includes("409 (Conflict)"))).toEqual([]);
    await page.close();
  });

  it("posts the editor's HTML with the form, without a leave warning", async () => {
    draftMode = "ok";
    const { page, problems } = await open("/admin/contenus/42");
    let dialogs = 0;
    page.on("dialog", (d) => {
      dialogs += 1;
      void d.dismiss();
    });
    await caretAtEnd(page);
    await page.keyboard.press("Enter");
    await page.keyboard.press("Control+i");
    await page.keyboard.type("Rendez-vous place du marché.");
    const count = submissions.length;
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.waitForURL("**/admin/contenus/42/enregistre");
    expect(submissions.length).toBe(count + 1);
    const posted = submissions[count]!.params;
    expect(posted.get("body")).toBe("<p>Premier paragraphe.</p><p><em>Rendez-vous place du marché.</em></p>");
    expect(posted.get("_csrf")).toBe(CSRF);
    expect(posted.get("version")).toMatch(/^\d+$/);
    expect(dialogs).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("keeps the changes unsaved when the server refuses a draft, and saves again after the next change", async () => {
    draftMode = "invalid";
    const { page, problems } = await open("/admin/contenus/42");
    const before = drafts.length;
    await caretAtEnd(page);
    await page.keyboard.type(" Ajout.");
    await expect.poll(() => bodyHtml(page)).toContain("Ajout.");
    await pastQuietTime(page);
    await expect.poll(() => drafts.length, { timeout: 20_000 }).toBe(before + 1);
    await expect.poll(() => page.locator(".autosave-status").textContent()).toBe("Enregistrement automatique impossible : Saisissez un titre.");
    expect(await page.locator("form[data-module]").getAttribute("data-dirty")).toBe("true");
    draftMode = "ok";
    await page.keyboard.type(" Encore.");
    await expect.poll(() => bodyHtml(page)).toContain("Ajout. Encore.");
    await pastQuietTime(page);
    await expect.poll(() => drafts.length, { timeout: 20_000 }).toBe(before + 2);
    await expect.poll(() => page.locator(".autosave-status").textContent()).toBe(`Brouillon enregistré (version ${version})`);
    expect(await page.locator("form[data-module]").getAttribute("data-dirty")).toBe("false");
    expect(problems.filter((p) => !p.includes("400 (Bad Request)"))).toEqual([]);
  });

  it("stops calmly when the session can no longer save, keeping the changes and the warning", async () => {
    draftMode = "forbidden";
    const { page, problems } = await open("/admin/contenus/42");
    const before = drafts.length;
    await caretAtEnd(page);
    await page.keyboard.type(" Session expirée.");
    await expect.poll(() => bodyHtml(page)).toContain("Session expirée.");
    await pastQuietTime(page);
    await expect.poll(() => drafts.length, { timeout: 20_000 }).toBe(before + 1);
    await expect.poll(() => page.locator(".autosave-status").textContent()).toContain("votre session a peut-être expiré");
    await page.keyboard.type(" Suite.");
    await expect.poll(() => bodyHtml(page)).toContain("Session expirée. Suite.");
    // The message stays (it is not replaced by "Modifications non enregistrées") and no save is tried.
    const fetches = await fetchesFrom(page);
    await pastQuietTime(page);
    expect(await page.locator(".autosave-status").textContent()).toContain("votre session a peut-être expiré");
    expect(await fetches()).toBe(0);
    expect(drafts.length).toBe(before + 1);
    expect(await page.locator("form[data-module]").getAttribute("data-dirty")).toBe("true");
    expect(problems.filter((p) => !p.includes("403 (Forbidden)"))).toEqual([]);
    draftMode = "ok";
  });

  it("waits for a draft on its way before submitting, and submits the version it returns", async () => {
    draftMode = "slow";
    const { page, problems } = await open("/admin/contenus/42");
    const before = drafts.length;
    await caretAtEnd(page);
    await page.keyboard.type(" Dernière minute.");
    await expect.poll(() => bodyHtml(page)).toContain("Dernière minute.");
    await pastQuietTime(page);
    await expect.poll(() => drafts.length, { timeout: 20_000 }).toBe(before + 1);
    const count = submissions.length;
    await page.getByRole("button", { name: "Enregistrer" }).click();
    expect(submissions.length).toBe(count); // held back while the draft is being saved
    draftMode = "ok";
    releaseSlowDraft?.();
    await page.waitForURL("**/admin/contenus/42/enregistre");
    expect(submissions.length).toBe(count + 1);
    expect(submissions[count]!.params.get("version")).toBe(String(version));
    expect(submissions[count]!.params.get("body")).toBe("<p>Premier paragraphe. Dernière minute.</p>");
    expect(problems).toEqual([]);
  });

  it("fills the slug from the title on a new item, until the slug is edited, without autosave", async () => {
    const { page, problems } = await open("/admin/contenus/nouveau");
    const drafted = drafts.length;
    const title = page.getByLabel("Titre", { exact: true });
    const slug = page.getByLabel(/Adresse de la page/);
    await title.fill("");
    await title.pressSequentially("Fête de quartier à Fives !");
    await expect.poll(() => slug.inputValue()).toBe("fete-de-quartier-a-fives");
    await slug.fill("fives-en-fete");
    await title.pressSequentially(" 2025");
    await expect.poll(() => slug.inputValue()).toBe("fives-en-fete");
    // The page's own status element (data-autosave-status) is used rather than a second one.
    await expect.poll(() => page.locator("[data-autosave-status]").textContent()).toBe("Modifications non enregistrées");
    expect(await page.locator('[role="status"]').count()).toBe(1);
    await page.locator(".rte__content").click();
    await page.keyboard.type("Texte de la nouvelle actualité.");
    await expect.poll(() => bodyHtml(page)).toBe("<p>Texte de la nouvelle actualité.</p>");
    const fetches = await fetchesFrom(page);
    await pastQuietTime(page); // past the quiet time: a form with an autosave URL would have saved
    expect(await fetches()).toBe(0);
    expect(drafts.length).toBe(drafted);
    expect(await page.locator("#champ-body").inputValue()).toBe("<p>Texte de la nouvelle actualité.</p>");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("leaves an existing slug alone when the title changes", async () => {
    const { page } = await open("/admin/contenus/42");
    const title = page.getByLabel("Titre", { exact: true });
    await title.pressSequentially(" 2025");
    await expect.poll(() => page.getByLabel(/Adresse de la page/).inputValue()).toBe("fete-des-voisins");
    await page.close({ runBeforeUnload: false });
  });
});
