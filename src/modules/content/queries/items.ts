// SQL of the public site: published items, their themes, places, images and neighbours.
// Every function takes the Kysely handle (or a transaction) so that services own transactions.
// Themes and neighbourhoods belong to the places module: only joins for a label live here.
import { sql, type Kysely } from "kysely";
import type { ContentKind, ContentStatus, Database } from "../../../core/db/schema.js";
import { aboutPlace, hasTheme } from "./paths.js";

type Db = Kysely<Database>;

export interface ItemRow {
  id: number;
  kind: ContentKind;
  parent_id: number | null;
  slug: string;
  path: string;
  title: string;
  standfirst: string;
  body: string;
  status: string;
  published_at: Date | null;
  updated_at: Date;
  hero_media_id: number | null;
  featured: boolean;
}

export const ITEM_COLUMNS = [
  "id",
  "kind",
  "parent_id",
  "slug",
  "path",
  "title",
  "standfirst",
  "body",
  "status",
  "published_at",
  "updated_at",
  "hero_media_id",
  "featured",
] as const;

/** An item as a card shows it: every column but the body (a card shows title, teaser, image). */
export type CardRow = Omit<ItemRow, "body">;

/** ITEM_COLUMNS without `body`: listings select these, never the full text of every item. */
export const CARD_COLUMNS = ITEM_COLUMNS.filter((c): c is Exclude<(typeof ITEM_COLUMNS)[number], "body"> => c !== "body");

export async function findPublishedByPath(db: Db, path: string, now: Date): Promise<ItemRow | undefined> {
  return db
    .selectFrom("content_items")
    .select(ITEM_COLUMNS)
    .where("path", "=", path)
    .where("status", "=", "published")
    .where("published_at", "<=", now)
    .executeTakeFirst();
}

/**
 * An item's themes (in the editor's order), places (in menu order) and pinned "Lire aussi"
 * items, as id arrays beside its row: its page reads the themes and places themselves from
 * memory (places/index.ts placesSnapshot), so one statement gives everything of its own.
 */
export interface ItemPageRow extends ItemRow {
  theme_ids: number[];
  neighbourhood_ids: number[];
  pinned_ids: number[];
}

/**
 * Theme ids of the item aliased `alias`, in the editor's order (findThemesOf's order; the editor
 * numbers an item's themes from 0, so ties on position, which findThemesOf would break by the
 * theme's menu position, do not occur). From the link table alone: joining `themes` here cost
 * the "Lire aussi" query 15 % more on PGlite.
 */
function themeIdsOf(alias: string) {
  return sql<number[]>`coalesce((select array_agg(ct.theme_id order by ct.position, ct.theme_id)
    from content_themes ct where ct.content_id = ${sql.ref(`${alias}.id`)}), '{}')`;
}

function pageLinks(alias: string) {
  return [
    themeIdsOf(alias).as("theme_ids"),
    sql<number[]>`coalesce((select array_agg(cn.neighbourhood_id order by n.position, n.name, n.id)
      from content_neighbourhoods cn join neighbourhoods n on n.id = cn.neighbourhood_id where cn.content_id = ${sql.ref(`${alias}.id`)}), '{}')`.as(
      "neighbourhood_ids",
    ),
    sql<number[]>`coalesce((select array_agg(r.related_id order by r.position, r.related_id)
      from content_related r where r.content_id = ${sql.ref(`${alias}.id`)}), '{}')`.as("pinned_ids"),
  ];
}

/** The published item at `path` with its links (ItemPageRow): its public page. */
export async function findPublishedPageByPath(db: Db, path: string, now: Date): Promise<ItemPageRow | undefined> {
  return db
    .selectFrom("content_items as c")
    .select(ITEM_COLUMNS.map((col) => `c.${col}` as const))
    .select(pageLinks("c"))
    .where("c.path", "=", path)
    .where("c.status", "=", "published")
    .where("c.published_at", "<=", now)
    .executeTakeFirst() as Promise<ItemPageRow | undefined>;
}

