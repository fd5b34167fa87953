// SQL of the open data content API (opendata's /api/v1/actualites and /api/v1/pages): published
// items with filters and keyset ("cursor") pagination. Kept apart from items.ts, which serves the
// HTML pages; the visibility rule (published, published_at <= now) is the same.
import { sql, type Kysely } from "kysely";
import type { ContentKind, Database } from "../../../core/db/schema.js";
import { ITEM_COLUMNS, type ItemRow } from "./items.js";
import { aboutPlace, hasTheme } from "./paths.js";

type Db = Kysely<Database>;

const PUBLISHED_MS = sql<Date>`date_trunc('milliseconds', c.published_at)`;

export interface PublishedPageFilter {
  kind: ContentKind;
  themeId?: number;
  neighbourhoodId?: number;
  /** published_at >= since */
  since?: Date;
  /** published_at < before */
  before?: Date;
  /** French full-text query (the site search's: websearch syntax, accent-insensitive). */
  search?: string;
  /** Keyset: only items strictly after this one in (published_at desc, id desc) order. */
  after?: { publishedAt: Date; id: number };
  limit: number;
  now: Date;
}

/**
 * One page of published items, newest first, ordered by (published_at, id) descending so that a
 * cursor made of the last item's pair resumes exactly after it: no item is seen twice or skipped
 * when items are published meanwhile (offset pagination would shift). A text search filters with
 * the site search's tsquery but keeps this order (a rank order cannot be resumed from a cursor).
 * Times are compared at millisecond precision, the precision of the cursor's JavaScript Date: a
 * published_at written by SQL now() carries microseconds, which would otherwise never equal the
 * cursor's value (and order and comparison must use the same key, or items are skipped).
 */
export async function listPublishedPage(db: Db, f: PublishedPageFilter): Promise<ItemRow[]> {
  let q = db
    .selectFrom("content_items as c")
    .select(ITEM_COLUMNS.map((c) => `c.${c}` as const))
    .where("c.kind", "=", f.kind)
    .where("c.status", "=", "published")
    .where("c.published_at", "<=", f.now);
  if (f.themeId !== undefined) q = q.where(hasTheme(f.themeId));
  if (f.neighbourhoodId !== undefined) q = q.where(aboutPlace(f.neighbourhoodId));
  if (f.since) q = q.where("c.published_at", ">=", f.since);
  if (f.before) q = q.where("c.published_at", "<", f.before);
  if (f.search) q = q.where(sql<boolean>`c.search_vector @@ websearch_to_tsquery('french', f_unaccent(${f.search}))`);
  if (f.after) {
    const { publishedAt, id } = f.after;
    q = q.where((eb) => eb.or([eb(PUBLISHED_MS, "<", publishedAt), eb.and([eb(PUBLISHED_MS, "=", publishedAt), eb("c.id", "<", id)])]));
  }
  const rows = await q.orderBy(PUBLISHED_MS, "desc").orderBy("c.id", "desc").limit(f.limit).execute();
  return rows;
}
