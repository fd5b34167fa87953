import type { FastifyInstance } from "fastify";
import { noQuery } from "../../core/http/form.js";
import { devOutboxRoutes } from "./dev-outbox.js";

// None of these reads its query string (the stylesheet's "?v=" only busts caches).
const schema = { querystring: noQuery };

export async function siteRoutes(app: FastifyInstance) {
  devOutboxRoutes(app);

  // Brand and theme colours live in the database; CSP forbids inline styles, so they
  // are served as a small stylesheet whose URL changes when they change.
  app.get("/couleurs.css", { schema }, async (_request, reply) => {
    const site = await app.deps.site.load();
    return reply.header("content-type", "text/css; charset=utf-8").header("cache-control", "public, max-age=3600").send(site.themeCss);
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
