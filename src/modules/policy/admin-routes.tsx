// Back-office routes of the policy module (under /admin, behind registerAdminGuard):
// contracts, priorities and objectives, actions with their funding lines and milestones,
// organisations and indicators. Every route requires "policy.edit". Routes stay thin:
// read the request, call one service function, then render (400 with the errors and the
// values typed, 409 for a refused deletion) or redirect with a success notice.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { ConflictError } from "../../core/errors.js";
import { requireStaff, serveAdminPage, staffActor } from "../admin/index.js";
import { parsePage } from "../content/service.js";
import * as service from "./admin/service.js";
import { readAction, str, type FormBody } from "./admin/validate.js";
import { ActionFormView } from "./admin/views/action-form.js";
import { ActionsView } from "./admin/views/actions.js";
import { ContractFormView, ContractsView, contractValues } from "./admin/views/contracts.js";
import { IndicatorFormView, IndicatorsView, indicatorValues } from "./admin/views/indicators.js";
import { OrganisationFormView, OrganisationsView, organisationValues } from "./admin/views/organisations.js";
import { OverviewView } from "./admin/views/overview.js";
import { ObjectiveFormView, PriorityFormView, priorityValues } from "./admin/views/priorities.js";
import { BASE } from "./admin/views/shared.js";

type Id = { Params: { id: string } };

/** String query parameters only (a repeated parameter keeps its first value). */
function query(request: FastifyRequest): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries((request.query ?? {}) as Record<string, unknown>)) {
    const s = Array.isArray(v) ? v[0] : v;
    if (typeof s === "string") out[k] = s.slice(0, 200);
  }
  return out;
}

function body(request: FastifyRequest): FormBody {
  return (request.body && typeof request.body === "object" ? request.body : {}) as FormBody;
}

const see = (reply: FastifyReply, url: string) => reply.redirect(url, 303);

