import type { Crumb } from "../../../ui/components/breadcrumb.js";
import { Pagination } from "../../../ui/components/pagination.js";
import type { PageContext } from "../../../ui/context.js";
import { Layout } from "../../../ui/layout.js";
import { formatNumber } from "../../../lib/format.js";
import { STATUS_LABELS } from "../../policy/index.js";
import {
  type ActiveFilter,
  type FacetLink,
  type HitView,
  type Segment,
  TYPE_LABELS,
  activeFilters,
  kindFacets,
  presentHit,
  searchHref,
  searchParams,
} from "../present.js";
import type { SearchResult, TypeParam } from "../service.js";
import { QUERY_MAX_LENGTH } from "../query.js";

function Marked({ parts }: { parts: Segment[] }) {
  return <>{parts.map((p) => (p.mark ? <mark>{p.text}</mark> : p.text))}</>;
}

function Select(props: { name: string; label: string; value: string | null; options: Array<{ value: string; label: string }>; all?: string }) {
  return (
    <div class="field">
      <label for={`recherche-${props.name}`} class="field__label">
        {props.label}
      </label>
      <select id={`recherche-${props.name}`} name={props.name} class="field__input">
        <option value="">{props.all ?? "Tous"}</option>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function DateField(props: { name: string; label: string; value: string | null }) {
  return (
    <div class="field">
      <label for={`recherche-${props.name}`} class="field__label">
        {props.label}
      </label>
      <input id={`recherche-${props.name}`} name={props.name} type="date" class="field__input" value={props.value ?? ""} />
    </div>
  );
}

function Hit({ hit, level = 2 }: { hit: HitView; level?: 2 | 3 }) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <li class="search-hit">
      <p class="search-hit__kind">
        {hit.kindLabel}
        {hit.statusLabel ? ` · ${hit.statusLabel}` : null}
        {hit.dateLabel ? (
          <>
            {" · "}
            <time datetime={hit.dateIso ?? undefined}>{hit.dateLabel}</time>
          </>
        ) : null}
      </p>
      <Heading class="search-hit__title">
        <a href={hit.href}>{hit.title}</a>
      </Heading>
      {hit.excerpt.length ? (
        <p class="search-hit__excerpt">
          <Marked parts={hit.excerpt} />
        </p>
      ) : null}
    </li>
  );
}

