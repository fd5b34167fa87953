// SQL for the Politique de la Ville module.
import { sql, type Kysely } from "kysely";
import type { Database } from "../../core/db/schema.js";
import { listNeighbourhoods } from "../places/index.js";
import { notCountedSql } from "./counting-rule.js";

type Db = Kysely<Database>;

export const STATUSES = ["planned", "in_progress", "delayed", "completed", "cancelled"] as const;
export const FUNDERS = ["etat", "ville", "metropole", "region", "departement", "caf", "europe", "bailleur", "autre"] as const;

export async function listContracts(db: Db) {
  return db
    .selectFrom("contracts")
    .select(["id", "slug", "name", "generation", "period_start", "period_end", "territory", "description", "progress_rule", "position"])
    .orderBy("period_start", "desc")
    .orderBy("position")
    .execute();
}

export async function listPriorities(db: Db) {
  return db
    .selectFrom("priorities")
    .select(["id", "contract_id", "slug", "title", "description", "position", "continues_priority_id"])
    .orderBy("contract_id")
    .orderBy("position")
    .execute();
}

export interface FundedActionRow {
  id: number;
  priorityId: number;
  status: string;
  progress: number;
  funding: Array<{ funder: string; amount: string }>;
}

/**
 * Actions with their funding summed per funder: the input of every published figure
 * (figures.ts applies the counting rule). Every action, or those of one neighbourhood.
 */
export async function listFundedActions(db: Db, scope: { neighbourhoodId?: number } = {}): Promise<FundedActionRow[]> {
  const { neighbourhoodId } = scope;
  const rows = await db
    .selectFrom("actions as a")
    .leftJoin("funding_lines as f", "f.action_id", "a.id")
    .select(["a.id", "a.priority_id", "a.status", "a.progress", "f.funder", sql<string | null>`sum(f.amount)`.as("amount")])
    .$if(neighbourhoodId !== undefined, (q) =>
      q.where(({ exists, selectFrom }) =>
        exists(
          selectFrom("action_neighbourhoods as an")
            .select("an.action_id")
            .whereRef("an.action_id", "=", "a.id")
            .where("an.neighbourhood_id", "=", neighbourhoodId ?? 0),
        ),
      ),
    )
    .groupBy(["a.id", "a.priority_id", "a.status", "a.progress", "f.funder"])
    .orderBy("a.id")
    .execute();
  const byId = new Map<number, FundedActionRow>();
  for (const r of rows) {
    let a = byId.get(r.id);
    if (!a) {
      a = { id: r.id, priorityId: r.priority_id, status: r.status, progress: r.progress, funding: [] };
      byId.set(r.id, a);
    }
    if (r.funder !== null && r.amount !== null) a.funding.push({ funder: r.funder, amount: r.amount });
  }
  return [...byId.values()];
}

export interface ActionFilter {
  contractId?: number;
  prioritySlug?: string;
  neighbourhoodSlug?: string;
  status?: string;
  organisationSlug?: string;
  funder?: string;
  year?: number;
  limit: number;
  offset: number;
}

function filtered(db: Db, f: Omit<ActionFilter, "limit" | "offset">) {
  let q = db.selectFrom("actions as a").innerJoin("priorities as p", "p.id", "a.priority_id");
  if (f.contractId !== undefined) q = q.where("p.contract_id", "=", f.contractId);
  if (f.prioritySlug) q = q.where("p.slug", "=", f.prioritySlug);
  if (f.status) q = q.where("a.status", "=", f.status);
  if (f.neighbourhoodSlug) {
    const slug = f.neighbourhoodSlug;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom("action_neighbourhoods as an")
          .innerJoin("neighbourhoods as n", "n.id", "an.neighbourhood_id")
          .select("an.action_id")
          .whereRef("an.action_id", "=", "a.id")
          .where("n.slug", "=", slug),
      ),
    );
  }
  if (f.organisationSlug) {
    const slug = f.organisationSlug;
    q = q.where(({ or, exists, selectFrom }) =>
      or([
        exists(selectFrom("organisations as o").select("o.id").whereRef("o.id", "=", "a.lead_organisation_id").where("o.slug", "=", slug)),
        exists(
          selectFrom("action_partners as ap")
            .innerJoin("organisations as o2", "o2.id", "ap.organisation_id")
            .select("ap.action_id")
            .whereRef("ap.action_id", "=", "a.id")
            .where("o2.slug", "=", slug),
        ),
      ]),
    );
  }
  if (f.funder) {
    const funder = f.funder;
    q = q.where(({ exists, selectFrom }) =>
      exists(selectFrom("funding_lines as fl").select("fl.action_id").whereRef("fl.action_id", "=", "a.id").where("fl.funder", "=", funder)),
    );
  }
  if (f.year !== undefined) {
    // Active that year: started on or before its end, and not ended before it began.
    const start = new Date(Date.UTC(f.year, 11, 31));
    const end = new Date(Date.UTC(f.year, 0, 1));
    q = q
      .where((eb) => eb.or([eb("a.start_date", "is", null), eb("a.start_date", "<=", start)]))
      .where((eb) => eb.or([eb("a.end_date", "is", null), eb("a.end_date", ">=", end)]));
  }
  return q;
}

