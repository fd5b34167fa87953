// A crawler's walk through the public site: from the home page and the sign-in page,
// follow every same-site link. No link may grow with each hop (the sign-in link used to
// carry the page it was on, sign-in page included, until 400 and 431), and no page may
// answer a length or server error.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAction, createArticle, createNeighbourhood, createPage, createSite, createTheme } from "../../../test/factories.js";
import { createTestWorld, type TestWorld } from "../../../test/helpers.js";

const ORIGIN = "https://portail.test";
const MAX_PAGES = 300;
/** Longest URL a link may have: far above any real one, far below the server's limits. */
const MAX_URL_LENGTH = 700;

let w: TestWorld;
beforeAll(async () => {
  w = await createTestWorld({ publicUrl: ORIGIN });
  await createSite(w.db);
  const theme = await createTheme(w.db, { slug: "sante", name: "Santé" });
  const place = await createNeighbourhood(w.db, { slug: "fives", name: "Fives", kind: "qpv", code: "QN05900X" });
  const article = await createArticle(w.db, { slug: "un-article", title: "Un article", themeIds: [theme.id], neighbourhoodIds: [place.id] });
  await createArticle(w.db, { slug: "un-autre", title: "Un autre", themeIds: [theme.id], pinnedIds: [article.id] });
  await createPage(w.db, { slug: "demarches", title: "Démarches" });
  await createAction(w.db, { slug: "une-action", neighbourhoodIds: [place.id], articleIds: [article.id] });
});
afterAll(async () => {
  await w?.close();
});

function linksIn(html: string, from: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<a\b[^>]*?\shref="([^"]*)"/g)) {
    const href = m[1]!
      .replace(/&amp;/g, "&")
      .replace(/&quot;/g, '"')
      .replace(/&#39;|&#x27;/g, "'");
    let url: URL;
    try {
      url = new URL(href, ORIGIN + from);
    } catch {
      continue;
    }
    if (url.origin !== ORIGIN) continue;
    out.push(url.pathname + url.search);
  }
  return out;
}

describe("crawling the site", () => {
  it("finds no link that grows with each hop, and no length or server error", async () => {
    // Depth first, in document order, as a crawler that follows the first new link of each
    // page: a chain of ever longer links is walked to its end within the budget.
    const stack = ["/compte/connexion", "/"];
    const seen = new Set(stack);
    const problems: string[] = [];
    let longest = "";
    let fetched = 0;
    while (stack.length > 0 && fetched < MAX_PAGES) {
      const url = stack.pop()!;
      fetched++;
      const res = await w.app.inject({ method: "GET", url, remoteAddress: "198.51.100.77" });
      if ([400, 414, 431].includes(res.statusCode) || res.statusCode >= 500) problems.push(`${res.statusCode} ${url}`);
      if (!String(res.headers["content-type"] ?? "").startsWith("text/html")) continue;
      for (const link of linksIn(res.body, url).reverse()) {
        if (link.length > longest.length) longest = link;
        if (link.length > MAX_URL_LENGTH) problems.push(`${link.length} characters: ${link.slice(0, 120)}… (on ${url})`);
        if (!seen.has(link)) {
          seen.add(link);
          stack.push(link);
        }
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(longest.length).toBeLessThanOrEqual(MAX_URL_LENGTH);
    // The walk went through the site (not stuck on one page), and the sign-in page links
    // to itself without a return path.
    expect(fetched).toBeGreaterThan(20);
    const signIn = await w.app.inject({ method: "GET", url: "/compte/connexion?retour=%2Factualites" });
    expect(linksIn(signIn.body, "/compte/connexion")).not.toContainEqual(expect.stringMatching(/^\/compte\/connexion\?.*retour=%2Fcompte/));
  });
});
