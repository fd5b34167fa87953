// Rows -> open data records. Field names are French snake_case: they are a public interface,
// like the site's URLs. The same record feeds the JSON API and, flattened, the CSV files.
import type { Feature, FeatureCollection, MultiPoint, MultiPolygon, Polygon } from "geojson";
import { centroid, type AreaGeometry } from "../../lib/geo/index.js";
import { CSV_BOM, toCsv, type CsvCell } from "../../lib/csv.js";
import { countsInTotals, FUNDER_LABELS, STATUS_LABELS, type contractSummaries } from "../policy/index.js";
import type { listActionRecords, listFundingLines, listIndicators, listPlaces } from "./queries.js";

export const LICENCE = { name: "Licence Ouverte / Open Licence 2.0", url: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/" };

/** Joins several values in one CSV cell (slugs and codes cannot contain it; a name rarely does). */
export const LIST_SEPARATOR = " | ";

/**
 * "12000.50" -> "12000.5", "300000.00" -> "300000": numeric columns arrive as exact strings and
 * stay exact (no float round trip), with a dot as decimal separator for machines.
 */
export function decimal(value: string | number): string {
  const s = String(value);
  return s.includes(".") ? s.replace(/\.?0+$/, "") : s;
}

/**
 * A SQL `date` as YYYY-MM-DD. pg builds it at local midnight, PGlite at UTC midnight. A Date
 * at local midnight is read in local time, any other in UTC: right for both drivers in every
 * time zone (UTC midnight is local midnight only where the offset is 0, and then both agree).
 */
export function isoDay(value: Date | null): string | null {
  if (!value) return null;
  const local = value.getHours() === 0 && value.getMinutes() === 0 && value.getSeconds() === 0 && value.getMilliseconds() === 0;
  const [y, m, d] = local ? [value.getFullYear(), value.getMonth(), value.getDate()] : [value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate()];
  return `${String(y).padStart(4, "0")}-${String(m + 1).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export function isoTime(value: Date | string | null): string | null {
  return value ? new Date(value).toISOString() : null;
}

/** Ready-made CSV file body: BOM (so Excel reads accents), RFC 4180, formula-safe. */
export function csvFile(header: readonly string[], rows: ReadonlyArray<Readonly<Record<string, CsvCell>>>): string {
  return CSV_BOM + toCsv(header, rows);
}

// ---- Quartiers and QPV
type PlaceRow = Awaited<ReturnType<typeof listPlaces>>[number];

export interface PlaceRecord {
  slug: string;
  nom: string;
  type: string;
  code: string | null;
  communes: string[];
  population: number | null;
  perimetre_disponible: boolean;
  source_perimetre: string;
  perimetre_mis_a_jour: string | null;
  url: string;
}

export const PLACE_COLUMNS = [
  "slug",
  "nom",
  "type",
  "code",
  "communes",
  "population",
  "perimetre_disponible",
  "source_perimetre",
  "perimetre_mis_a_jour",
  "url",
] as const;

export function presentPlace(row: PlaceRow, publicUrl: string): PlaceRecord {
  return {
    slug: row.slug,
    nom: row.name,
    type: row.kind,
    code: row.code,
    communes: row.commune_codes,
    population: row.population,
    perimetre_disponible: row.has_geometry,
    source_perimetre: row.geometry_source,
    perimetre_mis_a_jour: isoTime(row.geometry_updated_at),
    url: `${publicUrl}/quartiers/${row.slug}`,
  };
}

export function placesCsv(rows: PlaceRow[], publicUrl: string): string {
  return csvFile(
    PLACE_COLUMNS,
    rows.map((r) => {
      const p = presentPlace(r, publicUrl);
      return { ...p, communes: p.communes.join(LIST_SEPARATOR) };
    }),
  );
}

/** Only areas are published as geometry; anything else (never expected) becomes null. */
export function areaOrNull(geometry: unknown): Polygon | MultiPolygon | null {
  const type = (geometry as { type?: unknown } | null)?.type;
  return type === "Polygon" || type === "MultiPolygon" ? (geometry as Polygon | MultiPolygon) : null;
}

/** RFC 7946: a place without a perimeter yet is still a feature, with `"geometry": null`. */
export function placesGeoJson(rows: PlaceRow[], publicUrl: string): FeatureCollection<Polygon | MultiPolygon | null, PlaceRecord> {
  const features: Array<Feature<Polygon | MultiPolygon | null, PlaceRecord>> = rows.map((r) => ({
    type: "Feature",
    id: r.slug,
    geometry: areaOrNull(r.geometry),
    properties: presentPlace(r, publicUrl),
  }));
  return { type: "FeatureCollection", features };
}

// ---- Actions
type ActionRows = Awaited<ReturnType<typeof listActionRecords>>;

export interface ActionRecord {
  slug: string;
  titre: string;
  resume: string;
  contrat: { slug: string; nom: string };
  priorite: { slug: string; titre: string };
  statut: string;
  statut_libelle: string;
  avancement: number;
  date_debut: string | null;
  date_fin: string | null;
  porteur: { slug: string; nom: string } | null;
  partenaires: Array<{ slug: string; nom: string }>;
  lieux: Array<{ slug: string; nom: string; type: string; code: string | null }>;
  financement_total: number;
  /** false for an abandoned action: listed, but in none of the site's totals (policy counting-rule.ts). */
  compte_dans_les_totaux: boolean;
  exemple: boolean;
  mis_a_jour: string | null;
  url: string;
}

/** Records in the order of `ids` when given (the API keeps listActions' order), else as queried. */
export function presentActions(data: ActionRows, publicUrl: string, ids?: number[]): ActionRecord[] {
  const group = <T extends { action_id: number }>(rows: T[]) => {
    const map = new Map<number, T[]>();
    for (const r of rows) {
      const list = map.get(r.action_id) ?? [];
      list.push(r);
      map.set(r.action_id, list);
    }
    return map;
  };
  const partners = group(data.partners);
  const places = group(data.places);
  const totals = new Map(data.totals.map((t) => [t.action_id, decimal(t.total)]));
  const byId = new Map(data.actions.map((a) => [a.id, a]));
  const ordered = ids ? ids.flatMap((id) => byId.get(id) ?? []) : data.actions;
  return ordered.map((a) => ({
    slug: a.slug,
    titre: a.title,
    resume: a.summary,
    contrat: { slug: a.contract_slug, nom: a.contract_name },
    priorite: { slug: a.priority_slug, titre: a.priority_title },
    statut: a.status,
    statut_libelle: STATUS_LABELS[a.status] ?? a.status,
    avancement: a.progress,
    date_debut: isoDay(a.start_date),
    date_fin: isoDay(a.end_date),
    porteur: a.lead_slug && a.lead_name ? { slug: a.lead_slug, nom: a.lead_name } : null,
    partenaires: (partners.get(a.id) ?? []).map((p) => ({ slug: p.slug, nom: p.name })),
    lieux: (places.get(a.id) ?? []).map((p) => ({ slug: p.slug, nom: p.name, type: p.kind, code: p.code })),
    financement_total: Number(totals.get(a.id) ?? 0),
    compte_dans_les_totaux: countsInTotals(a.status),
    exemple: a.is_example,
    mis_a_jour: isoTime(a.updated_at),
    url: `${publicUrl}/politique-de-la-ville/actions/${a.slug}`,
  }));
}

export const ACTION_COLUMNS = [
  "slug",
  "titre",
  "resume",
  "contrat",
  "priorite",
  "priorite_slug",
  "statut",
  "statut_libelle",
  "avancement",
  "date_debut",
  "date_fin",
  "porteur",
  "partenaires",
  "quartiers",
  "codes_qpv",
  "financement_total",
  "compte_dans_les_totaux",
  "exemple",
  "mis_a_jour",
  "url",
] as const;

export function actionsCsv(records: ActionRecord[]): string {
  return csvFile(
    ACTION_COLUMNS,
    records.map((a) => ({
      slug: a.slug,
      titre: a.titre,
      resume: a.resume,
      contrat: a.contrat.nom,
      priorite: a.priorite.titre,
      priorite_slug: a.priorite.slug,
      statut: a.statut,
      statut_libelle: a.statut_libelle,
      avancement: a.avancement,
      date_debut: a.date_debut,
      date_fin: a.date_fin,
      porteur: a.porteur?.nom ?? "",
      partenaires: a.partenaires.map((p) => p.nom).join(LIST_SEPARATOR),
      quartiers: a.lieux
        .filter((l) => l.type !== "qpv")
        .map((l) => l.slug)
        .join(LIST_SEPARATOR),
      codes_qpv: a.lieux
        .filter((l) => l.type === "qpv")
        .map((l) => l.code ?? l.slug)
        .join(LIST_SEPARATOR),
      financement_total: decimal(a.financement_total),
      compte_dans_les_totaux: a.compte_dans_les_totaux,
      exemple: a.exemple,
      mis_a_jour: a.mis_a_jour,
      url: a.url,
    })),
  );
}

// ---- Contracts and their figures
type ContractSummary = Awaited<ReturnType<typeof contractSummaries>>[number];

/**
 * A contract with the figures of the overview page, computed by the same function
 * (policy contractSummaries): abandoned actions counted apart, in no amount and no progress.
 */
export function presentContract(c: ContractSummary, publicUrl: string) {
  return {
    slug: c.slug,
    nom: c.name,
    generation: c.generation,
    annee_debut: c.periodStart,
    annee_fin: c.periodEnd,
    regle_avancement: c.rule,
    avancement: c.progress,
    actions: c.actionCount,
    actions_abandonnees: c.cancelledCount,
    financement_total: c.budget,
    financements: c.funding.map((f) => ({ financeur: f.funder, financeur_libelle: FUNDER_LABELS[f.funder] ?? f.funder, montant: f.total })),
    priorites: c.priorities.map((p) => ({
      slug: p.slug,
      titre: p.title,
      actions: p.actionCount,
      actions_abandonnees: p.cancelledCount,
      financement_total: p.budget,
      avancement: p.progress,
    })),
    url: `${publicUrl}/politique-de-la-ville#contrat-${c.slug}`,
  };
}

