import type { PageContext } from "../../../../ui/context.js";
import { CsrfField, ErrorSummary, type Errors } from "../../../../ui/components/form.js";
import { AdminFrame, type StaffActor } from "../../../admin/index.js";
import type { ContractLine, ContractPage } from "../present.js";
import { BASE, crumbs, DeleteSection, Flash, Input, MoveButtons, SectionNav, Select, TextArea } from "./shared.js";

export function ContractsView({
  ctx,
  actor,
  contracts,
  flash,
}: {
  ctx: PageContext;
  actor: StaffActor;
  contracts: ContractLine[];
  flash?: string | undefined;
}) {
  return (
    <AdminFrame ctx={ctx} actor={actor} title="Contrats de ville" breadcrumb={crumbs({ label: "Contrats de ville" })}>
      <SectionNav current={`${BASE}/contrats`} />
      <Flash code={flash} />
      <div class="admin-toolbar">
        <a class="button" href={`${BASE}/contrats/nouveau`}>
          Ajouter un contrat
        </a>
      </div>
      {contracts.length === 0 ? (
        <p>Aucun contrat pour l’instant. Commencez par ajouter le contrat de ville en cours, puis ses priorités.</p>
      ) : (
        <div class="admin-table-wrap">
          <table class="table">
            <caption>Contrats de ville ({contracts.length})</caption>
            <thead>
              <tr>
                <th scope="col">Contrat</th>
                <th scope="col">Période</th>
                <th scope="col">Génération</th>
                <th scope="col">Priorités</th>
                <th scope="col">Calcul de l’avancement</th>
              </tr>
            </thead>
            <tbody>
              {contracts.map((c) => (
                <tr>
                  <th scope="row">
                    <a href={`${BASE}/contrats/${c.id}`}>{c.name}</a>
                  </th>
                  <td>
                    {c.periodStart}–{c.periodEnd}
                  </td>
                  <td>{c.generation}</td>
                  <td>{c.priorityCount}</td>
                  <td>{c.progressRule === "budget" ? "Pondéré par le budget" : "Poids égaux"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminFrame>
  );
}

const LABELS: Record<string, string> = {
  name: "Nom",
  slug: "Identifiant",
  generation: "Génération",
  period_start: "Année de début",
  period_end: "Année de fin",
  territory: "Territoire",
  description: "Description",
  progress_rule: "Calcul de l’avancement",
  position: "Ordre d’affichage",
};

export function ContractFormView(props: {
  ctx: PageContext;
  actor: StaffActor;
  data: ContractPage | null;
  values: Record<string, string>;
  errors: Errors;
  flash?: string | undefined;
  problem?: string | null | undefined;
}) {
  const { ctx, actor, data, values: v, errors } = props;
  const title = data ? `Contrat : ${data.contract.name}` : "Nouveau contrat";
  const action = data ? `${BASE}/contrats/${data.contract.id}` : `${BASE}/contrats/nouveau`;
  const token = ctx.viewer.csrfToken;
  return (
    <AdminFrame
      ctx={ctx}
      actor={actor}
      title={title}
      breadcrumb={crumbs({ label: "Contrats de ville", href: `${BASE}/contrats` }, { label: data ? data.contract.name : "Nouveau contrat" })}
    >
      <Flash code={props.flash} problem={props.problem} />
      <ErrorSummary errors={errors} />
      <form method="post" action={action} class="pdv-form" novalidate>
        <CsrfField token={token} />
        <Input
          name="name"
          label={LABELS.name!}
          value={v.name ?? ""}
          error={errors.name}
          required
          maxLength={200}
          hint="Par exemple : Contrat de ville 2024-2030 de Lille."
        />
        <Input
          name="slug"
          label={LABELS.slug!}
          value={v.slug ?? ""}
          error={errors.slug}
          maxLength={80}
          hint="Minuscules, chiffres et tirets. Laissé vide, il est fait à partir du nom."
        />
        <Select
          name="generation"
          label={LABELS.generation!}
          value={v.generation ?? "2024"}
          error={errors.generation}
          required
          options={[
            { value: "2024", label: "2024 (contrats « Engagements Quartiers 2030 »)" },
            { value: "2015", label: "2015 (contrats 2015-2023)" },
          ]}
        />
        <div class="pdv-row">
          <Input
            name="period_start"
            label={LABELS.period_start!}
            value={v.period_start ?? ""}
            error={errors.period_start}
            required
            inputMode="numeric"
            maxLength={4}
            class="pdv-short"
          />
          <Input
            name="period_end"
            label={LABELS.period_end!}
            value={v.period_end ?? ""}
            error={errors.period_end}
            required
            inputMode="numeric"
            maxLength={4}
            class="pdv-short"
          />
        </div>
        <Input
          name="territory"
          label={LABELS.territory!}
          value={v.territory ?? ""}
          error={errors.territory}
          maxLength={300}
          hint="Par exemple : Ville de Lille, ou Métropole européenne de Lille."
        />
        <TextArea name="description" label={LABELS.description!} value={v.description ?? ""} error={errors.description} rows={6} />
        <Select
          name="progress_rule"
          label={LABELS.progress_rule!}
          value={v.progress_rule ?? "budget"}
          error={errors.progress_rule}
          required
          hint="Comment l’avancement d’une priorité et du contrat est calculé à partir de celui des actions."
          options={[
            { value: "budget", label: "Pondéré par le budget des actions" },
            { value: "equal", label: "Chaque action compte autant" },
          ]}
        />
        <Input
          name="position"
          label={LABELS.position!}
          value={v.position ?? "0"}
          error={errors.position}
          inputMode="numeric"
          maxLength={4}
          class="pdv-short"
          hint="Entre contrats de la même période, le plus petit nombre vient en premier."
        />
        <div class="admin-actions">
          <button type="submit" class="button">
            Enregistrer le contrat
          </button>
          <a href={`${BASE}/contrats`}>Annuler</a>
        </div>
      </form>

      {data ? (
        <>
          <section class="section" aria-labelledby="priorites-titre">
            <h2 id="priorites-titre">Priorités du contrat</h2>
            <div class="admin-toolbar">
              <a class="button button--secondary" href={`${BASE}/contrats/${data.contract.id}/priorites/nouvelle`}>
                Ajouter une priorité
              </a>
            </div>
            {data.priorities.length === 0 ? (
              <p>Ce contrat n’a pas encore de priorité.</p>
            ) : (
              <div class="admin-table-wrap">
                <table class="table">
                  <caption>Priorités, dans l’ordre d’affichage</caption>
                  <thead>
                    <tr>
                      <th scope="col">Ordre</th>
                      <th scope="col">Priorité</th>
                      <th scope="col">Objectifs</th>
                      <th scope="col">Actions</th>
                      <th scope="col">Prolonge</th>
                      <th scope="col">Déplacer</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.priorities.map((p, i) => (
                      <tr>
                        <td>{i + 1}</td>
                        <th scope="row">
                          <a href={`${BASE}/priorites/${p.id}`}>{p.title}</a>
                        </th>
                        <td>{p.objectiveCount}</td>
                        <td>{p.actionCount > 0 ? <a href={`${BASE}/actions?priorite=${p.id}`}>{p.actionCount}</a> : 0}</td>
                        <td>{p.continuesTitle ?? "—"}</td>
                        <td>
                          <MoveButtons action={`${BASE}/priorites/${p.id}/deplacer`} token={token} title={p.title} index={i} count={data.priorities.length} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          <DeleteSection
            action={`${BASE}/contrats/${data.contract.id}/supprimer`}
            token={token}
            what="ce contrat"
            explanation="Un contrat ne peut être supprimé que s’il n’a plus aucune priorité. La suppression est définitive."
          />
        </>
      ) : null}
    </AdminFrame>
  );
}
