// Use cases of the public site: each returns view-models and the cache tags of what it shows.
import type { DB } from "../../core/db/create-db.js";
import type { MediaRow } from "../../core/db/schema.js";
import { MovedError, NotFoundError } from "../../core/errors.js";
import type { ContentStatus } from "../../core/db/schema.js";
import { plainText, truncateAtWord } from "../../lib/text.js";
import type { CardView, ImageView, TagView } from "../../ui/view-models.js";
import { imageFacts, mediaByIds } from "../media/index.js";
import { type CacheGeneration, cachedNeighbourhoodBySlug, cachedThemeBySlug, neighbourhoodsByIds, placesSnapshot, themesByIds } from "../places/index.js";
import { presentCard, presentImage, presentTag } from "./present.js";
import * as q from "./queries/items.js";
import { findRedirect } from "./queries/paths.js";
import { rankRelated } from "./related.js";
import { sanitizeBody } from "./sanitize.js";

export interface ContentDeps {
  db: DB;
  now: () => Date;
  /**
   * The page cache, whose generation says when themes, neighbourhoods and image facts read
   * earlier are still valid (places/cache.ts, media/facts.ts). Without it they are read each time.
   */
  pageCache?: CacheGeneration;
}

export const PAGE_SIZE = 12;

/** Items in an item's "Lire aussi" block. */
const RELATED_COUNT = 3;

export interface Tagged<T> {
  data: T;
  tags: string[];
}

/**
 * Loads cards for items, keeping the order of `items`. With the page cache, themes and images
 * come from memory (places/cache.ts, media/facts.ts) and only the theme ids of items that do
 * not carry them (`theme_ids`, given by listPublishedRows and findRelatedCandidates) are read.
 */
export async function loadCards(db: DB, items: Array<q.CardRow & { theme_ids?: number[] }>, pageCache?: CacheGeneration): Promise<CardView[]> {
  if (pageCache) return loadCachedCards(db, items, pageCache);
  const ids = items.map((i) => i.id);
  const [themes, media] = await Promise.all([
    q.findThemesOf(db, ids),
    mediaByIds(
      db,
      items.flatMap((i) => (i.hero_media_id ? [i.hero_media_id] : [])),
    ),
  ]);
  const mediaById = new Map(media.map((m) => [m.id, m]));
  return items.map((item) =>
    presentCard(
      item,
      themes.filter((t) => t.content_id === item.id),
      item.hero_media_id ? mediaById.get(item.hero_media_id) : undefined,
    ),
  );
}

async function loadCachedCards(db: DB, items: Array<q.CardRow & { theme_ids?: number[] }>, pageCache: CacheGeneration): Promise<CardView[]> {
  const unknown = items.filter((i) => !i.theme_ids).map((i) => i.id);
  const heroIds = items.flatMap((i) => (i.hero_media_id ? [i.hero_media_id] : []));
  const [read, media] = await Promise.all([q.findThemeIdsOf(db, unknown), heroIds.length ? imageFacts(db, pageCache, heroIds) : new Map<number, MediaRow>()]);
  const themeIds = (item: q.CardRow & { theme_ids?: number[] }) => item.theme_ids ?? read.get(item.id) ?? [];
  // A card shows its first theme only.
  const mains = await themesByIds(db, pageCache, [...new Set(items.flatMap((i) => themeIds(i).slice(0, 1)))]);
  const byId = new Map(mains.map((t) => [t.id, t]));
  return items.map((item) => {
    const main = byId.get(themeIds(item)[0] ?? -1);
    return presentCard(item, main ? [{ content_id: item.id, ...main }] : [], item.hero_media_id ? media.get(item.hero_media_id) : undefined);
  });
}

/** An article as the feeds module shows it: its card, its dates and every theme it has. */
export interface ArticleFeedEntry {
  card: CardView;
  publishedAt: Date;
  updatedAt: Date;
  themes: TagView[];
}

/**
 * The latest published articles, of one theme or one place or all, newest first: the input of
 * the RSS and Atom feeds (feeds module). Only what the public sees now (published, date past).
 */
