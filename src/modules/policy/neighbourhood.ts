// What the Politique de la Ville adds to a neighbourhood's page: its perimeter, the
// actions there, and its indicators next to the commune's and the métropole's.
import type { DB } from "../../core/db/create-db.js";
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
  const row = await db.selectFrom("neighbourhoods").select(["geometry", "commune_codes"]).where("id", "=", n.id).executeTakeFirst();
  // The list shows at most 30 actions; the figures count every action there (figures.ts).
  const [actions, funded] = await Promise.all([q.actionsInNeighbourhood(db, n.id, 30), q.listFundedActions(db, { neighbourhoodId: n.id })]);
  // Indicators are keyed by QPV code for QPV, by slug for quartiers.
  const local = await q.indicatorsFor(db, n.kind === "qpv" ? "qpv" : "quartier", n.kind === "qpv" ? (n.code ?? "") : n.slug);
  const latest = new Map<string, (typeof local)[number]>();
  for (const i of local) if (!latest.has(i.metric)) latest.set(i.metric, i);
  const wanted = [...latest.values()];
  // One query for every metric: the same year's value for the neighbourhood's own
  // commune(s) (not every commune that has one) and for the métropole.
  const communes = row?.commune_codes ?? [];
  const others =
    wanted.length === 0
      ? []
      : await db
          .selectFrom("indicators")
          .select(["metric", "year", "territory_kind", "territory_name", "value"])
          .where((eb) => eb.or(wanted.map((i) => eb.and([eb("metric", "=", i.metric), eb("year", "=", i.year)]))))
          .where((eb) =>
            eb.or([
              eb("territory_kind", "=", "metropole"),
              // without known commune codes (older imports), every commune of the table
              communes.length > 0 ? eb.and([eb("territory_kind", "=", "commune"), eb("territory_code", "in", communes)]) : eb("territory_kind", "=", "commune"),
            ]),
          )
          .orderBy("territory_kind")
          .orderBy("territory_name")
          .execute();
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
