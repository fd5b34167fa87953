// Organisations and indicators.
import { ConflictError, NotFoundError } from "../../../core/errors.js";
import type { StaffActor } from "../../admin/index.js";
import * as q from "./queries.js";
import { readIndicator, readOrganisation, type FormBody } from "./validate.js";
import { assertCanEdit, audit, changes, freeSlug, parseId, refuse, write, type PolicyDeps, type SaveResult } from "./service-common.js";

export const listOrganisations = (deps: PolicyDeps, search: string) => q.listOrganisations(deps.db, search.trim().slice(0, 100));

export async function getOrganisation(deps: PolicyDeps, id: string) {
  const organisation = await q.findOrganisation(deps.db, parseId(id));
  if (!organisation) throw new NotFoundError();
  return { organisation, use: await q.organisationUse(deps.db, organisation.id) };
}

export async function saveOrganisation(deps: PolicyDeps, actor: StaffActor, id: string | null, body: FormBody): Promise<SaveResult> {
  assertCanEdit(actor);
  const { input, errors, values } = readOrganisation(body);
  if (!input) refuse(errors, values);
  const orgId = id === null ? null : parseId(id);
  return write(deps, async (trx): Promise<SaveResult> => {
    const before = orgId === null ? null : await q.findOrganisation(trx, orgId);
    if (orgId !== null && !before) throw new NotFoundError();
    if (await q.slugTaken(trx, "organisations", input.slug, orgId ?? undefined)) {
      if (values.slug) refuse({ slug: "Cet identifiant est déjà celui d’une autre organisation : choisissez-en un autre." }, values);
      input.slug = await freeSlug((s) => q.slugTaken(trx, "organisations", s, orgId ?? undefined), input.name);
    }
    let savedId: number;
    if (orgId === null) savedId = (await q.insertOrganisation(trx, input)).id;
    else {
      savedId = orgId;
      await q.updateOrganisation(trx, orgId, input);
    }
    const { id: _id, ...beforeFields } = before ?? { id: 0 };
    await audit(
      trx,
      deps,
      actor,
      orgId === null ? "policy.organisation.create" : "policy.organisation.update",
      { type: "organisation", id: savedId, label: input.name },
      {
        changed: changes(before ? beforeFields : null, { ...input }),
      },
    );
    return { id: savedId, label: input.name };
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
      const parts = [
        use.lead > 0 ? `porteuse de ${use.lead} action${use.lead > 1 ? "s" : ""}` : null,
        use.partner > 0 ? `partenaire de ${use.partner} action${use.partner > 1 ? "s" : ""}` : null,
      ].filter(Boolean);
      throw new ConflictError(`Cette organisation ne peut pas être supprimée : elle est ${parts.join(" et ")}. Retirez-la d’abord de ces actions.`);
    }
    await q.deleteRow(trx, "organisations", orgId);
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
  if (!input) refuse(errors, values);
  const indicatorId = id === null ? null : parseId(id);
  const label = `${input.label}, ${input.territory_name}, ${input.year}`;
  return write(deps, async (trx): Promise<SaveResult> => {
    const before = indicatorId === null ? null : await q.findIndicator(trx, indicatorId);
    if (indicatorId !== null && !before) throw new NotFoundError();
    const same = await q.findIndicatorByKey(trx, input);
    if (same && same.id !== indicatorId) {
      refuse({ year: `Une valeur de cet indicateur existe déjà pour ce territoire et cette année : modifiez-la plutôt (indicateur n° ${same.id}).` }, values);
    }
    let savedId: number;
    if (indicatorId === null) savedId = (await q.insertIndicator(trx, input)).id;
    else {
      savedId = indicatorId;
      await q.updateIndicator(trx, indicatorId, input);
    }
    const { id: _id, ...beforeFields } = before ? { ...before, value: Number(before.value).toFixed(4) } : { id: 0 };
    await audit(
      trx,
      deps,
      actor,
      indicatorId === null ? "policy.indicator.create" : "policy.indicator.update",
      { type: "indicator", id: savedId, label },
      {
        changed: changes(before ? beforeFields : null, { ...input }),
      },
    );
    return { id: savedId, label };
  });
}

export async function deleteIndicator(deps: PolicyDeps, actor: StaffActor, id: string): Promise<string> {
  assertCanEdit(actor);
  const indicatorId = parseId(id);
  return write(deps, async (trx) => {
    const indicator = await q.findIndicator(trx, indicatorId);
    if (!indicator) throw new NotFoundError();
    await q.deleteRow(trx, "indicators", indicatorId);
    const label = `${indicator.label}, ${indicator.territory_name}, ${indicator.year}`;
    await audit(
      trx,
      deps,
      actor,
      "policy.indicator.delete",
      { type: "indicator", id: indicatorId, label },
      { metric: indicator.metric, territory_code: indicator.territory_code, year: indicator.year, value: indicator.value },
    );
    return label;
  });
}
