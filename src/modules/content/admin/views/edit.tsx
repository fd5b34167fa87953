// The edit form of an article or page (also used to create one), with the side panel:
// workflow buttons allowed for this person and status, scheduling, preview, history.
import type { ContentKind, ContentStatus } from "../../../../core/db/schema.js";
import type { PageContext } from "../../../../ui/context.js";
import { CsrfField, ErrorSummary, Field, Notice, type Errors } from "../../../../ui/components/form.js";
import { AdminFrame, type StaffActor } from "../../../admin/index.js";
import type { WorkflowAction } from "../service.js";
import { STANDFIRST_MAX, TITLE_MAX, type ContentFormValues } from "../validate.js";
import { KIND_LABELS, SelectField, StatusBadge, Time, type Option } from "./common.js";

export interface HeroOption {
  id: number;
  thumb: string | null;
  alt: string;
  credit: string;
  /** alt, caption and credit filled in */
  usable: boolean;
}

export interface EditItemFacts {
  id: number;
  version: number;
  status: ContentStatus;
  path: string;
  createdAt: Date;
  updatedAt: Date;
  updatedBy: string | null;
  author: string | null;
  publishedAt: Date | null;
  scheduledAt: Date | null;
  previewExpiresAt: Date | null;
  revisionCount: number;
}

export interface EditData {
  kind: ContentKind;
  item: EditItemFacts | null;
  values: ContentFormValues;
  errors: Errors;
  themes: Option[];
  neighbourhoods: Option[];
  parents: Option[];
  heroes: HeroOption[];
  /** Titles of the items currently pinned, by field. */
  relatedTitles: Partial<Record<"related1" | "related2" | "related3", string>>;
  workflow: WorkflowAction[];
  canDelete: boolean;
  canShare: boolean;
  notice: string | null;
  schedule: { date: string; time: string; errors: Errors };
  /** Shown once, right after it is generated. */
  previewLink: { url: string; expiresAt: Date } | null;
  /** The hero picker's search words, when the form was shown again for a search. */
  imageSearch: string;
}

const FIELD_LABELS: Record<string, string> = {
  title: "Titre",
  slug: "Adresse",
  standfirst: "Chapô",
  body: "Texte",
  themes: "Thèmes",
  neighbourhoods: "Quartiers",
  hero: "Image principale",
  parent: "Page parente",
  related1: "Lire aussi 1",
  related2: "Lire aussi 2",
  related3: "Lire aussi 3",
  date: "Date de publication",
  time: "Heure de publication",
  version: "Version",
};

function describedBy(id: string, hint: boolean, error: boolean): string | undefined {
  return [hint ? `${id}-aide` : null, error ? `${id}-erreur` : null].filter(Boolean).join(" ") || undefined;
}

function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={`${id}-erreur`} class="field__error">
      <span class="sr-only">Erreur : </span>
      {error}
    </p>
  ) : null;
}

function TextArea(props: {
  name: string;
  label: string;
  value: string;
  rows: number;
  hint?: string;
  error?: string;
  maxLength?: number;
  module?: string;
  optional?: boolean;
}) {
  const id = `champ-${props.name}`;
  return (
    <div class={props.error ? "field field--error" : "field"}>
      <label for={id} class="field__label">
        {props.label}
        {props.optional ? <span class="field__optional"> (facultatif)</span> : null}
      </label>
      {props.hint ? (
        <p id={`${id}-aide`} class="field__hint">
          {props.hint}
        </p>
      ) : null}
      <FieldError id={id} error={props.error} />
      <textarea
        id={id}
        name={props.name}
        rows={props.rows}
        class="field__input"
        maxLength={props.maxLength}
        data-module={props.module}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy(id, Boolean(props.hint), Boolean(props.error))}
      >
        {props.value}
      </textarea>
    </div>
  );
}

