// Back office « Lettres d’actualité »: how many residents receive which digest (counts only,
// never who), the hourly runs with their progress and totals, and the addresses that refused
// a digest for good (or whose delivery was interrupted and may not have arrived).
import type { StaffActor } from "../../admin/index.js";
import { AdminFrame } from "../../admin/index.js";
import type { PageContext } from "../../../ui/context.js";
import type { DigestsAdminView } from "../present.js";

export function DigestsAdminPage(props: { ctx: PageContext; actor: StaffActor; view: DigestsAdminView }) {
  const { view } = props;
  return (
    <AdminFrame ctx={props.ctx} actor={props.actor} title="Lettres d’actualité">
      <section aria-labelledby="abonnements">
        <h2 id="abonnements">Abonnements</h2>
        <p>
          {view.totalSubscribers} {view.totalSubscribers === 1 ? "habitant reçoit" : "habitants reçoivent"} la lettre (adresse confirmée, consentement donné).
          Les chiffres sont agrégés : cette page ne dit pas qui est abonné.
        </p>
        <table class="table">
          <caption class="visually-hidden">Abonnements par fréquence</caption>
          <thead>
            <tr>
              <th scope="col">Fréquence</th>
              <th scope="col">Habitants</th>
            </tr>
          </thead>
          <tbody>
            {view.counts.map((c) => (
              <tr>
                <th scope="row">{c.label}</th>
                <td>{c.n}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="envois">
        <h2 id="envois">Envois</h2>
        {view.runs.length === 0 ? (
          <p>Aucun envoi pour l’instant.</p>
        ) : (
          <div class="table-scroll">
            <table class="table">
              <caption class="visually-hidden">Tournées d’envoi, de la plus récente à la plus ancienne</caption>
              <thead>
                <tr>
                  <th scope="col">Heure</th>
                  <th scope="col">État</th>
                  <th scope="col">Abonnés examinés</th>
                  <th scope="col">Sans nouveauté</th>
                  <th scope="col">Lettres à envoyer</th>
                  <th scope="col">Envoyées</th>
                  <th scope="col">En attente</th>
                  <th scope="col">En échec</th>
                  <th scope="col">Incertaines</th>
                </tr>
              </thead>
              <tbody>
                {view.runs.map((r) => (
                  <tr>
                    <th scope="row">{r.period}</th>
                    <td>{r.status}</td>
                    <td>{r.examined}</td>
                    <td>{r.empty}</td>
                    <td>{r.queued}</td>
                    <td>{r.sent}</td>
                    <td>{r.pending}</td>
                    <td>{r.failed}</td>
                    <td>{r.uncertain}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="echecs">
        <h2 id="echecs">Adresses en échec</h2>
        <p>
          Ces adresses ont refusé la lettre définitivement (adresse inconnue, boîte fermée) : plus rien ne leur est envoyé tant que l’habitant n’a pas revu ses
          choix.
        </p>
        {view.bounced.length === 0 ? (
          <p>Aucune.</p>
        ) : (
          <ul>
            {view.bounced.map((b) => (
              <li>
                {b.email} — {b.at} — {b.reason}
              </li>
            ))}
          </ul>
        )}
        <h3>Envois interrompus</h3>
        <p>
          L’envoi de ces lettres a été interrompu pendant l’échange avec le serveur de messagerie : elles sont peut-être arrivées. Elles ne sont jamais
          renvoyées.
        </p>
        {view.uncertain.length === 0 ? (
          <p>Aucun.</p>
        ) : (
          <ul>
            {view.uncertain.map((u) => (
              <li>
                {u.email} — {u.period} — {u.at}
              </li>
            ))}
          </ul>
        )}
      </section>
    </AdminFrame>
  );
}
