import type { PageContext } from "../../../ui/context.js";
import type { Crumb } from "../../../ui/components/breadcrumb.js";
import { absoluteUrl, Layout } from "../../../ui/layout.js";
import { breadcrumbJsonLd, organization, webPageJsonLd } from "../../../ui/seo.js";
import { formatDate, isoDay } from "../../../lib/format.js";
import { LICENCE, LIST_SEPARATOR } from "../present.js";
import type { DatasetView } from "../service.js";

const MIME = { CSV: "text/csv", GeoJSON: "application/geo+json", JSON: "application/json" } as const;

/** schema.org Dataset, so that dataset search engines list each one with its files and licence. */
function datasetJsonLd(ctx: PageContext, d: DatasetView): object {
  return {
    "@context": "https://schema.org",
    "@type": "Dataset",
    name: d.title,
    description: d.description,
    url: absoluteUrl(ctx, `/donnees#${d.id}`),
    license: LICENCE.url,
    isAccessibleForFree: true,
    inLanguage: "fr-FR",
    creator: organization(ctx),
    ...(d.updatedAt ? { dateModified: d.updatedAt.toISOString() } : {}),
    distribution: d.downloads.map((f) => ({ "@type": "DataDownload", name: f.label, encodingFormat: MIME[f.format], contentUrl: absoluteUrl(ctx, f.href) })),
  };
}

function Dataset({ d }: { d: DatasetView }) {
  return (
    <section class="section" aria-labelledby={d.id}>
      <h2 id={d.id}>{d.title}</h2>
      <p>{d.description}</p>
      <ul>
        <li>
          Licence : <a href={LICENCE.url}>{LICENCE.name}</a>
        </li>
        <li>Dernière mise à jour : {d.updatedAt ? <time datetime={isoDay(d.updatedAt)}>{formatDate(d.updatedAt)}</time> : "non renseignée"}</li>
        <li>Contenu : {d.rowsLabel}</li>
      </ul>
      <h3>Télécharger</h3>
      <ul class="link-list">
        {d.downloads.map((f) => (
          <li>
            <a href={f.href}>
              {f.label} ({f.format})
            </a>
          </li>
        ))}
      </ul>
      <p>
        Dans l’API :{" "}
        <a href={d.apiPath}>
          <code>GET {d.apiPath}</code>
        </a>
      </p>
    </section>
  );
}

export function DatasetsPage({ ctx, data }: { ctx: PageContext; data: { datasets: DatasetView[]; hasExamples: boolean } }) {
  const crumbs: Crumb[] = [{ label: "Accueil", href: "/" }, { label: "Données ouvertes" }];
  const description = `Les données de la Politique de la Ville de ${ctx.site.name} à télécharger et à réutiliser librement : quartiers prioritaires, quartiers, actions et financements, indicateurs.`;
  return (
    <Layout
      ctx={ctx}
      breadcrumb={crumbs}
      meta={{
        title: "Données ouvertes",
        description,
        canonicalPath: "/donnees",
        jsonLd: [
          webPageJsonLd(ctx, { title: "Données ouvertes", description, path: "/donnees" }),
          breadcrumbJsonLd(ctx, crumbs, "/donnees"),
          ...data.datasets.map((d) => datasetJsonLd(ctx, d)),
        ],
      }}
    >
      <h1>Données ouvertes</h1>
      <p class="lead">
        Les données publiées sur ce site sont ouvertes : vous pouvez les télécharger, les copier, les modifier et les réutiliser librement, y compris dans un
        but commercial, à condition de citer la source ({ctx.site.name}) et la date de la dernière mise à jour.
      </p>
      <p>
        Elles sont publiées sous la <a href={LICENCE.url}>{LICENCE.name}</a> d’Etalab. Les fichiers sont mis à jour en même temps que le site. Les développeurs
        peuvent aussi les interroger par <a href="/donnees/api">l’API de données ouvertes</a>.
      </p>
      {data.hasExamples ? (
        <div class="notice notice--warning">
          <p>
            <strong>Données de démonstration.</strong> Une partie des actions et des montants sont des exemples, pas le bilan réel de la collectivité : ils sont
            marqués <code>exemple = true</code> dans les fichiers.
          </p>
        </div>
      ) : null}

      {data.datasets.map((d) => (
        <Dataset d={d} />
      ))}

      <section class="section" aria-labelledby="formats">
        <h2 id="formats">Formats des fichiers</h2>
        <ul>
          <li>
            <strong>CSV</strong> : encodage UTF-8 (avec l’en-tête BOM, pour que les tableurs affichent les accents), séparateur virgule, une ligne d’en-tête
            avec le nom des colonnes (norme RFC 4180).
          </li>
          <li>
            Les <strong>nombres</strong> utilisent le <strong>point</strong> comme séparateur décimal (<code>12000.5</code>) et aucun séparateur de milliers,
            pour être lus sans erreur par les programmes. Dans un tableur en français, importez le fichier en indiquant le point comme séparateur décimal.
          </li>
          <li>
            Les <strong>dates</strong> sont au format <code>AAAA-MM-JJ</code>, les dates de mise à jour au format ISO 8601 en temps universel.
          </li>
          <li>
            Quand une cellule contient plusieurs valeurs (partenaires, quartiers), elles sont séparées par une barre verticale entourée d’espaces :{" "}
            <code>{`Mission locale${LIST_SEPARATOR}Centre social`}</code>.
          </li>
          <li>
            Les valeurs oui/non s’écrivent <code>true</code> et <code>false</code>. Par sécurité, une valeur texte qui commence par <code>=</code>,{" "}
            <code>+</code>, <code>-</code> ou <code>@</code> est précédée d’une apostrophe, pour qu’un tableur ne l’exécute pas comme une formule.
          </li>
          <li>
            <strong>GeoJSON</strong> : norme RFC 7946, coordonnées en longitude et latitude (WGS 84). Un lieu dont le périmètre n’est pas encore chargé figure
            quand même dans le fichier, avec une géométrie vide (<code>null</code>).
          </li>
        </ul>
      </section>

      <section class="section" aria-labelledby="api">
        <h2 id="api">API</h2>
        <p>
          Les mêmes données sont disponibles en JSON, avec des filtres et une pagination : lisez <a href="/donnees/api">la documentation de l’API</a> ou sa
          description technique au format <a href="/api/v1/openapi.json">OpenAPI 3.1</a>.
        </p>
      </section>
    </Layout>
  );
}
