import { describe, expect, it } from "vitest";
import { PersonalCache } from "./personal-cache.js";

function setup(opts: { maxWeight?: number; maxPeople?: number } = {}) {
  const state = { now: 0, generation: 0 };
  const cache = new PersonalCache({ ...opts, ttlMs: 1000, clock: () => state.now, generation: () => state.generation });
  let loads = 0;
  const load = (value: string) => async () => {
    loads++;
    return value;
  };
  return { cache, state, load, loads: () => loads };
}

describe("PersonalCache", () => {
  it("keeps a block per person and version, and drops it when the version changes", async () => {
    const { cache, load, loads } = setup();
    cache.note(1, 7);
    expect(await cache.remember(1, "b", load("one"))).toBe("one");
    expect(await cache.remember(1, "b", load("two"))).toBe("one");
    expect(loads()).toBe(1);
    cache.note(1, 7);
    expect(await cache.remember(1, "b", load("two"))).toBe("one");
    cache.note(1, 8);
    expect(await cache.remember(1, "b", load("three"))).toBe("three");
    // Another person never gets it.
    cache.note(2, 8);
    expect(await cache.remember(2, "b", load("theirs"))).toBe("theirs");
  });

  it("keeps nothing for a person it has not seen, or after forget()", async () => {
    const { cache, load, loads } = setup();
    expect(await cache.remember(1, "b", load("one"))).toBe("one");
    expect(await cache.remember(1, "b", load("two"))).toBe("two");
    cache.note(1, 0);
    await cache.remember(1, "b", load("three"));
    cache.forget(1);
    expect(await cache.remember(1, "b", load("four"))).toBe("four");
    expect(await cache.remember(1, "b", load("five"))).toBe("five");
    expect(loads()).toBe(5);
  });

  it("does not keep what was loaded while the version or the content changed", async () => {
    const { cache, state } = setup();
    cache.note(1, 1);
    const stale = cache.remember(1, "b", async () => {
      cache.note(1, 2); // a later request read a newer version meanwhile
      return "old";
    });
    expect(await stale).toBe("old");
    expect(await cache.remember(1, "b", async () => "new")).toBe("new");
    const during = cache.remember(
      1,
      "feed",
      async () => {
        state.generation++;
        return "old feed";
      },
      { content: true },
    );
    expect(await during).toBe("old feed");
    expect(await cache.remember(1, "feed", async () => "new feed", { content: true })).toBe("new feed");
  });

  it("ties content blocks to the page cache generation and every block to the TTL", async () => {
    const { cache, state } = setup();
    cache.note(1, 1);
    await cache.remember(1, "feed", async () => "a", { content: true });
    await cache.remember(1, "facts", async () => "x");
    state.generation++;
    expect(await cache.remember(1, "feed", async () => "b", { content: true })).toBe("b");
    expect(await cache.remember(1, "facts", async () => "y")).toBe("x");
    state.now += 1001;
    expect(await cache.remember(1, "facts", async () => "z")).toBe("z");
  });

  it("is bounded by weight and by the number of people, least recently seen first", async () => {
    const { cache } = setup({ maxWeight: 100, maxPeople: 3 });
    for (let id = 1; id <= 3; id++) {
      cache.note(id, 0);
      await cache.remember(id, "b", async () => id, { weight: () => 40 });
    }
    expect(cache.weight).toBeLessThanOrEqual(100);
    expect(await cache.remember(1, "b", async () => -1)).toBe(-1); // person 1 went first
    expect(await cache.remember(3, "b", async () => -3)).toBe(3);
    for (let id = 4; id <= 10; id++) cache.note(id, 0);
    expect(cache.people).toBe(3);
    expect(cache.weight).toBe(0);
  });
});
