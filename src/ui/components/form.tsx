// Form building blocks following the design brief: visible labels, hints, the error
// next to its field, an error summary at the top that takes focus and links to fields,
// values kept after an error.
import type { ComponentChildren } from "preact";

export type Errors = Record<string, string>;

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

export function ErrorSummary({ errors, labels }: { errors: Errors; labels?: Record<string, string> }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} data-module="error-summary" aria-labelledby="erreurs-titre">
      <h2 id="erreurs-titre" class="error-summary__title">
        {entries.length === 1 ? "Le formulaire contient une erreur" : `Le formulaire contient ${entries.length} erreurs`}
      </h2>
      <ul>
        {entries.map(([field, message]) => (
          <li>
            <a href={`#champ-${field}`}>{labels?.[field] ? `${labels[field]} : ${message}` : message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** aria-describedby of a field: its hint and its error, when present. */
export function fieldDescribedBy(id: string, hint?: string | null, error?: string | null): string | undefined {
  return [hint ? `${id}-aide` : null, error ? `${id}-erreur` : null].filter(Boolean).join(" ") || undefined;
}

/**
 * The frame every form control sits in: label (with "(facultatif)" unless required or
 * bare), hint, error next to the field, then the control, which should carry
 * `fieldDescribedBy(id, hint, error)`.
 */
export function FieldShell(props: {
  id: string;
  label: ComponentChildren;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean | undefined;
  /** Filters and the like: neither required nor marked "(facultatif)". */
  bare?: boolean | undefined;
  class?: string | undefined;
  children: ComponentChildren;
}) {
  const { id } = props;
  return (
    <div class={`${props.error ? "field field--error" : "field"}${props.class ? ` ${props.class}` : ""}`}>
      <label for={id} class="field__label">
        {props.label}
        {props.required || props.bare ? null : <span class="field__optional"> (facultatif)</span>}
      </label>
      {props.hint ? (
        <p id={`${id}-aide`} class="field__hint">
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p id={`${id}-erreur`} class="field__error">
          <span class="sr-only">Erreur : </span>
          {props.error}
        </p>
      ) : null}
      {props.children}
    </div>
  );
}

export function Field(props: {
  name: string;
  label: string;
  type?: "text" | "email" | "password" | "search";
  value?: string;
  hint?: string;
  error?: string;
  autocomplete?: string;
  required?: boolean;
  maxLength?: number;
  minLength?: number;
}) {
  const id = `champ-${props.name}`;
  // Preact's input types are a union per `type`; this attribute bag is checked by tests.
  const inputAttributes = {
    id,
    name: props.name,
    type: props.type ?? "text",
    value: props.type === "password" ? undefined : props.value,
    autocomplete: props.autocomplete,
    required: props.required,
    maxLength: props.maxLength,
    minLength: props.minLength,
    "aria-invalid": props.error ? "true" : undefined,
    "aria-describedby": fieldDescribedBy(id, props.hint, props.error),
    class: "field__input",
    spellcheck: props.type === "email" || props.type === "password" ? false : undefined,
  };
  return (
    <FieldShell id={id} label={props.label} hint={props.hint} error={props.error} required={props.required}>
      <input {...(inputAttributes as Record<string, unknown>)} />
    </FieldShell>
  );
}

export function CheckboxGroup(props: {
  name: string;
  legend: string;
  hint?: string;
  options: Array<{ value: number; label: string }>;
  selected: ReadonlySet<number>;
}) {
  return (
    <fieldset class="fieldset">
      <legend class="fieldset__legend">{props.legend}</legend>
      {props.hint ? <p class="field__hint">{props.hint}</p> : null}
      <ul class="checkbox-list">
        {props.options.map((o) => (
          <li class="checkbox">
            <input type="checkbox" id={`${props.name}-${o.value}`} name={props.name} value={String(o.value)} checked={props.selected.has(o.value)} />
            <label for={`${props.name}-${o.value}`}>{o.label}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export function Checkbox(props: { name: string; label: string; hint?: string; checked: boolean }) {
  const id = `champ-${props.name}`;
  return (
    <div class="checkbox checkbox--single">
      <input type="checkbox" id={id} name={props.name} checked={props.checked} aria-describedby={props.hint ? `${id}-aide` : undefined} />
      <label for={id}>{props.label}</label>
      {props.hint ? (
        <p id={`${id}-aide`} class="field__hint">
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}

export function Notice({ children, kind = "info" }: { children: ComponentChildren; kind?: "info" | "success" | "warning" }) {
  return (
    <div class={`notice notice--${kind}`} role={kind === "success" ? "status" : undefined}>
      {children}
    </div>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

/** A labelled <select> with hint and error, like Field. */
export function Select(props: {
  name: string;
  label: string;
  options: SelectOption[];
  value?: string;
  hint?: string;
  error?: string;
  required?: boolean;
  bare?: boolean;
  /** id suffix when the same name appears twice on a page */
  id?: string;
}) {
  const id = props.id ?? `champ-${props.name}`;
  return (
    <FieldShell id={id} label={props.label} hint={props.hint} error={props.error} required={props.required} bare={props.bare}>
      <select
        id={id}
        name={props.name}
        class="field__input"
        required={props.required}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={fieldDescribedBy(id, props.hint, props.error)}
      >
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === (props.value ?? "")}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
