// Articles open to comments (off by default): the editors' page in the back office.
import type { PageContext } from "../../../ui/context.js";
import { CsrfField, ErrorSummary, Field, Notice } from "../../../ui/components/form.js";
import { formatDate } from "../../../lib/format.js";
import { AdminFrame, type StaffActor } from "../../admin/index.js";

export const ARTICLES_PATH = "/admin/participation/articles";

export function OpenArticlesPage(props: {
  ctx: PageContext;
  actor: StaffActor;
  articles: { id: number; title: string; path: string; status: string; opened_at: Date }[];
  flash?: string | undefined;
  errors?: Record<string, string> | undefined;
  values?: { address?: string } | undefined;
}) {
  const { ctx, actor } = props;
  const csrf = ctx.viewer.csrfToken ?? "";
  return (
    <AdminFrame ctx={ctx} actor={actor} title="Articles ouverts aux commentaires">
      {props.flash === "ouvert" ? <Notice kind="success">Les commentaires de l’article sont ouverts.</Notice> : null}
      {props.flash === "ferme" ? <Notice kind="success">Les commentaires de l’article sont fermés (ceux déjà publiés ne sont plus affichés).</Notice> : null}
      <ErrorSummary errors={props.errors ?? {}} labels={{ address: "Adresse de l’article" }} />
      <p>Les articles sont fermés aux commentaires, sauf ceux ouverts ici. Les commentaires des actions et des quartiers sont toujours ouverts.</p>
      <form method="post" action={ARTICLES_PATH} novalidate>
        <CsrfField token={csrf} />
        <Field
          name="address"
          label="Adresse de l’article"
          hint="Par exemple /actualites/mon-article"
          value={props.values?.address ?? ""}
          error={props.errors?.address}
          required
        />
        <button type="submit" class="button">
          Ouvrir aux commentaires
        </button>
      </form>
      {props.articles.length === 0 ? (
        <p>Aucun article n’est ouvert aux commentaires.</p>
      ) : (
        <table class="table">
          <caption>Articles ouverts aux commentaires</caption>
          <thead>
            <tr>
              <th scope="col">Article</th>
              <th scope="col">Ouvert le</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {props.articles.map((a) => (
              <tr>
                <th scope="row">
                  <a href={a.path}>{a.title}</a>
                </th>
                <td>{formatDate(a.opened_at)}</td>
                <td>
                  <form method="post" action={`${ARTICLES_PATH}/${a.id}/fermer`}>
                    <CsrfField token={csrf} />
                    <button type="submit" class="button button--secondary">
                      Fermer<span class="sr-only"> les commentaires de {a.title}</span>
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminFrame>
  );
}
