// OpenAPI 3.1 description of /api/v1, written by hand next to the routes. Query parameters are
// listed from the schemas the routes validate with (api-schemas.ts); the tests check that every
// route is documented and that real responses match the response schemas below.
import { FUNDERS, STATUSES } from "../policy/index.js";
import { actionDetailQuery, actionQuery, contractQuery, indicatorQuery, placeQuery, slugParams, type ParamSchema } from "./api-schemas.js";
import { LICENCE } from "./present.js";

const str = { type: "string" } as const;
const int = { type: "integer" } as const;
const nullable = (type: string, extra: object = {}) => ({ type: [type, "null"], ...extra });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const arrayOf = (items: object) => ({ type: "array", items });
/** Closed objects: a field added to a response without documenting it fails the contract test. */
const object = (properties: Record<string, object>, optional: string[] = []) => ({
  type: "object",
  required: Object.keys(properties).filter((k) => !optional.includes(k)),
  properties,
  additionalProperties: false,
});

/** The counting rule (policy counting-rule.ts), in the words of the public page. */
const COUNTING_RULE =
  "Règle de comptage : les actions abandonnées (statut cancelled) restent listées et sont comptées à part ; leurs financements ne sont inclus dans aucun montant total, ni leur avancement dans aucun pourcentage. La somme de financement_total des actions où compte_dans_les_totaux vaut true donne donc les totaux publiés.";

const slugRef = object({ slug: str, nom: str });

const placeProperties = {
  slug: str,
  nom: str,
  type: { type: "string", enum: ["qpv", "quartier", "commune"] },
  code: nullable("string", { description: "Code national du quartier prioritaire (QN…), ou code local." }),
  communes: arrayOf({ ...str, description: "Code INSEE" }),
  population: nullable("integer"),
  perimetre_disponible: { type: "boolean" },
  source_perimetre: str,
  perimetre_mis_a_jour: nullable("string", { format: "date-time" }),
  url: { type: "string", format: "uri", description: "Page du lieu sur le site." },
  geometrie: { description: "Seulement avec geometrie=true ; null si le périmètre n’est pas encore chargé.", oneOf: [ref("Geometry"), { type: "null" }] },
};

const actionProperties = {
  slug: str,
  titre: str,
  resume: str,
  contrat: slugRef,
  priorite: object({ slug: str, titre: str }),
  statut: { type: "string", enum: [...STATUSES] },
  statut_libelle: str,
  avancement: { type: "integer", minimum: 0, maximum: 100, description: "En pourcentage." },
  date_debut: nullable("string", { format: "date" }),
  date_fin: nullable("string", { format: "date" }),
  porteur: { oneOf: [slugRef, { type: "null" }] },
  partenaires: arrayOf(slugRef),
  lieux: arrayOf(object({ slug: str, nom: str, type: { type: "string", enum: ["qpv", "quartier", "commune"] }, code: nullable("string") })),
  financement_total: {
    type: "number",
    description: "En euros, somme des lignes de financement de l’action, qu’elle soit abandonnée ou non (voir compte_dans_les_totaux).",
  },
  compte_dans_les_totaux: {
    type: "boolean",
    description: `false pour une action abandonnée : elle est listée, mais ni ses financements ni son avancement n’entrent dans les totaux du site et de /contrats. ${COUNTING_RULE}`,
  },
  exemple: { type: "boolean", description: "true pour une action de démonstration, pas une action réelle." },
  mis_a_jour: nullable("string", { format: "date-time" }),
  url: { type: "string", format: "uri" },
};

const figureProperties = {
  actions: { ...int, description: "Nombre d’actions, abandonnées comprises." },
  actions_abandonnees: { ...int, description: "Dont actions abandonnées : comptées à part, hors montants et hors avancement." },
  financement_total: { type: "number", description: "En euros, lignes de financement des actions non abandonnées." },
  avancement: nullable("integer", {
    minimum: 0,
    maximum: 100,
    description: "En pourcentage, sans les actions abandonnées ; null si aucune action n’est comptée.",
  }),
};

