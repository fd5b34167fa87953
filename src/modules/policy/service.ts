// Use cases of the public Politique de la Ville pages.
import type { DB } from "../../core/db/create-db.js";
import { MovedError, NotFoundError } from "../../core/errors.js";
import { findItemsByIds } from "../content/queries.js";
import { loadCards } from "../content/service.js";
import * as q from "./queries.js";
import { rollUp, type ProgressRule } from "./rollup.js";

export const ACTIONS_PAGE_SIZE = 20;

export async function getOverview(db: DB) {
  const [contracts, priorities, actions, places] = await Promise.all([
    q.listContracts(db),
    q.listPriorities(db),
    q.listActionProgress(db),
    db.selectFrom("neighbourhoods").select(["id", "slug", "name", "kind", "code", "geometry"]).orderBy("position").execute(),
  ]);
  const views = await Promise.all(
    contracts.map(async (c) => {
      const rule = c.progress_rule as ProgressRule;
      const ps = priorities
        .filter((p) => p.contract_id === c.id)
        .map((p) => {
          const children = actions.filter((a) => a.priority_id === p.id).map((a) => ({ progress: a.progress, budget: Number(a.budget), status: a.status }));
          const r = rollUp(children, rule);
          return { slug: p.slug, title: p.title, description: p.description, actionCount: children.length, progress: r.progress, budget: r.budget };
        });
      const overall = rollUp(
        ps.filter((p) => p.progress !== null).map((p) => ({ progress: p.progress ?? 0, budget: p.budget })),
        rule,
      );
      const funding = (await q.fundingByFunder(db, c.id)).map((f) => ({ funder: f.funder, total: Number(f.total) }));
      return {
        id: c.id,
        slug: c.slug,
        name: c.name,
        generation: c.generation,
        period: `${c.period_start}-${c.period_end}`,
        description: c.description,
        rule,
        priorities: ps,
        progress: overall.progress,
        budget: ps.reduce((s, p) => s + p.budget, 0),
        actionCount: ps.reduce((s, p) => s + p.actionCount, 0),
        funding,
      };
    }),
  );
  const hasExamples = (await db.selectFrom("actions").select("id").where("is_example", "=", true).limit(1).execute()).length > 0;
  return { contracts: views, places, hasExamples };
}

export interface ActionQuery {
  priorite?: string;
  quartier?: string;
  statut?: string;
  organisation?: string;
  financeur?: string;
  annee?: string;
  page?: string;
}

/** Parses the filter query; unknown values are ignored rather than failing the page. */
export function parseActionQuery(query: ActionQuery) {
  const slug = (v?: string) => (v && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(v) ? v : undefined);
  const year = query.annee && /^\d{4}$/.test(query.annee) ? Number(query.annee) : undefined;
  return {
    prioritySlug: slug(query.priorite),
    neighbourhoodSlug: slug(query.quartier),
    status: query.statut && (q.STATUSES as readonly string[]).includes(query.statut) ? query.statut : undefined,
    organisationSlug: slug(query.organisation),
    funder: query.financeur && (q.FUNDERS as readonly string[]).includes(query.financeur) ? query.financeur : undefined,
    year,
  };
}

export async function getActions(db: DB, query: ActionQuery, page: number) {
  const filter = parseActionQuery(query);
  const [{ rows, total }, options] = await Promise.all([
    q.listActions(db, { ...filter, limit: ACTIONS_PAGE_SIZE, offset: (page - 1) * ACTIONS_PAGE_SIZE }),
    q.filterOptions(db),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / ACTIONS_PAGE_SIZE));
  if (page > pageCount) throw new NotFoundError();
  return { rows, total, page, pageCount, filter, options };
}

export async function getAction(db: DB, slug: string, now: Date) {
  const action = await q.findAction(db, slug);
  if (!action) {
    // Renamed in the back office: the old address leads to the new one.
    const moved = await db
      .selectFrom("action_slug_redirects as r")
      .innerJoin("actions as a", "a.id", "r.action_id")
      .select("a.slug")
      .where("r.old_slug", "=", slug)
      .executeTakeFirst();
    if (moved) throw new MovedError(`/politique-de-la-ville/actions/${moved.slug}`);
    throw new NotFoundError();
  }
  const details = await q.findActionDetails(db, action.id);
  const articleRows = (await findItemsByIds(db, details.articleIds)).filter((r) => r.status === "published" && r.published_at && r.published_at <= now);
  const articles = await loadCards(db, articleRows);
  const total = details.funding.reduce((s, f) => s + Number(f.amount), 0);
  return { action, ...details, articles, total };
}
