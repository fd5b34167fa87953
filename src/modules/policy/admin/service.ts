// Use cases of the Politique de la Ville back office. Each write: check the actor, read
// and check the form, one transaction (references, uniqueness, the change, its audit
// event), then drop the cached public pages that show policy data.
import type { Transaction } from "kysely";
import { recordEvent } from "../../../core/audit.js";
import { can } from "../../../core/auth/roles.js";
import type { DB } from "../../../core/db/create-db.js";
import type { Database } from "../../../core/db/schema.js";
import { ConflictError, ForbiddenError, NotFoundError } from "../../../core/errors.js";
import type { PageCache } from "../../../core/http/page-cache.js";
import { slugify } from "../../../lib/text.js";
import { sanitizeBody } from "../../content/index.js";
import type { StaffActor } from "../../admin/index.js";
import * as q from "./queries.js";
import { descriptionHtml, readAction, readContract, readIndicator, readObjective, readOrganisation, readPriority, type ActionValues, type Errors, type FormBody } from "./validate.js";

export interface PolicyDeps {
  db: DB;
  pageCache: PageCache;
  now: () => Date;
}

type Trx = Transaction<Database>;

export type SaveResult<V = Record<string, string>> = { ok: true; id: number; label: string } | { ok: false; errors: Errors; values: V };

/** Public pages showing policy data: overview, actions, neighbourhood pages, open data. */
export const POLICY_TAGS = ["policy", "neighbourhoods", "opendata"] as const;

function assertCanEdit(actor: StaffActor): void {
  if (!can(actor, "policy.edit")) throw new ForbiddenError("Missing policy.edit");
}

function parseId(id: string | number): number {
  const n = typeof id === "number" ? id : /^\d{1,9}$/.test(id) ? Number(id) : NaN;
  if (!Number.isInteger(n) || n <= 0) throw new NotFoundError();
  return n;
}

/** Fields whose value changed, as { field: { from, to } } for the audit trail. */
export function changes(before: Record<string, unknown> | null, after: Record<string, unknown>): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const [k, to] of Object.entries(after)) {
    const from = before ? before[k] : null;
    if (JSON.stringify(from) !== JSON.stringify(to)) out[k] = { from: before ? from : null, to };
  }
  return out;
}

async function write<T>(deps: PolicyDeps, work: (trx: Trx) => Promise<T>): Promise<T> {
  const result = await deps.db.transaction().execute(work);
  deps.pageCache.invalidateTags(POLICY_TAGS);
  return result;
}

function audit(trx: Trx, deps: PolicyDeps, actor: StaffActor, action: string, target: { type: string; id: number; label: string }, details: Record<string, unknown>) {
  return recordEvent(trx, { actor: { id: actor.id, label: actor.label }, action, target, details, at: deps.now() });
}

/** The slug typed, or one made from the title and numbered until it is free. */
async function freeSlug(taken: (slug: string) => Promise<boolean>, base: string): Promise<string> {
  const root = slugify(base, 72) || "element";
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? root : `${root}-${n}`;
    if (!(await taken(candidate))) return candidate;
  }
  return `${root}-${Date.now()}`;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "23505";
}

// ---- Overview
export async function overview(deps: PolicyDeps) {
  const today = deps.now().toISOString().slice(0, 10);
  const [counts, attention] = await Promise.all([q.counts(deps.db), q.attention(deps.db, today)]);
  return { counts, attention };
}

// ---- Contracts
export const listContracts = (deps: PolicyDeps) => q.listContracts(deps.db);

export async function getContract(deps: PolicyDeps, id: string | number) {
  const contract = await q.findContract(deps.db, parseId(id));
  if (!contract) throw new NotFoundError();
  const priorities = await q.prioritiesOf(deps.db, contract.id);
  return { contract, priorities };
}