const schemas = {
  Geometry: {
    type: "object",
    description: "Polygon ou MultiPolygon GeoJSON (RFC 7946), coordonnées WGS 84 [longitude, latitude].",
    required: ["type", "coordinates"],
    properties: { type: { type: "string", enum: ["Polygon", "MultiPolygon"] }, coordinates: { type: "array" } },
  },
  Place: object(placeProperties, ["geometrie"]),
  PlaceList: object({ data: arrayOf(ref("Place")), total: int }),
  Action: object(actionProperties),
  ActionDetail: object({
    ...actionProperties,
    objectif: nullable("string"),
    description_html: { type: "string", description: "Description en HTML (déjà nettoyé par le site ; à nettoyer à nouveau avant de l’afficher ailleurs)." },
    financements: arrayOf(ref("Funding")),
    etapes: arrayOf(object({ date: { type: "string", format: "date" }, titre: str, realisee: { type: "boolean" } })),
  }),
  Contract: object({
    slug: str,
    nom: str,
    generation: { type: "string", enum: ["2015", "2024"], description: "Génération des contrats de ville." },
    annee_debut: int,
    annee_fin: int,
    regle_avancement: {
      type: "string",
      enum: ["budget", "equal"],
      description: "budget : chaque action pèse son financement ; equal : chaque action pèse autant.",
    },
    ...figureProperties,
    financements: arrayOf(
      object({
        financeur: { type: "string", enum: [...FUNDERS] },
        financeur_libelle: str,
        montant: { type: "number", description: "En euros, hors actions abandonnées." },
      }),
    ),
    priorites: arrayOf(object({ slug: str, titre: str, ...figureProperties })),
    url: { type: "string", format: "uri" },
  }),
  ContractList: object({ data: arrayOf(ref("Contract")) }),
  Funding: object({
    financeur: { type: "string", enum: [...FUNDERS] },
    financeur_libelle: str,
    annee: int,
    montant: { type: "number", description: "En euros." },
    libelle: str,
  }),
  Indicator: object({
    metric: str,
    libelle: str,
    type_territoire: { type: "string", enum: ["qpv", "quartier", "commune", "metropole"] },
    code_territoire: str,
    nom_territoire: str,
    annee: int,
    valeur: { type: "number" },
    unite: str,
    source: str,
  }),
  Pagination: object({ page: int, par_page: int, total: { ...int, description: "Nombre total de résultats." }, pages: int }),
  ActionList: object({ data: arrayOf(ref("Action")), pagination: ref("Pagination") }),
  ActionResponse: object({ data: ref("ActionDetail") }),
  IndicatorList: object({ data: arrayOf(ref("Indicator")), pagination: ref("Pagination") }),
  Problem: {
    type: "object",
    description: "Erreur au format RFC 9457 (problem details), en français.",
    required: ["type", "title", "status"],
    properties: {
      type: str,
      title: str,
      status: int,
      detail: str,
      errorId: { type: "string", description: "Identifiant à communiquer en cas d’erreur du serveur." },
      "invalid-params": arrayOf(object({ name: str, reason: str })),
    },
  },
};

function queryParameters(schema: { properties: Record<string, ParamSchema> }) {
  return Object.entries(schema.properties).map(([name, { description, ...s }]) => ({ name, in: "query", required: false, description, schema: s }));
}

const json = (schema: object) => ({ "application/json": { schema } });
const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: ref("Problem") } } });

function operation(o: {
  id: string;
  summary: string;
  description: string;
  query?: { properties: Record<string, ParamSchema> };
  path?: object[];
  schema: object;
  notFound?: boolean;
}) {
  return {
    get: {
      operationId: o.id,
      summary: o.summary,
      description: o.description,
      parameters: [...(o.path ?? []), ...(o.query ? queryParameters(o.query) : [])],
      responses: {
        200: { description: "Succès", content: json(o.schema) },
        400: problem("Paramètre inconnu ou valeur invalide ; la liste invalid-params dit lequel."),
        ...(o.notFound ? { 404: problem("Aucune action ne porte cet identifiant.") } : {}),
      },
    },
  };
}

export function openApiDocument(publicUrl: string) {
  const { description: slugDescription, ...slugSchema } = slugParams.properties.slug;
  return {
    openapi: "3.1.0",
    info: {
      title: "API des données ouvertes de la Politique de la Ville",
      version: "1.0.0",
      description:
        "Lecture seule, sans clé ni compte. Réponses JSON en UTF-8, erreurs au format RFC 9457. Appelable depuis un autre site (CORS ouvert). " +
        `${COUNTING_RULE} Documentation en français : ` +
        `${publicUrl}/donnees/api`,
      license: { name: LICENCE.name, identifier: "etalab-2.0" },
    },
    servers: [{ url: `${publicUrl}/api/v1` }],
    externalDocs: { description: "Jeux de données téléchargeables", url: `${publicUrl}/donnees` },
    paths: {
      "/qpv": operation({
        id: "listQpv",
        summary: "Quartiers prioritaires",
        description: "Tous les quartiers prioritaires du territoire.",
        query: placeQuery,
        schema: ref("PlaceList"),
      }),
      "/quartiers": operation({
        id: "listQuartiers",
        summary: "Quartiers et communes associées",
        description: "Tous les quartiers et communes associées.",
        query: placeQuery,
        schema: ref("PlaceList"),
      }),
      "/contrats": operation({
        id: "listContracts",
        summary: "Contrats de ville et leurs chiffres",
        description: `Chaque contrat avec ses priorités : nombre d’actions, financements par financeur et avancement, tels que la page Politique de la Ville les affiche. ${COUNTING_RULE}`,
        query: contractQuery,
        schema: ref("ContractList"),
      }),
      "/actions": operation({
        id: "listActions",
        summary: "Actions du contrat de ville",
        description: "Les actions, filtrées comme sur la page « Les actions » du site, par pages. Les filtres se combinent.",
        query: actionQuery,
        schema: ref("ActionList"),
      }),
      "/actions/{slug}": operation({
        id: "getAction",
        summary: "Une action",
        description: "Une action avec ses lignes de financement, ses étapes, ses partenaires et ses lieux.",
        path: [{ name: "slug", in: "path", required: true, description: slugDescription, schema: slugSchema }],
        query: actionDetailQuery,
        schema: ref("ActionResponse"),
        notFound: true,
      }),
      "/indicateurs": operation({
        id: "listIndicators",
        summary: "Indicateurs",
        description: "Valeurs des indicateurs par territoire et par année.",
        query: indicatorQuery,
        schema: ref("IndicatorList"),
      }),
      "/openapi.json": {
        get: {
          operationId: "getOpenApi",
          summary: "Ce document",
          description: "La description OpenAPI 3.1 de l’API.",
          responses: { 200: { description: "Succès", content: json({ type: "object" }) } },
        },
      },
    },
    components: { schemas },
  };
}
