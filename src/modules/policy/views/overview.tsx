import type { PageContext } from "../../../ui/context.js";
import type { Crumb } from "../../../ui/components/breadcrumb.js";
import { Layout, type SeoMeta } from "../../../ui/layout.js";
import { breadcrumbJsonLd, webPageJsonLd } from "../../../ui/seo.js";
import type { ComponentChildren } from "preact";
import { actionCount, COUNTING_RULE_NOTE, formatEuros } from "../present.js";
import type { getOverview } from "../service.js";
import { FundingTable, ProgressBar } from "./parts.js";

type Overview = Awaited<ReturnType<typeof getOverview>>;

export function OverviewPage({
  ctx,
  data,
  map,
  alternates,
}: {
  ctx: PageContext;
  data: Overview;
  map: ComponentChildren;
  /** The Politique de la Ville feeds, announced in the head. */
  alternates?: SeoMeta["alternates"];
}) {
  const crumbs: Crumb[] = [{ label: "Accueil", href: "/" }, { label: "Politique de la Ville" }];
  const description = `Les quartiers prioritaires de ${ctx.site.name}, le contrat de ville et ses actions : qui fait quoi, avec quels moyens, avec quels résultats.`;
  const qpv = data.places.filter((p) => p.kind === "qpv");
  return (
    <Layout
      ctx={ctx}
      breadcrumb={crumbs}
      meta={{
        title: "Politique de la Ville",
        description,
        canonicalPath: "/politique-de-la-ville",
        alternates,
        jsonLd: [
          webPageJsonLd(ctx, { title: "Politique de la Ville", description, path: "/politique-de-la-ville" }),
          breadcrumbJsonLd(ctx, crumbs, "/politique-de-la-ville"),
        ],
      }}
    >
      <h1>Politique de la Ville</h1>
      <p class="lead">
        La Politique de la Ville concentre des moyens sur les quartiers prioritaires : ceux où le revenu des habitants est le plus bas. Elle vise à réduire les
        écarts entre ces quartiers et le reste de la ville. Ici, chaque action est suivie publiquement : son avancement, ses financeurs, ses étapes.
      </p>
      <p>
        <a class="button" href="/politique-de-la-ville/adresse">
          Suis-je dans un quartier prioritaire ?
        </a>{" "}
        <a class="button button--secondary" href="/politique-de-la-ville/actions">
          Toutes les actions
        </a>
      </p>
      {data.hasExamples ? (
        <div class="notice notice--warning">
          <p>
            <strong>Données de démonstration.</strong> Les actions, montants et étapes présentés sur ces pages sont des exemples, pas le bilan réel de la
            collectivité. Les codes et noms des quartiers prioritaires sont, eux, officiels.
          </p>
        </div>
      ) : null}

      <section class="section" aria-labelledby="carte-qpv">
        <h2 id="carte-qpv">Les quartiers prioritaires</h2>
        {map}
        {qpv.length > 0 ? (
          <table class="table">
            <caption>Quartiers prioritaires (liste nationale 2024)</caption>
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col">Nom</th>
              </tr>
            </thead>
            <tbody>
              {qpv.map((p) => (
                <tr>
                  <td>{p.code}</td>
                  <td>
                    <a href={`/quartiers/${p.slug}`}>{p.name}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>Aucun quartier prioritaire n’est encore enregistré.</p>
        )}
      </section>

      {data.contracts.map((c) => (
        <section class="section contract" aria-labelledby={`contrat-${c.slug}`}>
          <h2 id={`contrat-${c.slug}`}>
            {c.name} <span class="contract__period">({c.period})</span>
          </h2>
          {c.description ? <p>{c.description}</p> : null}
          <ProgressBar value={c.progress} label="Avancement d’ensemble" />
          <p>
            {actionCount(c.actionCount, c.cancelledCount)}. {formatEuros(c.budget)} de financements.{" "}
            <span class="hint">
              Avancement calculé {c.rule === "budget" ? "en pondérant chaque action par son budget" : "en donnant le même poids à chaque action"}.
            </span>
          </p>
          <p class="hint">{COUNTING_RULE_NOTE}</p>
          <h3>{c.generation === "2015" ? "Les trois piliers" : "Les priorités"}</h3>
          <ul class="priority-list">
            {c.priorities.map((p) => (
              <li class="priority">
                <h4 class="priority__title">
                  <a href={`/politique-de-la-ville/actions?priorite=${p.slug}`}>{p.title}</a>
                </h4>
                {p.description ? <p>{p.description}</p> : null}
                <p class="priority__meta">
                  {actionCount(p.actionCount, p.cancelledCount)} · {formatEuros(p.budget)}
                </p>
                <ProgressBar value={p.progress} label="Avancement" />
              </li>
            ))}
          </ul>
          <FundingTable rows={c.funding} caption={`Financements par financeur : ${c.name}`} />
        </section>
      ))}
    </Layout>
  );
}
