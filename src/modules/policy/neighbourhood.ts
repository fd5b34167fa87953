// What the Politique de la Ville adds to a neighbourhood's page: its perimeter, the
// actions there, and its indicators next to the commune's and the métropole's.
import type { DB } from "../../core/db/create-db.js";
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
  const row = await db.selectFrom("neighbourhoods").select(["geometry", "commune_codes"]).where("id", "=", n.id).executeTakeFirst();
  const actions = await q.actionsInNeighbourhood(db, n.id, 30);
  // Indicators are keyed by QPV code for QPV, by slug for quartiers.
  const local = await q.indicatorsFor(db, n.kind === "qpv" ? "qpv" : "quartier", n.kind === "qpv" ? (n.code ?? "") : n.slug);
  const comparisons: IndicatorComparison[] = [];
  const latest = new Map<string, (typeof local)[number]>();
  for (const i of local) if (!latest.has(i.metric)) latest.set(i.metric, i);
  for (const i of latest.values()) {
    const others = await db
      .selectFrom("indicators")
      .select(["territory_kind", "territory_name", "value"])
      .where("metric", "=", i.metric)
      .where("year", "=", i.year)
      .where("territory_kind", "in", ["commune", "metropole"])
      .orderBy("territory_kind")
      .execute();
    comparisons.push({
      metric: i.metric,
      label: i.label,
      unit: i.unit,
      year: i.year,
      source: i.source,
      values: [
        { territory: i.territory_name, scope: "local", value: Number(i.value) },
        ...others.map((o) => ({ territory: o.territory_name, scope: o.territory_kind as "commune" | "metropole", value: Number(o.value) })),
      ],
    });
  }
  return { geometry: row?.geometry ?? null, actions, comparisons };
}
