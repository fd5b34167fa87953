// Public pages of the content module. Routes stay thin: parse, call one service
// function, render through servePage (which caches anonymous pages).
import type { FastifyInstance, FastifyRequest } from "fastify";
import { servePage } from "../../core/http/render.js";
import { NotFoundError } from "../../core/errors.js";
import { noQuery, pageNumber, pageParam, queryOf } from "../../core/http/form.js";
import * as service from "./service.js";
import { cachedHome, cachedItemByPath } from "./cached.js";
import { HomePage } from "./views/home.js";
import { ItemPage } from "./views/item.js";
import { NeighbourhoodIndexPage, SiteMapPage, ThemeIndexPage } from "./views/indexes.js";
import { ListingPage } from "./views/listing.js";
import { SLUG_PATTERN } from "../../lib/text.js";
import { personalFeed } from "../accounts/index.js";
import { feedAlternates } from "../feeds/index.js";
import { neighbourhoodPolicy, NeighbourhoodPolicyBlock } from "../policy/index.js";
import { articleOpenForComments, CommentSection, loadCommentSection, loadProposalBlock, ProposalBlock } from "../participation/index.js";

const pageQuery = queryOf({ page: pageParam });

const slugParams = {
  type: "object",
  required: ["slug"],
  properties: { slug: { type: "string", maxLength: 80 } },
} as const;

type PageQuery = { Querystring: { page?: string } };
type SlugRoute = PageQuery & { Params: { slug: string } };

