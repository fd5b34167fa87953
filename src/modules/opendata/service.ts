// Use cases of the open data pages, files and API. Everything here is public and read-only.
import type { DB } from "../../core/db/create-db.js";
import { NotFoundError, ValidationError } from "../../core/errors.js";
import type { AreaGeometry } from "../../lib/geo/index.js";
import { parisNextMidnight, parisToUtc } from "../../lib/paris-time.js";
import { findNeighbourhoodsOf, findPublishedByPath, findThemesOf, listPublishedPage, type ItemRow } from "../content/index.js";
import { mediaByIds, mediaUrl } from "../media/index.js";
import { proposalStats } from "../participation/index.js";
import { findNeighbourhoodBySlug, findThemeBySlug, listThemes } from "../places/index.js";
import { actionCount, contractSummaries, parseActionQuery, policyQueries as policy } from "../policy/index.js";
import { type ActionApiQuery, type ContentApiQuery, contentQuery, type IndicatorGeoQuery, type IndicatorQuery } from "./api-schemas.js";
import * as present from "./present.js";
import * as q from "./queries.js";

export type PlaceDataset = "qpv" | "quartiers";
const KINDS = { qpv: q.QPV_KINDS, quartiers: q.QUARTIER_KINDS };

export interface Download {
  href: string;
  format: "CSV" | "GeoJSON" | "JSON";
  label: string;
}