/** Any item by id with its links, whatever its status (previews). */
export async function findItemPageById(db: Db, id: number): Promise<ItemPageRow | undefined> {
  return db
    .selectFrom("content_items as c")
    .select(ITEM_COLUMNS.map((col) => `c.${col}` as const))
    .select(pageLinks("c"))
    .where("c.id", "=", id)
    .executeTakeFirst() as Promise<ItemPageRow | undefined>;
}

/** Theme ids of items, each item's in the editor's order (see themeIdsOf): cards whose themes come from memory. */
export async function findThemeIdsOf(db: Db, contentIds: number[]): Promise<Map<number, number[]>> {
  const byItem = new Map<number, number[]>();
  if (contentIds.length === 0) return byItem;
  const rows = await db
    .selectFrom("content_themes as ct")
    .select(["ct.content_id", "ct.theme_id"])
    .where("ct.content_id", "in", contentIds)
    .orderBy("ct.content_id")
    .orderBy("ct.position")
    .orderBy("ct.theme_id")
    .execute();
  for (const r of rows) {
    const list = byItem.get(r.content_id);
    if (list) list.push(r.theme_id);
    else byItem.set(r.content_id, [r.theme_id]);
  }
  return byItem;
}

/** The chain of parent pages, root first. */
export async function findAncestors(db: Db, parentId: number | null): Promise<Array<{ id: number; title: string; path: string }>> {
  if (parentId === null) return [];
  const result = await sql<{ id: number; title: string; path: string; depth: number }>`
    with recursive chain as (
      select id, parent_id, title, path, 0 as depth from content_items where id = ${parentId}
      union all
      select c.id, c.parent_id, c.title, c.path, chain.depth + 1
      from content_items c join chain on c.id = chain.parent_id
      where chain.depth < 20
    )
    select id, title, path, depth from chain order by depth desc`.execute(db);
  return result.rows.map(({ id, title, path }) => ({ id, title, path }));
}

export interface ItemTheme {
  content_id: number;
  id: number;
  slug: string;
  name: string;
  color: string;
}

export async function findThemesOf(db: Db, contentIds: number[]): Promise<ItemTheme[]> {
  if (contentIds.length === 0) return [];
  return db
    .selectFrom("content_themes as ct")
    .innerJoin("themes as t", "t.id", "ct.theme_id")
    .select(["ct.content_id", "t.id", "t.slug", "t.name", "t.color"])
    .where("ct.content_id", "in", contentIds)
    .orderBy("ct.content_id")
    .orderBy("ct.position")
    .orderBy("t.position")
    .execute();
}

export interface ItemNeighbourhood {
  content_id: number;
  id: number;
  slug: string;
  name: string;
  kind: string;
}

export async function findNeighbourhoodsOf(db: Db, contentIds: number[]): Promise<ItemNeighbourhood[]> {
  if (contentIds.length === 0) return [];
  return db
    .selectFrom("content_neighbourhoods as cn")
    .innerJoin("neighbourhoods as n", "n.id", "cn.neighbourhood_id")
    .select(["cn.content_id", "n.id", "n.slug", "n.name", "n.kind"])
    .where("cn.content_id", "in", contentIds)
    .orderBy("cn.content_id")
    .orderBy("n.position")
    .execute();
}

export interface ListFilter {
  kind?: ContentKind;
  themeId?: number;
  neighbourhoodId?: number;
  featured?: boolean;
  limit: number;
  offset: number;
  now: Date;
}

function publishedQuery(db: Db, f: Omit<ListFilter, "limit" | "offset">) {
  let q = db.selectFrom("content_items as c").where("c.status", "=", "published").where("c.published_at", "<=", f.now);
  if (f.kind) q = q.where("c.kind", "=", f.kind);
  if (f.featured !== undefined) q = q.where("c.featured", "=", f.featured);
  if (f.themeId !== undefined) q = q.where(hasTheme(f.themeId));
  if (f.neighbourhoodId !== undefined) q = q.where(aboutPlace(f.neighbourhoodId));
  return q;
}

/** A card's row with its theme ids (see findThemeIdsOf): a list's cards need no other statement for their themes. */
export type ListedCardRow = CardRow & { theme_ids: number[] };

