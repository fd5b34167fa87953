// What one digest holds (pure): the new content matching the resident's themes and places,
// ranked like the personalised feed (accounts' rankForYou, at the digest's date), then the
// favourites changed since the previous digest, shown as "mis à jour". Candidates are found
// through an index of the run's items by theme and place, so a run of many subscribers never
// compares each with every item.
import { FRESHNESS_DAYS } from "../accounts/index.js";
import type { WindowItem } from "./queries.js";
import type { DigestItems } from "./schema.js";

/** New items shown in one e-mail; the rest are counted and left to "Mon fil". */
export const MAX_NEW = 10;
export const MAX_UPDATED = 10;
/** Participation notices shown in one e-mail; the rest are counted and left to the inbox. */
export const MAX_NOTICES = 10;

/**
 * The run's items, indexed by theme and place, with each item's freshness at the period's end
 * precomputed. `rank` gives the same order as accounts' `rankForYou` (feed score = (2 x matching
 * themes + matching places) x freshness; ties newest first, then highest id; compose.test.ts
 * checks it against rankForYou on random data) for one subscriber in time proportional to their
 * candidates, keeping only the best `limit`: a run of 100,000 subscribers cannot afford a sort
 * and fresh sets per candidate.
 */
export class ItemIndex {
  readonly #items: readonly WindowItem[];
  readonly #freshness: Float64Array;
  readonly #byTheme = new Map<number, number[]>();
  readonly #byPlace = new Map<number, number[]>();
  /** Scratch space: match points per item index, and the indices touched. */
  readonly #points: Int32Array;
  readonly #touched: number[] = [];

  constructor(items: readonly WindowItem[], until: Date) {
    this.#items = items;
    this.#freshness = new Float64Array(items.length);
    this.#points = new Int32Array(items.length);
    const add = (map: Map<number, number[]>, key: number, i: number) => {
      const list = map.get(key);
      if (list) list.push(i);
      else map.set(key, [i]);
    };
    items.forEach((item, i) => {
      const ageDays = Math.max(0, (until.getTime() - item.published_at.getTime()) / 86_400_000);
      this.#freshness[i] = 1 / (1 + ageDays / FRESHNESS_DAYS);
      for (const t of new Set(item.theme_ids)) add(this.#byTheme, t, i);
      for (const n of new Set(item.neighbourhood_ids)) add(this.#byPlace, n, i);
    });
  }

  /** Items published after `since` sharing a theme or a place with the interests: the best `limit` ids, and how many in all. */
  rank(themeIds: readonly number[], placeIds: readonly number[], since: Date, limit: number): { ids: number[]; count: number } {
    const points = this.#points;
    const touched = this.#touched;
    touched.length = 0;
    const credit = (list: number[] | undefined, weight: number) => {
      if (!list) return;
      for (const i of list) {
        if (points[i] === 0) touched.push(i);
        points[i] = points[i]! + weight;
      }
    };
    for (const t of new Set(themeIds)) credit(this.#byTheme.get(t), 2);
    for (const n of new Set(placeIds)) credit(this.#byPlace.get(n), 1);
    const sinceMs = since.getTime();
    // The best `limit`, kept sorted (best first) by insertion.
    const best: { i: number; score: number }[] = [];
    const before = (a: { i: number; score: number }, b: { i: number; score: number }) => {
      if (a.score !== b.score) return a.score > b.score;
      const ta = this.#items[a.i]!.published_at.getTime();
      const tb = this.#items[b.i]!.published_at.getTime();
      if (ta !== tb) return ta > tb;
      return this.#items[a.i]!.id > this.#items[b.i]!.id;
    };
    let count = 0;
    for (const i of touched) {
      const p = points[i]!;
      points[i] = 0;
      if (this.#items[i]!.published_at.getTime() <= sinceMs) continue;
      count++;
      const entry = { i, score: p * this.#freshness[i]! };
      if (best.length === limit && !before(entry, best[best.length - 1]!)) continue;
      let k = best.length < limit ? best.length : limit - 1;
      if (best.length < limit) best.push(entry);
      while (k > 0 && before(entry, best[k - 1]!)) {
        best[k] = best[k - 1]!;
        k--;
      }
      best[k] = entry;
    }
    return { ids: best.map((b) => this.#items[b.i]!.id), count };
  }
}

export interface SubscriberInput {
  themeIds: readonly number[];
  placeIds: readonly number[];
  withInterests: boolean;
  withFavourites: boolean;
  since: Date;
  until: Date;
  /** Favourite content and actions changed in (since, until] (already filtered by time). */
  updatedContent: readonly { id: number; publishedAt: Date | null }[];
  updatedActions: readonly number[];
  /** The resident's unread participation notices written in (since, until] (already filtered by time). */
  notices?: readonly { id: number; createdAt: Date }[];
}

export function composeDigest(index: ItemIndex, s: SubscriberInput): { items: DigestItems; total: number } {
  const fresh = s.withInterests ? index.rank(s.themeIds, s.placeIds, s.since, MAX_NEW) : { ids: [], count: 0 };
  const isNew = new Set(fresh.ids);
  const updated = s.withFavourites
    ? [...new Set(s.updatedContent.filter((c) => !isNew.has(c.id) && c.publishedAt !== null && c.publishedAt.getTime() <= s.since.getTime()).map((c) => c.id))]
    : [];
  const actions = s.withFavourites ? [...new Set(s.updatedActions)] : [];
  // Notices are the resident's own (replies, the city's answers, followed actions): whatever the
  // sources chosen, newest first (ties: highest id).
  const notices = [...(s.notices ?? [])].sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime() || y.id - x.id);
  return {
    items: {
      n: fresh.ids,
      u: updated.slice(0, MAX_UPDATED),
      a: actions.slice(0, MAX_UPDATED),
      ...(notices.length > 0 ? { p: notices.slice(0, MAX_NOTICES).map((x) => x.id), np: notices.length } : {}),
    },
    total: fresh.count + updated.length + actions.length + notices.length,
  };
}
