// The data of the home page and of article and page views, kept in memory (core/http/tagged-memo.ts)
// so that a render the page cache cannot answer does not read it again: signed-in visitors,
// whose pages are never in the page cache, pages the page cache dropped (LRU, TTL) and a
// server run with the page cache off (issue #12). It is the same for every visitor: no CSRF
// token, nothing personal; what is personal is rendered around it.
//
// Each value keeps the cache tags of the page shown from it, so it is dropped exactly when
// the page cache would drop that page (an editor's change, a scheduled publication, a change
// heard from another process over the cache bus). Time alone also changes these views: an
// item published with a date still to come appears on the home, in "Lire aussi" blocks and
// lists once that date passes, with no invalidation. Every value therefore also ends at the
// next such date (the publication horizon), and after a TTL like the page cache's.
import { TaggedMemo } from "../../core/http/tagged-memo.js";
import type { PageCache } from "../../core/http/page-cache.js";
import { nextPublicationAfter } from "./queries/items.js";
import { type ContentDeps, getHome, getItemByPath, type ItemView, type Tagged } from "./service.js";

export type HomeResult = Awaited<ReturnType<typeof getHome>>;

/** Item views kept per process: an article's view is its sanitised body plus about 2 KB. */
export const ITEM_VIEWS_MAX_ENTRIES = 500;

type Source = Pick<PageCache, "generation" | "unchangedSince">;

// Any content change drops a list tag (cache-tags.ts): the horizon may have moved.
const HORIZON_TAGS = ["list:articles", "list:pages"];
const horizons = new TaggedMemo<"next", number | null>({ maxEntries: 1 });
const homes = new TaggedMemo<"home", HomeResult>({ maxEntries: 1 });
const items = new TaggedMemo<string, Tagged<ItemView>>({ maxEntries: ITEM_VIEWS_MAX_ENTRIES });

/** The first publication instant (ms) after now, if any: cached views end there. */
function publicationHorizon(source: Source, deps: ContentDeps, now: number): Promise<number | null> {
  return horizons.get(source, "next", now, async () => {
    const next = (await nextPublicationAfter(deps.db, new Date(now)))?.getTime() ?? null;
    return { value: next, tags: HORIZON_TAGS, validUntil: next };
  });
}

/** The home's shared data: from memory while the anonymous home could stay in the page cache. */
export function cachedHome(source: Source, deps: ContentDeps): Promise<HomeResult> {
  const now = deps.now().getTime();
  return homes.get(source, "home", now, async () => {
    const [home, horizon] = await Promise.all([getHome(deps), publicationHorizon(source, deps, now)]);
    return { value: home, tags: home.tags, validUntil: horizon };
  });
}

/**
 * The published item at `path` (service.getItemByPath): from memory while its page could stay
 * in the page cache. A moved or missing path is not kept (its error is thrown each time).
 */
export function cachedItemByPath(source: Source, deps: ContentDeps, path: string): Promise<Tagged<ItemView>> {
  const now = deps.now().getTime();
  return items.get(source, path, now, async () => {
    const [item, horizon] = await Promise.all([getItemByPath(deps, path), publicationHorizon(source, deps, now)]);
    return { value: item, tags: item.tags, validUntil: horizon };
  });
}
