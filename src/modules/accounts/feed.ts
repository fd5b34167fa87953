// The personalised feed: candidates from SQL, order from rankForYou().
import type { DB } from "../../core/db/create-db.js";
import { personalCacheOf } from "../../core/http/personal-cache.js";
import { findFeedCandidates, findItemsByIds, loadCards } from "../content/index.js";
import type { CardView } from "../../ui/view-models.js";
import { rankForYou } from "./for-you.js";
import { findInterests } from "./queries.js";

export interface PersonalFeed {
  cards: CardView[];
  page: number;
  pageCount: number;
  total: number;
  hasInterests: boolean;
}

/**
 * One page of a person's "Pour vous". Kept in memory per person (core/http/personal-cache.ts)
 * until their interests change, published content changes, or five minutes pass.
 */
export async function personalFeed(db: DB, userId: number, now: Date, page: number, pageSize: number): Promise<PersonalFeed> {
  const load = () => computeFeed(db, userId, now, page, pageSize);
  const cache = personalCacheOf(db);
  if (!cache) return load();
  return cache.remember(userId, `accounts.feed:${page}:${pageSize}`, load, { content: true, weight: (f) => 1 + f.cards.length * 20 });
}

async function computeFeed(db: DB, userId: number, now: Date, page: number, pageSize: number): Promise<PersonalFeed> {
  const interests = await findInterests(db, userId);
  const hasInterests = interests.themeIds.length + interests.neighbourhoodIds.length > 0;
  const candidates = await findFeedCandidates(db, interests, now);
  const ranked = rankForYou(
    interests,
    candidates.map((c) => ({ id: c.id, publishedAt: c.published_at, themeIds: c.theme_ids, neighbourhoodIds: c.neighbourhood_ids })),
    now,
  );
  const pageCount = Math.max(1, Math.ceil(ranked.length / pageSize));
  const pageIds = ranked.slice((page - 1) * pageSize, page * pageSize);
  const rows = await findItemsByIds(db, pageIds);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const cards: CardView[] = await loadCards(
    db,
    pageIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])),
  );
  return { cards, page, pageCount, total: ranked.length, hasInterests };
}
