// View models of the Politique de la Ville back office: what each page shows, mapped from
// what the use cases load (rows of admin/queries.ts). Views import only these types, so a
// column added to a query reaches a page only once it is named here.
import type {
  ActionFormData,
  getContract,
  getIndicator,
  getObjective,
  getOrganisation,
  getPriority,
  listActions,
  listContracts,
  listIndicators,
  listOrganisations,
  overview,
} from "./service.js";

type Loaded<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

// ---- Shared choices
export interface PriorityChoice {
  id: number;
  title: string;
  contractName: string;
}

export interface PlaceChoice {
  id: number;
  name: string;
  kind: string;
  code: string | null;
}

const priorityChoice = (p: { id: number; title: string; contract_name: string }): PriorityChoice => ({
  id: p.id,
  title: p.title,
  contractName: p.contract_name,
});
const placeChoice = (p: PlaceChoice): PlaceChoice => ({ id: p.id, name: p.name, kind: p.kind, code: p.code });

// ---- Overview
export interface OverviewModel {
  counts: { contracts: number; priorities: number; objectives: number; actions: number; cancelledActions: number; organisations: number; indicators: number };
  late: Array<{ id: number; title: string; milestone: string; dueDate: string }>;
  delayed: Array<{ id: number; title: string; progress: number }>;
  unfunded: Array<{ id: number; title: string }>;
}

export function presentOverview(data: Loaded<typeof overview>): OverviewModel {
  const c = data.counts;
  return {
    counts: {
      contracts: c.contracts,
      priorities: c.priorities,
      objectives: c.objectives,
      actions: c.actions,
      cancelledActions: c.cancelled_actions,
      organisations: c.organisations,
      indicators: c.indicators,
    },
    late: data.attention.late.map((l) => ({ id: l.id, title: l.title, milestone: l.milestone, dueDate: l.due_date })),
    delayed: data.attention.delayed.map((l) => ({ id: l.id, title: l.title, progress: l.progress })),
    unfunded: data.attention.unfunded.map((l) => ({ id: l.id, title: l.title })),
  };
}

// ---- Contracts
export interface ContractLine {
  id: number;
  name: string;
  periodStart: number;
  periodEnd: number;
  generation: string;
  priorityCount: number;
  progressRule: string;
}

export function presentContracts(rows: Loaded<typeof listContracts>): ContractLine[] {
  return rows.map((c) => ({
    id: c.id,
    name: c.name,
    periodStart: c.period_start,
    periodEnd: c.period_end,
    generation: c.generation,
    priorityCount: c.priority_count,
    progressRule: c.progress_rule,
  }));
}

export interface ContractPage {
  contract: { id: number; name: string };
  priorities: Array<{ id: number; title: string; objectiveCount: number; actionCount: number; continuesTitle: string | null }>;
}

export function presentContract(data: Loaded<typeof getContract>): ContractPage {
  return {
    contract: { id: data.contract.id, name: data.contract.name },
    priorities: data.priorities.map((p) => ({
      id: p.id,
      title: p.title,
      objectiveCount: p.objective_count,
      actionCount: p.action_count,
      continuesTitle: p.continues_title,
    })),
  };
}

/** The form's values for a stored contract. */
export function contractValues(c: Loaded<typeof getContract>["contract"]): Record<string, string> {
  return {
    name: c.name,
    slug: c.slug,
    generation: c.generation,
    period_start: String(c.period_start),
    period_end: String(c.period_end),
    territory: c.territory,
    description: c.description,
    progress_rule: c.progress_rule,
    position: String(c.position),
  };
}

// ---- Priorities and objectives
export interface PriorityPage {
  priority: { id: number; title: string };
  objectives: Array<{ id: number; title: string; actionCount: number }>;
}

export function presentPriority(data: Loaded<typeof getPriority>): PriorityPage {
  return {
    priority: { id: data.priority.id, title: data.priority.title },
    objectives: data.objectives.map((o) => ({ id: o.id, title: o.title, actionCount: o.action_count })),
  };
}

export function presentPriorityChoices(rows: Loaded<typeof getPriority>["others"]): PriorityChoice[] {
  return rows.map(priorityChoice);
}

export function priorityValues(p: Loaded<typeof getPriority>["priority"]): Record<string, string> {
  return {
    title: p.title,
    slug: p.slug,
    description: p.description,
    continues_priority_id: p.continues_priority_id === null ? "" : String(p.continues_priority_id),
  };
}

export interface ObjectivePage {
  id: number;
  title: string;
  priorityId: number;
  priorityTitle: string;
}

export function presentObjective(o: Loaded<typeof getObjective>): ObjectivePage {
  return { id: o.id, title: o.title, priorityId: o.priority_id, priorityTitle: o.priority_title };
}

// ---- Organisations
export interface OrganisationLine {
  id: number;
  name: string;
  kind: string;
  website: string | null;
  useCount: number;
}

