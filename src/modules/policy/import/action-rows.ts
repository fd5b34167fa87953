// Reading and checking the rows of an actions CSV, without the database (references to
// contracts, organisations and places are resolved in actions.ts). The template is
// documented in actions.ts and in README.md.
import { CsvError, parseCsv, type ParsedCsv } from "../../../lib/csv.js";
import { isValidSlug, slugify } from "../../../lib/text.js";
import { FUNDER_LABELS, STATUS_LABELS } from "../present.js";
import { FUNDERS, STATUSES } from "../queries.js";
import { frenchList, parseDate, parseDecimal, parseInteger, progressTicker, type ImportIssue, type ImportOptions } from "./common.js";

export const ACTION_COLUMNS = [
  "slug",
  "title",
  "contract",
  "priority",
  "objective",
  "summary",
  "status",
  "progress",
  "start_date",
  "end_date",
  "lead",
  "partners",
  "neighbourhoods",
  "funding",
  "milestones",
] as const;
const REQUIRED = ["slug", "title", "contract", "priority"] as const;

export interface FundingInput {
  funder: string;
  /** Fixed 2 decimals, as numeric(14, 2) stores it. */
  amount: string;
  year: number;
  label: string;
}

export interface MilestoneInput {
  due_date: string;
  title: string;
  done: boolean;
}

export interface ActionRow {
  line: number;
  /** False when the row itself has errors: its references are still checked, then nothing is written. */
  valid: boolean;
  slug: string;
  title: string;
  contract: string;
  priority: string;
  objective: string;
  summary: string;
  status: string;
  progress: number;
  start_date: string | null;
  end_date: string | null;
  lead: string;
  partners: string[];
  places: string[];
  funding: FundingInput[];
  milestones: MilestoneInput[];
}

// People type the French labels they see on the site as often as the codes: accept both.
const STATUS_ALIASES = aliases(STATUSES, STATUS_LABELS, {
  prevue: "planned",
  "en-retard": "delayed",
  annulee: "cancelled",
  terminee: "completed",
  termine: "completed",
});
const FUNDER_ALIASES = aliases(FUNDERS, FUNDER_LABELS, { ue: "europe", "union-europeenne": "europe", bailleurs: "bailleur", autres: "autre" });

function aliases(codes: readonly string[], labels: Record<string, string>, extra: Record<string, string>): Map<string, string> {
  const map = new Map<string, string>();
  for (const code of codes) {
    map.set(slugify(code), code);
    if (labels[code]) map.set(slugify(labels[code]), code);
  }
  for (const [alias, code] of Object.entries(extra)) map.set(alias, code);
  return map;
}

const STATUS_CHOICES = STATUSES.map((s) => `${s} (${STATUS_LABELS[s] ?? s})`).join(", ");
const FUNDER_CHOICES = FUNDERS.join(", ");

export function readActionRows(csvText: string, options: ImportOptions): { rows: ActionRow[]; errors: ImportIssue[]; read: number } {
  let parsed: ParsedCsv;
  try {
    parsed = parseCsv(csvText);
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return { rows: [], read: 0, errors: [{ line: error.line, message: error.message.replace(/^Ligne \d+ : /, "") }] };
  }
  const missing = ACTION_COLUMNS.filter((c) => !parsed.header.includes(c));
  if (missing.length > 0) {
    return {
      rows: [],
      read: 0,
      errors: [{ line: 1, message: `colonne(s) manquante(s) : ${frenchList(missing)}. En-tête attendu : ${ACTION_COLUMNS.join(",")}` }],
    };
  }
  const rows: ActionRow[] = [];
  const errors: ImportIssue[] = [];
  const seen = new Map<string, number>();
  const tick = progressTicker(options, "validation", parsed.rows.length);
  for (const [i, { line, values }] of parsed.rows.entries()) {
    tick(i + 1);
    const v = (column: string) => (values[column] ?? "").trim();
    const problems: string[] = [];
    const fail = (message: string) => problems.push(message);
    for (const column of REQUIRED) if (!v(column)) fail(`la colonne « ${column} » est vide.`);

    const slug = v("slug");
    if (slug && !isValidSlug(slug))
      fail(
        `l’identifiant « ${slug} » doit être en minuscules, sans accents ni espaces, mots séparés par des tirets (par exemple « ${slugify(slug) || "mon-action"} »).`,
      );
    if (slug && seen.has(slug)) fail(`l’action « ${slug} » figure déjà à la ligne ${seen.get(slug)}.`);
    else if (slug) seen.set(slug, line);
    if (v("title").length > 200) fail("le titre dépasse 200 caractères.");

    const status = v("status") ? STATUS_ALIASES.get(slugify(v("status"))) : "planned";
    if (!status) fail(`le statut « ${v("status")} » n’existe pas (valeurs possibles : ${STATUS_CHOICES}).`);

    const progressText = v("progress").replace(/\s*%$/, "");
    const progress = progressText ? parseInteger(progressText) : 0;
    if (progress === null || progress < 0 || progress > 100) fail(`l’avancement « ${v("progress")} » doit être un nombre entier entre 0 et 100.`);

    const start = v("start_date") ? parseDate(v("start_date")) : null;
    const end = v("end_date") ? parseDate(v("end_date")) : null;
    if (v("start_date") && !start) fail(`la date de début « ${v("start_date")} » n’est pas une date valide (AAAA-MM-JJ ou JJ/MM/AAAA).`);
    if (v("end_date") && !end) fail(`la date de fin « ${v("end_date")} » n’est pas une date valide (AAAA-MM-JJ ou JJ/MM/AAAA).`);
    if (start && end && end < start) fail(`la date de fin (${end}) est avant la date de début (${start}).`);

    const funding = splitList(v("funding")).map((item) => readFunding(item, fail));
    const milestones = splitList(v("milestones")).map((item) => readMilestone(item, fail));

    errors.push(...problems.map((message): ImportIssue => ({ line, message })));
    rows.push({
      line,
      valid: problems.length === 0,
      slug,
      title: v("title"),
      contract: v("contract"),
      priority: v("priority"),
      objective: v("objective"),
      summary: v("summary"),
      status: status ?? "planned",
      progress: progress ?? 0,
      start_date: start,
      end_date: end,
      lead: v("lead"),
      partners: [...new Set(splitList(v("partners")))],
      places: [...new Set(splitList(v("neighbourhoods")))],
      funding: funding.filter((f): f is FundingInput => f !== null),
      milestones: milestones.filter((m): m is MilestoneInput => m !== null),
    });
  }
  return { rows, errors, read: parsed.rows.length };
}

