// OpenAPI 3.1 description of /api/v1, written by hand next to the routes. Query parameters are
// listed from the schemas the routes validate with (api-schemas.ts); the tests check that every
// route is documented and that real responses match the response schemas below.
import { FUNDERS, STATUSES } from "../policy/index.js";
import {
  API_RATE_LIMIT,
  actionDetailQuery,
  actionGeoQuery,
  actionQuery,
  articleParams,
  contentQuery,
  contractQuery,
  indicatorGeoQuery,
  indicatorQuery,
  placeQuery,
  proposalQuery,
  slugParams,
  themeQuery,
  type ParamSchema,
} from "./api-schemas.js";
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

const namedRef = object({ slug: str, nom: str });

const contentProperties = {
  id: { ...int, description: "Identifiant stable de l’élément (il ne change pas quand l’adresse change)." },
  titre: str,
  chapo: { type: "string", description: "Chapeau : le court texte d’introduction, en texte brut." },
  url: { type: "string", format: "uri", description: "Adresse de la page sur le site." },
  publie_le: { type: "string", format: "date-time" },
  mis_a_jour: { type: "string", format: "date-time" },
  themes: arrayOf(namedRef),
  lieux: arrayOf(object({ slug: str, nom: str, type: { type: "string", enum: ["qpv", "quartier", "commune"] } })),
  image: {
    description: "L’image principale, ou null.",
    oneOf: [
      object({
        url: { type: "string", format: "uri", description: "JPEG, la plus grande taille publiée." },
        largeur: int,
        hauteur: int,
        alt: { type: "string", description: "Texte alternatif (vide pour une image décorative)." },
        credit: nullable("string"),
      }),
      { type: "null" },
    ],
  },
};

