import type { PageContext } from "../../../ui/context.js";
import type { Crumb } from "../../../ui/components/breadcrumb.js";
import { Layout } from "../../../ui/layout.js";
import { breadcrumbJsonLd, webPageJsonLd } from "../../../ui/seo.js";
import type { NeighbourhoodLink, PageNode } from "../service.js";
import type { TagView } from "../../../ui/view-models.js";

function simpleMeta(ctx: PageContext, title: string, description: string, path: string, crumbs: Crumb[]) {
  return {
    title,
    description,
    canonicalPath: path,
    jsonLd: [webPageJsonLd(ctx, { title, description, path }), breadcrumbJsonLd(ctx, crumbs, path)],
  };
}

export function ThemeIndexPage({ ctx, themes }: { ctx: PageContext; themes: Array<TagView & { description: string }> }) {
  const crumbs: Crumb[] = [{ label: "Accueil", href: "/" }, { label: "Thèmes" }];
  return (
    <Layout ctx={ctx} breadcrumb={crumbs} meta={simpleMeta(ctx, "Thèmes", `Les thèmes de l’action de ${ctx.site.name}.`, "/themes", crumbs)}>
      <h1>Thèmes</h1>
      <ul class="topic-grid">
        {themes.map((t) => (
          <li class="topic">
            <h2 class="topic__title">
              <a class={`tag tag--${t.slug} tag--large`} href={t.href}>
                {t.name}
              </a>
            </h2>
            {t.description ? <p>{t.description}</p> : null}
          </li>
        ))}
      </ul>
    </Layout>
  );
}

const KIND_HEADINGS: Record<NeighbourhoodLink["kind"], string> = {
  quartier: "Les quartiers",
  commune: "Les communes associées",
  qpv: "Les quartiers prioritaires (QPV)",
};

export function NeighbourhoodIndexPage({ ctx, places }: { ctx: PageContext; places: NeighbourhoodLink[] }) {
  const crumbs: Crumb[] = [{ label: "Accueil", href: "/" }, { label: "Quartiers" }];
  const kinds = (["quartier", "commune", "qpv"] as const).filter((k) => places.some((p) => p.kind === k));
  return (
    <Layout ctx={ctx} breadcrumb={crumbs} meta={simpleMeta(ctx, "Quartiers", `Les quartiers de ${ctx.site.name} et leur actualité.`, "/quartiers", crumbs)}>
      <h1>Quartiers</h1>
      {kinds.map((kind) => (
        <section class="section" aria-labelledby={`liste-${kind}`}>
          <h2 id={`liste-${kind}`}>{KIND_HEADINGS[kind]}</h2>
          <ul class="place-list">
            {places
              .filter((p) => p.kind === kind)
              .map((p) => (
                <li>
                  <a href={p.href}>
                    {p.name}
                    {p.kind === "qpv" && p.code ? <span class="place-list__code"> ({p.code})</span> : null}
                  </a>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}

function Tree({ nodes }: { nodes: PageNode[] }) {
  return (
    <ul>
      {nodes.map((n) => (
        <li>
          <a href={n.path}>{n.title}</a>
          {n.children.length > 0 ? <Tree nodes={n.children} /> : null}
        </li>
      ))}
    </ul>
  );
}

export function SiteMapPage(props: { ctx: PageContext; pages: PageNode[]; themes: TagView[]; neighbourhoods: NeighbourhoodLink[] }) {
  const { ctx } = props;
  const crumbs: Crumb[] = [{ label: "Accueil", href: "/" }, { label: "Plan du site" }];
  return (
    <Layout ctx={ctx} breadcrumb={crumbs} meta={simpleMeta(ctx, "Plan du site", `Toutes les rubriques du site de ${ctx.site.name}.`, "/plan-du-site", crumbs)}>
      <h1>Plan du site</h1>
      <div class="sitemap">
        <section aria-labelledby="plan-rubriques">
          <h2 id="plan-rubriques">Rubriques</h2>
          <ul>
            <li>
              <a href="/">Accueil</a>
            </li>
            <li>
              <a href="/actualites">Actualités</a>
            </li>
            <li>
              <a href="/recherche">Recherche</a>
            </li>
            <li>
              <a href="/politique-de-la-ville">Politique de la Ville</a>
            </li>
            <li>
              <a href="/politique-de-la-ville/actions">Les actions de la Politique de la Ville</a>
            </li>
            <li>
              <a href="/politique-de-la-ville/adresse">Suis-je dans un quartier prioritaire ?</a>
            </li>
            <li>
              <a href="/donnees">Données ouvertes</a>
            </li>
          </ul>
          <Tree nodes={props.pages} />
        </section>
        <section aria-labelledby="plan-themes">
          <h2 id="plan-themes">
            <a href="/themes">Thèmes</a>
          </h2>
          <ul>
            {props.themes.map((t) => (
              <li>
                <a href={t.href}>{t.name}</a>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="plan-quartiers">
          <h2 id="plan-quartiers">
            <a href="/quartiers">Quartiers</a>
          </h2>
          <ul>
            {props.neighbourhoods.map((n) => (
              <li>
                <a href={n.href}>{n.name}</a>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </Layout>
  );
}
