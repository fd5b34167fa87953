// The API explained in plain French, with examples. No Swagger UI: it would load third-party
// scripts, which our Content-Security-Policy refuses; the OpenAPI file serves the tools.
import type { ComponentChildren } from "preact";
import type { PageContext } from "../../../ui/context.js";
import type { Crumb } from "../../../ui/components/breadcrumb.js";
import { Layout } from "../../../ui/layout.js";
import { breadcrumbJsonLd, webPageJsonLd } from "../../../ui/seo.js";
import {
  API_RATE_LIMIT,
  actionGeoQuery,
  actionQuery,
  contentQuery,
  indicatorGeoQuery,
  indicatorQuery,
  PAGE_SIZE_MAX,
  placeQuery,
  type ParamSchema,
} from "../api-schemas.js";
import { LICENCE } from "../present.js";

function Params({ schema }: { schema: { properties: Record<string, ParamSchema> } }) {
  return (
    <table class="table">
      <caption class="sr-only">Paramètres</caption>
      <thead>
        <tr>
          <th scope="col">Paramètre</th>
          <th scope="col">Signification</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(schema.properties).map(([name, s]) => (
          <tr>
            <th scope="row">
              <code>{name}</code>
            </th>
            <td>
              {s.description}
              {s.default !== undefined ? ` Par défaut : ${String(s.default)}.` : ""}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Endpoint(props: { id: string; path: string; title: string; children: ComponentChildren }) {
  return (
    <section class="section" aria-labelledby={props.id}>
      <h2 id={props.id}>
        <code>GET {props.path}</code> : {props.title}
      </h2>
      {props.children}
    </section>
  );
}

const actionExample = `{
  "data": [
    {
      "slug": "chantier-insertion-jardins",
      "titre": "Chantier d’insertion des jardins partagés",
      "statut": "in_progress",
      "statut_libelle": "En cours",
      "avancement": 40,
      "date_debut": "2024-03-01",
      "porteur": { "slug": "centre-social", "nom": "Centre social" },
      "lieux": [{ "slug": "secteur-sud", "nom": "Secteur Sud", "type": "qpv", "code": "QN05972M" }],
      "financement_total": 20000.5,
      "compte_dans_les_totaux": true,
      "exemple": false,
      …
    }
  ],
  "pagination": { "page": 1, "par_page": 5, "total": 12, "pages": 3 }
}`;

const errorExample = `HTTP/1.1 400 Bad Request
Content-Type: application/problem+json; charset=utf-8

{
  "type": "about:blank",
  "title": "Demande incorrecte",
  "status": 400,
  "detail": "Un paramètre de la demande est inconnu ou sa valeur n’est pas acceptée.",
  "invalid-params": [{ "name": "par_page", "reason": "doit être inférieur ou égal à ${PAGE_SIZE_MAX}" }]
}`;

export function ApiDocPage({ ctx }: { ctx: PageContext }) {
  const base = `${ctx.publicUrl}/api/v1`;
  const crumbs: Crumb[] = [{ label: "Accueil", href: "/" }, { label: "Données ouvertes", href: "/donnees" }, { label: "API" }];
  const description = "Interroger les données ouvertes de la Politique de la Ville en JSON : adresses, filtres, pagination, erreurs, exemples.";
  const fetchExample = `const reponse = await fetch("${base}/actions?quartier=secteur-sud&statut=in_progress");
const { data, pagination } = await reponse.json();
console.log(pagination.total, "actions en cours");`;
  return (
    <Layout
      ctx={ctx}
      breadcrumb={crumbs}
      meta={{
        title: "API de données ouvertes",
        description,
        canonicalPath: "/donnees/api",
        jsonLd: [webPageJsonLd(ctx, { title: "API de données ouvertes", description, path: "/donnees/api" }), breadcrumbJsonLd(ctx, crumbs, "/donnees/api")],
      }}
    >
      <h1>API de données ouvertes</h1>
      <p class="lead">
        L’API donne les mêmes données que les <a href="/donnees">fichiers téléchargeables</a>, au format JSON, avec des filtres. Elle est en lecture seule,
        gratuite, sans clé ni inscription.
      </p>
      <ul>
        <li>
          Adresse de base : <code>{base}</code>
        </li>
        <li>Réponses en JSON, encodées en UTF-8 ; les noms des champs sont en français.</li>
        <li>
          Appelable depuis le navigateur sur n’importe quel site (en-tête <code>Access-Control-Allow-Origin: *</code>).
        </li>
        <li>Les réponses peuvent être gardées en cache 5 minutes : une modification sur le site peut mettre ce temps à apparaître.</li>
        <li>
          Chaque réponse porte un en-tête <code>ETag</code> : renvoyez-le dans <code>If-None-Match</code> et une réponse inchangée arrive vide (304).
        </li>
        <li>
          Au plus {API_RATE_LIMIT.limit} appels par minute et par adresse IP ; les en-têtes <code>RateLimit-Remaining</code> et <code>RateLimit-Reset</code>{" "}
          disent où vous en êtes. Au-delà, la réponse est une erreur 429 avec <code>Retry-After</code>.
        </li>
        <li>
          Licence : <a href={LICENCE.url}>{LICENCE.name}</a>. Citez la source ({ctx.site.name}).
        </li>
        <li>
          Description technique pour les outils (générateurs de clients, Postman…) : <a href="/api/v1/openapi.json">openapi.json</a> (OpenAPI 3.1).
        </li>
      </ul>

      <section class="section" aria-labelledby="regle-comptage">
        <h2 id="regle-comptage">Les actions abandonnées dans les totaux</h2>
        <p>
          Comme sur la page <a href="/politique-de-la-ville">Politique de la Ville</a>, les actions abandonnées (<code>statut</code> : <code>cancelled</code>)
          restent listées et sont comptées à part : leurs financements ne sont inclus dans aucun montant total, ni leur avancement dans aucun pourcentage.
          Chaque action porte le champ <code>compte_dans_les_totaux</code> (<code>false</code> pour une action abandonnée) : la somme des{" "}
          <code>financement_total</code> des actions où il vaut <code>true</code> donne les totaux publiés, que <code>/api/v1/contrats</code> donne directement.
          Le fichier <a href="/donnees/financements.csv">financements.csv</a> a la même colonne pour chaque ligne de financement.
        </p>
      </section>

      <Endpoint id="contrats" path="/api/v1/contrats" title="les contrats et leurs chiffres">
        <p>
          Chaque contrat de ville avec ses priorités : nombre d’actions (<code>actions</code>, dont <code>actions_abandonnees</code>), financement total,
          financements par financeur et avancement, calculés comme sur la page Politique de la Ville. Pas de paramètre.
        </p>
        <pre>
          <code>{`curl "${base}/contrats"`}</code>
        </pre>
      </Endpoint>

      <Endpoint id="qpv" path="/api/v1/qpv" title="les quartiers prioritaires">
        <p>Tous les quartiers prioritaires, avec leur code national, leurs communes, leur population et l’adresse de leur page.</p>
        <Params schema={placeQuery} />
        <pre>
          <code>{`curl "${base}/qpv?geometrie=true"`}</code>
        </pre>
      </Endpoint>

      <Endpoint id="quartiers" path="/api/v1/quartiers" title="les quartiers">
        <p>
          Les quartiers et les communes associées (champ <code>type</code> : <code>quartier</code> ou <code>commune</code>). Mêmes champs et même paramètre que
          pour les quartiers prioritaires.
        </p>
      </Endpoint>

      <Endpoint id="actions" path="/api/v1/actions" title="les actions">
        <p>
          Les actions du contrat de ville, avec les mêmes filtres que la page <a href="/politique-de-la-ville/actions">Les actions</a>. Les filtres se combinent
          ; les identifiants (priorité, quartier, organisation) sont ceux qui figurent dans les adresses du site.
        </p>
        <Params schema={actionQuery} />
        <p>Exemple : les actions en cours, 5 par page.</p>
        <pre>
          <code>{`curl "${base}/actions?statut=in_progress&par_page=5"`}</code>
        </pre>
        <pre>
          <code>{actionExample}</code>
        </pre>
        <p>
          <strong>Pagination</strong> : <code>pagination.total</code> donne le nombre de résultats et <code>pagination.pages</code> le nombre de pages ;
          demandez la suivante avec <code>page=2</code>, et ainsi de suite. Au-delà de la dernière page, la liste <code>data</code> est vide. Pour tout
          récupérer d’un coup, téléchargez plutôt <a href="/donnees/actions.json">actions.json</a>.
        </p>
        <p>Depuis une page web, en JavaScript :</p>
        <pre>
          <code>{fetchExample}</code>
        </pre>
      </Endpoint>

      <Endpoint id="action" path="/api/v1/actions/{slug}" title="une action">
        <p>
          Une action et tout son détail : lignes de financement (<code>financements</code>), étapes (<code>etapes</code>), partenaires et lieux. L’identifiant
          est la fin de l’adresse de sa page : pour <code>/politique-de-la-ville/actions/chantier-insertion-jardins</code>, c’est{" "}
          <code>chantier-insertion-jardins</code>. Une action inconnue donne une erreur 404.
        </p>
        <pre>
          <code>{`curl "${base}/actions/chantier-insertion-jardins"`}</code>
        </pre>
      </Endpoint>

      <Endpoint id="indicateurs" path="/api/v1/indicateurs" title="les indicateurs">
        <p>Les valeurs des indicateurs, par territoire et par année.</p>
        <Params schema={indicatorQuery} />
        <pre>
          <code>{`curl "${base}/indicateurs?territoire=QN05971M"`}</code>
        </pre>
      </Endpoint>

      <Endpoint id="actualites" path="/api/v1/actualites" title="les actualités">
        <p>
          Les articles publiés, du plus récent au plus ancien, avec leur chapô, leur adresse, leurs thèmes, leurs lieux et leur image. Les filtres se combinent
          ; <code>q</code> cherche comme la recherche du site (sans tenir compte des accents). Les dates sont des jours, heure de Paris, bornes comprises.
        </p>
        <Params schema={contentQuery} />
        <p>
          <strong>Pagination par curseur</strong> : <code>pagination.suivant</code> donne l’adresse complète de la page suivante (<code>null</code> sur la
          dernière). Suivre ces liens parcourt chaque article une fois, même si d’autres sont publiés entre-temps.
        </p>
        <pre>
          <code>{`curl "${base}/actualites?theme=emploi&depuis=2026-01-01&par_page=20"`}</code>
        </pre>
        <p>
          Un article et son texte complet (<code>corps_html</code>) : <code>GET /api/v1/actualites/{"{slug}"}</code>.
        </p>
      </Endpoint>

      <Endpoint id="pages" path="/api/v1/pages" title="les pages">
        <p>Les pages institutionnelles publiées, avec les mêmes paramètres et la même pagination que les actualités.</p>
      </Endpoint>

      <Endpoint id="themes" path="/api/v1/themes" title="les thèmes">
        <p>Les thèmes du site (Emploi, Commerces…), avec leur identifiant, leur description et l’adresse de leur page. Pas de paramètre.</p>
      </Endpoint>

      <Endpoint id="geojson" path="/api/v1/actions.geojson" title="les actions sur une carte">
        <p>
          Les actions au format GeoJSON (<code>application/geo+json</code>), pour un logiciel de cartographie : chaque action est un ensemble de points, un au
          centre de chacun de ses lieux. Les contours des lieux sont dans <code>/api/v1/qpv</code> et <code>/api/v1/quartiers?geometrie=true</code>. Mêmes
          filtres que <code>/api/v1/actions</code>, sans pagination.
        </p>
        <Params schema={actionGeoQuery} />
        <p>
          Les indicateurs par territoire, avec le contour du territoire quand il est connu : <code>GET /api/v1/indicateurs.geojson</code>.
        </p>
        <Params schema={indicatorGeoQuery} />
      </Endpoint>

      <section class="section" aria-labelledby="erreurs">
        <h2 id="erreurs">Erreurs</h2>
        <p>
          Une erreur répond avec un code HTTP (400 pour un paramètre inconnu ou une valeur refusée, 404 pour une action ou un article inconnu, 429 au-delà de la
          limite d’appels, 500 pour un incident de notre côté) et une explication en français au format « problem details » (RFC 9457). Un paramètre mal
          orthographié est refusé plutôt qu’ignoré, pour que vous ne preniez pas une liste non filtrée pour la bonne réponse.
        </p>
        <pre>
          <code>{errorExample}</code>
        </pre>
      </section>
    </Layout>
  );
}
