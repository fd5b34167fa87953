import type { ComponentChildren } from "preact";
import type { PageContext } from "./context.js";
import { Breadcrumb, type Crumb } from "./components/breadcrumb.js";
import { signInHref } from "../lib/return-path.js";
import { ViewerContext } from "./viewer.js";

export interface SeoMeta {
  title: string; // page title without the site name
  description: string;
  /** Path of the canonical URL ("/actualites/x"); made absolute with PUBLIC_URL. */
  canonicalPath: string;
  ogType?: "website" | "article";
  image?: { url: string; alt: string; width: number; height: number } | null;
  jsonLd?: object[];
  noindex?: boolean;
  publishedTime?: string;
  modifiedTime?: string;
  /** Other formats of this page, e.g. its RSS and Atom feeds: `<link rel="alternate">` (href a path). */
  alternates?: readonly { type: string; title: string; href: string }[];
}

export function absoluteUrl(ctx: PageContext, path: string): string {
  return new URL(path, `${ctx.publicUrl}/`).toString();
}

/** JSON inside <script> must not be able to close the element. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

export function Layout(props: { ctx: PageContext; meta: SeoMeta; breadcrumb?: Crumb[]; children: ComponentChildren }) {
  const { ctx, meta } = props;
  const fullTitle = meta.title === ctx.site.name ? ctx.site.name : `${meta.title} | ${ctx.site.name}`;
  const canonical = absoluteUrl(ctx, meta.canonicalPath);
  const image = meta.image ? { ...meta.image, url: absoluteUrl(ctx, meta.image.url) } : null;
  return (
    <html lang="fr" dir="ltr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <meta name="description" content={meta.description} />
        {meta.noindex ? <meta name="robots" content="noindex" /> : null}
        <link rel="canonical" href={canonical} />
        {(meta.alternates ?? []).map((alt) => (
          <link rel="alternate" type={alt.type} title={alt.title} href={absoluteUrl(ctx, alt.href)} />
        ))}
        <link rel="stylesheet" href={ctx.assets.css} />
        <link rel="stylesheet" href={ctx.assets.themeCss} />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <meta property="og:site_name" content={ctx.site.name} />
        <meta property="og:locale" content="fr_FR" />
        <meta property="og:type" content={meta.ogType ?? "website"} />
        <meta property="og:title" content={meta.title} />
        <meta property="og:description" content={meta.description} />
        <meta property="og:url" content={canonical} />
        {image ? <meta property="og:image" content={image.url} /> : null}
        {image ? <meta property="og:image:alt" content={image.alt} /> : null}
        {image ? <meta property="og:image:width" content={String(image.width)} /> : null}
        {image ? <meta property="og:image:height" content={String(image.height)} /> : null}
        {meta.publishedTime ? <meta property="article:published_time" content={meta.publishedTime} /> : null}
        {meta.modifiedTime ? <meta property="article:modified_time" content={meta.modifiedTime} /> : null}
        <meta name="twitter:card" content={image ? "summary_large_image" : "summary"} />
        <meta name="twitter:title" content={meta.title} />
        <meta name="twitter:description" content={meta.description} />
        {image ? <meta name="twitter:image" content={image.url} /> : null}
        {image ? <meta name="twitter:image:alt" content={image.alt} /> : null}
        {(meta.jsonLd ?? []).map((data) => (
          <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(data) }} />
        ))}
        <script src={ctx.assets.js} defer />
      </head>
      <body>
        <ViewerContext.Provider value={ctx.viewer}>
          <div class="skip-links">
            <nav aria-label="Accès rapide">
              <ul>
                <li>
                  <a href="#contenu">Aller au contenu</a>
                </li>
                <li>
                  <a href="#menu">Aller au menu</a>
                </li>
                <li>
                  <a href="#recherche-champ">Aller à la recherche</a>
                </li>
              </ul>
            </nav>
          </div>
          <Header ctx={ctx} />
          <main id="contenu" tabIndex={-1}>
            <div class="container">
              {props.breadcrumb && props.breadcrumb.length > 0 ? <Breadcrumb items={props.breadcrumb} /> : null}
              {props.children}
            </div>
          </main>
          <Footer ctx={ctx} />
          <div class="sr-only" aria-live="polite" data-live-region></div>
        </ViewerContext.Provider>
      </body>
    </html>
  );
}

function isCurrent(ctx: PageContext, href: string): boolean {
  const path = ctx.currentUrl.split("?")[0] ?? "";
  return href === "/" ? path === "/" : path === href || path.startsWith(`${href}/`);
}

function Header({ ctx }: { ctx: PageContext }) {
  return (
    <header class="site-header">
      <div class="container site-header__bar">
        <a class="brand" href="/" aria-label={`${ctx.site.name}, accueil`}>
          <svg class="brand__mark" viewBox="0 0 40 40" aria-hidden="true" focusable="false">
            <rect width="40" height="40" rx="8" />
            <path d="M9 30V17l11-8 11 8v13h-7v-8h-8v8z" />
          </svg>
          <span class="brand__text">
            <span class="brand__name">{ctx.site.name}</span>
            {ctx.site.tagline ? <span class="brand__tagline">{ctx.site.tagline}</span> : null}
          </span>
        </a>
        <div class="site-header__tools">
          {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is not yet announced as a landmark by every screen reader; <form role="search"> is */}
          <form class="search-form" role="search" action="/recherche" method="get">
            <label for="recherche-champ" class="sr-only">
              Rechercher sur le site
            </label>
            <input id="recherche-champ" name="q" type="search" placeholder="Rechercher" maxLength={200} autocomplete="off" />
            <button type="submit" class="button button--icon">
              <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" width="20" height="20">
                <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" stroke-width="2.2" />
                <path d="m15.5 15.5 5 5" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" />
              </svg>
              <span class="sr-only">Lancer la recherche</span>
            </button>
          </form>
          {ctx.viewer.signedIn ? (
            <div class="account-menu">
              <a class="account-link" href="/compte">
                Mon compte<span class="sr-only"> ({ctx.viewer.displayName})</span>
              </a>
              {ctx.viewer.unreadNotices > 0 ? <UnreadBadge count={ctx.viewer.unreadNotices} /> : null}
              <form method="post" action="/compte/deconnexion" class="account-menu__signout">
                <input type="hidden" name="_csrf" value={ctx.viewer.csrfToken} />
                <button type="submit" class="link-button">
                  Se déconnecter
                </button>
              </form>
            </div>
          ) : (
            <a class="account-link" href={signInHref(ctx.currentUrl)}>
              Se connecter
            </a>
          )}
        </div>
      </div>
      <nav id="menu" class="main-nav" aria-label="Menu principal" data-module="menu">
        <div class="container">
          <button type="button" class="main-nav__toggle" aria-expanded="false" aria-controls="menu-liste" hidden>
            Menu
          </button>
          <ul id="menu-liste" class="main-nav__list">
            {ctx.nav.map((link) => (
              <li>
                <a href={link.href} aria-current={isCurrent(ctx, link.href) ? "page" : undefined}>
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </nav>
    </header>
  );
}

function Footer({ ctx }: { ctx: PageContext }) {
  return (
    <footer class="site-footer">
      <div class="container site-footer__grid">
        <div>
          <p class="site-footer__name">{ctx.site.name}</p>
          {ctx.site.contactAddress ? <p>{ctx.site.contactAddress}</p> : null}
          {ctx.site.contactEmail ? (
            <p>
              <a href={`mailto:${ctx.site.contactEmail}`}>Nous écrire</a>
            </p>
          ) : null}
        </div>
        <nav aria-label="Pied de page">
          <ul class="site-footer__links">
            <li>
              <a href="/accessibilite">Accessibilité : partiellement conforme</a>
            </li>
            <li>
              <a href="/mentions-legales">Mentions légales</a>
            </li>
            <li>
              <a href="/donnees-personnelles">Données personnelles</a>
            </li>
            <li>
              <a href="/plan-du-site">Plan du site</a>
            </li>
            <li>
              <a href="/donnees">Données ouvertes</a>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}

/**
 * The number of unread notices beside "Mon compte", a link to the inbox. The number is shown in
 * a bordered box (not colour alone) and the link's text says what it counts.
 */
function UnreadBadge({ count }: { count: number }) {
  const label = count === 1 ? "notification non lue" : "notifications non lues";
  return (
    <a class="notice-badge" href="/compte/notifications">
      <span aria-hidden="true">{count > 99 ? "99+" : count}</span>
      <span class="sr-only">
        {count} {label}
      </span>
    </a>
  );
}
