// The action form: the action's fields, its links (priority, organisations, places,
// articles), and its funding lines and milestones as repeated rows. Without JavaScript
// the form shows the existing rows plus EXTRA_ROWS empty ones; blank rows are ignored
// and a "remove" box drops a row. The policy script adds rows on demand.
import type { PageContext } from "../../../../ui/context.js";
import { CsrfField, ErrorSummary, type Errors } from "../../../../ui/components/form.js";
import { formatDate } from "../../../../lib/format.js";
import { AdminFrame, type StaffActor } from "../../../admin/index.js";
import { FUNDER_LABELS, statusLabel } from "../../present.js";
import { FUNDERS, STATUSES } from "../../queries.js";
import type { ActionFormOptions, ActionHeader } from "../present.js";
import type { ActionValues } from "../validate.js";
import { placeGroups } from "./actions.js";
import { BASE, crumbs, DeleteSection, Flash, Input, Select, TextArea } from "./shared.js";

export const EXTRA_ROWS = 3;

function RowError({ id, error }: { id: string; error?: string | undefined }) {
  return error ? (
    <p id={id} class="field__error">
      <span class="sr-only">Erreur : </span>
      {error}
    </p>
  ) : null;
}

function cellInput(props: {
  name: string;
  label: string;
  value: string;
  error?: string | undefined;
  type?: string;
  inputMode?: "numeric" | "decimal";
  maxLength?: number;
  class?: string;
}) {
  const id = `champ-${props.name}`;
  return (
    <div class={props.error ? "field field--error pdv-cell" : "field pdv-cell"}>
      <label for={id} class="sr-only">
        {props.label}
      </label>
      <RowError id={`${id}-erreur`} error={props.error} />
      <input
        {...({
          id,
          name: props.name,
          type: props.type ?? "text",
          value: props.value,
          inputMode: props.inputMode,
          maxLength: props.maxLength,
          autocomplete: "off",
          class: `field__input${props.class ? ` ${props.class}` : ""}`,
          "aria-invalid": props.error ? "true" : undefined,
          "aria-describedby": props.error ? `${id}-erreur` : undefined,
        } as Record<string, unknown>)}
      />
    </div>
  );
}

