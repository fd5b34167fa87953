// SQL for the open data exports and the API. Action filters and single-action details come
// from the policy module (listActions, findAction, findActionDetails); what is here adds the
// columns a flat export needs (contract, lead, partners, places, funding total) in bulk.
import { sql } from "kysely";
import type { DB } from "../../core/db/create-db.js";
import type { NeighbourhoodKind } from "../../core/db/schema.js";
import { notCountedSql } from "../policy/index.js";

export const QPV_KINDS: NeighbourhoodKind[] = ["qpv"];
// Associated communes (Hellemmes, Lomme for Lille) are listed with the quartiers, as the site does.
export const QUARTIER_KINDS: NeighbourhoodKind[] = ["quartier", "commune"];

/** Quartiers or QPV; the geometry is only read when asked for (it is the heavy column). */
export async function listPlaces(db: DB, kinds: NeighbourhoodKind[], withGeometry: boolean) {
  return db
    .selectFrom("neighbourhoods")
    .select(["slug", "name", "kind", "code", "population", "commune_codes", "geometry_source", "geometry_updated_at"])
    .select(withGeometry ? sql<unknown>`geometry`.as("geometry") : sql<unknown>`null`.as("geometry"))
    .select(sql<boolean>`geometry is not null`.as("has_geometry"))
    .where("kind", "in", kinds)
    .orderBy("position")
    .orderBy("name")
    .execute();
}

/** Actions with their flat export columns; all of them, or those ids (any order). */
export async function listActionRecords(db: DB, ids?: number[]) {
  if (ids && ids.length === 0) return { actions: [], partners: [], places: [], totals: [] };
  const all = ids === undefined;
  const list = ids ?? [];
  const [actions, partners, places, totals] = await Promise.all([
    db
      .selectFrom("actions as a")
      .innerJoin("priorities as p", "p.id", "a.priority_id")
      .innerJoin("contracts as c", "c.id", "p.contract_id")
      .leftJoin("organisations as o", "o.id", "a.lead_organisation_id")
      .select([
        "a.id",
        "a.slug",
        "a.title",
        "a.summary",
        "a.status",
        "a.progress",
        "a.start_date",
        "a.end_date",
        "a.is_example",
        "a.updated_at",
        "p.slug as priority_slug",
        "p.title as priority_title",
        "c.slug as contract_slug",
        "c.name as contract_name",
        "o.slug as lead_slug",
        "o.name as lead_name",
      ])
      .$if(!all, (q) => q.where("a.id", "in", list))
      .orderBy("c.period_start", "desc")
      .orderBy("p.position")
      .orderBy("a.slug")
      .execute(),
    db
      .selectFrom("action_partners as ap")
      .innerJoin("organisations as o", "o.id", "ap.organisation_id")
      .select(["ap.action_id", "o.slug", "o.name"])
      .$if(!all, (q) => q.where("ap.action_id", "in", list))
      .orderBy("o.name")
      .execute(),
    db
      .selectFrom("action_neighbourhoods as an")
      .innerJoin("neighbourhoods as n", "n.id", "an.neighbourhood_id")
      .select(["an.action_id", "n.slug", "n.name", "n.kind", "n.code"])
      .$if(!all, (q) => q.where("an.action_id", "in", list))
      .orderBy("n.position")
      .orderBy("n.name")
      .execute(),
    db
      .selectFrom("funding_lines")
      .select(["action_id", sql<string>`sum(amount)`.as("total")])
      .$if(!all, (q) => q.where("action_id", "in", list))
      .groupBy("action_id")
      .execute(),
  ]);
  return { actions, partners, places, totals };
}

export async function listFundingLines(db: DB) {
  return db
    .selectFrom("funding_lines as f")
    .innerJoin("actions as a", "a.id", "f.action_id")
    .select(["a.slug as action_slug", "a.title as action_title", "a.status as action_status", "f.funder", "f.year", "f.amount", "f.label"])
    .orderBy("a.slug")
    .orderBy("f.year")
    .orderBy("f.funder")
    .orderBy("f.id")
    .execute();
}

export interface IndicatorFilter {
  metric?: string;
  territoryCode?: string;
  year?: number;
  limit?: number;
  offset?: number;
}

export async function listIndicators(db: DB, f: IndicatorFilter) {
  let base = db.selectFrom("indicators");
  if (f.metric) base = base.where("metric", "=", f.metric);
  if (f.territoryCode) base = base.where("territory_code", "=", f.territoryCode);
  if (f.year !== undefined) base = base.where("year", "=", f.year);
  let rows = base
    .select(["metric", "label", "territory_kind", "territory_code", "territory_name", "year", "value", "unit", "source"])
    .orderBy("metric")
    .orderBy("territory_kind")
    .orderBy("territory_code")
    .orderBy("year");
  if (f.limit !== undefined) rows = rows.limit(f.limit).offset(f.offset ?? 0);
  const [list, count] = await Promise.all([rows.execute(), base.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow()]);
  return { rows: list, total: Number(count.n) };
}

/** True when some action is marked as an example (demo data): the catalogue says so. */
export async function hasExampleActions(db: DB): Promise<boolean> {
  const rows = await db.selectFrom("actions").select("id").where("is_example", "=", true).limit(1).execute();
  return rows.length > 0;
}

/** Row counts and last-change dates shown on /donnees. */
export async function datasetStats(db: DB) {
  const places = (kinds: NeighbourhoodKind[]) =>
    db
      .selectFrom("neighbourhoods")
      .select([sql<number>`count(*)::int`.as("n"), sql<Date | null>`max(geometry_updated_at)`.as("updated")])
      .where("kind", "in", kinds)
      .executeTakeFirstOrThrow();
  const [qpv, quartiers, actions, funding, indicators] = await Promise.all([
    places(QPV_KINDS),
    places(QUARTIER_KINDS),
    db
      .selectFrom("actions as a")
      .select([
        sql<number>`count(*)::int`.as("n"),
        sql<number>`count(*) filter (where ${notCountedSql("a.status")})::int`.as("cancelled"),
        sql<Date | null>`max(a.updated_at)`.as("updated"),
      ])
      .executeTakeFirstOrThrow(),
    db.selectFrom("funding_lines").select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
    db.selectFrom("indicators").select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
  ]);
  return { qpv, quartiers, actions, fundingLines: Number(funding.n), indicators: Number(indicators.n) };
}

/** Perimeters of places by slug (the action GeoJSON places its actions with them). */
export async function perimetersBySlug(db: DB, slugs: string[]) {
  if (slugs.length === 0) return [];
  return db
    .selectFrom("neighbourhoods")
    .select(["slug", sql<unknown>`geometry`.as("geometry")])
    .where("slug", "in", slugs)
    .where("geometry", "is not", null)
    .execute();
}

/**
 * Places an indicator territory code may name: a QPV or commune by its code, a quartier by its
 * slug (the back office asks for "code QPV, identifiant du quartier ou code INSEE").
 */
export async function placesForTerritories(db: DB, codes: string[]) {
  if (codes.length === 0) return [];
  return db
    .selectFrom("neighbourhoods")
    .select(["slug", "code", "kind", sql<unknown>`geometry`.as("geometry")])
    .where((eb) => eb.or([eb("code", "in", codes), eb("slug", "in", codes)]))
    .orderBy("position")
    .execute();
}