export async function latestArticles(db: DB, filter: { themeId?: number; neighbourhoodId?: number }, now: Date, limit: number): Promise<ArticleFeedEntry[]> {
  const rows = await q.listPublishedRows(db, { kind: "article", ...filter, limit, offset: 0, now });
  const [cards, themes] = await Promise.all([
    loadCards(db, rows),
    q.findThemesOf(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  return rows.flatMap((row, i) => {
    const card = cards[i];
    // listPublished only returns rows with a past publication date; the guard keeps the type honest.
    if (!card || !row.published_at) return [];
    const own = themes.filter((t) => t.content_id === row.id).map(presentTag);
    return [{ card, publishedAt: row.published_at, updatedAt: row.updated_at, themes: own }];
  });
}

function cardTags(cards: CardView[]): string[] {
  return cards.map((c) => `content:${c.id}`);
}

export interface Listing {
  cards: CardView[];
  page: number;
  pageCount: number;
  total: number;
}

async function listing(deps: ContentDeps, page: number, filter: Omit<q.ListFilter, "limit" | "offset" | "now">): Promise<Listing> {
  const { rows, total } = await q.listPublished(deps.db, {
    ...filter,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
    now: deps.now(),
  });
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  // Asking for page 9 of 3 is a broken link: answer 404 rather than an empty list.
  if (page > pageCount) throw new NotFoundError("Page out of range");
  return { cards: await loadCards(deps.db, rows, deps.pageCache), page, pageCount, total };
}

export async function getHome(deps: ContentDeps) {
  const now = deps.now();
  const [latest, featured, { themes, neighbourhoods }] = await Promise.all([
    q.listPublishedRows(deps.db, { kind: "article", limit: 7, offset: 0, now }),
    q.listPublishedRows(deps.db, { kind: "page", featured: true, limit: 4, offset: 0, now }),
    placesSnapshot(deps.db, deps.pageCache),
  ]);
  // One round of card queries (themes, images) for both lists.
  const cards = await loadCards(deps.db, [...latest, ...featured], deps.pageCache);
  const latestCards = cards.slice(0, latest.length);
  const featuredCards = cards.slice(latest.length);
  return {
    data: {
      latest: latestCards,
      featured: featuredCards,
      themes: themes.map((t) => ({ ...presentTag(t), description: t.description })),
      neighbourhoods: neighbourhoods.map(presentNeighbourhoodLink),
    },
    tags: ["home", "list:articles", "list:pages", ...cardTags(latestCards), ...cardTags(featuredCards)],
  };
}

export interface NeighbourhoodLink {
  slug: string;
  name: string;
  href: string;
  kind: "quartier" | "commune" | "qpv";
  code: string | null;
}

function presentNeighbourhoodLink(n: { slug: string; name: string; kind: "quartier" | "commune" | "qpv"; code: string | null }): NeighbourhoodLink {
  return { slug: n.slug, name: n.name, href: `/quartiers/${n.slug}`, kind: n.kind, code: n.code };
}

export async function getArticleList(deps: ContentDeps, page: number): Promise<Tagged<Listing>> {
  const data = await listing(deps, page, { kind: "article" });
  return { data, tags: ["list:articles", ...cardTags(data.cards)] };
}

export async function getThemeIndex(deps: ContentDeps) {
  const { themes } = await placesSnapshot(deps.db, deps.pageCache);
  return { data: themes.map((t) => ({ ...presentTag(t), description: t.description })), tags: ["themes"] };
}

export async function getThemePage(deps: ContentDeps, slug: string, page: number) {
  const theme = await cachedThemeBySlug(deps.db, deps.pageCache, slug);
  if (!theme) throw new NotFoundError("Theme not found");
  const data = await listing(deps, page, { themeId: theme.id });
  return {
    data: { theme: { ...presentTag(theme), description: theme.description }, ...data },
    tags: ["themes", `theme:${theme.id}`, ...cardTags(data.cards)],
  };
}

export async function getNeighbourhoodIndex(deps: ContentDeps) {
  const { neighbourhoods } = await placesSnapshot(deps.db, deps.pageCache);
  return { data: neighbourhoods.map(presentNeighbourhoodLink), tags: ["neighbourhoods"] };
}

export async function getNeighbourhoodPage(deps: ContentDeps, slug: string, page: number) {
  const n = await cachedNeighbourhoodBySlug(deps.db, deps.pageCache, slug);
  if (!n) throw new NotFoundError("Neighbourhood not found");
  const data = await listing(deps, page, { neighbourhoodId: n.id });
  return {
    data: { neighbourhood: { ...presentNeighbourhoodLink(n), id: n.id, description: n.description }, ...data },
    tags: ["neighbourhoods", `neighbourhood:${n.id}`, ...cardTags(data.cards)],
  };
}

export interface ItemView {
  id: number;
  kind: "article" | "page";
  path: string;
  title: string;
  standfirst: string;
  description: string; // meta description
  bodyHtml: string; // sanitised
  publishedAt: Date | null;
  updatedAt: Date;
  tags: TagView[];
  places: NeighbourhoodLink[];
  hero: ImageView | null;
  ancestors: Array<{ title: string; path: string }>;
  children: CardView[];
  related: CardView[];
}

/** The published page at `path`; an old path answers with where the item lives now. */
export async function getItemByPath(deps: ContentDeps, path: string): Promise<Tagged<ItemView>> {
  const now = deps.now();
  const item = await q.findPublishedPageByPath(deps.db, path, now);
  if (!item) {
    const moved = await findRedirect(deps.db, path, now);
    if (moved) throw new MovedError(moved);
    throw new NotFoundError("Content not found");
  }
  return itemPage(deps, item, now);
}

/**
 * An item's public page whatever its status, for previews (staff preview, private preview
 * links): the same loader as the published page, so what is previewed is what will be
 * published, "Lire aussi" and sub-pages included (they list published items only, as they
 * will). Only the status is added, for the preview banner; the caller neither caches nor
 * lets it be indexed.
 */
export async function getItemPreview(deps: ContentDeps, id: number): Promise<ItemView & { status: ContentStatus }> {
  const item = await q.findItemPageById(deps.db, id);
  if (!item) throw new NotFoundError("Content not found");
  const { data } = await itemPage(deps, item, deps.now());
  return { ...data, status: item.status as ContentStatus };
}

/**
 * The item's own statements are its row (with its theme, place and pinned ids), its ancestors
 * (pages), the "Lire aussi" candidates and its children (pages); themes, places and images
 * come from memory when the page cache is given (places/cache.ts, media/facts.ts).
 */
async function itemPage(deps: ContentDeps, item: q.ItemPageRow, now: Date): Promise<Tagged<ItemView>> {
  const { db, pageCache } = deps;
  const [themes, places, media, ancestors] = await Promise.all([
    themesByIds(db, pageCache, item.theme_ids),
    neighbourhoodsByIds(db, pageCache, item.neighbourhood_ids),
    item.hero_media_id ? imageFacts(db, pageCache, [item.hero_media_id]) : new Map<number, MediaRow>(),
    q.findAncestors(db, item.parent_id),
  ]);
  const pinned = item.pinned_ids;
  const subject = { id: item.id, themeIds: themes.map((t) => t.id), neighbourhoodIds: places.map((p) => p.id) };
  // The best RELATED_COUNT after the visible pinned items: at most that many more than pinned.
  const candidates = await q.findRelatedCandidates(db, subject, pinned, now, RELATED_COUNT + pinned.length);
  const relatedIds = rankRelated(
    subject,
    pinned,
    candidates.map((c) => ({
      id: c.id,
      status: c.status,
      publishedAt: c.published_at,
      themeIds: c.theme_ids,
      neighbourhoodIds: c.neighbourhood_ids,
    })),
    { now, limit: RELATED_COUNT },
  );
  const byId = new Map<number, q.CardRow>(candidates.map((c) => [c.id, c]));
  const related = await loadCards(
    db,
    relatedIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])),
    pageCache,
  );
  const children = item.kind === "page" ? await loadCards(db, await q.findPublishedChildren(db, item.id, now), pageCache) : [];
  const ancestorIds = ancestors.map((a) => a.id);
  const data: ItemView = {
    id: item.id,
    kind: item.kind,
    path: item.path,
    title: item.title,
    standfirst: item.standfirst,
    description: truncateAtWord(item.standfirst || plainText(item.body), 160),
    bodyHtml: sanitizeBody(item.body),
    // A published item always has its date; a draft in preview shows the date it would get today.
    publishedAt: item.published_at ?? now,
    updatedAt: item.updated_at,
    tags: themes.map(presentTag),
    places: places.map((p) => presentNeighbourhoodLink({ ...p, kind: p.kind as NeighbourhoodLink["kind"], code: null })),
    hero: item.hero_media_id && media.has(item.hero_media_id) ? presentImage(media.get(item.hero_media_id)!) : null,
    ancestors: ancestors.map(({ title, path }) => ({ title, path })),
    children,
    related,
  };
  return {
    data,
    tags: [
      `content:${item.id}`,
      ...ancestorIds.map((id) => `content:${id}`),
      ...subject.themeIds.map((id) => `theme:${id}`),
      ...subject.neighbourhoodIds.map((id) => `neighbourhood:${id}`),
      ...cardTags(related),
      ...cardTags(children),
      "list:pages",
    ],
  };
}