export async function contentRoutes(app: FastifyInstance) {
  const deps = () => ({ db: app.deps.db, now: app.deps.now, pageCache: app.deps.pageCache });

  app.get("/", { schema: { querystring: noQuery } }, async (request, reply) =>
    servePage(request, reply, async () => {
      // The shared part comes from memory until the page cache would drop the anonymous home.
      const { data, tags } = await cachedHome(app.deps.pageCache, deps());
      // Signed-in residents open on "Pour vous" (such a request is never cached).
      const session = request.session;
      const forYou = session ? await personalFeed(app.deps.db, session.user.id, app.deps.now(), 1, 6) : null;
      return { tags, render: (ctx) => <HomePage ctx={ctx} data={data} forYou={forYou} /> };
    }),
  );

  app.get<PageQuery>("/actualites", { schema: { querystring: pageQuery } }, async (request, reply) =>
    servePage(request, reply, async () => {
      const { data, tags } = await service.getArticleList(deps(), pageNumber(request.query.page));
      return {
        tags,
        render: (ctx) => (
          <ListingPage
            ctx={ctx}
            title="Actualités"
            description={`Toute l’actualité de ${ctx.site.name} et de ses quartiers.`}
            basePath="/actualites"
            crumbs={[{ label: "Accueil", href: "/" }, { label: "Actualités" }]}
            alternates={feedAlternates.news(ctx.site.name)}
            listing={data}
            empty="Aucune actualité n’est publiée pour le moment."
          />
        ),
      };
    }),
  );

  app.get<{ Params: { slug: string } }>("/actualites/:slug", { schema: { params: slugParams, querystring: noQuery } }, async (request, reply) =>
    servePage(request, reply, async () => {
      if (!SLUG_PATTERN.test(request.params.slug)) throw new NotFoundError();
      const { data, tags } = await cachedItemByPath(app.deps.pageCache, deps(), `/actualites/${request.params.slug}`);
      if (data.kind !== "article") throw new NotFoundError();
      // Articles are closed to comments unless an editor opened this one (participation).
      const comments = (await articleOpenForComments(app.deps, data.id)) ? await loadCommentSection(request, "article", data.id) : null;
      return {
        tags: [...tags, `participation:article:${data.id}`],
        render: (ctx) => <ItemPage ctx={ctx} item={data} comments={comments ? <CommentSection ctx={ctx} model={comments.model} /> : null} />,
      };
    }),
  );

  app.get("/themes", { schema: { querystring: noQuery } }, async (request, reply) =>
    servePage(request, reply, async () => {
      const { data, tags } = await service.getThemeIndex(deps());
      return { tags, render: (ctx) => <ThemeIndexPage ctx={ctx} themes={data} /> };
    }),
  );

  app.get<SlugRoute>("/themes/:slug", { schema: { params: slugParams, querystring: pageQuery } }, async (request, reply) =>
    servePage(request, reply, async () => {
      const { data, tags } = await service.getThemePage(deps(), request.params.slug, pageNumber(request.query.page));
      return {
        tags,
        render: (ctx) => (
          <ListingPage
            ctx={ctx}
            title={data.theme.name}
            intro={data.theme.description}
            description={data.theme.description || `Actualités et pages du thème ${data.theme.name}.`}
            basePath={data.theme.href}
            crumbs={[{ label: "Accueil", href: "/" }, { label: "Thèmes", href: "/themes" }, { label: data.theme.name }]}
            alternates={feedAlternates.theme(data.theme.slug, data.theme.name)}
            listing={data}
            empty="Aucun contenu n’est publié dans ce thème pour le moment."
          />
        ),
      };
    }),
  );

  app.get("/quartiers", { schema: { querystring: noQuery } }, async (request, reply) =>
    servePage(request, reply, async () => {
      const { data, tags } = await service.getNeighbourhoodIndex(deps());
      return { tags, render: (ctx) => <NeighbourhoodIndexPage ctx={ctx} places={data} /> };
    }),
  );

  app.get<SlugRoute>("/quartiers/:slug", { schema: { params: slugParams, querystring: pageQuery } }, async (request, reply) =>
    servePage(request, reply, async () => {
      const { data, tags } = await service.getNeighbourhoodPage(deps(), request.params.slug, pageNumber(request.query.page));
      const n = data.neighbourhood;
      const policy = await neighbourhoodPolicy(app.deps.db, { id: n.id, slug: n.slug, kind: n.kind, code: n.code });
      const comments = data.page === 1 ? await loadCommentSection(request, "neighbourhood", n.id) : null;
      const ideas = data.page === 1 ? await loadProposalBlock(app.deps.db, { neighbourhoodId: n.id, neighbourhoodSlug: n.slug }) : null;
      return {
        tags: [...tags, "policy", ...(comments?.tags ?? []), ...(ideas?.tags ?? [])],
        render: (ctx) => (
          <ListingPage
            ctx={ctx}
            title={n.kind === "qpv" ? `${n.name} (quartier prioritaire ${n.code ?? ""})`.replace(" )", ")") : n.name}
            intro={n.description}
            description={n.description || `L’actualité du quartier ${n.name}.`}
            basePath={n.href}
            crumbs={[{ label: "Accueil", href: "/" }, { label: "Quartiers", href: "/quartiers" }, { label: n.name }]}
            alternates={feedAlternates.neighbourhood(n.slug, n.name)}
            listing={data}
            empty="Aucun contenu n’est publié pour ce quartier pour le moment."
          >
            {data.page === 1 ? (
              <NeighbourhoodPolicyBlock
                neighbourhood={n}
                geometry={policy.geometry}
                actions={policy.actions}
                figures={policy.figures}
                comparisons={policy.comparisons}
              />
            ) : null}
            {ideas ? <ProposalBlock model={ideas.model} /> : null}
            {comments ? <CommentSection ctx={ctx} model={comments.model} /> : null}
          </ListingPage>
        ),
      };
    }),
  );

  app.get("/plan-du-site", { schema: { querystring: noQuery } }, async (request, reply) =>
    servePage(request, reply, async () => {
      const { data, tags } = await service.getSiteMap(deps());
      return { tags, render: (ctx) => <SiteMapPage ctx={ctx} {...data} /> };
    }),
  );

  // Institutional pages live at their nested path; this catch-all comes last (Fastify
  // ranks static routes before wildcards, so it never shadows the routes above).
  app.get("/*", { schema: { querystring: noQuery } }, async (request: FastifyRequest, reply) => {
    const path = request.url.split("?")[0] ?? "";
    if (path.length > 1 && path.endsWith("/")) {
      // One URL per page: "/solidarite/" answers with a permanent redirect to "/solidarite".
      const target = path.replace(/\/+$/, "");
      if (SLUG_PATH_PATTERN.test(target)) return reply.redirect(target, 301);
    }
    return servePage(request, reply, async () => {
      if (!SLUG_PATH_PATTERN.test(path)) throw new NotFoundError();
      const { data, tags } = await cachedItemByPath(app.deps.pageCache, deps(), path);
      if (data.kind !== "page") throw new NotFoundError();
      return { tags, render: (ctx) => <ItemPage ctx={ctx} item={data} /> };
    });
  });
}

/** "/a/b-c": one to eight slug segments. Anything else cannot be a page. */
const SLUG_PATH_PATTERN = /^(\/[a-z0-9]+(-[a-z0-9]+)*){1,8}$/;
