// Keeps the in-memory caches of several processes in agreement. Each process caches rendered
// anonymous pages (PageCache) and the site's frame (SiteService); a change made through one
// process must reach the others' caches at once, or they would serve the old page until
// the TTL ends. On PostgreSQL every invalidation is also published with NOTIFY on one
// channel; each process LISTENs on a dedicated connection and applies what the others send
// (its own messages, recognised by origin, are skipped). A listener that lost its connection
// may have missed messages: once reconnected it drops its whole cache. The embedded PGlite
// database serves a single process and needs none of this.
import crypto from "node:crypto";
import pg from "pg";
import { notify } from "../db/probe.js";
import type { DB } from "../db/create-db.js";
import type { PageCache } from "./page-cache.js";

export const CACHE_CHANNEL = "portail_cache";
// NOTIFY payloads are limited to 8000 bytes: past this a message becomes "clear everything".
const MAX_PAYLOAD = 7000;

export type CacheMessage = { tags: string[] } | { clear: true } | { site: true };

export interface Invalidatable {
  invalidate(opts?: { fromRemote?: boolean }): void;
}

/** Where invalidations go besides this process; null on a single-process database. */
export interface CacheBus {
  publish(message: CacheMessage): void;
  close(): Promise<void>;
}

/** Applies a message from another process, without publishing it again. */
export function applyCacheMessage(message: CacheMessage, pageCache: PageCache, site: Invalidatable): void {
  if ("tags" in message) pageCache.invalidateTags(message.tags, { fromRemote: true });
  else if ("clear" in message) pageCache.clear({ fromRemote: true });
  else site.invalidate({ fromRemote: true });
}

export interface PgCacheBusOptions {
  databaseUrl: string;
  db: DB;
  apply(message: CacheMessage): void;
  onError?(error: unknown): void;
  /** First reconnection delay; doubles up to 5 s. */
  retryMs?: number;
}

export async function startPgCacheBus(opts: PgCacheBusOptions): Promise<CacheBus> {
  const origin = crypto.randomUUID();
  let client: pg.Client | null = null;
  let closed = false;
  let retryMs = opts.retryMs ?? 250;
  let timer: NodeJS.Timeout | null = null;

  const onNotification = (msg: pg.Notification) => {
    if (msg.channel !== CACHE_CHANNEL || !msg.payload) return;
    try {
      const parsed = JSON.parse(msg.payload) as { origin?: string } & Record<string, unknown>;
      if (parsed.origin === origin) return;
      if (Array.isArray(parsed.tags) && parsed.tags.every((t) => typeof t === "string")) opts.apply({ tags: parsed.tags as string[] });
      else if (parsed.clear === true) opts.apply({ clear: true });
      else if (parsed.site === true) opts.apply({ site: true });
    } catch (error) {
      opts.onError?.(error);
    }
  };

  const connect = async (afterLoss: boolean): Promise<void> => {
    const c = new pg.Client({ connectionString: opts.databaseUrl, connectionTimeoutMillis: 5000, keepAlive: true });
    c.on("notification", onNotification);
    c.on("error", (error) => {
      opts.onError?.(error);
      lost(c);
    });
    c.on("end", () => lost(c));
    await c.connect();
    await c.query(`listen ${CACHE_CHANNEL}`);
    if (closed) {
      await c.end().catch(() => {});
      return;
    }
    client = c;
    retryMs = opts.retryMs ?? 250;
    // Messages sent while we were deaf are lost: start again from an empty cache.
    if (afterLoss) {
      opts.apply({ clear: true });
      opts.apply({ site: true });
    }
  };

  const lost = (c: pg.Client) => {
    if (client !== c || closed) return;
    client = null;
    c.removeAllListeners("notification");
    void c.end().catch(() => {});
    schedule();
  };

  const schedule = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      connect(true).catch((error: unknown) => {
        opts.onError?.(error);
        retryMs = Math.min(retryMs * 2, 5000);
        schedule();
      });
    }, retryMs);
    timer.unref();
  };

  await connect(false);

  return {
    publish(message) {
      let payload = JSON.stringify({ origin, ...message });
      if (Buffer.byteLength(payload) > MAX_PAYLOAD) payload = JSON.stringify({ origin, clear: true });
      // After the change is committed; a lost notification is bounded by the cache TTL.
      notify(opts.db, CACHE_CHANNEL, payload).catch((error: unknown) => opts.onError?.(error));
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      const c = client;
      client = null;
      if (c) await c.end().catch(() => {});
    },
  };
}

/** Wires a process's caches to the bus: local invalidations are published, remote ones applied. */
export async function connectCaches(opts: {
  databaseUrl: string;
  db: DB;
  pageCache: PageCache;
  site: Invalidatable & { onInvalidate: (() => void) | null };
  onError?(e: unknown): void;
}): Promise<CacheBus> {
  const bus = await startPgCacheBus({
    databaseUrl: opts.databaseUrl,
    db: opts.db,
    apply: (m) => applyCacheMessage(m, opts.pageCache, opts.site),
    onError: opts.onError,
  });
  opts.pageCache.onInvalidate = (change) => bus.publish(change);
  opts.site.onInvalidate = () => bus.publish({ site: true });
  return bus;
}
