import type { PageContext } from "../../../../ui/context.js";
import { CsrfField, ErrorSummary, type Errors } from "../../../../ui/components/form.js";
import { AdminFrame, type StaffActor } from "../../../admin/index.js";
import type { ObjectivePage, PriorityChoice, PriorityPage } from "../present.js";
import { BASE, crumbs, DeleteSection, Flash, Input, MoveButtons, Select, TextArea } from "./shared.js";

export function PriorityFormView(props: {
  ctx: PageContext;
  actor: StaffActor;
  contract: { id: number; name: string };
  data: PriorityPage | null;
  others: PriorityChoice[];
  values: Record<string, string>;
  errors: Errors;
  objectiveValues?: { title: string } | undefined;
  objectiveErrors?: Errors | undefined;
  flash?: string | undefined;
  problem?: string | null | undefined;
}) {
  const { ctx, actor, contract, data, values: v, errors } = props;
  const token = ctx.viewer.csrfToken;
  const title = data ? `Priorité : ${data.priority.title}` : "Nouvelle priorité";
  const action = data ? `${BASE}/priorites/${data.priority.id}` : `${BASE}/contrats/${contract.id}/priorites/nouvelle`;
  const groups = new Map<string, Array<{ value: string; label: string }>>();
  for (const o of props.others) groups.set(o.contractName, [...(groups.get(o.contractName) ?? []), { value: String(o.id), label: o.title }]);
  const objectiveErrors = props.objectiveErrors ?? {};
  return (
    <AdminFrame
      ctx={ctx}
      actor={actor}
      title={title}
      breadcrumb={crumbs(
        { label: "Contrats de ville", href: `${BASE}/contrats` },
        { label: contract.name, href: `${BASE}/contrats/${contract.id}` },
        { label: data ? data.priority.title : "Nouvelle priorité" },
      )}
    >
      <Flash code={props.flash} problem={props.problem} />
      <ErrorSummary errors={{ ...errors, ...objectiveErrors }} />
      <form method="post" action={action} class="pdv-form" novalidate>
        <CsrfField token={token} />
        <Input name="title" label="Intitulé" value={v.title ?? ""} error={errors.title} required maxLength={200} />
        <Input
          name="slug"
          label="Identifiant"
          value={v.slug ?? ""}
          error={errors.slug}
          maxLength={80}
          hint="Utilisé dans l’adresse des listes filtrées. Laissé vide, il est fait à partir de l’intitulé."
        />
        <TextArea name="description" label="Description" value={v.description ?? ""} error={errors.description} rows={5} />
        <Select
          name="continues_priority_id"
          label="Prolonge la priorité (ou le pilier) d’un autre contrat"
          value={v.continues_priority_id ?? ""}
          error={errors.continues_priority_id}
          empty="Aucune"
          options={[]}
          groups={[...groups].map(([label, options]) => ({ label, options }))}
          hint="Pour relier un pilier du contrat 2015 à la priorité 2024 qui le continue."
        />
        <div class="admin-actions">
          <button type="submit" class="button">
            Enregistrer la priorité
          </button>
          <a href={`${BASE}/contrats/${contract.id}`}>Annuler</a>
        </div>
      </form>

      {data ? (
        <>
          <section class="section" aria-labelledby="objectifs-titre">
            <h2 id="objectifs-titre">Objectifs de la priorité</h2>
            {data.objectives.length === 0 ? (
              <p>Cette priorité n’a pas encore d’objectif.</p>
            ) : (
              <div class="admin-table-wrap">
                <table class="table">
                  <caption>Objectifs, dans l’ordre d’affichage</caption>
                  <thead>
                    <tr>
                      <th scope="col">Ordre</th>
                      <th scope="col">Objectif</th>
                      <th scope="col">Actions</th>
                      <th scope="col">Déplacer</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.objectives.map((o, i) => (
                      <tr>
                        <td>{i + 1}</td>
                        <th scope="row">
                          <a href={`${BASE}/objectifs/${o.id}`}>{o.title}</a>
                        </th>
                        <td>{o.actionCount}</td>
                        <td>
                          <MoveButtons action={`${BASE}/objectifs/${o.id}/deplacer`} token={token} title={o.title} index={i} count={data.objectives.length} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <form method="post" action={`${BASE}/priorites/${data.priority.id}/objectifs`} class="pdv-form" novalidate>
              <CsrfField token={token} />
              <h3>Ajouter un objectif</h3>
              <Input
                name="objective_title"
                label="Intitulé de l’objectif"
                value={props.objectiveValues?.title ?? ""}
                error={objectiveErrors.objective_title}
                required
                maxLength={300}
              />
              <button type="submit" class="button button--secondary">
                Ajouter l’objectif
              </button>
            </form>
          </section>
          <DeleteSection
            action={`${BASE}/priorites/${data.priority.id}/supprimer`}
            token={token}
            what="cette priorité"
            explanation="Une priorité ne peut être supprimée que si aucune action ni aucun objectif ne s’y rattache. La suppression est définitive."
          />
        </>
      ) : null}
    </AdminFrame>
  );
}

export function ObjectiveFormView(props: {
  ctx: PageContext;
  actor: StaffActor;
  objective: ObjectivePage;
  values: { title: string };
  errors: Errors;
  problem?: string | null | undefined;
}) {
  const { ctx, actor, objective: o, errors } = props;
  const token = ctx.viewer.csrfToken;
  return (
    <AdminFrame
      ctx={ctx}
      actor={actor}
      title={`Objectif : ${o.title}`}
      breadcrumb={crumbs(
        { label: "Contrats de ville", href: `${BASE}/contrats` },
        { label: o.priorityTitle, href: `${BASE}/priorites/${o.priorityId}` },
        { label: o.title },
      )}
    >
      <Flash problem={props.problem} />
      <ErrorSummary errors={errors} />
      <form method="post" action={`${BASE}/objectifs/${o.id}`} class="pdv-form" novalidate>
        <CsrfField token={token} />
        <Input name="title" label="Intitulé de l’objectif" value={props.values.title} error={errors.title} required maxLength={300} />
        <div class="admin-actions">
          <button type="submit" class="button">
            Enregistrer l’objectif
          </button>
          <a href={`${BASE}/priorites/${o.priorityId}`}>Annuler</a>
        </div>
      </form>
      <DeleteSection
        action={`${BASE}/objectifs/${o.id}/supprimer`}
        token={token}
        what="cet objectif"
        explanation="Un objectif ne peut être supprimé que si aucune action ne s’y rattache. La suppression est définitive."
      />
    </AdminFrame>
  );
}
