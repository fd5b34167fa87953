// The feeds' routes: each page that has a feed answers "<path>/flux.xml" (RSS 2.0) and
// "<path>/flux.atom" (Atom 1.0), from the shared page cache with an ETag, like the pages.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { noQuery } from "../../core/http/form.js";
import { PUBLIC_PAGE_CACHE_CONTROL, serveCachedBody } from "../../core/http/render.js";
import { FEED_TYPES, type FeedFormat, feedPath, NEWS_PATH, POLICY_PATH } from "./links.js";
import { renderAtom, renderRss } from "./render.js";
import * as service from "./service.js";

const FORMATS: readonly FeedFormat[] = ["rss", "atom"];
const RENDER = { rss: renderRss, atom: renderAtom } as const;

const slugParams = {
  type: "object",
  required: ["slug"],
  properties: { slug: { type: "string", maxLength: 80 } },
} as const;

/**
 * Answers a feed from the page cache (key "feed:" + path: a feed reads no query parameter, so
 * a cache buster does not make a new entry), with an ETag so that a reader that has it gets
 * 304. A feed shows nothing personal: every request may use the cache. Only a built feed is
 * stored; an unknown theme or place throws NotFoundError first (the site's 404 page).
 */
function sendCachedFeed(request: FastifyRequest, reply: FastifyReply, format: FeedFormat, build: () => Promise<service.TaggedFeed>) {
  return serveCachedBody(request, reply, {
    // The query string is ignored (a cache buster gets the cached feed).
    key: `feed:${request.url.split("?")[0]}`,
    contentType: `${FEED_TYPES[format]}; charset=utf-8`,
    cacheControl: PUBLIC_PAGE_CACHE_CONTROL,
    build: async () => {
      const { feed, tags } = await build();
      return { body: RENDER[format](feed), tags };
    },
  });
}

export async function feedRoutes(app: FastifyInstance) {
  const deps = async (): Promise<service.FeedDeps> => ({
    db: app.deps.db,
    now: app.deps.now,
    publicUrl: app.deps.config.publicUrl,
    mediaDir: app.deps.mediaDir,
    siteName: (await app.deps.site.load()).view.name,
  });

  for (const format of FORMATS) {
    app.get(feedPath(NEWS_PATH, format), { schema: { querystring: noQuery } }, async (request, reply) =>
      sendCachedFeed(request, reply, format, async () => service.newsFeed(await deps())),
    );
    app.get<{ Params: { slug: string } }>(feedPath("/themes/:slug", format), { schema: { params: slugParams, querystring: noQuery } }, async (request, reply) =>
      sendCachedFeed(request, reply, format, async () => service.themeFeed(await deps(), request.params.slug)),
    );
    app.get<{ Params: { slug: string } }>(
      feedPath("/quartiers/:slug", format),
      { schema: { params: slugParams, querystring: noQuery } },
      async (request, reply) => sendCachedFeed(request, reply, format, async () => service.neighbourhoodFeed(await deps(), request.params.slug)),
    );
    app.get(feedPath(POLICY_PATH, format), { schema: { querystring: noQuery } }, async (request, reply) =>
      sendCachedFeed(request, reply, format, async () => service.policyFeed(await deps())),
    );
  }

  // The address readers and people try first: one feed per URL, so a permanent redirect to the
  // news feed (readers update the subscription) rather than a copy.
  for (const format of FORMATS) {
    app.get(feedPath("", format), { schema: { querystring: noQuery } }, async (_request, reply) => reply.redirect(feedPath(NEWS_PATH, format), 301));
  }
}
