// /admin/journal: the audit trail, filtered by action family, person, target and dates
// (days in Europe/Paris, "au" inclusive), newest first, 50 per page.
import type { FastifyInstance } from "fastify";
import { listEvents, type AuditFilters } from "../../core/audit.js";
import { pageNumber, pageParam, queryOf, text } from "../../core/http/form.js";
import { parisNextMidnight, parisToUtc } from "../../lib/paris-time.js";
import { serveAdminPage } from "./frame.js";
import { requireStaff } from "./guard.js";
import { ACTION_FAMILIES } from "./audit-view-model.js";
import { auditActors } from "../../core/audit.js";
import { AuditPage, type AuditQuery } from "./views/audit.js";

const PAGE_SIZE = 50;

type Query = { action?: string; acteur?: string; cible?: string; du?: string; au?: string; page?: string };
// Filters a hand-edited URL may get wrong are ignored or answered in French below; only their lengths are bounded here.
const querySchema = { querystring: queryOf({ action: text(40), acteur: text(12), cible: text(40), du: text(10), au: text(10), page: pageParam }) };

export async function auditRoutes(app: FastifyInstance) {
  const { db } = app.deps;
  app.get<{ Querystring: Query }>("/admin/journal", { preHandler: requireStaff("audit.read"), schema: querySchema }, async (request, reply) => {
    const raw = request.query;
    const query: AuditQuery = {
      action: ACTION_FAMILIES.some((f) => f.value === raw.action) ? raw.action! : "",
      actor: /^\d{1,9}$/.test(raw.acteur ?? "") ? raw.acteur! : "",
      target: /^[a-z_]{1,40}$/.test(raw.cible ?? "") ? raw.cible! : "",
      from: raw.du ?? "",
      to: raw.au ?? "",
    };
    const problems: string[] = [];
    const from = query.from ? parisToUtc(query.from, "00:00") : undefined;
    const toStart = query.to ? parisToUtc(query.to, "00:00") : undefined;
    if (from === null) problems.push("La date de début n’est pas une date valide (jj/mm/aaaa).");
    if (toStart === null) problems.push("La date de fin n’est pas une date valide (jj/mm/aaaa).");
    // "au" is inclusive: up to the next Paris midnight (23 or 25 hours away on change days).
    const to = toStart ? (parisNextMidnight(query.to) ?? undefined) : undefined;
    if (from && to && from >= to) problems.push("La date de début est postérieure à la date de fin.");
    const page = pageNumber(raw.page);
    const filters: AuditFilters = {
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
      ...(query.action ? { action: query.action } : {}),
      ...(query.actor ? { actorId: Number(query.actor) } : {}),
      ...(query.target ? { targetType: query.target } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    };
    const [{ events, total }, actors] = await Promise.all([
      problems.length > 0 ? Promise.resolve({ events: [], total: 0 }) : listEvents(db, filters),
      auditActors(db),
    ]);
    const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
    return serveAdminPage(request, reply, () => ({
      status: problems.length > 0 ? 400 : 200,
      render: (ctx, actor) => (
        <AuditPage
          ctx={ctx}
          actor={actor}
          events={events}
          total={total}
          page={page}
          pageCount={pageCount}
          query={query}
          actors={actors}
          problem={problems.join(" ") || undefined}
        />
      ),
    }));
  });
}
