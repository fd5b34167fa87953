import type { PageContext } from "../../../ui/context.js";
import { CardGrid, Card } from "../../../ui/components/card.js";
import { Layout } from "../../../ui/layout.js";
import { webPageJsonLd } from "../../../ui/seo.js";
import type { getHome } from "../service.js";
import type { CardView } from "../../../ui/view-models.js";

type HomeData = Awaited<ReturnType<typeof getHome>>["data"];

export interface ForYou {
  cards: CardView[];
  hasInterests: boolean;
}

export function HomePage({ ctx, data, forYou }: { ctx: PageContext; data: HomeData; forYou?: ForYou | null }) {
  const [lead, ...others] = data.latest;
  const description = ctx.site.tagline || `Actualités, quartiers et action publique : le site de ${ctx.site.name}.`;
  return (
    <Layout
      ctx={ctx}
      meta={{ title: ctx.site.name, description, canonicalPath: "/", jsonLd: [webPageJsonLd(ctx, { title: ctx.site.name, description, path: "/" })] }}
    >
      <h1 class="home__title">
        {ctx.site.name}
        {ctx.site.tagline ? <span class="home__tagline">{ctx.site.tagline}</span> : null}
      </h1>

      {forYou ? (
        <section class="section for-you" aria-labelledby="pour-vous">
          <div class="section__head">
            <h2 id="pour-vous">Pour vous</h2>
            <a class="section__more" href="/compte/mon-fil">
              Tout mon fil
            </a>
          </div>
          {forYou.cards.length > 0 ? (
            <CardGrid cards={forYou.cards} />
          ) : forYou.hasInterests ? (
            <p class="empty">
              Rien de récent pour vos thèmes et vos quartiers. Élargissez vos <a href="/compte/preferences">préférences</a>.
            </p>
          ) : (
            <p class="empty">
              Choisissez vos thèmes et vos quartiers dans <a href="/compte/preferences">vos préférences</a> : cette rubrique montrera alors l’actualité qui vous
              concerne.
            </p>
          )}
        </section>
      ) : null}

      <section class="section" aria-labelledby="a-la-une">
        <div class="section__head">
          <h2 id="a-la-une">À la une</h2>
          <a class="section__more" href="/actualites">
            Toutes les actualités
          </a>
        </div>
        {lead ? (
          <div class="home__lead">
            <Card card={lead} priority />
          </div>
        ) : (
          <p>Aucune actualité n’est publiée pour le moment.</p>
        )}
        {others.length > 0 ? <CardGrid cards={others} /> : null}
      </section>

      {data.featured.length > 0 ? (
        <section class="section" aria-labelledby="en-ce-moment">
          <h2 id="en-ce-moment">Nos actions</h2>
          <CardGrid cards={data.featured} />
        </section>
      ) : null}

      <section class="section" aria-labelledby="par-theme">
        <div class="section__head">
          <h2 id="par-theme">Par thème</h2>
          <a class="section__more" href="/themes">
            Tous les thèmes
          </a>
        </div>
        <ul class="chip-list">
          {data.themes.map((t) => (
            <li>
              <a class={`tag tag--${t.slug} tag--large`} href={t.href}>
                {t.name}
              </a>
            </li>
          ))}
        </ul>
      </section>

      <section class="section" aria-labelledby="par-quartier">
        <div class="section__head">
          <h2 id="par-quartier">Par quartier</h2>
          <a class="section__more" href="/quartiers">
            Tous les quartiers
          </a>
        </div>
        <ul class="place-list">
          {data.neighbourhoods
            .filter((n) => n.kind !== "qpv")
            .map((n) => (
              <li>
                <a href={n.href}>{n.name}</a>
              </li>
            ))}
        </ul>
      </section>
    </Layout>
  );
}
