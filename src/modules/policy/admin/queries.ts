// SQL of the Politique de la Ville back office: lists, the rows behind the edit forms,
// and the writes (always given the service's transaction).
import { sql, type Kysely } from "kysely";
import type { Database } from "../../../core/db/schema.js";
import { findItemsByIds, searchPublishedArticles } from "../../content/index.js";
import { existingNeighbourhoodIds, neighbourhoodChoices } from "../../places/index.js";
import { notCountedSql } from "../counting-rule.js";
import type { ActionInput, ContractInput, IndicatorInput, OrganisationInput, PriorityInput } from "./validate.js";

type Db = Kysely<Database>;

const SEARCH_MAX = 100;

/** `%text%` for ILIKE, with the wildcards of the user's text escaped. */
function contains(text: string): string {
  return `%${text.slice(0, SEARCH_MAX).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// ---- Overview
export async function counts(db: Db) {
  const row = await db
    .selectNoFrom([
      sql<number>`(select count(*)::int from contracts)`.as("contracts"),
      sql<number>`(select count(*)::int from priorities)`.as("priorities"),
      sql<number>`(select count(*)::int from objectives)`.as("objectives"),
      sql<number>`(select count(*)::int from actions)`.as("actions"),
      sql<number>`(select count(*)::int from actions a where ${notCountedSql("a.status")})`.as("cancelled_actions"),
      sql<number>`(select count(*)::int from organisations)`.as("organisations"),
      sql<number>`(select count(*)::int from indicators)`.as("indicators"),
    ])
    .executeTakeFirstOrThrow();
  return row;
}

/** Actions needing attention: late milestones, no funding line, or marked as delayed. */
export async function attention(db: Db, today: string, limit = 50) {
  const [late, unfunded, delayed] = await Promise.all([
    db
      .selectFrom("milestones as m")
      .innerJoin("actions as a", "a.id", "m.action_id")
      .select(["a.id", "a.title", "m.title as milestone", sql<string>`m.due_date::text`.as("due_date")])
      .where("m.done", "=", false)
      .where(sql<boolean>`m.due_date < ${today}::date`)
      .where("a.status", "not in", ["completed", "cancelled"])
      .orderBy("m.due_date")
      .limit(limit)
      .execute(),
    db
      .selectFrom("actions as a")
      .select(["a.id", "a.title"])
      .where((eb) => eb.not(notCountedSql("a.status")))
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom("funding_lines as f").select("f.id").whereRef("f.action_id", "=", "a.id"))))
      .orderBy("a.title")
      .limit(limit)
      .execute(),
    db.selectFrom("actions").select(["id", "title", "progress"]).where("status", "=", "delayed").orderBy("title").limit(limit).execute(),
  ]);
  return { late, unfunded, delayed };
}

// ---- Contracts
export async function listContracts(db: Db) {
  return db
    .selectFrom("contracts as c")
    .select(["c.id", "c.slug", "c.name", "c.generation", "c.period_start", "c.period_end", "c.progress_rule", "c.position"])
    .select(sql<number>`(select count(*)::int from priorities p where p.contract_id = c.id)`.as("priority_count"))
    .orderBy("c.period_start", "desc")
    .orderBy("c.position")
    .orderBy("c.id")
    .execute();
}

export async function findContract(db: Db, id: number) {
  return db
    .selectFrom("contracts")
    .select(["id", "slug", "name", "generation", "period_start", "period_end", "territory", "description", "progress_rule", "position"])
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function insertContract(trx: Db, input: ContractInput) {
  return trx.insertInto("contracts").values(input).returning("id").executeTakeFirstOrThrow();
}

export async function updateContract(trx: Db, id: number, input: ContractInput) {
  await trx.updateTable("contracts").set(input).where("id", "=", id).execute();
}

// ---- Priorities and objectives
export async function prioritiesOf(db: Db, contractId: number) {
  return db
    .selectFrom("priorities as p")
    .leftJoin("priorities as prev", "prev.id", "p.continues_priority_id")
    .select(["p.id", "p.slug", "p.title", "p.position", "prev.title as continues_title"])
    .select([
      sql<number>`(select count(*)::int from actions a where a.priority_id = p.id)`.as("action_count"),
      sql<number>`(select count(*)::int from objectives o where o.priority_id = p.id)`.as("objective_count"),
    ])
    .where("p.contract_id", "=", contractId)
    .orderBy("p.position")
    .orderBy("p.id")
    .execute();
}

export async function findPriority(db: Db, id: number) {
  return db
    .selectFrom("priorities as p")
    .innerJoin("contracts as c", "c.id", "p.contract_id")
    .select(["p.id", "p.contract_id", "p.slug", "p.title", "p.description", "p.position", "p.continues_priority_id", "c.name as contract_name"])
    .where("p.id", "=", id)
    .executeTakeFirst();
}

/** Priorities of the other contracts, that a priority may continue. */
export async function otherPriorities(db: Db, contractId: number) {
  return db
    .selectFrom("priorities as p")
    .innerJoin("contracts as c", "c.id", "p.contract_id")
    .select(["p.id", "p.title", "c.name as contract_name"])
    .where("p.contract_id", "!=", contractId)
    .orderBy("c.period_start")
    .orderBy("p.position")
    .execute();
}

export async function objectivesOf(db: Db, priorityId: number) {
  return db
    .selectFrom("objectives as o")
    .select(["o.id", "o.title", "o.position", sql<number>`(select count(*)::int from actions a where a.objective_id = o.id)`.as("action_count")])
    .where("o.priority_id", "=", priorityId)
    .orderBy("o.position")
    .orderBy("o.id")
    .execute();
}

export async function findObjective(db: Db, id: number) {
  return db
    .selectFrom("objectives as o")
    .innerJoin("priorities as p", "p.id", "o.priority_id")
    .select(["o.id", "o.title", "o.position", "o.priority_id", "p.title as priority_title", "p.contract_id"])
    .where("o.id", "=", id)
    .executeTakeFirst();
}

export async function insertPriority(trx: Db, contractId: number, input: PriorityInput) {
  const next = await trx
    .selectFrom("priorities")
    .select(sql<number>`coalesce(max(position) + 1, 0)::int`.as("n"))
    .where("contract_id", "=", contractId)
    .executeTakeFirstOrThrow();
  return trx
    .insertInto("priorities")
    .values({ contract_id: contractId, ...input, position: next.n })
    .returning("id")
    .executeTakeFirstOrThrow();
}

export async function updatePriority(trx: Db, id: number, input: PriorityInput) {
  await trx.updateTable("priorities").set(input).where("id", "=", id).execute();
}

export async function insertObjective(trx: Db, priorityId: number, title: string) {
  const next = await trx
    .selectFrom("objectives")
    .select(sql<number>`coalesce(max(position) + 1, 0)::int`.as("n"))
    .where("priority_id", "=", priorityId)
    .executeTakeFirstOrThrow();
  return trx.insertInto("objectives").values({ priority_id: priorityId, title, position: next.n }).returning("id").executeTakeFirstOrThrow();
}

/** Siblings in display order, for moving one up or down. */
export async function siblings(trx: Db, table: "priorities" | "objectives", parentId: number) {
  if (table === "priorities")
    return trx.selectFrom("priorities").select(["id", "title"]).where("contract_id", "=", parentId).orderBy("position").orderBy("id").forUpdate().execute();
  return trx.selectFrom("objectives").select(["id", "title"]).where("priority_id", "=", parentId).orderBy("position").orderBy("id").forUpdate().execute();
}

export async function setPositions(trx: Db, table: "priorities" | "objectives", orderedIds: number[]) {
  for (const [position, id] of orderedIds.entries()) await trx.updateTable(table).set({ position }).where("id", "=", id).execute();
}

// ---- Organisations
export async function listOrganisations(db: Db, search: string) {
  let q = db
    .selectFrom("organisations as o")
    .select(["o.id", "o.slug", "o.name", "o.kind", "o.website"])
    .select(
      sql<number>`((select count(*) from actions a where a.lead_organisation_id = o.id) + (select count(*) from action_partners ap where ap.organisation_id = o.id))::int`.as(
        "use_count",
      ),
    )
    .orderBy("o.name")
    .orderBy("o.id");
  if (search) q = q.where((eb) => eb.or([eb("o.name", "ilike", contains(search)), eb("o.slug", "ilike", contains(search))]));
  return q.execute();
}

export async function findOrganisation(db: Db, id: number) {
  return db.selectFrom("organisations").select(["id", "slug", "name", "kind", "website", "description"]).where("id", "=", id).executeTakeFirst();
}

export async function organisationUse(db: Db, id: number) {
  const row = await db
    .selectNoFrom([
      sql<number>`(select count(*)::int from actions where lead_organisation_id = ${id})`.as("lead"),
      sql<number>`(select count(*)::int from action_partners where organisation_id = ${id})`.as("partner"),
    ])
    .executeTakeFirstOrThrow();
  return row;
}

export async function insertOrganisation(trx: Db, input: OrganisationInput) {
  return trx.insertInto("organisations").values(input).returning("id").executeTakeFirstOrThrow();
}

export async function updateOrganisation(trx: Db, id: number, input: OrganisationInput) {
  await trx.updateTable("organisations").set(input).where("id", "=", id).execute();
}

// ---- Indicators
export interface IndicatorFilter {
  metric?: string;
  territory?: string;
  year?: number;
  limit: number;
  offset: number;
}

export async function listIndicators(db: Db, f: IndicatorFilter) {
  let q = db.selectFrom("indicators");
  if (f.metric) q = q.where("metric", "=", f.metric);
  if (f.territory) {
    const t = contains(f.territory);
    q = q.where((eb) => eb.or([eb("territory_name", "ilike", t), eb("territory_code", "ilike", t)]));
  }
  if (f.year !== undefined) q = q.where("year", "=", f.year);
  const [rows, count] = await Promise.all([
    q
      .select(["id", "metric", "label", "territory_kind", "territory_code", "territory_name", "year", "value", "unit", "source"])
      .orderBy("metric")
      .orderBy("territory_kind")
      .orderBy("territory_name")
      .orderBy("year", "desc")
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function indicatorOptions(db: Db) {
  const [metrics, years] = await Promise.all([
    db
      .selectFrom("indicators")
      .select(["metric", sql<string>`min(label)`.as("label")])
      .groupBy("metric")
      .orderBy("metric")
      .execute(),
    db.selectFrom("indicators").select("year").distinct().orderBy("year", "desc").execute(),
  ]);
  return { metrics, years: years.map((y) => y.year) };
}

export async function findIndicator(db: Db, id: number) {
  return db
    .selectFrom("indicators")
    .select(["id", "metric", "label", "territory_kind", "territory_code", "territory_name", "year", "value", "unit", "source"])
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function findIndicatorByKey(db: Db, i: IndicatorInput) {
  return db
    .selectFrom("indicators")
    .select("id")
    .where("metric", "=", i.metric)
    .where("territory_kind", "=", i.territory_kind)
    .where("territory_code", "=", i.territory_code)
    .where("year", "=", i.year)
    .executeTakeFirst();
}

// ---- Actions
export interface AdminActionFilter {
  search?: string;
  contractId?: number;
  priorityId?: number;
  status?: string;
  placeId?: number;
  limit: number;
  offset: number;
}

export async function listActions(db: Db, f: AdminActionFilter) {
  let q = db.selectFrom("actions as a").innerJoin("priorities as p", "p.id", "a.priority_id").innerJoin("contracts as c", "c.id", "p.contract_id");
  if (f.search) {
    const s = contains(f.search);
    q = q.where((eb) => eb.or([eb("a.title", "ilike", s), eb("a.slug", "ilike", s), eb("a.summary", "ilike", s)]));
  }
  if (f.contractId !== undefined) q = q.where("p.contract_id", "=", f.contractId);
  if (f.priorityId !== undefined) q = q.where("a.priority_id", "=", f.priorityId);
  if (f.status) q = q.where("a.status", "=", f.status);
  if (f.placeId !== undefined) {
    const placeId = f.placeId;
    q = q.where(({ exists, selectFrom }) =>
      exists(selectFrom("action_neighbourhoods as an").select("an.action_id").whereRef("an.action_id", "=", "a.id").where("an.neighbourhood_id", "=", placeId)),
    );
  }
  const [rows, count] = await Promise.all([
    q
      .select(["a.id", "a.slug", "a.title", "a.status", "a.progress", "a.is_example", "a.updated_at", "p.title as priority_title", "c.name as contract_name"])
      .select(sql<string>`(select coalesce(sum(f.amount), 0) from funding_lines f where f.action_id = a.id)`.as("budget"))
      .orderBy("a.updated_at", "desc")
      .orderBy("a.id", "desc")
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q
      .select([sql<number>`count(*)::int`.as("n"), sql<number>`count(*) filter (where ${notCountedSql("a.status")})::int`.as("cancelled")])
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n), cancelled: Number(count.cancelled) };
}

/** What the action form offers to choose from. */
export async function actionFormOptions(db: Db) {
  const [priorities, objectives, organisations, places] = await Promise.all([
    db
      .selectFrom("priorities as p")
      .innerJoin("contracts as c", "c.id", "p.contract_id")
      .select(["p.id", "p.title", "c.id as contract_id", "c.name as contract_name"])
      .orderBy("c.period_start", "desc")
      .orderBy("c.position")
      .orderBy("p.position")
      .orderBy("p.id")
      .execute(),
    db
      .selectFrom("objectives as o")
      .innerJoin("priorities as p", "p.id", "o.priority_id")
      .select(["o.id", "o.title", "o.priority_id", "p.title as priority_title"])
      .orderBy("p.id")
      .orderBy("o.position")
      .orderBy("o.id")
      .execute(),
    db.selectFrom("organisations").select(["id", "name"]).orderBy("name").execute(),
    neighbourhoodChoices(db),
  ]);
  return { priorities, objectives, organisations, places };
}

/**
 * Published articles matching the search (or the latest), plus the given ones. The search
 * reads the content module's table until content/index.ts offers a title search (README.md).
 */
export async function articleChoices(db: Db, search: string, selected: number[], now: Date, limit = 20) {
  const found = await searchPublishedArticles(db, search, now, limit);
  const missing = selected.filter((id) => !found.some((f) => f.id === id));
  const chosen = (await findItemsByIds(db, missing)).map((i) => ({ id: i.id, title: i.title, published_at: i.published_at }));
  return [...chosen, ...found];
}

export async function findAction(db: Db, id: number) {
  return db
    .selectFrom("actions")
    .select([
      "id",
      "slug",
      "title",
      "summary",
      "description",
      "priority_id",
      "objective_id",
      "status",
      "progress",
      "lead_organisation_id",
      "is_example",
      "updated_at",
      "version",
    ])
    .select([sql<string | null>`start_date::text`.as("start_date"), sql<string | null>`end_date::text`.as("end_date")])
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function actionChildren(db: Db, id: number) {
  const [partners, places, articles, funding, milestones] = await Promise.all([
    db.selectFrom("action_partners").select("organisation_id").where("action_id", "=", id).orderBy("organisation_id").execute(),
    db.selectFrom("action_neighbourhoods").select("neighbourhood_id").where("action_id", "=", id).orderBy("neighbourhood_id").execute(),
    db.selectFrom("action_articles").select("content_id").where("action_id", "=", id).orderBy("content_id").execute(),
    db.selectFrom("funding_lines").select(["funder", "amount", "year", "label"]).where("action_id", "=", id).orderBy("year").orderBy("id").execute(),
    db
      .selectFrom("milestones")
      .select(["title", "done", sql<string>`due_date::text`.as("due_date")])
      .where("action_id", "=", id)
      .orderBy("due_date")
      .orderBy("position")
      .orderBy("id")
      .execute(),
  ]);
  return {
    partners: partners.map((p) => p.organisation_id),
    places: places.map((p) => p.neighbourhood_id),
    articles: articles.map((a) => a.content_id),
    funding: funding.map((f) => ({ funder: f.funder, amount: Number(f.amount).toFixed(2), year: f.year, label: f.label })),
    milestones: milestones.map((m) => ({ due_date: m.due_date, title: m.title, done: m.done })),
  };
}

type ActionColumns = Omit<ActionInput, "partners" | "places" | "articles" | "funding" | "milestones">;

export async function insertAction(trx: Db, columns: ActionColumns, now: Date) {
  return trx
    .insertInto("actions")
    .values({ ...columns, created_at: now, updated_at: now })
    .returning("id")
    .executeTakeFirstOrThrow();
}

/** Saves over `expectedVersion` only; false when someone saved in between (nothing written). */
export async function updateAction(trx: Db, id: number, columns: ActionColumns, now: Date, expectedVersion: number | null): Promise<boolean> {
  let query = trx
    .updateTable("actions")
    .set((eb) => ({ ...columns, updated_at: now, version: eb("version", "+", 1) }))
    .where("id", "=", id);
  if (expectedVersion !== null) query = query.where("version", "=", expectedVersion);
  const row = await query.returning("id").executeTakeFirst();
  return row !== undefined;
}

/** Replaces the action's partners, places, articles, funding lines and milestones. */
export async function replaceActionChildren(trx: Db, id: number, input: Pick<ActionInput, "partners" | "places" | "articles" | "funding" | "milestones">) {
  for (const table of ["funding_lines", "milestones", "action_partners", "action_neighbourhoods", "action_articles"] as const) {
    await trx.deleteFrom(table).where("action_id", "=", id).execute();
  }
  if (input.funding.length > 0)
    await trx
      .insertInto("funding_lines")
      .values(input.funding.map((f) => ({ action_id: id, ...f })))
      .execute();
  if (input.milestones.length > 0)
    await trx
      .insertInto("milestones")
      .values(input.milestones.map((m, position) => ({ action_id: id, ...m, position })))
      .execute();
  if (input.partners.length > 0)
    await trx
      .insertInto("action_partners")
      .values(input.partners.map((organisation_id) => ({ action_id: id, organisation_id })))
      .execute();
  if (input.places.length > 0)
    await trx
      .insertInto("action_neighbourhoods")
      .values(input.places.map((neighbourhood_id) => ({ action_id: id, neighbourhood_id })))
      .execute();
  if (input.articles.length > 0)
    await trx
      .insertInto("action_articles")
      .values(input.articles.map((content_id) => ({ action_id: id, content_id })))
      .execute();
}

export async function slugTaken(db: Db, table: "actions" | "organisations" | "contracts", slug: string, exceptId?: number) {
  let q = db.selectFrom(table).select("id").where("slug", "=", slug);
  if (exceptId !== undefined) q = q.where("id", "!=", exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** Ids among `wanted` that exist: organisations, neighbourhoods (places module), articles (content module). */
export async function existingIds(db: Db, table: "organisations" | "neighbourhoods" | "content_items", wanted: number[]): Promise<Set<number>> {
  if (wanted.length === 0) return new Set<number>();
  if (table === "neighbourhoods") return new Set(await existingNeighbourhoodIds(db, wanted));
  if (table === "content_items") return new Set((await findItemsByIds(db, wanted)).filter((i) => i.kind === "article").map((i) => i.id));
  return new Set((await db.selectFrom("organisations").select("id").where("id", "in", wanted).execute()).map((r) => r.id));
}

// ---- Writes the use cases make besides the inserts and updates above

/** Deletes one row (the foreign keys cascade to an action's child rows). */
export async function deleteRow(
  trx: Db,
  table: "contracts" | "priorities" | "objectives" | "actions" | "organisations" | "indicators",
  id: number,
): Promise<void> {
  await trx.deleteFrom(table).where("id", "=", id).execute();
}

/** Actions attached to a priority or to an objective (a deletion is refused while any is). */
export async function countActions(db: Db, under: { priorityId: number } | { objectiveId: number }): Promise<number> {
  const row = await db
    .selectFrom("actions")
    .select(({ fn }) => fn.countAll<number>().as("n"))
    .$if("priorityId" in under, (q) => q.where("priority_id", "=", (under as { priorityId: number }).priorityId))
    .$if("objectiveId" in under, (q) => q.where("objective_id", "=", (under as { objectiveId: number }).objectiveId))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A priority slug is unique within its contract. */
export async function prioritySlugTaken(db: Db, contractId: number, slug: string, exceptId: number): Promise<boolean> {
  const row = await db
    .selectFrom("priorities")
    .select("id")
    .where("contract_id", "=", contractId)
    .where("slug", "=", slug)
    .where("id", "!=", exceptId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function updateObjective(trx: Db, id: number, title: string): Promise<void> {
  await trx.updateTable("objectives").set({ title }).where("id", "=", id).execute();
}

export async function insertIndicator(trx: Db, input: IndicatorInput): Promise<{ id: number }> {
  return trx.insertInto("indicators").values(input).returning("id").executeTakeFirstOrThrow();
}

export async function updateIndicator(trx: Db, id: number, input: IndicatorInput): Promise<void> {
  await trx.updateTable("indicators").set(input).where("id", "=", id).execute();
}

/**
 * After a save under `slug`: that slug is no longer a redirect (it may have been taken back),
 * and the old one, when it changed, leads to the action (301 on the public page).
 */
export async function recordSlugChange(trx: Db, actionId: number, oldSlug: string, slug: string, now: Date): Promise<void> {
  await trx.deleteFrom("action_slug_redirects").where("old_slug", "=", slug).execute();
  if (oldSlug === slug) return;
  await trx
    .insertInto("action_slug_redirects")
    .values({ old_slug: oldSlug, action_id: actionId, created_at: now })
    .onConflict((oc) => oc.column("old_slug").doUpdateSet({ action_id: actionId, created_at: now }))
    .execute();
}
