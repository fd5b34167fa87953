// sitemap.xml (a plain <urlset>, or past `urlsPerFile` addresses an index of sitemap-1.xml,
// sitemap-2.xml...) and robots.txt. The XML goes through the shared page cache with an ETag,
// like HTML pages: it is the same for every visitor and rebuilt only after a change.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { NotFoundError } from "../../core/errors.js";
import { noQuery } from "../../core/http/form.js";
import { serveCachedBody } from "../../core/http/render.js";
import { listSitemapUrls, newest, SITEMAP_TAGS } from "./service.js";
import { sitemapIndex, urlset } from "./xml.js";

const XML_CACHE_CONTROL = "public, max-age=300";

const childParams = {
  type: "object",
  required: ["n"],
  properties: { n: { type: "string", pattern: "^[1-9][0-9]{0,5}$" } },
} as const;

/** From the page cache (key: the path, since these routes read no query string), with ETag and 304. */
function sendCachedXml(request: FastifyRequest, reply: FastifyReply, path: string, build: () => Promise<string>) {
  return serveCachedBody(request, reply, {
    key: `xml:${path}`,
    contentType: "application/xml; charset=utf-8",
    cacheControl: XML_CACHE_CONTROL,
    build: async () => ({ body: await build(), tags: SITEMAP_TAGS }),
  });
}

export function sitemapRoutes(urlsPerFile: number) {
  return async function routes(app: FastifyInstance) {
    const deps = () => ({ db: app.deps.db, now: app.deps.now, publicUrl: app.deps.config.publicUrl });

    app.get("/sitemap.xml", { schema: { querystring: noQuery } }, async (request, reply) =>
      sendCachedXml(request, reply, "/sitemap.xml", async () => {
        const urls = await listSitemapUrls(deps());
        if (urls.length <= urlsPerFile) return urlset(urls);
        const children = [];
        for (let i = 0; i * urlsPerFile < urls.length; i++) {
          const part = urls.slice(i * urlsPerFile, (i + 1) * urlsPerFile);
          children.push({ loc: `${app.deps.config.publicUrl}/sitemap-${i + 1}.xml`, lastmod: newest(part) });
        }
        return sitemapIndex(children);
      }),
    );

    // Only while the index lists them: under the limit sitemap.xml holds every address itself.
    app.get<{ Params: { n: string } }>("/sitemap-:n.xml", { schema: { params: childParams, querystring: noQuery } }, async (request, reply) => {
      const n = Number(request.params.n);
      return sendCachedXml(request, reply, `/sitemap-${n}.xml`, async () => {
        const urls = await listSitemapUrls(deps());
        if (urls.length <= urlsPerFile) throw new NotFoundError();
        const part = urls.slice((n - 1) * urlsPerFile, n * urlsPerFile);
        if (part.length === 0) throw new NotFoundError();
        return urlset(part);
      });
    });

    // "$" ends a rule for the crawlers that read it (Google, Bing): "/admin" alone would also
    // hide a public page at "/administration". Others read "/admin$" literally, which hides
    // nothing, and still obey "/admin/".
    app.get("/robots.txt", { schema: { querystring: noQuery } }, async (_request, reply) =>
      reply
        .header("content-type", "text/plain; charset=utf-8")
        .header("cache-control", XML_CACHE_CONTROL)
        .send(
          [
            "User-agent: *",
            "Disallow: /admin$",
            "Disallow: /admin/",
            "Disallow: /compte$",
            "Disallow: /compte/",
            "Disallow: /apercu/",
            `Sitemap: ${app.deps.config.publicUrl}/sitemap.xml`,
            "",
          ].join("\n"),
        ),
    );
  };
}
