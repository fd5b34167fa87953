// Browser test helpers: Debian's Chromium driven by playwright-core (no downloaded
// browser), a real HTTP server on a free loopback port, and an axe-core scan.
import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import type axe from "axe-core";
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from "playwright-core";
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
  if (process.env.E2E_AXE_STATS) console.log(`[e2e] axe: ${JSON.stringify(axeStats)}`);
}

// The minified build: axe-core's `source` export is the 1.3 MB unminified axe.js, sent to and
// parsed by every page that is scanned (measured here: injection took about as long as the
// scan itself); axe.min.js is the same code at 0.58 MB.
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * Scans run in this process, and the milliseconds spent loading axe into pages and running
 * it (E2E_AXE_STATS=1 prints them when a shard closes its browser).
 */
export const axeStats = { scans: 0, injectMs: 0, runMs: 0 };

// axe is loaded with the DevTools protocol's Runtime.evaluate, as a script, rather than with
// page.evaluate: Playwright runs a string through eval() in the page, and V8 keeps no
// compiled code across documents for eval'd code, so each scanned page compiled the 0.58 MB
// again; a script of the same source is found in the renderer's compilation cache from the
// second page of a browser context on (measured here, shard 2's 60 scans on a busy machine:
// 18.2 s -> 11.6 s of injection).
// Reusing the answer of a scan for a page in the same state was tried (a hash of the DOM,
// form state, focus, stylesheets and window size, CSRF token and port left out): of the 143
// scans of the journeys none had the state of an earlier one (same URL, but another site
// name, an error summary, a notice, the focus), so the hash only cost time.
const cdpSessions = new WeakMap<Page, Promise<CDPSession>>();
async function injectAxe(page: Page): Promise<void> {
  let session = cdpSessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    cdpSessions.set(page, session);
  }
  const answer = await (await session).send("Runtime.evaluate", { expression: AXE_SOURCE, silent: true, returnByValue: false });
  if (answer.exceptionDetails) throw new Error(`axe-core did not load: ${answer.exceptionDetails.text}`);
}

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
  axeStats.scans++;
  const t0 = performance.now();
  if (!(await page.evaluate(() => "axe" in window))) await injectAxe(page);
  const t1 = performance.now();
  const violations = await page.evaluate(async (tags) => {
    const page = window as unknown as { axe: typeof axe };
    const result = await page.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
  }, WCAG_TAGS);
  axeStats.injectMs += t1 - t0;
  axeStats.runMs += performance.now() - t1;
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} -> ${v.targets.slice(0, 5).join(" | ")}`);
}