export async function policyAdminRoutes(app: FastifyInstance) {
  const deps: service.PolicyDeps = { db: app.deps.db, pageCache: app.deps.pageCache, now: () => app.deps.now() };
  const guard = { preHandler: requireStaff("policy.edit") };

  app.get(BASE, guard, async (request, reply) => {
    const data = await service.overview(deps);
    return serveAdminPage(request, reply, () => ({ render: (ctx, actor) => <OverviewView ctx={ctx} actor={actor} data={data} /> }));
  });

  // ---- Contracts
  app.get(`${BASE}/contrats`, guard, async (request, reply) => {
    const contracts = await service.listContracts(deps);
    return serveAdminPage(request, reply, () => ({ render: (ctx, actor) => <ContractsView ctx={ctx} actor={actor} contracts={contracts} flash={query(request).ok} /> }));
  });

  app.get(`${BASE}/contrats/nouveau`, guard, async (request, reply) =>
    serveAdminPage(request, reply, () => ({
      render: (ctx, actor) => (
        <ContractFormView ctx={ctx} actor={actor} data={null} values={{ generation: "2024", period_start: String(app.deps.now().getFullYear()), period_end: "2030", progress_rule: "budget", position: "0" }} errors={{}} />
      ),
    })),
  );

  const contractForm = async (request: FastifyRequest, reply: FastifyReply, id: string | null) => {
    const result = await service.saveContract(deps, staffActor(request), id, body(request));
    if (result.ok) return see(reply, `${BASE}/contrats/${result.id}?ok=contrat-enregistre`);
    const data = id === null ? null : await service.getContract(deps, id);
    return serveAdminPage(request, reply, () => ({ status: 400, render: (ctx, actor) => <ContractFormView ctx={ctx} actor={actor} data={data} values={result.values} errors={result.errors} /> }));
  };
  app.post(`${BASE}/contrats/nouveau`, guard, (request, reply) => contractForm(request, reply, null));

  app.get<Id>(`${BASE}/contrats/:id`, guard, async (request, reply) => {
    const data = await service.getContract(deps, request.params.id);
    return serveAdminPage(request, reply, () => ({
      render: (ctx, actor) => <ContractFormView ctx={ctx} actor={actor} data={data} values={contractValues(data.contract)} errors={{}} flash={query(request).ok} />,
    }));
  });
  app.post<Id>(`${BASE}/contrats/:id`, guard, (request, reply) => contractForm(request, reply, request.params.id));

  app.post<Id>(`${BASE}/contrats/:id/supprimer`, guard, async (request, reply) => {
    try {
      await service.deleteContract(deps, staffActor(request), request.params.id);
      return see(reply, `${BASE}/contrats?ok=contrat-supprime`);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const data = await service.getContract(deps, request.params.id);
      return serveAdminPage(request, reply, () => ({
        status: 409,
        render: (ctx, actor) => <ContractFormView ctx={ctx} actor={actor} data={data} values={contractValues(data.contract)} errors={{}} problem={error.message} />,
      }));
    }
  });

  // ---- Priorities and objectives
  app.get<Id>(`${BASE}/contrats/:id/priorites/nouvelle`, guard, async (request, reply) => {
    const { contract, others } = await service.newPriorityForm(deps, request.params.id);
    return serveAdminPage(request, reply, () => ({
      render: (ctx, actor) => <PriorityFormView ctx={ctx} actor={actor} contract={contract} data={null} others={others} values={{}} errors={{}} />,
    }));
  });
  app.post<Id>(`${BASE}/contrats/:id/priorites/nouvelle`, guard, async (request, reply) => {
    const result = await service.savePriority(deps, staffActor(request), { contractId: request.params.id }, body(request));
    if (result.ok) return see(reply, `${BASE}/priorites/${result.id}?ok=priorite-enregistree`);
    const { contract, others } = await service.newPriorityForm(deps, request.params.id);
    return serveAdminPage(request, reply, () => ({
      status: 400,
      render: (ctx, actor) => <PriorityFormView ctx={ctx} actor={actor} contract={contract} data={null} others={others} values={result.values} errors={result.errors} />,
    }));
  });

  const priorityPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { status?: number; values?: Record<string, string>; errors?: Record<string, string>; objectiveValues?: { title: string }; objectiveErrors?: Record<string, string>; problem?: string } = {},
  ) => {
    const data = await service.getPriority(deps, id);
    const contract = { id: data.priority.contract_id, name: data.priority.contract_name };
    return serveAdminPage(request, reply, () => ({
      status: extra.status,
      render: (ctx, actor) => (
        <PriorityFormView
          ctx={ctx}
          actor={actor}
          contract={contract}
          data={data}
          others={data.others}
          values={extra.values ?? priorityValues(data.priority)}
          errors={extra.errors ?? {}}
          objectiveValues={extra.objectiveValues}
          objectiveErrors={extra.objectiveErrors}
          flash={query(request).ok}
          problem={extra.problem}
        />
      ),
    }));
  };
  app.get<Id>(`${BASE}/priorites/:id`, guard, (request, reply) => priorityPage(request, reply, request.params.id));
  app.post<Id>(`${BASE}/priorites/:id`, guard, async (request, reply) => {
    const result = await service.savePriority(deps, staffActor(request), { id: request.params.id }, body(request));
    if (result.ok) return see(reply, `${BASE}/priorites/${result.id}?ok=priorite-enregistree`);
    return priorityPage(request, reply, request.params.id, { status: 400, values: result.values, errors: result.errors });
  });
  app.post<Id>(`${BASE}/priorites/:id/supprimer`, guard, async (request, reply) => {
    try {
      const { contractId } = await service.deletePriority(deps, staffActor(request), request.params.id);
      return see(reply, `${BASE}/contrats/${contractId}?ok=priorite-supprimee`);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      return priorityPage(request, reply, request.params.id, { status: 409, problem: error.message });
    }
  });
  app.post<Id>(`${BASE}/priorites/:id/deplacer`, guard, async (request, reply) => {
    const contractId = await service.move(deps, staffActor(request), "priority", request.params.id, str(body(request), "sens"));
    return see(reply, `${BASE}/contrats/${contractId}?ok=priorite-deplacee`);
  });
  app.post<Id>(`${BASE}/priorites/:id/objectifs`, guard, async (request, reply) => {
    const result = await service.saveObjective(deps, staffActor(request), { priorityId: request.params.id }, body(request));
    if (result.ok) return see(reply, `${BASE}/priorites/${request.params.id}?ok=objectif-enregistre`);
    return priorityPage(request, reply, request.params.id, { status: 400, objectiveValues: result.values, objectiveErrors: result.errors });
  });

  const objectivePage = async (request: FastifyRequest, reply: FastifyReply, id: string, extra: { status?: number; values?: { title: string }; errors?: Record<string, string>; problem?: string } = {}) => {
    const objective = await service.getObjective(deps, id);
    return serveAdminPage(request, reply, () => ({
      status: extra.status,
      render: (ctx, actor) => <ObjectiveFormView ctx={ctx} actor={actor} objective={objective} values={extra.values ?? { title: objective.title }} errors={extra.errors ?? {}} problem={extra.problem} />,
    }));
  };
  app.get<Id>(`${BASE}/objectifs/:id`, guard, (request, reply) => objectivePage(request, reply, request.params.id));
  app.post<Id>(`${BASE}/objectifs/:id`, guard, async (request, reply) => {
    const result = await service.saveObjective(deps, staffActor(request), { id: request.params.id }, body(request));
    if (result.ok) return see(reply, `${BASE}/priorites/${result.priorityId}?ok=objectif-enregistre`);
    return objectivePage(request, reply, request.params.id, { status: 400, values: result.values, errors: result.errors });
  });
  app.post<Id>(`${BASE}/objectifs/:id/supprimer`, guard, async (request, reply) => {
    try {
      const { priorityId } = await service.deleteObjective(deps, staffActor(request), request.params.id);
      return see(reply, `${BASE}/priorites/${priorityId}?ok=objectif-supprime`);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      return objectivePage(request, reply, request.params.id, { status: 409, problem: error.message });
    }
  });
  app.post<Id>(`${BASE}/objectifs/:id/deplacer`, guard, async (request, reply) => {
    const priorityId = await service.move(deps, staffActor(request), "objective", request.params.id, str(body(request), "sens"));
    return see(reply, `${BASE}/priorites/${priorityId}?ok=objectif-deplace`);
  });

  // ---- Actions
  app.get(`${BASE}/actions`, guard, async (request, reply) => {
    const q = query(request);
    const data = await service.listActions(deps, q, parsePage(q.page));
    return serveAdminPage(request, reply, () => ({ render: (ctx, actor) => <ActionsView ctx={ctx} actor={actor} data={data} query={q} flash={q.ok} /> }));
  });

  app.get(`${BASE}/actions/nouvelle`, guard, async (request, reply) => {
    const values = service.emptyActionValues(query(request).priorite);
    const options = await service.actionFormData(deps, values);
    return serveAdminPage(request, reply, () => ({ render: (ctx, actor) => <ActionFormView ctx={ctx} actor={actor} action={null} values={values} errors={{}} options={options} /> }));
  });

  const actionForm = async (request: FastifyRequest, reply: FastifyReply, id: string | null) => {
    const form = body(request);
    const current = id === null ? null : (await service.getAction(deps, id)).action;
    // "Chercher" in the articles box: show the form again with the results, save nothing.
    if (str(form, "_intent") === "articles") {
      const { values } = readAction(form);
      const options = await service.actionFormData(deps, values, str(form, "articles_q"));
      return serveAdminPage(request, reply, () => ({ render: (ctx, actor) => <ActionFormView ctx={ctx} actor={actor} action={current} values={values} errors={{}} options={options} /> }));
    }
    const result = await service.saveAction(deps, staffActor(request), id, form);
    if (result.ok) return see(reply, `${BASE}/actions/${result.id}?ok=action-enregistree`);
    const options = await service.actionFormData(deps, result.values, str(form, "articles_q"));
    return serveAdminPage(request, reply, () => ({
      status: 400,
      render: (ctx, actor) => <ActionFormView ctx={ctx} actor={actor} action={current} values={result.values} errors={result.errors} options={options} />,
    }));
  };
  app.post(`${BASE}/actions/nouvelle`, guard, (request, reply) => actionForm(request, reply, null));

  app.get<Id>(`${BASE}/actions/:id`, guard, async (request, reply) => {
    const { action, values } = await service.getAction(deps, request.params.id);
    const options = await service.actionFormData(deps, values);
    return serveAdminPage(request, reply, () => ({
      render: (ctx, actor) => <ActionFormView ctx={ctx} actor={actor} action={action} values={values} errors={{}} options={options} flash={query(request).ok} />,
    }));
  });
  app.post<Id>(`${BASE}/actions/:id`, guard, (request, reply) => actionForm(request, reply, request.params.id));
  app.post<Id>(`${BASE}/actions/:id/supprimer`, guard, async (request, reply) => {
    await service.deleteAction(deps, staffActor(request), request.params.id);
    return see(reply, `${BASE}/actions?ok=action-supprimee`);
  });

  // ---- Organisations
  app.get(`${BASE}/organisations`, guard, async (request, reply) => {
    const q = query(request);
    const search = (q.q ?? "").trim();
    const rows = await service.listOrganisations(deps, search);
    return serveAdminPage(request, reply, () => ({ render: (ctx, actor) => <OrganisationsView ctx={ctx} actor={actor} rows={rows} search={search} flash={q.ok} /> }));
  });
  app.get(`${BASE}/organisations/nouvelle`, guard, async (request, reply) =>
    serveAdminPage(request, reply, () => ({ render: (ctx, actor) => <OrganisationFormView ctx={ctx} actor={actor} data={null} values={{ kind: "association" }} errors={{}} /> })),
  );
  const organisationForm = async (request: FastifyRequest, reply: FastifyReply, id: string | null) => {
    const result = await service.saveOrganisation(deps, staffActor(request), id, body(request));
    if (result.ok) return see(reply, `${BASE}/organisations?ok=organisation-enregistree`);
    const data = id === null ? null : await service.getOrganisation(deps, id);
    return serveAdminPage(request, reply, () => ({ status: 400, render: (ctx, actor) => <OrganisationFormView ctx={ctx} actor={actor} data={data} values={result.values} errors={result.errors} /> }));
  };
  app.post(`${BASE}/organisations/nouvelle`, guard, (request, reply) => organisationForm(request, reply, null));
  app.get<Id>(`${BASE}/organisations/:id`, guard, async (request, reply) => {
    const data = await service.getOrganisation(deps, request.params.id);
    return serveAdminPage(request, reply, () => ({ render: (ctx, actor) => <OrganisationFormView ctx={ctx} actor={actor} data={data} values={organisationValues(data.organisation)} errors={{}} /> }));
  });
  app.post<Id>(`${BASE}/organisations/:id`, guard, (request, reply) => organisationForm(request, reply, request.params.id));
  app.post<Id>(`${BASE}/organisations/:id/supprimer`, guard, async (request, reply) => {
    try {
      await service.deleteOrganisation(deps, staffActor(request), request.params.id);
      return see(reply, `${BASE}/organisations?ok=organisation-supprimee`);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const data = await service.getOrganisation(deps, request.params.id);
      return serveAdminPage(request, reply, () => ({
        status: 409,
        render: (ctx, actor) => <OrganisationFormView ctx={ctx} actor={actor} data={data} values={organisationValues(data.organisation)} errors={{}} problem={error.message} />,
      }));
    }
  });

  // ---- Indicators
  app.get(`${BASE}/indicateurs`, guard, async (request, reply) => {
    const q = query(request);
    const data = await service.listIndicators(deps, q, parsePage(q.page));
    return serveAdminPage(request, reply, () => ({ render: (ctx, actor) => <IndicatorsView ctx={ctx} actor={actor} data={data} query={q} flash={q.ok} /> }));
  });
  app.get(`${BASE}/indicateurs/nouveau`, guard, async (request, reply) =>
    serveAdminPage(request, reply, () => ({ render: (ctx, actor) => <IndicatorFormView ctx={ctx} actor={actor} indicator={null} values={{ territory_kind: "qpv" }} errors={{}} /> })),
  );
  const indicatorForm = async (request: FastifyRequest, reply: FastifyReply, id: string | null) => {
    const result = await service.saveIndicator(deps, staffActor(request), id, body(request));
    if (result.ok) return see(reply, `${BASE}/indicateurs?ok=indicateur-enregistre`);
    const indicator = id === null ? null : await service.getIndicator(deps, id);
    return serveAdminPage(request, reply, () => ({ status: 400, render: (ctx, actor) => <IndicatorFormView ctx={ctx} actor={actor} indicator={indicator} values={result.values} errors={result.errors} /> }));
  };
  app.post(`${BASE}/indicateurs/nouveau`, guard, (request, reply) => indicatorForm(request, reply, null));
  app.get<Id>(`${BASE}/indicateurs/:id`, guard, async (request, reply) => {
    const indicator = await service.getIndicator(deps, request.params.id);
    return serveAdminPage(request, reply, () => ({ render: (ctx, actor) => <IndicatorFormView ctx={ctx} actor={actor} indicator={indicator} values={indicatorValues(indicator)} errors={{}} /> }));
  });
  app.post<Id>(`${BASE}/indicateurs/:id`, guard, (request, reply) => indicatorForm(request, reply, request.params.id));
  app.post<Id>(`${BASE}/indicateurs/:id/supprimer`, guard, async (request, reply) => {
    await service.deleteIndicator(deps, staffActor(request), request.params.id);
    return see(reply, `${BASE}/indicateurs?ok=indicateur-supprime`);
  });
}
