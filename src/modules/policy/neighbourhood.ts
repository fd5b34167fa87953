// What the Politique de la Ville adds to a neighbourhood's page: its perimeter, the
// actions there, and its indicators next to the commune's and the métropole's.
import type { DB } from "../../core/db/create-db.js";
import { neighbourhoodPerimeter } from "../places/index.js";
import { figures } from "./figures.js";
import * as q from "./queries.js";

export interface IndicatorComparison {
  metric: string;
  label: string;
  unit: string;
  year: number;
  source: string;
  values: Array<{ territory: string; scope: "local" | "commune" | "metropole"; value: number }>;
}

export async function neighbourhoodPolicy(db: DB, n: { id: number; slug: string; kind: string; code: string | null }) {
  const row = await neighbourhoodPerimeter(db, n.id);
  // The list shows at most 30 actions; the figures count every action there (figures.ts).
  const [actions, funded] = await Promise.all([q.actionsInNeighbourhood(db, n.id, 30), q.listFundedActions(db, { neighbourhoodId: n.id })]);
  // Indicators are keyed by QPV code for QPV, by slug for quartiers.
  const local = await q.indicatorsFor(db, n.kind === "qpv" ? "qpv" : "quartier", n.kind === "qpv" ? (n.code ?? "") : n.slug);
  const latest = new Map<string, (typeof local)[number]>();
  for (const i of local) if (!latest.has(i.metric)) latest.set(i.metric, i);
  const wanted = [...latest.values()];
  // One query for every metric: the same year's value for the neighbourhood's own
  // commune(s) (not every commune that has one) and for the métropole.
  const others = await q.comparableIndicators(db, wanted, row?.commune_codes ?? []);
  const comparisons: IndicatorComparison[] = wanted.map((i) => ({
    metric: i.metric,
    label: i.label,
    unit: i.unit,
    year: i.year,
    source: i.source,
    values: [
      { territory: i.territory_name, scope: "local" as const, value: Number(i.value) },
      ...others
        .filter((o) => o.metric === i.metric && o.year === i.year)
        .map((o) => ({ territory: o.territory_name, scope: o.territory_kind as "commune" | "metropole", value: Number(o.value) })),
    ],
  }));
  const f = figures(funded);
  return { geometry: row?.geometry ?? null, actions, figures: { actionCount: f.actions, cancelledCount: f.cancelled, budget: f.budget }, comparisons };
}