export async function saveContract(deps: PolicyDeps, actor: StaffActor, id: string | null, body: FormBody): Promise<SaveResult> {
  assertCanEdit(actor);
  const { input, errors, values } = readContract(body);
  if (!input) return { ok: false as const, errors, values };
  const contractId = id === null ? null : parseId(id);
  return write(deps, async (trx): Promise<SaveResult> => {
    const before = contractId === null ? null : await q.findContract(trx, contractId);
    if (contractId !== null && !before) throw new NotFoundError();
    if (await q.slugTaken(trx, "contracts", input.slug, contractId ?? undefined)) {
      if (values.slug) return { ok: false as const, errors: { slug: "Cet identifiant est déjà celui d’un autre contrat : choisissez-en un autre." }, values };
      input.slug = await freeSlug((s) => q.slugTaken(trx, "contracts", s, contractId ?? undefined), input.name);
    }
    const { id: _id, ...beforeFields } = before ?? { id: 0 };
    let savedId: number;
    if (contractId === null) savedId = (await q.insertContract(trx, input)).id;
    else {
      savedId = contractId;
      await q.updateContract(trx, contractId, input);
    }
    await audit(trx, deps, actor, contractId === null ? "policy.contract.create" : "policy.contract.update", { type: "contract", id: savedId, label: input.name }, {
      changed: changes(before ? beforeFields : null, { ...input }),
    });
    return { ok: true as const, id: savedId, label: input.name };
  });
}

export async function deleteContract(deps: PolicyDeps, actor: StaffActor, id: string): Promise<string> {
  assertCanEdit(actor);
  const contractId = parseId(id);
  return write(deps, async (trx) => {
    const contract = await q.findContract(trx, contractId);
    if (!contract) throw new NotFoundError();
    const priorities = await q.prioritiesOf(trx, contractId);
    if (priorities.length > 0) {
      throw new ConflictError(
        `Ce contrat ne peut pas être supprimé : il a ${priorities.length === 1 ? "une priorité" : `${priorities.length} priorités`}. Supprimez ou déplacez d’abord ses priorités et leurs actions.`,
      );
    }
    await trx.deleteFrom("contracts").where("id", "=", contractId).execute();
    await audit(trx, deps, actor, "policy.contract.delete", { type: "contract", id: contractId, label: contract.name }, { slug: contract.slug });
    return contract.name;
  });
}

// ---- Priorities
export async function getPriority(deps: PolicyDeps, id: string | number) {
  const priority = await q.findPriority(deps.db, parseId(id));
  if (!priority) throw new NotFoundError();
  const [objectives, others] = await Promise.all([q.objectivesOf(deps.db, priority.id), q.otherPriorities(deps.db, priority.contract_id)]);
  return { priority, objectives, others };
}

export async function newPriorityForm(deps: PolicyDeps, contractId: string | number) {
  const contract = await q.findContract(deps.db, parseId(contractId));
  if (!contract) throw new NotFoundError();
  return { contract, others: await q.otherPriorities(deps.db, contract.id) };
}

export async function savePriority(deps: PolicyDeps, actor: StaffActor, target: { contractId: string } | { id: string }, body: FormBody): Promise<SaveResult & { contractId?: number }> {
  assertCanEdit(actor);
  const { input, errors, values } = readPriority(body);
  if (!input) return { ok: false as const, errors, values };
  return write(deps, async (trx): Promise<SaveResult & { contractId?: number }> => {
    const before = "id" in target ? await q.findPriority(trx, parseId(target.id)) : null;
    if ("id" in target && !before) throw new NotFoundError();
    const contractId = before ? before.contract_id : parseId((target as { contractId: string }).contractId);
    if (!before && !(await q.findContract(trx, contractId))) throw new NotFoundError();
    if (input.continues_priority_id !== null) {
      const continued = await q.findPriority(trx, input.continues_priority_id);
      if (!continued || continued.contract_id === contractId) {
        return { ok: false as const, errors: { continues_priority_id: "Choisissez une priorité d’un autre contrat dans la liste." }, values };
      }
    }
    const taken = async (slug: string) =>
      (await trx.selectFrom("priorities").select("id").where("contract_id", "=", contractId).where("slug", "=", slug).where("id", "!=", before?.id ?? 0).executeTakeFirst()) !== undefined;
    if (await taken(input.slug)) {
      if (values.slug) return { ok: false as const, errors: { slug: "Cet identifiant est déjà celui d’une autre priorité de ce contrat : choisissez-en un autre." }, values };
      input.slug = await freeSlug(taken, input.title);
    }
    let id: number;
    if (before) {
      id = before.id;
      await q.updatePriority(trx, id, input);
    } else id = (await q.insertPriority(trx, contractId, input)).id;
    const beforeFields = before ? { title: before.title, slug: before.slug, description: before.description, continues_priority_id: before.continues_priority_id } : null;
    await audit(trx, deps, actor, before ? "policy.priority.update" : "policy.priority.create", { type: "priority", id, label: input.title }, { contract_id: contractId, changed: changes(beforeFields, { ...input }) });
    return { ok: true as const, id, label: input.title, contractId };
  });
}

