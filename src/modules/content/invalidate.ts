// Drops the cached pages a content change makes stale (core/http/page-cache.ts explains tags).
import type { AppDeps } from "../../core/deps.js";
import { tagsForContentChange, type ContentChange } from "./cache-tags.js";
import { findCacheFacts } from "./queries/items.js";

/**
 * Call after any change to a content item (create, edit, publish, unpublish, delete,
 * theme or place change). Pass `before` when the item's themes or places may have
 * changed, so pages listing the old ones are refreshed too. Returns the number of
 * cached pages dropped.
 */
export async function invalidateContent(
  deps: Pick<AppDeps, "db" | "pageCache" | "site">,
  item: { id: number; kind: "article" | "page" },
  before?: ContentChange & { inMenu?: boolean },
): Promise<number> {
  const facts = await findCacheFacts(deps.db, item.id);
  const states: ContentChange[] = [{ id: item.id, kind: item.kind, themeIds: facts.themeIds, neighbourhoodIds: facts.neighbourhoodIds }];
  if (before) states.push(before);
  // A page in the main menu is part of every page's frame: drop them all.
  if (item.kind === "page" && (facts.inMenu || before?.inMenu)) {
    deps.site.invalidate();
    const size = deps.pageCache.size;
    deps.pageCache.clear();
    return size;
  }
  return deps.pageCache.invalidateTags(tagsForContentChange(...states));
}
