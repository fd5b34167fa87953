// Reading and checking the back-office forms of the Politique de la Ville, without the
// database (references and uniqueness are checked by the service, in its transaction).
// The value rules are the CSV importer's (import/action-rows.ts, import/common.ts), so
// that a form and an import accept the same things. Every function returns the typed
// input, the French error per field, and the raw values to show again after an error.
// Fields are read with core/http/form.ts (the route's schema has bounded them already).
import { field, fieldIds } from "../../../core/http/form.js";
import { isValidSlug, slugify } from "../../../lib/text.js";
import { readFundingValues, readStatus } from "../import/action-rows.js";
import { parseDate, parseDecimal, parseInteger } from "../import/common.js";
import type { IndicatorInput, TerritoryKind } from "../import/indicators.js";
import { FUNDERS, STATUSES } from "../queries.js";
import { ORGANISATION_KINDS } from "../present.js";

/** A submitted form, as the route's schema let it through: read only with the functions below. */
export type FormBody = unknown;
export type Errors = Record<string, string>;

/** First value of a field, trimmed ("" when absent). */
const str = (body: FormBody, key: string): string => field(body, key, { trim: true });

function optionalId(text: string): number | null | undefined {
  if (text === "") return null;
  return /^\d{1,9}$/.test(text) ? Number(text) : undefined;
}

function checkSlug(slug: string, errors: Errors, key = "slug"): void {
  if (slug && !isValidSlug(slug)) {
    errors[key] =
      `L’identifiant doit être en minuscules, sans accents ni espaces, mots séparés par des tirets (par exemple « ${slugify(slug) || "mon-identifiant"} »), 80 caractères au plus.`;
  }
}

function checkLength(value: string, max: number, errors: Errors, key: string, what: string): void {
  if (value.length > max) errors[key] = `${what} dépasse ${max} caractères (${value.length} actuellement).`;
}

const DESCRIPTION_MAX = 20_000;

// ---- Contracts
export interface ContractInput {
  name: string;
  slug: string;
  generation: "2015" | "2024";
  period_start: number;
  period_end: number;
  territory: string;
  description: string;
  progress_rule: "budget" | "equal";
  position: number;
}

export function readContract(body: FormBody): { input: ContractInput | null; errors: Errors; values: Record<string, string> } {
  const values = Object.fromEntries(
    ["name", "slug", "generation", "period_start", "period_end", "territory", "description", "progress_rule", "position"].map((k) => [k, str(body, k)]),
  );
  const errors: Errors = {};
  if (!values.name) errors.name = "Indiquez le nom du contrat.";
  checkLength(values.name!, 200, errors, "name", "Le nom");
  const slug = values.slug || slugify(values.name!);
  checkSlug(values.slug!, errors);
  if (values.generation !== "2015" && values.generation !== "2024") errors.generation = "Choisissez la génération du contrat : 2015 ou 2024.";
  const start = parseInteger(values.period_start!);
  const end = parseInteger(values.period_end!);
  if (start === null || start < 2000 || start > 2100) errors.period_start = "L’année de début doit être un nombre entre 2000 et 2100.";
  if (end === null || end < 2000 || end > 2100) errors.period_end = "L’année de fin doit être un nombre entre 2000 et 2100.";
  else if (start !== null && end < start) errors.period_end = "L’année de fin doit être égale ou postérieure à l’année de début.";
  if (values.progress_rule !== "budget" && values.progress_rule !== "equal") errors.progress_rule = "Choisissez comment l’avancement est calculé.";
  checkLength(values.territory!, 300, errors, "territory", "Le territoire");
  checkLength(values.description!, DESCRIPTION_MAX, errors, "description", "La description");
  const position = values.position ? parseInteger(values.position) : 0;
  if (position === null || position < 0 || position > 9999) errors.position = "L’ordre d’affichage doit être un nombre entier entre 0 et 9999.";
  if (Object.keys(errors).length > 0 || !slug) {
    if (!slug && !errors.name) errors.slug = "Indiquez un identifiant.";
    return { input: null, errors, values };
  }
  return {
    input: {
      name: values.name!,
      slug,
      generation: values.generation as "2015" | "2024",
      period_start: start!,
      period_end: end!,
      territory: values.territory!,
      description: values.description!,
      progress_rule: values.progress_rule as "budget" | "equal",
      position: position!,
    },
    errors,
    values,
  };
}

