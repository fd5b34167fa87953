// The site search use case: read the query and the filters, search the index, and when nothing
// is found, look for a better spelling ("Essayez avec : ...") and for titles that look alike.
import type { Kysely } from "kysely";
import { NotFoundError } from "../../core/errors.js";
import type { Database } from "../../core/db/schema.js";
import { type CacheGeneration, placesSnapshot } from "../places/index.js";
import { STATUSES } from "../policy/index.js";
import { cachedResults } from "./cache.js";
import * as q from "./queries.js";
import { cleanQuery, fold, isStopWord, parseQuery, rewriteQuery, type Term } from "./query.js";

export interface SearchDeps {
  db: Kysely<Database>;
  now: () => Date;
  /** Matches counted and ranked at most (MAX_RESULTS; tests lower it). */
  maxResults?: number;
  /** The app's page cache: the filter lists (themes, quartiers) come from memory until it is invalidated. */
  pageCache?: CacheGeneration;
}

export const PAGE_SIZE = 10;
/**
 * Beyond this many matches a query is "plus de 1 000 résultats": counting stops there, and the
 * ranking reads the newest matches and the newest title matches only (decision 0015).
 */
export const MAX_RESULTS = 1000;
/** Past MAX_RESULTS: how many newest matches (and newest title matches) are ranked; 30 pages. */
export const RANK_WINDOW = 300;
const SIMILAR_TITLES = 5;

/** The `type` filter of the URL (French) and the kinds of the index it selects. */
export const TYPES = { actualite: "article", page: "page", action: "action", idee: "proposal" } as const;
export type TypeParam = keyof typeof TYPES;

/** The query string of /recherche, as the route's schema lets it through. */
export interface SearchParams {
  q?: string;
  type?: string;
  theme?: string;
  quartier?: string;
  qpv?: string;
  du?: string;
  au?: string;
  statut?: string;
  page?: number;
}

/** The filters actually applied (unknown values are dropped, so every link stays valid). */
export interface AppliedFilters {
  type: TypeParam | null;
  theme: { slug: string; name: string } | null;
  quartier: { slug: string; name: string } | null;
  qpv: { slug: string; name: string } | null;
  du: string | null;
  au: string | null;
  statut: string | null;
}

export interface FilterOptions {
  themes: { slug: string; name: string }[];
  quartiers: { slug: string; name: string }[];
  qpvs: { slug: string; name: string }[];
  statuses: readonly string[];
}

export type Outcome =
  | { state: "blank" }
  /** Only exclusions, or nothing that is a word. */
  | { state: "no-terms" }
  /** Only words too common to be indexed ("le", "de la"). */
  | { state: "stop-words" }
  | {
      state: "results";
      hits: q.HitRow[];
      /** Exact, or the cap plus one when `capped`. */
      total: number;
      capped: boolean;
      cap: number;
      /** Per kind, with every filter but the kind; null when there were too many to count. */
      counts: Map<string, number> | null;
      page: number;
      pageCount: number;
    }
  | { state: "none"; counts: Map<string, number>; suggestion: string | null; similar: q.TitleRow[] };