// ---- Funding lines
type FundingRow = Awaited<ReturnType<typeof listFundingLines>>[number];

export const FUNDING_COLUMNS = [
  "action_slug",
  "action_titre",
  "action_statut",
  "financeur",
  "financeur_libelle",
  "annee",
  "montant",
  "libelle",
  "compte_dans_les_totaux",
] as const;

export function presentFunding(f: { funder: string; year: number; amount: string; label: string }) {
  return { financeur: f.funder, financeur_libelle: FUNDER_LABELS[f.funder] ?? f.funder, annee: f.year, montant: Number(f.amount), libelle: f.label };
}

export function fundingCsv(rows: FundingRow[]): string {
  return csvFile(
    FUNDING_COLUMNS,
    rows.map((f) => ({
      action_slug: f.action_slug,
      action_titre: f.action_title,
      action_statut: f.action_status,
      ...presentFunding(f),
      montant: decimal(f.amount),
      compte_dans_les_totaux: countsInTotals(f.action_status),
    })),
  );
}

// ---- Indicators
type IndicatorRow = Awaited<ReturnType<typeof listIndicators>>["rows"][number];

export const INDICATOR_COLUMNS = ["metric", "libelle", "type_territoire", "code_territoire", "nom_territoire", "annee", "valeur", "unite", "source"] as const;

