// Gathers every public page from the modules that serve them, each through its index.ts: the
// sitemap knows no table and no route of its own beyond sitemap.xml and robots.txt.
import type { DB } from "../../core/db/create-db.js";
import { contentPublicUrls } from "../content/index.js";
import { openDataPublicUrls } from "../opendata/index.js";
import { proposalPublicUrls } from "../participation/index.js";
import { policyPublicUrls } from "../policy/index.js";
import { MAX_LOC_LENGTH, type SitemapUrl } from "./xml.js";

export interface SitemapDeps {
  db: DB;
  now: () => Date;
  publicUrl: string;
}

/**
 * What every sitemap document shows, for the page cache: content's changes drop "sitemap",
 * the Politique de la Ville's back office drops "policy" and "neighbourhoods" (POLICY_TAGS,
 * perimeter imports add quartiers), "themes" follows the theme list, and residents' ideas drop
 * "participation:proposals".
 */
export const SITEMAP_TAGS = ["sitemap", "policy", "neighbourhoods", "themes", "participation:proposals"];

/** Every public page as an absolute URL, each once, in a stable order (the files' split must not shuffle). */
export async function listSitemapUrls(deps: SitemapDeps): Promise<SitemapUrl[]> {
  const [content, policy, ideas] = await Promise.all([
    contentPublicUrls({ db: deps.db, now: deps.now }),
    policyPublicUrls(deps.db),
    proposalPublicUrls(deps.db),
  ]);
  const seen = new Set<string>();
  const urls: SitemapUrl[] = [];
  for (const { path, lastmod } of [...content, ...policy, ...openDataPublicUrls(), ...ideas]) {
    if (seen.has(path)) continue;
    seen.add(path);
    // Paths are slugs, but a base URL or a future path may carry other characters.
    const loc = deps.publicUrl + encodeURI(path);
    if (loc.length > MAX_LOC_LENGTH) continue;
    urls.push({ loc, lastmod });
  }
  return urls;
}

/** The newest of the dates, null when none is known. */
export function newest(urls: readonly SitemapUrl[]): Date | null {
  let best: Date | null = null;
  for (const u of urls) if (u.lastmod && (best === null || u.lastmod > best)) best = u.lastmod;
  return best;
}
