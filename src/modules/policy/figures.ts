// The figures every page, file and API response publishes about a set of actions, under the
// counting rule of counting-rule.ts (abandoned actions listed and counted apart, in no amount
// and no progress). Pure functions: the services load the actions, these do the sums, so the
// headline, the priority cards, the funder table, the neighbourhood pages and the API's contract
// totals cannot drift apart again.
import { countsInTotals } from "./counting-rule.js";
import { rollUp, type ProgressRule } from "./rollup.js";

export { countsInTotals, notCountedSql, NOT_COUNTED_STATUSES } from "./counting-rule.js";

export interface FundedAction {
  status: string;
  progress: number;
  /** Funding lines, or their sums per funder; amounts as SQL numeric strings or numbers. */
  funding: ReadonlyArray<{ funder: string; amount: string | number }>;
}

export interface Figures {
  /** Every action listed, abandoned ones included. */
  actions: number;
  /** Of which abandoned: shown apart, in no total. */
  cancelled: number;
  /** Euros of the counted actions' funding lines. */
  budget: number;
  /** The same euros per funder, largest first (the funder table). */
  funding: Array<{ funder: string; total: number }>;
}

/** Euros to whole cents: sums of many lines stay exact (0.1 + 0.2 is not 0.3 in floats). */
const cents = (amount: string | number) => Math.round(Number(amount) * 100);

/** Counts and amounts of a set of actions under the rule above. */
export function figures(actions: readonly FundedAction[]): Figures {
  const byFunder = new Map<string, number>();
  let budget = 0;
  let cancelled = 0;
  for (const a of actions) {
    if (!countsInTotals(a.status)) {
      cancelled++;
      continue;
    }
    for (const f of a.funding) {
      const c = cents(f.amount);
      budget += c;
      byFunder.set(f.funder, (byFunder.get(f.funder) ?? 0) + c);
    }
  }
  const funding = [...byFunder]
    .map(([funder, total]) => ({ funder, total: total / 100 }))
    .sort((x, y) => y.total - x.total || x.funder.localeCompare(y.funder));
  return { actions: actions.length, cancelled, budget: budget / 100, funding };
}

/** An action's own budget (every line, whatever its status): the weight of the budget roll-up. */
export function actionBudget(a: Pick<FundedAction, "funding">): number {
  return a.funding.reduce((s, f) => s + cents(f.amount), 0) / 100;
}

export interface PriorityFigures<P> extends Figures {
  priority: P;
  progress: number | null;
}

export interface ContractFigures<P> extends Figures {
  progress: number | null;
  priorities: Array<PriorityFigures<P>>;
}

/**
 * A contract's figures from its priorities and their actions: per priority (the cards), and for
 * the whole contract (the headline and the funder table), both from the same actions so that
 * they always agree. Progress rolls up actions -> priorities -> contract (rollup.ts).
 */
export function contractFigures<P>(rule: ProgressRule, priorities: ReadonlyArray<{ priority: P; actions: readonly FundedAction[] }>): ContractFigures<P> {
  const ps = priorities.map(({ priority, actions }) => {
    const r = rollUp(
      actions.map((a) => ({ progress: a.progress, budget: actionBudget(a), status: a.status })),
      rule,
    );
    return { priority, progress: r.progress, ...figures(actions) };
  });
  const overall = rollUp(
    ps.filter((p) => p.progress !== null).map((p) => ({ progress: p.progress ?? 0, budget: p.budget })),
    rule,
  );
  return { ...figures(priorities.flatMap((p) => p.actions)), progress: overall.progress, priorities: ps };
}
