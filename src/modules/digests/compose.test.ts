// A digest's "Nouveautés" are in the personalised feed's order: ItemIndex.rank gives what
// accounts' rankForYou gives, on random items and interests (ties included).
import { describe, expect, it } from "vitest";
import { rankForYou } from "../accounts/index.js";
import { composeDigest, ItemIndex, MAX_NOTICES } from "./compose.js";
import type { WindowItem } from "./queries.js";

function random(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x / 2 ** 31;
  };
}

describe("digest ranking", () => {
  it("matches rankForYou on 200 random cases (same top 10, same count)", () => {
    const until = new Date("2027-01-11T07:00:00Z");
    const r = random(42);
    for (let c = 0; c < 200; c++) {
      const items: WindowItem[] = Array.from({ length: 80 }, (_, k) => ({
        id: k + 1,
        // Whole hours, so that equal dates and equal scores happen (ties by date, then id).
        published_at: new Date(until.getTime() - Math.floor(r() * 200) * 3600_000),
        theme_ids: [...new Set(Array.from({ length: Math.floor(r() * 3) }, () => 1 + Math.floor(r() * 6)))],
        neighbourhood_ids: [...new Set(Array.from({ length: Math.floor(r() * 2) }, () => 1 + Math.floor(r() * 4)))],
      }));
      const themeIds = [...new Set(Array.from({ length: 1 + Math.floor(r() * 3) }, () => 1 + Math.floor(r() * 6)))];
      const placeIds = [...new Set(Array.from({ length: Math.floor(r() * 2) }, () => 1 + Math.floor(r() * 4)))];
      const since = new Date(until.getTime() - Math.floor(r() * 150) * 3600_000);
      const expected = rankForYou(
        { themeIds, neighbourhoodIds: placeIds },
        items
          .filter((i) => i.published_at > since)
          .map((i) => ({ id: i.id, publishedAt: i.published_at, themeIds: i.theme_ids, neighbourhoodIds: i.neighbourhood_ids })),
        until,
      );
      const got = new ItemIndex(items, until).rank(themeIds, placeIds, since, 10);
      expect(got.ids).toEqual(expected.slice(0, 10));
      expect(got.count).toBe(expected.length);
    }
  });

  it("counts updated favourites apart from new items, and honours the chosen sources", () => {
    const until = new Date("2027-01-11T07:00:00Z");
    const since = new Date("2027-01-10T07:00:00Z");
    const index = new ItemIndex([{ id: 5, published_at: new Date("2027-01-10T12:00:00Z"), theme_ids: [1], neighbourhood_ids: [] }], until);
    const base = {
      themeIds: [1],
      placeIds: [],
      since,
      until,
      updatedActions: [9],
      updatedContent: [
        { id: 5, publishedAt: new Date("2027-01-10T12:00:00Z") },
        { id: 6, publishedAt: new Date("2026-01-01T00:00:00Z") },
      ],
    };
    expect(composeDigest(index, { ...base, withInterests: true, withFavourites: true })).toEqual({ items: { n: [5], u: [6], a: [9] }, total: 3 });
    expect(composeDigest(index, { ...base, withInterests: false, withFavourites: true })).toEqual({ items: { n: [], u: [6], a: [9] }, total: 2 });
    expect(composeDigest(index, { ...base, withInterests: true, withFavourites: false })).toEqual({ items: { n: [5], u: [], a: [] }, total: 1 });
  });

  it("adds the resident's notices newest first (ties: highest id), at most MAX_NOTICES, counted in the total, whatever the sources", () => {
    const until = new Date("2027-01-11T07:00:00Z");
    const since = new Date("2027-01-10T07:00:00Z");
    const index = new ItemIndex([], until);
    const at = (h: number) => new Date(since.getTime() + h * 3_600_000);
    const notices = [
      ...Array.from({ length: MAX_NOTICES }, (_, i) => ({ id: 100 + i, createdAt: at(1) })),
      { id: 7, createdAt: at(5) },
      { id: 8, createdAt: at(3) },
    ];
    const got = composeDigest(index, {
      themeIds: [],
      placeIds: [],
      since,
      until,
      updatedActions: [],
      updatedContent: [],
      withInterests: false,
      withFavourites: true,
      notices,
    });
    expect(got.items.p).toEqual([7, 8, 109, 108, 107, 106, 105, 104, 103, 102]);
    expect(got.items.np).toBe(MAX_NOTICES + 2);
    expect(got.total).toBe(MAX_NOTICES + 2);
    // none: the items carry no notice fields (deliveries stay as they were)
    expect(
      composeDigest(index, {
        themeIds: [],
        placeIds: [],
        since,
        until,
        updatedActions: [],
        updatedContent: [],
        withInterests: true,
        withFavourites: true,
        notices: [],
      }),
    ).toEqual({
      items: { n: [], u: [], a: [] },
      total: 0,
    });
  });
});
