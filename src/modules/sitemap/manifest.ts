// The sitemap module: sitemap.xml and robots.txt, from the public pages other modules list.
import { defineModule } from "../../core/module.js";
import { sitemapRoutes } from "./routes.js";

/**
 * Addresses per sitemap file. The protocol allows 50,000; past this many, sitemap.xml becomes
 * an index of smaller files, quicker to build and to fetch again.
 */
export const URLS_PER_FILE = 10_000;

/** A test may lower the limit to see the index without building 10,000 pages. */
export function createSitemapModule(options: { urlsPerFile?: number } = {}) {
  return defineModule({
    name: "sitemap",
    routes: sitemapRoutes(options.urlsPerFile ?? URLS_PER_FILE),
    // Content declares it too (its /plan-du-site page and its changes use it): declared here
    // as well so that the sitemap does not depend on another module's vocabulary.
    cacheTags: ["sitemap"],
  });
}

export const sitemapModule = createSitemapModule();
