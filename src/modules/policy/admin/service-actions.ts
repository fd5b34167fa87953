// Actions with their partners, places, linked articles, funding lines and milestones.
import { NotFoundError } from "../../../core/errors.js";
import { sanitizeBody } from "../../content/index.js";
import type { StaffActor } from "../../admin/index.js";
import * as q from "./queries.js";
import { ValidationError } from "../../../core/errors.js";
import { descriptionHtml, readAction, type ActionValues, type FormBody } from "./validate.js";
import { assertCanEdit, audit, changes, freeSlug, isUniqueViolation, parseId, refuse, write, type PolicyDeps, type SaveResult } from "./service-common.js";
import { formatDateTime } from "../../../lib/format.js";
import { statusChanged } from "../events.js";

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
  const [{ rows, total, cancelled }, contracts, options] = await Promise.all([
    q.listActions(deps.db, { ...filter, limit: ACTIONS_PAGE_SIZE, offset: (page - 1) * ACTIONS_PAGE_SIZE }),
    q.listContracts(deps.db),
    q.actionFormOptions(deps.db),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / ACTIONS_PAGE_SIZE));
  if (page > pageCount) throw new NotFoundError();
  return { rows, total, cancelled, page, pageCount, contracts, priorities: options.priorities, places: options.places };
}

export type ActionFormData = Awaited<ReturnType<typeof actionFormData>>;

/** Everything the action form shows: its choices, and the article search results. */
export async function actionFormData(deps: PolicyDeps, values: ActionValues, articleSearch = "") {
  const [options, articles] = await Promise.all([
    q.actionFormOptions(deps.db),
    q.articleChoices(deps.db, articleSearch.trim().slice(0, 100), values.articles, deps.now()),
  ]);
  return { ...options, articles, articleSearch };
}

export function emptyActionValues(priorityId?: string): ActionValues {
  return {
    title: "",
    slug: "",
    summary: "",
    description: "",
    priority_id: priorityId ?? "",
    objective_id: "",
    status: "planned",
    progress: "0",
    start_date: "",
    end_date: "",
    lead_organisation_id: "",
    is_example: false,
    partners: [],
    places: [],
    articles: [],
    funding: [],
    milestones: [],
    version: "",
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
    version: String(action.version),
  };
  return { action, values };
}

