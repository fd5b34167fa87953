import type { FastifyInstance } from "fastify";
import { noQuery, queryOf, text } from "../../core/http/form.js";
import { devOutboxRoutes } from "./dev-outbox.js";

// None of these reads its query string but the stylesheet (its version, "?v=").
const schema = { querystring: noQuery };
const stylesheetSchema = { querystring: queryOf({ v: text(64) }) };

/** A year for the URL of the colours in force (it changes with them), a minute for any other. */
export function stylesheetCacheControl(requested: string | undefined, currentUrl: string): string {
  const current = new URL(currentUrl, "http://x").searchParams.get("v");
  return requested && requested === current ? "public, max-age=31536000, immutable" : "public, max-age=60";
}

export async function siteRoutes(app: FastifyInstance) {
  devOutboxRoutes(app);

  // Brand and theme colours live in the database; CSP forbids inline styles, so they
  // are served as a small stylesheet whose URL changes when they change.
  // Pages link the versioned URL, so a browser keeps it as long as the colours stay; an old or
  // missing version gets today's colours for a minute only (a page cached before a change).
  app.get<{ Querystring: { v?: string } }>("/couleurs.css", { schema: stylesheetSchema }, async (request, reply) => {
    const site = await app.deps.site.load();
    return reply
      .header("content-type", "text/css; charset=utf-8")
      .header("cache-control", stylesheetCacheControl(request.query.v, site.themeCssUrl))
      .send(site.themeCss);
  });

  app.get("/favicon.svg", { schema }, async (_request, reply) => {
    const site = await app.deps.site.load();
    const color = /--brand:(#[0-9a-fA-F]{6})/.exec(site.brandCss)?.[1] ?? "#1d4f91";
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><rect width="40" height="40" rx="8" fill="${color}"/><path d="M9 30V17l11-8 11 8v13h-7v-8h-8v8z" fill="#fff"/></svg>`;
    return reply.header("content-type", "image/svg+xml").header("cache-control", "public, max-age=86400").send(svg);
  });

  app.get("/favicon.ico", { schema }, async (_request, reply) => reply.redirect("/favicon.svg", 301));

  // robots.txt is the sitemap module's, beside the sitemap it points to.
}
