// The facts of the images shown on public pages (file key, sizes, formats, alt text, caption,
// credit, focal point), kept in memory: every card and every article with a hero image needs
// them, and they change only when an editor edits the image (issue #12).
//
// They are dropped exactly when the page cache could have dropped a page showing them: the
// entries are valid for the page cache generation they were read under, and every
// invalidation (in this process, or heard from another one over the cache bus,
// core/http/cache-bus.ts) increments it. Editing an image (service.ts updateImage) drops the
// "content:<id>" pages of every item showing it, which is such an invalidation; an image no
// item shows is never asked for here. The entries also end after the page cache's TTL, and at
// most MAX_ENTRIES are kept (the oldest read go first).
import type { DB } from "../../core/db/create-db.js";
import type { MediaRow } from "../../core/db/schema.js";
import type { PageCache } from "../../core/http/page-cache.js";
import { mediaByIds } from "./queries.js";

/** As long as a page stays in the page cache (page-cache.ts). */
export const IMAGE_FACTS_TTL_MS = 5 * 60_000;
/** Images kept per process: a card's facts are about 300 bytes. */
export const IMAGE_FACTS_MAX_ENTRIES = 2000;

interface Entry {
  db: DB;
  generation: number;
  storedAt: number;
  rows: Map<number, MediaRow>;
}

// One entry per page cache, so one per app (tests build many apps in one process).
const entries = new WeakMap<Pick<PageCache, "generation">, Entry>();

/**
 * The images with these ids that exist, by id: from memory for those read since the last
 * invalidation, from the database (one statement) for the others. Without a page cache, all
 * are read. Not for transactions: what a transaction reads must come from it.
 */
export async function imageFacts(db: DB, cache: Pick<PageCache, "generation"> | undefined, ids: readonly number[]): Promise<Map<number, MediaRow>> {
  const wanted = [...new Set(ids)];
  if (!cache) return new Map((await mediaByIds(db, wanted)).map((m) => [m.id, m]));
  const now = Date.now();
  let entry = entries.get(cache);
  if (!entry || entry.db !== db || entry.generation !== cache.generation || now - entry.storedAt >= IMAGE_FACTS_TTL_MS) {
    entry = { db, generation: cache.generation, storedAt: now, rows: new Map() };
    entries.set(cache, entry);
  }
  const found = new Map<number, MediaRow>();
  const missing: number[] = [];
  for (const id of wanted) {
    const row = entry.rows.get(id);
    if (row) found.set(id, row);
    else missing.push(id);
  }
  if (missing.length === 0) return found;
  // Read before the load: rows read while an invalidation happens may be stale and are not kept.
  const generation = cache.generation;
  const rows = await mediaByIds(db, missing);
  for (const row of rows) found.set(row.id, row);
  if (entries.get(cache) === entry && cache.generation === generation) {
    for (const row of rows) entry.rows.set(row.id, row);
    while (entry.rows.size > IMAGE_FACTS_MAX_ENTRIES) {
      const oldest = entry.rows.keys().next().value;
      if (oldest === undefined) break;
      entry.rows.delete(oldest);
    }
  }
  return found;
}