function Facets({ links }: { links: FacetLink[] }) {
  return (
    <nav class="search-facets" aria-label="Type de résultat">
      <ul>
        {links.map((l) => (
          <li>
            <a href={l.href} aria-current={l.current ? "page" : undefined}>
              {l.label}
              {l.count === null ? null : (
                <>
                  {" "}
                  <span class="search-facets__count">({formatNumber(l.count)})</span>
                </>
              )}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Active({ filters, clearHref }: { filters: ActiveFilter[]; clearHref: string }) {
  if (filters.length === 0) return null;
  return (
    <div class="search-active">
      <p class="search-active__title">Filtres appliqués :</p>
      <ul class="search-active__list">
        {filters.map((f) => (
          <li>
            {f.label}{" "}
            <a href={f.removeHref}>
              retirer<span class="sr-only"> le filtre {f.label}</span>
            </a>
          </li>
        ))}
      </ul>
      <p>
        <a href={clearHref}>Retirer tous les filtres</a>
      </p>
    </div>
  );
}

function Help({ result }: { result: SearchResult }) {
  return (
    <p>
      Vérifiez l’orthographe, essayez un mot plus général ou retirez des filtres. Vous pouvez aussi parcourir les <a href="/themes">thèmes</a>, les{" "}
      <a href="/quartiers">quartiers</a>, les <a href="/actualites">actualités</a> et les{" "}
      <a href="/politique-de-la-ville/actions">actions de la politique de la ville</a>.
      {result.options.themes.length ? (
        <>
          {" "}
          Thèmes :{" "}
          {result.options.themes.slice(0, 8).map((t, i) => (
            <>
              {i > 0 ? ", " : null}
              <a href={`/themes/${t.slug}`}>{t.name}</a>
            </>
          ))}
          .
        </>
      ) : null}
    </p>
  );
}

export function SearchPage({ ctx, result }: { ctx: PageContext; result: SearchResult }) {
  const { query, filters, options, outcome } = result;
  const crumbs: Crumb[] = [{ label: "Accueil", href: "/" }, { label: "Recherche" }];
  const title = query ? `Recherche : ${query}` : "Recherche";
  const params = searchParams(query, filters);
  const active = activeFilters(query, filters);
  const typeOptions = (Object.keys(TYPE_LABELS) as TypeParam[]).map((t) => ({ value: t, label: TYPE_LABELS[t] }));
  return (
    <Layout
      ctx={ctx}
      breadcrumb={crumbs}
      meta={{ title, description: `Rechercher sur le site de ${ctx.site.name}.`, canonicalPath: "/recherche", noindex: true }}
    >
      <h1>Recherche</h1>
      {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is not yet announced as a landmark by every screen reader; <form role="search"> is */}
      <form class="search-page__form" action="/recherche" method="get" role="search">
        <label for="recherche-page">Rechercher des actualités, des pages, des actions et des idées</label>
        <div class="input-group">
          <input id="recherche-page" name="q" type="search" value={query} maxLength={QUERY_MAX_LENGTH} aria-describedby="recherche-aide" />
          <button type="submit" class="button">
            Rechercher
          </button>
        </div>
        <p id="recherche-aide" class="hint">
          Mettez une expression entre guillemets ("jardin partagé") ; excluez un mot avec un signe moins (-travaux).
        </p>
        <fieldset class="filters search-filters">
          <legend>Affiner la recherche</legend>
          <Select name="type" label="Type" value={filters.type} options={typeOptions} />
          <Select name="theme" label="Thème" value={filters.theme?.slug ?? null} options={options.themes.map((t) => ({ value: t.slug, label: t.name }))} />
          <Select
            name="quartier"
            label="Quartier"
            value={filters.quartier?.slug ?? null}
            options={options.quartiers.map((t) => ({ value: t.slug, label: t.name }))}
          />
          <Select
            name="qpv"
            label="Quartier prioritaire (QPV)"
            value={filters.qpv?.slug ?? null}
            options={options.qpvs.map((t) => ({ value: t.slug, label: t.name }))}
          />
          <DateField name="du" label="Depuis le" value={filters.du} />
          <DateField name="au" label="Jusqu’au" value={filters.au} />
          <Select
            name="statut"
            label="État d’une action"
            value={filters.statut}
            options={options.statuses.map((s) => ({ value: s, label: STATUS_LABELS[s] ?? s }))}
          />
          <div class="filters__actions">
            <button type="submit" class="button button--secondary">
              Appliquer les filtres
            </button>
          </div>
        </fieldset>
      </form>
      {result.ignoredDates.length ? (
        <p class="hint" role="status">
          {result.ignoredDates.length === 1 ? "Cette date n’existe pas et a été ignorée" : "Ces dates n’existent pas et ont été ignorées"} :{" "}
          {result.ignoredDates.map((d) => d.slice(0, 20)).join(", ")}.
        </p>
      ) : null}
      <Active filters={active} clearHref={searchHref({ q: query || undefined })} />
      {outcome.state === "no-terms" ? (
        <div class="empty" role="status">
          <p>Indiquez au moins un mot à rechercher : les mots précédés d’un signe moins sont seulement exclus.</p>
          <Help result={result} />
        </div>
      ) : outcome.state === "stop-words" ? (
        <div class="empty" role="status">
          <p>« {query} » ne contient que des mots trop courants pour être recherchés. Ajoutez un mot plus précis.</p>
          <Help result={result} />
        </div>
      ) : outcome.state === "none" ? (
        <>
          <Facets links={kindFacets(query, filters, outcome.counts)} />
          <div class="empty" role="status">
            <p>
              Aucun résultat pour « {query} »{active.length ? " avec ces filtres" : ""}.
            </p>
            {outcome.suggestion ? (
              <p class="search-suggestion">
                Essayez avec : <a href={searchHref({ ...params, q: outcome.suggestion })}>{outcome.suggestion}</a>
              </p>
            ) : null}
            <Help result={result} />
          </div>
          {outcome.similar.length ? (
            <section aria-labelledby="titres-proches">
              <h2 id="titres-proches">Des titres proches de votre recherche</h2>
              <ul class="search-hits">
                {outcome.similar.map((row) => (
                  <Hit hit={presentHit(row)} level={3} />
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : outcome.state === "results" ? (
        <>
          <Facets links={kindFacets(query, filters, outcome.counts)} />
          <p class="result-count" role="status">
            {outcome.capped
              ? `Plus de ${formatNumber(outcome.cap)} résultats`
              : outcome.total === 1
                ? "1 résultat"
                : `${formatNumber(outcome.total)} résultats`}{" "}
            pour « {query} »{outcome.pageCount > 1 ? `, page ${outcome.page} sur ${outcome.pageCount}` : ""}
          </p>
          {outcome.capped ? (
            <p class="hint">Les plus pertinents parmi les plus récents sont affichés en premier : ajoutez un mot ou un filtre pour préciser la recherche.</p>
          ) : null}
          <ul class="search-hits">
            {outcome.hits.map((row) => (
              <Hit hit={presentHit(row)} />
            ))}
          </ul>
          <Pagination page={outcome.page} pageCount={outcome.pageCount} href={(n) => searchHref(params, n)} />
        </>
      ) : null}
    </Layout>
  );
}
