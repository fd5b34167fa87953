// SQL of the proposals ("idées"), their supports and the organisation memberships. Reads join
// the tables of places (neighbourhoods), policy (priorities, contracts, organisations, actions),
// media and users for the labels shown beside a proposal (decision 0014: a join for labels).
import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "../../../core/db/schema.js";
import type { ProposalModeration, ProposalStatus } from "./schema.js";

type Db = Kysely<Database> | Transaction<Database>;

/** Open statuses: a proposal can still be supported. */
export const OPEN_STATUSES: readonly ProposalStatus[] = ["received", "under_study"];

const supportCount = sql<number>`(select count(*)::int from proposal_supports s where s.proposal_id = p.id)`;

export interface NewProposal {
  slug: string;
  title: string;
  description: string;
  neighbourhood_id: number;
  priority_id: number | null;
  author_id: number | null;
  organisation_id: number | null;
  assisted_by: number | null;
  assisted_by_name: string | null;
  resident_name: string | null;
  consent_at: Date | null;
  media_id: number | null;
  moderation: ProposalModeration;
  created_at: Date;
  updated_at: Date;
}

export async function insertProposal(db: Db, values: NewProposal): Promise<{ id: number; slug: string }> {
  return db.insertInto("proposals").values(values).returning(["id", "slug"]).executeTakeFirstOrThrow();
}

function withLabels(db: Db) {
  return db
    .selectFrom("proposals as p")
    .innerJoin("neighbourhoods as n", "n.id", "p.neighbourhood_id")
    .leftJoin("priorities as pr", "pr.id", "p.priority_id")
    .leftJoin("contracts as c", "c.id", "pr.contract_id")
    .leftJoin("users as u", "u.id", "p.author_id")
    .leftJoin("organisations as o", "o.id", "p.organisation_id")
    .leftJoin("actions as a", "a.id", "p.action_id")
    .leftJoin("media as m", "m.id", "p.media_id")
    .select([
      "m.file_key as image_file_key",
      "m.variant_widths as image_variant_widths",
      "m.formats as image_formats",
      "m.width as image_width",
      "m.height as image_height",
      "m.alt as image_alt",
      "m.focal_x as image_focal_x",
      "m.focal_y as image_focal_y",
      "p.id",
      "p.slug",
      "p.title",
      "p.description",
      "p.status",
      "p.answer",
      "p.answered_at",
      "p.moderation",
      "p.moderation_reason",
      "p.created_at",
      "p.updated_at",
      "p.author_id",
      "p.assisted_by",
      "p.assisted_by_name",
      "p.resident_name",
      "p.media_id",
      "p.neighbourhood_id",
      "n.slug as neighbourhood_slug",
      "n.name as neighbourhood_name",
      "n.kind as neighbourhood_kind",
      "n.code as neighbourhood_code",
      "p.priority_id",
      "pr.title as priority_title",
      "c.name as contract_name",
      "u.display_name as author_name",
      "p.organisation_id",
      "o.name as organisation_name",
      "o.kind as organisation_kind",
      "p.action_id",
      "a.slug as action_slug",
      "a.title as action_title",
      supportCount.as("supports"),
    ]);
}

export type ProposalRow = NonNullable<Awaited<ReturnType<typeof findProposal>>>;

export async function findProposal(db: Db, id: number) {
  return withLabels(db).where("p.id", "=", id).executeTakeFirst();
}

export interface ProposalFilter {
  neighbourhoodId?: number | undefined;
  priorityId?: number | undefined;
  status?: ProposalStatus | undefined;
  actionId?: number | undefined;
  /** Public lists show visible proposals only; the back office shows every one. */
  visibleOnly: boolean;
  moderation?: ProposalModeration | undefined;
}

function filtered(db: Db, f: ProposalFilter) {
  let q = withLabels(db);
  if (f.visibleOnly) q = q.where("p.moderation", "=", "visible");
  if (f.moderation) q = q.where("p.moderation", "=", f.moderation);
  if (f.neighbourhoodId !== undefined) q = q.where("p.neighbourhood_id", "=", f.neighbourhoodId);
  if (f.priorityId !== undefined) q = q.where("p.priority_id", "=", f.priorityId);
  if (f.status !== undefined) q = q.where("p.status", "=", f.status);
  if (f.actionId !== undefined) q = q.where("p.action_id", "=", f.actionId);
  return q;
}

