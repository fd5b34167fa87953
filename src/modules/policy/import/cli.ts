// The command-line side of `npm run import`: arguments, file decoding, progress bar and the
// French summary. Kept apart from scripts/import.ts so that tests can call it directly.
import { formatIssue, type ImportKind, type ImportProgress, type ImportReport } from "./common.js";

export const IMPORT_USAGE = `Utilisation : npm run import -- <type> <fichier> [--dry-run]

Types :
  qpv          périmètres des QPV (GeoJSON national de l’ANCT), filtrés sur les communes du site
  quartiers    périmètres des quartiers (GeoJSON, ou CSV exporté d’Opendatasoft avec geo_shape)
  indicators   indicateurs (CSV : metric,label,territory_kind,territory_code,territory_name,year,value,unit,source)
  actions      actions du contrat de ville (CSV, voir src/modules/policy/import/README.md)

Options :
  --dry-run    vérifie le fichier et affiche ce qui changerait, sans rien enregistrer`;

const KINDS: readonly ImportKind[] = ["qpv", "quartiers", "indicators", "actions"];
// French spellings people will type.
const KIND_ALIASES: Record<string, ImportKind> = { indicateurs: "indicators", quartier: "quartiers", action: "actions" };

export type ImportArgs = { ok: true; kind: ImportKind; file: string; dryRun: boolean } | { ok: false; message: string; help?: boolean };

export function parseImportArgs(argv: readonly string[]): ImportArgs {
  const positional: string[] = [];
  let dryRun = false;
  for (const arg of argv) {
    if (arg === "--dry-run" || arg === "--simulation") dryRun = true;
    else if (arg === "--help" || arg === "-h") return { ok: false, help: true, message: IMPORT_USAGE };
    else if (arg === "--") continue;
    else if (arg.startsWith("-")) return { ok: false, message: `Option inconnue : ${arg}\n\n${IMPORT_USAGE}` };
    else positional.push(arg);
  }
  const [kindText, file, ...extra] = positional;
  if (!kindText || !file) return { ok: false, message: `Il manque ${kindText ? "le fichier" : "le type et le fichier"}.\n\n${IMPORT_USAGE}` };
  if (extra.length > 0) return { ok: false, message: `Un seul fichier à la fois (reçu aussi : ${extra.join(" ")}).\n\n${IMPORT_USAGE}` };
  const kind = (KINDS as readonly string[]).includes(kindText) ? (kindText as ImportKind) : KIND_ALIASES[kindText];
  if (!kind) return { ok: false, message: `Type d’import inconnu : « ${kindText} » (types possibles : ${KINDS.join(", ")}).\n\n${IMPORT_USAGE}` };
  return { ok: true, kind, file, dryRun };
}

/** UTF-8 text, or a French explanation: Excel's "CSV" is Windows-1252 and would import as mojibake. */
export function decodeFile(bytes: Uint8Array): { text: string } | { error: string } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return {
      error:
        "Le fichier n’est pas encodé en UTF-8 (sans doute un CSV enregistré par Excel en Windows-1252). " +
        "Dans Excel, choisissez « Enregistrer sous » puis « CSV UTF-8 (délimité par des virgules) », et relancez l’import.",
    };
  }
}

const KIND_LABELS: Record<ImportKind, string> = { qpv: "QPV", quartiers: "quartiers", indicators: "indicateurs", actions: "actions" };

export function formatSummary(report: ImportReport, fileName: string): string {
  const lines = [`Import des ${KIND_LABELS[report.kind]} depuis ${fileName}${report.dryRun ? " (simulation)" : ""}`];
  lines.push(`  ${report.read} élément(s) lu(s) dans le fichier`);
  lines.push(`  ${report.created} créé(s)`);
  lines.push(`  ${report.updated} mis à jour`);
  lines.push(`  ${report.unchanged} inchangé(s)`);
  if (report.kind === "qpv") lines.push(`  ${report.skipped} ignoré(s) hors du territoire du site`);
  for (const warning of report.warnings) lines.push(`Attention : ${warning}`);
  lines.push(report.dryRun ? "Simulation : rien n’a été enregistré. Relancez sans --dry-run pour importer." : "Import terminé.");
  return lines.join("\n");
}

export function formatErrors(report: ImportReport): string {
  const count = report.errors.length;
  const head = `${count} erreur(s) : rien n’a été enregistré. Corrigez le fichier puis relancez l’import.`;
  return [head, ...report.errors.map((e) => `  ${formatIssue(e)}`)].join("\n");
}

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): unknown;
}

const PHASE_LABELS: Record<ImportProgress["phase"], string> = { validation: "Vérification", enregistrement: "Enregistrement" };
/** Below this many rows an import is instant: a bar would only flicker. */
const MIN_ROWS_FOR_PROGRESS = 200;

/**
 * A bar redrawn in place ("\r") on a terminal; on a pipe or a log file, a plain line at each
 * quarter, so that CI logs stay readable.
 */
export function createProgress(stream: ProgressStream) {
  let drawn = false;
  let lastQuarter = -1;
  let lastPhase = "";
  return {
    update(p: ImportProgress): void {
      if (p.total < MIN_ROWS_FOR_PROGRESS) return;
      const ratio = p.total === 0 ? 1 : p.done / p.total;
      const label = `${PHASE_LABELS[p.phase]} ${Math.floor(ratio * 100)} % (${p.done}/${p.total})`;
      if (stream.isTTY) {
        const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - label.length - 4));
        const full = Math.round(ratio * width);
        stream.write(`\r[${"#".repeat(full)}${"-".repeat(width - full)}] ${label}\u001b[K`);
        drawn = true;
        return;
      }
      if (p.phase !== lastPhase) {
        lastPhase = p.phase;
        lastQuarter = -1;
      }
      const quarter = Math.floor(ratio * 4);
      if (quarter > lastQuarter) {
        lastQuarter = quarter;
        stream.write(`${label}\n`);
      }
    },
    /** Ends the in-place line so that the next message starts on its own line. */
    finish(): void {
      if (drawn) stream.write("\n");
      drawn = false;
    },
  };
}