// ---- Priorities and objectives
export interface PriorityInput {
  title: string;
  slug: string;
  description: string;
  continues_priority_id: number | null;
}

export function readPriority(body: FormBody): { input: PriorityInput | null; errors: Errors; values: Record<string, string> } {
  const values = Object.fromEntries(["title", "slug", "description", "continues_priority_id"].map((k) => [k, str(body, k)]));
  const errors: Errors = {};
  if (!values.title) errors.title = "Indiquez l’intitulé de la priorité.";
  checkLength(values.title!, 200, errors, "title", "L’intitulé");
  checkSlug(values.slug!, errors);
  checkLength(values.description!, DESCRIPTION_MAX, errors, "description", "La description");
  const continues = optionalId(values.continues_priority_id!);
  if (continues === undefined) errors.continues_priority_id = "Choisissez une priorité dans la liste.";
  const slug = values.slug || slugify(values.title!);
  if (Object.keys(errors).length > 0 || !slug) {
    if (!slug && !errors.title) errors.slug = "Indiquez un identifiant.";
    return { input: null, errors, values };
  }
  return { input: { title: values.title!, slug, description: values.description!, continues_priority_id: continues ?? null }, errors, values };
}

/** `key`: the field's name ("objective_title" on the priority page, next to the priority's own title). */
export function readObjective(body: FormBody, key = "title"): { input: { title: string } | null; errors: Errors; values: { title: string } } {
  const values = { title: str(body, key) };
  const errors: Errors = {};
  if (!values.title) errors[key] = "Indiquez l’intitulé de l’objectif.";
  checkLength(values.title, 300, errors, key, "L’intitulé");
  return { input: Object.keys(errors).length > 0 ? null : { title: values.title }, errors, values };
}

// ---- Organisations
export interface OrganisationInput {
  name: string;
  slug: string;
  kind: string;
  website: string | null;
  description: string;
}

export function readOrganisation(body: FormBody): { input: OrganisationInput | null; errors: Errors; values: Record<string, string> } {
  const values = Object.fromEntries(["name", "slug", "kind", "website", "description"].map((k) => [k, str(body, k)]));
  const errors: Errors = {};
  if (!values.name) errors.name = "Indiquez le nom de l’organisation.";
  checkLength(values.name!, 200, errors, "name", "Le nom");
  checkSlug(values.slug!, errors);
  if (!Object.hasOwn(ORGANISATION_KINDS, values.kind!)) errors.kind = "Choisissez le type d’organisation dans la liste.";
  let website: string | null = null;
  if (values.website) {
    let url: URL | null = null;
    try {
      url = new URL(values.website);
    } catch {
      url = null;
    }
    if (url?.protocol !== "https:" || !url.hostname.includes(".") || url.username || url.password) {
      errors.website = "Indiquez une adresse web complète et sécurisée, commençant par https:// (par exemple https://www.association.fr).";
    } else if (values.website.length > 500) {
      errors.website = "L’adresse web dépasse 500 caractères.";
    } else website = url.toString();
  }
  checkLength(values.description!, DESCRIPTION_MAX, errors, "description", "La description");
  const slug = values.slug || slugify(values.name!);
  if (Object.keys(errors).length > 0 || !slug) {
    if (!slug && !errors.name) errors.slug = "Indiquez un identifiant.";
    return { input: null, errors, values };
  }
  return { input: { name: values.name!, slug, kind: values.kind!, website, description: values.description! }, errors, values };
}

