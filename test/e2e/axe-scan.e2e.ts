// The scan every journey relies on (browser.ts axeViolations) must see what it is there to
// see: a clean page gives nothing, a page with the usual mistakes gives each of them, and a
// page scanned twice (axe already loaded) answers the same.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext } from "playwright-core";
import { axeViolations, hasChromium, sharedBrowser } from "./browser.js";

const CLEAN = `<!doctype html><html lang="fr"><head><title>Propre</title></head><body>
<header><a href="#contenu">Aller au contenu</a></header>
<main id="contenu"><h1>Une page sans défaut</h1><p>Du texte lisible.</p>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="Un point"></main></body></html>`;

const BROKEN = `<!doctype html><html><head><title>Fautes</title></head><body><main>
<h1>Une page avec des fautes</h1>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<p style="color:#bbb;background:#fff">Texte trop pâle</p>
<label>Nom</label><input type="text">
<a href="/ailleurs"></a></main></body></html>`;

describe.skipIf(!hasChromium)("the accessibility scan of the journeys", () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await (await sharedBrowser()).newContext();
  });
  afterAll(async () => context?.close());

  it("finds nothing on a clean page, and each usual mistake on a broken one, scan after scan", async () => {
    const page = await context.newPage();
    await page.setContent(CLEAN);
    expect(await axeViolations(page)).toEqual([]);
    await page.setContent(BROKEN);
    const ids = (await axeViolations(page)).map((v) => v.split(" ")[0]);
    expect(ids).toEqual(expect.arrayContaining(["html-has-lang", "image-alt", "color-contrast", "label", "link-name"]));
    // axe is already in the page the second time: same answer
    expect((await axeViolations(page)).map((v) => v.split(" ")[0])).toEqual(ids);
    await page.close();
  });
});
