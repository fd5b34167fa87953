// How progress rolls up from actions to priorities and to the whole contract.
//
// Each contract chooses its rule (contracts.progress_rule):
//  - "budget": a child weighs its total funding; a parent of children without any
//    funding falls back to equal weights (otherwise it would have no progress at all);
//  - "equal": every child weighs the same.
// Abandoned (cancelled) actions are left out, by the counting rule of counting-rule.ts: they
// will never progress, and counting them as 0 % would show work as undone when it was
// deliberately dropped. The result is rounded to a whole percentage; a parent with no
// counted child has no progress (null), not 0 %.

import { countsInTotals } from "./counting-rule.js";

export type ProgressRule = "budget" | "equal";

export interface ProgressNode {
  progress: number; // 0..100
  budget: number; // total funding, in euros
  status?: string;
}

export interface RolledUp {
  progress: number | null;
  budget: number;
  counted: number;
}

export function rollUp(children: readonly ProgressNode[], rule: ProgressRule): RolledUp {
  const counted = children.filter((c) => c.status === undefined || countsInTotals(c.status));
  const budget = counted.reduce((sum, c) => sum + Math.max(0, c.budget), 0);
  if (counted.length === 0) return { progress: null, budget: 0, counted: 0 };
  const byBudget = rule === "budget" && budget > 0;
  let weighted = 0;
  let weights = 0;
  for (const c of counted) {
    const weight = byBudget ? Math.max(0, c.budget) : 1;
    weighted += clamp(c.progress) * weight;
    weights += weight;
  }
  return { progress: weights > 0 ? Math.round(weighted / weights) : null, budget, counted: counted.length };
}

function clamp(p: number): number {
  return Number.isFinite(p) ? Math.min(100, Math.max(0, p)) : 0;
}
