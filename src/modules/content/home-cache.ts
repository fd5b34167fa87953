// The shared part of the home page (latest articles, featured pages, themes, places), kept in
// memory so that signed-in visitors, whose pages are never in the page cache, do not run its
// queries on every request. It is the same for every visitor: no CSRF token, nothing personal.
//
// It is dropped exactly when the page cache could have dropped the anonymous home: an entry
// is valid only for the page cache generation it was built under, and every invalidation
// (an editor's change, a scheduled publication, a change heard from another process over
// the cache bus) increments that generation. Time alone also changes the home: an item
// published with a date still to come appears once that date passes, with no invalidation.
// The entry therefore also ends at the earliest such date, and after a TTL like the page
// cache's.
import type { PageCache } from "../../core/http/page-cache.js";
import { nextPublicationAfter } from "./queries/items.js";
import { type ContentDeps, getHome } from "./service.js";

export type HomeResult = Awaited<ReturnType<typeof getHome>>;

/** As long as a page stays in the page cache (page-cache.ts). */
export const HOME_DATA_TTL_MS = 5 * 60_000;

interface Entry {
  generation: number;
  storedAt: number;
  /** Time (ms) from which the entry is stale: the next publication date, or the TTL's end. */
  validUntil: number;
  value: HomeResult;
}

// One entry per page cache, so one per app (tests build many apps in one process).
const entries = new WeakMap<PageCache, Entry>();

/** The home's shared data: from memory when nothing changed since it was loaded. */
export async function cachedHome(pageCache: PageCache, deps: ContentDeps): Promise<HomeResult> {
  const now = deps.now().getTime();
  const entry = entries.get(pageCache);
  if (entry && entry.generation === pageCache.generation && now >= entry.storedAt && now < entry.validUntil) return entry.value;
  // Read before loading: an invalidation during the load means what was read may be stale.
  const generation = pageCache.generation;
  const [value, next] = await Promise.all([getHome(deps), nextPublicationAfter(deps.db, new Date(now))]);
  const ttlEnd = now + HOME_DATA_TTL_MS;
  const validUntil = next ? Math.min(next.getTime(), ttlEnd) : ttlEnd;
  if (generation === pageCache.generation) entries.set(pageCache, { generation, storedAt: now, validUntil, value });
  return value;
}
