// In-memory cache of rendered anonymous pages, invalidated by tags.
//
// Every cached page lists the tags of what it shows: "content:12" for each item on it
// (the main item and every card), "theme:3" / "neighbourhood:5" for the themes and
// places it lists or ranks by, "list:articles", "home", "sitemap"... A change to an item
// drops every page carrying one of the tags that item touches. The vocabulary belongs to
// the modules: each declares the tag prefixes it uses in its manifest (core/module.ts),
// and a tag nobody declared is refused outside production (a typo would never match).
// Entries also expire after a TTL, so an item whose publication time passes while it
// sits in the cache shows up without any invalidation.
import crypto from "node:crypto";

export interface CachedPage {
  /** The page as sent: the same bytes for every anonymous visitor, written out without a copy. */
  body: Buffer;
  etag: string;
  tags: ReadonlySet<string>;
  storedAt: number;
  status: number;
}

export interface PageCacheOptions {
  maxEntries?: number;
  /**
   * Total bytes of the stored bodies. With entries alone as the bound, a flood of distinct URLs
   * (a query string per request) filled 1000 entries of 33 KB and grew the server by 100 MB.
   */
  maxBytes?: number;
  ttlMs?: number;
  clock?: () => number;
  /** Refuses tags outside the declared vocabulary (tests and development). */
  knowsTag?: (tag: string) => boolean;
}

/** Distinct invalidated tags remembered for unchangedSince (a few MB at most). */
const MAX_REMEMBERED_TAGS = 100_000;

export class PageCache {
  readonly #entries = new Map<string, CachedPage>();
  readonly #byTag = new Map<string, Set<string>>();
  readonly #maxEntries: number;
  readonly #maxBytes: number;
  #bytes = 0;
  readonly #ttlMs: number;
  readonly #clock: () => number;
  #generation = 0;
  /** Per tag, the generation its last invalidation started (memo entries compare with it). */
  readonly #invalidatedAt = new Map<string, number>();
  /** The generation the last clear started: everything read before it is stale. */
  #clearedAt = 0;
  /** Lookups answered from the cache and lookups that found nothing usable (exported as metrics). */
  hits = 0;
  misses = 0;
  /**
   * Told of every invalidation made in this process (not of those applied from another
   * process): the cache bus (cache-bus.ts) publishes them to the other processes.
   */
  onInvalidate: ((change: { tags: string[] } | { clear: true }) => void) | null = null;

  /** Checks every tag stored or invalidated (set by app.ts from the module manifests). */
  knowsTag: ((tag: string) => boolean) | null;

