// Parsing and checking of the back-office content forms. Everything arrives as text (or
// arrays of text) from an urlencoded body; what comes out is typed, with French messages
// per field. Values are kept as typed so a form with an error shows them again.
import { isValidSlug, slugify } from "../../../lib/text.js";
import { parisToUtc } from "../../../lib/paris-time.js";
import { field, fieldList } from "../../../core/http/form.js";

export const TITLE_MAX = 200;
export const STANDFIRST_MAX = 600;
export const BODY_MAX = 200_000;
/** What the edit form's schema lets through for the body (markup included), above BODY_MAX. */
export const BODY_FIELD_MAX = 400_000;
export const RELATED_MAX = 3;
export const RELATED_FIELDS = ["related1", "related2", "related3"] as const;

/** The form as typed: what the edit page shows again after an error. */
export interface ContentFormValues {
  title: string;
  slug: string;
  standfirst: string;
  body: string;
  themes: string[];
  neighbourhoods: string[];
  hero: string;
  parent: string;
  related1: string;
  related2: string;
  related3: string;
}

/** The checked input of a save (references still to be checked against the database). */
export interface ContentInput {
  title: string;
  /** Given by the editor, or generated from the title. */
  slug: string;
  slugGiven: boolean;
  standfirst: string;
  body: string;
  themeIds: number[];
  neighbourhoodIds: number[];
  heroMediaId: number | null;
  parentId: number | null;
  /** Public addresses (or ids) of pinned "Lire aussi" items, in order. */
  related: string[];
}

export type RawForm = Record<string, unknown>;

/** Line endings normalised, so the same text typed twice compares equal. */
function clean(s: string): string {
  return s.replace(/\r\n?/g, "\n");
}

export function formValues(raw: RawForm): ContentFormValues {
  return {
    title: clean(field(raw, "title")),
    slug: field(raw, "slug", { trim: true }),
    standfirst: clean(field(raw, "standfirst")),
    // Longer than BODY_MAX is refused below with a message, not cut here.
    body: clean(field(raw, "body", { max: BODY_FIELD_MAX })),
    themes: fieldList(raw, "themes"),
    neighbourhoods: fieldList(raw, "neighbourhoods"),
    hero: field(raw, "hero", { trim: true }),
    parent: field(raw, "parent", { trim: true }),
    related1: field(raw, "related1", { trim: true }),
    related2: field(raw, "related2", { trim: true }),
    related3: field(raw, "related3", { trim: true }),
  };
}

function ids(values: string[]): number[] | null {
  const out: number[] = [];
  for (const v of values) {
    if (!/^\d{1,9}$/.test(v)) return null;
    const n = Number(v);
    if (!out.includes(n)) out.push(n);
  }
  return out;
}

function optionalId(v: string): number | null | undefined {
  if (v === "") return null;
  return /^\d{1,9}$/.test(v) ? Number(v) : undefined;
}

/** Checks the form's shape; the service then checks what it refers to. */
export function parseContentForm(values: ContentFormValues): { input: ContentInput | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const title = values.title.replace(/\s+/g, " ").trim();
  if (!title) errors.title = "Saisissez un titre.";
  else if (title.length > TITLE_MAX) errors.title = `Le titre doit faire au plus ${TITLE_MAX} caractères (il en fait ${title.length}).`;

  const slugGiven = values.slug !== "";
  const slug = slugGiven ? values.slug.toLowerCase() : slugify(title);
  if (slugGiven && !isValidSlug(slug)) {
    errors.slug =
      "L’adresse ne peut contenir que des lettres minuscules sans accent, des chiffres et des tirets (80 caractères au plus), par exemple « fete-de-quartier ».";
  } else if (!slugGiven && title && !isValidSlug(slug)) {
    errors.slug = "Impossible de créer une adresse à partir de ce titre : saisissez-la (lettres, chiffres et tirets).";
  }

  const standfirst = values.standfirst.trim();
  if (standfirst.length > STANDFIRST_MAX) errors.standfirst = `Le chapô doit faire au plus ${STANDFIRST_MAX} caractères (il en fait ${standfirst.length}).`;
  if (values.body.length > BODY_MAX) errors.body = "Le texte est trop long : découpez-le en plusieurs pages.";

  const themeIds = ids(values.themes);
  if (themeIds === null) errors.themes = "Choisissez des thèmes dans la liste.";
  const neighbourhoodIds = ids(values.neighbourhoods);
  if (neighbourhoodIds === null) errors.neighbourhoods = "Choisissez des quartiers dans la liste.";
  const heroMediaId = optionalId(values.hero);
  if (heroMediaId === undefined) errors.hero = "Choisissez une image dans la liste.";
  const parentId = optionalId(values.parent);
  if (parentId === undefined) errors.parent = "Choisissez une page parente dans la liste.";

  const related: string[] = [];
  for (const field of RELATED_FIELDS) {
    const v = values[field];
    if (!v) continue;
    if (v.length > 500) errors[field] = "Cette adresse est trop longue.";
    else related.push(v);
  }

  if (Object.keys(errors).length > 0) return { input: null, errors };
  return {
    input: {
      title,
      slug,
      slugGiven,
      standfirst,
      body: values.body,
      themeIds: themeIds ?? [],
      neighbourhoodIds: neighbourhoodIds ?? [],
      heroMediaId: heroMediaId ?? null,
      parentId: parentId ?? null,
      related,
    },
    errors,
  };
}

/**
 * The path of a "Lire aussi" reference: an address of this site (full URL or path), or
 * "#12" / "12" for an item id. Returns null when it cannot be one.
 */
export function relatedReference(value: string, publicOrigin: string): { path: string } | { id: number } | null {
  const v = value.trim();
  const idMatch = /^#?(\d{1,9})$/.exec(v);
  if (idMatch) return { id: Number(idMatch[1]) };
  let path = v;
  if (/^https?:\/\//i.test(v)) {
    try {
      const url = new URL(v);
      if (url.origin !== new URL(publicOrigin).origin) return null;
      path = url.pathname;
    } catch {
      return null;
    }
  }
  path = path.split(/[?#]/)[0] ?? "";
  if (!path.startsWith("/")) return null;
  if (path.length > 1) path = path.replace(/\/+$/, "");
  return { path };
}

/** Checks the scheduling fields: a valid date and time, in the future. */
export function parseSchedule(raw: RawForm, now: Date): { at: Date | null; errors: Record<string, string>; values: { date: string; time: string } } {
  const date = field(raw, "date", { trim: true });
  const time = field(raw, "time", { trim: true });
  const errors: Record<string, string> = {};
  if (!date) errors.date = "Saisissez la date de publication.";
  if (!time) errors.time = "Saisissez l’heure de publication.";
  if (Object.keys(errors).length) return { at: null, errors, values: { date, time } };
  const at = parisToUtc(date, time);
  if (!at) {
    errors.date = "Cette date ou cette heure n’existe pas (format attendu : 31/12/2027 et 09:30, heure de Paris).";
    return { at: null, errors, values: { date, time } };
  }
  if (at.getTime() <= now.getTime()) {
    errors.date = "Cette date est passée : choisissez une date et une heure à venir, ou publiez maintenant.";
    return { at: null, errors, values: { date, time } };
  }
  return { at, errors, values: { date, time } };
}
