// History pages: the list of revisions with a word diff between two of them and
// "restore this version"; the conflict page shown when a save arrives on a version that
// someone else has already replaced; the delete confirmation.
import type { RevisionOrigin } from "../../../../core/db/schema.js";
import type { DiffPart } from "../../../../lib/diff.js";
import type { PageContext } from "../../../../ui/context.js";
import { CsrfField, ErrorSummary, Notice, type Errors } from "../../../../ui/components/form.js";
import { AdminFrame, type StaffActor } from "../../../admin/index.js";
import { SelectField, Time } from "./common.js";

export const ORIGIN_LABELS: Record<RevisionOrigin, string> = {
  save: "Enregistrement",
  autosave: "Enregistrement automatique",
  restore: "Restauration",
  conflict: "Modification non appliquée (conflit)",
};

export const DIFF_FIELD_LABELS: Record<string, string> = { title: "Titre", slug: "Adresse", standfirst: "Chapô", body: "Texte" };

export interface RevisionRow {
  id: number;
  createdAt: Date;
  author: string | null;
  origin: RevisionOrigin;
  title: string;
}

export interface FieldDiffView {
  field: string;
  parts: DiffPart[];
}

function Diff({ diffs }: { diffs: FieldDiffView[] }) {
  if (diffs.length === 0) return <p>Aucune différence de titre, d’adresse, de chapô ou de texte.</p>;
  return (
    <dl class="content-diff">
      {diffs.map((d) => (
        <>
          <dt>{DIFF_FIELD_LABELS[d.field] ?? d.field}</dt>
          <dd>
            {d.parts.map((p) =>
              p.kind === "same" ? (
                <span>{p.text}</span>
              ) : p.kind === "added" ? (
                <ins>
                  <span class="sr-only">[ajouté : </span>
                  {p.text}
                  <span class="sr-only">]</span>
                </ins>
              ) : (
                <del>
                  <span class="sr-only">[supprimé : </span>
                  {p.text}
                  <span class="sr-only">]</span>
                </del>
              ),
            )}
          </dd>
        </>
      ))}
    </dl>
  );
}

export interface RevisionsData {
  item: { id: number; title: string; version: number; editable: boolean };
  rows: RevisionRow[];
  compare: { from: RevisionRow; to: RevisionRow; diffs: FieldDiffView[] } | null;
  canRestore: boolean;
  errors: Errors;
}

function revisionLabel(r: RevisionRow): string {
  return `n° ${r.id}`;
}

