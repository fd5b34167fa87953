// The page-cache tags a content change drops (core/http/page-cache.ts explains tags).
/** What a content item touches, before and after a change (themes or places may move). */
export interface ContentChange {
  id: number;
  kind: "article" | "page";
  themeIds: readonly number[];
  neighbourhoodIds: readonly number[];
}

/**
 * The tags to drop when an item is created, edited, published, unpublished or deleted.
 * Give the item as it was and as it is: a page listing the old theme must lose it, a
 * page listing the new theme must gain it. "Lire aussi" blocks of neighbours are
 * tagged with the themes and places they rank by, so they are refreshed too.
 */
export function tagsForContentChange(...states: ContentChange[]): string[] {
  const tags = new Set<string>(["home", "sitemap", "search", "feeds"]);
  for (const s of states) {
    tags.add(`content:${s.id}`);
    tags.add(s.kind === "article" ? "list:articles" : "list:pages");
    for (const t of s.themeIds) tags.add(`theme:${t}`);
    for (const n of s.neighbourhoodIds) tags.add(`neighbourhood:${n}`);
  }
  return [...tags];
}
