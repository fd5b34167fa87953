import type { PageContext } from "../../../../ui/context.js";
import { formatDate } from "../../../../lib/format.js";
import { cancelledPart } from "../../present.js";
import { AdminFrame, type StaffActor } from "../../../admin/index.js";
import type { OverviewModel } from "../present.js";
import { BASE, SectionNav } from "./shared.js";

export function OverviewView({ ctx, actor, data }: { ctx: PageContext; actor: StaffActor; data: OverviewModel }) {
  const c = data.counts;
  const stats = [
    { n: c.contracts, label: c.contracts === 1 ? "contrat" : "contrats", href: `${BASE}/contrats` },
    { n: c.priorities, label: c.priorities === 1 ? "priorité" : "priorités", href: `${BASE}/contrats` },
    { n: c.objectives, label: c.objectives === 1 ? "objectif" : "objectifs", href: `${BASE}/contrats` },
    // "6 actions, dont 2 abandonnées": counted as on the public pages (counting-rule.ts).
    { n: c.actions, label: `${c.actions === 1 ? "action" : "actions"}${cancelledPart(c.actions, c.cancelledActions)}`, href: `${BASE}/actions` },
    { n: c.organisations, label: c.organisations === 1 ? "organisation" : "organisations", href: `${BASE}/organisations` },
    { n: c.indicators, label: c.indicators === 1 ? "valeur d’indicateur" : "valeurs d’indicateurs", href: `${BASE}/indicateurs` },
  ];
  const a = data;
  return (
    <AdminFrame ctx={ctx} actor={actor} title="Politique de la ville">
      <SectionNav current={BASE} />
      <div class="admin-toolbar">
        <a class="button" href={`${BASE}/actions/nouvelle`}>
          Ajouter une action
        </a>
        <a class="button button--secondary" href="/politique-de-la-ville">
          Voir les pages publiques
        </a>
      </div>
      <h2 class="sr-only">Chiffres</h2>
      <ul class="admin-stats">
        {stats.map((s) => (
          <li>
            <a href={s.href}>
              <strong>{s.n}</strong> {s.label}
            </a>
          </li>
        ))}
      </ul>

      <h2>Actions à suivre</h2>
      {a.late.length + a.unfunded.length + a.delayed.length === 0 ? <p>Aucune action ne demande d’attention particulière.</p> : null}
      {a.late.length > 0 ? (
        <section aria-labelledby="pdv-retard">
          <h3 id="pdv-retard">Étapes dépassées non réalisées ({a.late.length})</h3>
          <ul class="pdv-attention">
            {a.late.map((l) => (
              <li>
                <a href={`${BASE}/actions/${l.id}`}>{l.title}</a> : {l.milestone}, prévue le {formatDate(new Date(`${l.dueDate}T12:00:00Z`))}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {a.delayed.length > 0 ? (
        <section aria-labelledby="pdv-retardees">
          <h3 id="pdv-retardees">Actions retardées ({a.delayed.length})</h3>
          <ul class="pdv-attention">
            {a.delayed.map((l) => (
              <li>
                <a href={`${BASE}/actions/${l.id}`}>{l.title}</a> ({l.progress} %)
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {a.unfunded.length > 0 ? (
        <section aria-labelledby="pdv-sans-financement">
          <h3 id="pdv-sans-financement">Actions sans financement ({a.unfunded.length})</h3>
          <ul class="pdv-attention">
            {a.unfunded.map((l) => (
              <li>
                <a href={`${BASE}/actions/${l.id}`}>{l.title}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </AdminFrame>
  );
}
