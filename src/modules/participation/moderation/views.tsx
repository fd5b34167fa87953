// The moderators' pages in the back office: the queue, the settings per space, the blocks.
import type { PageContext } from "../../../ui/context.js";
import { CsrfField, ErrorSummary, FieldShell, fieldDescribedBy, Notice } from "../../../ui/components/form.js";
import { Pagination } from "../../../ui/components/pagination.js";
import { formatDate, formatDateTime } from "../../../lib/format.js";
import { AdminFrame, type StaffActor } from "../../admin/index.js";
import { can } from "../../../core/auth/roles.js";
import type { loadQueue } from "./service.js";

type Queue = Awaited<ReturnType<typeof loadQueue>>;
export const QUEUE_PATH = "/admin/participation/moderation";
export const SETTINGS_PATH = "/admin/participation/reglages";
export const BLOCKS_PATH = "/admin/participation/suspensions";

const FLASH: Record<string, string> = {
  approuve: "La contribution est visible.",
  masque: "La contribution est masquée ; son auteur est prévenu avec le motif.",
  suspendu: "Le compte est suspendu ; la personne est prévenue avec le motif.",
  retabli: "La suspension est levée.",
  enregistre: "Réglage enregistré.",
};

const STATE_LABELS: Record<string, string> = { pending: "En attente (pré-modération)", visible: "Visible", hidden: "Masquée" };

function TextArea(props: { id: string; name: string; label: string; hint?: string; error?: string | undefined; value?: string; required?: boolean }) {
  return (
    <FieldShell id={props.id} label={props.label} hint={props.hint} error={props.error} required={props.required}>
      <textarea
        id={props.id}
        name={props.name}
        class="field__input"
        rows={2}
        maxLength={500}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={fieldDescribedBy(props.id, props.hint, props.error)}
      >
        {props.value ?? ""}
      </textarea>
    </FieldShell>
  );
}