/** A page of proposals, newest first, and how many match. */
export async function listProposals(db: Db, f: ProposalFilter, limit: number, offset: number) {
  const [rows, total] = await Promise.all([
    filtered(db, f).orderBy("p.created_at", "desc").orderBy("p.id", "desc").limit(limit).offset(offset).execute(),
    countProposals(db, f),
  ]);
  return { rows, total };
}

export async function countProposals(db: Db, f: ProposalFilter): Promise<number> {
  let q = db.selectFrom("proposals as p").select((eb) => eb.fn.countAll<number>().as("n"));
  if (f.visibleOnly) q = q.where("p.moderation", "=", "visible");
  if (f.moderation) q = q.where("p.moderation", "=", f.moderation);
  if (f.neighbourhoodId !== undefined) q = q.where("p.neighbourhood_id", "=", f.neighbourhoodId);
  if (f.priorityId !== undefined) q = q.where("p.priority_id", "=", f.priorityId);
  if (f.status !== undefined) q = q.where("p.status", "=", f.status);
  if (f.actionId !== undefined) q = q.where("p.action_id", "=", f.actionId);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The row a change starts from, locked in the caller's transaction (answers, moderation). */
export async function lockProposal(trx: Db, id: number) {
  return trx
    .selectFrom("proposals")
    .select(["id", "slug", "title", "status", "answer", "action_id", "moderation", "author_id"])
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateAnswer(
  trx: Db,
  id: number,
  values: { status: ProposalStatus; answer: string; action_id: number | null; answered_at: Date; answered_by: number },
): Promise<void> {
  await trx
    .updateTable("proposals")
    .set({ ...values, updated_at: values.answered_at })
    .where("id", "=", id)
    .execute();
}

export async function setModeration(trx: Db, id: number, moderation: ProposalModeration, reason: string, now: Date): Promise<boolean> {
  const r = await trx.updateTable("proposals").set({ moderation, moderation_reason: reason, updated_at: now }).where("id", "=", id).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The same title by the same account in the last day: a double post (duplicate detection). */
export async function hasRecentTwin(db: Db, authorId: number, title: string, since: Date): Promise<boolean> {
  const row = await db
    .selectFrom("proposals")
    .select("id")
    .where("author_id", "=", authorId)
    .where(sql<boolean>`lower(title) = lower(${title})`)
    .where("created_at", ">=", since)
    .executeTakeFirst();
  return row !== undefined;
}

// ---- supports

/** Idempotent: the partial unique index keeps one support per account (ON CONFLICT DO NOTHING). */
export async function addSupport(db: Db, proposalId: number, userId: number, now: Date): Promise<void> {
  await db
    .insertInto("proposal_supports")
    .values({ proposal_id: proposalId, user_id: userId, created_at: now })
    .onConflict((oc) => oc.columns(["proposal_id", "user_id"]).where("user_id", "is not", null).doNothing())
    .execute();
}

/** A support a mediator recorded for a named resident; false when that name already supports it. */
export async function addAssistedSupport(db: Db, proposalId: number, residentName: string, mediatorId: number, now: Date): Promise<boolean> {
  const row = await db
    .insertInto("proposal_supports")
    .values({ proposal_id: proposalId, resident_name: residentName, assisted_by: mediatorId, created_at: now })
    .onConflict((oc) => oc.expression(sql`proposal_id, lower(resident_name)`).where("resident_name", "is not", null).doNothing())
    .returning("id")
    .executeTakeFirst();
  return row !== undefined;
}

export async function removeSupport(db: Db, proposalId: number, userId: number): Promise<void> {
  await db.deleteFrom("proposal_supports").where("proposal_id", "=", proposalId).where("user_id", "=", userId).execute();
}

export async function hasSupported(db: Db, proposalId: number, userId: number): Promise<boolean> {
  const row = await db.selectFrom("proposal_supports").select("id").where("proposal_id", "=", proposalId).where("user_id", "=", userId).executeTakeFirst();
  return row !== undefined;
}

export async function countSupports(db: Db, proposalId: number): Promise<number> {
  const row = await db
    .selectFrom("proposal_supports")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("proposal_id", "=", proposalId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---- choices for the forms (labels of other modules' rows)

/** Priorities with their contract, newest contract first: the proposal form's select. */
export async function priorityChoices(db: Db) {
  return db
    .selectFrom("priorities as p")
    .innerJoin("contracts as c", "c.id", "p.contract_id")
    .select(["p.id", "p.title", "c.name as contract_name"])
    .orderBy("c.period_start", "desc")
    .orderBy("c.position")
    .orderBy("p.position")
    .execute();
}

export async function priorityExists(db: Db, id: number): Promise<boolean> {
  return (await db.selectFrom("priorities").select("id").where("id", "=", id).executeTakeFirst()) !== undefined;
}

export async function actionLabel(db: Db, id: number) {
  return db.selectFrom("actions").select(["id", "slug", "title"]).where("id", "=", id).executeTakeFirst();
}

/** Actions for the answer form's select ("retenue → the action it became"). */
export async function actionChoices(db: Db) {
  return db.selectFrom("actions").select(["id", "title"]).orderBy("title").limit(2000).execute();
}

// ---- counts for other pages

/** Visible proposals of one neighbourhood (its page says "3 idées pour ce quartier"). */
export async function countForNeighbourhood(db: Db, neighbourhoodId: number): Promise<number> {
  return countProposals(db, { neighbourhoodId, visibleOnly: true });
}

/** Visible proposals that became one action. */
export async function listForAction(db: Db, actionId: number) {
  return filtered(db, { actionId, visibleOnly: true }).orderBy("p.created_at", "desc").limit(50).execute();
}

// ---- open data: no personal data (no author, no resident or mediator name)

export async function openDataRows(db: Db) {
  return db
    .selectFrom("proposals as p")
    .innerJoin("neighbourhoods as n", "n.id", "p.neighbourhood_id")
    .leftJoin("priorities as pr", "pr.id", "p.priority_id")
    .leftJoin("actions as a", "a.id", "p.action_id")
    .select([
      "p.id",
      "p.slug",
      "p.title",
      "p.status",
      "p.created_at",
      "p.answered_at",
      "n.slug as neighbourhood_slug",
      "n.name as neighbourhood_name",
      "n.code as neighbourhood_code",
      "pr.slug as priority_slug",
      "pr.title as priority_title",
      "a.slug as action_slug",
      sql<boolean>`p.organisation_id is not null`.as("by_organisation"),
      sql<boolean>`p.assisted_by_name is not null`.as("assisted"),
      supportCount.as("supports"),
    ])
    .where("p.moderation", "=", "visible")
    .orderBy("p.id")
    .limit(50_000)
    .execute();
}

// ---- personal data (RGPD export)

export async function proposalsByAuthor(db: Db, userId: number) {
  return db
    .selectFrom("proposals as p")
    .innerJoin("neighbourhoods as n", "n.id", "p.neighbourhood_id")
    .select(["p.id", "p.slug", "p.title", "p.description", "p.status", "p.answer", "p.moderation", "p.created_at", "n.name as neighbourhood_name"])
    .where("p.author_id", "=", userId)
    .orderBy("p.created_at", "desc")
    .orderBy("p.id", "desc")
    .execute();
}

export async function supportsByUser(db: Db, userId: number) {
  return db
    .selectFrom("proposal_supports as s")
    .innerJoin("proposals as p", "p.id", "s.proposal_id")
    .select(["p.id", "p.slug", "p.title", "s.created_at"])
    .where("s.user_id", "=", userId)
    .orderBy("s.created_at", "desc")
    .execute();
}

/** When an account was created (link limits for new accounts): a read of core's `users`. */
export async function accountCreatedAt(db: Db, userId: number): Promise<Date | null> {
  const row = await db.selectFrom("users").select("created_at").where("id", "=", userId).executeTakeFirst();
  return row?.created_at ?? null;
}

/** Ideas as the moderation queue reads them (moderated.ts). */
export async function findProposalsForModeration(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom("proposals")
    .select(["id", "slug", "title", "description", "author_id", "moderation", "neighbourhood_id"])
    .where("id", "in", [...ids])
    .execute();
}

export async function setImage(db: Db, id: number, mediaId: number, now: Date): Promise<void> {
  await db.updateTable("proposals").set({ media_id: mediaId, updated_at: now }).where("id", "=", id).execute();
}

/** Visible ideas and the last change among them (the open-data catalogue). */
export async function proposalStats(db: Db): Promise<{ n: number; updated: Date | null }> {
  const row = await db
    .selectFrom("proposals")
    .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.max("updated_at").as("updated")])
    .where("moderation", "=", "visible")
    .executeTakeFirstOrThrow();
  return { n: Number(row.n), updated: row.updated ? new Date(row.updated as Date) : null };
}

/** Visible ideas with their last change (the sitemap). */
export async function visibleProposalDates(db: Db) {
  return db.selectFrom("proposals").select(["id", "slug", "updated_at"]).where("moderation", "=", "visible").orderBy("id").limit(50_000).execute();
}