export function presentIndicator(i: IndicatorRow) {
  return {
    metric: i.metric,
    libelle: i.label,
    type_territoire: i.territory_kind,
    code_territoire: i.territory_code,
    nom_territoire: i.territory_name,
    annee: i.year,
    valeur: Number(i.value),
    unite: i.unit,
    source: i.source,
  };
}

export function indicatorsCsv(rows: IndicatorRow[]): string {
  return csvFile(
    INDICATOR_COLUMNS,
    rows.map((i) => ({ ...presentIndicator(i), valeur: decimal(i.value) })),
  );
}

// ---- Content (news and pages)
/** What the content module gives for one listed item (its row, labels and image). */
export interface ContentInput {
  item: { id: number; path: string; title: string; standfirst: string; published_at: Date | null; updated_at: Date };
  themes: Array<{ slug: string; name: string }>;
  places: Array<{ slug: string; name: string; kind: string }>;
  image: { fallbackSrc: string; width: number; height: number; alt: string; credit: string } | null;
}

export function presentContentItem({ item, themes, places, image }: ContentInput, publicUrl: string) {
  return {
    id: item.id,
    titre: item.title,
    chapo: item.standfirst,
    url: `${publicUrl}${item.path}`,
    publie_le: isoTime(item.published_at),
    mis_a_jour: isoTime(item.updated_at),
    themes: themes.map((t) => ({ slug: t.slug, nom: t.name })),
    lieux: places.map((p) => ({ slug: p.slug, nom: p.name, type: p.kind })),
    image: image
      ? { url: `${publicUrl}${image.fallbackSrc}`, largeur: image.width, hauteur: image.height, alt: image.alt, credit: image.credit || null }
      : null,
  };
}

/**
 * The keyset cursor: base64url of [published_at in ms, id] of the last item of a page. Opaque to
 * clients (documented as "follow pagination.suivant"), so its format may change.
 */
