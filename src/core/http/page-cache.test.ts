import { describe, expect, it } from "vitest";
import { etagMatches, PageCache, weakEtag } from "./page-cache.js";

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
  it("keeps the bodies under a total number of bytes, least recently used first", () => {
    const cache = new PageCache({ maxBytes: 250 });
    for (const k of ["/a", "/b", "/c"]) cache.set(k, { body: k.repeat(50), tags: ["home"] }); // 100 bytes each
    expect(cache.bytes).toBe(200);
    expect(cache.get("/a")).toBeUndefined();
    expect(cache.get("/b")).toBeDefined();
    cache.set("/b", { body: "x", tags: [] });
    expect(cache.bytes).toBe(101);
    expect(cache.invalidateTags(["home"])).toBe(1);
    expect(cache.bytes).toBe(1);
    cache.clear();
    expect(cache.bytes).toBe(0);
    // A single page larger than the bound is still kept (alone).
    cache.set("/big", { body: "y".repeat(300), tags: [] });
    expect(cache.get("/big")).toBeDefined();
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

describe("tag vocabulary", () => {
  it("refuses a tag no module declared, when stored and when invalidated", () => {
    const cache = new PageCache({ knowsTag: (tag) => tag === "home" || tag.startsWith("content:") });
    expect(cache.set("/", { body: "A", tags: ["home", "content:1"] })).toBe(true);
    expect(() => cache.set("/x", { body: "B", tags: ["contnet:1"] })).toThrow(/contnet:1/);
    expect(() => cache.invalidateTags(["hom"])).toThrow(/hom/);
    // Another process's message is applied as it comes: the sender checked it.
    expect(cache.invalidateTags(["home"], { fromRemote: true })).toBe(1);
  });
});

describe("etagMatches", () => {
  it("compares weakly, in a list, and accepts *", () => {
    const tag = weakEtag("A");
    expect(etagMatches(tag, tag)).toBe(true);
    expect(etagMatches(`"other", ${tag}`, tag)).toBe(true);
    expect(etagMatches(tag.replace(/^W\//, ""), tag)).toBe(true);
    expect(etagMatches("*", tag)).toBe(true);
    expect(etagMatches(undefined, tag)).toBe(false);
    expect(etagMatches('W/"nope"', tag)).toBe(false);
  });
});
