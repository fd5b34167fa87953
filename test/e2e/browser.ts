// Browser test helpers: Debian's Chromium driven by playwright-core (no downloaded
// browser), a real HTTP server on a free loopback port, and an axe-core scan.
import fs from "node:fs";
import net from "node:net";
import { AxeBuilder } from "@axe-core/playwright";
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
function sharedBrowser(): Promise<Browser> {
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
  const result = await new AxeBuilder({ page })
    // only the violations are read: axe then skips building the details of every passing node
    .options({ resultTypes: ["violations"] })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} -> ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 5)
        .join(" | ")}`,
  );
}