/** One page of published items, newest first. */
export async function listPublishedRows(db: Db, f: ListFilter): Promise<ListedCardRow[]> {
  const rows = await publishedQuery(db, f)
    .select(CARD_COLUMNS.map((c) => `c.${c}` as const))
    .select(themeIdsOf("c").as("theme_ids"))
    .orderBy("c.published_at", "desc")
    .orderBy("c.id", "desc")
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return rows as ListedCardRow[];
}

/**
 * The earliest publication date after `now` of a published item: the next time a list of
 * published items changes by time alone (the home's shared data ends there, cached.ts).
 */
export async function nextPublicationAfter(db: Db, now: Date): Promise<Date | null> {
  const row = await db
    .selectFrom("content_items")
    .select((eb) => eb.fn.min("published_at").as("next"))
    .where("status", "=", "published")
    .where("published_at", ">", now)
    .executeTakeFirst();
  return row?.next ? new Date(row.next) : null;
}

/**
 * One page of published items, newest first, and the total count for pagination. The count
 * reads every matching entry of an index: only lists with page links need it (not the home
 * page or the feeds, which use listPublishedRows).
 */
export async function listPublished(db: Db, f: ListFilter): Promise<{ rows: ListedCardRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    listPublishedRows(db, f),
    publishedQuery(db, f)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findItemsByIds(db: Db, ids: number[]): Promise<CardRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom("content_items").select(CARD_COLUMNS).where("id", "in", ids).execute();
}

/** A "Lire aussi" candidate: the item (for its card) and the ids its score is computed from (themes in the card's order). */
export interface CandidateRow extends CardRow {
  theme_ids: number[];
  neighbourhood_ids: number[];
}

/** How many of the newest published items the "Lire aussi" pre-selection scores one by one. */
export const RELATED_WINDOW = 300;

/**
 * Pre-selects "Lire aussi" candidates in SQL with the same score as rankRelated(): the best
 * `limit` items by (score, publication date, id), plus the pinned items so their visibility
 * can be checked. Bounded work however large the archive (issue #12):
 *  1. the `RELATED_WINDOW` newest visible items are scored one by one (date index, two
 *     primary-key probes each) and the best `limit` of them kept;
 *  2. an older item can only beat them with a strictly higher score than the `limit`-th of
 *     them (ties go to the newer). When that score is already the highest possible (every
 *     theme and place shared) or the window held every visible item, nothing else is read;
 *     otherwise the items scoring higher are added up from the link tables alone (index-only
 *     scans of the subject's themes and places), and only those are looked up.
 * The union holds the true best `limit`; rankRelated() orders them. Each row carries the
 * item's columns, so the chosen ones need no second query for their cards.
 */
export async function findRelatedCandidates(
  db: Db,
  subject: { id: number; themeIds: number[]; neighbourhoodIds: number[] },
  pinnedIds: number[],
  now: Date,
  limit = 24,
): Promise<CandidateRow[]> {
  const themeIds = subject.themeIds.length ? subject.themeIds : [-1];
  const placeIds = subject.neighbourhoodIds.length ? subject.neighbourhoodIds : [-1];
  const pinned = pinnedIds.length ? pinnedIds : [-1];
  const best = 2 * new Set(subject.themeIds).size + new Set(subject.neighbourhoodIds).size;
  const result = await sql<CandidateRow>`
    with walk as (
      select c.id, c.published_at,
        2 * (select count(*) from content_themes ct where ct.content_id = c.id and ct.theme_id = any(${themeIds}::int[]))
        + (select count(*) from content_neighbourhoods cn where cn.content_id = c.id and cn.neighbourhood_id = any(${placeIds}::int[]))
        as score
      from content_items c
      where c.status = 'published' and c.published_at <= ${now} and c.id <> ${subject.id}
      order by c.published_at desc, c.id desc
      limit ${RELATED_WINDOW}
    ), walk_top as (
      select id, score from walk order by score desc, published_at desc, id desc limit ${limit}
    ), bar as (
      select (select count(*) from walk) = ${RELATED_WINDOW} and (select count(*) from walk_top) = ${limit} as partial,
        (select min(score) from walk_top) as score
    ), older as (
      select c.id
      from (
        select m.content_id as id, sum(m.w) as score from (
          select content_id, 2 as w from content_themes where theme_id = any(${themeIds}::int[])
          union all
          select content_id, 1 as w from content_neighbourhoods where neighbourhood_id = any(${placeIds}::int[])
        ) m
        group by m.content_id
      ) s
      join content_items c on c.id = s.id
      where (select partial from bar) and (select score from bar) < ${best}
        and s.score > (select score from bar)
        and c.id <> ${subject.id} and c.status = 'published' and c.published_at <= ${now}
      order by s.score desc, c.published_at desc, c.id desc
      limit ${limit}
    ), picked as (
      select id from walk_top
      union
      select id from older
      union
      select id from content_items where id = any(${pinned}::int[])
    )
    select ${sql.join(CARD_COLUMNS.map((c) => sql.ref(`c.${c}`)))},
      ${themeIdsOf("c")} as theme_ids,
      coalesce((select array_agg(neighbourhood_id order by neighbourhood_id) from content_neighbourhoods where content_id = c.id), '{}') as neighbourhood_ids
    from picked p join content_items c on c.id = p.id`.execute(db);
  return result.rows;
}