  constructor(opts: PageCacheOptions = {}) {
    this.knowsTag = opts.knowsTag ?? null;
    this.#maxEntries = opts.maxEntries ?? 1000;
    this.#maxBytes = opts.maxBytes ?? 16 * 1024 * 1024;
    this.#ttlMs = opts.ttlMs ?? 5 * 60_000;
    this.#clock = opts.clock ?? Date.now;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Bytes of the bodies held. */
  get bytes(): number {
    return this.#bytes;
  }

  /** Incremented by every invalidation: a render started before it must not be stored. */
  get generation(): number {
    return this.#generation;
  }

  /**
   * True when no invalidation since `generation` was read concerned any of `tags`: data read
   * under that generation and tagged like the page showing it is still what the page cache
   * would serve (core/http/tagged-memo.ts). Any clear since then answers false.
   */
  unchangedSince(generation: number, tags: Iterable<string>): boolean {
    if (this.#clearedAt > generation) return false;
    for (const tag of tags) if ((this.#invalidatedAt.get(tag) ?? 0) > generation) return false;
    return true;
  }

  get(key: string): CachedPage | undefined {
    const entry = this.#entries.get(key);
    if (!entry) {
      this.misses++;
      return undefined;
    }
    if (this.#clock() - entry.storedAt > this.#ttlMs) {
      this.#delete(key);
      this.misses++;
      return undefined;
    }
    this.hits++;
    // Map keeps insertion order: re-inserting marks the entry as recently used.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry;
  }

  /** Stores a page unless an invalidation happened since `renderGeneration` was read. */
  set(key: string, page: { body: string; tags: Iterable<string>; status?: number }, renderGeneration = this.#generation): boolean {
    return this.store(key, page, renderGeneration) !== null;
  }

  /**
   * As set, returning the stored entry (its bytes and entity tag, computed once, for the
   * response that stored it), or null when nothing was stored: an invalidation since
   * `renderGeneration`, or a cache that holds nothing (PAGE_CACHE_ENTRIES=0).
   */
  store(key: string, page: { body: string; tags: Iterable<string>; status?: number }, renderGeneration = this.#generation): CachedPage | null {
    if (renderGeneration !== this.#generation) return null;
    const tags = new Set(page.tags);
    this.#checkTags(tags);
    if (this.#maxEntries === 0) return null;
    this.#delete(key);
    const body = Buffer.from(page.body);
    const entry: CachedPage = {
      body,
      etag: weakEtag(body),
      tags,
      storedAt: this.#clock(),
      status: page.status ?? 200,
    };
    this.#entries.set(key, entry);
    this.#bytes += body.length;
    for (const tag of tags) {
      let keys = this.#byTag.get(tag);
      if (!keys) {
        keys = new Set();
        this.#byTag.set(tag, keys);
      }
      keys.add(key);
    }
    while (this.#entries.size > this.#maxEntries || (this.#bytes > this.#maxBytes && this.#entries.size > 1)) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#delete(oldest);
    }
    return entry;
  }

  /** Drops every page carrying at least one of the tags; returns how many were dropped. */
  invalidateTags(tags: Iterable<string>, opts: { fromRemote?: boolean } = {}): number {
    this.#generation++;
    const list = [...tags];
    if (!opts.fromRemote) this.#checkTags(list);
    // Bounded: past that many distinct tags, forgetting them all is a clear for memo entries.
    if (this.#invalidatedAt.size > MAX_REMEMBERED_TAGS) {
      this.#invalidatedAt.clear();
      this.#clearedAt = this.#generation;
    }
    for (const tag of list) this.#invalidatedAt.set(tag, this.#generation);
    if (!opts.fromRemote) this.onInvalidate?.({ tags: list });
    let dropped = 0;
    for (const tag of list) {
      const keys = this.#byTag.get(tag);
      if (!keys) continue;
      for (const key of [...keys]) {
        if (this.#delete(key)) dropped++;
      }
    }
    return dropped;
  }

  clear(opts: { fromRemote?: boolean } = {}): void {
    this.#generation++;
    this.#clearedAt = this.#generation;
    this.#invalidatedAt.clear();
    if (!opts.fromRemote) this.onInvalidate?.({ clear: true });
    this.#entries.clear();
    this.#byTag.clear();
    this.#bytes = 0;
  }

  #delete(key: string): boolean {
    const entry = this.#entries.get(key);
    if (!entry) return false;
    this.#entries.delete(key);
    this.#bytes -= entry.body.length;
    for (const tag of entry.tags) {
      const keys = this.#byTag.get(tag);
      keys?.delete(key);
      if (keys && keys.size === 0) this.#byTag.delete(tag);
    }
    return true;
  }

  #checkTags(tags: Iterable<string>): void {
    if (!this.knowsTag) return;
    for (const tag of tags) if (!this.knowsTag(tag)) throw new Error(`Cache tag declared by no module: ${tag}`);
  }
}

/**
 * True when the request's If-None-Match names this entity tag (or "*"): answer 304. Weak
 * comparison (RFC 9110 13.1.2), as fits the weak tags this app gives.
 */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = etag.replace(/^W\//, "");
  return ifNoneMatch.split(",").some((t) => {
    const tag = t.trim();
    return tag === "*" || tag.replace(/^W\//, "") === bare;
  });
}

export function weakEtag(body: string | Buffer): string {
  return `W/"${crypto.createHash("sha1").update(body).digest("base64url").slice(0, 27)}"`;
}
