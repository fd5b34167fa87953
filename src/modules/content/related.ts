// "Lire aussi": which items to suggest after an article or a page.
//
// Rule (documented in docs/decisions/0005-related-ranking.md):
//  1. Items pinned by an editor come first, in the editor's order.
//  2. Then the other items, by score = 2 x shared themes + 1 x shared neighbourhoods
//     (a theme says more about what a reader wants next than a place does).
//  3. Equal scores: the most recently published first, then the highest id.
//  Never the item itself, never an item that is not published (or published in the
//  future), never the same item twice.

export interface RelatedSubject {
  id: number;
  themeIds: readonly number[];
  neighbourhoodIds: readonly number[];
}

export interface RelatedCandidate extends RelatedSubject {
  status: string;
  publishedAt: Date | null;
}

export const THEME_WEIGHT = 2;
export const NEIGHBOURHOOD_WEIGHT = 1;

export function relatedScore(subject: RelatedSubject, candidate: RelatedSubject): number {
  const themes = new Set(subject.themeIds);
  const places = new Set(subject.neighbourhoodIds);
  const sharedThemes = new Set(candidate.themeIds.filter((id) => themes.has(id))).size;
  const sharedPlaces = new Set(candidate.neighbourhoodIds.filter((id) => places.has(id))).size;
  return THEME_WEIGHT * sharedThemes + NEIGHBOURHOOD_WEIGHT * sharedPlaces;
}

export function isVisible(candidate: Pick<RelatedCandidate, "status" | "publishedAt">, now: Date): boolean {
  return candidate.status === "published" && candidate.publishedAt !== null && candidate.publishedAt.getTime() <= now.getTime();
}

/**
 * Returns the ids to show, at most `limit`. `pinnedIds` are in the editor's order;
 * `candidates` must include the pinned items so that their status can be checked.
 */
export function rankRelated(
  subject: RelatedSubject,
  pinnedIds: readonly number[],
  candidates: readonly RelatedCandidate[],
  options: { now: Date; limit?: number },
): number[] {
  const limit = options.limit ?? 3;
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const chosen: number[] = [];
  const taken = new Set<number>([subject.id]);

  for (const id of pinnedIds) {
    const c = byId.get(id);
    if (chosen.length >= limit) break;
    if (!c || taken.has(id) || !isVisible(c, options.now)) continue;
    chosen.push(id);
    taken.add(id);
  }

  const scored = candidates
    .filter((c) => !taken.has(c.id) && isVisible(c, options.now))
    .map((c) => ({ c, score: relatedScore(subject, c) }))
    .sort((a, b) => b.score - a.score || (b.c.publishedAt?.getTime() ?? 0) - (a.c.publishedAt?.getTime() ?? 0) || b.c.id - a.c.id);
  for (const { c } of scored) {
    if (chosen.length >= limit) break;
    if (taken.has(c.id)) continue;
    chosen.push(c.id);
    taken.add(c.id);
  }
  return chosen;
}
