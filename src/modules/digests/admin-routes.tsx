// Back office: /admin/lettres (permission digests.view), behind the staff guard.
import type { FastifyInstance } from "fastify";
import { noQuery } from "../../core/http/form.js";
import { requireStaff, serveAdminPage } from "../admin/index.js";
import { presentAdmin } from "./present.js";
import { bouncedAddresses, recentRuns, subscriptionCounts, uncertainDeliveries } from "./queries.js";
import { DigestsAdminPage } from "./views/admin.js";

export async function digestAdminRoutes(app: FastifyInstance) {
  app.get("/admin/lettres", { preHandler: requireStaff("digests.view"), schema: { querystring: noQuery } }, async (request, reply) => {
    const db = app.deps.db;
    const [counts, runs, bounced, uncertain] = await Promise.all([subscriptionCounts(db), recentRuns(db), bouncedAddresses(db), uncertainDeliveries(db)]);
    const view = presentAdmin(counts, runs, bounced, uncertain);
    return serveAdminPage(request, reply, () => ({ render: (ctx, actor) => <DigestsAdminPage ctx={ctx} actor={actor} view={view} /> }));
  });
}