export function RevisionsPage({ ctx, actor, data }: { ctx: PageContext; actor: StaffActor; data: RevisionsData }) {
  const base = `/admin/contenus/${data.item.id}`;
  const options = data.rows.map((r) => ({ value: String(r.id), label: `${revisionLabel(r)} – ${r.author ?? "auteur inconnu"} – ${ORIGIN_LABELS[r.origin]}` }));
  return (
    <AdminFrame
      ctx={ctx}
      actor={actor}
      title={`Versions de « ${data.item.title} »`}
      breadcrumb={[
        { label: "Contenus", href: "/admin/contenus" },
        { label: data.item.title, href: data.item.editable ? base : `${base}/apercu` },
        { label: "Versions" },
      ]}
    >
      <ErrorSummary errors={data.errors} />
      {data.rows.length >= 2 ? (
        <form method="get" action={`${base}/revisions`} class="admin-filters" aria-label="Comparer deux versions">
          <SelectField name="de" label="Comparer la version" value={String(data.compare?.from.id ?? "")} options={options} />
          <SelectField name="a" label="avec la version" value={String(data.compare?.to.id ?? "")} options={options} />
          <button type="submit" class="button">
            Comparer
          </button>
        </form>
      ) : null}
      {data.compare ? (
        <section aria-labelledby="comparaison-titre" class="content-compare">
          <h2 id="comparaison-titre">
            Différences entre la version {revisionLabel(data.compare.from)} (<Time date={data.compare.from.createdAt} />) et la version{" "}
            {revisionLabel(data.compare.to)} (<Time date={data.compare.to.createdAt} />)
          </h2>
          <p class="field__hint">Le texte est comparé sans sa mise en forme. Ajouts soulignés, suppressions barrées.</p>
          <Diff diffs={data.compare.diffs} />
        </section>
      ) : null}
      <div class="admin-table-wrap">
        <table class="table">
          <caption>Versions enregistrées, de la plus récente à la plus ancienne</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Date</th>
              <th scope="col">Par</th>
              <th scope="col">Origine</th>
              <th scope="col">Titre</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r, i) => (
              <tr>
                <th scope="row">{revisionLabel(r)}</th>
                <td>
                  <Time date={r.createdAt} />
                </td>
                <td>{r.author ?? "—"}</td>
                <td>{ORIGIN_LABELS[r.origin]}</td>
                <td>{r.title}</td>
                <td class="content-history__actions">
                  {i < data.rows.length - 1 ? (
                    <a href={`${base}/revisions?de=${data.rows[i + 1]!.id}&a=${r.id}`}>
                      Voir les changements<span class="sr-only"> de la version {revisionLabel(r)}</span>
                    </a>
                  ) : null}
                  {data.canRestore && i > 0 ? (
                    <form method="post" action={`${base}/revisions/${r.id}/restaurer`}>
                      <CsrfField token={ctx.viewer.csrfToken} />
                      <input type="hidden" name="version" value={String(data.item.version)} />
                      <button type="submit" class="link-button">
                        Restaurer cette version<span class="sr-only"> ({revisionLabel(r)})</span>
                      </button>
                    </form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </AdminFrame>
  );
}

export interface ConflictData {
  item: { id: number; title: string; version: number };
  savedBy: string | null;
  savedAt: Date;
  revisionId: number;
  saved: { title: string; standfirst: string; body: string };
  mine: { title: string; standfirst: string; body: string };
  diffs: FieldDiffView[];
  canRestore: boolean;
}

function VersionColumn({ heading, id, v }: { heading: string; id: string; v: ConflictData["saved"] }) {
  return (
    <section class="content-conflict__version" aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <h3>Titre</h3>
      <p>{v.title}</p>
      <h3>Chapô</h3>
      <p>{v.standfirst || "—"}</p>
      <h3>Texte</h3>
      <div class="content-conflict__text">{v.body || "—"}</div>
    </section>
  );
}

export function ConflictPage({ ctx, actor, data }: { ctx: PageContext; actor: StaffActor; data: ConflictData }) {
  const base = `/admin/contenus/${data.item.id}`;
  return (
    <AdminFrame
      ctx={ctx}
      actor={actor}
      title="Conflit de modification : rien n’a été écrasé"
      breadcrumb={[{ label: "Contenus", href: "/admin/contenus" }, { label: data.item.title, href: base }, { label: "Conflit de modification" }]}
    >
      <Notice kind="warning">
        <p>
          Ce contenu a été modifié par {data.savedBy ?? "une autre personne"} le <Time date={data.savedAt} /> pendant que vous le modifiiez. Vos modifications
          n’ont pas été appliquées : elles sont conservées dans l’historique (version n° {data.revisionId}).
        </p>
        <p>Comparez les deux versions, puis reprenez la version enregistrée pour y reporter vos changements, ou remplacez-la par la vôtre.</p>
      </Notice>
      <div class="admin-actions content-conflict__actions">
        <a class="button" href={base}>
          Reprendre la version enregistrée
        </a>
        {data.canRestore ? (
          <form method="post" action={`${base}/revisions/${data.revisionId}/restaurer`}>
            <CsrfField token={ctx.viewer.csrfToken} />
            <input type="hidden" name="version" value={String(data.item.version)} />
            <button type="submit" class="button button--secondary">
              Remplacer par ma version
            </button>
          </form>
        ) : null}
      </div>
      <section aria-labelledby="differences-titre">
        <h2 id="differences-titre">Ce que votre version change par rapport à la version enregistrée</h2>
        <p class="field__hint">Ajouts soulignés, suppressions barrées ; le texte est comparé sans sa mise en forme.</p>
        <Diff diffs={data.diffs} />
      </section>
      <div class="content-conflict">
        <VersionColumn heading={`Version enregistrée${data.savedBy ? ` (par ${data.savedBy})` : ""}`} id="version-enregistree" v={data.saved} />
        <VersionColumn heading="Votre version" id="votre-version" v={data.mine} />
      </div>
    </AdminFrame>
  );
}

export function DeletePage({
  ctx,
  actor,
  item,
  errors,
}: {
  ctx: PageContext;
  actor: StaffActor;
  item: { id: number; title: string; published: boolean };
  errors: Errors;
}) {
  const base = `/admin/contenus/${item.id}`;
  return (
    <AdminFrame
      ctx={ctx}
      actor={actor}
      title={`Supprimer « ${item.title} »`}
      breadcrumb={[{ label: "Contenus", href: "/admin/contenus" }, { label: item.title, href: base }, { label: "Supprimer" }]}
    >
      <ErrorSummary errors={errors} />
      <Notice kind="warning">
        <p>
          La suppression est définitive : le contenu et toutes ses versions seront effacés.
          {item.published ? " Il est publié : sa page disparaîtra du site." : ""} Pour le retirer du site sans l’effacer, dépubliez-le ou archivez-le.
        </p>
      </Notice>
      <form method="post" action={`${base}/supprimer`} class="admin-actions">
        <CsrfField token={ctx.viewer.csrfToken} />
        <input type="hidden" name="confirm" value="oui" />
        <button type="submit" id="champ-confirm" class="button button--danger">
          Supprimer définitivement
        </button>
        <a href={base}>Annuler</a>
      </form>
    </AdminFrame>
  );
}