export async function deletePriority(deps: PolicyDeps, actor: StaffActor, id: string): Promise<{ contractId: number; label: string }> {
  assertCanEdit(actor);
  const priorityId = parseId(id);
  return write(deps, async (trx) => {
    const priority = await q.findPriority(trx, priorityId);
    if (!priority) throw new NotFoundError();
    const actions = await trx.selectFrom("actions").select(({ fn }) => fn.countAll<number>().as("n")).where("priority_id", "=", priorityId).executeTakeFirstOrThrow();
    const objectives = await q.objectivesOf(trx, priorityId);
    const n = Number(actions.n);
    if (n > 0 || objectives.length > 0) {
      const parts = [n > 0 ? (n === 1 ? "une action" : `${n} actions`) : null, objectives.length > 0 ? (objectives.length === 1 ? "un objectif" : `${objectives.length} objectifs`) : null].filter(Boolean);
      throw new ConflictError(`Cette priorité ne peut pas être supprimée : elle a ${parts.join(" et ")}. Rattachez les actions à une autre priorité et supprimez les objectifs d’abord.`);
    }
    await trx.deleteFrom("priorities").where("id", "=", priorityId).execute();
    await audit(trx, deps, actor, "policy.priority.delete", { type: "priority", id: priorityId, label: priority.title }, { contract_id: priority.contract_id, slug: priority.slug });
    return { contractId: priority.contract_id, label: priority.title };
  });
}

/** Moves a priority or an objective one place up or down among its siblings. */
export async function move(deps: PolicyDeps, actor: StaffActor, kind: "priority" | "objective", id: string, direction: string): Promise<number> {
  assertCanEdit(actor);
  const itemId = parseId(id);
  if (direction !== "haut" && direction !== "bas") throw new NotFoundError();
  return write(deps, async (trx) => {
    const item = kind === "priority" ? await q.findPriority(trx, itemId) : await q.findObjective(trx, itemId);
    if (!item) throw new NotFoundError();
    const parentId = "contract_name" in item ? item.contract_id : (item as { priority_id: number }).priority_id;
    const table = kind === "priority" ? "priorities" : "objectives";
    const order = (await q.siblings(trx, table, parentId)).map((s) => s.id);
    const at = order.indexOf(itemId);
    const to = direction === "haut" ? at - 1 : at + 1;
    if (at >= 0 && to >= 0 && to < order.length) {
      order.splice(at, 1);
      order.splice(to, 0, itemId);
      await q.setPositions(trx, table, order);
      await audit(trx, deps, actor, `policy.${kind}.move`, { type: kind, id: itemId, label: item.title }, { position: { from: at + 1, to: to + 1 } });
    }
    return parentId;
  });
}

// ---- Objectives
export async function getObjective(deps: PolicyDeps, id: string) {
  const objective = await q.findObjective(deps.db, parseId(id));
  if (!objective) throw new NotFoundError();
  return objective;
}

