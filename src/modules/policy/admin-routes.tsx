// Back-office routes of the policy module (under /admin, behind registerAdminGuard):
// contracts, priorities and objectives, actions with their funding lines and milestones,
// organisations and indicators. Every route requires "policy.edit" and declares what it
// reads. Routes stay thin: call one service function, then redirect with a success notice,
// or (handleForm) show the form again with 400, the errors and the values typed; a refused
// deletion shows the page with 409.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { ConflictError } from "../../core/errors.js";
import {
  checkbox,
  emptyForm,
  field,
  formBody,
  handleForm,
  ids,
  line,
  noQuery,
  oneOf,
  pageNumber,
  pageParam,
  queryOf,
  text,
  type Refused,
} from "../../core/http/form.js";
import { requireStaff, serveAdminPage, staffActor } from "../admin/index.js";
import * as present from "./admin/present.js";
import * as service from "./admin/service.js";
import { readAction, type ActionValues } from "./admin/validate.js";
import { ActionFormView } from "./admin/views/action-form.js";
import { ActionsView } from "./admin/views/actions.js";
import { ContractFormView, ContractsView } from "./admin/views/contracts.js";
import { IndicatorFormView, IndicatorsView } from "./admin/views/indicators.js";
import { OrganisationFormView, OrganisationsView } from "./admin/views/organisations.js";
import { OverviewView } from "./admin/views/overview.js";
import { ObjectiveFormView, PriorityFormView } from "./admin/views/priorities.js";
import { BASE } from "./admin/views/shared.js";

type Id = { Params: { id: string } };
type Values = Record<string, string>;

// ---- What each route reads. Bounds are above the French length checks of validate.ts, so
// that an over-long value typed by hand gets its message next to the field. A one-line field
// holds no line break (a browser's text input cannot send one): only textareas take them.
const SHORT = line(1000);
const LONG = text(40_000);
/** The success notice carried by a redirect (?ok=contrat-enregistre). */
const flashQuery = queryOf({ ok: text(80) });

const contractBody = formBody({
  name: SHORT,
  slug: SHORT,
  generation: SHORT,
  period_start: SHORT,
  period_end: SHORT,
  territory: SHORT,
  description: LONG,
  progress_rule: SHORT,
  position: SHORT,
});
const priorityBody = formBody({ title: SHORT, slug: SHORT, description: LONG, continues_priority_id: SHORT });
const objectiveBody = formBody({ title: SHORT });
const newObjectiveBody = formBody({ objective_title: SHORT });
// Not `required`: the schema runs before the CSRF check, which must answer a tokenless request first.
const moveBody = formBody({ sens: oneOf(["haut", "bas"]) });
const organisationBody = formBody({ name: SHORT, slug: SHORT, kind: SHORT, website: SHORT, description: LONG });
const indicatorBody = formBody({
  metric: SHORT,
  label: SHORT,
  territory_kind: SHORT,
  territory_code: SHORT,
  territory_name: SHORT,
  year: SHORT,
  value: SHORT,
  unit: SHORT,
  source: SHORT,
});
/** The action form, with its repeated funding and milestone rows (validate.ts readAction). */
const actionBody = {
  ...formBody({
    _intent: oneOf(["articles"]),
    articles_q: SHORT,
    title: SHORT,
    slug: SHORT,
    summary: text(2000),
    description: LONG,
    priority_id: SHORT,
    objective_id: SHORT,
    status: SHORT,
    progress: SHORT,
    start_date: SHORT,
    end_date: SHORT,
    lead_organisation_id: SHORT,
    is_example: checkbox,
    partners: ids,
    places: ids,
    articles: ids,
    version: SHORT,
  }),
  patternProperties: {
    "^funding_[0-9]{1,3}_(funder|amount|year|label)$": SHORT,
    "^milestone_[0-9]{1,3}_(due_date|title)$": SHORT,
    "^(funding|milestone)_[0-9]{1,3}_(remove|done)$": checkbox,
  },
} as const;

const actionsQuery = queryOf({ q: text(200), contrat: text(200), priorite: text(200), statut: text(200), quartier: text(200), page: pageParam, ok: text(80) });
const newActionQuery = queryOf({ priorite: text(200) });
const organisationsQuery = queryOf({ q: text(200), ok: text(80) });
const indicatorsQuery = queryOf({ indicateur: text(200), territoire: text(200), annee: text(200), page: pageParam, ok: text(80) });

type Query<K extends string> = { Querystring: Partial<Record<K, string>> };

const see = (reply: FastifyReply, url: string) => reply.redirect(url, 303);

