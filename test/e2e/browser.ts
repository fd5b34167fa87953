// Browser test helpers: Debian's Chromium driven by playwright-core (no downloaded
// browser), a real HTTP server on a free loopback port, and an axe-core scan.
import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import type axe from "axe-core";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { createTestWorld, type TestWorld } from "../helpers.js";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const hasChromium = fs.existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`[e2e] Browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH).`);
}

export interface BrowserWorld extends TestWorld {
  baseUrl: string;
  context: BrowserContext;
  newPage(): Promise<Page>;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startBrowserWorld(options: { javaScriptEnabled?: boolean; smtpUrl?: string; geocoderUrl?: string } = {}): Promise<BrowserWorld> {
  // The public URL is the real address, so links in e-mails lead back to this server.
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const world = await createTestWorld({ publicUrl: baseUrl, smtpUrl: options.smtpUrl, geocoderUrl: options.geocoderUrl });
  await world.app.listen({ port, host: "127.0.0.1" });
  const context = await (await sharedBrowser()).newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    locale: "fr-FR",
    viewport: { width: 1280, height: 900 },
  });
  return {
    ...world,
    baseUrl,
    context,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      await world.close();
    },
  };
}

// One Chromium per worker, shared by the journeys (test files share a worker's modules:
// isolate: false in vitest.config.ts); each world gets a fresh browser context of its own
// (cookies, storage, cache), as a new profile would. Starting Chromium costs a second or two.
let browser: Promise<Browser> | undefined;
export function sharedBrowser(): Promise<Browser> {
  browser ??= chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
  return browser;
}

/** Closes the shared Chromium (test/e2e/journeys.ts, after the last journey of a half). */
export async function closeSharedBrowser(): Promise<void> {
  const b = browser;
  browser = undefined;
  if (b) await (await b).close();
}

// The minified build: axe-core's `source` export is the 1.3 MB unminified axe.js, sent to and
// parsed by every page that is scanned (measured here: injection took about as long as the
// scan itself); axe.min.js is the same code at 0.58 MB.
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** WCAG 2.1 A and AA rules; returns the violations in a readable form (empty when clean). */
export async function axeViolations(page: Page): Promise<string[]> {
  // Colours read mid-animation (a dialog fading in) are not the page's colours: let running
  // animations end first (at most two seconds). One that loops for ever (the editor's
  // blinking caret) never ends: waiting for it would only add the two seconds to each scan.
  await page.evaluate(() =>
    Promise.race([
      Promise.all(
        document
          .getAnimations()
          .filter((a) => a.effect?.getComputedTiming().iterations !== Number.POSITIVE_INFINITY)
          .map((a) => a.finished.catch(() => undefined)),
      ),
      new Promise((resolve) => setTimeout(resolve, 2000)),
    ]),
  );
  // axe-core straight in the page. @axe-core/playwright's AxeBuilder runs axe frame by frame
  // and then opens a second page to merge the frames' results, which doubled each scan (1.7 s
  // against 0.8 s measured here); the portal's pages have no frames (nothing to merge), and
  // every scan of a journey is one of these.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const page = window as unknown as { axe: typeof axe };
    const result = await page.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
  }, WCAG_TAGS);
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} -> ${v.targets.slice(0, 5).join(" | ")}`);
}
