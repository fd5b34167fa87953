// Building blocks of the Politique de la Ville back-office pages: fields that the shared
// form helpers do not cover (select, textarea, date, number), the section navigation,
// success notices carried by the redirect, and delete buttons.
import type { ComponentChildren } from "preact";
import { CsrfField, FieldShell, fieldDescribedBy, Notice } from "../../../../ui/components/form.js";
import type { Crumb } from "../../../../ui/components/breadcrumb.js";

export const BASE = "/admin/politique-de-la-ville";

export const SECTIONS = [
  { href: BASE, label: "Vue d’ensemble" },
  { href: `${BASE}/contrats`, label: "Contrats et priorités" },
  { href: `${BASE}/actions`, label: "Actions" },
  { href: `${BASE}/organisations`, label: "Organisations" },
  { href: `${BASE}/indicateurs`, label: "Indicateurs" },
] as const;

/** Crumbs after "Administration". */
export function crumbs(...rest: Crumb[]): Crumb[] {
  return [{ label: "Politique de la ville", href: BASE }, ...rest];
}

export function SectionNav({ current }: { current: string }) {
  return (
    <nav class="pdv-admin-nav" aria-label="Rubriques de la politique de la ville">
      <ul>
        {SECTIONS.map((s) => (
          <li>
            <a href={s.href} aria-current={s.href === current ? "page" : undefined}>
              {s.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Messages shown after a redirect (?ok=…); unknown codes show nothing. */
export const FLASH: Record<string, string> = {
  "contrat-enregistre": "Contrat enregistré.",
  "contrat-supprime": "Contrat supprimé.",
  "priorite-enregistree": "Priorité enregistrée.",
  "priorite-supprimee": "Priorité supprimée.",
  "priorite-deplacee": "Ordre des priorités enregistré.",
  "objectif-enregistre": "Objectif enregistré.",
  "objectif-supprime": "Objectif supprimé.",
  "objectif-deplace": "Ordre des objectifs enregistré.",
  "action-enregistree": "Action enregistrée.",
  "action-supprimee": "Action supprimée.",
  "organisation-enregistree": "Organisation enregistrée.",
  "organisation-supprimee": "Organisation supprimée.",
  "indicateur-enregistre": "Valeur d’indicateur enregistrée.",
  "indicateur-supprime": "Valeur d’indicateur supprimée.",
};

export function Flash({ code, problem }: { code?: string | undefined; problem?: string | null | undefined }) {
  if (problem)
    return (
      <div class="notice notice--warning pdv-problem" role="alert">
        <p>{problem}</p>
      </div>
    );
  const message = code ? FLASH[code] : undefined;
  return message ? (
    <Notice kind="success">
      <p>{message}</p>
    </Notice>
  ) : null;
}

interface FieldShellProps {
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  /** Filters: neither required nor marked "(facultatif)". */
  bare?: boolean;
}

function describedBy(p: FieldShellProps): string | undefined {
  return fieldDescribedBy(`champ-${p.name}`, p.hint, p.error);
}

function Shell(props: FieldShellProps & { children: ComponentChildren; class?: string }) {
  return (
    <FieldShell
      id={`champ-${props.name}`}
      label={props.label}
      hint={props.hint}
      error={props.error}
      required={props.required}
      bare={props.bare}
      class={props.class}
    >
      {props.children}
    </FieldShell>
  );
}

export function Input(
  props: FieldShellProps & {
    value: string;
    type?: "text" | "date" | "url" | "search";
    inputMode?: "numeric" | "decimal";
    maxLength?: number;
    class?: string;
    autocomplete?: string;
  },
) {
  return (
    <Shell {...props}>
      <input
        {...({
          id: `champ-${props.name}`,
          name: props.name,
          type: props.type ?? "text",
          value: props.value,
          inputMode: props.inputMode,
          maxLength: props.maxLength,
          required: props.required,
          autocomplete: props.autocomplete ?? "off",
          "aria-invalid": props.error ? "true" : undefined,
          "aria-describedby": describedBy(props),
          class: "field__input",
        } as Record<string, unknown>)}
      />
    </Shell>
  );
}

export function TextArea(props: FieldShellProps & { value: string; rows?: number; maxLength?: number }) {
  return (
    <Shell {...props}>
      <textarea
        id={`champ-${props.name}`}
        name={props.name}
        rows={props.rows ?? 5}
        maxLength={props.maxLength}
        required={props.required}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy(props)}
        class="field__input"
      >
        {props.value}
      </textarea>
    </Shell>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function Select(props: FieldShellProps & { value: string; options: Option[]; groups?: Array<{ label: string; options: Option[] }>; empty?: string }) {
  return (
    <Shell {...props}>
      <select
        id={`champ-${props.name}`}
        name={props.name}
        required={props.required}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy(props)}
        class="field__input"
      >
        {props.empty !== undefined ? <option value="">{props.empty}</option> : null}
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
        {(props.groups ?? []).map((g) => (
          <optgroup label={g.label}>
            {g.options.map((o) => (
              <option value={o.value} selected={o.value === props.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </Shell>
  );
}

/** A POST button in its own small form (delete, move), with the CSRF token. */
export function PostButton(props: {
  action: string;
  token: string;
  label: string;
  danger?: boolean;
  hidden?: Record<string, string>;
  describedBy?: string;
  ariaLabel?: string;
}) {
  return (
    <form method="post" action={props.action} class="pdv-inline-form">
      <CsrfField token={props.token} />
      {Object.entries(props.hidden ?? {}).map(([k, v]) => (
        <input type="hidden" name={k} value={v} />
      ))}
      <button
        type="submit"
        class={props.danger ? "button button--danger" : "button button--secondary"}
        aria-label={props.ariaLabel}
        aria-describedby={props.describedBy}
      >
        {props.label}
      </button>
    </form>
  );
}

/** The delete block at the bottom of an edit page. */
export function DeleteSection(props: { action: string; token: string; what: string; explanation: string }) {
  return (
    <section class="pdv-danger" aria-labelledby="supprimer-titre">
      <h2 id="supprimer-titre">Supprimer {props.what}</h2>
      <p id="supprimer-aide">{props.explanation}</p>
      <PostButton action={props.action} token={props.token} label={`Supprimer ${props.what}`} danger describedBy="supprimer-aide" />
    </section>
  );
}

/** "Monter" / "Descendre" for an item of an ordered list (none at the ends). */
export function MoveButtons(props: { action: string; token: string; title: string; index: number; count: number }) {
  return (
    <div class="admin-actions">
      {props.index > 0 ? (
        <PostButton action={props.action} token={props.token} label="Monter" hidden={{ sens: "haut" }} ariaLabel={`Monter « ${props.title} »`} />
      ) : null}
      {props.index < props.count - 1 ? (
        <PostButton action={props.action} token={props.token} label="Descendre" hidden={{ sens: "bas" }} ariaLabel={`Descendre « ${props.title} »`} />
      ) : null}
    </div>
  );
}
