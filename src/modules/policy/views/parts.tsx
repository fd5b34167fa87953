// Small pieces shared by the Politique de la Ville pages.
import { countsInTotals } from "../counting-rule.js";
import { formatEuros, FUNDER_LABELS, statusLabel } from "../present.js";

export function ProgressBar({ value, label }: { value: number | null; label: string }) {
  if (value === null) return <p class="progress progress--none">{label} : pas encore d’avancement mesuré</p>;
  return (
    <div class="progress">
      <span class="progress__label">
        {label} : <strong>{value} %</strong>
      </span>
      <progress max={100} value={value} aria-label={`${label} : ${value} %`}>
        {value} %
      </progress>
    </div>
  );
}

/** An action's progress; an abandoned one has none to show (counting-rule.ts), not "0 %". */
export function ActionProgress({ status, progress }: { status: string; progress: number }) {
  if (!countsInTotals(status)) return <p class="progress progress--none">Avancement : sans objet, l’action est abandonnée</p>;
  return <ProgressBar value={progress} label="Avancement" />;
}

export function StatusTag({ status }: { status: string }) {
  return <span class={`status status--${status}`}>{statusLabel(status)}</span>;
}

export function ExampleBadge() {
  return <span class="badge badge--example">Exemple</span>;
}

/** Funding per co-funder: a table, with a meter per row showing its share of the total. */
export function FundingTable({ rows, caption }: { rows: Array<{ funder: string; total: number }>; caption: string }) {
  const total = rows.reduce((s, r) => s + r.total, 0);
  if (rows.length === 0) return <p>Aucun financement n’est encore renseigné.</p>;
  return (
    <table class="table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Financeur</th>
          <th scope="col" class="num">
            Montant
          </th>
          <th scope="col">Part</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const share = total > 0 ? Math.round((r.total / total) * 100) : 0;
          return (
            <tr>
              <th scope="row">{FUNDER_LABELS[r.funder] ?? r.funder}</th>
              <td class="num">{formatEuros(r.total)}</td>
              <td>
                <meter min={0} max={100} value={share} aria-label={`${FUNDER_LABELS[r.funder] ?? r.funder} : ${share} %`}>
                  {share} %
                </meter>{" "}
                {share} %
              </td>
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Total</th>
          <td class="num">{formatEuros(total)}</td>
          <td>100 %</td>
        </tr>
      </tfoot>
    </table>
  );
}
