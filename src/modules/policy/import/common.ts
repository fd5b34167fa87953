// What every importer shares: the report, French issue messages, the one transaction
// (rolled back for a dry run), and the small parsers for values typed by hand in a
// spreadsheet (French decimals, dd/mm/yyyy dates).
import type { Kysely } from "kysely";
import type { DB } from "../../../core/db/create-db.js";
import type { Database } from "../../../core/db/schema.js";

export type ImportKind = "qpv" | "quartiers" | "indicators" | "actions";
export type Trx = Kysely<Database>;

export interface ImportIssue {
  /** Physical line of the row (CSV) or of the start of the feature (GeoJSON); absent for file-wide problems. */
  line?: number;
  /** 1-based position of the GeoJSON feature, so a one-line file still points at the right one. */
  feature?: number;
  message: string;
}

export interface ImportProgress {
  phase: "validation" | "enregistrement";
  done: number;
  total: number;
}

export interface ImportOptions {
  /** Validate and count what would change, then roll everything back. */
  dryRun?: boolean;
  /** File name, recorded in neighbourhoods.geometry_source with the date. */
  sourceName?: string;
  now?: Date;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportReport {
  kind: ImportKind;
  dryRun: boolean;
  /** Rows or features read from the file. */
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Features left out because none of their communes is in the site's territory (QPV only). */
  skipped: number;
  /** Any error means nothing was written. */
  errors: ImportIssue[];
  warnings: string[];
  /** True when the changes were committed (false on errors and on a dry run). */
  written: boolean;
}

export function emptyReport(kind: ImportKind, options: ImportOptions): ImportReport {
  return { kind, dryRun: options.dryRun ?? false, read: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, errors: [], warnings: [], written: false };
}

export function formatIssue(issue: ImportIssue): string {
  if (issue.line === undefined) return issue.message;
  const where = issue.feature === undefined ? `Ligne ${issue.line}` : `Ligne ${issue.line} (entité ${issue.feature})`;
  return `${where} : ${issue.message}`;
}

class Rollback extends Error {}

/**
 * Runs `work` in one transaction and commits only when it succeeds, reports no error and
 * this is not a dry run. A dry run really performs the writes and rolls them back, so its
 * counts are exactly those of the real run (the only trace left is advanced id sequences).
 */
export async function inTransaction(db: DB, report: ImportReport, work: (trx: Trx) => Promise<void>): Promise<ImportReport> {
  try {
    await db.transaction().execute(async (trx) => {
      await work(trx);
      if (report.dryRun || report.errors.length > 0) throw new Rollback();
    });
    report.written = true;
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return report;
}

/** Calls onProgress about a hundred times at most, whatever the number of rows. */
export function progressTicker(options: ImportOptions, phase: ImportProgress["phase"], total: number) {
  const step = Math.max(1, Math.floor(total / 100));
  return (done: number) => {
    if (options.onProgress && (done % step === 0 || done === total)) options.onProgress({ phase, done, total });
  };
}

export function stripBom(text: string): string {
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}

/** First non-empty value among property or column names, compared without case. */
export function pick(record: Record<string, unknown>, names: readonly string[]): unknown {
  const lower = new Map(Object.keys(record).map((k) => [k.trim().toLowerCase(), k]));
  for (const name of names) {
    const key = lower.get(name);
    if (key === undefined) continue;
    const value = record[key];
    if (value !== null && value !== undefined && !(typeof value === "string" && value.trim() === "")) return value;
  }
  return undefined;
}

export function text(value: unknown): string {
  return value === undefined || value === null ? "" : String(value).trim();
}

/** "1 234,5", "1234.5", "-3" -> number; null when it is not a plain number. */
export function parseDecimal(value: string): number | null {
  const compact = value
    .trim()
    .replace(/[\s\u00A0\u202F]/g, "")
    .replace(",", ".");
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(compact)) return null;
  return Number(compact);
}

export function parseInteger(value: string): number | null {
  const n = parseDecimal(value);
  return n !== null && Number.isInteger(n) ? n : null;
}

/** ISO "2025-03-01" or French "01/03/2025" (as Excel writes it) -> "2025-03-01"; null when not a real date. */
export function parseDate(value: string): string | null {
  const v = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : fr ? [fr[3], fr[2], fr[1]] : [];
  if (!y || !m || !d) return null;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return null;
  return date.toISOString().slice(0, 10);
}

/** JSON with sorted keys: jsonb reorders keys, so a plain stringify would see changes that are not there. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** "« a », « b » et « c »" for messages listing the accepted values. */
export function frenchList(values: readonly string[]): string {
  const quoted = values.map((v) => `« ${v} »`);
  return quoted.length <= 1 ? (quoted[0] ?? "") : `${quoted.slice(0, -1).join(", ")} et ${quoted[quoted.length - 1]}`;
}

/** INSEE commune codes as written in files: numbers lose their leading zero (1053 for 01053). */
export function normalizeInsee(value: string): string {
  const v = value.trim().toUpperCase();
  return /^\d{4}$/.test(v) ? `0${v}` : v;
}

export const INSEE_PATTERN = /^(\d{5}|2[AB]\d{3})$/;

/** A list of codes given as an array, "59350", "59220, 59350" or "59220;59350". */
export function codeList(value: unknown): string[] {
  const parts = Array.isArray(value) ? value.map((v) => String(v)) : value === undefined ? [] : String(value).split(/[,;|\s]+/);
  return [...new Set(parts.map(normalizeInsee).filter((p) => p !== ""))];
}