export function encodeCursor(publishedAt: Date, id: number): string {
  return Buffer.from(JSON.stringify([publishedAt.getTime(), id])).toString("base64url");
}

/** The pair a cursor stands for, or null for anything this API did not write. */
export function decodeCursor(cursor: string): { publishedAt: Date; id: number } | null {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [ms, id] = value as unknown[];
  if (!Number.isSafeInteger(ms) || !Number.isSafeInteger(id) || (id as number) < 1 || (id as number) > 2_147_483_647) return null;
  const publishedAt = new Date(ms as number);
  // Postgres timestamps span 4713 BC to 294276 AD; Date accepts ±275760 years: keep both sane.
  if (Number.isNaN(publishedAt.getTime()) || publishedAt.getUTCFullYear() < 1900 || publishedAt.getUTCFullYear() > 9999) return null;
  return { publishedAt, id: id as number };
}

// ---- Themes
export function presentTheme(t: { slug: string; name: string; description: string; color: string }, publicUrl: string) {
  return { slug: t.slug, nom: t.name, description: t.description, couleur: t.color, url: `${publicUrl}/themes/${t.slug}` };
}

// ---- GeoJSON of actions and indicators
/**
 * An action on a map: a MultiPoint with one point per place of the action that has a perimeter
 * (the centroid of that perimeter), or null. Not the perimeters themselves: a quartier and the
 * QPV inside it overlap, so their MultiPolygon would be invalid (Simple Features), a true union
 * needs a geometry engine (PGlite has no PostGIS), and repeating perimeters in every action
 * would make the file heavy. The perimeters are in /qpv and /quartiers (?geometrie=true),
 * joined by `lieux[].slug`.
 */
export function actionFeature(action: ActionRecord, perimeters: Map<string, AreaGeometry>): Feature<MultiPoint | null, ActionRecord> {
  const points = action.lieux.flatMap((l) => {
    const area = perimeters.get(l.slug);
    if (!area) return [];
    try {
      return [centroid(area).map((c) => Math.round(c * 1e6) / 1e6)]; // 1e-6 degree: about 10 cm
    } catch {
      return []; // an empty perimeter (never stored by the importer) places nothing
    }
  });
  return { type: "Feature", id: action.slug, geometry: points.length ? { type: "MultiPoint", coordinates: points } : null, properties: action };
}

type IndicatorRecord = ReturnType<typeof presentIndicator>;
type TerritoryPlace = { slug: string; code: string | null; kind: string; geometry: unknown };

export interface TerritoryProperties {
  type_territoire: string;
  code_territoire: string;
  nom_territoire: string;
  /** The site's page of the place, when the territory is one of its quartiers, QPV or communes. */
  lieu: string | null;
  url: string | null;
  indicateurs: Array<Omit<IndicatorRecord, "type_territoire" | "code_territoire" | "nom_territoire">>;
}

/**
 * Indicators by territory: one feature per territory, its perimeter when the territory is a place
 * of the site that has one (QPV and communes by code, quartiers by slug), else null geometry
 * (the city, the metropolis), and every value of the territory in `indicateurs`.
 */
export function indicatorsGeoJson(
  rows: IndicatorRow[],
  places: TerritoryPlace[],
  publicUrl: string,
): FeatureCollection<AreaGeometry | null, TerritoryProperties> {
  const placeFor = (kind: string, code: string) =>
    places.find((p) => p.kind === kind && (kind === "quartier" ? p.slug === code : p.code === code)) ?? places.find((p) => p.kind === kind && p.slug === code);
  const byTerritory = new Map<string, Feature<AreaGeometry | null, TerritoryProperties>>();
  for (const row of rows) {
    const key = `${row.territory_kind}\u0000${row.territory_code}`;
    let feature = byTerritory.get(key);
    if (!feature) {
      const place = placeFor(row.territory_kind, row.territory_code);
      feature = {
        type: "Feature",
        id: `${row.territory_kind}:${row.territory_code}`,
        geometry: place ? areaOrNull(place.geometry) : null,
        properties: {
          type_territoire: row.territory_kind,
          code_territoire: row.territory_code,
          nom_territoire: row.territory_name,
          lieu: place?.slug ?? null,
          url: place ? `${publicUrl}/quartiers/${place.slug}` : null,
          indicateurs: [],
        },
      };
      byTerritory.set(key, feature);
    }
    const { type_territoire: _k, code_territoire: _c, nom_territoire: _n, ...value } = presentIndicator(row);
    feature.properties.indicateurs.push(value);
  }
  return { type: "FeatureCollection", features: [...byTerritory.values()] };
}
