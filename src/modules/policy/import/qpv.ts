// Import of QPV perimeters from the ANCT national GeoJSON (« Quartiers prioritaires de la
// politique de la ville », data.gouv.fr). The file covers all of France: only the QPV that
// touch a commune of the site's territory (site_settings.commune_codes) are kept.
//
// Properties read (names compared without case; ANCT files use the first of each list):
//   code_qp (required)     QN05971M
//   lib_qp (required)      Secteur Ouest
//   insee_com (required)   "59350", 59350, ["59220","59350"] or "59220, 59350"
//   popmuni / pop / population (optional)
// siren_epci and the other properties are ignored.
import type { DB } from "../../../core/db/create-db.js";
import { slugify } from "../../../lib/text.js";
import { listNeighbourhoods } from "../../places/index.js";
import { communeCodes } from "../../site/index.js";
import type { AreaGeometry } from "../../../lib/geo/index.js";
import {
  codeList,
  emptyReport,
  frenchList,
  inTransaction,
  INSEE_PATTERN,
  parseInteger,
  pick,
  progressTicker,
  text,
  type ImportIssue,
  type ImportOptions,
  type ImportReport,
} from "./common.js";
import { checkGeometry, parseFeatureCollection } from "./geojson.js";
import { loadPlaces, savePlace, stampOf } from "./places.js";

const CODE = ["code_qp", "code_qpv", "codeqp"];
const NAME = ["lib_qp", "nom_qp", "lib_qpv", "nom_qpv", "nom"];
const COMMUNES = ["insee_com", "insee_communes", "code_insee", "codes_insee", "code_com"];
const POPULATION = ["popmuni", "pop_muni", "pop", "population"];

// The settings row only exists once the site is set up (or seeded): the SQL given works either way.
export const EMPTY_TERRITORY_MESSAGE =
  "Le territoire du site n’est pas défini : la liste des communes (site_settings.commune_codes) est vide, " +
  "donc impossible de choisir les QPV à garder dans le fichier national. Renseignez les codes INSEE des communes " +
  "couvertes par le portail, par exemple pour Lille avec Hellemmes et Lomme, en SQL : " +
  "insert into site_settings (id, site_name, short_name, commune_codes) values (1, 'Ville de Lille', 'Lille', '{59350,59298,59355}') " +
  "on conflict (id) do update set commune_codes = excluded.commune_codes; puis relancez l’import.";

interface QpvRow {
  line: number;
  feature: number;
  code: string;
  name: string;
  communes: string[];
  geometry: AreaGeometry;
  population: number | null;
}

/** The INSEE codes of the site's communes (site_settings, owned by the site module). */
export async function readTerritory(db: DB): Promise<string[]> {
  return communeCodes(db);
}

export async function importQpv(db: DB, geojsonText: string, options: ImportOptions = {}): Promise<ImportReport> {
  const report = emptyReport("qpv", options);
  const territory = new Set(await readTerritory(db));
  if (territory.size === 0) {
    report.errors.push({ message: EMPTY_TERRITORY_MESSAGE });
    return report;
  }
  const parsed = parseFeatureCollection(geojsonText);
  report.errors.push(...parsed.errors);
  report.read = parsed.features.length;

  const kept: QpvRow[] = [];
  const seen = new Map<string, number>();
  const tick = progressTicker(options, "validation", parsed.features.length);
  for (const f of parsed.features) {
    tick(f.index);
    const problems: string[] = [];
    const fail = (message: string) => problems.push(message);
    const code = text(pick(f.properties, CODE)).toUpperCase();
    const name = text(pick(f.properties, NAME)).replace(/\s+/g, " ");
    const communes = codeList(pick(f.properties, COMMUNES));
    if (!code) fail("le code du QPV (propriété code_qp) est absent.");
    else if (!/^[A-Z0-9]{4,12}$/.test(code)) fail(`le code du QPV « ${code} » n’a pas la forme attendue (par exemple QN05971M).`);
    if (!name) fail("le nom du QPV (propriété lib_qp) est absent.");
    if (communes.length === 0) fail("la ou les communes du QPV (propriété insee_com) sont absentes : impossible de savoir s’il est dans le territoire.");
    const badCodes = communes.filter((c) => !INSEE_PATTERN.test(c));
    if (badCodes.length > 0) fail(`code(s) commune INSEE invalide(s) : ${frenchList(badCodes)} (5 caractères, par exemple 59350).`);

    // Features of other territories are only checked enough to be classified: a broken
    // perimeter elsewhere in France must not block this city's import.
    const inTerritory = communes.some((c) => territory.has(c));
    if (problems.length === 0 && !inTerritory) {
      report.skipped++;
      continue;
    }
    const checked = checkGeometry(f.geometry);
    if ("error" in checked) fail(checked.error);
    const rawPopulation = pick(f.properties, POPULATION);
    let population: number | null = null;
    if (rawPopulation !== undefined) {
      population = parseInteger(text(rawPopulation));
      if (population === null || population < 0) fail(`la population « ${text(rawPopulation)} » n’est pas un nombre entier positif.`);
    }
    if (code && seen.has(code)) fail(`le QPV ${code} apparaît déjà à la ligne ${seen.get(code)} : chaque QPV doit figurer une seule fois.`);
    if (code) seen.set(code, f.line);

    if (problems.length > 0) {
      report.errors.push(...problems.map((message): ImportIssue => ({ line: f.line, feature: f.index, message })));
    } else if ("geometry" in checked) {
      kept.push({ line: f.line, feature: f.index, code, name, communes, geometry: checked.geometry, population });
    }
  }
  if (report.errors.length > 0) return report;

  const stamp = stampOf(options.sourceName, options.now ?? new Date());
  return inTransaction(db, report, async (trx) => {
    const places = await loadPlaces(trx);
    const write = progressTicker(options, "enregistrement", kept.length);
    for (const [i, row] of kept.entries()) {
      const slug = `qpv-${slugify(row.name)}`;
      // A QPV entered by hand without its code is recognised by its slug.
      const bySlug = places.bySlug(slug);
      const existing = places.byCode("qpv", row.code) ?? (bySlug?.kind === "qpv" && bySlug.code === null ? bySlug : undefined);
      const outcome = await savePlace(
        trx,
        places,
        existing,
        { kind: "qpv", code: row.code, name: row.name, geometry: row.geometry, communeCodes: row.communes, population: row.population },
        { slug, replaceName: true, stamp },
      );
      report[outcome]++;
      write(i + 1);
    }
    const stale = (await listNeighbourhoods(trx)).filter((r) => r.kind === "qpv");
    const missing = stale.filter((r) => !r.code || !seen.has(r.code));
    if (missing.length > 0) {
      report.warnings.push(
        `${missing.length} QPV déjà enregistré(s) ne figure(nt) pas dans le fichier pour ce territoire et sont conservé(s) : ` +
          `${frenchList(missing.map((r) => (r.code ? `${r.name} (${r.code})` : r.name)))}.`,
      );
    }
  });
}
