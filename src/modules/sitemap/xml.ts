// The sitemaps.org 0.9 documents: a <urlset> of pages, or a <sitemapindex> of child sitemaps.
// Pure functions of absolute URLs and dates, tested through the routes.

export const SITEMAP_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

/** The protocol's limit for one <loc>. Longer addresses are left out rather than break the file. */
export const MAX_LOC_LENGTH = 2048;

export interface SitemapUrl {
  /** Absolute, percent-encoded URL. */
  loc: string;
  lastmod: Date | null;
}

/** XML escape for text content: the five characters the protocol lists. */
export function xmlEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/'/g, "&apos;").replace(/"/g, "&quot;");
}

/** W3C Datetime to the second, in UTC ("2026-03-01T09:30:00Z"). */
export function w3cDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

function entry(tag: "url" | "sitemap", u: SitemapUrl): string {
  const lastmod = u.lastmod ? `<lastmod>${w3cDate(u.lastmod)}</lastmod>` : "";
  return `<${tag}><loc>${xmlEscape(u.loc)}</loc>${lastmod}</${tag}>`;
}

export function urlset(urls: readonly SitemapUrl[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${SITEMAP_NAMESPACE}">\n${urls.map((u) => `${entry("url", u)}\n`).join("")}</urlset>\n`;
}

export function sitemapIndex(children: readonly SitemapUrl[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="${SITEMAP_NAMESPACE}">\n${children.map((u) => `${entry("sitemap", u)}\n`).join("")}</sitemapindex>\n`;
}
