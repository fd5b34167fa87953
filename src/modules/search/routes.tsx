// /recherche: the query, the filters and the page number come from a GET form, so the page
// works without JavaScript and every state has its own URL (noindex). A page with a query is
// never cached: it depends on the request's clock (scheduled items) and on every write.
import type { FastifyInstance } from "fastify";
import { servePage } from "../../core/http/render.js";
import { pageNumber, pageParam, queryOf, text } from "../../core/http/form.js";
import { search, type SearchParams } from "./service.js";
import { SearchPage } from "./views/search.js";

const DAY = { type: "string", maxLength: 10 } as const;
const SLUG = { type: "string", maxLength: 80 } as const;

export const searchQuery = queryOf({
  // The box holds 200 characters; up to 500 are read (a paste), beyond that the generic French 400.
  q: text(500),
  type: SLUG,
  theme: SLUG,
  quartier: SLUG,
  qpv: SLUG,
  du: DAY,
  au: DAY,
  statut: SLUG,
  page: pageParam,
});

type Query = { Querystring: Omit<SearchParams, "page"> & { page?: string } };

export async function searchRoutes(app: FastifyInstance) {
  app.get<Query>("/recherche", { schema: { querystring: searchQuery } }, async (request, reply) =>
    servePage(request, reply, async () => {
      const { page, ...rest } = request.query;
      const result = await search({ db: app.deps.db, now: app.deps.now, pageCache: app.deps.pageCache }, { ...rest, page: pageNumber(page) });
      return {
        tags: ["search", "themes", "neighbourhoods"],
        private: result.query !== "",
        render: (ctx) => <SearchPage ctx={ctx} result={result} />,
      };
    }),
  );
}
