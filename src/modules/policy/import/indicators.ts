// Import of indicators (one figure per metric, territory and year) from a CSV file.
//
// Template (`,` or `;`, UTF-8, one header line; unit and source may be empty):
//
//   metric,label,territory_kind,territory_code,territory_name,year,value,unit,source
//   taux_pauvrete,Taux de pauvreté,qpv,QN05971M,Secteur Ouest,2021,43.5,%,INSEE Filosofi 2021
//   population,Population,commune,59350,Lille,2021,"236 710",habitants,INSEE RP 2021
//
// metric: lowercase letters, digits and "_"; territory_kind: qpv, quartier, commune or
// metropole; value: a number, "." or "," as decimal separator, spaces between thousands.
// A row replaces the stored one with the same metric, territory_kind, territory_code and year.
import type { DB } from "../../../core/db/create-db.js";
import { CsvError, parseCsv, type ParsedCsv } from "../../../lib/csv.js";
import {
  emptyReport,
  frenchList,
  inTransaction,
  parseDecimal,
  parseInteger,
  progressTicker,
  type ImportIssue,
  type ImportOptions,
  type ImportReport,
} from "./common.js";
import { listNeighbourhoods } from "../../places/index.js";
import { allIndicators, insertIndicator, updateIndicator } from "./queries.js";

export const INDICATOR_COLUMNS = ["metric", "label", "territory_kind", "territory_code", "territory_name", "year", "value", "unit", "source"] as const;
const REQUIRED = ["metric", "label", "territory_kind", "territory_code", "territory_name", "year", "value"] as const;
const KINDS = ["qpv", "quartier", "commune", "metropole"] as const;
export type TerritoryKind = (typeof KINDS)[number];

/** One indicator value, as the importer and the back-office form both write it. */
export interface IndicatorInput {
  metric: string;
  label: string;
  territory_kind: TerritoryKind;
  territory_code: string;
  territory_name: string;
  year: number;
  /** Fixed 4 decimals, as numeric(14, 4) stores it, so that comparisons are exact. */
  value: string;
  unit: string;
  source: string;
}

interface IndicatorRow extends IndicatorInput {
  line: number;
}

export async function importIndicators(db: DB, csvText: string, options: ImportOptions = {}): Promise<ImportReport> {
  const report = emptyReport("indicators", options);
  let parsed: ParsedCsv;
  try {
    parsed = parseCsv(csvText);
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    report.errors.push({ line: error.line, message: error.message.replace(/^Ligne \d+ : /, "") });
    return report;
  }
  const missing = REQUIRED.filter((c) => !parsed.header.includes(c));
  if (missing.length > 0) {
    report.errors.push({ line: 1, message: `colonne(s) manquante(s) : ${frenchList(missing)}. En-tête attendu : ${INDICATOR_COLUMNS.join(",")}` });
    return report;
  }
  report.read = parsed.rows.length;

  const rows: IndicatorRow[] = [];
  const seen = new Map<string, number>();
  const tick = progressTicker(options, "validation", parsed.rows.length);
  for (const [i, { line, values }] of parsed.rows.entries()) {
    tick(i + 1);
    const v = (column: string) => (values[column] ?? "").trim();
    const problems: string[] = [];
    for (const column of REQUIRED) if (!v(column)) problems.push(`la colonne « ${column} » est vide.`);
    const metric = v("metric");
    if (metric && !/^[a-z0-9_]+$/.test(metric))
      problems.push(`l’identifiant d’indicateur « ${metric} » doit s’écrire en minuscules sans accents, chiffres et « _ » (par exemple taux_pauvrete).`);
    const kind = v("territory_kind");
    if (kind && !(KINDS as readonly string[]).includes(kind))
      problems.push(`le type de territoire « ${kind} » n’existe pas (valeurs possibles : ${frenchList(KINDS)}).`);
    const year = parseInteger(v("year"));
    if (v("year") && (year === null || year < 1900 || year > 2100)) problems.push(`l’année « ${v("year")} » doit être un nombre entre 1900 et 2100.`);
    const value = parseDecimal(v("value"));
    if (v("value") && (value === null || Math.abs(value) >= 1e10))
      problems.push(`la valeur « ${v("value")} » n’est pas un nombre (exemples : 43,5 ou 1 234.5).`);
    const label = v("label");
    if (label.length > 200) problems.push("le libellé dépasse 200 caractères.");
    const key = `${metric}|${kind}|${v("territory_code")}|${v("year")}`;
    if (seen.has(key)) problems.push(`le même indicateur (${metric}, ${kind} ${v("territory_code")}, ${v("year")}) figure déjà à la ligne ${seen.get(key)}.`);
    else seen.set(key, line);

    if (problems.length > 0) {
      report.errors.push(...problems.map((message): ImportIssue => ({ line, message })));
      continue;
    }
    rows.push({
      line,
      metric,
      label,
      territory_kind: kind as TerritoryKind,
      territory_code: v("territory_code"),
      territory_name: v("territory_name"),
      year: year!,
      value: value!.toFixed(4),
      unit: v("unit"),
      source: v("source"),
    });
  }
  if (report.errors.length > 0) return report;

  return inTransaction(db, report, async (trx) => {
    const existing = await allIndicators(trx);
    const byKey = new Map(existing.map((e) => [`${e.metric}|${e.territory_kind}|${e.territory_code}|${e.year}`, e]));
    const places = await listNeighbourhoods(trx);
    const knownPlaces = new Set(places.filter((p) => p.code !== null).map((p) => `${p.kind}|${p.code}`));
    const unknown = new Set<string>();
    const write = progressTicker(options, "enregistrement", rows.length);
    for (const [i, row] of rows.entries()) {
      const { line: _line, ...values } = row;
      if (row.territory_kind !== "metropole" && !knownPlaces.has(`${row.territory_kind}|${row.territory_code}`)) {
        unknown.add(`${row.territory_name} (${row.territory_kind} ${row.territory_code})`);
      }
      const current = byKey.get(`${row.metric}|${row.territory_kind}|${row.territory_code}|${row.year}`);
      if (!current) {
        await insertIndicator(trx, values);
        report.created++;
      } else if (
        current.label === row.label &&
        current.territory_name === row.territory_name &&
        Number(current.value).toFixed(4) === row.value &&
        current.unit === row.unit &&
        current.source === row.source
      ) {
        report.unchanged++;
      } else {
        await updateIndicator(trx, current.id, values);
        report.updated++;
      }
      write(i + 1);
    }
    // Not an error: an indicator may describe a territory the site does not map (yet).
    if (unknown.size > 0) {
      report.warnings.push(`Territoire(s) sans quartier correspondant sur le site (les chiffres sont importés quand même) : ${frenchList([...unknown])}.`);
    }
  });
}
