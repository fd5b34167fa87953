// What one digest holds (pure): the new content matching the resident's themes and places,
// ranked like the personalised feed (accounts' rankForYou, at the digest's date), then the
// favourites changed since the previous digest, shown as "mis à jour". Candidates are found
// through an index of the run's items by theme and place, so a run of many subscribers never
// compares each with every item.
import { rankForYou } from "../accounts/index.js";
import type { WindowItem } from "./queries.js";
import type { DigestItems } from "./schema.js";

/** New items shown in one e-mail; the rest are counted and left to "Mon fil". */
export const MAX_NEW = 10;
export const MAX_UPDATED = 10;

export class ItemIndex {
  readonly #byTheme = new Map<number, WindowItem[]>();
  readonly #byPlace = new Map<number, WindowItem[]>();

  constructor(items: readonly WindowItem[]) {
    const add = (map: Map<number, WindowItem[]>, key: number, item: WindowItem) => {
      const list = map.get(key);
      if (list) list.push(item);
      else map.set(key, [item]);
    };
    for (const item of items) {
      for (const t of item.theme_ids) add(this.#byTheme, t, item);
      for (const n of item.neighbourhood_ids) add(this.#byPlace, n, item);
    }
  }

  /** Items published after `since` sharing a theme or a place with the interests. */
  candidates(themeIds: readonly number[], placeIds: readonly number[], since: Date): WindowItem[] {
    const seen = new Map<number, WindowItem>();
    const take = (list: WindowItem[] | undefined) => {
      for (const item of list ?? []) if (item.published_at.getTime() > since.getTime()) seen.set(item.id, item);
    };
    for (const t of themeIds) take(this.#byTheme.get(t));
    for (const n of placeIds) take(this.#byPlace.get(n));
    return [...seen.values()];
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
}

export function composeDigest(index: ItemIndex, s: SubscriberInput): { items: DigestItems; total: number } {
  const ranked = s.withInterests
    ? rankForYou(
        { themeIds: s.themeIds, neighbourhoodIds: s.placeIds },
        index.candidates(s.themeIds, s.placeIds, s.since).map((c) => ({
          id: c.id,
          publishedAt: c.published_at,
          themeIds: c.theme_ids,
          neighbourhoodIds: c.neighbourhood_ids,
        })),
        s.until,
      )
    : [];
  const isNew = new Set(ranked);
  const updated = s.withFavourites
    ? [...new Set(s.updatedContent.filter((c) => !isNew.has(c.id) && c.publishedAt !== null && c.publishedAt.getTime() <= s.since.getTime()).map((c) => c.id))]
    : [];
  const actions = s.withFavourites ? [...new Set(s.updatedActions)] : [];
  return {
    items: { n: ranked.slice(0, MAX_NEW), u: updated.slice(0, MAX_UPDATED), a: actions.slice(0, MAX_UPDATED) },
    total: ranked.length + updated.length + actions.length,
  };
}
