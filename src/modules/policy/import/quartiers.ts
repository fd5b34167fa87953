// Import of quartier perimeters, from a GeoJSON FeatureCollection or from an Opendatasoft CSV
// export (the MEL / Ville de Lille portal: `commune;quartier;code_com;code_quar;code_post;
// geo_point_2d;geo_shape`, geo_shape holding a GeoJSON geometry as a JSON string).
//
// Each row becomes a neighbourhood of kind 'quartier', or 'commune' for an associated
// commune (Hellemmes 59298 and Lomme 59355 in the Lille file): when a `type` property says
// « commune … », or, without one, when the row's INSEE code differs from the main commune
// (`code_insee_commune_actuelle`, else the most frequent commune code of the file).
// An existing row is found by (kind, code), else by the slug of its name; its geometry is
// updated, its name, slug and kind are kept.
import type { DB } from "../../../core/db/create-db.js";
import type { NeighbourhoodKind } from "../../../core/db/schema.js";
import { CsvError, parseCsv, type ParsedCsv } from "../../../lib/csv.js";
import type { AreaGeometry } from "../../../lib/geo/index.js";
import { slugify } from "../../../lib/text.js";
import {
  emptyReport,
  frenchList,
  inTransaction,
  normalizeInsee,
  parseInteger,
  pick,
  progressTicker,
  stripBom,
  text,
  type ImportIssue,
  type ImportOptions,
  type ImportReport,
} from "./common.js";
import { checkGeometry, parseFeatureCollection } from "./geojson.js";
import { loadPlaces, savePlace, stampOf } from "./places.js";

const NAME = ["quartier", "nom_quartier", "nom", "name", "libelle", "lib_quartier"];
const CODE = ["code_quartier", "code_quar", "code"];
const COMMUNE = ["code_insee", "insee_com", "code_com", "code_commune"];
const MAIN_COMMUNE = ["code_insee_commune_actuelle"];
const POSTCODE = ["code_post", "code_postal"];
const TYPE = ["type", "nature"];
const POPULATION = ["population", "pop", "popmuni"];
const SHAPE = ["geo_shape", "geometry", "geom"];

interface SourceRow {
  line: number;
  feature?: number;
  values: Record<string, unknown>;
  geometry: unknown;
  /** Set when geo_shape could not be read as JSON. */
  shapeError?: string;
}

interface QuartierRow {
  line: number;
  feature?: number;
  kind: NeighbourhoodKind;
  code: string | null;
  name: string;
  slug: string;
  communeCode: string | null;
  geometry: AreaGeometry;
  population: number | null;
}

export async function importQuartiers(db: DB, fileText: string, options: ImportOptions = {}): Promise<ImportReport> {
  const report = emptyReport("quartiers", options);
  const source = stripBom(fileText);
  const { rows: sourceRows, errors } = source.trimStart().startsWith("{") ? readGeoJson(source) : readCsv(source);
  report.errors.push(...errors);
  report.read = sourceRows.length;

  const communeOf = (r: SourceRow) => inseeCode(text(pick(r.values, COMMUNE)), text(pick(r.values, POSTCODE)));
  const mainCommune = mostFrequent(sourceRows.map(communeOf).filter((c): c is string => c !== null));

  const rows: QuartierRow[] = [];
  const seenSlug = new Map<string, number>();
  const seenCode = new Map<string, number>();
  const tick = progressTicker(options, "validation", sourceRows.length);
  for (const [i, r] of sourceRows.entries()) {
    tick(i + 1);
    const problems: string[] = [];
    const name = text(pick(r.values, NAME)).replace(/\s+/g, " ");
    const slug = slugify(name);
    if (!slug) problems.push("le nom du quartier (colonne ou propriété « quartier », « nom » ou « name ») est absent.");
    const communeCode = communeOf(r);
    const main = inseeCode(text(pick(r.values, MAIN_COMMUNE)), "") ?? mainCommune;
    const type = slugify(text(pick(r.values, TYPE)));
    const kind: NeighbourhoodKind = type.includes("commune")
      ? "commune"
      : type.includes("quartier") || !communeCode || !main || communeCode === main
        ? "quartier"
        : "commune";
    const ownCode = text(pick(r.values, CODE)) || null;
    const code = kind === "commune" ? (communeCode ?? ownCode) : ownCode;

    const checked = r.shapeError ? { error: r.shapeError } : checkGeometry(r.geometry);
    if ("error" in checked) problems.push(checked.error);
    const rawPopulation = pick(r.values, POPULATION);
    const population = rawPopulation === undefined ? null : parseInteger(text(rawPopulation));
    if (rawPopulation !== undefined && (population === null || population < 0)) {
      problems.push(`la population « ${text(rawPopulation)} » n’est pas un nombre entier positif.`);
    }
    if (slug && seenSlug.has(slug)) problems.push(`« ${name} » apparaît déjà à la ligne ${seenSlug.get(slug)}.`);
    else if (slug) seenSlug.set(slug, r.line);
    const codeKey = `${kind}:${code}`;
    if (code && seenCode.has(codeKey)) problems.push(`le code ${code} apparaît déjà à la ligne ${seenCode.get(codeKey)}.`);
    else if (code) seenCode.set(codeKey, r.line);

    if (problems.length > 0) {
      report.errors.push(...problems.map((message): ImportIssue => ({ line: r.line, feature: r.feature, message })));
    } else if ("geometry" in checked) {
      rows.push({ line: r.line, feature: r.feature, kind, code, name, slug, communeCode, geometry: checked.geometry, population });
    }
  }
  if (report.errors.length > 0) return report;

  const stamp = stampOf(options.sourceName, options.now ?? new Date());
  return inTransaction(db, report, async (trx) => {
    const places = await loadPlaces(trx);
    const write = progressTicker(options, "enregistrement", rows.length);
    for (const [i, row] of rows.entries()) {
      const bySlug = places.bySlug(row.slug);
      const existing = places.byCode(row.kind, row.code) ?? (bySlug && bySlug.kind !== "qpv" ? bySlug : undefined);
      const outcome = await savePlace(
        trx,
        places,
        existing,
        {
          kind: row.kind,
          code: row.code,
          name: row.name,
          geometry: row.geometry,
          communeCodes: row.communeCode ? [row.communeCode] : [],
          population: row.population,
        },
        { slug: row.slug, replaceName: false, stamp },
      );
      report[outcome]++;
      write(i + 1);
    }
  });
}

