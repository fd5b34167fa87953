import { describe, expect, it } from "vitest";
import { PageCache } from "./page-cache.js";
import { TaggedMemo } from "./tagged-memo.js";

function counter(tags: string[] = ["content:1"], validUntil?: number) {
  let loads = 0;
  return {
    get loads() {
      return loads;
    },
    load: async () => ({ value: ++loads, tags, validUntil }),
  };
}

describe("PageCache.unchangedSince", () => {
  it("tells whether an invalidation since a generation named one of the tags, or cleared everything", () => {
    const cache = new PageCache();
    const g = cache.generation;
    cache.invalidateTags(["theme:2"]);
    expect(cache.unchangedSince(g, ["content:1", "theme:3"])).toBe(true);
    expect(cache.unchangedSince(g, ["content:1", "theme:2"])).toBe(false);
    // Read after that invalidation: still fresh.
    expect(cache.unchangedSince(cache.generation, ["theme:2"])).toBe(true);
    const h = cache.generation;
    cache.invalidateTags(["theme:9"], { fromRemote: true });
    expect(cache.unchangedSince(h, ["theme:9"])).toBe(false);
    const k = cache.generation;
    cache.clear();
    expect(cache.unchangedSince(k, [])).toBe(false);
    expect(cache.unchangedSince(cache.generation, ["theme:2"])).toBe(true);
  });
});

describe("TaggedMemo", () => {
  it("loads once, then answers from memory until an invalidation names one of its tags", async () => {
    const cache = new PageCache();
    const memo = new TaggedMemo<string, number>({ maxEntries: 10 });
    const c = counter(["content:1", "theme:4"]);
    expect(await memo.get(cache, "a", 0, c.load)).toBe(1);
    expect(await memo.get(cache, "a", 1, c.load)).toBe(1);
    cache.invalidateTags(["content:2", "theme:5"]);
    expect(await memo.get(cache, "a", 2, c.load)).toBe(1);
    cache.invalidateTags(["theme:4"]);
    expect(await memo.get(cache, "a", 3, c.load)).toBe(2);
    cache.clear();
    expect(await memo.get(cache, "a", 4, c.load)).toBe(3);
    expect(c.loads).toBe(3);
  });

  it("shares one load between concurrent callers, and does not keep what an invalidation of its tags overtook", async () => {
    const cache = new PageCache();
    const memo = new TaggedMemo<string, number>({ maxEntries: 10 });
    let release: () => void = () => {};
    let loads = 0;
    const load = () =>
      new Promise<{ value: number; tags: string[] }>((resolve) => {
        loads++;
        release = () => resolve({ value: loads, tags: ["content:1"] });
      });
    const first = memo.get(cache, "a", 0, load);
    const second = memo.get(cache, "a", 0, load);
    expect(loads).toBe(1);
    // An invalidation of what it shows while loading: the value may be older than it.
    cache.invalidateTags(["content:1"]);
    release();
    expect(await first).toBe(1);
    expect(await second).toBe(1);
    const third = memo.get(cache, "a", 1, load);
    expect(loads).toBe(2);
    release();
    expect(await third).toBe(2);
    expect(await memo.get(cache, "a", 2, load)).toBe(2);
    // One about something else while loading: kept.
    cache.invalidateTags(["content:1"]);
    const fourth = memo.get(cache, "a", 3, load);
    cache.invalidateTags(["content:7"]);
    release();
    expect(await fourth).toBe(3);
    expect(await memo.get(cache, "a", 4, load)).toBe(3);
  });

  it("ends an entry at its own date and after the TTL, whatever the tags say", async () => {
    const cache = new PageCache();
    const memo = new TaggedMemo<string, number>({ maxEntries: 10, ttlMs: 1000 });
    const dated = counter(["home"], 500);
    expect(await memo.get(cache, "dated", 0, dated.load)).toBe(1);
    expect(await memo.get(cache, "dated", 499, dated.load)).toBe(1);
    expect(await memo.get(cache, "dated", 500, dated.load)).toBe(2);
    const plain = counter(["home"]);
    expect(await memo.get(cache, "plain", 0, plain.load)).toBe(1);
    expect(await memo.get(cache, "plain", 999, plain.load)).toBe(1);
    expect(await memo.get(cache, "plain", 1000, plain.load)).toBe(2);
    // A clock gone backwards (tests): not trusted.
    expect(await memo.get(cache, "plain", 10, plain.load)).toBe(3);
  });

  it("does not keep a failed load, and keeps at most maxEntries, least recently used going first", async () => {
    const cache = new PageCache();
    const memo = new TaggedMemo<string, number>({ maxEntries: 2 });
    await expect(memo.get(cache, "x", 0, () => Promise.reject(new Error("base indisponible")))).rejects.toThrow("base indisponible");
    expect(memo.size(cache)).toBe(0);
    const c = counter();
    await memo.get(cache, "a", 0, c.load); // 1
    await memo.get(cache, "b", 0, c.load); // 2
    await memo.get(cache, "a", 0, c.load); // a used again: b is now the oldest
    await memo.get(cache, "c", 0, c.load); // 3, b goes
    expect(memo.size(cache)).toBe(2);
    expect(await memo.get(cache, "a", 0, c.load)).toBe(1);
    expect(await memo.get(cache, "b", 0, c.load)).toBe(4);
  });

  it("keeps one set of entries per page cache (one per app)", async () => {
    const memo = new TaggedMemo<string, number>({ maxEntries: 10 });
    const one = new PageCache();
    const two = new PageCache();
    const c = counter();
    expect(await memo.get(one, "a", 0, c.load)).toBe(1);
    expect(await memo.get(two, "a", 0, c.load)).toBe(2);
    one.invalidateTags(["content:1"]);
    expect(await memo.get(two, "a", 0, c.load)).toBe(2);
  });
});
