import type { PageContext } from "../../../../ui/context.js";
import { Pagination } from "../../../../ui/components/pagination.js";
import { AdminFrame, type StaffActor } from "../../../admin/index.js";
import { cancelledPart, formatEuros, statusLabel } from "../../present.js";
import { STATUSES } from "../../queries.js";
import type { ActionList, PlaceChoice } from "../present.js";
import { BASE, crumbs, Flash, Input, SectionNav, Select } from "./shared.js";

const PLACE_KINDS: Record<string, string> = { qpv: "Quartiers prioritaires (QPV)", quartier: "Quartiers", commune: "Communes" };

export function placeGroups(places: PlaceChoice[]) {
  return Object.entries(PLACE_KINDS)
    .map(([kind, label]) => ({ kind, label, places: places.filter((p) => p.kind === kind) }))
    .filter((g) => g.places.length > 0);
}

export function ActionsView(props: {
  ctx: PageContext;
  actor: StaffActor;
  data: ActionList;
  query: Record<string, string | undefined>;
  flash?: string | undefined;
}) {
  const { ctx, actor, data, query } = props;
  const href = (n: number) => {
    const p = new URLSearchParams();
    for (const k of ["q", "contrat", "priorite", "statut", "quartier"]) if (query[k]) p.set(k, query[k]!);
    if (n > 1) p.set("page", String(n));
    const s = p.toString();
    return `${BASE}/actions${s ? `?${s}` : ""}`;
  };
  const filtered = ["q", "contrat", "priorite", "statut", "quartier"].some((k) => query[k]);
  const priorityGroups = new Map<string, Array<{ value: string; label: string }>>();
  for (const p of data.priorities) priorityGroups.set(p.contractName, [...(priorityGroups.get(p.contractName) ?? []), { value: String(p.id), label: p.title }]);
  return (
    <AdminFrame ctx={ctx} actor={actor} title="Actions" breadcrumb={crumbs({ label: "Actions" })}>
      <SectionNav current={`${BASE}/actions`} />
      <Flash code={props.flash} />
      <div class="admin-toolbar">
        <a class="button" href={`${BASE}/actions/nouvelle`}>
          Ajouter une action
        </a>
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is not yet announced as a landmark by every screen reader; <form role="search"> is */}
      <form method="get" action={`${BASE}/actions`} class="admin-filters" role="search" aria-label="Rechercher et filtrer les actions">
        <Input name="q" type="search" label="Titre ou identifiant" value={query.q ?? ""} maxLength={100} bare />
        <Select
          name="contrat"
          label="Contrat"
          value={query.contrat ?? ""}
          empty="Tous"
          bare
          options={data.contracts.map((c) => ({ value: String(c.id), label: c.name }))}
        />
        <Select
          name="priorite"
          label="Priorité"
          value={query.priorite ?? ""}
          empty="Toutes"
          bare
          options={[]}
          groups={[...priorityGroups].map(([label, options]) => ({ label, options }))}
        />
        <Select
          name="statut"
          label="Statut"
          value={query.statut ?? ""}
          empty="Tous"
          bare
          options={STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))}
        />
        <Select
          name="quartier"
          label="Quartier ou QPV"
          value={query.quartier ?? ""}
          empty="Tous"
          bare
          options={[]}
          groups={placeGroups(data.places).map((g) => ({
            label: g.label,
            options: g.places.map((p) => ({ value: String(p.id), label: p.code && p.kind === "qpv" ? `${p.name} (${p.code})` : p.name })),
          }))}
        />
        <button type="submit" class="button button--secondary">
          Filtrer
        </button>
        {filtered ? <a href={`${BASE}/actions`}>Effacer les filtres</a> : null}
      </form>
      {data.rows.length === 0 ? (
        <p>{filtered ? "Aucune action ne correspond à ces critères." : "Aucune action pour l’instant."}</p>
      ) : (
        <div class="admin-table-wrap">
          <table class="table">
            <caption>
              {filtered ? "Actions correspondant aux critères" : "Actions"} ({data.total}
              {cancelledPart(data.total, data.cancelled)}){data.pageCount > 1 ? `, page ${data.page} sur ${data.pageCount}` : ""}
            </caption>
            <thead>
              <tr>
                <th scope="col">Action</th>
                <th scope="col">Priorité</th>
                <th scope="col">Statut</th>
                <th scope="col">Avancement</th>
                <th scope="col">Financement</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr>
                  <th scope="row">
                    <a href={`${BASE}/actions/${r.id}`}>{r.title}</a>
                    {r.isExample ? <span class="pdv-muted"> (exemple)</span> : null}
                  </th>
                  <td>
                    {r.priorityTitle} <span class="pdv-muted">({r.contractName})</span>
                  </td>
                  <td>{statusLabel(r.status)}</td>
                  <td>{r.progress} %</td>
                  <td>{Number(r.budget) > 0 ? formatEuros(r.budget) : "Aucun"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={data.page} pageCount={data.pageCount} href={href} />
    </AdminFrame>
  );
}