// ---- Indicators
export const TERRITORY_KINDS = {
  qpv: "Quartier prioritaire (QPV)",
  quartier: "Quartier",
  commune: "Commune",
  metropole: "Métropole",
} as const satisfies Record<TerritoryKind, string>;
export type { IndicatorInput, TerritoryKind };

export function readIndicator(body: FormBody): { input: IndicatorInput | null; errors: Errors; values: Record<string, string> } {
  const values = Object.fromEntries(
    ["metric", "label", "territory_kind", "territory_code", "territory_name", "year", "value", "unit", "source"].map((k) => [k, str(body, k)]),
  );
  const errors: Errors = {};
  if (!values.metric) errors.metric = "Indiquez l’identifiant de l’indicateur (par exemple taux_pauvrete).";
  else if (!/^[a-z0-9_]+$/.test(values.metric) || values.metric.length > 80)
    errors.metric = "L’identifiant s’écrit en minuscules sans accents, chiffres et « _ » (par exemple taux_pauvrete).";
  if (!values.label) errors.label = "Indiquez le libellé de l’indicateur (par exemple Taux de pauvreté).";
  checkLength(values.label!, 200, errors, "label", "Le libellé");
  if (!Object.hasOwn(TERRITORY_KINDS, values.territory_kind!)) errors.territory_kind = "Choisissez le type de territoire dans la liste.";
  if (!values.territory_code) errors.territory_code = "Indiquez le code du territoire (code QPV, identifiant du quartier ou code INSEE).";
  checkLength(values.territory_code!, 80, errors, "territory_code", "Le code");
  if (!values.territory_name) errors.territory_name = "Indiquez le nom du territoire.";
  checkLength(values.territory_name!, 200, errors, "territory_name", "Le nom");
  const year = parseInteger(values.year!);
  if (year === null || year < 1900 || year > 2100) errors.year = "L’année doit être un nombre entre 1900 et 2100.";
  const value = parseDecimal(values.value!);
  if (value === null || Math.abs(value) >= 1e10) errors.value = "La valeur doit être un nombre (exemples : 43,5 ou 1 234.5).";
  checkLength(values.unit!, 40, errors, "unit", "L’unité");
  checkLength(values.source!, 300, errors, "source", "La source");
  if (Object.keys(errors).length > 0) return { input: null, errors, values };
  return {
    input: {
      metric: values.metric!,
      label: values.label!,
      territory_kind: values.territory_kind as TerritoryKind,
      territory_code: values.territory_code!,
      territory_name: values.territory_name!,
      year: year!,
      value: value!.toFixed(4),
      unit: values.unit!,
      source: values.source!,
    },
    errors,
    values,
  };
}

// ---- Actions, with their funding lines and milestones as repeated rows
export interface FundingRowValues {
  funder: string;
  amount: string;
  year: string;
  label: string;
}
export interface MilestoneRowValues {
  due_date: string;
  title: string;
  done: boolean;
}

export interface ActionValues {
  title: string;
  slug: string;
  summary: string;
  description: string;
  priority_id: string;
  objective_id: string;
  status: string;
  progress: string;
  start_date: string;
  end_date: string;
  lead_organisation_id: string;
  is_example: boolean;
  partners: number[];
  places: number[];
  articles: number[];
  funding: FundingRowValues[];
  milestones: MilestoneRowValues[];
  /** The version the form was loaded with ("" for a new action). */
  version: string;
}

export interface ActionInput {
  title: string;
  /** Empty: generated from the title by the service (made unique there). */
  slug: string;
  summary: string;
  description: string;
  priority_id: number;
  objective_id: number | null;
  status: string;
  progress: number;
  start_date: string | null;
  end_date: string | null;
  lead_organisation_id: number | null;
  is_example: boolean;
  partners: number[];
  places: number[];
  articles: number[];
  funding: Array<{ funder: string; amount: string; year: number; label: string }>;
  milestones: Array<{ due_date: string; title: string; done: boolean }>;
}

