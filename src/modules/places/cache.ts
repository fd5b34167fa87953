// The themes and the neighbourhoods (quartiers, QPV) kept in memory: nearly every public page
// shows some of them (a card's theme, an article's places, the lists of /themes, /quartiers,
// the site map), and they change rarely. Reading them from here instead of the database
// takes those statements off every render (issue #12).
//
// They are dropped exactly when the page cache could have dropped a page showing them: an
// entry is valid for the page cache generation it was read under, and every invalidation (a
// change made in this process, or heard from another process over the cache bus,
// core/http/cache-bus.ts) increments that generation. A change made outside any server
// process (`npm run import`, the demo seed) invalidates nothing: like a cached page, the
// entry then ends with the page cache's TTL. A theme or neighbourhood asked for by id or by
// slug that the entry does not know (created since it was read) is read from the database.
import type { Kysely } from "kysely";
import type { Database, ThemeRow } from "../../core/db/schema.js";
import type { PageCache } from "../../core/http/page-cache.js";
import { findNeighbourhoodBySlug, findThemeBySlug, listNeighbourhoods, listThemes } from "./queries.js";

/** What the cache needs of the page cache: its generation, incremented by every invalidation. */
export type CacheGeneration = Pick<PageCache, "generation">;

export type NeighbourhoodListRow = Awaited<ReturnType<typeof listNeighbourhoods>>[number];

/** As long as a page stays in the page cache (page-cache.ts). */
export const PLACES_TTL_MS = 5 * 60_000;

export interface PlacesSnapshot {
  /** In menu order (position, then name), as listThemes gives them. */
  readonly themes: readonly ThemeRow[];
  /** In menu order (position, then name), as listNeighbourhoods gives them. */
  readonly neighbourhoods: readonly NeighbourhoodListRow[];
  readonly themeById: ReadonlyMap<number, ThemeRow>;
  readonly themeBySlug: ReadonlyMap<string, ThemeRow>;
  readonly neighbourhoodById: ReadonlyMap<number, NeighbourhoodListRow>;
  readonly neighbourhoodBySlug: ReadonlyMap<string, NeighbourhoodListRow>;
}

interface Entry {
  db: Kysely<Database>;
  generation: number;
  storedAt: number;
  value: Promise<PlacesSnapshot>;
}

// One entry per page cache, so one per app (tests build many apps in one process).
const entries = new WeakMap<CacheGeneration, Entry>();

async function readSnapshot(db: Kysely<Database>): Promise<PlacesSnapshot> {
  const [themes, neighbourhoods] = await Promise.all([listThemes(db), listNeighbourhoods(db)]);
  return {
    themes,
    neighbourhoods,
    themeById: new Map(themes.map((t) => [t.id, t])),
    themeBySlug: new Map(themes.map((t) => [t.slug, t])),
    neighbourhoodById: new Map(neighbourhoods.map((n) => [n.id, n])),
    neighbourhoodBySlug: new Map(neighbourhoods.map((n) => [n.slug, n])),
  };
}

/**
 * Every theme and neighbourhood: from memory when nothing was invalidated since they were
 * read. Without a page cache (a caller outside a request, a script), read each time. Not for
 * transactions: what a transaction reads must come from it.
 */
export function placesSnapshot(db: Kysely<Database>, cache: CacheGeneration | undefined, opts: { reload?: boolean } = {}): Promise<PlacesSnapshot> {
  if (!cache) return readSnapshot(db);
  const now = Date.now();
  const entry = entries.get(cache);
  if (!opts.reload && entry && entry.db === db && entry.generation === cache.generation && now - entry.storedAt < PLACES_TTL_MS) return entry.value;
  // The generation is read before the load: an invalidation during it leaves this entry stale,
  // and the next call reads again.
  const fresh: Entry = { db, generation: cache.generation, storedAt: now, value: readSnapshot(db) };
  entries.set(cache, fresh);
  // A failed read (database down) must not stick: the next call tries again.
  fresh.value.catch(() => {
    if (entries.get(cache) === fresh) entries.delete(cache);
  });
  return fresh.value;
}

/** Themes by id, in the order of `ids`; ids the entry does not know make it read again once. */
export async function themesByIds(db: Kysely<Database>, cache: CacheGeneration | undefined, ids: readonly number[]): Promise<ThemeRow[]> {
  let snapshot = await placesSnapshot(db, cache);
  if (ids.some((id) => !snapshot.themeById.has(id))) snapshot = await placesSnapshot(db, cache, { reload: true });
  return ids.flatMap((id) => snapshot.themeById.get(id) ?? []);
}

/** Neighbourhoods by id, in the order of `ids`; ids the entry does not know make it read again once. */
export async function neighbourhoodsByIds(db: Kysely<Database>, cache: CacheGeneration | undefined, ids: readonly number[]): Promise<NeighbourhoodListRow[]> {
  let snapshot = await placesSnapshot(db, cache);
  if (ids.some((id) => !snapshot.neighbourhoodById.has(id))) snapshot = await placesSnapshot(db, cache, { reload: true });
  return ids.flatMap((id) => snapshot.neighbourhoodById.get(id) ?? []);
}

/**
 * A theme by slug. A slug the entry does not know is looked up in the database without
 * reloading the entry (an unknown slug in a URL must not cost a reload of every list).
 */
export async function cachedThemeBySlug(db: Kysely<Database>, cache: CacheGeneration | undefined, slug: string): Promise<ThemeRow | undefined> {
  if (!cache) return findThemeBySlug(db, slug);
  return (await placesSnapshot(db, cache)).themeBySlug.get(slug) ?? findThemeBySlug(db, slug);
}

/** A neighbourhood by slug; an unknown slug is looked up in the database (see cachedThemeBySlug). */
export async function cachedNeighbourhoodBySlug(
  db: Kysely<Database>,
  cache: CacheGeneration | undefined,
  slug: string,
): Promise<NeighbourhoodListRow | undefined> {
  if (!cache) return findNeighbourhoodBySlug(db, slug);
  return (await placesSnapshot(db, cache)).neighbourhoodBySlug.get(slug) ?? findNeighbourhoodBySlug(db, slug);
}
