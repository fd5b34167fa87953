import type { ComponentChildren } from "preact";
import type { PageContext } from "../../../ui/context.js";
import type { Crumb } from "../../../ui/components/breadcrumb.js";
import { CardGrid } from "../../../ui/components/card.js";
import { Pagination } from "../../../ui/components/pagination.js";
import { Layout, type SeoMeta } from "../../../ui/layout.js";
import { breadcrumbJsonLd, webPageJsonLd } from "../../../ui/seo.js";
import { formatNumber } from "../../../lib/format.js";
import type { Listing } from "../service.js";
import { pageHref } from "../paging.js";

/** A titled, paginated list of cards: news, a theme, a neighbourhood. */
export function ListingPage(props: {
  ctx: PageContext;
  title: string;
  intro?: string;
  description: string;
  basePath: string;
  crumbs: Crumb[];
  listing: Listing;
  empty: string;
  /** The page's feeds, announced in its head (SeoMeta.alternates). */
  alternates?: SeoMeta["alternates"];
  children?: ComponentChildren;
}) {
  const { ctx, listing } = props;
  const href = pageHref(props.basePath);
  const canonicalPath = href(listing.page);
  const title = listing.page > 1 ? `${props.title} – page ${listing.page} sur ${listing.pageCount}` : props.title;
  return (
    <Layout
      ctx={ctx}
      breadcrumb={props.crumbs}
      meta={{
        title,
        description: props.description,
        canonicalPath,
        alternates: props.alternates,
        jsonLd: [webPageJsonLd(ctx, { title, description: props.description, path: canonicalPath }), breadcrumbJsonLd(ctx, props.crumbs, canonicalPath)],
      }}
    >
      <h1>{props.title}</h1>
      {props.intro ? <p class="lead">{props.intro}</p> : null}
      {props.children}
      {listing.total > 0 ? (
        <>
          <p class="result-count">
            {listing.total === 1 ? "1 contenu" : `${formatNumber(listing.total)} contenus`}
            {listing.pageCount > 1 ? `, page ${listing.page} sur ${listing.pageCount}` : ""}
          </p>
          <CardGrid cards={listing.cards} headingLevel={2} />
          <Pagination page={listing.page} pageCount={listing.pageCount} href={href} />
        </>
      ) : (
        <p class="empty">{props.empty}</p>
      )}
    </Layout>
  );
}
