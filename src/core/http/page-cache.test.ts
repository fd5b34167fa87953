import { describe, expect, it } from "vitest";
import { PageCache, tagsForContentChange, weakEtag } from "./page-cache.js";

describe("PageCache", () => {
  it("stores pages with a weak ETag and drops those carrying an invalidated tag", () => {
    const cache = new PageCache();
    cache.set("/a", { body: "A", tags: ["content:1", "theme:3"] });
    cache.set("/b", { body: "B", tags: ["content:2"] });
    expect(cache.get("/a")?.etag).toBe(weakEtag("A"));
    expect(cache.invalidateTags(["theme:3", "theme:99"])).toBe(1);
    expect(cache.get("/a")).toBeUndefined();
    expect(cache.get("/b")?.body.toString()).toBe("B");
  });
  it("refuses to store a render that started before an invalidation", () => {
    const cache = new PageCache();
    const generation = cache.generation;
    cache.invalidateTags(["content:1"]);
    expect(cache.set("/a", { body: "stale", tags: ["content:1"] }, generation)).toBe(false);
    expect(cache.get("/a")).toBeUndefined();
  });
  it("expires entries after the TTL and evicts the least recently used beyond the size", () => {
    let t = 0;
    const cache = new PageCache({ ttlMs: 1000, maxEntries: 2, clock: () => t });
    cache.set("/a", { body: "A", tags: [] });
    cache.set("/b", { body: "B", tags: [] });
    cache.get("/a"); // /a is now more recent than /b
    cache.set("/c", { body: "C", tags: [] });
    expect(cache.get("/b")).toBeUndefined();
    expect(cache.get("/a")?.body.toString()).toBe("A");
    t = 2000;
    expect(cache.get("/a")).toBeUndefined();
  });
});

describe("tagsForContentChange", () => {
  it("covers the item, its lists, home, feeds and the themes and places before and after", () => {
    const tags = tagsForContentChange(
      { id: 7, kind: "article", themeIds: [1, 2], neighbourhoodIds: [5] },
      { id: 7, kind: "article", themeIds: [3], neighbourhoodIds: [] },
    );
    expect(new Set(tags)).toEqual(
      new Set(["home", "sitemap", "search", "feeds", "content:7", "list:articles", "theme:1", "theme:2", "theme:3", "neighbourhood:5"]),
    );
  });
});