export async function saveObjective(deps: PolicyDeps, actor: StaffActor, target: { priorityId: string } | { id: string }, body: FormBody): Promise<SaveResult<{ title: string }> & { priorityId?: number }> {
  assertCanEdit(actor);
  const { input, errors, values } = readObjective(body, "id" in target ? "title" : "objective_title");
  if (!input) return { ok: false as const, errors, values };
  return write(deps, async (trx): Promise<SaveResult<{ title: string }> & { priorityId?: number }> => {
    if ("id" in target) {
      const before = await q.findObjective(trx, parseId(target.id));
      if (!before) throw new NotFoundError();
      await trx.updateTable("objectives").set({ title: input.title }).where("id", "=", before.id).execute();
      await audit(trx, deps, actor, "policy.objective.update", { type: "objective", id: before.id, label: input.title }, { priority_id: before.priority_id, changed: changes({ title: before.title }, input) });
      return { ok: true as const, id: before.id, label: input.title, priorityId: before.priority_id };
    }
    const priority = await q.findPriority(trx, parseId(target.priorityId));
    if (!priority) throw new NotFoundError();
    const { id } = await q.insertObjective(trx, priority.id, input.title);
    await audit(trx, deps, actor, "policy.objective.create", { type: "objective", id, label: input.title }, { priority_id: priority.id });
    return { ok: true as const, id, label: input.title, priorityId: priority.id };
  });
}

export async function deleteObjective(deps: PolicyDeps, actor: StaffActor, id: string): Promise<{ priorityId: number; label: string }> {
  assertCanEdit(actor);
  const objectiveId = parseId(id);
  return write(deps, async (trx) => {
    const objective = await q.findObjective(trx, objectiveId);
    if (!objective) throw new NotFoundError();
    const used = await trx.selectFrom("actions").select(({ fn }) => fn.countAll<number>().as("n")).where("objective_id", "=", objectiveId).executeTakeFirstOrThrow();
    const n = Number(used.n);
    if (n > 0) throw new ConflictError(`Cet objectif ne peut pas être supprimé : ${n === 1 ? "une action s’y rattache" : `${n} actions s’y rattachent`}. Modifiez d’abord ces actions.`);
    await trx.deleteFrom("objectives").where("id", "=", objectiveId).execute();
    await audit(trx, deps, actor, "policy.objective.delete", { type: "objective", id: objectiveId, label: objective.title }, { priority_id: objective.priority_id });
    return { priorityId: objective.priority_id, label: objective.title };
  });
}

// ---- Organisations
export const listOrganisations = (deps: PolicyDeps, search: string) => q.listOrganisations(deps.db, search.trim().slice(0, 100));

export async function getOrganisation(deps: PolicyDeps, id: string) {
  const organisation = await q.findOrganisation(deps.db, parseId(id));
  if (!organisation) throw new NotFoundError();
  return { organisation, use: await q.organisationUse(deps.db, organisation.id) };
}

export async function saveOrganisation(deps: PolicyDeps, actor: StaffActor, id: string | null, body: FormBody): Promise<SaveResult> {
  assertCanEdit(actor);
  const { input, errors, values } = readOrganisation(body);
  if (!input) return { ok: false as const, errors, values };
  const orgId = id === null ? null : parseId(id);
  return write(deps, async (trx): Promise<SaveResult> => {
    const before = orgId === null ? null : await q.findOrganisation(trx, orgId);
    if (orgId !== null && !before) throw new NotFoundError();
    if (await q.slugTaken(trx, "organisations", input.slug, orgId ?? undefined)) {
      if (values.slug) return { ok: false as const, errors: { slug: "Cet identifiant est déjà celui d’une autre organisation : choisissez-en un autre." }, values };
      input.slug = await freeSlug((s) => q.slugTaken(trx, "organisations", s, orgId ?? undefined), input.name);
    }
    let savedId: number;
    if (orgId === null) savedId = (await q.insertOrganisation(trx, input)).id;
    else {
      savedId = orgId;
      await q.updateOrganisation(trx, orgId, input);
    }
    const { id: _id, ...beforeFields } = before ?? { id: 0 };
    await audit(trx, deps, actor, orgId === null ? "policy.organisation.create" : "policy.organisation.update", { type: "organisation", id: savedId, label: input.name }, {
      changed: changes(before ? beforeFields : null, { ...input }),
    });
    return { ok: true as const, id: savedId, label: input.name };
  });
}

