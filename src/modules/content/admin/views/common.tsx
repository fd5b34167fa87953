// Small pieces shared by the content back-office pages.
import type { ContentKind, ContentStatus } from "../../../../core/db/schema.js";
import { formatDate } from "../../../../lib/format.js";
import { parisParts } from "../../../../lib/paris-time.js";

export const STATUS_LABELS: Record<ContentStatus, string> = {
  draft: "Brouillon",
  review: "En relecture",
  scheduled: "Programmé",
  published: "Publié",
  unpublished: "Dépublié",
  archived: "Archivé",
};

export const KIND_LABELS: Record<ContentKind, string> = { article: "Article", page: "Page" };

export function StatusBadge({ status }: { status: ContentStatus }) {
  return <span class={`content-status content-status--${status}`}>{STATUS_LABELS[status]}</span>;
}

/** "12 mars 2027 à 14 h 32", Paris time. */
export function formatDateTime(d: Date): string {
  const { time } = parisParts(d);
  const [h, m] = time.split(":");
  return `${formatDate(d)} à ${Number(h)} h ${m}`;
}

export function Time({ date }: { date: Date }) {
  return <time dateTime={date.toISOString()}>{formatDateTime(date)}</time>;
}

export interface Option {
  value: string;
  label: string;
}

/** A labelled select with an optional error, in the same markup as Field. */
export function SelectField(props: { name: string; label: string; value: string; options: Option[]; hint?: string; error?: string; optional?: boolean }) {
  const id = `champ-${props.name}`;
  const describedBy = [props.hint ? `${id}-aide` : null, props.error ? `${id}-erreur` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div class={props.error ? "field field--error" : "field"}>
      <label for={id} class="field__label">
        {props.label}
        {props.optional ? <span class="field__optional"> (facultatif)</span> : null}
      </label>
      {props.hint ? <p id={`${id}-aide`} class="field__hint">{props.hint}</p> : null}
      {props.error ? (
        <p id={`${id}-erreur`} class="field__error">
          <span class="sr-only">Erreur : </span>
          {props.error}
        </p>
      ) : null}
      <select id={id} name={props.name} class="field__input" aria-invalid={props.error ? "true" : undefined} aria-describedby={describedBy}>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>{o.label}</option>
        ))}
      </select>
    </div>
  );
}
