// Sends server-rendered pages: builds the page context, serves anonymous pages from the
// page cache with ETag/304, and never caches or shares a personalised response.
import type { FastifyReply, FastifyRequest } from "fastify";
import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import type { NavLink, PageContext } from "../../ui/context.js";
import { ANONYMOUS, type Viewer } from "../../ui/viewer.js";
import { cacheKeyUrl } from "./cache-key.js";
import { etagMatches, weakEtag } from "./page-cache.js";
import { SESSION_COOKIE_BASE } from "./session.js";

/** Cache-Control for anonymous pages: a CDN may keep them a minute and serve stale while revalidating. */
export const PUBLIC_PAGE_CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=300";
export const PRIVATE_CACHE_CONTROL = "private, no-store";

/**
 * True when nothing personal can be rendered: no session cookie at all (valid or not).
 * Such requests may be served from, and stored in, the shared page cache.
 */
export function isAnonymous(request: FastifyRequest): boolean {
  if (request.session) return false;
  const cookie = request.headers.cookie;
  return !cookie?.split(";").some((c) =>
    c
      .trim()
      .replace(/^__Host-/, "")
      .startsWith(`${SESSION_COOKIE_BASE}=`),
  );
}

export interface PageResult {
  render: (ctx: PageContext) => VNode;
  /** Cache tags: what this page shows (see page-cache.ts). */
  tags: string[];
  status?: number;
  /** Never cache (forms with a CSRF token, pages about the visitor). */
  private?: boolean;
}

/**
 * `currentUrl` defaults to the URL as sent; a page that may be stored in the shared cache gets
 * its cache key instead (cache-key.ts), so that it shows the same for every URL of that key.
 */
export async function buildPageContext(request: FastifyRequest, currentUrl = request.url): Promise<PageContext> {
  const { deps } = request.server;
  const [site, found] = await Promise.all([deps.site.load(), loadViewer(request)]);
  const viewer = { ...found, currentUrl };
  return {
    site: site.view,
    nav: site.nav,
    assets: { css: deps.assets.css, js: deps.assets.js, themeCss: site.themeCssUrl, adminJs: deps.assets.adminJs, adminCss: deps.assets.adminCss },
    publicUrl: deps.config.publicUrl,
    currentUrl,
    viewer,
  };
}

async function loadViewer(request: FastifyRequest): Promise<Omit<Viewer, "currentUrl">> {
  const session = request.session;
  if (!session) return ANONYMOUS;
  const { deps } = request.server;
  // Each module tells what it knows about the viewer (favourites, followed places...).
  const facts = await deps.modules.viewerFacts(deps, session.user.id);
  return {
    ...ANONYMOUS,
    ...facts,
    signedIn: true,
    displayName: session.user.displayName || session.user.email,
    csrfToken: session.csrfToken,
  };
}

export function renderDocument(node: VNode): string {
  return `<!doctype html>${renderToString(node)}`;
}

// Pages carry no per-response value (no CSP nonce: scripts are files from our origin and
// JSON-LD is a data block, which CSP does not govern), so a cached page goes out as the
// very bytes stored: no copy, no rewrite.
function sendHtml(request: FastifyRequest, reply: FastifyReply, body: string | Buffer, status: number, etag: string | null, cacheable: boolean) {
  reply.code(status).header("content-type", "text/html; charset=utf-8");
  reply.header("vary", "Accept-Encoding, Cookie");
  if (cacheable) {
    reply.header("cache-control", PUBLIC_PAGE_CACHE_CONTROL);
    if (etag) {
      reply.header("etag", etag);
      if (etagMatches(request.headers["if-none-match"], etag)) return reply.code(304).send();
    }
  } else {
    reply.header("cache-control", PRIVATE_CACHE_CONTROL);
  }
  return reply.send(body);
}

/**
 * Serves a page. `build` loads the data and returns how to render it; it may throw
 * NotFoundError. Anonymous GET/HEAD requests are answered from the page cache when possible.
 */
export async function servePage(request: FastifyRequest, reply: FastifyReply, build: () => Promise<PageResult>) {
  const { pageCache } = request.server.deps;
  const cacheable = (request.method === "GET" || request.method === "HEAD") && isAnonymous(request);
  // The path and the query parameters the route reads, canonical: "?utm_source=..." or a
  // random "?n=123" gives the same key, so it neither bypasses nor fills the cache.
  const key = cacheable ? cacheKeyUrl(request) : request.url;
  if (cacheable) {
    const hit = pageCache.get(key);
    if (hit) {
      reply.header("x-cache", "hit");
      return sendHtml(request, reply, hit.body, hit.status, hit.etag, true);
    }
  }
  const generation = pageCache.generation;
  const result = await build();
  const status = result.status ?? 200;
  const shared = cacheable && !result.private;
  const stored = shared && status === 200;
  // A stored page must depend on its key alone: it is rendered for the canonical URL.
  const ctx = await buildPageContext(request, stored ? key : request.url);
  const body = renderDocument(result.render(ctx));
  if (!shared) return sendHtml(request, reply, body, status, null, false);
  if (stored) {
    reply.header("x-cache", "miss");
    // The stored bytes and their entity tag, made once for the cache and this response.
    const entry = pageCache.store(key, { body, tags: result.tags, status }, generation);
    if (entry) return sendHtml(request, reply, entry.body, status, entry.etag, true);
  }
  const bytes = Buffer.from(body);
  return sendHtml(request, reply, bytes, status, weakEtag(bytes), true);
}

export type { NavLink };

/**
 * Sends an answer that is not a page (JSON, a feed, a sitemap) the same for every visitor:
 * from the page cache under `key` (built from cacheKeyUrl when the answer depends on the
 * query string) when it is there, otherwise built, stored with its tags and
 * sent; with its ETag, and 304 for a client that has this version. A build that an
 * invalidation overtook is sent but not stored (the next request rebuilds it).
 */
export async function serveCachedBody(
  request: FastifyRequest,
  reply: FastifyReply,
  opts: { key: string; contentType: string; cacheControl: string; build: () => Promise<{ body: string; tags: readonly string[] }> },
) {
  const { pageCache } = request.server.deps;
  const hit = pageCache.get(opts.key);
  let body: Buffer | string;
  let etag: string;
  if (hit) {
    body = hit.body;
    etag = hit.etag;
    reply.header("x-cache", "hit");
  } else {
    const generation = pageCache.generation;
    const built = await opts.build();
    const entry = pageCache.store(opts.key, { body: built.body, tags: built.tags }, generation);
    body = entry?.body ?? Buffer.from(built.body);
    etag = entry?.etag ?? weakEtag(body);
    reply.header("x-cache", "miss");
  }
  reply.header("etag", etag).header("cache-control", opts.cacheControl).header("vary", "Accept-Encoding");
  if (etagMatches(request.headers["if-none-match"], etag)) return reply.code(304).send();
  return reply.header("content-type", opts.contentType).send(body);
}
