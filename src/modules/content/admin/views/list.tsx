// /admin/contenus: every item, with search, filters, sorting and pagination.
import type { PageContext } from "../../../../ui/context.js";
import { formatNumber } from "../../../../lib/format.js";
import { Pagination } from "../../../../ui/components/pagination.js";
import { AdminFrame, type StaffActor } from "../../../admin/index.js";
import type { ContentKind, ContentStatus } from "../../../../core/db/schema.js";
import { KIND_LABELS, SelectField, StatusBadge, STATUS_LABELS, Time, type Option } from "./common.js";

export interface ListFilters {
  q: string;
  type: string;
  statut: string;
  theme: string;
  quartier: string;
  auteur: string;
  tri: "recent" | "ancien";
}

/** One line of the table. */
export interface ListRowView {
  id: number;
  title: string;
  path: string;
  kind: ContentKind;
  status: ContentStatus;
  scheduledAt: Date | null;
  author: string | null;
  updatedAt: Date;
}

export interface ListData {
  filters: ListFilters;
  rows: ListRowView[];
  total: number;
  /** More matches than `total` (the count stops there): pages go through the first `total`. */
  more: boolean;
  page: number;
  pageCount: number;
  themes: Option[];
  neighbourhoods: Option[];
  authors: Option[];
  canCreate: boolean;
  /** Items the actor may open in the editor (others open in preview). */
  editable: ReadonlySet<number>;
}

export function listHref(filters: ListFilters, changes: Partial<ListFilters> & { page?: number } = {}): string {
  const merged = { ...filters, ...changes };
  const params = new URLSearchParams();
  for (const key of ["q", "type", "statut", "theme", "quartier", "auteur"] as const) if (merged[key]) params.set(key, merged[key]);
  if (merged.tri !== "recent") params.set("tri", merged.tri);
  if (changes.page && changes.page > 1) params.set("page", String(changes.page));
  const s = params.toString();
  return `/admin/contenus${s ? `?${s}` : ""}`;
}

export function ContentListPage({ ctx, actor, data }: { ctx: PageContext; actor: StaffActor; data: ListData }) {
  const f = data.filters;
  const filtered = Boolean(f.q || f.type || f.statut || f.theme || f.quartier || f.auteur);
  const sortLabel = f.tri === "recent" ? "du plus récent au plus ancien" : "du plus ancien au plus récent";
  return (
    <AdminFrame ctx={ctx} actor={actor} title="Contenus">
      {data.canCreate ? (
        <div class="admin-toolbar">
          <a class="button" href="/admin/contenus/nouveau?type=article">
            Nouvel article
          </a>
          <a class="button button--secondary" href="/admin/contenus/nouveau?type=page">
            Nouvelle page
          </a>
        </div>
      ) : null}
      {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is not yet announced as a landmark by every screen reader; <form role="search"> is */}
      <form method="get" action="/admin/contenus" class="admin-filters" role="search" aria-label="Filtrer les contenus">
        <div class="field">
          <label for="champ-q" class="field__label">
            Titre contient
          </label>
          <input id="champ-q" name="q" type="search" class="field__input" value={f.q} maxLength={200} />
        </div>
        <SelectField
          name="type"
          label="Type"
          value={f.type}
          options={[
            { value: "", label: "Tous" },
            { value: "article", label: "Articles" },
            { value: "page", label: "Pages" },
          ]}
        />
        <SelectField
          name="statut"
          label="Statut"
          value={f.statut}
          options={[{ value: "", label: "Tous" }, ...Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))]}
        />
        <SelectField name="theme" label="Thème" value={f.theme} options={[{ value: "", label: "Tous" }, ...data.themes]} />
        <SelectField name="quartier" label="Quartier" value={f.quartier} options={[{ value: "", label: "Tous" }, ...data.neighbourhoods]} />
        <SelectField name="auteur" label="Auteur ou autrice" value={f.auteur} options={[{ value: "", label: "Tous" }, ...data.authors]} />
        <SelectField
          name="tri"
          label="Ordre"
          value={f.tri}
          options={[
            { value: "recent", label: "Modifiés récemment d’abord" },
            { value: "ancien", label: "Modifiés il y a longtemps d’abord" },
          ]}
        />
        <button type="submit" class="button">
          Filtrer
        </button>
        {filtered ? <a href="/admin/contenus">Effacer les filtres</a> : null}
      </form>
      <p role="status">
        {data.more
          ? `Plus de ${formatNumber(data.total)} contenus : les pages parcourent les ${formatNumber(data.total)} premiers. Affinez avec les filtres ou changez l’ordre pour voir les autres.`
          : data.total === 0
            ? "Aucun contenu ne correspond."
            : data.total === 1
              ? "1 contenu"
              : `${formatNumber(data.total)} contenus`}
      </p>
      {data.rows.length > 0 ? (
        <div class="admin-table-wrap">
          <table class="table content-table">
            <caption>
              Contenus{filtered ? " filtrés" : ""}, {sortLabel} (page {data.page} sur {data.pageCount})
            </caption>
            <thead>
              <tr>
                <th scope="col">Titre</th>
                <th scope="col">Type</th>
                <th scope="col">Statut</th>
                <th scope="col">Auteur ou autrice</th>
                <th scope="col" aria-sort={f.tri === "recent" ? "descending" : "ascending"}>
                  <a href={listHref(f, { tri: f.tri === "recent" ? "ancien" : "recent" })}>
                    Dernière modification
                    <span class="sr-only">, trier {f.tri === "recent" ? "du plus ancien au plus récent" : "du plus récent au plus ancien"}</span>
                    <span aria-hidden="true">{f.tri === "recent" ? " ↓" : " ↑"}</span>
                  </a>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr>
                  <th scope="row">
                    <a href={data.editable.has(r.id) ? `/admin/contenus/${r.id}` : `/admin/contenus/${r.id}/apercu`}>{r.title}</a>
                    <span class="content-table__path">{r.path}</span>
                  </th>
                  <td>{KIND_LABELS[r.kind]}</td>
                  <td>
                    <StatusBadge status={r.status} />
                    {r.status === "scheduled" && r.scheduledAt ? (
                      <span class="content-table__when">
                        {" "}
                        pour le <Time date={r.scheduledAt} />
                      </span>
                    ) : null}
                  </td>
                  <td>{r.author ?? "—"}</td>
                  <td>
                    <Time date={r.updatedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Pagination page={data.page} pageCount={data.pageCount} href={(n) => listHref(f, { page: n })} />
    </AdminFrame>
  );
}