function Checkboxes(props: { name: string; legend: string; options: Option[]; selected: string[]; error?: string; hint?: string }) {
  const id = `champ-${props.name}`;
  return (
    <fieldset
      class={props.error ? "fieldset field--error" : "fieldset"}
      id={id}
      tabIndex={-1}
      aria-describedby={describedBy(id, Boolean(props.hint), Boolean(props.error))}
    >
      <legend class="fieldset__legend">
        {props.legend}
        <span class="field__optional"> (facultatif)</span>
      </legend>
      {props.hint ? (
        <p id={`${id}-aide`} class="field__hint">
          {props.hint}
        </p>
      ) : null}
      <FieldError id={id} error={props.error} />
      {props.options.length === 0 ? <p>Aucun choix n’est encore défini.</p> : null}
      <ul class="checkbox-list content-form__choices">
        {props.options.map((o) => (
          <li class="checkbox">
            <input type="checkbox" id={`${props.name}-${o.value}`} name={props.name} value={o.value} checked={props.selected.includes(o.value)} />
            <label for={`${props.name}-${o.value}`}>{o.label}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function HeroPicker({ options, value, error, search }: { options: HeroOption[]; value: string; error?: string; search: string }) {
  const id = "champ-hero";
  return (
    <fieldset class={error ? "fieldset field--error" : "fieldset"} id={id} tabIndex={-1} aria-describedby={describedBy(id, true, Boolean(error))}>
      <legend class="fieldset__legend">
        Image principale<span class="field__optional"> (facultatif)</span>
      </legend>
      <p id={`${id}-aide`} class="field__hint">
        Seules les images dont le texte alternatif, la légende et le crédit sont renseignés peuvent être utilisées.{" "}
        <a href="/admin/medias/nouveau">Ajouter une image à la médiathèque</a>
      </p>
      <FieldError id={id} error={error} />
      <div class="hero-picker__search">
        <label for="champ-image-recherche" class="field__label">
          Chercher une image
        </label>
        <p id="champ-image-recherche-aide" class="field__hint">
          Dans le texte alternatif, la légende, le crédit ou le nom du fichier. Le contenu n’est pas enregistré par cette recherche.
        </p>
        <div class="input-group">
          <input
            type="search"
            id="champ-image-recherche"
            name="image_q"
            class="field__input"
            value={search}
            maxLength={100}
            aria-describedby="champ-image-recherche-aide"
          />
          <button type="submit" name="chercher_images" value="1" class="button button--secondary" formnovalidate>
            Chercher
          </button>
        </div>
        {search ? <p role="status">{options.length === 0 ? "Aucune image ne correspond." : `Images correspondant à « ${search} » :`}</p> : null}
      </div>
      <ul class="hero-picker">
        <li class="hero-picker__option">
          <input type="radio" name="hero" id="hero-aucune" value="" checked={value === ""} />
          <label for="hero-aucune">Aucune image</label>
        </li>
        {options.map((o) => (
          <li class="hero-picker__option">
            <input
              type="radio"
              name="hero"
              id={`hero-${o.id}`}
              value={String(o.id)}
              checked={value === String(o.id)}
              disabled={!o.usable && value !== String(o.id)}
            />
            <label for={`hero-${o.id}`}>
              {o.thumb ? <img src={o.thumb} alt="" width={160} height={90} loading="lazy" /> : null}
              <span>{o.alt || "Sans texte alternatif"}</span>
              {o.usable ? (
                <span class="hero-picker__credit">{o.credit}</span>
              ) : (
                <span class="hero-picker__credit">À compléter dans la médiathèque avant usage</span>
              )}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

const ACTION_PATHS: Record<WorkflowAction, string> = {
  submit: "soumettre",
  publish: "publier",
  schedule: "programmer",
  unpublish: "depublier",
  archive: "archiver",
};

function WorkflowPanel({ ctx, data, item }: { ctx: PageContext; data: EditData; item: EditItemFacts }) {
  const token = ctx.viewer.csrfToken;
  const base = `/admin/contenus/${item.id}`;
  const simple = (action: WorkflowAction, label: string, secondary = false) =>
    data.workflow.includes(action) ? (
      <form method="post" action={`${base}/${ACTION_PATHS[action]}`}>
        <CsrfField token={token} />
        <button type="submit" class={secondary ? "button button--secondary" : "button"}>
          {label}
        </button>
      </form>
    ) : null;
  const s = data.schedule;
  return (
    <aside class="content-panel" aria-labelledby="panneau-titre">
      <h2 id="panneau-titre">Publication</h2>
      <p>
        Statut : <StatusBadge status={item.status} />
      </p>
      {item.status === "scheduled" && item.scheduledAt ? (
        <p>
          Mise en ligne prévue le <Time date={item.scheduledAt} /> (heure de Paris).
        </p>
      ) : null}
      {item.status === "published" && item.publishedAt ? (
        <p>
          Publié le <Time date={item.publishedAt} />. <a href={item.path}>Voir la page publique</a>
        </p>
      ) : null}
      {item.status === "published" ? <p class="field__hint">Les modifications enregistrées sont mises en ligne immédiatement.</p> : null}
      <p>
        Dernier enregistrement le <Time date={item.updatedAt} />
        {item.updatedBy ? ` par ${item.updatedBy}` : ""}.{item.author ? ` Créé par ${item.author}.` : ""}
      </p>
      <div class="content-panel__actions">
        {simple("submit", "Soumettre pour relecture")}
        {simple("publish", item.status === "scheduled" ? "Publier maintenant plutôt" : "Publier maintenant")}
        {simple("unpublish", item.status === "scheduled" ? "Annuler la programmation" : "Dépublier", true)}
        {simple("archive", "Archiver", true)}
      </div>
      {data.workflow.includes("schedule") ? (
        <form method="post" action={`${base}/programmer`} class="content-panel__schedule" aria-labelledby="programmer-titre">
          <h3 id="programmer-titre">{item.status === "scheduled" ? "Changer la date de publication" : "Programmer la publication"}</h3>
          <CsrfField token={token} />
          <div class={s.errors.date ? "field field--error" : "field"}>
            <label for="champ-date" class="field__label">
              Date
            </label>
            <p id="champ-date-aide" class="field__hint">
              Heure de Paris. Format : 31/12/2027.
            </p>
            <FieldError id="champ-date" error={s.errors.date} />
            <input
              type="date"
              id="champ-date"
              name="date"
              class="field__input"
              value={s.date}
              required
              aria-invalid={s.errors.date ? "true" : undefined}
              aria-describedby={describedBy("champ-date", true, Boolean(s.errors.date))}
            />
          </div>
          <div class={s.errors.time ? "field field--error" : "field"}>
            <label for="champ-time" class="field__label">
              Heure
            </label>
            <FieldError id="champ-time" error={s.errors.time} />
            <input
              type="time"
              id="champ-time"
              name="time"
              class="field__input"
              value={s.time}
              required
              aria-invalid={s.errors.time ? "true" : undefined}
              aria-describedby={describedBy("champ-time", false, Boolean(s.errors.time))}
            />
          </div>
          <button type="submit" class="button button--secondary">
            Programmer
          </button>
        </form>
      ) : null}

      <h2>Aperçu</h2>
      <p>
        <a href={`${base}/apercu`}>Voir l’aperçu</a>
      </p>
      {data.previewLink ? (
        <Notice kind="success">
          <p>
            Lien d’aperçu créé, valable jusqu’au <Time date={data.previewLink.expiresAt} />. Copiez-le maintenant : il ne sera plus affiché.
          </p>
          <p>
            <label for="lien-apercu">Lien d’aperçu privé</label>
            <input id="lien-apercu" class="field__input" type="text" readOnly value={data.previewLink.url} />
          </p>
        </Notice>
      ) : item.previewExpiresAt ? (
        <p>
          Un lien d’aperçu privé est actif jusqu’au <Time date={item.previewExpiresAt} />.
        </p>
      ) : null}
      {data.canShare ? (
        <div class="content-panel__actions">
          <form method="post" action={`${base}/lien-apercu`}>
            <CsrfField token={token} />
            <button type="submit" class="button button--secondary">
              {item.previewExpiresAt ? "Remplacer le lien d’aperçu" : "Créer un lien d’aperçu partageable"}
            </button>
          </form>
          {item.previewExpiresAt ? (
            <form method="post" action={`${base}/lien-apercu/revoquer`}>
              <CsrfField token={token} />
              <button type="submit" class="button button--secondary">
                Révoquer le lien d’aperçu
              </button>
            </form>
          ) : null}
        </div>
      ) : null}

      <h2>Historique</h2>
      <p>
        <a href={`${base}/revisions`}>Versions enregistrées ({item.revisionCount})</a>
      </p>
      {data.canDelete ? (
        <p>
          <a href={`${base}/supprimer`} class="content-panel__danger">
            Supprimer ce contenu
          </a>
        </p>
      ) : null}
    </aside>
  );
}

export function ContentEditPage({ ctx, actor, data }: { ctx: PageContext; actor: StaffActor; data: EditData }) {
  const v = data.values;
  const item = data.item;
  const kindLabel = KIND_LABELS[data.kind].toLowerCase();
  const title = item ? `Modifier : ${v.title || "sans titre"}` : data.kind === "article" ? "Nouvel article" : "Nouvelle page";
  const allErrors = { ...data.errors, ...data.schedule.errors };
  const action = item ? `/admin/contenus/${item.id}` : `/admin/contenus/nouveau?type=${data.kind}`;
  const slugPrefix = data.kind === "article" ? "/actualites/" : "/…/";
  return (
    <AdminFrame
      ctx={ctx}
      actor={actor}
      title={title}
      breadcrumb={[{ label: "Contenus", href: "/admin/contenus" }, { label: item ? v.title || "Sans titre" : title }]}
    >
      <ErrorSummary errors={allErrors} labels={FIELD_LABELS} />
      {data.notice ? (
        <Notice kind="success">
          <p>{data.notice}</p>
        </Notice>
      ) : null}
      <div class={item ? "content-edit" : "content-edit content-edit--new"}>
        <form
          method="post"
          action={action}
          class="content-form"
          data-module="content-form"
          data-autosave-url={item ? `/admin/contenus/${item.id}/brouillon` : undefined}
          aria-label={item ? `Contenu de ${kindLabel === "article" ? "l’article" : "la page"}` : title}
          novalidate
        >
          <CsrfField token={ctx.viewer.csrfToken} />
          {item ? <input type="hidden" name="version" value={String(item.version)} /> : null}
          <Field name="title" label="Titre" value={v.title} error={data.errors.title} required maxLength={TITLE_MAX} />
          <div class={data.errors.slug ? "field field--error" : "field"}>
            <label for="champ-slug" class="field__label">
              Adresse<span class="field__optional"> (facultatif)</span>
            </label>
            <p id="champ-slug-aide" class="field__hint">
              Dernière partie de l’adresse de la page ({slugPrefix}…). Laissez vide pour la créer à partir du titre. Si vous la changez sur un contenu publié,
              l’ancienne adresse redirige vers la nouvelle.
            </p>
            <FieldError id="champ-slug" error={data.errors.slug} />
            <input
              id="champ-slug"
              name="slug"
              type="text"
              class="field__input"
              value={v.slug}
              maxLength={80}
              spellcheck={false}
              autocomplete="off"
              data-slug-source="title"
              aria-invalid={data.errors.slug ? "true" : undefined}
              aria-describedby={describedBy("champ-slug", true, Boolean(data.errors.slug))}
            />
          </div>
          <TextArea
            name="standfirst"
            label="Chapô"
            value={v.standfirst}
            rows={3}
            maxLength={STANDFIRST_MAX}
            hint="Une ou deux phrases qui résument le contenu ; reprises dans les listes et les moteurs de recherche."
            error={data.errors.standfirst}
            optional
          />
          <TextArea
            name="body"
            label="Texte"
            value={v.body}
            rows={18}
            module="rich-text"
            hint="Intertitres, listes, liens (https, mailto ou adresses du site). Le reste de la mise en forme est retiré à l’enregistrement."
            error={data.errors.body}
            optional
          />
          <Checkboxes
            name="themes"
            legend="Thèmes"
            options={data.themes}
            selected={v.themes}
            error={data.errors.themes}
            hint="Le premier thème coché est affiché sur les vignettes."
          />
          <Checkboxes name="neighbourhoods" legend="Quartiers" options={data.neighbourhoods} selected={v.neighbourhoods} error={data.errors.neighbourhoods} />
          <HeroPicker options={data.heroes} value={v.hero} error={data.errors.hero} search={data.imageSearch} />
          {data.kind === "page" ? (
            <SelectField
              name="parent"
              label="Page parente"
              value={v.parent}
              options={[{ value: "", label: "Aucune (page de premier niveau)" }, ...data.parents]}
              error={data.errors.parent}
              optional
            />
          ) : null}
          <fieldset class="fieldset" aria-describedby="lire-aussi-aide">
            <legend class="fieldset__legend">
              Lire aussi<span class="field__optional"> (facultatif)</span>
            </legend>
            <p id="lire-aussi-aide" class="field__hint">
              Jusqu’à trois contenus affichés en premier sous le texte : collez l’adresse de leur page publique (par exemple /actualites/fete-de-quartier). Les
              autres places sont complétées automatiquement.
            </p>
            {(["related1", "related2", "related3"] as const).map((name, i) => (
              <Field
                name={name}
                label={`Contenu recommandé ${i + 1}`}
                value={v[name]}
                error={data.errors[name]}
                hint={data.relatedTitles[name] ? `Actuellement : ${data.relatedTitles[name]}` : undefined}
              />
            ))}
          </fieldset>
          <div class="content-form__submit">
            <button type="submit" class="button">
              {item ? "Enregistrer" : `Créer le brouillon`}
            </button>
            <span class="content-form__status" data-autosave-status aria-live="polite"></span>
          </div>
        </form>
        {item ? <WorkflowPanel ctx={ctx} data={data} item={item} /> : null}
      </div>
    </AdminFrame>
  );
}
