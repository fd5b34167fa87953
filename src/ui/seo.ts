// Structured data (schema.org JSON-LD) built from view-models.
import type { PageContext } from "./context.js";
import type { Crumb } from "./components/breadcrumb.js";
import { absoluteUrl } from "./layout.js";

export function breadcrumbJsonLd(ctx: PageContext, crumbs: Crumb[], currentPath: string): object {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: crumbs.map((c, i) => ({
      "@type": "ListItem",
      position: i + 1,
      name: c.label,
      item: absoluteUrl(ctx, c.href ?? currentPath),
    })),
  };
}

export function webPageJsonLd(ctx: PageContext, page: { title: string; description: string; path: string }): object {
  return {
    "@context": "https://schema.org",
    "@type": "WebPage",
    name: page.title,
    description: page.description,
    url: absoluteUrl(ctx, page.path),
    inLanguage: "fr-FR",
    isPartOf: { "@type": "WebSite", name: ctx.site.name, url: absoluteUrl(ctx, "/") },
  };
}

export function organization(ctx: PageContext): object {
  return { "@type": "GovernmentOrganization", name: ctx.site.name, url: absoluteUrl(ctx, "/") };
}