export async function listActions(db: Db, f: ActionFilter) {
  const base = filtered(db, f);
  const [rows, count] = await Promise.all([
    base
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
        "p.title as priority_title",
        "p.slug as priority_slug",
      ])
      .orderBy(sql`case a.status when 'in_progress' then 0 when 'delayed' then 1 when 'planned' then 2 when 'completed' then 3 else 4 end`)
      .orderBy("a.start_date", "desc")
      .orderBy("a.id", "desc")
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base
      .select([sql<number>`count(*)::int`.as("n"), sql<number>`count(*) filter (where ${notCountedSql("a.status")})::int`.as("cancelled")])
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n), cancelled: Number(count.cancelled) };
}

export async function findAction(db: Db, slug: string) {
  return db
    .selectFrom("actions as a")
    .innerJoin("priorities as p", "p.id", "a.priority_id")
    .innerJoin("contracts as c", "c.id", "p.contract_id")
    .leftJoin("objectives as ob", "ob.id", "a.objective_id")
    .leftJoin("organisations as o", "o.id", "a.lead_organisation_id")
    .select([
      "a.id",
      "a.slug",
      "a.title",
      "a.summary",
      "a.description",
      "a.status",
      "a.progress",
      "a.start_date",
      "a.end_date",
      "a.is_example",
      "a.updated_at",
      "p.title as priority_title",
      "p.slug as priority_slug",
      "c.name as contract_name",
      "c.slug as contract_slug",
      "ob.title as objective_title",
      "o.name as lead_name",
      "o.slug as lead_slug",
      "o.kind as lead_kind",
    ])
    .where("a.slug", "=", slug)
    .executeTakeFirst();
}

export async function findActionDetails(db: Db, actionId: number) {
  const [partners, places, funding, milestones, articles] = await Promise.all([
    db
      .selectFrom("action_partners as ap")
      .innerJoin("organisations as o", "o.id", "ap.organisation_id")
      .select(["o.name", "o.slug", "o.kind"])
      .where("ap.action_id", "=", actionId)
      .orderBy("o.name")
      .execute(),
    db
      .selectFrom("action_neighbourhoods as an")
      .innerJoin("neighbourhoods as n", "n.id", "an.neighbourhood_id")
      .select(["n.id", "n.name", "n.slug", "n.kind", "n.code", "n.geometry"])
      .where("an.action_id", "=", actionId)
      .orderBy("n.position")
      .execute(),
    db.selectFrom("funding_lines").select(["funder", "amount", "year", "label"]).where("action_id", "=", actionId).orderBy("year").orderBy("funder").execute(),
    db.selectFrom("milestones").select(["due_date", "title", "done"]).where("action_id", "=", actionId).orderBy("due_date").orderBy("position").execute(),
    db.selectFrom("action_articles").select("content_id").where("action_id", "=", actionId).execute(),
  ]);
  return { partners, places, funding, milestones, articleIds: articles.map((a) => a.content_id) };
}

export async function actionsInNeighbourhood(db: Db, neighbourhoodId: number, limit = 50) {
  return db
    .selectFrom("actions as a")
    .innerJoin("action_neighbourhoods as an", "an.action_id", "a.id")
    .select(["a.id", "a.slug", "a.title", "a.summary", "a.status", "a.progress", "a.is_example"])
    .where("an.neighbourhood_id", "=", neighbourhoodId)
    .orderBy(sql`case a.status when 'in_progress' then 0 when 'delayed' then 1 when 'planned' then 2 when 'completed' then 3 else 4 end`)
    .orderBy("a.title")
    .limit(limit)
    .execute();
}