export async function deleteOrganisation(deps: PolicyDeps, actor: StaffActor, id: string): Promise<string> {
  assertCanEdit(actor);
  const orgId = parseId(id);
  return write(deps, async (trx) => {
    const organisation = await q.findOrganisation(trx, orgId);
    if (!organisation) throw new NotFoundError();
    const use = await q.organisationUse(trx, orgId);
    if (use.lead + use.partner > 0) {
      const parts = [use.lead > 0 ? `porteuse de ${use.lead} action${use.lead > 1 ? "s" : ""}` : null, use.partner > 0 ? `partenaire de ${use.partner} action${use.partner > 1 ? "s" : ""}` : null].filter(Boolean);
      throw new ConflictError(`Cette organisation ne peut pas être supprimée : elle est ${parts.join(" et ")}. Retirez-la d’abord de ces actions.`);
    }
    await trx.deleteFrom("organisations").where("id", "=", orgId).execute();
    await audit(trx, deps, actor, "policy.organisation.delete", { type: "organisation", id: orgId, label: organisation.name }, { slug: organisation.slug });
    return organisation.name;
  });
}

// ---- Indicators
export const INDICATORS_PAGE_SIZE = 50;

export async function listIndicators(deps: PolicyDeps, query: { indicateur?: string; territoire?: string; annee?: string }, page: number) {
  const filter = {
    metric: query.indicateur && /^[a-z0-9_]{1,80}$/.test(query.indicateur) ? query.indicateur : undefined,
    territory: (query.territoire ?? "").trim().slice(0, 100) || undefined,
    year: query.annee && /^\d{4}$/.test(query.annee) ? Number(query.annee) : undefined,
  };
  const [{ rows, total }, options] = await Promise.all([
    q.listIndicators(deps.db, { ...filter, limit: INDICATORS_PAGE_SIZE, offset: (page - 1) * INDICATORS_PAGE_SIZE }),
    q.indicatorOptions(deps.db),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / INDICATORS_PAGE_SIZE));
  if (page > pageCount) throw new NotFoundError();
  return { rows, total, page, pageCount, options };
}

export async function getIndicator(deps: PolicyDeps, id: string) {
  const indicator = await q.findIndicator(deps.db, parseId(id));
  if (!indicator) throw new NotFoundError();
  return indicator;
}

export async function saveIndicator(deps: PolicyDeps, actor: StaffActor, id: string | null, body: FormBody): Promise<SaveResult> {
  assertCanEdit(actor);
  const { input, errors, values } = readIndicator(body);
  if (!input) return { ok: false as const, errors, values };
  const indicatorId = id === null ? null : parseId(id);
  const label = `${input.label}, ${input.territory_name}, ${input.year}`;
  return write(deps, async (trx): Promise<SaveResult> => {
    const before = indicatorId === null ? null : await q.findIndicator(trx, indicatorId);
    if (indicatorId !== null && !before) throw new NotFoundError();
    const same = await q.findIndicatorByKey(trx, input);
    if (same && same.id !== indicatorId) {
      return { ok: false as const, errors: { year: `Une valeur de cet indicateur existe déjà pour ce territoire et cette année : modifiez-la plutôt (indicateur n° ${same.id}).` }, values };
    }
    let savedId: number;
    if (indicatorId === null) savedId = (await trx.insertInto("indicators").values(input).returning("id").executeTakeFirstOrThrow()).id;
    else {
      savedId = indicatorId;
      await trx.updateTable("indicators").set(input).where("id", "=", indicatorId).execute();
    }
    const { id: _id, ...beforeFields } = before ? { ...before, value: Number(before.value).toFixed(4) } : { id: 0 };
    await audit(trx, deps, actor, indicatorId === null ? "policy.indicator.create" : "policy.indicator.update", { type: "indicator", id: savedId, label }, {
      changed: changes(before ? beforeFields : null, { ...input }),
    });
    return { ok: true as const, id: savedId, label };
  });
}

export async function deleteIndicator(deps: PolicyDeps, actor: StaffActor, id: string): Promise<string> {
  assertCanEdit(actor);
  const indicatorId = parseId(id);
  return write(deps, async (trx) => {
    const indicator = await q.findIndicator(trx, indicatorId);
    if (!indicator) throw new NotFoundError();
    await trx.deleteFrom("indicators").where("id", "=", indicatorId).execute();
    const label = `${indicator.label}, ${indicator.territory_name}, ${indicator.year}`;
    await audit(trx, deps, actor, "policy.indicator.delete", { type: "indicator", id: indicatorId, label }, { metric: indicator.metric, territory_code: indicator.territory_code, year: indicator.year, value: indicator.value });
    return label;
  });
}