export function QueuePage(props: {
  ctx: PageContext;
  actor: StaffActor;
  queue: Queue;
  flash?: string | undefined;
  errors?: { key: string; fields: Record<string, string>; values: Record<string, string> } | undefined;
}) {
  const { ctx, actor, queue } = props;
  const csrf = ctx.viewer.csrfToken ?? "";
  const mayBlock = can(actor, "participation.block");
  return (
    <AdminFrame ctx={ctx} actor={actor} title="File de modération">
      {props.flash && FLASH[props.flash] ? <Notice kind="success">{FLASH[props.flash]}</Notice> : null}
      {props.errors ? (
        <ErrorSummary errors={Object.fromEntries(Object.entries(props.errors.fields).map(([k, v]) => [`${k}-${props.errors?.key}`, v]))} />
      ) : null}
      <p>
        {queue.total === 0 ? "Rien à examiner." : queue.total === 1 ? "1 contribution à examiner." : `${queue.total} contributions à examiner`}, les plus
        anciennes d’abord. Un motif de masquage est public : l’auteur le reçoit et les lecteurs le voient à la place du texte.
      </p>
      <ol class="moderation-queue">
        {queue.items.map((item) => {
          const key = `${item.kind}-${item.id}`;
          const errs = props.errors?.key === key ? props.errors.fields : {};
          const vals = props.errors?.key === key ? props.errors.values : {};
          return (
            <li class="moderation-item" id={`a-moderer-${key}`}>
              <h2 class="moderation-item__title">
                {item.label} n° {item.id} : {item.href ? <a href={item.href}>{item.title}</a> : item.title}
              </h2>
              <p class="moderation-item__meta">
                {STATE_LABELS[item.moderation] ?? item.moderation} · {item.why === "premoderation" ? "pré-modération" : "signalée"} depuis le{" "}
                {formatDateTime(item.queuedAt)}
              </p>
              <blockquote class="moderation-item__text">
                <p>{item.gone ? "Contribution supprimée par son auteur." : item.excerpt}</p>
              </blockquote>
              {item.reports.length > 0 ? (
                <>
                  <h3>{item.reports.length === 1 ? "1 signalement" : `${item.reports.length} signalements`}</h3>
                  <ul>
                    {item.reports.map((r) => (
                      <li>
                        {r.reason} <span class="muted">({formatDateTime(r.at)})</span>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              <div class="moderation-item__decisions">
                <form method="post" action={`${QUEUE_PATH}/${item.kind}/${item.id}`}>
                  <CsrfField token={csrf} />
                  <input type="hidden" name="decision" value="approve" />
                  <button type="submit" class="button">
                    {item.gone ? "Retirer de la file" : item.moderation === "visible" ? "Laisser visible" : "Approuver"}
                    <span class="sr-only"> : {item.title}</span>
                  </button>
                </form>
                {item.gone ? null : (
                  <form method="post" action={`${QUEUE_PATH}/${item.kind}/${item.id}`}>
                    <CsrfField token={csrf} />
                    <input type="hidden" name="decision" value="hide" />
                    <TextArea id={`reason-${key}`} name="reason" label="Motif public du masquage" error={errs.reason} value={vals.reason} required />
                    <button type="submit" class="button button--danger">
                      Masquer<span class="sr-only"> : {item.title}</span>
                    </button>
                  </form>
                )}
                {mayBlock && item.authorId !== null && !item.gone ? (
                  <form method="post" action={`/admin/participation/comptes/${item.authorId}/suspendre`}>
                    <CsrfField token={csrf} />
                    <input type="hidden" name="retour" value={key} />
                    <div class="field">
                      <label class="field__label" for={`days-${key}`}>
                        Suspendre l’auteur (jours)
                      </label>
                      {errs.days ? (
                        <p id={`days-${key}-erreur`} class="field__error">
                          {errs.days}
                        </p>
                      ) : null}
                      <input
                        id={`days-${key}`}
                        name="days"
                        type="number"
                        min={1}
                        max={365}
                        class="field__input"
                        value={vals.days ?? "7"}
                        aria-describedby={errs.days ? `days-${key}-erreur` : undefined}
                      />
                    </div>
                    <TextArea
                      id={`blockreason-${key}`}
                      name="reason"
                      label="Motif de la suspension"
                      error={errs.blockReason}
                      value={vals.blockReason}
                      required
                    />
                    <button type="submit" class="button button--secondary">
                      Suspendre l’auteur<span class="sr-only"> de : {item.title}</span>
                    </button>
                  </form>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
      <Pagination page={queue.page} pageCount={queue.pages} href={(p) => (p > 1 ? `${QUEUE_PATH}?page=${p}` : QUEUE_PATH)} />
    </AdminFrame>
  );
}

export function SettingsPage(props: {
  ctx: PageContext;
  actor: StaffActor;
  spaces: { space: string; label: string; premoderation: boolean; reportThreshold: number; saved: boolean }[];
  flash?: string | undefined;
  errors?: Record<string, string> | undefined;
  values?: { space?: string; reportThreshold?: string; premoderation?: boolean } | undefined;
}) {
  const { ctx, actor } = props;
  const errors = props.errors ?? {};
  return (
    <AdminFrame ctx={ctx} actor={actor} title="Réglages de la modération">
      {props.flash && FLASH[props.flash] ? <Notice kind="success">{FLASH[props.flash]}</Notice> : null}
      <ErrorSummary errors={errors} labels={{ space: "Espace", reportThreshold: "Signalements avant masquage" }} />
      <p>
        En pré-modération, une contribution n’est publiée qu’une fois approuvée. En post-modération, elle est publiée tout de suite et masquée pour examen quand
        elle atteint le nombre de signalements indiqué. Un réglage pour une seule page (par exemple « comment:action:12 ») l’emporte sur celui de son espace.
      </p>
      <table class="table">
        <caption>Réglages en vigueur</caption>
        <thead>
          <tr>
            <th scope="col">Espace</th>
            <th scope="col">Modération</th>
            <th scope="col">Signalements avant masquage</th>
          </tr>
        </thead>
        <tbody>
          {props.spaces.map((s) => (
            <tr>
              <th scope="row">
                {s.label} <code>{s.space}</code>
              </th>
              <td>{s.premoderation ? "Pré-modération" : "Post-modération"}</td>
              <td>
                {s.reportThreshold}
                {s.saved ? null : " (par défaut)"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Modifier un réglage</h2>
      <form method="post" action={SETTINGS_PATH} novalidate>
        <CsrfField token={ctx.viewer.csrfToken ?? ""} />
        <FieldShell
          id="champ-space"
          label="Espace"
          hint="comment:action, comment:neighbourhood ou proposal, suivi si besoin de « : » et du numéro d’une action ou d’un quartier."
          error={errors.space}
          required
        >
          <input
            id="champ-space"
            name="space"
            class="field__input"
            value={props.values?.space ?? "comment:action"}
            required
            aria-invalid={errors.space ? "true" : undefined}
            aria-describedby={fieldDescribedBy("champ-space", "x", errors.space)}
          />
        </FieldShell>
        <div class="field">
          <input id="champ-premoderation" type="checkbox" name="premoderation" checked={props.values?.premoderation ?? false} />
          <label for="champ-premoderation"> Pré-modération (publier seulement après approbation)</label>
        </div>
        <FieldShell id="champ-reportThreshold" label="Signalements avant masquage" error={errors.reportThreshold} required>
          <input
            id="champ-reportThreshold"
            name="reportThreshold"
            type="number"
            min={1}
            max={100}
            class="field__input"
            value={props.values?.reportThreshold ?? "3"}
            required
            aria-invalid={errors.reportThreshold ? "true" : undefined}
            aria-describedby={errors.reportThreshold ? "champ-reportThreshold-erreur" : undefined}
          />
        </FieldShell>
        <button type="submit" class="button">
          Enregistrer
        </button>
      </form>
    </AdminFrame>
  );
}

export function BlocksPage(props: {
  ctx: PageContext;
  actor: StaffActor;
  blocks: { user_id: number; display_name: string; blocked_until: Date; reason: string }[];
  flash?: string | undefined;
}) {
  const { ctx, actor } = props;
  return (
    <AdminFrame ctx={ctx} actor={actor} title="Comptes suspendus">
      {props.flash && FLASH[props.flash] ? <Notice kind="success">{FLASH[props.flash]}</Notice> : null}
      {props.blocks.length === 0 ? (
        <p>Aucun compte n’est suspendu. On suspend un auteur depuis la file de modération.</p>
      ) : (
        <table class="table">
          <caption>Suspensions en cours</caption>
          <thead>
            <tr>
              <th scope="col">Compte</th>
              <th scope="col">Jusqu’au</th>
              <th scope="col">Motif</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {props.blocks.map((b) => (
              <tr>
                <th scope="row">{b.display_name || `Compte n° ${b.user_id}`}</th>
                <td>{formatDate(b.blocked_until)}</td>
                <td>{b.reason}</td>
                <td>
                  <form method="post" action={`/admin/participation/comptes/${b.user_id}/retablir`}>
                    <CsrfField token={ctx.viewer.csrfToken ?? ""} />
                    <button type="submit" class="button button--secondary">
                      Lever la suspension<span class="sr-only"> de {b.display_name || `compte n° ${b.user_id}`}</span>
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
