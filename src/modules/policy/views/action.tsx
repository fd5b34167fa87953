import type { ComponentChildren } from "preact";
import type { PageContext } from "../../../ui/context.js";
import type { Crumb } from "../../../ui/components/breadcrumb.js";
import { CardGrid } from "../../../ui/components/card.js";
import { ShareBlock } from "../../../ui/components/share.js";
import { FavouriteButton } from "../../../ui/components/favourite.js";
import { absoluteUrl, Layout } from "../../../ui/layout.js";
import { breadcrumbJsonLd, webPageJsonLd } from "../../../ui/seo.js";
import { formatDate, isoDay } from "../../../lib/format.js";
import { sanitizeBody } from "../../content/index.js";
import { countsInTotals } from "../counting-rule.js";
import { formatEuros, FUNDER_LABELS, ORGANISATION_KINDS } from "../present.js";
import type { getAction } from "../service.js";
import { ActionProgress, ExampleBadge, FundingTable, StatusTag } from "./parts.js";

type Data = Awaited<ReturnType<typeof getAction>>;

export function ActionPage({ ctx, data, map, comments }: { ctx: PageContext; data: Data; map: ComponentChildren; comments?: ComponentChildren }) {
  const a = data.action;
  const path = `/politique-de-la-ville/actions/${a.slug}`;
  const crumbs: Crumb[] = [
    { label: "Accueil", href: "/" },
    { label: "Politique de la Ville", href: "/politique-de-la-ville" },
    { label: "Actions", href: "/politique-de-la-ville/actions" },
    { label: a.title },
  ];
  const byFunder = new Map<string, number>();
  for (const f of data.funding) byFunder.set(f.funder, (byFunder.get(f.funder) ?? 0) + Number(f.amount));
  return (
    <Layout
      ctx={ctx}
      breadcrumb={crumbs}
      meta={{
        title: a.title,
        description: a.summary || a.title,
        canonicalPath: path,
        jsonLd: [webPageJsonLd(ctx, { title: a.title, description: a.summary, path }), breadcrumbJsonLd(ctx, crumbs, path)],
      }}
    >
      <article class="item action" aria-labelledby="titre-action">
        <header class="item__header">
          <p class="action__meta">
            <StatusTag status={a.status} /> {a.is_example ? <ExampleBadge /> : null}
          </p>
          <h1 id="titre-action">{a.title}</h1>
          {a.summary ? <p class="item__standfirst">{a.summary}</p> : null}
          <ActionProgress status={a.status} progress={a.progress} />
          <div class="item__actions">
            <FavouriteButton contentId={a.id} title={a.title} target="action" />
          </div>
        </header>
        <dl class="facts">
          <div>
            <dt>Contrat</dt>
            <dd>{a.contract_name}</dd>
          </div>
          <div>
            <dt>Priorité</dt>
            <dd>
              <a href={`/politique-de-la-ville/actions?priorite=${a.priority_slug}`}>{a.priority_title}</a>
              {a.objective_title ? <> : {a.objective_title}</> : null}
            </dd>
          </div>
          {a.lead_name ? (
            <div>
              <dt>Porteur</dt>
              <dd>
                <a href={`/politique-de-la-ville/actions?organisation=${a.lead_slug}`}>{a.lead_name}</a>
                {a.lead_kind ? ` (${(ORGANISATION_KINDS[a.lead_kind] ?? a.lead_kind).toLowerCase()})` : null}
              </dd>
            </div>
          ) : null}
          {data.partners.length > 0 ? (
            <div>
              <dt>Partenaires</dt>
              <dd>
                <ul class="inline-list">
                  {data.partners.map((p) => (
                    <li>
                      <a href={`/politique-de-la-ville/actions?organisation=${p.slug}`}>{p.name}</a>
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          ) : null}
          <div>
            <dt>Période</dt>
            <dd>
              {a.start_date ? (
                <>
                  du <time dateTime={isoDay(a.start_date)}>{formatDate(a.start_date)}</time>
                </>
              ) : null}
              {a.end_date ? (
                <>
                  {" "}
                  au <time dateTime={isoDay(a.end_date)}>{formatDate(a.end_date)}</time>
                </>
              ) : null}
            </dd>
          </div>
          <div>
            <dt>Financement</dt>
            <dd>{formatEuros(data.total)}</dd>
          </div>
        </dl>
        {a.description ? <div class="prose" dangerouslySetInnerHTML={{ __html: sanitizeBody(a.description) }} /> : null}

        {data.places.length > 0 ? (
          <section class="section" aria-labelledby="action-lieux">
            <h2 id="action-lieux">Où ?</h2>
            {map}
            <ul class="inline-list">
              {data.places.map((p) => (
                <li>
                  <a href={`/quartiers/${p.slug}`}>
                    {p.name}
                    {p.kind === "qpv" && p.code ? ` (QPV ${p.code})` : ""}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {data.milestones.length > 0 ? (
          <section class="section" aria-labelledby="action-etapes">
            <h2 id="action-etapes">Étapes</h2>
            <ol class="timeline">
              {data.milestones.map((m) => (
                <li class={m.done ? "timeline__step timeline__step--done" : "timeline__step"}>
                  <time dateTime={isoDay(m.due_date)}>{formatDate(m.due_date)}</time> : {m.title}{" "}
                  <span class="timeline__state">{m.done ? "(réalisée)" : "(à venir)"}</span>
                </li>
              ))}
            </ol>
          </section>
        ) : null}

        <section class="section" aria-labelledby="action-financement">
          <h2 id="action-financement">Financement</h2>
          {countsInTotals(a.status) ? null : (
            <p class="hint">
              Cette action est abandonnée : ses financements restent affichés ici, mais ne sont comptés dans aucun total de la Politique de la Ville.
            </p>
          )}
          <FundingTable rows={[...byFunder].map(([funder, total]) => ({ funder, total }))} caption="Financements par financeur" />
          {data.funding.length > 0 ? (
            // biome-ignore lint/a11y/noNoninteractiveTabindex: the table may scroll sideways; keyboard users can scroll it only if its container takes focus (WCAG 2.1.1)
            <section class="table-scroll" tabIndex={0} aria-label="Détail des lignes de financement">
              <table class="table">
                <caption>Détail des lignes de financement</caption>
                <thead>
                  <tr>
                    <th scope="col">Année</th>
                    <th scope="col">Financeur</th>
                    <th scope="col">Objet</th>
                    <th scope="col" class="num">
                      Montant
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.funding.map((f) => (
                    <tr>
                      <td>{f.year}</td>
                      <td>{FUNDER_LABELS[f.funder] ?? f.funder}</td>
                      <td>{f.label}</td>
                      <td class="num">{formatEuros(f.amount)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ) : null}
        </section>
        <ShareBlock url={absoluteUrl(ctx, path)} title={a.title} id="partage" />
      </article>
      {data.articles.length > 0 ? (
        <section class="section related" aria-labelledby="action-actualites">
          <h2 id="action-actualites">Actualités liées</h2>
          <CardGrid cards={data.articles} />
        </section>
      ) : null}
      {comments}
    </Layout>
  );
}