export function presentOrganisations(rows: Loaded<typeof listOrganisations>): OrganisationLine[] {
  return rows.map((o) => ({ id: o.id, name: o.name, kind: o.kind, website: o.website, useCount: o.use_count }));
}

export interface OrganisationPage {
  organisation: { id: number; name: string };
  use: { lead: number; partner: number };
}

export function presentOrganisation(data: Loaded<typeof getOrganisation>): OrganisationPage {
  return { organisation: { id: data.organisation.id, name: data.organisation.name }, use: { lead: data.use.lead, partner: data.use.partner } };
}

export function organisationValues(o: Loaded<typeof getOrganisation>["organisation"]): Record<string, string> {
  return { name: o.name, slug: o.slug, kind: o.kind, website: o.website ?? "", description: o.description };
}

// ---- Indicators
const number = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 4 });
/** "43,5" with French separators (a no-break space between thousands). */
export const formatIndicatorValue = (v: string | number) => number.format(Number(v)).replace(/\u202f/g, "\u00a0");

export interface IndicatorLine {
  id: number;
  label: string;
  territoryKind: string;
  territoryCode: string;
  territoryName: string;
  year: number;
  value: string;
  unit: string;
  source: string;
}

export interface IndicatorList {
  rows: IndicatorLine[];
  total: number;
  page: number;
  pageCount: number;
  metrics: Array<{ metric: string; label: string }>;
  years: number[];
}

export function presentIndicators(data: Loaded<typeof listIndicators>): IndicatorList {
  return {
    rows: data.rows.map((r) => ({
      id: r.id,
      label: r.label,
      territoryKind: r.territory_kind,
      territoryCode: r.territory_code,
      territoryName: r.territory_name,
      year: r.year,
      value: r.value,
      unit: r.unit,
      source: r.source,
    })),
    total: data.total,
    page: data.page,
    pageCount: data.pageCount,
    metrics: data.options.metrics.map((m) => ({ metric: m.metric, label: m.label })),
    years: data.options.years,
  };
}

export interface IndicatorHeader {
  id: number;
  /** "Taux de pauvreté, Fives, 2021" */
  label: string;
}

export function presentIndicator(i: Loaded<typeof getIndicator>): IndicatorHeader {
  return { id: i.id, label: `${i.label}, ${i.territory_name}, ${i.year}` };
}

export function indicatorValues(i: Loaded<typeof getIndicator>): Record<string, string> {
  return {
    metric: i.metric,
    label: i.label,
    territory_kind: i.territory_kind,
    territory_code: i.territory_code,
    territory_name: i.territory_name,
    year: String(i.year),
    value: formatIndicatorValue(i.value).replace(/\u00a0/g, " "),
    unit: i.unit,
    source: i.source,
  };
}

// ---- Actions
export interface ActionLine {
  id: number;
  title: string;
  isExample: boolean;
  priorityTitle: string;
  contractName: string;
  status: string;
  progress: number;
  /** Sum of the funding lines, as SQL gives it ("0" when none). */
  budget: string;
}

export interface ActionList {
  rows: ActionLine[];
  total: number;
  cancelled: number;
  page: number;
  pageCount: number;
  contracts: Array<{ id: number; name: string }>;
  priorities: PriorityChoice[];
  places: PlaceChoice[];
}

export function presentActions(data: Loaded<typeof listActions>): ActionList {
  return {
    rows: data.rows.map((r) => ({
      id: r.id,
      title: r.title,
      isExample: r.is_example,
      priorityTitle: r.priority_title,
      contractName: r.contract_name,
      status: r.status,
      progress: r.progress,
      budget: r.budget,
    })),
    total: data.total,
    cancelled: data.cancelled,
    page: data.page,
    pageCount: data.pageCount,
    contracts: data.contracts.map((c) => ({ id: c.id, name: c.name })),
    priorities: data.priorities.map(priorityChoice),
    places: data.places.map(placeChoice),
  };
}

export interface ActionHeader {
  id: number;
  slug: string;
  title: string;
}

export function presentActionHeader(a: { id: number; slug: string; title: string } | null): ActionHeader | null {
  return a ? { id: a.id, slug: a.slug, title: a.title } : null;
}

export interface ActionFormOptions {
  priorities: PriorityChoice[];
  objectives: Array<{ id: number; title: string; priorityTitle: string }>;
  organisations: Array<{ id: number; name: string }>;
  places: PlaceChoice[];
  articles: Array<{ id: number; title: string; publishedAt: Date | null }>;
  articleSearch: string;
}

export function presentActionForm(o: ActionFormData): ActionFormOptions {
  return {
    priorities: o.priorities.map(priorityChoice),
    objectives: o.objectives.map((x) => ({ id: x.id, title: x.title, priorityTitle: x.priority_title })),
    organisations: o.organisations.map((x) => ({ id: x.id, name: x.name })),
    places: o.places.map(placeChoice),
    articles: o.articles.map((a) => ({ id: a.id, title: a.title, publishedAt: a.published_at })),
    articleSearch: o.articleSearch,
  };
}