// ---- Actions
export const ACTIONS_PAGE_SIZE = 25;

export interface AdminActionQuery {
  q?: string;
  contrat?: string;
  priorite?: string;
  statut?: string;
  quartier?: string;
  page?: string;
}

export async function listActions(deps: PolicyDeps, query: AdminActionQuery, page: number) {
  const id = (v?: string) => (v && /^\d{1,9}$/.test(v) ? Number(v) : undefined);
  const filter = {
    search: (query.q ?? "").trim().slice(0, 100) || undefined,
    contractId: id(query.contrat),
    priorityId: id(query.priorite),
    status: query.statut && ["planned", "in_progress", "delayed", "completed", "cancelled"].includes(query.statut) ? query.statut : undefined,
    placeId: id(query.quartier),
  };
  const [{ rows, total }, contracts, options] = await Promise.all([
    q.listActions(deps.db, { ...filter, limit: ACTIONS_PAGE_SIZE, offset: (page - 1) * ACTIONS_PAGE_SIZE }),
    q.listContracts(deps.db),
    q.actionFormOptions(deps.db),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / ACTIONS_PAGE_SIZE));
  if (page > pageCount) throw new NotFoundError();
  return { rows, total, page, pageCount, contracts, priorities: options.priorities, places: options.places };
}

export type ActionFormData = Awaited<ReturnType<typeof actionFormData>>;

/** Everything the action form shows: its choices, and the article search results. */
export async function actionFormData(deps: PolicyDeps, values: ActionValues, articleSearch = "") {
  const [options, articles] = await Promise.all([q.actionFormOptions(deps.db), q.articleChoices(deps.db, articleSearch.trim().slice(0, 100), values.articles, deps.now())]);
  return { ...options, articles, articleSearch };
}

export function emptyActionValues(priorityId?: string): ActionValues {
  return {
    title: "", slug: "", summary: "", description: "", priority_id: priorityId ?? "", objective_id: "", status: "planned", progress: "0",
    start_date: "", end_date: "", lead_organisation_id: "", is_example: false, partners: [], places: [], articles: [], funding: [], milestones: [],
  };
}

export async function getAction(deps: PolicyDeps, id: string) {
  const action = await q.findAction(deps.db, parseId(id));
  if (!action) throw new NotFoundError();
  const children = await q.actionChildren(deps.db, action.id);
  const values: ActionValues = {
    title: action.title,
    slug: action.slug,
    summary: action.summary,
    description: action.description,
    priority_id: String(action.priority_id),
    objective_id: action.objective_id === null ? "" : String(action.objective_id),
    status: action.status,
    progress: String(action.progress),
    start_date: action.start_date ?? "",
    end_date: action.end_date ?? "",
    lead_organisation_id: action.lead_organisation_id === null ? "" : String(action.lead_organisation_id),
    is_example: action.is_example,
    partners: children.partners,
    places: children.places,
    articles: children.articles,
    funding: children.funding.map((f) => ({ funder: f.funder, amount: f.amount.replace(".", ","), year: String(f.year), label: f.label })),
    milestones: children.milestones,
  };
  return { action, values };
}

