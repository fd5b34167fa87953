// Data a page is rendered from, kept in memory with the page's cache tags, so that a render
// the page cache cannot answer (a signed-in visitor, a page dropped by the LRU or the TTL, a
// server started with the page cache off) does not read it again (issue #12).
//
// An entry is exactly as fresh as a cached page with the same tags would be: it is read
// under a page cache generation and kept while no invalidation since then named one of its
// tags (PageCache.unchangedSince) and no clear happened, whether the invalidation was made in
// this process or heard from another over the cache bus. It also ends after the page cache's
// TTL, and at `validUntil` when the loader knows the data changes by time alone (an item
// published with a date still to come). Concurrent requests for the same key share one load;
// a failed load is not kept. At most `maxEntries` per page cache (least recently used go).
import type { PageCache } from "./page-cache.js";

/** What a memo needs of the page cache. */
export type MemoSource = Pick<PageCache, "generation" | "unchangedSince">;

export interface Loaded<V> {
  value: V;
  /** Cache tags of what the value shows: the tags of the page rendered from it. */
  tags: readonly string[];
  /** Time (ms) from which the value is stale whatever the tags say; none: the TTL only. */
  validUntil?: number | null;
}

interface Entry<V> {
  generation: number;
  storedAt: number;
  /** Known once the load settles; until then the TTL. */
  validUntil: number;
  tags: readonly string[] | null;
  value: Promise<V>;
}

export interface TaggedMemoOptions {
  maxEntries: number;
  /** As long as a page stays in the page cache (page-cache.ts). */
  ttlMs?: number;
}

export class TaggedMemo<K, V> {
  // One map per page cache, so one per app (tests build many apps in one process).
  readonly #bySource = new WeakMap<MemoSource, Map<K, Entry<V>>>();
  readonly #maxEntries: number;
  readonly #ttlMs: number;

  constructor(opts: TaggedMemoOptions) {
    this.#maxEntries = opts.maxEntries;
    this.#ttlMs = opts.ttlMs ?? 5 * 60_000;
  }

  /**
   * The value under `key`: from memory while it is fresh, otherwise from `load` (whose
   * rejection is passed on and not kept). `now` is the caller's clock in ms.
   */
  get(source: MemoSource, key: K, now: number, load: () => Promise<Loaded<V>>): Promise<V> {
    let entries = this.#bySource.get(source);
    if (!entries) {
      entries = new Map();
      this.#bySource.set(source, entries);
    }
    const found = entries.get(key);
    if (found && this.#fresh(source, found, now)) {
      // Map keeps insertion order: re-inserting marks the entry as recently used.
      entries.delete(key);
      entries.set(key, found);
      return found.value;
    }
    // The generation is read before the load: an invalidation during it makes the entry stale.
    const entry: Entry<V> = { generation: source.generation, storedAt: now, validUntil: now + this.#ttlMs, tags: null, value: undefined as never };
    const map = entries;
    entry.value = load().then(
      (loaded) => {
        entry.tags = loaded.tags;
        if (loaded.validUntil != null) entry.validUntil = Math.min(entry.validUntil, loaded.validUntil);
        return loaded.value;
      },
      (error: unknown) => {
        if (map.get(key) === entry) map.delete(key);
        throw error;
      },
    );
    entries.delete(key);
    entries.set(key, entry);
    while (entries.size > this.#maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
    return entry.value;
  }

  /** Entries kept for this page cache (tests, metrics). */
  size(source: MemoSource): number {
    return this.#bySource.get(source)?.size ?? 0;
  }

  #fresh(source: MemoSource, entry: Entry<V>, now: number): boolean {
    if (now < entry.storedAt || now >= entry.validUntil) return false;
    // Still loading: an invalidation since it began makes what it reads suspect.
    if (entry.tags === null) return entry.generation === source.generation;
    return source.unchangedSince(entry.generation, entry.tags);
  }
}
