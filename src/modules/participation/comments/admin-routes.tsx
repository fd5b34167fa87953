// Back-office routes of the articles open to comments (participation.article_comments: editors).
import type { FastifyInstance } from "fastify";
import { emptyForm, field, formBody, handleForm, line, queryOf, text } from "../../../core/http/form.js";
import { requireStaff, serveAdminPage, staffActor } from "../../admin/index.js";
import { ARTICLES_PATH, OpenArticlesPage } from "./admin-views.js";
import { closeArticleComments, openArticleComments, openArticles } from "./service.js";

export async function articleCommentsAdminRoutes(app: FastifyInstance) {
  const { deps } = app;
  const preHandler = requireStaff("participation.article_comments");
  const actorOf = (request: Parameters<typeof staffActor>[0]) => {
    const a = staffActor(request);
    return { id: a.id, role: a.role, label: a.label };
  };

  app.get<{ Querystring: { ok?: string } }>(ARTICLES_PATH, { preHandler, schema: { querystring: queryOf({ ok: text(40) }) } }, async (request, reply) => {
    const articles = await openArticles(deps.db);
    return serveAdminPage(request, reply, () => ({
      render: (ctx, actor) => <OpenArticlesPage ctx={ctx} actor={actor} articles={articles} flash={request.query.ok} />,
    }));
  });

  app.post(ARTICLES_PATH, { preHandler, schema: { body: formBody({ address: line(500) }) } }, async (request, reply) => {
    const address = field(request.body, "address");
    return handleForm(
      () => openArticleComments(deps, actorOf(request), address, { ip: request.ip, now: deps.now() }),
      () => reply.redirect(`${ARTICLES_PATH}?ok=ouvert`, 303),
      async (refused) => {
        const articles = await openArticles(deps.db);
        return serveAdminPage(request, reply, () => ({
          status: 400,
          render: (ctx, actor) => <OpenArticlesPage ctx={ctx} actor={actor} articles={articles} errors={refused.errors} values={{ address }} />,
        }));
      },
    );
  });

  app.post<{ Params: { id: string } }>(`${ARTICLES_PATH}/:id/fermer`, { preHandler, schema: { body: emptyForm } }, async (request, reply) => {
    await closeArticleComments(deps, actorOf(request), Number(request.params.id), { ip: request.ip, now: deps.now() });
    return reply.redirect(`${ARTICLES_PATH}?ok=ferme`, 303);
  });
}