function splitList(value: string): string[] {
  return value
    .split("|")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/**
 * The checks a funding line passes, shared by this importer and the back-office form:
 * each value is null when it is not acceptable (funder code or French label, amount
 * in euros >= 0 and < 10^12 with "," or "." decimals, year between 2000 and 2100).
 */
export function readFundingValues(
  funderText: string,
  amountText: string,
  yearText: string,
): { funder: string | null; amount: string | null; year: number | null } {
  const funder = FUNDER_ALIASES.get(slugify(funderText)) ?? null;
  const amount = parseDecimal(amountText.replace(/\s*€$/, ""));
  const year = parseInteger(yearText);
  return {
    funder,
    amount: amount === null || amount < 0 || amount >= 1e12 ? null : amount.toFixed(2),
    year: year === null || year < 2000 || year > 2100 ? null : year,
  };
}

/** The status code for a code or a French label ("En cours", "en-retard"...), or null. */
export function readStatus(text: string): string | null {
  return STATUS_ALIASES.get(slugify(text)) ?? null;
}

/** "ville:12000:2025" or "etat:4500,50:2026:Appel à projets" (the label is optional). */
function readFunding(item: string, fail: (m: string) => void): FundingInput | null {
  const [funderText = "", amountText = "", yearText = "", ...label] = item.split(":").map((s) => s.trim());
  if (!funderText || !amountText || !yearText) {
    fail(`financement « ${item} » : la forme attendue est financeur:montant:année, par exemple ville:12000:2025.`);
    return null;
  }
  const { funder, amount, year } = readFundingValues(funderText, amountText, yearText);
  if (!funder) fail(`financement « ${item} » : le financeur « ${funderText} » n’existe pas (valeurs possibles : ${FUNDER_CHOICES}).`);
  if (amount === null) fail(`financement « ${item} » : le montant « ${amountText} » doit être un nombre positif en euros.`);
  if (year === null) fail(`financement « ${item} » : l’année « ${yearText} » doit être comprise entre 2000 et 2100.`);
  if (!funder || amount === null || year === null) return null;
  return { funder, amount, year, label: label.join(":") };
}

/** "2025-06-30:Ouverture du chantier:0"; the title may itself contain ":". */
function readMilestone(item: string, fail: (m: string) => void): MilestoneInput | null {
  const first = item.indexOf(":");
  const last = item.lastIndexOf(":");
  if (first === -1 || first === last) {
    fail(`jalon « ${item} » : la forme attendue est AAAA-MM-JJ:titre:0 ou 1, par exemple 2025-06-30:Ouverture du chantier:0.`);
    return null;
  }
  const date = parseDate(item.slice(0, first));
  const title = item.slice(first + 1, last).trim();
  const done = item.slice(last + 1).trim();
  if (!date) fail(`jalon « ${item} » : la date « ${item.slice(0, first).trim()} » n’est pas valide (AAAA-MM-JJ).`);
  if (!title) fail(`jalon « ${item} » : le titre est vide.`);
  if (done !== "0" && done !== "1") fail(`jalon « ${item} » : l’état doit être 0 (à faire) ou 1 (fait), pas « ${done} ».`);
  return date && title && (done === "0" || done === "1") ? { due_date: date, title, done: done === "1" } : null;
}