export async function saveAction(deps: PolicyDeps, actor: StaffActor, id: string | null, body: FormBody): Promise<SaveResult<ActionValues>> {
  assertCanEdit(actor);
  const { input, errors, values } = readAction(body);
  if (!input) return { ok: false as const, errors, values };
  const actionId = id === null ? null : parseId(id);
  const fail = (fields: Errors): SaveResult<ActionValues> => ({ ok: false as const, errors: fields, values });
  const now = deps.now();
  try {
    return await write(deps, async (trx): Promise<SaveResult<ActionValues>> => {
      const before = actionId === null ? null : await q.findAction(trx, actionId);
      if (actionId !== null && !before) throw new NotFoundError();
      // References, checked in the transaction so that a deletion meanwhile cannot slip through.
      const refErrors: Errors = {};
      const priority = await q.findPriority(trx, input.priority_id);
      if (!priority) refErrors.priority_id = "Cette priorité n’existe plus : choisissez-en une autre.";
      if (input.objective_id !== null) {
        const objective = await q.findObjective(trx, input.objective_id);
        if (!objective || objective.priority_id !== input.priority_id) refErrors.objective_id = "Cet objectif n’appartient pas à la priorité choisie : choisissez un objectif de cette priorité, ou aucun.";
      }
      if (input.lead_organisation_id !== null && !(await q.findOrganisation(trx, input.lead_organisation_id))) refErrors.lead_organisation_id = "Ce porteur n’existe plus : choisissez-en un autre.";
      const [orgs, places, articles] = await Promise.all([
        q.existingIds(trx, "organisations", input.partners),
        q.existingIds(trx, "neighbourhoods", input.places),
        q.existingIds(trx, "content_items", input.articles),
      ]);
      if (input.partners.some((p) => !orgs.has(p))) refErrors.partners = "Un des partenaires cochés n’existe plus : vérifiez la liste.";
      if (input.places.some((p) => !places.has(p))) refErrors.places = "Un des quartiers cochés n’existe plus : vérifiez la liste.";
      if (input.articles.some((p) => !articles.has(p))) refErrors.articles = "Un des articles cochés n’existe plus : vérifiez la liste.";
      if (input.slug && (await q.slugTaken(trx, "actions", input.slug, actionId ?? undefined))) refErrors.slug = "Cet identifiant est déjà celui d’une autre action : choisissez-en un autre.";
      if (Object.keys(refErrors).length > 0) return fail(refErrors);

      const slug = input.slug || before?.slug || (await freeSlug((s) => q.slugTaken(trx, "actions", s, actionId ?? undefined), input.title));
      const { partners, places: placeIds, articles: articleIds, funding, milestones, ...rest } = input;
      const columns = { ...rest, slug, description: sanitizeBody(descriptionHtml(input.description)) };
      const beforeChildren = before ? await q.actionChildren(trx, before.id) : null;
      let savedId: number;
      if (before) {
        savedId = before.id;
        await q.updateAction(trx, savedId, columns, now);
        // The old public address keeps working (301), and a slug taken back is no longer a redirect.
        await trx.deleteFrom("action_slug_redirects").where("old_slug", "=", slug).execute();
        if (before.slug !== slug) {
          await trx
            .insertInto("action_slug_redirects")
            .values({ old_slug: before.slug, action_id: savedId, created_at: now })
            .onConflict((oc) => oc.column("old_slug").doUpdateSet({ action_id: savedId, created_at: now }))
            .execute();
        }
      } else savedId = (await q.insertAction(trx, columns, now)).id;
      await q.replaceActionChildren(trx, savedId, { partners, places: placeIds, articles: articleIds, funding, milestones });
      const beforeFields = before
        ? {
            title: before.title, slug: before.slug, summary: before.summary, description: before.description, priority_id: before.priority_id, objective_id: before.objective_id,
            status: before.status, progress: before.progress, start_date: before.start_date, end_date: before.end_date, lead_organisation_id: before.lead_organisation_id,
            is_example: before.is_example, ...beforeChildren,
          }
        : null;
      const after = { ...columns, partners, places: placeIds, articles: articleIds, funding, milestones };
      await audit(trx, deps, actor, before ? "policy.action.update" : "policy.action.create", { type: "action", id: savedId, label: input.title }, { slug, changed: changes(beforeFields, after) });
      return { ok: true as const, id: savedId, label: input.title };
    });
  } catch (error) {
    // Two people creating the same slug at once: the second is told, nothing is written.
    if (isUniqueViolation(error)) return fail({ slug: "Cet identifiant vient d’être pris par une autre action : choisissez-en un autre." });
    throw error;
  }
}

export async function deleteAction(deps: PolicyDeps, actor: StaffActor, id: string): Promise<string> {
  assertCanEdit(actor);
  const actionId = parseId(id);
  return write(deps, async (trx) => {
    const action = await q.findAction(trx, actionId);
    if (!action) throw new NotFoundError();
    await trx.deleteFrom("actions").where("id", "=", actionId).execute();
    await audit(trx, deps, actor, "policy.action.delete", { type: "action", id: actionId, label: action.title }, { slug: action.slug, status: action.status, progress: action.progress });
    return action.title;
  });
}
