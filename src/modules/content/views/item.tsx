import type { ComponentChildren } from "preact";
import type { PageContext } from "../../../ui/context.js";
import type { Crumb } from "../../../ui/components/breadcrumb.js";
import { CardGrid } from "../../../ui/components/card.js";
import { FavouriteButton } from "../../../ui/components/favourite.js";
import { Figure } from "../../../ui/components/picture.js";
import { ShareBlock } from "../../../ui/components/share.js";
import { absoluteUrl, Layout } from "../../../ui/layout.js";
import { breadcrumbJsonLd, organization, webPageJsonLd } from "../../../ui/seo.js";
import { formatDate, isoDay } from "../../../lib/format.js";
import type { ItemView } from "../service.js";

const HERO_SIZES = "(min-width: 62em) 46rem, 94vw";

export function itemCrumbs(item: ItemView): Crumb[] {
  const crumbs: Crumb[] = [{ label: "Accueil", href: "/" }];
  if (item.kind === "article") crumbs.push({ label: "Actualités", href: "/actualites" });
  for (const a of item.ancestors) crumbs.push({ label: a.title, href: a.path });
  crumbs.push({ label: item.title });
  return crumbs;
}

function structuredData(ctx: PageContext, item: ItemView, crumbs: Crumb[]): object[] {
  const url = absoluteUrl(ctx, item.path);
  const main =
    item.kind === "article"
      ? {
          "@context": "https://schema.org",
          "@type": "NewsArticle",
          headline: item.title,
          description: item.description,
          url,
          mainEntityOfPage: url,
          inLanguage: "fr-FR",
          datePublished: item.publishedAt?.toISOString(),
          dateModified: item.updatedAt.toISOString(),
          image: item.hero ? [absoluteUrl(ctx, item.hero.fallbackSrc)] : undefined,
          author: organization(ctx),
          publisher: organization(ctx),
          articleSection: item.tags[0]?.name,
          keywords: item.tags.map((t) => t.name).join(", ") || undefined,
        }
      : webPageJsonLd(ctx, { title: item.title, description: item.description, path: item.path });
  return [main, breadcrumbJsonLd(ctx, crumbs, item.path)];
}

/**
 * `preview`: the page is shown to staff or to a preview-link holder before or outside
 * publication; a banner says so (with the status) and the page asks not to be indexed.
 */
export function ItemPage({ ctx, item, preview, comments }: { ctx: PageContext; item: ItemView; preview?: { status: string }; comments?: ComponentChildren }) {
  const crumbs = itemCrumbs(item);
  const shareUrl = absoluteUrl(ctx, item.path);
  return (
    <Layout
      ctx={ctx}
      breadcrumb={crumbs}
      meta={{
        title: item.title,
        description: item.description,
        canonicalPath: item.path,
        ogType: item.kind === "article" ? "article" : "website",
        image: item.hero ? { url: item.hero.fallbackSrc, alt: item.hero.alt, width: item.hero.width, height: item.hero.height } : null,
        jsonLd: structuredData(ctx, item, crumbs),
        publishedTime: item.kind === "article" ? item.publishedAt?.toISOString() : undefined,
        modifiedTime: item.kind === "article" ? item.updatedAt.toISOString() : undefined,
        noindex: preview ? true : undefined,
      }}
    >
      {preview ? (
        <div class="notice notice--warning preview-banner" role="note" aria-label="Aperçu">
          <p>
            <strong>Aperçu</strong> de la dernière version enregistrée (statut : {preview.status}). Les visiteurs du site ne voient pas cette version tant
            qu’elle n’est pas publiée.
          </p>
        </div>
      ) : null}
      <article class="item" aria-labelledby="titre-contenu">
        <header class="item__header">
          {item.tags.length > 0 ? (
            <ul class="chip-list" aria-label="Thèmes">
              {item.tags.map((t) => (
                <li>
                  <a class={`tag tag--${t.slug}`} href={t.href}>
                    {t.name}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
          <h1 id="titre-contenu">{item.title}</h1>
          {item.standfirst ? <p class="item__standfirst">{item.standfirst}</p> : null}
          <div class="item__meta">
            {item.kind === "article" && item.publishedAt ? (
              <p class="item__date">
                Publié le <time dateTime={isoDay(item.publishedAt)}>{formatDate(item.publishedAt)}</time>
              </p>
            ) : (
              <p class="item__date">
                Mis à jour le <time dateTime={isoDay(item.updatedAt)}>{formatDate(item.updatedAt)}</time>
              </p>
            )}
            {item.places.length > 0 ? (
              <p class="item__places">
                <span class="item__places-label">Quartiers : </span>
                {item.places.map((p, i) => (
                  <>
                    {i > 0 ? ", " : null}
                    <a href={p.href}>{p.name}</a>
                  </>
                ))}
              </p>
            ) : null}
          </div>
          <div class="item__actions">
            <FavouriteButton contentId={item.id} returnTo={item.path} title={item.title} />
          </div>
        </header>
        {item.hero ? <Figure image={item.hero} sizes={HERO_SIZES} eager /> : null}
        <div class="prose" dangerouslySetInnerHTML={{ __html: item.bodyHtml }} />
        {item.children.length > 0 ? (
          <section class="section" aria-labelledby="sous-pages">
            <h2 id="sous-pages">Dans cette rubrique</h2>
            <CardGrid cards={item.children} />
          </section>
        ) : null}
        <ShareBlock url={shareUrl} title={item.title} id="partage" />
      </article>
      {item.related.length > 0 ? (
        <section class="section related" aria-labelledby="lire-aussi">
          <h2 id="lire-aussi">Lire aussi</h2>
          <CardGrid cards={item.related} />
        </section>
      ) : null}
      {comments}
    </Layout>
  );
}
