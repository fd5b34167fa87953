// Contracts, their priorities and the objectives under them.
import { ConflictError, NotFoundError } from "../../../core/errors.js";
import type { StaffActor } from "../../admin/index.js";
import * as q from "./queries.js";
import { readContract, readObjective, readPriority, type FormBody } from "./validate.js";
import { assertCanEdit, audit, changes, freeSlug, parseId, refuse, write, type PolicyDeps, type SaveResult } from "./service-common.js";

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
  if (!input) refuse(errors, values);
  const contractId = id === null ? null : parseId(id);
  return write(deps, async (trx): Promise<SaveResult> => {
    const before = contractId === null ? null : await q.findContract(trx, contractId);
    if (contractId !== null && !before) throw new NotFoundError();
    if (await q.slugTaken(trx, "contracts", input.slug, contractId ?? undefined)) {
      if (values.slug) refuse({ slug: "Cet identifiant est déjà celui d’un autre contrat : choisissez-en un autre." }, values);
      input.slug = await freeSlug((s) => q.slugTaken(trx, "contracts", s, contractId ?? undefined), input.name);
    }
    const { id: _id, ...beforeFields } = before ?? { id: 0 };
    let savedId: number;
    if (contractId === null) savedId = (await q.insertContract(trx, input)).id;
    else {
      savedId = contractId;
      await q.updateContract(trx, contractId, input);
    }
    await audit(
      trx,
      deps,
      actor,
      contractId === null ? "policy.contract.create" : "policy.contract.update",
      { type: "contract", id: savedId, label: input.name },
      {
        changed: changes(before ? beforeFields : null, { ...input }),
      },
    );
    return { id: savedId, label: input.name };
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
    await q.deleteRow(trx, "contracts", contractId);
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

export async function savePriority(
  deps: PolicyDeps,
  actor: StaffActor,
  target: { contractId: string } | { id: string },
  body: FormBody,
): Promise<SaveResult & { contractId: number }> {
  assertCanEdit(actor);
  const { input, errors, values } = readPriority(body);
  if (!input) refuse(errors, values);
  return write(deps, async (trx): Promise<SaveResult & { contractId: number }> => {
    const before = "id" in target ? await q.findPriority(trx, parseId(target.id)) : null;
    if ("id" in target && !before) throw new NotFoundError();
    const contractId = before ? before.contract_id : parseId((target as { contractId: string }).contractId);
    if (!before && !(await q.findContract(trx, contractId))) throw new NotFoundError();
    if (input.continues_priority_id !== null) {
      const continued = await q.findPriority(trx, input.continues_priority_id);
      if (!continued || continued.contract_id === contractId) {
        refuse({ continues_priority_id: "Choisissez une priorité d’un autre contrat dans la liste." }, values);
      }
    }
    const taken = (slug: string) => q.prioritySlugTaken(trx, contractId, slug, before?.id ?? 0);
    if (await taken(input.slug)) {
      if (values.slug) refuse({ slug: "Cet identifiant est déjà celui d’une autre priorité de ce contrat : choisissez-en un autre." }, values);
      input.slug = await freeSlug(taken, input.title);
    }
    let id: number;
    if (before) {
      id = before.id;
      await q.updatePriority(trx, id, input);
    } else id = (await q.insertPriority(trx, contractId, input)).id;
    const beforeFields = before
      ? { title: before.title, slug: before.slug, description: before.description, continues_priority_id: before.continues_priority_id }
      : null;
    await audit(
      trx,
      deps,
      actor,
      before ? "policy.priority.update" : "policy.priority.create",
      { type: "priority", id, label: input.title },
      { contract_id: contractId, changed: changes(beforeFields, { ...input }) },
    );
    return { id, label: input.title, contractId };
  });
}

export async function deletePriority(deps: PolicyDeps, actor: StaffActor, id: string): Promise<{ contractId: number; label: string }> {
  assertCanEdit(actor);
  const priorityId = parseId(id);
  return write(deps, async (trx) => {
    const priority = await q.findPriority(trx, priorityId);
    if (!priority) throw new NotFoundError();
    const n = await q.countActions(trx, { priorityId });
    const objectives = await q.objectivesOf(trx, priorityId);
    if (n > 0 || objectives.length > 0) {
      const parts = [
        n > 0 ? (n === 1 ? "une action" : `${n} actions`) : null,
        objectives.length > 0 ? (objectives.length === 1 ? "un objectif" : `${objectives.length} objectifs`) : null,
      ].filter(Boolean);
      throw new ConflictError(
        `Cette priorité ne peut pas être supprimée : elle a ${parts.join(" et ")}. Rattachez les actions à une autre priorité et supprimez les objectifs d’abord.`,
      );
    }
    await q.deleteRow(trx, "priorities", priorityId);
    await audit(
      trx,
      deps,
      actor,
      "policy.priority.delete",
      { type: "priority", id: priorityId, label: priority.title },
      { contract_id: priority.contract_id, slug: priority.slug },
    );
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

export async function saveObjective(
  deps: PolicyDeps,
  actor: StaffActor,
  target: { priorityId: string } | { id: string },
  body: FormBody,
): Promise<SaveResult & { priorityId: number }> {
  assertCanEdit(actor);
  const { input, errors, values } = readObjective(body, "id" in target ? "title" : "objective_title");
  if (!input) refuse(errors, values);
  return write(deps, async (trx): Promise<SaveResult & { priorityId: number }> => {
    if ("id" in target) {
      const before = await q.findObjective(trx, parseId(target.id));
      if (!before) throw new NotFoundError();
      await q.updateObjective(trx, before.id, input.title);
      await audit(
        trx,
        deps,
        actor,
        "policy.objective.update",
        { type: "objective", id: before.id, label: input.title },
        { priority_id: before.priority_id, changed: changes({ title: before.title }, input) },
      );
      return { id: before.id, label: input.title, priorityId: before.priority_id };
    }
    const priority = await q.findPriority(trx, parseId(target.priorityId));
    if (!priority) throw new NotFoundError();
    const { id } = await q.insertObjective(trx, priority.id, input.title);
    await audit(trx, deps, actor, "policy.objective.create", { type: "objective", id, label: input.title }, { priority_id: priority.id });
    return { id, label: input.title, priorityId: priority.id };
  });
}

export async function deleteObjective(deps: PolicyDeps, actor: StaffActor, id: string): Promise<{ priorityId: number; label: string }> {
  assertCanEdit(actor);
  const objectiveId = parseId(id);
  return write(deps, async (trx) => {
    const objective = await q.findObjective(trx, objectiveId);
    if (!objective) throw new NotFoundError();
    const n = await q.countActions(trx, { objectiveId });
    if (n > 0)
      throw new ConflictError(
        `Cet objectif ne peut pas être supprimé : ${n === 1 ? "une action s’y rattache" : `${n} actions s’y rattachent`}. Modifiez d’abord ces actions.`,
      );
    await q.deleteRow(trx, "objectives", objectiveId);
    await audit(
      trx,
      deps,
      actor,
      "policy.objective.delete",
      { type: "objective", id: objectiveId, label: objective.title },
      { priority_id: objective.priority_id },
    );
    return { priorityId: objective.priority_id, label: objective.title };
  });
}
