// Search results kept in memory for a minute, so that a popular query ("emploi", "piscine")
// runs its full-text statements once a minute instead of on every request (issue #12). A page
// with a query is never in the page cache (it is personal to no one, but depends on the
// request's clock and on every write); this keeps the result set, not the page: the page is
// still rendered for each request.
//
// The same invalidation as the page cache, no second scheme: the results are valid for the
// page cache generation they were computed under, and every invalidation (a change made in
// this process, or heard from another process over the cache bus) increments it. Content,
// actions and ideas all invalidate the page cache when they change, so a publication, an
// unpublication or a moderation decision is seen by the next search. A change made outside
// any server process (`npm run import`, plain SQL) invalidates nothing: like a cached page, the
// results then end with their TTL, here a minute (the page cache keeps pages five).
//
// Time alone also changes results: a document published with a date still to come appears once
// that date passes, with no invalidation. Results are therefore also dropped at the next such
// instant (`nextPublicationAfter`, read once per generation), as the home's cache does.
import type { Kysely } from "kysely";
import type { Database } from "../../core/db/schema.js";
import type { CacheGeneration } from "../places/index.js";
import { nextPublicationAfter } from "./queries.js";

/** How long a result set is reused at most. */
export const RESULTS_TTL_MS = 60_000;
/** Result sets kept at most (least recently used dropped first); about 10 kB each. */
export const RESULTS_MAX_ENTRIES = 500;

interface Entry {
  storedAt: number;
  value: Promise<unknown>;
}

/** The result sets of one page cache generation. */
interface Slot {
  db: Kysely<Database>;
  generation: number;
  createdAt: number;
  /** The next instant a document becomes public (ms), Infinity if none: the slot ends there. */
  validUntil: Promise<number>;
  entries: Map<string, Entry>;
}

// One slot per page cache, so one per app (tests build many apps in one process).
const slots = new WeakMap<CacheGeneration, Slot>();

function currentSlot(db: Kysely<Database>, cache: CacheGeneration, now: number): Slot {
  const slot = slots.get(cache);
  // A clock set back (tests) must not see results computed in its future.
  if (slot && slot.db === db && slot.generation === cache.generation && now >= slot.createdAt) return slot;
  const fresh: Slot = {
    db,
    generation: cache.generation,
    createdAt: now,
    validUntil: nextPublicationAfter(db, new Date(now)).then((at) => at?.getTime() ?? Number.POSITIVE_INFINITY),
    entries: new Map(),
  };
  // A failed read (database down) must not stick: the next call tries again.
  fresh.validUntil.catch(() => {
    if (slots.get(cache) === fresh) slots.delete(cache);
  });
  slots.set(cache, fresh);
  return fresh;
}

/**
 * The value of `load` for `key`, computed at most once a minute and per page cache generation,
 * and never reused at or past the next publication instant. Without a page cache (a script, a
 * test calling the service), `load` runs every time. A failed load (a 404 page past the end, a
 * database error) is not kept.
 */
export async function cachedResults<T>(db: Kysely<Database>, cache: CacheGeneration | undefined, now: Date, key: string, load: () => Promise<T>): Promise<T> {
  if (!cache) return load();
  const at = now.getTime();
  let slot = currentSlot(db, cache, at);
  if (at >= (await slot.validUntil)) {
    // A document became public since the slot was made: nothing in it can be trusted.
    slots.delete(cache);
    slot = currentSlot(db, cache, at);
    await slot.validUntil;
  }
  const entry = slot.entries.get(key);
  if (entry && at >= entry.storedAt && at - entry.storedAt < RESULTS_TTL_MS) {
    // Most recently used last: the first key of the map is the one to drop.
    slot.entries.delete(key);
    slot.entries.set(key, entry);
    return entry.value as Promise<T>;
  }
  // The slot was chosen before the load: an invalidation during it leaves the slot behind,
  // and the next call computes again under the new generation.
  const fresh: Entry = { storedAt: at, value: load() };
  slot.entries.delete(key);
  slot.entries.set(key, fresh);
  while (slot.entries.size > RESULTS_MAX_ENTRIES) {
    const oldest = slot.entries.keys().next().value;
    if (oldest === undefined) break;
    slot.entries.delete(oldest);
  }
  fresh.value.catch(() => {
    if (slot.entries.get(key) === fresh) slot.entries.delete(key);
  });
  return fresh.value as Promise<T>;
}
