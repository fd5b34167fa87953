import type { PageContext } from "../../../ui/context.js";
import type { AuditEvent } from "../../../core/audit.js";
import { formatDateTime } from "../../../lib/format.js";
import { Notice, Select } from "../../../ui/components/form.js";
import { Pagination } from "../../../ui/components/pagination.js";
import { AdminFrame } from "../frame.js";
import type { StaffActor } from "../guard.js";
import { ACTION_FAMILIES, actionLabel, detailsText, targetHref } from "../audit-view-model.js";

export interface AuditQuery {
  action: string;
  actor: string;
  target: string;
  from: string;
  to: string;
}

export function AuditPage(props: {
  ctx: PageContext;
  actor: StaffActor;
  events: AuditEvent[];
  total: number;
  page: number;
  pageCount: number;
  query: AuditQuery;
  actors: Array<{ id: number; label: string }>;
  problem?: string;
}) {
  const q = props.query;
  const href = (page: number) => {
    const params = new URLSearchParams();
    if (q.action) params.set("action", q.action);
    if (q.actor) params.set("acteur", q.actor);
    if (q.target) params.set("cible", q.target);
    if (q.from) params.set("du", q.from);
    if (q.to) params.set("au", q.to);
    if (page > 1) params.set("page", String(page));
    const s = params.toString();
    return s ? `/admin/journal?${s}` : "/admin/journal";
  };
  return (
    <AdminFrame ctx={props.ctx} actor={props.actor} title="Journal d’activité">
      <p>Chaque action de l’équipe dans l’administration est enregistrée ici : qui, quand, sur quoi.</p>
      {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is not yet announced as a landmark by every screen reader; <form role="search"> is */}
      <form method="get" action="/admin/journal" class="admin-filters" role="search" aria-label="Filtrer le journal">
        <Select name="action" label="Type d’action" value={q.action} options={ACTION_FAMILIES} required />
        <Select
          name="acteur"
          label="Personne"
          value={q.actor}
          options={[{ value: "", label: "Tout le monde" }, ...props.actors.map((a) => ({ value: String(a.id), label: a.label }))]}
          required
        />
        <div class="field">
          <label class="field__label" for="champ-du">
            Du
          </label>
          <input class="field__input" type="date" id="champ-du" name="du" value={q.from} />
        </div>
        <div class="field">
          <label class="field__label" for="champ-au">
            Au (inclus)
          </label>
          <input class="field__input" type="date" id="champ-au" name="au" value={q.to} />
        </div>
        {q.target ? <input type="hidden" name="cible" value={q.target} /> : null}
        <button type="submit" class="button">
          Filtrer
        </button>
        <a href="/admin/journal">Effacer les filtres</a>
      </form>
      {props.problem ? (
        <Notice kind="warning">
          <p>{props.problem}</p>
        </Notice>
      ) : null}
      <div class="admin-table-wrap">
        <table class="table">
          <caption>
            {props.total === 0 ? "Aucun événement" : props.total === 1 ? "1 événement" : `${props.total} événements`}
            {props.pageCount > 1 ? `, page ${props.page} sur ${props.pageCount}` : ""}
          </caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Personne</th>
              <th scope="col">Action</th>
              <th scope="col">Cible</th>
              <th scope="col">Détails</th>
              <th scope="col">Adresse IP</th>
            </tr>
          </thead>
          <tbody>
            {props.events.map((e) => {
              const link = targetHref(e);
              return (
                <tr>
                  <td>
                    <time datetime={e.occurredAt.toISOString()}>{formatDateTime(e.occurredAt)}</time>
                  </td>
                  <td>{e.actorId ? <a href={`/admin/journal?acteur=${e.actorId}`}>{e.actorLabel}</a> : e.actorLabel || "Système"}</td>
                  <td>{actionLabel(e.action)}</td>
                  <td>{link ? <a href={link}>{e.targetLabel || `${e.targetType} ${e.targetId}`}</a> : e.targetLabel || e.targetId}</td>
                  <td>
                    <pre class="admin-details">{detailsText(e.details)}</pre>
                  </td>
                  <td>{e.ip}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Pagination page={props.page} pageCount={props.pageCount} href={href} />
    </AdminFrame>
  );
}
