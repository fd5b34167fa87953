// Use cases of the public Politique de la Ville pages.
import type { DB } from "../../core/db/create-db.js";
import { MovedError, NotFoundError } from "../../core/errors.js";
import { findItemsByIds, loadCards } from "../content/index.js";
import { neighbourhoodsForMap } from "../places/index.js";
import * as q from "./queries.js";
import { contractFigures } from "./figures.js";
import type { ProgressRule } from "./rollup.js";

export const ACTIONS_PAGE_SIZE = 20;

/**
 * Every contract with its priorities and figures (figures.ts): the overview page and the API's
 * /contrats both publish this, so the page and the API cannot disagree.
 */
export async function contractSummaries(db: DB) {
  const [contracts, priorities, actions] = await Promise.all([q.listContracts(db), q.listPriorities(db), q.listFundedActions(db)]);
  return contracts.map((c) => {
    const rule = c.progress_rule as ProgressRule;
    const f = contractFigures(
      rule,
      priorities.filter((p) => p.contract_id === c.id).map((p) => ({ priority: p, actions: actions.filter((a) => a.priorityId === p.id) })),
    );
    return {
      id: c.id,
      slug: c.slug,
      name: c.name,
      generation: c.generation,
      periodStart: c.period_start,
      periodEnd: c.period_end,
      period: `${c.period_start}-${c.period_end}`,
      description: c.description,
      rule,
      progress: f.progress,
      budget: f.budget,
      actionCount: f.actions,
      cancelledCount: f.cancelled,
      funding: f.funding,
      priorities: f.priorities.map((p) => ({
        slug: p.priority.slug,
        title: p.priority.title,
        description: p.priority.description,
        actionCount: p.actions,
        cancelledCount: p.cancelled,
        progress: p.progress,
        budget: p.budget,
      })),
    };
  });
}

export async function getOverview(db: DB) {
  const [contracts, places, hasExamples] = await Promise.all([contractSummaries(db), neighbourhoodsForMap(db), q.hasExampleActions(db)]);
  return { contracts, places, hasExamples };
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
  const [{ rows, total, cancelled }, options] = await Promise.all([
    q.listActions(db, { ...filter, limit: ACTIONS_PAGE_SIZE, offset: (page - 1) * ACTIONS_PAGE_SIZE }),
    q.filterOptions(db),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / ACTIONS_PAGE_SIZE));
  if (page > pageCount) throw new NotFoundError();
  return { rows, total, cancelled, page, pageCount, filter, options };
}

export async function getAction(db: DB, slug: string, now: Date) {
  const action = await q.findAction(db, slug);
  if (!action) {
    // Renamed in the back office: the old address leads to the new one.
    const moved = await q.renamedActionSlug(db, slug);
    if (moved) throw new MovedError(`/politique-de-la-ville/actions/${moved}`);
    throw new NotFoundError();
  }
  const details = await q.findActionDetails(db, action.id);
  const articleRows = (await findItemsByIds(db, details.articleIds)).filter((r) => r.status === "published" && r.published_at && r.published_at <= now);
  const articles = await loadCards(db, articleRows);
  const total = details.funding.reduce((s, f) => s + Number(f.amount), 0);
  return { action, ...details, articles, total };
}

/**
 * Every public page of the Politique de la Ville, for sitemap.xml (the sitemap module): the
 * overview, the address lookup, the list of actions (dated by its newest change) and each
 * action. Contracts and priorities have no page of their own: the overview shows them.
 */
export async function publicUrls(db: DB): Promise<{ path: string; lastmod: Date | null }[]> {
  const actions = await q.listActionSlugs(db);
  const newest = actions.reduce<Date | null>((d, a) => (d === null || a.updated_at > d ? a.updated_at : d), null);
  return [
    { path: "/politique-de-la-ville", lastmod: null },
    { path: "/politique-de-la-ville/adresse", lastmod: null },
    { path: "/politique-de-la-ville/actions", lastmod: newest },
    ...actions.map((a) => ({ path: `/politique-de-la-ville/actions/${a.slug}`, lastmod: a.updated_at })),
  ];
}