/** Rows submitted as prefix_<n>_<field>, in index order (at most 200). */
function rowIndexes(body: FormBody, prefix: string): number[] {
  const found = new Set<number>();
  const re = new RegExp(`^${prefix}_(\\d{1,3})_`);
  for (const key of body !== null && typeof body === "object" ? Object.keys(body) : []) {
    const m = re.exec(key);
    if (m) found.add(Number(m[1]));
  }
  return [...found].sort((a, b) => a - b).slice(0, 200);
}

const checked = (body: FormBody, key: string) => str(body, key) !== "";

/** Plain text typed in the textarea becomes paragraphs; HTML is kept (sanitised by the service). */
export function descriptionHtml(text: string): string {
  // HTML only when it uses a tag the sanitiser keeps: "<3" or "<paragraphe>" stay text.
  if (text === "" || /<\/?(p|h[2-4]|ul|ol|li|a|strong|em|b|i|br|blockquote|figure|figcaption|img)(\s[^>]*)?\/?>/i.test(text)) return text;
  const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map((p) => `<p>${escapeHtml(p).replace(/\r?\n/g, "<br>")}</p>`)
    .join("\n");
}

export function readAction(body: FormBody): { input: ActionInput | null; errors: Errors; values: ActionValues } {
  const errors: Errors = {};
  const fundingRows = rowIndexes(body, "funding")
    .filter((i) => !checked(body, `funding_${i}_remove`))
    .map((i) => ({
      i,
      funder: str(body, `funding_${i}_funder`),
      amount: str(body, `funding_${i}_amount`),
      year: str(body, `funding_${i}_year`),
      label: str(body, `funding_${i}_label`),
    }))
    .filter((r) => r.funder || r.amount || r.year || r.label);
  const milestoneRows = rowIndexes(body, "milestone")
    .filter((i) => !checked(body, `milestone_${i}_remove`))
    .map((i) => ({ i, due_date: str(body, `milestone_${i}_due_date`), title: str(body, `milestone_${i}_title`), done: checked(body, `milestone_${i}_done`) }))
    .filter((r) => r.due_date || r.title);
  const values: ActionValues = {
    title: str(body, "title"),
    slug: str(body, "slug"),
    summary: str(body, "summary"),
    description: str(body, "description"),
    priority_id: str(body, "priority_id"),
    objective_id: str(body, "objective_id"),
    status: str(body, "status"),
    progress: str(body, "progress"),
    start_date: str(body, "start_date"),
    end_date: str(body, "end_date"),
    lead_organisation_id: str(body, "lead_organisation_id"),
    is_example: checked(body, "is_example"),
    partners: fieldIds(body, "partners"),
    places: fieldIds(body, "places"),
    articles: fieldIds(body, "articles"),
    funding: fundingRows.map(({ funder, amount, year, label }) => ({ funder, amount, year, label })),
    milestones: milestoneRows.map(({ due_date, title, done }) => ({ due_date, title, done })),
    version: /^\d{1,9}$/.test(str(body, "version")) ? str(body, "version") : "",
  };

  if (!values.title) errors.title = "Indiquez le titre de l’action.";
  checkLength(values.title, 200, errors, "title", "Le titre");
  checkSlug(values.slug, errors);
  checkLength(values.summary, 600, errors, "summary", "Le résumé");
  checkLength(values.description, DESCRIPTION_MAX, errors, "description", "La description");
  const priorityId = optionalId(values.priority_id);
  if (!priorityId) errors.priority_id = "Choisissez la priorité du contrat à laquelle l’action répond.";
  const objectiveId = optionalId(values.objective_id);
  if (objectiveId === undefined) errors.objective_id = "Choisissez un objectif dans la liste.";
  const status = values.status ? readStatus(values.status) : "planned";
  if (!status || !(STATUSES as readonly string[]).includes(status)) errors.status = "Choisissez un statut dans la liste.";
  const progressText = values.progress.replace(/\s*%$/, "");
  const progress = progressText ? parseInteger(progressText) : 0;
  if (progress === null || progress < 0 || progress > 100) errors.progress = "L’avancement doit être un nombre entier entre 0 et 100.";
  const start = values.start_date ? parseDate(values.start_date) : null;
  const end = values.end_date ? parseDate(values.end_date) : null;
  if (values.start_date && !start) errors.start_date = "La date de début n’est pas une date valide (JJ/MM/AAAA ou AAAA-MM-JJ).";
  if (values.end_date && !end) errors.end_date = "La date de fin n’est pas une date valide (JJ/MM/AAAA ou AAAA-MM-JJ).";
  if (start && end && end < start) errors.end_date = "La date de fin doit être égale ou postérieure à la date de début.";
  const lead = optionalId(values.lead_organisation_id);
  if (lead === undefined) errors.lead_organisation_id = "Choisissez le porteur dans la liste.";

  const funding: ActionInput["funding"] = [];
  fundingRows.forEach((r, n) => {
    const line = `Ligne ${n + 1} du financement`;
    const key = `funding_${n}`; // rows are shown again in this order, blank ones dropped
    if (!r.funder || !r.amount || !r.year) {
      const missing = !r.funder ? "funder" : !r.amount ? "amount" : "year";
      errors[`${key}_${missing}`] = `${line} : indiquez le financeur, le montant et l’année (ou videz la ligne pour l’ignorer).`;
      return;
    }
    const v = readFundingValues(r.funder, r.amount, r.year);
    if (!v.funder || !(FUNDERS as readonly string[]).includes(v.funder)) errors[`${key}_funder`] = `${line} : choisissez un financeur dans la liste.`;
    if (v.amount === null) errors[`${key}_amount`] = `${line} : montant invalide, indiquez un nombre positif en euros (par exemple 12 000 ou 4500,50).`;
    if (v.year === null) errors[`${key}_year`] = `${line} : l’année doit être comprise entre 2000 et 2100.`;
    if (r.label.length > 200) errors[`${key}_label`] = `${line} : le libellé dépasse 200 caractères.`;
    if (v.funder && v.amount !== null && v.year !== null) funding.push({ funder: v.funder, amount: v.amount, year: v.year, label: r.label });
  });

  const milestones: ActionInput["milestones"] = [];
  milestoneRows.forEach((r, n) => {
    const line = `Étape ${n + 1}`;
    const key = `milestone_${n}`;
    const date = parseDate(r.due_date);
    if (!r.due_date) errors[`${key}_due_date`] = `${line} : indiquez la date prévue.`;
    else if (!date) errors[`${key}_due_date`] = `${line} : date invalide (JJ/MM/AAAA ou AAAA-MM-JJ).`;
    if (!r.title) errors[`${key}_title`] = `${line} : indiquez l’intitulé de l’étape.`;
    else if (r.title.length > 300) errors[`${key}_title`] = `${line} : l’intitulé dépasse 300 caractères.`;
    if (date && r.title && r.title.length <= 300) milestones.push({ due_date: date, title: r.title, done: r.done });
  });

  if (Object.keys(errors).length > 0) return { input: null, errors, values };
  return {
    input: {
      title: values.title,
      slug: values.slug,
      summary: values.summary,
      description: values.description,
      priority_id: priorityId!,
      objective_id: objectiveId ?? null,
      status: status!,
      progress: progress!,
      start_date: start,
      end_date: end,
      lead_organisation_id: lead ?? null,
      is_example: values.is_example,
      partners: values.partners,
      places: values.places,
      articles: values.articles,
      funding,
      milestones,
    },
    errors,
    values,
  };
}
