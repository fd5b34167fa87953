// The comments of a page (embedded at the end of action and neighbourhood pages) and the
// comment pages that work without JavaScript: a new comment or a reply with its errors, the
// edit form, the report form. Comment text is rendered as text nodes and <a> elements built
// from splitComment(): never as HTML.
import type { PageContext } from "../../../ui/context.js";
import { CsrfField, ErrorSummary, FieldShell, fieldDescribedBy, Notice, Select } from "../../../ui/components/form.js";
import { Layout } from "../../../ui/layout.js";
import { formatDateTime } from "../../../lib/format.js";
import type { CommentView } from "./service.js";
import type { TextPart } from "./text.js";

export interface CommentFormModel {
  /** open: the form; refused: the reason (unverified, blocked); anonymous: a sign-in link. */
  state: "open" | "refused" | "anonymous";
  message: string;
  signInHref: string;
  neighbourhoods: { id: number; name: string }[];
  organisations: { id: number; name: string }[];
}

export interface CommentSectionModel {
  target: { kind: string; id: number; title: string; href: string };
  comments: CommentView[];
  count: number;
  form: CommentFormModel;
}

export const COMMENT_LABELS = { body: "Votre commentaire", quartier: "Quartier affiché", organisation: "Publier au nom de", reason: "Motif du signalement" };

function Text({ paragraphs }: { paragraphs: TextPart[][][] }) {
  return (
    <>
      {paragraphs.map((lines) => (
        <p>
          {lines.map((parts, i) => (
            <>
              {i > 0 ? <br /> : null}
              {parts.map((p) =>
                "href" in p ? (
                  <a href={p.href} rel="nofollow ugc">
                    {p.text}
                  </a>
                ) : (
                  p.text
                ),
              )}
            </>
          ))}
        </p>
      ))}
    </>
  );
}

