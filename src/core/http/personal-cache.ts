// What signed-in pages show about their viewer (favourite ids, followed quartiers, "Pour vous",
// the unread notices count), kept in this process's memory per person, so that a signed-in page
// does not repeat the same queries on every request.
//
// Validity does not rest on anyone remembering to invalidate. Database triggers bump
// `users.personal_version` whenever a person's favourites, interests or notices change
// (whichever process or script writes, and cascades too), and the session hook reads that
// version with the session on every request (no extra query) and tells this cache (`note`): a
// different version drops everything kept for that person before the route reads anything. A
// block that depends on published content (the feed) is also tied to the page cache's
// generation, which every invalidation (local or from another process through the cache bus)
// increments, and to a TTL on the app's clock (publication times that pass without an
// invalidation, as for pages).
//
// Nothing here is ever shared between people: blocks are kept under the user id of the session
// that asked, and anonymous requests never reach it. Memory is bounded by a total weight (about
// one unit per id or card kept), least recently used people first.
import type { FastifyInstance } from "fastify";
import type { DB } from "../db/create-db.js";

interface Block {
  value: unknown;
  weight: number;
  /** Page cache generation when computed, for blocks that show published content; null otherwise. */
  generation: number | null;
  at: number;
}

interface PersonEntry {
  /** The version last read with this person's session; undefined: unknown (nothing is kept). */
  version: number | undefined;
  blocks: Map<string, Block>;
  weight: number;
}

export interface PersonalCacheOptions {
  /** Total weight kept (ids and cards), across people. */
  maxWeight?: number;
  /** People remembered (with or without blocks). */
  maxPeople?: number;
  /** At most this many blocks per person (pages of the feed...). */
  maxBlocksPerPerson?: number;
  ttlMs?: number;
  clock: () => number;
  /** The page cache's generation (page-cache.ts): incremented by every content invalidation. */
  generation: () => number;
}

export class PersonalCache {
  readonly #people = new Map<number, PersonEntry>();
  readonly #maxWeight: number;
  readonly #maxPeople: number;
  readonly #maxBlocks: number;
  readonly #ttlMs: number;
  readonly #clock: () => number;
  readonly #generation: () => number;
  #weight = 0;
  hits = 0;
  misses = 0;

  constructor(opts: PersonalCacheOptions) {
    this.#maxWeight = opts.maxWeight ?? 200_000;
    this.#maxPeople = opts.maxPeople ?? 10_000;
    this.#maxBlocks = opts.maxBlocksPerPerson ?? 8;
    this.#ttlMs = opts.ttlMs ?? 5 * 60_000;
    this.#clock = opts.clock;
    this.#generation = opts.generation;
  }

  /** Total weight kept (for tests and metrics). */
  get weight(): number {
    return this.#weight;
  }

  get people(): number {
    return this.#people.size;
  }

  /** True when this process read the person's version with a session and keeps it (blocks or not). */
  knows(userId: number): boolean {
    return this.#people.get(userId)?.version !== undefined;
  }

  /** Called with every loaded session: a version other than the known one drops what was kept. */
  note(userId: number, version: number): void {
    const entry = this.#people.get(userId);
    if (entry && entry.version === version) {
      // Map keeps insertion order: re-inserting marks the person as recently seen.
      this.#people.delete(userId);
      this.#people.set(userId, entry);
      return;
    }
    if (entry) this.#drop(userId, entry);
    this.#people.set(userId, { version, blocks: new Map(), weight: 0 });
    this.#evict();
  }

  /**
   * Drops what is kept for a person until their next request reads the version again: for a
   * request that changed their favourites or interests and renders right after.
   */
  forget(userId: number): void {
    const entry = this.#people.get(userId);
    if (entry) this.#drop(userId, entry);
  }

  /**
   * The block `key` of this person: from memory when valid, otherwise loaded (and kept unless the
   * person's version or, for `content` blocks, the published content changed meanwhile). Without a
   * known version (no session seen in this process) it is simply loaded. The value is shared by
   * this person's later requests: callers must not mutate it.
   */
  async remember<T>(userId: number, key: string, load: () => Promise<T>, opts: { content?: boolean; weight?: (value: T) => number } = {}): Promise<T> {
    const entry = this.#people.get(userId);
    if (!entry || entry.version === undefined) return load();
    const hit = entry.blocks.get(key);
    const now = this.#clock();
    if (hit && now - hit.at <= this.#ttlMs && (hit.generation === null || hit.generation === this.#generation()) && hit.at <= now) {
      this.hits++;
      return hit.value as T;
    }
    this.misses++;
    const version = entry.version;
    const generation = opts.content ? this.#generation() : null;
    const value = await load();
    // Kept only if nothing it depends on moved while it was loaded.
    const current = this.#people.get(userId);
    if (current !== entry || entry.version !== version) return value;
    if (generation !== null && generation !== this.#generation()) return value;
    this.#put(entry, key, { value, weight: Math.max(1, opts.weight?.(value) ?? 1), generation, at: now });
    this.#evict();
    return value;
  }

  #put(entry: PersonEntry, key: string, block: Block): void {
    const old = entry.blocks.get(key);
    if (old) {
      entry.blocks.delete(key);
      entry.weight -= old.weight;
      this.#weight -= old.weight;
    }
    entry.blocks.set(key, block);
    entry.weight += block.weight;
    this.#weight += block.weight;
    while (entry.blocks.size > this.#maxBlocks) {
      const [oldestKey, oldest] = entry.blocks.entries().next().value as [string, Block];
      entry.blocks.delete(oldestKey);
      entry.weight -= oldest.weight;
      this.#weight -= oldest.weight;
    }
  }

  #evict(): void {
    while ((this.#weight > this.#maxWeight || this.#people.size > this.#maxPeople) && this.#people.size > 0) {
      const [userId, entry] = this.#people.entries().next().value as [number, PersonEntry];
      this.#drop(userId, entry);
    }
  }

  #drop(userId: number, entry: PersonEntry): void {
    this.#weight -= entry.weight;
    entry.weight = 0;
    entry.blocks.clear();
    entry.version = undefined;
    this.#people.delete(userId);
  }
}

// Modules' loaders receive the database handle (a viewer-facts loader its deps, the feed its
// callers' `db`), so the cache is found from it. An app registers its cache here when built and
// removes it when closed; a handle shared by two apps gets no cache at all (each app's page
// cache generation would only be right for itself).
const caches = new WeakMap<DB, PersonalCache | null>();

export function personalCacheOf(db: DB): PersonalCache | null {
  return caches.get(db) ?? null;
}

/** Creates the app's personal cache (called by the session plugin). */
export function installPersonalCache(app: FastifyInstance): PersonalCache {
  const { deps } = app;
  const cache = new PersonalCache({ clock: () => deps.now().getTime(), generation: () => deps.pageCache.generation });
  caches.set(deps.db, caches.has(deps.db) ? null : cache);
  app.addHook("onClose", async () => {
    if (caches.get(deps.db) === cache) caches.delete(deps.db);
  });
  return cache;
}
