// Query and path schemas of the API. The routes validate with them and the OpenAPI document
// lists its parameters from them, so the documentation cannot drift from what is accepted.
import { FUNDER_LABELS, FUNDERS, STATUS_LABELS, STATUSES } from "../policy/index.js";

const SLUG = "^[a-z0-9]+(-[a-z0-9]+)*$";

export type ParamSchema = { description: string; type: string; default?: unknown } & Record<string, unknown>;

/**
 * A closed query string: an unknown parameter is a 400, never silently ignored (a typo such as
 * `?statuts=` would otherwise return everything and look like a correct answer).
 * Fastify's Ajv runs with `removeAdditional: true`, which *deletes* the extra properties where a
 * schema says `additionalProperties: false` instead of failing. `{ not: {} }` says the same in
 * JSON Schema ("no other property is valid"), but Ajv does not strip for it, so validation fails.
 */
export function closedQuery(properties: Record<string, ParamSchema>) {
  return { type: "object", properties, additionalProperties: { not: {} } } as const;
}

const slug = (description: string): ParamSchema => ({ type: "string", pattern: SLUG, maxLength: 120, description });
const choices = (labels: Record<string, string>) =>
  Object.entries(labels)
    .map(([k, v]) => `${k} (${v})`)
    .join(", ");

/**
 * 1,200 requests a minute per client address (20 a second on average): far above what a page or
 * a harvester following `suivant` links needs, low enough to stop a runaway loop. Most answers
 * come from the page cache; what costs is a stream of distinct URLs (searches, cursors).
 */
export const API_RATE_LIMIT = { limit: 1200, windowMs: 60_000 } as const;

export const PAGE_SIZE_MAX = 100;
const pagination: Record<string, ParamSchema> = {
  page: { type: "integer", minimum: 1, maximum: 10_000, default: 1, description: "Numéro de la page, à partir de 1." },
  par_page: { type: "integer", minimum: 1, maximum: PAGE_SIZE_MAX, default: 20, description: `Résultats par page, ${PAGE_SIZE_MAX} au plus.` },
};

export const placeQuery = closedQuery({
  geometrie: { type: "boolean", default: false, description: "true pour inclure le périmètre GeoJSON (WGS 84) de chaque lieu." },
});

/** No parameter: every contract (there are a few). */
export const contractQuery = closedQuery({});

export const actionQuery = closedQuery({
  priorite: slug("Identifiant d’une priorité du contrat de ville."),
  quartier: slug("Identifiant d’un quartier ou d’un quartier prioritaire où l’action a lieu."),
  statut: { type: "string", enum: [...STATUSES], description: `État de l’action : ${choices(STATUS_LABELS)}.` },
  organisation: slug("Identifiant d’une organisation, porteuse ou partenaire de l’action."),
  financeur: { type: "string", enum: [...FUNDERS], description: `Financeur d’au moins une ligne de financement : ${choices(FUNDER_LABELS)}.` },
  annee: { type: "integer", minimum: 1900, maximum: 2100, description: "Année pendant laquelle l’action est en cours au moins un jour." },
  ...pagination,
});

export const indicatorQuery = closedQuery({
  metric: { type: "string", pattern: "^[a-z0-9_]+$", maxLength: 80, description: "Code de l’indicateur, par exemple taux_pauvrete." },
  territoire: {
    type: "string",
    pattern: "^[A-Za-z0-9_-]+$",
    maxLength: 40,
    description: "Code du territoire : code QPV (QN05971M), code INSEE de commune, etc.",
  },
  ...pagination,
});

// ---- Content (news and pages), cursor-paged
const DAY = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
export const CURSOR = "^[A-Za-z0-9_-]{1,200}$";

export const contentQuery = closedQuery({
  theme: slug("Identifiant d’un thème (voir /themes)."),
  quartier: slug("Identifiant d’un quartier ou d’un quartier prioritaire (voir /quartiers et /qpv)."),
  depuis: { type: "string", pattern: DAY, maxLength: 10, description: "Publiés ce jour-là ou après (AAAA-MM-JJ, jour de Paris)." },
  jusqua: { type: "string", pattern: DAY, maxLength: 10, description: "Publiés ce jour-là ou avant (AAAA-MM-JJ, jour de Paris, inclus)." },
  q: {
    type: "string",
    minLength: 1,
    maxLength: 200,
    pattern: "^[^\\r\\n]*$",
    description:
      'Recherche en texte intégral, en français, sans tenir compte des accents (la syntaxe de la recherche du site : mots, "expression exacte", -exclu, or). Les résultats restent du plus récent au plus ancien.',
  },
  curseur: {
    type: "string",
    pattern: CURSOR,
    description: "Reprend la liste après le dernier élément d’une page : ne le construisez pas, suivez le lien pagination.suivant.",
  },
  par_page: { type: "integer", minimum: 1, maximum: PAGE_SIZE_MAX, default: 20, description: `Résultats par page, ${PAGE_SIZE_MAX} au plus.` },
});

export interface ContentApiQuery {
  theme?: string;
  quartier?: string;
  depuis?: string;
  jusqua?: string;
  q?: string;
  curseur?: string;
  par_page: number;
}

/** No parameter: every theme, every quartier (there are a few dozen). */
export const themeQuery = closedQuery({});
/** /idees: every visible idea at once (a few hundred a year), no parameter. */
export const proposalQuery = closedQuery({});

// ---- GeoJSON
/** The /actions filters without pages: the GeoJSON file is the whole selection. */
export const actionGeoQuery = closedQuery(Object.fromEntries(Object.entries(actionQuery.properties).filter(([k]) => k !== "page" && k !== "par_page")));

export const indicatorGeoQuery = closedQuery({
  metric: indicatorQuery.properties.metric as ParamSchema,
  annee: { type: "integer", minimum: 1900, maximum: 2100, description: "Seulement les valeurs de cette année." },
});

export interface IndicatorGeoQuery {
  metric?: string;
  annee?: number;
}

/** No parameter on one action either: its answer is cached by URL, so a stray one is a 400, not another cache entry. */
export const actionDetailQuery = closedQuery({});

/** An article's slug: the last segment of its address (/actualites/<slug>). */
export const articleParams = {
  type: "object",
  properties: { slug: slug("Identifiant de l’actualité, tel qu’il figure dans son adresse (/actualites/…).") },
  required: ["slug"],
} as const;

export const slugParams = {
  type: "object",
  properties: { slug: slug("Identifiant de l’action, tel qu’il figure dans son adresse.") },
  required: ["slug"],
} as const;

export interface PlaceQuery {
  geometrie: boolean;
}

export interface ActionApiQuery {
  priorite?: string;
  quartier?: string;
  statut?: string;
  organisation?: string;
  financeur?: string;
  annee?: number;
  page: number;
  par_page: number;
}

export interface IndicatorQuery {
  metric?: string;
  territoire?: string;
  page: number;
  par_page: number;
}
