// The one rule for abandoned (cancelled) actions. Before it, each consumer summed on its own
// and they disagreed: the overview's headline left abandoned actions' funding out, its funder
// table and the API kept it, and every action count kept the actions themselves.
//
// The rule: an abandoned action stays listed and is counted apart ("6 actions, dont 2
// abandonnées"); its funding lines enter no amount (headline, priority cards, funder table,
// neighbourhood pages, contract totals of the API) and its progress enters no roll-up. Its
// planned funding was never spent in the neighbourhoods, and counting it as 0 % done would show
// as undone what was deliberately dropped. Per-action records (files, API) keep the action's own
// funding lines and say `compte_dans_les_totaux: false`, so that a reuser who sums the counted
// rows gets the site's totals. Every figure is computed from here (figures.ts, rollup.ts, the
// SQL counts through notCountedSql): change the rule here and nowhere else.
import { sql, type Expression, type SqlBool } from "kysely";

/** Statuses whose actions are listed but enter no total. */
export const NOT_COUNTED_STATUSES: readonly string[] = ["cancelled"];

export function countsInTotals(status: string): boolean {
  return !NOT_COUNTED_STATUSES.includes(status);
}

/** The same test in SQL, on an action's status column (counts done by the database). */
export function notCountedSql(statusColumn: string): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(statusColumn)} in (${sql.join(NOT_COUNTED_STATUSES.map((s) => sql.lit(s)))})`;
}