function FundingRows({ values, errors }: { values: ActionValues; errors: Errors }) {
  const rows = [...values.funding, ...Array.from({ length: EXTRA_ROWS }, () => ({ funder: "", amount: "", year: "", label: "" }))];
  return (
    <fieldset class="fieldset pdv-rows" data-module="policy-rows" data-row-prefix="funding">
      <legend class="fieldset__legend">Financements</legend>
      <p class="field__hint" id="financement-aide">
        Une ligne par financeur et par année, montant en euros (par exemple 12 000 ou 4500,50). Les lignes laissées vides sont ignorées ; cochez « Retirer »
        pour supprimer une ligne.
      </p>
      <div class="admin-table-wrap">
        <table class="table pdv-rows__table">
          <caption class="sr-only">Lignes de financement</caption>
          <thead>
            <tr>
              <th scope="col">Ligne</th>
              <th scope="col">Financeur</th>
              <th scope="col">Montant (€)</th>
              <th scope="col">Année</th>
              <th scope="col">Libellé (facultatif)</th>
              <th scope="col">Retirer</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const n = i + 1;
              const k = `funding_${i}`;
              const funderError = errors[`${k}_funder`];
              return (
                <tr data-row>
                  <th scope="row" data-row-number>
                    {n}
                  </th>
                  <td>
                    <div class={funderError ? "field field--error pdv-cell" : "field pdv-cell"}>
                      <label for={`champ-${k}_funder`} class="sr-only">
                        Financeur, ligne {n}
                      </label>
                      <RowError id={`champ-${k}_funder-erreur`} error={funderError} />
                      <select
                        id={`champ-${k}_funder`}
                        name={`${k}_funder`}
                        class="field__input"
                        aria-invalid={funderError ? "true" : undefined}
                        aria-describedby={funderError ? `champ-${k}_funder-erreur` : undefined}
                      >
                        <option value="">—</option>
                        {FUNDERS.map((f) => (
                          <option value={f} selected={r.funder === f}>
                            {FUNDER_LABELS[f] ?? f}
                          </option>
                        ))}
                      </select>
                    </div>
                  </td>
                  <td>
                    {cellInput({
                      name: `${k}_amount`,
                      label: `Montant en euros, ligne ${n}`,
                      value: r.amount,
                      error: errors[`${k}_amount`],
                      inputMode: "decimal",
                      maxLength: 20,
                      class: "pdv-amount",
                    })}
                  </td>
                  <td>
                    {cellInput({
                      name: `${k}_year`,
                      label: `Année, ligne ${n}`,
                      value: r.year,
                      error: errors[`${k}_year`],
                      inputMode: "numeric",
                      maxLength: 4,
                      class: "pdv-year",
                    })}
                  </td>
                  <td>{cellInput({ name: `${k}_label`, label: `Libellé, ligne ${n}`, value: r.label, error: errors[`${k}_label`], maxLength: 200 })}</td>
                  <td class="checkbox">
                    <input type="checkbox" id={`champ-${k}_remove`} name={`${k}_remove`} value="1" />
                    <label for={`champ-${k}_remove`}>
                      <span class="sr-only">Retirer la ligne {n}</span>
                    </label>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </fieldset>
  );
}

function MilestoneRows({ values, errors }: { values: ActionValues; errors: Errors }) {
  const rows = [...values.milestones, ...Array.from({ length: EXTRA_ROWS }, () => ({ due_date: "", title: "", done: false }))];
  return (
    <fieldset class="fieldset pdv-rows" data-module="policy-rows" data-row-prefix="milestone">
      <legend class="fieldset__legend">Étapes (jalons)</legend>
      <p class="field__hint">
        Date prévue, intitulé, et si l’étape est réalisée. Les lignes laissées vides sont ignorées ; cochez « Retirer » pour supprimer une étape.
      </p>
      <div class="admin-table-wrap">
        <table class="table pdv-rows__table">
          <caption class="sr-only">Étapes de l’action</caption>
          <thead>
            <tr>
              <th scope="col">Étape</th>
              <th scope="col">Date prévue</th>
              <th scope="col">Intitulé</th>
              <th scope="col">Réalisée</th>
              <th scope="col">Retirer</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const n = i + 1;
              const k = `milestone_${i}`;
              return (
                <tr data-row>
                  <th scope="row" data-row-number>
                    {n}
                  </th>
                  <td>
                    {cellInput({ name: `${k}_due_date`, label: `Date prévue, étape ${n}`, value: r.due_date, error: errors[`${k}_due_date`], type: "date" })}
                  </td>
                  <td>{cellInput({ name: `${k}_title`, label: `Intitulé, étape ${n}`, value: r.title, error: errors[`${k}_title`], maxLength: 300 })}</td>
                  <td class="checkbox">
                    <input type="checkbox" id={`champ-${k}_done`} name={`${k}_done`} value="1" checked={r.done} />
                    <label for={`champ-${k}_done`}>
                      <span class="sr-only">Étape {n} réalisée</span>
                    </label>
                  </td>
                  <td class="checkbox">
                    <input type="checkbox" id={`champ-${k}_remove`} name={`${k}_remove`} value="1" />
                    <label for={`champ-${k}_remove`}>
                      <span class="sr-only">Retirer l’étape {n}</span>
                    </label>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </fieldset>
  );
}

function Checkboxes(props: {
  name: string;
  legend: string;
  hint?: string;
  error?: string | undefined;
  anchor?: boolean;
  options: Array<{ id: number; label: string }>;
  selected: number[];
}) {
  const selected = new Set(props.selected);
  return (
    <fieldset class={props.error ? "fieldset field--error" : "fieldset"} id={props.anchor === false ? undefined : `champ-${props.name}`}>
      <legend class="fieldset__legend">{props.legend}</legend>
      {props.hint ? <p class="field__hint">{props.hint}</p> : null}
      <RowError id={`champ-${props.name}-erreur`} error={props.error} />
      {props.options.length === 0 ? <p class="pdv-muted">Aucun choix disponible.</p> : null}
      <ul class="checkbox-list pdv-columns">
        {props.options.map((o) => (
          <li class="checkbox">
            <input type="checkbox" id={`${props.name}-${o.id}`} name={props.name} value={String(o.id)} checked={selected.has(o.id)} />
            <label for={`${props.name}-${o.id}`}>{o.label}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export interface ActionFormProps {
  ctx: PageContext;
  actor: StaffActor;
  action: ActionHeader | null;
  values: ActionValues;
  errors: Errors;
  options: ActionFormOptions;
  flash?: string | undefined;
}

export function ActionFormView(props: ActionFormProps) {
  const { ctx, actor, action, values: v, errors, options } = props;
  const token = ctx.viewer.csrfToken;
  const title = action ? `Action : ${action.title}` : "Nouvelle action";
  const priorityGroups = new Map<string, Array<{ value: string; label: string }>>();
  for (const p of options.priorities)
    priorityGroups.set(p.contractName, [...(priorityGroups.get(p.contractName) ?? []), { value: String(p.id), label: p.title }]);
  const objectiveGroups = new Map<string, Array<{ value: string; label: string }>>();
  for (const o of options.objectives)
    objectiveGroups.set(o.priorityTitle, [...(objectiveGroups.get(o.priorityTitle) ?? []), { value: String(o.id), label: o.title }]);
  return (
    <AdminFrame
      ctx={ctx}
      actor={actor}
      title={title}
      breadcrumb={crumbs({ label: "Actions", href: `${BASE}/actions` }, { label: action ? action.title : "Nouvelle action" })}
    >
      <Flash code={props.flash} />
      {action ? (
        <p>
          <a href={`/politique-de-la-ville/actions/${action.slug}`}>Voir la page publique de l’action</a>
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      {options.priorities.length === 0 ? (
        <div class="notice notice--warning">
          <p>
            Une action se rattache à une priorité d’un contrat de ville : <a href={`${BASE}/contrats`}>créez d’abord un contrat et ses priorités</a>.
          </p>
        </div>
      ) : null}
      <form method="post" action={action ? `${BASE}/actions/${action.id}` : `${BASE}/actions/nouvelle`} class="pdv-form pdv-form--wide" novalidate>
        <CsrfField token={token} />
        {v.version ? <input type="hidden" name="version" value={v.version} /> : null}
        {errors.version ? (
          <div id="champ-version" class="notice notice--warning" tabIndex={-1}>
            <p>{errors.version}</p>
            {action ? (
              <p>
                <a href={`${BASE}/actions/${action.id}`} target="_blank" rel="noopener">
                  Ouvrir la version enregistrée dans un nouvel onglet
                </a>
              </p>
            ) : null}
          </div>
        ) : null}
        {/* First submit button of the form: the one Enter presses in any field. */}
        <div class="admin-actions pdv-form__top">
          <button type="submit" class="button">
            Enregistrer l’action
          </button>
        </div>
        <fieldset class="fieldset">
          <legend class="fieldset__legend">L’action</legend>
          <Input name="title" label="Titre" value={v.title} error={errors.title} required maxLength={200} />
          <Input
            name="slug"
            label="Identifiant (adresse de la page)"
            value={v.slug}
            error={errors.slug}
            maxLength={80}
            hint={
              action
                ? "Changer l’identifiant change l’adresse publique de l’action ; l’ancienne adresse redirige vers la nouvelle. Laissé vide, l’identifiant actuel est gardé."
                : "Minuscules, chiffres et tirets. Laissé vide, il est fait à partir du titre."
            }
          />
          <TextArea
            name="summary"
            label="Résumé"
            value={v.summary}
            error={errors.summary}
            rows={3}
            maxLength={600}
            hint="Une ou deux phrases, montrées dans les listes (600 caractères au plus)."
          />
          <TextArea
            name="description"
            label="Description"
            value={v.description}
            error={errors.description}
            rows={10}
            hint="Texte simple : séparez les paragraphes par une ligne vide. Le HTML simple est accepté (p, ul, li, a, strong, em, h2, h3) ; le reste est retiré."
          />
        </fieldset>

        <fieldset class="fieldset">
          <legend class="fieldset__legend">Rattachement au contrat</legend>
          <Select
            name="priority_id"
            label="Priorité"
            value={v.priority_id}
            error={errors.priority_id}
            required
            empty="Choisir une priorité"
            options={[]}
            groups={[...priorityGroups].map(([label, o]) => ({ label, options: o }))}
          />
          <Select
            name="objective_id"
            label="Objectif"
            value={v.objective_id}
            error={errors.objective_id}
            empty="Aucun"
            options={[]}
            groups={[...objectiveGroups].map(([label, o]) => ({ label, options: o }))}
            hint="Un objectif de la priorité choisie."
          />
        </fieldset>

        <fieldset class="fieldset">
          <legend class="fieldset__legend">Avancement</legend>
          <div class="pdv-row">
            <Select
              name="status"
              label="Statut"
              value={v.status}
              error={errors.status}
              required
              options={STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))}
            />
            <Input
              name="progress"
              label="Avancement (%)"
              value={v.progress}
              error={errors.progress}
              required
              inputMode="numeric"
              maxLength={4}
              class="pdv-short"
              hint="De 0 à 100."
            />
          </div>
          <div class="pdv-row">
            <Input name="start_date" type="date" label="Date de début" value={v.start_date} error={errors.start_date} class="pdv-short" />
            <Input name="end_date" type="date" label="Date de fin" value={v.end_date} error={errors.end_date} class="pdv-short" />
          </div>
        </fieldset>

        <fieldset class="fieldset">
          <legend class="fieldset__legend">Qui porte l’action</legend>
          <Select
            name="lead_organisation_id"
            label="Porteur"
            value={v.lead_organisation_id}
            error={errors.lead_organisation_id}
            empty="Aucun"
            options={options.organisations.map((o) => ({ value: String(o.id), label: o.name }))}
            hint="Absent de la liste ? Ajoutez-le dans Organisations."
          />
          <Checkboxes
            name="partners"
            legend="Partenaires"
            error={errors.partners}
            options={options.organisations.map((o) => ({ id: o.id, label: o.name }))}
            selected={v.partners}
          />
        </fieldset>

        <fieldset class="fieldset">
          <legend class="fieldset__legend">Où</legend>
          {placeGroups(options.places).map((g, i) => (
            <Checkboxes
              name="places"
              legend={g.label}
              anchor={i === 0}
              error={i === 0 ? errors.places : undefined}
              options={g.places.map((p) => ({ id: p.id, label: p.kind === "qpv" && p.code ? `${p.name} (${p.code})` : p.name }))}
              selected={v.places}
            />
          ))}
          {options.places.length === 0 ? <p class="pdv-muted">Aucun quartier n’est encore défini sur le site.</p> : null}
        </fieldset>

        <FundingRows values={v} errors={errors} />
        <MilestoneRows values={v} errors={errors} />

        <fieldset class="fieldset" id="articles">
          <legend class="fieldset__legend">Articles liés</legend>
          <p class="field__hint">Les actualités publiées qui parlent de l’action, montrées sur sa page. Cherchez un article par son titre, puis cochez-le.</p>
          <div class="pdv-row pdv-row--end">
            <Input name="articles_q" type="search" label="Chercher un article" value={options.articleSearch} maxLength={100} bare />
            <button type="submit" name="_intent" value="articles" class="button button--secondary" formnovalidate>
              Chercher
            </button>
          </div>
          <RowError id="champ-articles-erreur" error={errors.articles} />
          {options.articles.length === 0 ? (
            <p>{options.articleSearch ? "Aucun article publié ne correspond à cette recherche." : "Aucun article publié."}</p>
          ) : (
            <ul class="checkbox-list">
              {options.articles.map((a) => (
                <li class="checkbox">
                  <input type="checkbox" id={`articles-${a.id}`} name="articles" value={String(a.id)} checked={v.articles.includes(a.id)} />
                  <label for={`articles-${a.id}`}>
                    {a.title}
                    {a.publishedAt ? <span class="pdv-muted"> ({formatDate(a.publishedAt)})</span> : null}
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>

        <div class="checkbox checkbox--single">
          <input type="checkbox" id="champ-is_example" name="is_example" value="1" checked={v.is_example} aria-describedby="champ-is_example-aide" />
          <label for="champ-is_example">Action d’exemple (données de démonstration)</label>
          <p id="champ-is_example-aide" class="field__hint">
            Signalée comme exemple sur le site public. Décochez pour une action réelle.
          </p>
        </div>

        <div class="admin-actions">
          <button type="submit" class="button">
            Enregistrer l’action
          </button>
          <a href={`${BASE}/actions`}>Annuler</a>
        </div>
      </form>
      {action ? (
        <DeleteSection
          action={`${BASE}/actions/${action.id}/supprimer`}
          token={token}
          what="cette action"
          explanation="L’action disparaît du site avec ses financements, ses étapes et ses liens ; les favoris des habitants qui la suivaient sont retirés. La suppression est définitive."
        />
      ) : null}
    </AdminFrame>
  );
}