export async function filterOptions(db: Db) {
  const [priorities, places, organisations, years] = await Promise.all([
    db
      .selectFrom("priorities as p")
      .innerJoin("contracts as c", "c.id", "p.contract_id")
      .select(["p.slug", "p.title", "c.name as contract_name", "c.period_start"])
      .orderBy("c.period_start", "desc")
      .orderBy("p.position")
      .execute(),
    listNeighbourhoods(db),
    db.selectFrom("organisations").select(["slug", "name"]).orderBy("name").execute(),
    db
      .selectFrom("actions")
      .select([sql<number>`min(extract(year from start_date))::int`.as("min"), sql<number>`max(extract(year from end_date))::int`.as("max")])
      .executeTakeFirst(),
  ]);
  return { priorities, places, organisations, years };
}

export async function hasExampleActions(db: Db): Promise<boolean> {
  return (await db.selectFrom("actions").select("id").where("is_example", "=", true).limit(1).executeTakeFirst()) !== undefined;
}

/** Every action's address and last change, by slug: sitemap.xml. */
export async function listActionSlugs(db: Db): Promise<{ slug: string; updated_at: Date }[]> {
  return db.selectFrom("actions").select(["slug", "updated_at"]).orderBy("slug").execute();
}

export async function actionExists(db: Db, id: number): Promise<boolean> {
  return (await db.selectFrom("actions").select("id").where("id", "=", id).executeTakeFirst()) !== undefined;
}

/** The current slug of an action renamed in the back office, from one of its old slugs. */
export async function renamedActionSlug(db: Db, oldSlug: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("action_slug_redirects as r")
    .innerJoin("actions as a", "a.id", "r.action_id")
    .select("a.slug")
    .where("r.old_slug", "=", oldSlug)
    .executeTakeFirst();
  return row?.slug;
}

export async function indicatorsFor(db: Db, territoryKind: string, territoryCode: string) {
  return db
    .selectFrom("indicators")
    .select(["metric", "label", "year", "value", "unit", "source", "territory_name"])
    .where("territory_kind", "=", territoryKind as "qpv")
    .where("territory_code", "=", territoryCode)
    .orderBy("metric")
    .orderBy("year", "desc")
    .execute();
}

/**
 * The same metric and year for the métropole and for the given communes (every commune of the
 * table when none is given: older imports did not record them), to compare a neighbourhood with.
 */
export async function comparableIndicators(db: Db, wanted: ReadonlyArray<{ metric: string; year: number }>, communes: readonly string[]) {
  if (wanted.length === 0) return [];
  return db
    .selectFrom("indicators")
    .select(["metric", "year", "territory_kind", "territory_name", "value"])
    .where((eb) => eb.or(wanted.map((i) => eb.and([eb("metric", "=", i.metric), eb("year", "=", i.year)]))))
    .where((eb) =>
      eb.or([
        eb("territory_kind", "=", "metropole"),
        communes.length > 0 ? eb.and([eb("territory_kind", "=", "commune"), eb("territory_code", "in", [...communes])]) : eb("territory_kind", "=", "commune"),
      ]),
    )
    .orderBy("territory_kind")
    .orderBy("territory_name")
    .execute();
}

/**
 * What the Politique de la Ville feed shows (feeds module): the actions last changed, with
 * their current status, and the milestones marked done. Neither a status change nor a
 * milestone being ticked is dated in these tables: an action carries `updated_at` (any
 * change) and a milestone its due day (`due_day`, "YYYY-MM-DD", read as text so that no
 * time zone moves it).
 */
export async function feedEntries(db: Db, limit: number) {
  const [actions, milestones] = await Promise.all([
    db
      .selectFrom("actions")
      .select(["id", "slug", "title", "summary", "status", "progress", "is_example", "updated_at"])
      .orderBy("updated_at", "desc")
      .orderBy("id", "desc")
      .limit(limit)
      .execute(),
    db
      .selectFrom("milestones as m")
      .innerJoin("actions as a", "a.id", "m.action_id")
      .select([
        "m.action_id",
        "m.title",
        sql<string>`to_char(m.due_date, 'YYYY-MM-DD')`.as("due_day"),
        "a.slug as action_slug",
        "a.title as action_title",
        "a.is_example",
        "a.updated_at as action_updated_at",
      ])
      .where("m.done", "=", true)
      .orderBy("m.due_date", "desc")
      .orderBy("m.action_id", "desc")
      .orderBy("m.position")
      .limit(limit)
      .execute(),
  ]);
  return { actions, milestones };
}