/** Published pages for the site map, in path order. */
export async function listPublishedPages(db: Db, now: Date) {
  return db
    .selectFrom("content_items")
    .select(["id", "parent_id", "title", "path"])
    .where("kind", "=", "page")
    .where("status", "=", "published")
    .where("published_at", "<=", now)
    .orderBy("path")
    .execute();
}

/** Facts the page cache needs to know which cached pages show an item. */
export async function findCacheFacts(db: Db, contentId: number) {
  const [themes, places, item] = await Promise.all([
    db.selectFrom("content_themes").select("theme_id").where("content_id", "=", contentId).execute(),
    db.selectFrom("content_neighbourhoods").select("neighbourhood_id").where("content_id", "=", contentId).execute(),
    db.selectFrom("content_items").select("menu_title").where("id", "=", contentId).executeTakeFirst(),
  ]);
  return { inMenu: Boolean(item?.menu_title), themeIds: themes.map((t) => t.theme_id), neighbourhoodIds: places.map((p) => p.neighbourhood_id) };
}

/** True when the item is published and visible now (favourites may only point at such items). */
export async function isPublishedNow(db: Db, contentId: number, now: Date): Promise<boolean> {
  const row = await db
    .selectFrom("content_items")
    .select("id")
    .where("id", "=", contentId)
    .where("status", "=", "published")
    .where("published_at", "<=", now)
    .executeTakeFirst();
  return row !== undefined;
}

/** Any item by id, whatever its status (previews). */
export async function findItemById(db: Db, id: number): Promise<ItemRow | undefined> {
  return db.selectFrom("content_items").select(ITEM_COLUMNS).where("id", "=", id).executeTakeFirst();
}

export async function findPublishedChildren(db: Db, parentId: number, now: Date): Promise<CardRow[]> {
  return db
    .selectFrom("content_items")
    .select(CARD_COLUMNS)
    .where("parent_id", "=", parentId)
    .where("status", "=", "published")
    .where("published_at", "<=", now)
    .orderBy("menu_position")
    .orderBy("title")
    .execute();
}

/** Every item visible now, by path: sitemap.xml. */
export async function listAllPublished(db: Db, now: Date) {
  return db
    .selectFrom("content_items")
    .select(["path", "kind", "published_at", "updated_at"])
    .where("status", "=", "published")
    .where("published_at", "<=", now)
    .orderBy("path")
    .execute();
}

/** The last change among the items visible now in each theme: the lastmod of the theme's page. */
export async function latestChangeByTheme(db: Db, now: Date): Promise<{ theme_id: number; updated_at: Date; published_at: Date | null }[]> {
  return db
    .selectFrom("content_themes as ct")
    .innerJoin("content_items as c", "c.id", "ct.content_id")
    .select((eb) => ["ct.theme_id", eb.fn.max("c.updated_at").as("updated_at"), eb.fn.max("c.published_at").as("published_at")])
    .where("c.status", "=", "published")
    .where("c.published_at", "<=", now)
    .groupBy("ct.theme_id")
    .execute();
}

export interface FeedCandidateRow {
  id: number;
  published_at: Date;
  theme_ids: number[];
  neighbourhood_ids: number[];
}