export interface SearchResult {
  query: string;
  filters: AppliedFilters;
  options: FilterOptions;
  /** Dates that were not real days ("2026-02-31"): ignored, and said so. */
  ignoredDates: string[];
  outcome: Outcome;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day in YYYY-MM-DD, or null. */
export function validDay(value: string | undefined): string | null {
  if (!value || !DAY.test(value)) return null;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value ? value : null;
}

export async function search(deps: SearchDeps, params: SearchParams): Promise<SearchResult> {
  const query = cleanQuery(params.q ?? "");
  // A filter naming a theme or quartier the lists in memory do not know (one imported since
  // they were read) reads them again: what each request did before they were kept.
  let snapshot = await placesSnapshot(deps.db, deps.pageCache);
  const unknown = (slug: string | undefined, known: ReadonlyMap<string, unknown>) => !!slug && !known.has(slug);
  if (
    unknown(params.theme, snapshot.themeBySlug) ||
    unknown(params.quartier, snapshot.neighbourhoodBySlug) ||
    unknown(params.qpv, snapshot.neighbourhoodBySlug)
  )
    snapshot = await placesSnapshot(deps.db, deps.pageCache, { reload: true });
  const { themes, neighbourhoods: places } = snapshot;
  const options: FilterOptions = {
    themes: themes.map((t) => ({ slug: t.slug, name: t.name })),
    quartiers: places.filter((p) => p.kind !== "qpv").map((p) => ({ slug: p.slug, name: p.name })),
    qpvs: places.filter((p) => p.kind === "qpv").map((p) => ({ slug: p.slug, name: p.name })),
    statuses: STATUSES,
  };

  const type = params.type && params.type in TYPES ? (params.type as TypeParam) : null;
  const theme = themes.find((t) => t.slug === params.theme) ?? null;
  const quartier = places.find((p) => p.kind !== "qpv" && p.slug === params.quartier) ?? null;
  const qpv = places.find((p) => p.kind === "qpv" && p.slug === params.qpv) ?? null;
  const statut = params.statut && (STATUSES as readonly string[]).includes(params.statut) ? params.statut : null;
  let du = validDay(params.du);
  let au = validDay(params.au);
  const ignoredDates = [params.du, params.au].filter((v): v is string => !!v && validDay(v) === null);
  if (du && au && du > au) [du, au] = [au, du];

  const filters: AppliedFilters = {
    type,
    theme: theme && { slug: theme.slug, name: theme.name },
    quartier: quartier && { slug: quartier.slug, name: quartier.name },
    qpv: qpv && { slug: qpv.slug, name: qpv.name },
    du,
    au,
    statut,
  };
  const where: q.Filters = {
    kinds: type ? [TYPES[type]] : null,
    themeId: theme?.id ?? null,
    neighbourhoodIds: [quartier?.id, qpv?.id].filter((id): id is number => id !== undefined),
    from: du,
    to: au,
    status: statut,
    now: deps.now(),
  };
  const base = { query, filters, options, ignoredDates };
  if (!query) return { ...base, outcome: { state: "blank" } };

  // Popular queries are answered from memory for up to a minute, within the page cache's
  // generation (cache.ts): the key is everything the outcome depends on but the clock.
  const page = params.page ?? 1;
  const cap = deps.maxResults ?? MAX_RESULTS;
  const { now, ...rest } = where;
  const key = JSON.stringify([query, rest, page, cap]);
  const outcome = await cachedResults(deps.db, deps.pageCache, now, key, () => findOutcome(deps, query, where, page, cap));
  return { ...base, outcome };
}

/** The outcome of a non-blank query with its filters: what the results cache keeps. */
async function findOutcome(deps: SearchDeps, query: string, where: q.Filters, page: number, cap: number): Promise<Outcome> {
  const parsed = parseQuery(query);
  if (!parsed.some((t) => !t.excluded)) return { state: "no-terms" };
  const terms = parsed.filter((t) => t.phrase || !isStopWord(t.text));
  const compiled = await q.compileQuery(deps.db, terms);
  if (!compiled.positive) return { state: "stop-words" };

  const all = await q.countByKind(deps.db, compiled.full, { ...where, kinds: null }, cap);
  const sum = (counts: Map<string, number>, kinds: string[] | null) =>
    [...counts].filter(([kind]) => kinds === null || kinds.includes(kind)).reduce((n, [, c]) => n + c, 0);
  let total = sum(all.counts, where.kinds);
  let capped = all.capped && where.kinds === null;
  let matches = all.ids;
  if (all.capped && where.kinds !== null) {
    const selected = await q.countByKind(deps.db, compiled.full, where, cap);
    total = sum(selected.counts, null);
    capped = selected.capped;
    matches = selected.ids;
  }
  if (total === 0) {
    const [suggestion, similar] = await Promise.all([suggest(deps, terms, where), similarTitles(deps, terms, where)]);
    return { state: "none", counts: all.counts, suggestion, similar };
  }
  // Up to the cap every match is ranked; past it, the newest RANK_WINDOW matches and title matches.
  const window = capped ? Math.min(cap, RANK_WINDOW) : cap;
  const pageCount = Math.ceil(Math.min(total, window) / PAGE_SIZE);
  if (page > pageCount) throw new NotFoundError();
  // Under the cap the count listed every match: the page is ranked among them by key.
  const ids = matches && [...matches].filter(([kind]) => where.kinds === null || where.kinds.includes(kind));
  const among = ids && { kinds: ids.flatMap(([kind, list]) => list.map(() => kind)), ids: ids.flatMap(([, list]) => list) };
  const hits = await q.findHits(deps.db, compiled, where, PAGE_SIZE, (page - 1) * PAGE_SIZE, window, capped, among);
  return { state: "results", hits, total, capped, cap, counts: all.capped ? null : all.counts, page, pageCount };
}

/**
 * Each searched word replaced by the closest word of the dictionary (trigram similarity on the
 * folded form); offered only when it differs and finds public results with the same filters.
 */
async function suggest(deps: SearchDeps, terms: Term[], where: q.Filters): Promise<string | null> {
  const replacements = new Map<Term, string>();
  for (const term of terms) {
    if (term.excluded || term.phrase) continue;
    const folded = fold(term.text);
    if (folded.length < 3 || folded.length > 40) continue;
    const closest = await q.closestWord(deps.db, folded);
    if (closest && closest.word !== folded) replacements.set(term, closest.display);
  }
  if (replacements.size === 0) return null;
  const suggestion = rewriteQuery(terms, (t) => replacements.get(t) ?? t.text);
  const compiled = await q.compileQuery(
    deps.db,
    parseQuery(suggestion).filter((t) => t.phrase || !isStopWord(t.text)),
  );
  if (!compiled.positive) return null;
  return (await q.anyMatch(deps.db, compiled.full, where)) ? suggestion : null;
}

/** Public titles that contain words like the query's (typos the dictionary did not fix). */
async function similarTitles(deps: SearchDeps, terms: Term[], where: q.Filters): Promise<q.TitleRow[]> {
  const words = terms
    .filter((t) => !t.excluded)
    .map((t) => fold(t.text))
    .join(" ");
  if (words.length < 3) return [];
  return q.similarTitles(deps.db, words.slice(0, 100), where, SIMILAR_TITLES);
}