function readGeoJson(source: string): { rows: SourceRow[]; errors: ImportIssue[] } {
  const parsed = parseFeatureCollection(source);
  const rows = parsed.features.map((f): SourceRow => ({ line: f.line, feature: f.index, values: f.properties, geometry: f.geometry }));
  return { rows, errors: parsed.errors };
}

function readCsv(source: string): { rows: SourceRow[]; errors: ImportIssue[] } {
  let parsed: ParsedCsv;
  try {
    parsed = parseCsv(source);
  } catch (error) {
    if (error instanceof CsvError) return { rows: [], errors: [{ line: error.line, message: error.message.replace(/^Ligne \d+ : /, "") }] };
    throw error;
  }
  const header = parsed.header.map((h) => h.toLowerCase());
  const missing = [NAME, SHAPE].filter((names) => !names.some((n) => header.includes(n))).map((names) => names[0]!);
  if (missing.length > 0) {
    return {
      rows: [],
      errors: [
        {
          line: 1,
          message: `colonne(s) manquante(s) : ${frenchList(missing)}. En-tête attendu (export Opendatasoft) : commune;quartier;code_com;code_quar;code_post;geo_point_2d;geo_shape.`,
        },
      ],
    };
  }
  const rows = parsed.rows.map((row): SourceRow => {
    const values: Record<string, unknown> = Object.fromEntries(Object.entries(row.values).map(([k, v]) => [k, v.trim()]));
    const shape = text(pick(values, SHAPE));
    if (!shape) return { line: row.line, values, geometry: null };
    try {
      const json = JSON.parse(shape) as { type?: unknown; geometry?: unknown };
      // Some Opendatasoft exports wrap the shape in a Feature.
      return { line: row.line, values, geometry: json && json.type === "Feature" ? json.geometry : json };
    } catch {
      return {
        line: row.line,
        values,
        geometry: null,
        shapeError: "la colonne geo_shape n’est pas une géométrie GeoJSON lisible (JSON invalide, peut-être coupé par un retour à la ligne).",
      };
    }
  });
  return { rows, errors: [] };
}

/**
 * "59298" as is; "298" (Opendatasoft's code_com is the commune number within the
 * département) completed with the département of the postcode, "59260" -> "59298".
 */
function inseeCode(code: string, postcode: string): string | null {
  if (!code) return null;
  if (/^\d{3}$/.test(code) && /^\d{5}$/.test(postcode) && !postcode.startsWith("20") && !postcode.startsWith("97")) {
    return `${postcode.slice(0, 2)}${code}`;
  }
  return normalizeInsee(code);
}

function mostFrequent(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  for (const [v, n] of counts) if (best === null || n > counts.get(best)!) best = v;
  return best;
}
