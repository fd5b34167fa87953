// The Politique de la Ville block of a neighbourhood page.
import type { ComponentChildren } from "preact";
import { FollowButton } from "../../../ui/components/follow.js";
import type { IndicatorComparison } from "../neighbourhood.js";
import { actionCount, COUNTING_RULE_NOTE, formatEuros } from "../present.js";
import { MapOrHowToImport } from "./map.js";
import { ActionProgress, ExampleBadge, StatusTag } from "./parts.js";

const number = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });

/** A horizontal bar chart in SVG (widths are attributes, which the CSP allows), with the
 *  same values in the table that follows it. */
function IndicatorChart({ c, id }: { c: IndicatorComparison; id: string }) {
  const max = Math.max(...c.values.map((v) => Math.abs(v.value)), 1);
  const rowHeight = 34;
  const width = 600;
  const labelWidth = 220;
  return (
    <svg class="chart" viewBox={`0 0 ${width} ${c.values.length * rowHeight + 8}`} role="img" aria-labelledby={`${id}-titre`}>
      <title id={`${id}-titre`}>
        {c.label} ({c.year}) : {c.values.map((v) => `${v.territory} ${number.format(v.value)} ${c.unit}`).join(", ")}
      </title>
      {c.values.map((v, i) => {
        const w = Math.max(1, Math.round(((width - labelWidth - 90) * Math.abs(v.value)) / max));
        const y = i * rowHeight + 4;
        return (
          <g class={`chart__row chart__row--${v.scope}`}>
            <text x={labelWidth - 8} y={y + 20} class="chart__label" text-anchor="end">
              {v.territory}
            </text>
            <rect x={labelWidth} y={y + 4} width={w} height={rowHeight - 12} class="chart__bar" />
            <text x={labelWidth + w + 6} y={y + 20} class="chart__value">
              {number.format(v.value)} {c.unit}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function NeighbourhoodPolicyBlock(props: {
  neighbourhood: { id: number; slug: string; name: string; kind: string; code: string | null };
  geometry: unknown;
  actions: Array<{ slug: string; title: string; status: string; progress: number; is_example: boolean }>;
  comparisons: IndicatorComparison[];
  /** Every action of the neighbourhood, counted by the site's rule (figures.ts). */
  figures?: { actionCount: number; cancelledCount: number; budget: number };
}): ComponentChildren {
  const n = props.neighbourhood;
  return (
    <div class="neighbourhood-policy">
      <p>
        <FollowButton neighbourhoodId={n.id} name={n.name} />
      </p>
      <section class="section" aria-labelledby="quartier-carte">
        <h2 id="quartier-carte">Périmètre</h2>
        <MapOrHowToImport
          places={[{ slug: n.slug, name: n.name, kind: n.kind, code: n.code, geometry: props.geometry }]}
          title={`Périmètre : ${n.name}`}
          idPrefix="carte-quartier"
          compact
        />
        {props.geometry ? null : <p class="hint">Le périmètre de ce quartier n’est pas encore chargé sur le site.</p>}
      </section>
      {props.comparisons.length > 0 ? (
        <section class="section" aria-labelledby="quartier-indicateurs">
          <h2 id="quartier-indicateurs">Indicateurs</h2>
          {props.comparisons.map((c, i) => (
            <figure class="indicator">
              <figcaption>
                {c.label} ({c.year}){c.source ? <span class="indicator__source"> – source : {c.source}</span> : null}
              </figcaption>
              <IndicatorChart c={c} id={`indicateur-${i}`} />
              <table class="table">
                <caption class="sr-only">
                  {c.label} ({c.year})
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Territoire</th>
                    <th scope="col" class="num">
                      Valeur
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {c.values.map((v) => (
                    <tr>
                      <th scope="row">{v.territory}</th>
                      <td class="num">
                        {number.format(v.value)} {c.unit}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </figure>
          ))}
        </section>
      ) : null}
      <section class="section" aria-labelledby="quartier-actions">
        <h2 id="quartier-actions">Les actions de la Politique de la Ville ici</h2>
        {props.actions.length === 0 ? (
          <p>Aucune action n’est enregistrée pour ce quartier.</p>
        ) : (
          <>
            {props.figures ? (
              <>
                <p>
                  {actionCount(props.figures.actionCount, props.figures.cancelledCount)}. {formatEuros(props.figures.budget)} de financements.
                  {props.figures.actionCount > props.actions.length
                    ? ` Les ${props.actions.length} premières sont listées ici ; toutes figurent dans la liste des actions.`
                    : null}
                </p>
                {props.figures.cancelledCount > 0 ? <p class="hint">{COUNTING_RULE_NOTE}</p> : null}
              </>
            ) : null}
            <ul class="action-list">
              {props.actions.map((a) => (
                <li class="action-item">
                  <h3 class="action-item__title">
                    <a href={`/politique-de-la-ville/actions/${a.slug}`}>{a.title}</a>
                  </h3>
                  <p class="action-item__meta">
                    <StatusTag status={a.status} /> {a.is_example ? <ExampleBadge /> : null}
                  </p>
                  <ActionProgress status={a.status} progress={a.progress} />
                </li>
              ))}
            </ul>
            <p>
              <a href={`/politique-de-la-ville/actions?quartier=${n.slug}`}>Toutes les actions de ce quartier</a>
            </p>
          </>
        )}
      </section>
      <h2>Actualités du quartier</h2>
    </div>
  );
}
