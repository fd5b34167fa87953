// Use cases of the open data pages, files and API. Everything here is public and read-only.
import type { DB } from "../../core/db/create-db.js";
import { NotFoundError } from "../../core/errors.js";
import { actionCount, contractSummaries, parseActionQuery, policyQueries as policy } from "../policy/index.js";
import type { ActionApiQuery, IndicatorQuery } from "./api-schemas.js";
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
  const [s, hasExamples] = await Promise.all([q.datasetStats(db), q.hasExampleActions(db)]);
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