export async function saveAction(deps: PolicyDeps, actor: StaffActor, id: string | null, body: FormBody): Promise<SaveResult> {
  assertCanEdit(actor);
  const { input, errors, values } = readAction(body);
  if (!input) refuse(errors, values);
  const actionId = id === null ? null : parseId(id);
  const now = deps.now();
  try {
    return await write(deps, async (trx): Promise<SaveResult> => {
      const before = actionId === null ? null : await q.findAction(trx, actionId);
      if (actionId !== null && !before) throw new NotFoundError();
      // References, checked in the transaction so that a deletion meanwhile cannot slip through.
      const refErrors: Record<string, string> = {};
      const priority = await q.findPriority(trx, input.priority_id);
      if (!priority) refErrors.priority_id = "Cette priorité n’existe plus : choisissez-en une autre.";
      if (input.objective_id !== null) {
        const objective = await q.findObjective(trx, input.objective_id);
        if (!objective || objective.priority_id !== input.priority_id)
          refErrors.objective_id = "Cet objectif n’appartient pas à la priorité choisie : choisissez un objectif de cette priorité, ou aucun.";
      }
      if (input.lead_organisation_id !== null && !(await q.findOrganisation(trx, input.lead_organisation_id)))
        refErrors.lead_organisation_id = "Ce porteur n’existe plus : choisissez-en un autre.";
      const [orgs, places, articles] = await Promise.all([
        q.existingIds(trx, "organisations", input.partners),
        q.existingIds(trx, "neighbourhoods", input.places),
        q.existingIds(trx, "content_items", input.articles),
      ]);
      if (input.partners.some((p) => !orgs.has(p))) refErrors.partners = "Un des partenaires cochés n’existe plus : vérifiez la liste.";
      if (input.places.some((p) => !places.has(p))) refErrors.places = "Un des quartiers cochés n’existe plus : vérifiez la liste.";
      if (input.articles.some((p) => !articles.has(p))) refErrors.articles = "Un des articles cochés n’existe plus : vérifiez la liste.";
      if (input.slug && (await q.slugTaken(trx, "actions", input.slug, actionId ?? undefined)))
        refErrors.slug = "Cet identifiant est déjà celui d’une autre action : choisissez-en un autre.";
      if (Object.keys(refErrors).length > 0) refuse(refErrors, values);

      const slug = input.slug || before?.slug || (await freeSlug((s) => q.slugTaken(trx, "actions", s, actionId ?? undefined), input.title));
      const { partners, places: placeIds, articles: articleIds, funding, milestones, ...rest } = input;
      const columns = { ...rest, slug, description: sanitizeBody(descriptionHtml(input.description)) };
      const beforeChildren = before ? await q.actionChildren(trx, before.id) : null;
      let savedId: number;
      if (before) {
        savedId = before.id;
        const expected = values.version ? Number(values.version) : null;
        if (!(await q.updateAction(trx, savedId, columns, now, expected))) {
          refuse(
            {
              version:
                `Cette action a été modifiée par quelqu’un d’autre depuis que vous avez ouvert ce formulaire (dernier enregistrement : ${formatDateTime(before.updated_at)}). ` +
                "Rien n’a été enregistré : vos modifications sont conservées ci-dessous. Ouvrez l’action dans un autre onglet pour voir la version enregistrée, reportez-y ce qui manque, puis enregistrez.",
            },
            values,
          );
        }
        // The old public address keeps working (301), and a slug taken back is no longer a redirect.
        await q.recordSlugChange(trx, savedId, before.slug, slug, now);
        // Other modules hear of a status change in this transaction (participation tells the
        // action's followers): a save that fails after this line leaves no notice behind.
        if (before.status !== input.status)
          await deps.emit(
            trx,
            "policy.action.status-changed",
            statusChanged({ actionId: savedId, title: input.title, slug, from: before.status, to: input.status, actorId: actor.id, at: now }),
          );
      } else savedId = (await q.insertAction(trx, columns, now)).id;
      await q.replaceActionChildren(trx, savedId, { partners, places: placeIds, articles: articleIds, funding, milestones });
      const beforeFields = before
        ? {
            title: before.title,
            slug: before.slug,
            summary: before.summary,
            description: before.description,
            priority_id: before.priority_id,
            objective_id: before.objective_id,
            status: before.status,
            progress: before.progress,
            start_date: before.start_date,
            end_date: before.end_date,
            lead_organisation_id: before.lead_organisation_id,
            is_example: before.is_example,
            ...beforeChildren,
          }
        : null;
      const after = { ...columns, partners, places: placeIds, articles: articleIds, funding, milestones };
      await audit(
        trx,
        deps,
        actor,
        before ? "policy.action.update" : "policy.action.create",
        { type: "action", id: savedId, label: input.title },
        { slug, changed: changes(beforeFields, after) },
      );
      return { id: savedId, label: input.title };
    });
  } catch (error) {
    // Two people creating the same slug at once: the second is told, nothing is written.
    if (isUniqueViolation(error))
      throw new ValidationError({ slug: "Cet identifiant vient d’être pris par une autre action : choisissez-en un autre." }, "Slug taken", values);
    throw error;
  }
}

export async function deleteAction(deps: PolicyDeps, actor: StaffActor, id: string): Promise<string> {
  assertCanEdit(actor);
  const actionId = parseId(id);
  return write(deps, async (trx) => {
    const action = await q.findAction(trx, actionId);
    if (!action) throw new NotFoundError();
    await q.deleteRow(trx, "actions", actionId);
    await audit(
      trx,
      deps,
      actor,
      "policy.action.delete",
      { type: "action", id: actionId, label: action.title },
      { slug: action.slug, status: action.status, progress: action.progress },
    );
    return action.title;
  });
}