/** RFC 7946 geometries as the API writes them (WGS 84, [longitude, latitude]). */
const position = { type: "array", items: { type: "number" }, minItems: 2, maxItems: 2 };
const ring = { type: "array", items: position, minItems: 4 };

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
  ContentItem: object(contentProperties),
  ArticleResponse: object({
    data: object({
      ...contentProperties,
      corps_html: { type: "string", description: "Le texte en HTML (déjà nettoyé par le site ; à nettoyer à nouveau avant de l’afficher ailleurs)." },
    }),
  }),
  ContentList: object({
    data: arrayOf(ref("ContentItem")),
    pagination: object({
      par_page: int,
      suivant: nullable("string", { format: "uri", description: "La page suivante, null à la dernière : suivez ce lien tel quel." }),
    }),
  }),
  Theme: object({
    slug: str,
    nom: str,
    description: str,
    couleur: { type: "string", description: "Couleur du thème sur le site (CSS)." },
    url: { type: "string", format: "uri" },
  }),
  ThemeList: object({ data: arrayOf(ref("Theme")) }),
  Proposal: object({
    id: int,
    titre: str,
    statut: { type: "string", enum: ["received", "under_study", "accepted", "rejected"] },
    statut_libelle: { type: "string", description: "Reçue, À l’étude, Retenue, Non retenue." },
    quartier: object({ slug: str, nom: str, code: nullable("string") }),
    priorite: { oneOf: [object({ slug: str, titre: str }), { type: "null" }] },
    action: nullable("string", { description: "Pour une idée retenue : l’identifiant (slug) de l’action qu’elle est devenue." }),
    au_nom_d_une_organisation: { type: "boolean", description: "Proposée par un membre au nom d’un conseil citoyen ou d’une association." },
    saisie_assistee: { type: "boolean", description: "Recueillie sur papier ou en personne et saisie par un médiateur." },
    soutiens: { type: "integer", minimum: 0 },
    cree_le: { type: "string", format: "date-time" },
    repondu_le: nullable("string", { format: "date-time" }),
    url: { type: "string", format: "uri" },
  }),
  ProposalList: object({
    data: arrayOf(ref("Proposal")),
    total: int,
    par_statut: object({ received: int, under_study: int, accepted: int, rejected: int }),
  }),
  Area: {
    description: "Polygon ou MultiPolygon GeoJSON (RFC 7946), anneau extérieur dans le sens inverse des aiguilles d’une montre.",
    oneOf: [
      object({ type: { const: "Polygon" }, coordinates: { type: "array", items: ring, minItems: 1 } }),
      object({ type: { const: "MultiPolygon" }, coordinates: { type: "array", items: { type: "array", items: ring, minItems: 1 }, minItems: 1 } }),
    ],
  },
  ActionFeature: object({
    type: { const: "Feature" },
    id: { type: "string", description: "Identifiant de l’action (slug)." },
    geometry: {
      description:
        "Un point par lieu de l’action qui a un périmètre (son centre), ou null. Les périmètres eux-mêmes sont dans /qpv et /quartiers (geometrie=true), reliés par lieux[].slug : un quartier et le quartier prioritaire qu’il contient se recouvrent, leur réunion ne serait pas un MultiPolygon valide.",
      oneOf: [object({ type: { const: "MultiPoint" }, coordinates: { type: "array", items: position, minItems: 1 } }), { type: "null" }],
    },
    properties: ref("Action"),
  }),
  ActionCollection: object({ type: { const: "FeatureCollection" }, features: arrayOf(ref("ActionFeature")) }),
  TerritoryFeature: object({
    type: { const: "Feature" },
    id: { type: "string", description: "type_territoire:code_territoire" },
    geometry: {
      description: "Le périmètre quand le territoire est un lieu du site qui en a un, sinon null (commune, métropole).",
      oneOf: [ref("Area"), { type: "null" }],
    },
    properties: object({
      type_territoire: { type: "string", enum: ["qpv", "quartier", "commune", "metropole"] },
      code_territoire: str,
      nom_territoire: str,
      lieu: nullable("string", { description: "Identifiant du lieu sur le site (voir /qpv et /quartiers), ou null." }),
      url: nullable("string", { format: "uri" }),
      indicateurs: arrayOf(object({ metric: str, libelle: str, annee: int, valeur: { type: "number" }, unite: str, source: str })),
    }),
  }),
  TerritoryCollection: object({ type: { const: "FeatureCollection" }, features: arrayOf(ref("TerritoryFeature")) }),
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
const geojson = (schema: object) => ({ "application/geo+json": { schema } });
const header = (description: string, schema: object = int) => ({ description, schema });
/** The rate-limit headers (IETF draft "RateLimit header fields for HTTP"), on every answer. */
const rateLimitHeaders = {
  "RateLimit-Limit": { $ref: "#/components/headers/RateLimit-Limit" },
  "RateLimit-Remaining": { $ref: "#/components/headers/RateLimit-Remaining" },
  "RateLimit-Reset": { $ref: "#/components/headers/RateLimit-Reset" },
};
const problem = (description: string, headers: object = {}) => ({
  description,
  headers: { ...rateLimitHeaders, ...headers },
  content: { "application/problem+json": { schema: ref("Problem") } },
});
const tooMany = () =>
  problem(`Plus de ${API_RATE_LIMIT.limit} demandes par minute depuis une même adresse.`, {
    "Retry-After": header("Secondes à attendre avant de réessayer."),
  });

function operation(o: {
  id: string;
  summary: string;
  description: string;
  query?: { properties: Record<string, ParamSchema> };
  path?: object[];
  schema: object;
  notFound?: string;
  geo?: boolean;
}) {
  return {
    get: {
      operationId: o.id,
      summary: o.summary,
      description: o.description,
      parameters: [...(o.path ?? []), ...(o.query ? queryParameters(o.query) : [])],
      responses: {
        200: {
          description: "Succès",
          headers: { ETag: { $ref: "#/components/headers/ETag" }, ...rateLimitHeaders },
          content: o.geo ? geojson(o.schema) : json(o.schema),
        },
        304: {
          description: "Non modifié : la réponse en cache du client (If-None-Match) est à jour.",
          headers: { ETag: { $ref: "#/components/headers/ETag" } },
        },
        400: problem("Paramètre inconnu ou valeur invalide ; la liste invalid-params dit lequel."),
        ...(o.notFound ? { 404: problem(o.notFound) } : {}),
        429: tooMany(),
      },
    },
  };
}

