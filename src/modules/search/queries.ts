// SQL of the site search: the index (search_documents) and the word dictionary (search_words),
// both written only by the triggers of this module's migration. Every value a visitor typed
// is a bound parameter; the tsquery is built by PostgreSQL's own parsers (plainto_tsquery,
// phraseto_tsquery), never by string concatenation, so tsquery syntax in a query is just text.
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Database } from "../../core/db/schema.js";
import type { Term } from "./query.js";
import "./schema.js";

type Db = Kysely<Database>;

/** Accent-folding French configuration created by the migration. */
const CONFIG = sql`'public.fr_search'::regconfig`;
/** ts_rank weights {D, C, B, A}: one title hit outranks any number of teaser hits, and so on. */
const WEIGHTS = sql`'{0, 0.05, 0.3, 1}'::float4[]`;
/** Excerpt markers: control characters, which search_plain_text removes from the indexed text. */
export const MARK_START = "\u0001";
export const MARK_END = "\u0002";
const EXCERPT_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=32, MinWords=14, MaxFragments=2, FragmentDelimiter=" … "`;

function termQuery(term: Term): RawBuilder<unknown> {
  if (term.phrase) return sql`phraseto_tsquery(${CONFIG}, ${term.text})`;
  const parts = term.variants.map((v) => sql`plainto_tsquery(${CONFIG}, ${v})`);
  return sql`(${sql.join(parts, sql` || `)})`;
}

export interface CompiledQuery {
  /** The tsquery of the words that must be found ('' when none has a lexeme: stop words only). */
  positive: string;
  /** The whole tsquery, exclusions included, as text (PostgreSQL's canonical, quoted form). */
  full: string;
  /** Any of the wanted terms: what excerpts mark (a passage holding one of the words is marked too). */
  highlight: string;
}

/** Turns the terms into one tsquery (canonical text, reused as a parameter by the other queries). */
export async function compileQuery(db: Db, terms: Term[]): Promise<CompiledQuery> {
  const wanted = terms.filter((t) => !t.excluded).map(termQuery);
  const unwanted = terms.filter((t) => t.excluded).map((t) => sql`!! ${termQuery(t)}`);
  if (wanted.length === 0) return { positive: "", full: "", highlight: "" };
  const positive = sql`(${sql.join(wanted, sql` && `)})`;
  const full = unwanted.length ? sql`(${positive} && ${sql.join(unwanted, sql` && `)})` : positive;
  const any = sql`(${sql.join(wanted, sql` || `)})`;
  const row = await sql<CompiledQuery>`select ${positive}::text as positive, ${full}::text as full, ${any}::text as highlight`.execute(db);
  return row.rows[0] ?? { positive: "", full: "", highlight: "" };
}

export interface Filters {
  /** Document kinds to return; null: all. */
  kinds: string[] | null;
  themeId: number | null;
  /** Every one of these neighbourhoods (a quartier and a QPV may both be chosen). */
  neighbourhoodIds: number[];
  /** YYYY-MM-DD, inclusive. */
  from: string | null;
  to: string | null;
  /** An action status (planned, in_progress, ...). */
  status: string | null;
  /** The request's clock: only documents public at this instant are returned. */
  now: Date;
}

function conditions(f: Filters, tsQuery: string | null, withKinds: boolean): RawBuilder<boolean> {
  const where: RawBuilder<unknown>[] = [sql`d.published_at <= ${f.now}`];
  if (tsQuery !== null) where.push(sql`d.document @@ ${tsQuery}::tsquery`);
  if (withKinds && f.kinds) where.push(sql`d.kind = any(${f.kinds}::text[])`);
  if (f.themeId !== null) where.push(sql`d.theme_ids @> array[${f.themeId}]::integer[]`);
  if (f.neighbourhoodIds.length) where.push(sql`d.neighbourhood_ids @> ${f.neighbourhoodIds}::integer[]`);
  if (f.from) where.push(sql`d.dated_on >= ${f.from}::date`);
  if (f.to) where.push(sql`d.dated_on <= ${f.to}::date`);
  if (f.status) where.push(sql`d.status = ${f.status}`);
  return sql<boolean>`${sql.join(where, sql` and `)}`;
}

export interface HitRow {
  kind: string;
  source_id: number;
  path: string;
  title: string;
  /** One or two passages of teaser and body around the words found, marked the same way. */
  excerpt: string;
  dated_on: string | null;
  status: string | null;
  theme_ids: number[];
  neighbourhood_ids: number[];
}

/**
 * One page of results, best first: rank (title > teaser > body), then the most recent. The
 * ranked set is bounded (decision 0015, "Large result sets"): the `candidates` newest matches
 * and, when `withTitles` (the query matched more than that), the `candidates` newest matches
 * with a searched word in their title, each read in date order. When a query matches fewer
 * documents than `candidates`, the newest matches are every match, and so are ranked.
 *
 * `among`: every match, when the caller knows them (countByKind under the cap): read by key.
 * Ranks are computed for the candidates only, and excerpts (ts_headline) for the page only.
 */
export async function findHits(
  db: Db,
  query: CompiledQuery,
  f: Filters,
  limit: number,
  offset: number,
  candidates: number,
  withTitles: boolean,
  among: { kinds: string[]; ids: number[] } | null = null,
): Promise<HitRow[]> {
  const tsQuery = query.full;
  const order = sql`order by d.dated_on desc nulls last, d.kind, d.source_id desc`;
  // With one wanted term and no exclusion, a title match is a match (the document holds the
  // title's lexemes at the same positions), so the title window is read from the date-ordered
  // index alone (it includes published_at and title_vector) without touching the table. With
  // more terms the whole query is checked on the row; written so that it is not an index
  // condition, as a bitmap of every document match (tens of thousands of rows for common
  // words) costs more than checking the title matches.
  const titleImpliesMatch = query.full === query.highlight;
  const titled = withTitles
    ? sql`
      titled as (
        select d.kind, d.source_id, d.dated_on from search_documents d
        where ${conditions(f, null, true)} and d.title_vector @@ ${query.highlight}::tsquery
          ${titleImpliesMatch ? sql`` : sql`and coalesce(d.document @@ ${tsQuery}::tsquery, false)`}
        ${order} limit ${candidates}
      ),
      titled_ranked as (
        select t.kind, t.source_id, t.dated_on, ts_rank(${WEIGHTS}, d.document, ${tsQuery}::tsquery) as rank
        from titled t join search_documents d on d.kind = t.kind and d.source_id = t.source_id
        where not exists (select 1 from newest n where n.kind = t.kind and n.source_id = t.source_id)
      ),`
    : sql``;
  const result = await sql<HitRow>`
    with newest as (
      select d.kind, d.source_id, d.dated_on, ts_rank(${WEIGHTS}, d.document, ${tsQuery}::tsquery) as rank
      from ${among ? sql`unnest(${among.kinds}::text[], ${among.ids}::integer[]) as k(kind, source_id) join search_documents d on d.kind = k.kind and d.source_id = k.source_id` : sql`search_documents d`}
      where ${conditions(f, tsQuery, true)}
      ${order} limit ${candidates}
    ),${titled} page as (
      select kind, source_id, rank, dated_on
      from (select * from newest ${withTitles ? sql`union all select * from titled_ranked` : sql``}) ranked
      order by rank desc, dated_on desc nulls last, kind, source_id desc
      limit ${limit} offset ${offset}
    )
    select d.kind, d.source_id, d.path, d.title, d.dated_on::text as dated_on, d.status, d.theme_ids, d.neighbourhood_ids,
      ts_headline(${CONFIG}, concat_ws(' ', nullif(d.teaser, ''), nullif(d.body, '')), ${query.highlight}::tsquery, ${EXCERPT_OPTIONS}) as excerpt
    from page p join search_documents d on d.kind = p.kind and d.source_id = p.source_id
    order by p.rank desc, p.dated_on desc nulls last, d.kind, d.source_id desc`.execute(db);
  return result.rows;
}

/**
 * How many documents match, per kind, with every filter but the kind, counting at most `cap`
 * (+1, to know the cap was passed): beyond it the page says "plus de …" and counts no further.
 * Under the cap, the ids of the matches too (`ids`, per kind): they are every match, so the
 * page is ranked among them by key (findHits' `among`) instead of searching the index again,
 * which for a phrase of common words meant checking the positions of most documents twice.
 */
export async function countByKind(
  db: Db,
  tsQuery: string,
  f: Filters,
  cap: number,
): Promise<{ counts: Map<string, number>; capped: boolean; ids: Map<string, number[]> | null }> {
  const result = await sql<{ kind: string; n: number; ids: number[] | null }>`
    with m as (select d.kind, d.source_id from search_documents d where ${conditions(f, tsQuery, true)} limit ${cap + 1})
    select m.kind, count(*)::integer as n,
      case when (select count(*) from m) <= ${cap} then array_agg(m.source_id) end as ids
    from m group by m.kind`.execute(db);
  const counts = new Map(result.rows.map((r) => [r.kind, Number(r.n)]));
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const capped = total > cap;
  const ids = capped ? null : new Map(result.rows.map((r) => [r.kind, (r.ids ?? []).map(Number)]));
  return { counts, capped, ids };
}

/** Whether a query finds anything public (checks a suggestion before offering it). */
export async function anyMatch(db: Db, tsQuery: string, f: Filters): Promise<boolean> {
  const result = await sql<{ found: boolean }>`
    select exists (select 1 from search_documents d where ${conditions(f, tsQuery, true)}) as found`.execute(db);
  return result.rows[0]?.found === true;
}

export interface WordRow {
  word: string;
  display: string;
}

/** The dictionary word closest to a folded word by trigram similarity, if one is close enough. */
export async function closestWord(db: Db, folded: string): Promise<WordRow | undefined> {
  const result = await sql<WordRow>`
    select word, display from search_words
    where word % ${folded}
    order by similarity(word, ${folded}) desc, word
    limit 1`.execute(db);
  return result.rows[0];
}

export interface TitleRow {
  kind: string;
  source_id: number;
  path: string;
  title: string;
  teaser: string;
  dated_on: string | null;
  status: string | null;
}

/**
 * The next instant a document of the index becomes public after `now` (an item published with
 * a date still to come), or null: results computed at `now` stay right until then.
 */
export async function nextPublicationAfter(db: Db, now: Date): Promise<Date | null> {
  const result = await sql<{ at: Date | string | null }>`
    select min(published_at) as at from search_documents where published_at > ${now}`.execute(db);
  const at = result.rows[0]?.at;
  return at ? new Date(at) : null;
}

/** Public documents whose title contains a word like the query (trigram word similarity): typos. */
export async function similarTitles(db: Db, folded: string, f: Filters, limit: number): Promise<TitleRow[]> {
  const result = await sql<TitleRow>`
    select d.kind, d.source_id, d.path, d.title, d.teaser, d.dated_on::text as dated_on, d.status
    from search_documents d
    where ${folded} <% d.title_folded and ${conditions(f, null, true)}
    order by word_similarity(${folded}, d.title_folded) desc, d.dated_on desc nulls last, d.source_id desc
    limit ${limit}`.execute(db);
  return result.rows;
}