/**
 * Published items of the last `sinceDays` that share at least one theme or place with
 * the interests, newest first, at most `limit`: the input of rankForYou().
 */
export async function findFeedCandidates(
  db: Db,
  interests: { themeIds: number[]; neighbourhoodIds: number[] },
  now: Date,
  sinceDays = 365,
  limit = 500,
): Promise<FeedCandidateRow[]> {
  if (interests.themeIds.length === 0 && interests.neighbourhoodIds.length === 0) return [];
  const themes = interests.themeIds.length ? interests.themeIds : [-1];
  const places = interests.neighbourhoodIds.length ? interests.neighbourhoodIds : [-1];
  const since = new Date(now.getTime() - sinceDays * 86_400_000);
  const result = await sql<FeedCandidateRow>`
    select c.id, c.published_at,
      coalesce((select array_agg(theme_id order by theme_id) from content_themes where content_id = c.id), '{}') as theme_ids,
      coalesce((select array_agg(neighbourhood_id order by neighbourhood_id) from content_neighbourhoods where content_id = c.id), '{}') as neighbourhood_ids
    from content_items c
    where c.status = 'published' and c.published_at <= ${now} and c.published_at >= ${since}
      and (exists (select 1 from content_themes ct where ct.content_id = c.id and ct.theme_id = any(${themes}::int[]))
        or exists (select 1 from content_neighbourhoods cn where cn.content_id = c.id and cn.neighbourhood_id = any(${places}::int[])))
    order by c.published_at desc
    limit ${limit}`.execute(db);
  return result.rows;
}

/** The theme with the most content published since `since`: suggested at sign-up. */
export async function mostActiveTheme(db: Db, since: Date) {
  return db
    .selectFrom("content_themes as ct")
    .innerJoin("content_items as c", "c.id", "ct.content_id")
    .innerJoin("themes as t", "t.id", "ct.theme_id")
    .select(["t.id", "t.name", sql<number>`count(*)::int`.as("n")])
    .where("c.status", "=", "published")
    .where("c.published_at", ">=", since)
    .groupBy(["t.id", "t.name"])
    .orderBy("n", "desc")
    .orderBy("t.id")
    .executeTakeFirst();
}

/**
 * Published articles whose title contains `search` (all when empty), newest first: the article
 * picker of other modules' forms (policy actions link articles). The user's text is a LIKE
 * pattern only after its wildcards are escaped.
 */
export async function searchPublishedArticles(db: Db, search: string, now: Date, limit = 20) {
  let q = db
    .selectFrom("content_items")
    .select(["id", "title", "published_at"])
    .where("kind", "=", "article")
    .where("status", "=", "published")
    .where("published_at", "<=", now);
  if (search) q = q.where("title", "ilike", `%${search.slice(0, 100).replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return q.orderBy("published_at", "desc").orderBy("id", "desc").limit(limit).execute();
}

// ---- the back-office dashboard (admin module)

const DASHBOARD_COLUMNS = ["id", "title", "kind", "status", "updated_at", "scheduled_at"] as const;

export async function contentCountsByStatus(db: Db): Promise<{ status: ContentStatus; n: number }[]> {
  return db
    .selectFrom("content_items")
    .select(["status"])
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .groupBy("status")
    .execute();
}

/** Waiting for review, oldest first. */
export async function contentInReview(db: Db, limit: number) {
  return db.selectFrom("content_items").select(DASHBOARD_COLUMNS).where("status", "=", "review").orderBy("updated_at", "asc").limit(limit).execute();
}

/** An author's drafts and items in review, latest change first. */
export async function contentInProgressBy(db: Db, authorId: number, limit: number) {
  return db
    .selectFrom("content_items")
    .select(DASHBOARD_COLUMNS)
    .where("author_id", "=", authorId)
    .where("status", "in", ["draft", "review"])
    .orderBy("updated_at", "desc")
    .limit(limit)
    .execute();
}

/** Scheduled publications, soonest first. */
export async function contentScheduled(db: Db, limit: number) {
  return db.selectFrom("content_items").select(DASHBOARD_COLUMNS).where("status", "=", "scheduled").orderBy("scheduled_at", "asc").limit(limit).execute();
}
