import { describe, expect, it } from "vitest";
import { rankRelated, relatedScore, type RelatedCandidate } from "./related.js";

const now = new Date("2026-06-01T12:00:00Z");
const day = 86_400_000;
const c = (id: number, themeIds: number[], neighbourhoodIds: number[], daysAgo: number, status = "published"): RelatedCandidate => ({
  id,
  themeIds,
  neighbourhoodIds,
  status,
  publishedAt: new Date(now.getTime() - daysAgo * day),
});
const subject = { id: 1, themeIds: [10, 11], neighbourhoodIds: [20] };

describe("relatedScore", () => {
  it("weighs a shared theme twice as much as a shared neighbourhood", () => {
    expect(relatedScore(subject, c(2, [10], [], 0))).toBe(2);
    expect(relatedScore(subject, c(2, [], [20], 0))).toBe(1);
    expect(relatedScore(subject, c(2, [10, 11], [20], 0))).toBe(5);
    expect(relatedScore(subject, c(2, [99], [98], 0))).toBe(0);
  });
});

describe("rankRelated", () => {
  it("puts pinned items first in the editor's order, then the best matches", () => {
    const candidates = [c(2, [10, 11], [20], 5), c(3, [99], [], 1), c(4, [10], [], 2), c(5, [], [], 3)];
    expect(rankRelated(subject, [5, 3], candidates, { now })).toEqual([5, 3, 2]);
  });
  it("breaks score ties by recency, then by id", () => {
    const candidates = [c(2, [10], [], 10), c(3, [10], [], 2), c(4, [10], [], 2), c(5, [10], [], 30)];
    expect(rankRelated(subject, [], candidates, { now })).toEqual([4, 3, 2]);
  });
  it("ranks by score before recency", () => {
    const candidates = [c(2, [10], [20], 100), c(3, [10], [], 1), c(4, [], [20], 0)];
    expect(rankRelated(subject, [], candidates, { now })).toEqual([2, 3, 4]);
  });
  it("never returns the item itself, unpublished, future or duplicate items", () => {
    const candidates = [
      c(1, [10, 11], [20], 1), // itself
      c(2, [10, 11], [20], 1, "draft"),
      c(3, [10, 11], [20], -2), // published in the future
      { ...c(4, [10], [], 1), publishedAt: null },
      c(5, [10], [], 3),
      c(6, [], [], 4),
    ];
    expect(rankRelated(subject, [1, 2, 3, 5, 5], candidates, { now })).toEqual([5, 6]);
  });
  it("fills with less related recent items and respects the limit", () => {
    const candidates = Array.from({ length: 10 }, (_, i) => c(i + 2, [], [], i));
    expect(rankRelated(subject, [], candidates, { now })).toEqual([2, 3, 4]);
    expect(rankRelated(subject, [], candidates, { now, limit: 5 })).toHaveLength(5);
    expect(rankRelated(subject, [9, 8, 7, 6], candidates, { now })).toEqual([9, 8, 7]);
  });
});