export function openApiDocument(publicUrl: string) {
  const { description: slugDescription, ...slugSchema } = slugParams.properties.slug;
  const { description: articleSlugDescription, ...articleSlugSchema } = articleParams.properties.slug;
  return {
    openapi: "3.1.0",
    info: {
      title: "API des données ouvertes de la Politique de la Ville",
      version: "1.0.0",
      description:
        "Lecture seule, sans clé ni compte. Réponses JSON en UTF-8, erreurs au format RFC 9457. Appelable depuis un autre site (CORS ouvert). " +
        `Chaque réponse porte un ETag : renvoyez-le dans If-None-Match pour recevoir 304 sans corps. Au plus ${API_RATE_LIMIT.limit} demandes par minute et par adresse (en-têtes RateLimit-*, puis 429 avec Retry-After). ` +
        `${COUNTING_RULE} Documentation en français : ` +
        `${publicUrl}/donnees/api`,
      license: { name: LICENCE.name, identifier: "etalab-2.0" },
    },
    servers: [{ url: `${publicUrl}/api/v1` }],
    // No key, no account: an empty requirement list says so (linters flag a missing one).
    security: [],
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
        notFound: "Aucune action ne porte cet identifiant.",
      }),
      "/indicateurs": operation({
        id: "listIndicators",
        summary: "Indicateurs",
        description: "Valeurs des indicateurs par territoire et par année.",
        query: indicatorQuery,
        schema: ref("IndicatorList"),
      }),
      "/actions.geojson": operation({
        id: "listActionsGeoJson",
        summary: "Actions, en GeoJSON",
        description:
          "Les actions filtrées comme /actions, toutes en une réponse (sans pages), en FeatureCollection GeoJSON (RFC 7946) : chaque action est placée par un point au centre de chacun de ses lieux qui a un périmètre (géométrie null sinon), ses propriétés sont celles de /actions.",
        query: actionGeoQuery,
        schema: ref("ActionCollection"),
        geo: true,
      }),
      "/indicateurs.geojson": operation({
        id: "listIndicatorsGeoJson",
        summary: "Indicateurs par territoire, en GeoJSON",
        description:
          "Une entité par territoire, avec son périmètre quand c’est un lieu du site (quartier prioritaire, quartier, commune associée) et toutes ses valeurs dans indicateurs.",
        query: indicatorGeoQuery,
        schema: ref("TerritoryCollection"),
        geo: true,
      }),
      "/actualites": operation({
        id: "listNews",
        summary: "Actualités",
        description:
          "Les actualités publiées, de la plus récente à la plus ancienne, par pages suivies avec un curseur (pagination.suivant) : un élément publié pendant le parcours ne décale pas les pages. Les filtres se combinent.",
        query: contentQuery,
        schema: ref("ContentList"),
      }),
      "/actualites/{slug}": operation({
        id: "getNews",
        summary: "Une actualité",
        description: "Une actualité publiée, avec son texte. Une actualité renommée répond 404 à son ancien identifiant : reprenez-le d’une liste.",
        path: [{ name: "slug", in: "path", required: true, description: articleSlugDescription, schema: articleSlugSchema }],
        query: actionDetailQuery,
        schema: ref("ArticleResponse"),
        notFound: "Aucune actualité publiée ne porte cet identifiant.",
      }),
      "/pages": operation({
        id: "listPages",
        summary: "Pages du site",
        description:
          "Les pages publiées (démarches, services, informations), de la plus récente à la plus ancienne, avec les mêmes filtres et le même curseur que /actualites.",
        query: contentQuery,
        schema: ref("ContentList"),
      }),
      "/themes": operation({
        id: "listThemes",
        summary: "Thèmes",
        description: "Les thèmes du site, dans l’ordre du menu : leurs identifiants servent de filtre theme.",
        query: themeQuery,
        schema: ref("ThemeList"),
      }),
      "/idees": operation({
        id: "listProposals",
        summary: "Idées des habitants",
        description:
          "Les idées publiées par les habitants, les conseils citoyens et les associations, avec la réponse de la ville et leur nombre de soutiens. Aucune donnée personnelle : ni auteur, ni soutien nominatif.",
        query: proposalQuery,
        schema: ref("ProposalList"),
      }),
      "/openapi.json": {
        get: {
          operationId: "getOpenApi",
          summary: "Ce document",
          description: "La description OpenAPI 3.1 de l’API.",
          responses: {
            200: { description: "Succès", headers: rateLimitHeaders, content: json({ type: "object" }) },
            429: tooMany(),
          },
        },
      },
    },
    components: {
      schemas,
      headers: {
        ETag: { description: "Version de la réponse (faible) ; à renvoyer dans If-None-Match.", schema: str },
        "RateLimit-Limit": header("Demandes permises par fenêtre d’une minute."),
        "RateLimit-Remaining": header("Demandes restantes dans la fenêtre en cours."),
        "RateLimit-Reset": header("Secondes avant la fin de la fenêtre en cours."),
      },
    },
  };
}