export interface DatasetView {
  id: string;
  title: string;
  description: string;
  updatedAt: Date | null;
  rows: number;
  rowsLabel: string;
  downloads: Download[];
  apiPath: string;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("fr-FR")} ${n > 1 ? many : one}`;

export async function getCatalogue(db: DB): Promise<{ datasets: DatasetView[]; hasExamples: boolean }> {
  const [s, hasExamples, ideas] = await Promise.all([q.datasetStats(db), q.hasExampleActions(db), proposalStats(db)]);
  const datasets: DatasetView[] = [
    {
      id: "qpv",
      title: "Quartiers prioritaires de la politique de la ville (QPV)",
      description:
        "Les quartiers prioritaires du territoire : code national, nom, communes, population et périmètre quand il a été importé depuis la liste nationale publiée par l’ANCT.",
      updatedAt: s.qpv.updated,
      rows: s.qpv.n,
      rowsLabel: plural(s.qpv.n, "quartier prioritaire", "quartiers prioritaires"),
      downloads: [
        { href: "/donnees/qpv.csv", format: "CSV", label: "Liste des quartiers prioritaires" },
        { href: "/donnees/qpv.geojson", format: "GeoJSON", label: "Périmètres des quartiers prioritaires" },
      ],
      apiPath: "/api/v1/qpv",
    },
    {
      id: "quartiers",
      title: "Quartiers et communes associées",
      description: "Les quartiers de la ville et ses communes associées : nom, code, population et périmètre quand il est disponible.",
      updatedAt: s.quartiers.updated,
      rows: s.quartiers.n,
      rowsLabel: plural(s.quartiers.n, "quartier ou commune associée", "quartiers et communes associées"),
      downloads: [
        { href: "/donnees/quartiers.csv", format: "CSV", label: "Liste des quartiers" },
        { href: "/donnees/quartiers.geojson", format: "GeoJSON", label: "Périmètres des quartiers" },
      ],
      apiPath: "/api/v1/quartiers",
    },
    {
      id: "actions",
      title: "Actions du contrat de ville et leurs financements",
      description:
        "Les actions de la Politique de la Ville : priorité, état, avancement, dates, porteur, partenaires, lieux et financement total. Les lignes de financement (financeur, année, montant) sont dans un fichier à part, relié aux actions par la colonne action_slug. Les actions abandonnées y figurent, avec compte_dans_les_totaux à false : comme sur le site, leurs financements ne sont comptés dans aucun total.",
      updatedAt: s.actions.updated,
      rows: s.actions.n,
      rowsLabel: `${actionCount(s.actions.n, s.actions.cancelled)}, ${plural(s.fundingLines, "ligne de financement", "lignes de financement")}`,
      downloads: [
        { href: "/donnees/actions.csv", format: "CSV", label: "Actions" },
        { href: "/donnees/actions.json", format: "JSON", label: "Actions avec leurs financements" },
        { href: "/donnees/financements.csv", format: "CSV", label: "Lignes de financement" },
      ],
      apiPath: "/api/v1/actions",
    },
    {
      id: "indicateurs",
      title: "Indicateurs des quartiers",
      description: "Indicateurs statistiques par territoire (quartier prioritaire, quartier, commune, métropole) et par année, avec leur unité et leur source.",
      updatedAt: null, // the table keeps no change date: shown as "non renseignée"
      rows: s.indicators,
      rowsLabel: plural(s.indicators, "valeur", "valeurs"),
      downloads: [{ href: "/donnees/indicateurs.csv", format: "CSV", label: "Valeurs des indicateurs" }],
      apiPath: "/api/v1/indicateurs",
    },
    {
      id: "idees",
      title: "Idées des habitants",
      description:
        "Les idées publiées par les habitants, les conseils citoyens et les associations : quartier, priorité, réponse de la ville, action qu’elles sont devenues et nombre de soutiens. Aucune donnée personnelle : ni auteur, ni soutien nominatif.",
      updatedAt: ideas.updated,
      rows: ideas.n,
      rowsLabel: plural(ideas.n, "idée", "idées"),
      downloads: [{ href: "/donnees/idees.csv", format: "CSV", label: "Idées et nombre de soutiens" }],
      apiPath: "/api/v1/idees",
    },
  ];
  return { datasets, hasExamples };
}

// ---- Files
export async function placesCsv(db: DB, dataset: PlaceDataset, publicUrl: string) {
  return present.placesCsv(await q.listPlaces(db, KINDS[dataset], false), publicUrl);
}

export async function placesGeoJson(db: DB, dataset: PlaceDataset, publicUrl: string) {
  return present.placesGeoJson(await q.listPlaces(db, KINDS[dataset], true), publicUrl);
}

export async function actionsCsv(db: DB, publicUrl: string) {
  return present.actionsCsv(present.presentActions(await q.listActionRecords(db), publicUrl));
}

/** Every action with its funding lines nested: the whole dataset in one JSON file. */
export async function actionsJson(db: DB, publicUrl: string) {
  const [records, funding] = await Promise.all([q.listActionRecords(db), q.listFundingLines(db)]);
  const bySlug = new Map<string, Array<ReturnType<typeof present.presentFunding>>>();
  for (const f of funding) {
    const lines = bySlug.get(f.action_slug) ?? [];
    lines.push(present.presentFunding(f));
    bySlug.set(f.action_slug, lines);
  }
  const data = present.presentActions(records, publicUrl).map((a) => ({ ...a, financements: bySlug.get(a.slug) ?? [] }));
  return { licence: present.LICENCE, data };
}

export async function fundingCsv(db: DB) {
  return present.fundingCsv(await q.listFundingLines(db));
}

export async function indicatorsCsv(db: DB) {
  return present.indicatorsCsv((await q.listIndicators(db, {})).rows);
}

// ---- API
function paging(page: number, perPage: number, total: number) {
  return { page, par_page: perPage, total, pages: Math.max(1, Math.ceil(total / perPage)) };
}

export async function apiPlaces(db: DB, dataset: PlaceDataset, withGeometry: boolean, publicUrl: string) {
  const rows = await q.listPlaces(db, KINDS[dataset], withGeometry);
  if (!withGeometry) return { data: rows.map((r) => present.presentPlace(r, publicUrl)), total: rows.length };
  const features = present.placesGeoJson(rows, publicUrl).features;
  return { data: features.map((f) => ({ ...f.properties, geometrie: f.geometry })), total: rows.length };
}

/** Contracts with the overview page's figures (same function, same counting rule). */
export async function apiContracts(db: DB, publicUrl: string) {
  const contracts = await contractSummaries(db);
  return { data: contracts.map((c) => present.presentContract(c, publicUrl)) };
}

/** The HTML list's filters (same parser, same SQL), paged for machines. */
export async function apiActions(db: DB, query: ActionApiQuery, publicUrl: string) {
  const { page, par_page: perPage, annee, ...rest } = query;
  const filter = parseActionQuery({ ...rest, annee: annee === undefined ? undefined : String(annee) });
  const { rows, total } = await policy.listActions(db, { ...filter, limit: perPage, offset: (page - 1) * perPage });
  const ids = rows.map((r) => r.id);
  const data = present.presentActions(await q.listActionRecords(db, ids), publicUrl, ids);
  return { data, pagination: paging(page, perPage, total) };
}

export async function apiAction(db: DB, slug: string, publicUrl: string) {
  const action = await policy.findAction(db, slug);
  if (!action) throw new NotFoundError();
  const [records, details] = await Promise.all([q.listActionRecords(db, [action.id]), policy.findActionDetails(db, action.id)]);
  const record = present.presentActions(records, publicUrl)[0];
  if (!record) throw new NotFoundError();
  return {
    data: {
      ...record,
      objectif: action.objective_title,
      description_html: action.description,
      financements: details.funding.map(present.presentFunding),
      etapes: details.milestones.map((m) => ({ date: present.isoDay(m.due_date), titre: m.title, realisee: m.done })),
    },
  };
}

export async function apiIndicators(db: DB, query: IndicatorQuery) {
  const { page, par_page: perPage } = query;
  const { rows, total } = await q.listIndicators(db, { metric: query.metric, territoryCode: query.territoire, limit: perPage, offset: (page - 1) * perPage });
  return { data: rows.map(present.presentIndicator), pagination: paging(page, perPage, total) };
}

// ---- Content API (news and pages)
export type ContentKindApi = "actualites" | "pages";
const CONTENT_KINDS = { actualites: "article", pages: "page" } as const;

/**
 * One page of published news or pages, newest first, with the link to the next page. Unknown
 * theme or quartier slugs give an empty list (as the /actions filters do); a bad date or cursor
 * is a 400 naming the parameter.
 */
export async function apiContent(db: DB, kind: ContentKindApi, query: ContentApiQuery, publicUrl: string, now: Date) {
  const errors: Record<string, string> = {};
  const since = query.depuis === undefined ? undefined : parisToUtc(query.depuis, "00:00");
  const before = query.jusqua === undefined ? undefined : parisNextMidnight(query.jusqua);
  if (since === null) errors.depuis = "date inexistante (AAAA-MM-JJ)";
  if (before === null) errors.jusqua = "date inexistante (AAAA-MM-JJ)";
  const after = query.curseur === undefined ? undefined : present.decodeCursor(query.curseur);
  if (after === null) errors.curseur = "curseur invalide : suivez le lien pagination.suivant d’une réponse";
  if (Object.keys(errors).length) throw new ValidationError(errors);
  const [theme, place] = await Promise.all([
    query.theme ? findThemeBySlug(db, query.theme) : undefined,
    query.quartier ? findNeighbourhoodBySlug(db, query.quartier) : undefined,
  ]);
  const perPage = query.par_page;
  const empty = { data: [], pagination: { par_page: perPage, suivant: null } };
  if ((query.theme && !theme) || (query.quartier && !place)) return empty;
  const rows = await listPublishedPage(db, {
    kind: CONTENT_KINDS[kind],
    themeId: theme?.id,
    neighbourhoodId: place?.id,
    since: since ?? undefined,
    before: before ?? undefined,
    search: query.q?.trim() || undefined,
    after: after ?? undefined,
    limit: perPage + 1, // one more tells whether a next page exists
    now,
  });
  const page = rows.slice(0, perPage);
  const data = await contentRecords(db, page, publicUrl);
  const last = page[page.length - 1];
  let next: string | null = null;
  if (rows.length > perPage && last?.published_at) {
    const params = new URLSearchParams();
    // In the schema's order, not the request's: the answer is cached under a key that ignores
    // the order of the parameters (core/http/cache-key.ts), so it must not depend on it.
    const values = query as unknown as Record<string, unknown>;
    for (const k of Object.keys(contentQuery.properties)) {
      const v = values[k];
      if (v !== undefined && k !== "curseur") params.set(k, String(v));
    }
    params.set("curseur", present.encodeCursor(last.published_at, last.id));
    next = `${publicUrl}/api/v1/${kind}?${params}`;
  }
  return { data, pagination: { par_page: perPage, suivant: next } };
}

/** Items with their themes, places and image, in the order given. */
async function contentRecords(db: DB, items: ItemRow[], publicUrl: string) {
  const ids = items.map((r) => r.id);
  const [themes, places, media] = await Promise.all([
    findThemesOf(db, ids),
    findNeighbourhoodsOf(db, ids),
    mediaByIds(
      db,
      items.flatMap((r) => (r.hero_media_id ? [r.hero_media_id] : [])),
    ),
  ]);
  const mediaById = new Map(media.map((m) => [m.id, m]));
  return items.map((item) => {
    const m = item.hero_media_id ? mediaById.get(item.hero_media_id) : undefined;
    return present.presentContentItem(
      {
        item,
        themes: themes.filter((t) => t.content_id === item.id),
        places: places.filter((p) => p.content_id === item.id),
        image: m ? largestJpeg(m) : null,
      },
      publicUrl,
    );
  });
}

/**
 * One published news item with its body. Only a published item is found; a renamed one is a 404
 * here (the site's old address redirects, but an API client should take the new slug from a list).
 */
export async function apiArticle(db: DB, slug: string, publicUrl: string, now: Date) {
  const item = await findPublishedByPath(db, `/actualites/${slug}`, now);
  if (item?.kind !== "article") throw new NotFoundError();
  const [record] = await contentRecords(db, [item], publicUrl);
  return { data: { ...record!, corps_html: item.body } };
}

/** The largest JPEG variant (every client reads JPEG; the site's <picture> adds AVIF and WebP), with its own size. */
function largestJpeg(m: { file_key: string; variant_widths: number[]; width: number; height: number; alt: string; credit: string }) {
  const largest = Math.max(...m.variant_widths);
  if (!Number.isFinite(largest) || m.width <= 0) return null;
  return {
    fallbackSrc: mediaUrl(m.file_key, largest, "jpg"),
    width: largest,
    height: Math.round((m.height * largest) / m.width),
    alt: m.alt,
    credit: m.credit,
  };
}

export async function apiThemes(db: DB, publicUrl: string) {
  return { data: (await listThemes(db)).map((t) => present.presentTheme(t, publicUrl)) };
}

// ---- GeoJSON
/** The /actions selection (same filters) as a GeoJSON FeatureCollection: see present.actionFeature. */
export async function apiActionsGeoJson(db: DB, query: Omit<ActionApiQuery, "page" | "par_page">, publicUrl: string) {
  const { annee, ...rest } = query;
  const filter = parseActionQuery({ ...rest, annee: annee === undefined ? undefined : String(annee) });
  const { rows } = await policy.listActions(db, { ...filter, limit: GEOJSON_MAX_ACTIONS, offset: 0 });
  const ids = rows.map((r) => r.id);
  const records = present.presentActions(await q.listActionRecords(db, ids), publicUrl, ids);
  const slugs = [...new Set(records.flatMap((a) => a.lieux.map((l) => l.slug)))];
  const perimeters = new Map<string, AreaGeometry>();
  for (const p of await q.perimetersBySlug(db, slugs)) {
    const area = present.areaOrNull(p.geometry);
    if (area) perimeters.set(p.slug, area);
  }
  return { type: "FeatureCollection" as const, features: records.map((a) => present.actionFeature(a, perimeters)) };
}

/** Far above any contract's action count: the GeoJSON is one answer, not pages. */
export const GEOJSON_MAX_ACTIONS = 10_000;

export async function apiIndicatorsGeoJson(db: DB, query: IndicatorGeoQuery, publicUrl: string) {
  const { rows } = await q.listIndicators(db, { metric: query.metric, year: query.annee });
  const places = await q.placesForTerritories(db, [...new Set(rows.map((r) => r.territory_code))]);
  return present.indicatorsGeoJson(rows, places, publicUrl);
}
