// SQL of the action and indicator imports, always given the import's transaction
// (common.ts inTransaction). Perimeters are written by the places module (places/index.ts).
import { sql, type Insertable } from "kysely";
import type { IndicatorsTable } from "../../../core/db/schema.js";
import type { FundingInput, MilestoneInput } from "./action-rows.js";
import type { Trx } from "./common.js";

type IndicatorValues = Insertable<IndicatorsTable>;

// ---- Actions

/** What an action row refers to by slug or title: contracts, priorities, objectives, organisations. */
export async function actionReferences(trx: Trx) {
  const [contracts, priorities, objectives, organisations] = await Promise.all([
    trx.selectFrom("contracts").select(["id", "slug"]).execute(),
    trx.selectFrom("priorities").select(["id", "slug", "contract_id"]).execute(),
    trx.selectFrom("objectives").select(["id", "title", "priority_id"]).orderBy("position").execute(),
    trx.selectFrom("organisations").select(["id", "slug"]).execute(),
  ]);
  return { contracts, priorities, objectives, organisations };
}

/** The actions with these slugs and their child rows, as stored. */
export async function actionsBySlug(trx: Trx, slugs: string[]) {
  // Dates as text: pg and PGlite would otherwise build Date objects at local midnight.
  const actions = await trx
    .selectFrom("actions")
    .select(["id", "slug", "title", "priority_id", "objective_id", "summary", "status", "progress", "lead_organisation_id", "is_example"])
    .select([sql<string | null>`start_date::text`.as("start_date"), sql<string | null>`end_date::text`.as("end_date")])
    .where("slug", "in", slugs)
    .execute();
  if (actions.length === 0) return { actions, funding: [], milestones: [], partners: [], places: [] };
  const ids = actions.map((a) => a.id);
  const [funding, milestones, partners, places] = await Promise.all([
    trx.selectFrom("funding_lines").select(["action_id", "funder", "amount", "year", "label"]).where("action_id", "in", ids).orderBy("id").execute(),
    trx
      .selectFrom("milestones")
      .select(["action_id", "title", "done", sql<string>`due_date::text`.as("due_date")])
      .where("action_id", "in", ids)
      .orderBy("position")
      .orderBy("id")
      .execute(),
    trx.selectFrom("action_partners").select(["action_id", "organisation_id"]).where("action_id", "in", ids).execute(),
    trx.selectFrom("action_neighbourhoods").select(["action_id", "neighbourhood_id"]).where("action_id", "in", ids).execute(),
  ]);
  return { actions, funding, milestones, partners, places };
}

export interface ImportedActionFields {
  title: string;
  priority_id: number;
  objective_id: number | null;
  summary: string;
  status: string;
  progress: number;
  start_date: string | null;
  end_date: string | null;
  lead_organisation_id: number | null;
  is_example: boolean;
}

export async function insertImportedAction(trx: Trx, slug: string, fields: ImportedActionFields, now: Date): Promise<number> {
  const row = await trx
    .insertInto("actions")
    .values({ slug, ...fields, created_at: now, updated_at: now })
    .returning(["id"])
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Replaces the columns and drops the child rows (the import writes them again). */
export async function updateImportedAction(trx: Trx, id: number, fields: ImportedActionFields, now: Date): Promise<void> {
  await trx
    .updateTable("actions")
    .set({ ...fields, updated_at: now })
    .where("id", "=", id)
    .execute();
  for (const table of ["funding_lines", "milestones", "action_partners", "action_neighbourhoods"] as const) {
    await trx.deleteFrom(table).where("action_id", "=", id).execute();
  }
}

export async function insertActionChildren(
  trx: Trx,
  actionId: number,
  children: { funding: FundingInput[]; milestones: MilestoneInput[]; partnerIds: number[]; placeIds: number[] },
): Promise<void> {
  const { funding, milestones, partnerIds, placeIds } = children;
  if (funding.length > 0) {
    await trx
      .insertInto("funding_lines")
      .values(funding.map((f) => ({ action_id: actionId, funder: f.funder, amount: f.amount, year: f.year, label: f.label })))
      .execute();
  }
  if (milestones.length > 0) {
    await trx
      .insertInto("milestones")
      .values(milestones.map((m, position) => ({ action_id: actionId, due_date: m.due_date, title: m.title, done: m.done, position })))
      .execute();
  }
  if (partnerIds.length > 0) {
    await trx
      .insertInto("action_partners")
      .values(partnerIds.map((organisation_id) => ({ action_id: actionId, organisation_id })))
      .execute();
  }
  if (placeIds.length > 0) {
    await trx
      .insertInto("action_neighbourhoods")
      .values(placeIds.map((neighbourhood_id) => ({ action_id: actionId, neighbourhood_id })))
      .execute();
  }
}

// ---- Indicators

export async function allIndicators(trx: Trx) {
  return trx
    .selectFrom("indicators")
    .select(["id", "metric", "label", "territory_kind", "territory_code", "territory_name", "year", "value", "unit", "source"])
    .execute();
}

export async function insertIndicator(trx: Trx, values: IndicatorValues): Promise<void> {
  await trx.insertInto("indicators").values(values).execute();
}

export async function updateIndicator(trx: Trx, id: number, values: IndicatorValues): Promise<void> {
  await trx.updateTable("indicators").set(values).where("id", "=", id).execute();
}
