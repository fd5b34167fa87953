// The inbox in the account area. Scoped to the signed-in account: there is no notification id
// in any URL, so nobody can read or mark another person's notices.
import type { FastifyInstance } from "fastify";
import { emptyForm, pageNumber, pageParam, queryOf } from "../../../core/http/form.js";
import { servePage } from "../../../core/http/render.js";
import { requireSession } from "../../accounts/index.js";
import { INBOX_PATH, inbox, markAllNoticesRead } from "./service.js";
import { InboxPage } from "./views.js";

export async function notificationRoutes(app: FastifyInstance) {
  app.get<{ Querystring: { page?: string } }>(INBOX_PATH, { schema: { querystring: queryOf({ page: pageParam }) } }, async (request, reply) => {
    const session = requireSession(request, reply);
    if (!session) return reply;
    const data = await inbox(app.deps.db, session.user.id, pageNumber(request.query.page));
    return servePage(request, reply, async () => ({ tags: [], private: true, render: (ctx) => <InboxPage ctx={ctx} data={data} /> }));
  });

  app.post(`${INBOX_PATH}/lues`, { schema: { body: emptyForm } }, async (request, reply) => {
    const session = requireSession(request, reply);
    if (!session) return reply;
    await markAllNoticesRead(app.deps.db, session.user.id, app.deps.now());
    return reply.redirect(INBOX_PATH, 303);
  });
}