export async function getSiteMap(deps: ContentDeps) {
  const now = deps.now();
  const [pages, { themes, neighbourhoods }] = await Promise.all([q.listPublishedPages(deps.db, now), placesSnapshot(deps.db, deps.pageCache)]);
  return {
    data: {
      pages: buildTree(pages),
      themes: themes.map(presentTag),
      neighbourhoods: neighbourhoods.map(presentNeighbourhoodLink),
    },
    tags: ["sitemap", "list:pages", "themes", "neighbourhoods"],
  };
}

export interface PageNode {
  title: string;
  path: string;
  children: PageNode[];
}

/** Nests pages under their parents; a page whose parent is not published is shown at the top. */
export function buildTree(pages: Array<{ id: number; parent_id: number | null; title: string; path: string }>): PageNode[] {
  const nodes = new Map(pages.map((p) => [p.id, { title: p.title, path: p.path, children: [] as PageNode[] }]));
  const roots: PageNode[] = [];
  for (const p of pages) {
    const node = nodes.get(p.id)!;
    const parent = p.parent_id !== null ? nodes.get(p.parent_id) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** A public address and when what it shows last changed (null: no honest date to give). */
export interface PublicUrl {
  path: string;
  lastmod: Date | null;
}

const later = (a: Date | null, b: Date | null): Date | null => (a === null ? b : b === null || a >= b ? a : b);

/**
 * Every public page content serves, for sitemap.xml (the sitemap module): the fixed pages,
 * each theme and each place (quartiers, QPV), and every item visible now. An item's date is
 * its last edit or its publication, whichever is later; a theme's page changes when its
 * newest item does. Pages mixing other modules' data (home, quartier pages) give no date.
 */
export async function publicUrls(deps: ContentDeps): Promise<PublicUrl[]> {
  const now = deps.now();
  const [items, { themes, neighbourhoods }, byTheme] = await Promise.all([
    q.listAllPublished(deps.db, now),
    placesSnapshot(deps.db, deps.pageCache),
    q.latestChangeByTheme(deps.db, now),
  ]);
  const themeDates = new Map(byTheme.map((r) => [r.theme_id, later(new Date(r.updated_at), r.published_at ? new Date(r.published_at) : null)]));
  const entries = items.map((r) => ({ kind: r.kind, path: r.path, lastmod: later(r.updated_at, r.published_at) }));
  const newestArticle = entries.filter((e) => e.kind === "article").reduce<Date | null>((d, e) => later(d, e.lastmod), null);
  return [
    { path: "/", lastmod: null },
    { path: "/actualites", lastmod: newestArticle },
    { path: "/themes", lastmod: null },
    ...themes.map((t) => ({ path: presentTag(t).href, lastmod: themeDates.get(t.id) ?? null })),
    { path: "/quartiers", lastmod: null },
    ...neighbourhoods.map((n) => ({ path: presentNeighbourhoodLink(n).href, lastmod: null })),
    { path: "/plan-du-site", lastmod: null },
    ...entries.map(({ path, lastmod }) => ({ path, lastmod })),
  ];
}
