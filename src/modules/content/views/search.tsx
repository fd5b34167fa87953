import type { PageContext } from "../../../ui/context.js";
import type { Crumb } from "../../../ui/components/breadcrumb.js";
import { CardGrid } from "../../../ui/components/card.js";
import { Pagination } from "../../../ui/components/pagination.js";
import { Layout } from "../../../ui/layout.js";
import { formatNumber } from "../../../lib/format.js";
import type { CardView } from "../../../ui/view-models.js";
import { pageHref } from "../paging.js";

export function SearchPage(props: { ctx: PageContext; query: string; cards: CardView[]; page: number; pageCount: number; total: number }) {
  const { ctx, query } = props;
  const crumbs: Crumb[] = [{ label: "Accueil", href: "/" }, { label: "Recherche" }];
  const title = query ? `Recherche : ${query}` : "Recherche";
  return (
    <Layout
      ctx={ctx}
      breadcrumb={crumbs}
      meta={{ title, description: `Rechercher sur le site de ${ctx.site.name}.`, canonicalPath: "/recherche", noindex: true }}
    >
      <h1>Recherche</h1>
      {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is not yet announced as a landmark by every screen reader; <form role="search"> is */}
      <form class="search-page__form" action="/recherche" method="get" role="search">
        <label for="recherche-page">Rechercher des actualités et des pages</label>
        <div class="input-group">
          <input id="recherche-page" name="q" type="search" value={query} maxLength={200} />
          <button type="submit" class="button">
            Rechercher
          </button>
        </div>
      </form>
      {query ? (
        props.total > 0 ? (
          <>
            <p class="result-count" role="status">
              {props.total === 1 ? "1 résultat" : `${formatNumber(props.total)} résultats`} pour « {query} »
            </p>
            <CardGrid cards={props.cards} headingLevel={2} />
            <Pagination page={props.page} pageCount={props.pageCount} href={pageHref("/recherche", { q: query })} />
          </>
        ) : (
          <div class="empty" role="status">
            <p>Aucun résultat pour « {query} ».</p>
            <p>
              Vérifiez l’orthographe, essayez un mot plus général, ou parcourez les <a href="/themes">thèmes</a> et les <a href="/quartiers">quartiers</a>.
            </p>
          </div>
        )
      ) : null}
    </Layout>
  );
}