function CommentItem({ c, ctx, reply }: { c: CommentView; ctx: PageContext; reply: boolean }) {
  const csrf = ctx.viewer.csrfToken ?? "";
  return (
    <li class={`comment comment--${c.state}`}>
      <article id={`commentaire-${c.id}`} aria-label={c.state === "deleted" ? "Contribution supprimée" : `Commentaire de ${c.authorName}`}>
        {c.state === "deleted" ? (
          <p class="comment__notice">Contribution supprimée.</p>
        ) : (
          <>
            <p class="comment__meta">
              <strong class="comment__author">{c.authorName}</strong>
              {c.organisation ? <span class="comment__organisation"> pour {c.organisation}</span> : null}
              {c.neighbourhood ? <span class="comment__place"> ({c.neighbourhood})</span> : null}
              {" · "}
              <time dateTime={c.createdAt.toISOString()}>{formatDateTime(c.createdAt)}</time>
              {c.edited ? <span class="comment__edited"> · modifié</span> : null}
            </p>
            {c.state === "pending" ? <p class="comment__notice">En attente de modération : vous seul voyez ce commentaire pour l’instant.</p> : null}
            {c.state === "hidden" ? <p class="comment__notice">Commentaire masqué par la modération. Motif : {c.reason}</p> : null}
            {c.state === "hidden_review" ? (
              <p class="comment__notice">Commentaire masqué après plusieurs signalements, en attente d’examen par la modération.</p>
            ) : null}
            {c.paragraphs.length > 0 ? (
              <div class="comment__body">
                <Text paragraphs={c.paragraphs} />
              </div>
            ) : null}
            <div class="comment__actions">
              {c.canReply && !reply && ctx.viewer.signedIn ? <a href={`/participation/commentaires/${c.id}/repondre`}>Répondre</a> : null}
              {c.canEdit ? <a href={`/participation/commentaires/${c.id}/modifier`}>Modifier</a> : null}
              {c.mine ? (
                <form method="post" action={`/participation/commentaires/${c.id}/supprimer`} class="inline-form">
                  <CsrfField token={csrf} />
                  <button type="submit" class="link-button">
                    Supprimer<span class="sr-only"> mon commentaire du {formatDateTime(c.createdAt)}</span>
                  </button>
                </form>
              ) : null}
              {c.canReport ? (
                <a href={`/participation/signaler/commentaire/${c.id}`}>
                  Signaler<span class="sr-only"> le commentaire de {c.authorName}</span>
                </a>
              ) : null}
            </div>
          </>
        )}
      </article>
      {c.replies.length > 0 ? (
        <ul class="comment-list comment-list--replies" aria-label="Réponses">
          {c.replies.map((r) => (
            <CommentItem c={r} ctx={ctx} reply />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function BodyField({ value, error, id = "champ-body" }: { value: string; error?: string | undefined; id?: string }) {
  const hint = "Texte simple, 2 000 caractères au plus. Les adresses web deviennent des liens. Restez courtois : les commentaires sont modérés.";
  return (
    <FieldShell id={id} label={COMMENT_LABELS.body} hint={hint} error={error} required>
      <textarea
        id={id}
        name="body"
        class="field__input"
        rows={5}
        maxLength={2000}
        required
        aria-invalid={error ? "true" : undefined}
        aria-describedby={fieldDescribedBy(id, hint, error)}
      >
        {value}
      </textarea>
    </FieldShell>
  );
}

/** The comment form; `parentId` for a reply. */
export function CommentForm(props: {
  ctx: PageContext;
  target: { kind: string; id: number; href: string };
  parentId?: number | null;
  neighbourhoods: { id: number; name: string }[];
  organisations?: { id: number; name: string }[];
  values?: { body?: string; quartier?: string; organisation?: string } | undefined;
  errors?: Record<string, string> | undefined;
}) {
  const errors = props.errors ?? {};
  const organisations = props.organisations ?? [];
  const options = [{ value: "", label: "Ne pas afficher de quartier" }, ...props.neighbourhoods.map((n) => ({ value: String(n.id), label: n.name }))];
  return (
    <form method="post" action="/participation/commentaires" class="comment-form" data-module="comments" novalidate>
      <CsrfField token={props.ctx.viewer.csrfToken ?? ""} />
      <input type="hidden" name="cible" value={props.target.kind} />
      <input type="hidden" name="id" value={String(props.target.id)} />
      {props.parentId ? <input type="hidden" name="reponse" value={String(props.parentId)} /> : null}
      <p class="comment-form__status" role="status" aria-live="polite" />
      <BodyField value={props.values?.body ?? ""} error={errors.body} />
      <Select
        name="quartier"
        label={COMMENT_LABELS.quartier}
        options={options}
        value={props.values?.quartier ?? ""}
        error={errors.quartier}
        hint="Affiché à côté de votre nom, si vous le souhaitez."
      />
      {organisations.length > 0 ? (
        <Select
          name="organisation"
          label={COMMENT_LABELS.organisation}
          options={[{ value: "", label: "En mon nom" }, ...organisations.map((o) => ({ value: String(o.id), label: o.name }))]}
          value={props.values?.organisation ?? ""}
          error={errors.organisation}
          hint="Vous êtes membre de ces organisations : le commentaire sera signé « votre nom pour l’organisation »."
        />
      ) : null}
      <button type="submit" class="button">
        {props.parentId ? "Publier ma réponse" : "Publier mon commentaire"}
      </button>
    </form>
  );
}

/** The comments block at the end of a public page. */
export function CommentSection({ ctx, model }: { ctx: PageContext; model: CommentSectionModel }) {
  const { form } = model;
  return (
    <section class="section comments" id="commentaires" aria-labelledby="commentaires-titre" data-comments-target={`${model.target.kind}:${model.target.id}`}>
      <h2 id="commentaires-titre">{model.count === 0 ? "Commentaires" : model.count === 1 ? "1 commentaire" : `${model.count} commentaires`}</h2>
      {model.comments.length === 0 ? <p class="empty">Aucun commentaire pour le moment.</p> : null}
      {model.comments.length > 0 ? (
        <ul class="comment-list">
          {model.comments.map((c) => (
            <CommentItem c={c} ctx={ctx} reply={false} />
          ))}
        </ul>
      ) : null}
      <h3 id="commenter">Commenter</h3>
      {form.state === "anonymous" ? (
        <p>
          <a href={form.signInHref}>Connectez-vous</a> ou créez un compte pour commenter.
        </p>
      ) : form.state === "refused" ? (
        <Notice kind="warning">{form.message}</Notice>
      ) : (
        <CommentForm ctx={ctx} target={model.target} neighbourhoods={form.neighbourhoods} organisations={form.organisations} />
      )}
    </section>
  );
}

function SimplePage(props: {
  ctx: PageContext;
  title: string;
  path: string;
  back: { href: string; title: string } | null;
  children: preact.ComponentChildren;
}) {
  const crumbs = [{ label: "Accueil", href: "/" }, ...(props.back ? [{ label: props.back.title, href: props.back.href }] : []), { label: props.title }];
  return (
    <Layout ctx={props.ctx} breadcrumb={crumbs} meta={{ title: props.title, description: props.title, canonicalPath: props.path, noindex: true }}>
      <div class="narrow">
        <h1>{props.title}</h1>
        {props.children}
      </div>
    </Layout>
  );
}

/** A new comment or a reply, without JavaScript: shown again with its errors. */
export function CommentFormPage(props: {
  ctx: PageContext;
  target: { kind: string; id: number; title: string; href: string };
  parent: { id: number; authorName: string; excerpt: string } | null;
  neighbourhoods: { id: number; name: string }[];
  organisations?: { id: number; name: string }[];
  refusal: string | null;
  values?: { body?: string; quartier?: string; organisation?: string } | undefined;
  errors?: Record<string, string> | undefined;
}) {
  const title = props.parent ? `Répondre à ${props.parent.authorName}` : `Commenter « ${props.target.title} »`;
  return (
    <SimplePage ctx={props.ctx} title={title} path="/participation/commentaires/nouveau" back={{ href: props.target.href, title: props.target.title }}>
      <ErrorSummary errors={props.errors ?? {}} labels={COMMENT_LABELS} />
      {props.parent ? (
        <blockquote class="comment__quote">
          <p>{props.parent.excerpt}</p>
        </blockquote>
      ) : null}
      {props.refusal ? (
        <Notice kind="warning">{props.refusal}</Notice>
      ) : (
        <CommentForm
          ctx={props.ctx}
          target={props.target}
          parentId={props.parent?.id ?? null}
          neighbourhoods={props.neighbourhoods}
          organisations={props.organisations}
          values={props.values}
          errors={props.errors}
        />
      )}
      <p>
        <a href={`${props.target.href}#commentaires`}>Retour à « {props.target.title} »</a>
      </p>
    </SimplePage>
  );
}

export function EditCommentPage(props: {
  ctx: PageContext;
  id: number;
  target: { title: string; href: string } | null;
  editable: boolean;
  until: Date;
  values: { body: string };
  errors?: Record<string, string> | undefined;
}) {
  return (
    <SimplePage ctx={props.ctx} title="Modifier mon commentaire" path={`/participation/commentaires/${props.id}/modifier`} back={props.target}>
      <ErrorSummary errors={props.errors ?? {}} labels={COMMENT_LABELS} />
      {props.editable ? (
        <form method="post" action={`/participation/commentaires/${props.id}/modifier`} novalidate>
          <CsrfField token={props.ctx.viewer.csrfToken ?? ""} />
          <p>Vous pouvez modifier ce commentaire jusqu’au {formatDateTime(props.until)}.</p>
          <BodyField value={props.values.body} error={props.errors?.body} />
          <button type="submit" class="button">
            Enregistrer
          </button>
        </form>
      ) : (
        <Notice kind="warning">
          Un commentaire ne peut être modifié que dans les 15 minutes qui suivent sa publication. Vous pouvez toujours le supprimer.
        </Notice>
      )}
      {props.target ? (
        <p>
          <a href={`${props.target.href}#commentaire-${props.id}`}>Retour à « {props.target.title} »</a>
        </p>
      ) : null}
    </SimplePage>
  );
}

export function ReportPage(props: {
  ctx: PageContext;
  path: string;
  item: { title: string; excerpt: string; href: string };
  refusal: string | null;
  done: boolean;
  values?: { reason?: string } | undefined;
  errors?: Record<string, string> | undefined;
}) {
  const hint = "Propos injurieux, haineux, publicité, données personnelles… Ce motif est lu par la modération seulement.";
  const id = "champ-reason";
  const error = props.errors?.reason;
  return (
    <SimplePage
      ctx={props.ctx}
      title="Signaler une contribution"
      path={props.path}
      back={props.item.href ? { href: props.item.href, title: props.item.title } : null}
    >
      <ErrorSummary errors={props.errors ?? {}} labels={COMMENT_LABELS} />
      <blockquote class="comment__quote">
        <p>{props.item.excerpt}</p>
      </blockquote>
      {props.done ? (
        <Notice kind="success">Merci : votre signalement a été transmis à la modération.</Notice>
      ) : props.refusal ? (
        <Notice kind="warning">{props.refusal}</Notice>
      ) : (
        <form method="post" action={props.path} novalidate>
          <CsrfField token={props.ctx.viewer.csrfToken ?? ""} />
          <FieldShell id={id} label={COMMENT_LABELS.reason} hint={hint} error={error} required>
            <textarea
              id={id}
              name="reason"
              class="field__input"
              rows={3}
              maxLength={500}
              required
              aria-invalid={error ? "true" : undefined}
              aria-describedby={fieldDescribedBy(id, hint, error)}
            >
              {props.values?.reason ?? ""}
            </textarea>
          </FieldShell>
          <button type="submit" class="button">
            Signaler
          </button>
        </form>
      )}
      {props.item.href ? (
        <p>
          <a href={props.item.href}>Retour à la page</a>
        </p>
      ) : null}
    </SimplePage>
  );
}
