import { describe, expect, it } from "vitest";
import { feedScore, matchScore, rankForYou, type FeedCandidate } from "./for-you.js";

const now = new Date("2026-06-01T12:00:00Z");
const item = (id: number, daysAgo: number, themeIds: number[], neighbourhoodIds: number[] = []): FeedCandidate => ({
  id,
  publishedAt: new Date(now.getTime() - daysAgo * 86_400_000),
  themeIds,
  neighbourhoodIds,
});
const interests = { themeIds: [1, 2], neighbourhoodIds: [10] };

describe("rankForYou", () => {
  it("scores themes twice as much as neighbourhoods", () => {
    expect(matchScore(interests, item(1, 0, [1], [10]))).toBe(3);
    expect(matchScore(interests, item(1, 0, [3], [11]))).toBe(0);
  });
  it("halves the weight of an item a month old", () => {
    expect(feedScore(interests, item(1, 30, [1]), now)).toBeCloseTo(feedScore(interests, item(1, 0, [1]), now) / 2);
  });
  it("leaves out what matches nothing and what is not yet published", () => {
    expect(rankForYou(interests, [item(1, 1, [3]), item(2, -1, [1]), item(3, 2, [], [10])], now)).toEqual([3]);
  });
  it("lets a strong older match beat a weak fresh one, and breaks ties by recency then id", () => {
    const strong = item(1, 10, [1, 2], [10]); // 5 / (1 + 1/3) = 3.75
    const weak = item(2, 0, [], [10]); // 1
    const twinA = item(3, 5, [1]);
    const twinB = item(4, 5, [1]);
    expect(rankForYou(interests, [weak, twinA, strong, twinB], now)).toEqual([1, 4, 3, 2]);
  });
  it("returns nothing without interests", () => {
    expect(rankForYou({ themeIds: [], neighbourhoodIds: [] }, [item(1, 0, [1])], now)).toEqual([]);
  });
});
