// "Pour vous": recent content ranked by how well it matches a person's interests.
//
// score = (2 x matching themes + 1 x matching neighbourhoods) x freshness
// freshness = 1 / (1 + age in days / 30): an item a month old counts half as much
// as one published today, so a strong match from last month can still beat a weak
// match from this morning. Items matching nothing are left out. Ties: newest first,
// then highest id. Documented in docs/decisions/0006-accounts.md.

export interface Interests {
  themeIds: readonly number[];
  neighbourhoodIds: readonly number[];
}

export interface FeedCandidate {
  id: number;
  publishedAt: Date;
  themeIds: readonly number[];
  neighbourhoodIds: readonly number[];
}

export const FRESHNESS_DAYS = 30;

export function matchScore(interests: Interests, c: FeedCandidate): number {
  const themes = new Set(interests.themeIds);
  const places = new Set(interests.neighbourhoodIds);
  return 2 * new Set(c.themeIds.filter((t) => themes.has(t))).size + new Set(c.neighbourhoodIds.filter((n) => places.has(n))).size;
}

export function feedScore(interests: Interests, c: FeedCandidate, now: Date): number {
  const ageDays = Math.max(0, (now.getTime() - c.publishedAt.getTime()) / 86_400_000);
  return matchScore(interests, c) / (1 + ageDays / FRESHNESS_DAYS);
}

export function rankForYou(interests: Interests, candidates: readonly FeedCandidate[], now: Date): number[] {
  return candidates
    .filter((c) => c.publishedAt.getTime() <= now.getTime() && matchScore(interests, c) > 0)
    .map((c) => ({ c, score: feedScore(interests, c, now) }))
    .sort((a, b) => b.score - a.score || b.c.publishedAt.getTime() - a.c.publishedAt.getTime() || b.c.id - a.c.id)
    .map(({ c }) => c.id);
}
