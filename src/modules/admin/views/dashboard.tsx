import type { PageContext } from "../../../ui/context.js";
import { can } from "../../../core/auth/roles.js";
import type { ContentStatus } from "../../../core/db/schema.js";
import { formatDateTime } from "../../../lib/format.js";
import { Notice } from "../../../ui/components/form.js";
import { AdminFrame } from "../frame.js";
import type { StaffActor } from "../guard.js";
import type { DashboardData, DashboardItem } from "../dashboard.js";
import { actionLabel } from "../audit-view-model.js";

const STATUS_LABELS: Record<ContentStatus, string> = {
  draft: "Brouillons",
  review: "En relecture",
  scheduled: "Programmés",
  published: "Publiés",
  unpublished: "Dépubliés",
  archived: "Archivés",
};

function ItemList(props: { items: DashboardItem[]; empty: string; when?: "scheduled" }) {
  if (props.items.length === 0) return <p>{props.empty}</p>;
  return (
    <ul class="admin-activity">
      {props.items.map((i) => (
        <li>
          <a href={`/admin/contenus/${i.id}`}>{i.title}</a> ({i.kind === "page" ? "page" : "article"},{" "}
          {props.when === "scheduled" && i.scheduledAt ? `publication le ${formatDateTime(i.scheduledAt)}` : `modifié le ${formatDateTime(i.updatedAt)}`})
        </li>
      ))}
    </ul>
  );
}

export function Dashboard(props: { ctx: PageContext; actor: StaffActor; data: DashboardData }) {
  const { actor, data } = props;
  return (
    <AdminFrame ctx={props.ctx} actor={actor} title="Tableau de bord">
      <p>Bonjour {actor.displayName || actor.email}.</p>
      {data.secondFactor ? null : (
        <Notice kind="warning">
          <p>
            La double authentification n’est pas activée sur votre compte. <a href="/admin/securite">Activez-la</a> pour protéger l’administration du site.
          </p>
        </Notice>
      )}
      {can(actor, "content.read") ? (
        <section aria-labelledby="etat">
          <h2 id="etat">Contenus</h2>
          <ul class="admin-stats">
            {(Object.keys(STATUS_LABELS) as ContentStatus[]).map((s) => (
              <li>
                <a href={`/admin/contenus?statut=${s}`}>
                  <strong>{data.counts[s]}</strong> {STATUS_LABELS[s]}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {can(actor, "content.publish") ? (
        <section aria-labelledby="relecture">
          <h2 id="relecture">À relire</h2>
          <ItemList items={data.toReview} empty="Aucun contenu n’attend de relecture." />
        </section>
      ) : null}
      {can(actor, "content.create") ? (
        <section aria-labelledby="mes-brouillons">
          <h2 id="mes-brouillons">Mes brouillons</h2>
          <ItemList items={data.mine} empty="Vous n’avez aucun brouillon en cours." />
          <p>
            <a class="button" href="/admin/contenus/nouveau?type=article">
              Écrire un article
            </a>
          </p>
        </section>
      ) : null}
      {can(actor, "content.read") && data.upcoming.length > 0 ? (
        <section aria-labelledby="programmes">
          <h2 id="programmes">Prochaines publications</h2>
          <ItemList items={data.upcoming} empty="" when="scheduled" />
        </section>
      ) : null}
      {can(actor, "policy.edit") ? (
        <section aria-labelledby="pdv">
          <h2 id="pdv">Politique de la ville</h2>
          {data.policy ? (
            <ul class="admin-stats">
              <li>
                <a href="/admin/politique-de-la-ville">
                  <strong>{data.policy.lateMilestones}</strong> {data.policy.lateMilestones > 1 ? "étapes en retard" : "étape en retard"}
                </a>
              </li>
              <li>
                <a href="/admin/politique-de-la-ville/actions?statut=delayed">
                  <strong>{data.policy.delayed}</strong> {data.policy.delayed > 1 ? "actions retardées" : "action retardée"}
                </a>
              </li>
              <li>
                <a href="/admin/politique-de-la-ville">
                  <strong>{data.policy.unfunded}</strong> sans financement
                </a>
              </li>
            </ul>
          ) : null}
          <p>
            <a href="/admin/politique-de-la-ville">Mettre à jour le contrat de ville, les actions et les indicateurs</a>
          </p>
        </section>
      ) : null}
      {can(actor, "audit.read") ? (
        <section aria-labelledby="activite">
          <h2 id="activite">Activité récente</h2>
          {data.activity.length === 0 ? (
            <p>Aucune activité enregistrée.</p>
          ) : (
            <ul class="admin-activity">
              {data.activity.map((e) => (
                <li>
                  <time datetime={e.occurredAt.toISOString()}>{formatDateTime(e.occurredAt)}</time> : {e.actorLabel || "Système"},{" "}
                  {actionLabel(e.action).toLowerCase()}
                  {e.targetLabel ? ` (${e.targetLabel})` : ""}
                </li>
              ))}
            </ul>
          )}
          <p>
            <a href="/admin/journal">Tout le journal</a>
          </p>
        </section>
      ) : null}
    </AdminFrame>
  );
}