export async function policyAdminRoutes(app: FastifyInstance) {
  const deps: service.PolicyDeps = {
    db: app.deps.db,
    pageCache: app.deps.pageCache,
    now: () => app.deps.now(),
    emit: (trx, name, payload) => app.deps.modules.emit(app.deps, trx, name, payload),
  };
  const preHandler = requireStaff("policy.edit");
  const get = (querystring: object = noQuery) => ({ preHandler, schema: { querystring } });
  const post = (body: object) => ({ preHandler, schema: { body } });

  app.get(BASE, get(), async (request, reply) => {
    const data = present.presentOverview(await service.overview(deps));
    return serveAdminPage(request, reply, () => ({ render: (ctx, actor) => <OverviewView ctx={ctx} actor={actor} data={data} /> }));
  });

  // ---- Contracts
  app.get<Query<"ok">>(`${BASE}/contrats`, get(flashQuery), async (request, reply) => {
    const contracts = present.presentContracts(await service.listContracts(deps));
    return serveAdminPage(request, reply, () => ({
      render: (ctx, actor) => <ContractsView ctx={ctx} actor={actor} contracts={contracts} flash={request.query.ok} />,
    }));
  });

  app.get(`${BASE}/contrats/nouveau`, get(), async (request, reply) =>
    serveAdminPage(request, reply, () => ({
      render: (ctx, actor) => (
        <ContractFormView
          ctx={ctx}
          actor={actor}
          data={null}
          values={{ generation: "2024", period_start: String(app.deps.now().getFullYear()), period_end: "2030", progress_rule: "budget", position: "0" }}
          errors={{}}
        />
      ),
    })),
  );

  const contractForm = (request: FastifyRequest, reply: FastifyReply, id: string | null) =>
    handleForm(
      () => service.saveContract(deps, staffActor(request), id, request.body),
      (saved) => see(reply, `${BASE}/contrats/${saved.id}?ok=contrat-enregistre`),
      async ({ errors, values, status }: Refused<Values>) => {
        const data = id === null ? null : present.presentContract(await service.getContract(deps, id));
        return serveAdminPage(request, reply, () => ({
          status,
          render: (ctx, actor) => <ContractFormView ctx={ctx} actor={actor} data={data} values={values ?? {}} errors={errors} />,
        }));
      },
    );
  app.post(`${BASE}/contrats/nouveau`, post(contractBody), (request, reply) => contractForm(request, reply, null));

  const contractPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { flash?: string | undefined; problem?: string; status?: number } = {},
  ) => {
    const loaded = await service.getContract(deps, id);
    const data = present.presentContract(loaded);
    const values = present.contractValues(loaded.contract);
    return serveAdminPage(request, reply, () => ({
      status: extra.status,
      render: (ctx, actor) => <ContractFormView ctx={ctx} actor={actor} data={data} values={values} errors={{}} flash={extra.flash} problem={extra.problem} />,
    }));
  };
  app.get<Id & Query<"ok">>(`${BASE}/contrats/:id`, get(flashQuery), (request, reply) =>
    contractPage(request, reply, request.params.id, { flash: request.query.ok }),
  );
  app.post<Id>(`${BASE}/contrats/:id`, post(contractBody), (request, reply) => contractForm(request, reply, request.params.id));

  app.post<Id>(`${BASE}/contrats/:id/supprimer`, post(emptyForm), async (request, reply) => {
    try {
      await service.deleteContract(deps, staffActor(request), request.params.id);
      return see(reply, `${BASE}/contrats?ok=contrat-supprime`);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      return contractPage(request, reply, request.params.id, { status: 409, problem: error.message });
    }
  });

  // ---- Priorities and objectives
  const newPriorityPage = async (request: FastifyRequest, reply: FastifyReply, contractId: string, refused?: Refused<Values>) => {
    const { contract, others } = await service.newPriorityForm(deps, contractId);
    const choices = present.presentPriorityChoices(others);
    const header = { id: contract.id, name: contract.name };
    return serveAdminPage(request, reply, () => ({
      status: refused?.status,
      render: (ctx, actor) => (
        <PriorityFormView
          ctx={ctx}
          actor={actor}
          contract={header}
          data={null}
          others={choices}
          values={refused?.values ?? {}}
          errors={refused?.errors ?? {}}
        />
      ),
    }));
  };
  app.get<Id>(`${BASE}/contrats/:id/priorites/nouvelle`, get(), (request, reply) => newPriorityPage(request, reply, request.params.id));
  app.post<Id>(`${BASE}/contrats/:id/priorites/nouvelle`, post(priorityBody), (request, reply) =>
    handleForm(
      () => service.savePriority(deps, staffActor(request), { contractId: request.params.id }, request.body),
      (saved) => see(reply, `${BASE}/priorites/${saved.id}?ok=priorite-enregistree`),
      (refused: Refused<Values>) => newPriorityPage(request, reply, request.params.id, refused),
    ),
  );

  const priorityPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: {
      status?: number;
      values?: Values | undefined;
      errors?: Values;
      objectiveValues?: { title: string } | undefined;
      objectiveErrors?: Values;
      problem?: string;
      flash?: string | undefined;
    } = {},
  ) => {
    const loaded = await service.getPriority(deps, id);
    const data = present.presentPriority(loaded);
    const others = present.presentPriorityChoices(loaded.others);
    const contract = { id: loaded.priority.contract_id, name: loaded.priority.contract_name };
    const values = extra.values ?? present.priorityValues(loaded.priority);
    return serveAdminPage(request, reply, () => ({
      status: extra.status,
      render: (ctx, actor) => (
        <PriorityFormView
          ctx={ctx}
          actor={actor}
          contract={contract}
          data={data}
          others={others}
          values={values}
          errors={extra.errors ?? {}}
          objectiveValues={extra.objectiveValues}
          objectiveErrors={extra.objectiveErrors}
          flash={extra.flash}
          problem={extra.problem}
        />
      ),
    }));
  };
  app.get<Id & Query<"ok">>(`${BASE}/priorites/:id`, get(flashQuery), (request, reply) =>
    priorityPage(request, reply, request.params.id, { flash: request.query.ok }),
  );
  app.post<Id>(`${BASE}/priorites/:id`, post(priorityBody), (request, reply) =>
    handleForm(
      () => service.savePriority(deps, staffActor(request), { id: request.params.id }, request.body),
      (saved) => see(reply, `${BASE}/priorites/${saved.id}?ok=priorite-enregistree`),
      ({ errors, values, status }: Refused<Values>) => priorityPage(request, reply, request.params.id, { status, values: values ?? {}, errors }),
    ),
  );
  app.post<Id>(`${BASE}/priorites/:id/supprimer`, post(emptyForm), async (request, reply) => {
    try {
      const { contractId } = await service.deletePriority(deps, staffActor(request), request.params.id);
      return see(reply, `${BASE}/contrats/${contractId}?ok=priorite-supprimee`);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      return priorityPage(request, reply, request.params.id, { status: 409, problem: error.message });
    }
  });
  app.post<Id>(`${BASE}/priorites/:id/deplacer`, post(moveBody), async (request, reply) => {
    const contractId = await service.move(deps, staffActor(request), "priority", request.params.id, field(request.body, "sens"));
    return see(reply, `${BASE}/contrats/${contractId}?ok=priorite-deplacee`);
  });
  app.post<Id>(`${BASE}/priorites/:id/objectifs`, post(newObjectiveBody), (request, reply) =>
    handleForm(
      () => service.saveObjective(deps, staffActor(request), { priorityId: request.params.id }, request.body),
      () => see(reply, `${BASE}/priorites/${request.params.id}?ok=objectif-enregistre`),
      ({ errors, values, status }: Refused<{ title: string }>) =>
        priorityPage(request, reply, request.params.id, { status, objectiveValues: values, objectiveErrors: errors }),
    ),
  );

  const objectivePage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { status?: number; values?: { title: string } | undefined; errors?: Values; problem?: string } = {},
  ) => {
    const objective = present.presentObjective(await service.getObjective(deps, id));
    return serveAdminPage(request, reply, () => ({
      status: extra.status,
      render: (ctx, actor) => (
        <ObjectiveFormView
          ctx={ctx}
          actor={actor}
          objective={objective}
          values={extra.values ?? { title: objective.title }}
          errors={extra.errors ?? {}}
          problem={extra.problem}
        />
      ),
    }));
  };
  app.get<Id>(`${BASE}/objectifs/:id`, get(), (request, reply) => objectivePage(request, reply, request.params.id));
  app.post<Id>(`${BASE}/objectifs/:id`, post(objectiveBody), (request, reply) =>
    handleForm(
      () => service.saveObjective(deps, staffActor(request), { id: request.params.id }, request.body),
      (saved) => see(reply, `${BASE}/priorites/${saved.priorityId}?ok=objectif-enregistre`),
      ({ errors, values, status }: Refused<{ title: string }>) => objectivePage(request, reply, request.params.id, { status, values, errors }),
    ),
  );
  app.post<Id>(`${BASE}/objectifs/:id/supprimer`, post(emptyForm), async (request, reply) => {
    try {
      const { priorityId } = await service.deleteObjective(deps, staffActor(request), request.params.id);
      return see(reply, `${BASE}/priorites/${priorityId}?ok=objectif-supprime`);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      return objectivePage(request, reply, request.params.id, { status: 409, problem: error.message });
    }
  });
  app.post<Id>(`${BASE}/objectifs/:id/deplacer`, post(moveBody), async (request, reply) => {
    const priorityId = await service.move(deps, staffActor(request), "objective", request.params.id, field(request.body, "sens"));
    return see(reply, `${BASE}/priorites/${priorityId}?ok=objectif-deplace`);
  });

  // ---- Actions
  type ActionsQuery = Query<"q" | "contrat" | "priorite" | "statut" | "quartier" | "page" | "ok">;
  app.get<ActionsQuery>(`${BASE}/actions`, get(actionsQuery), async (request, reply) => {
    const query = request.query;
    const data = present.presentActions(await service.listActions(deps, query, pageNumber(query.page)));
    return serveAdminPage(request, reply, () => ({
      render: (ctx, actor) => <ActionsView ctx={ctx} actor={actor} data={data} query={query} flash={query.ok} />,
    }));
  });

  const actionPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    action: present.ActionHeader | null,
    values: ActionValues,
    extra: { articleSearch?: string; errors?: Values; status?: number; flash?: string | undefined } = {},
  ) => {
    const options = present.presentActionForm(await service.actionFormData(deps, values, extra.articleSearch));
    return serveAdminPage(request, reply, () => ({
      status: extra.status,
      render: (ctx, actor) => (
        <ActionFormView ctx={ctx} actor={actor} action={action} values={values} errors={extra.errors ?? {}} options={options} flash={extra.flash} />
      ),
    }));
  };

  app.get<Query<"priorite">>(`${BASE}/actions/nouvelle`, get(newActionQuery), (request, reply) =>
    actionPage(request, reply, null, service.emptyActionValues(request.query.priorite)),
  );

  const actionForm = async (request: FastifyRequest, reply: FastifyReply, id: string | null) => {
    const form = request.body;
    const current = id === null ? null : present.presentActionHeader((await service.getAction(deps, id)).action);
    const articleSearch = field(form, "articles_q");
    // "Chercher" in the articles box: show the form again with the results, save nothing.
    if (field(form, "_intent") === "articles") return actionPage(request, reply, current, readAction(form).values, { articleSearch });
    return handleForm(
      () => service.saveAction(deps, staffActor(request), id, form),
      (saved) => see(reply, `${BASE}/actions/${saved.id}?ok=action-enregistree`),
      ({ errors, values, status }: Refused<ActionValues>) =>
        actionPage(request, reply, current, values ?? readAction(form).values, { articleSearch, errors, status }),
    );
  };
  app.post(`${BASE}/actions/nouvelle`, post(actionBody), (request, reply) => actionForm(request, reply, null));

  app.get<Id & Query<"ok">>(`${BASE}/actions/:id`, get(flashQuery), async (request, reply) => {
    const { action, values } = await service.getAction(deps, request.params.id);
    return actionPage(request, reply, present.presentActionHeader(action), values, { flash: request.query.ok });
  });
  app.post<Id>(`${BASE}/actions/:id`, post(actionBody), (request, reply) => actionForm(request, reply, request.params.id));
  app.post<Id>(`${BASE}/actions/:id/supprimer`, post(emptyForm), async (request, reply) => {
    await service.deleteAction(deps, staffActor(request), request.params.id);
    return see(reply, `${BASE}/actions?ok=action-supprimee`);
  });

  // ---- Organisations
  app.get<Query<"q" | "ok">>(`${BASE}/organisations`, get(organisationsQuery), async (request, reply) => {
    const search = (request.query.q ?? "").trim();
    const rows = present.presentOrganisations(await service.listOrganisations(deps, search));
    return serveAdminPage(request, reply, () => ({
      render: (ctx, actor) => <OrganisationsView ctx={ctx} actor={actor} rows={rows} search={search} flash={request.query.ok} />,
    }));
  });
  app.get(`${BASE}/organisations/nouvelle`, get(), async (request, reply) =>
    serveAdminPage(request, reply, () => ({
      render: (ctx, actor) => <OrganisationFormView ctx={ctx} actor={actor} data={null} values={{ kind: "association" }} errors={{}} />,
    })),
  );
  const organisationPage = async (request: FastifyRequest, reply: FastifyReply, id: string, extra: { status?: number; problem?: string } = {}) => {
    const loaded = await service.getOrganisation(deps, id);
    const data = present.presentOrganisation(loaded);
    const values = present.organisationValues(loaded.organisation);
    return serveAdminPage(request, reply, () => ({
      status: extra.status,
      render: (ctx, actor) => <OrganisationFormView ctx={ctx} actor={actor} data={data} values={values} errors={{}} problem={extra.problem} />,
    }));
  };
  const organisationForm = (request: FastifyRequest, reply: FastifyReply, id: string | null) =>
    handleForm(
      () => service.saveOrganisation(deps, staffActor(request), id, request.body),
      () => see(reply, `${BASE}/organisations?ok=organisation-enregistree`),
      async ({ errors, values, status }: Refused<Values>) => {
        const data = id === null ? null : present.presentOrganisation(await service.getOrganisation(deps, id));
        return serveAdminPage(request, reply, () => ({
          status,
          render: (ctx, actor) => <OrganisationFormView ctx={ctx} actor={actor} data={data} values={values ?? {}} errors={errors} />,
        }));
      },
    );
  app.post(`${BASE}/organisations/nouvelle`, post(organisationBody), (request, reply) => organisationForm(request, reply, null));
  app.get<Id>(`${BASE}/organisations/:id`, get(), (request, reply) => organisationPage(request, reply, request.params.id));
  app.post<Id>(`${BASE}/organisations/:id`, post(organisationBody), (request, reply) => organisationForm(request, reply, request.params.id));
  app.post<Id>(`${BASE}/organisations/:id/supprimer`, post(emptyForm), async (request, reply) => {
    try {
      await service.deleteOrganisation(deps, staffActor(request), request.params.id);
      return see(reply, `${BASE}/organisations?ok=organisation-supprimee`);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      return organisationPage(request, reply, request.params.id, { status: 409, problem: error.message });
    }
  });

  // ---- Indicators
  type IndicatorsQuery = Query<"indicateur" | "territoire" | "annee" | "page" | "ok">;
  app.get<IndicatorsQuery>(`${BASE}/indicateurs`, get(indicatorsQuery), async (request, reply) => {
    const query = request.query;
    const data = present.presentIndicators(await service.listIndicators(deps, query, pageNumber(query.page)));
    return serveAdminPage(request, reply, () => ({
      render: (ctx, actor) => <IndicatorsView ctx={ctx} actor={actor} data={data} query={query} flash={query.ok} />,
    }));
  });
  app.get(`${BASE}/indicateurs/nouveau`, get(), async (request, reply) =>
    serveAdminPage(request, reply, () => ({
      render: (ctx, actor) => <IndicatorFormView ctx={ctx} actor={actor} indicator={null} values={{ territory_kind: "qpv" }} errors={{}} />,
    })),
  );
  const indicatorForm = (request: FastifyRequest, reply: FastifyReply, id: string | null) =>
    handleForm(
      () => service.saveIndicator(deps, staffActor(request), id, request.body),
      () => see(reply, `${BASE}/indicateurs?ok=indicateur-enregistre`),
      async ({ errors, values, status }: Refused<Values>) => {
        const indicator = id === null ? null : present.presentIndicator(await service.getIndicator(deps, id));
        return serveAdminPage(request, reply, () => ({
          status,
          render: (ctx, actor) => <IndicatorFormView ctx={ctx} actor={actor} indicator={indicator} values={values ?? {}} errors={errors} />,
        }));
      },
    );
  app.post(`${BASE}/indicateurs/nouveau`, post(indicatorBody), (request, reply) => indicatorForm(request, reply, null));
  app.get<Id>(`${BASE}/indicateurs/:id`, get(), async (request, reply) => {
    const loaded = await service.getIndicator(deps, request.params.id);
    const indicator = present.presentIndicator(loaded);
    const values = present.indicatorValues(loaded);
    return serveAdminPage(request, reply, () => ({
      render: (ctx, actor) => <IndicatorFormView ctx={ctx} actor={actor} indicator={indicator} values={values} errors={{}} />,
    }));
  });
  app.post<Id>(`${BASE}/indicateurs/:id`, post(indicatorBody), (request, reply) => indicatorForm(request, reply, request.params.id));
  app.post<Id>(`${BASE}/indicateurs/:id/supprimer`, post(emptyForm), async (request, reply) => {
    await service.deleteIndicator(deps, staffActor(request), request.params.id);
    return see(reply, `${BASE}/indicateurs?ok=indicateur-supprime`);
  });
}
