// Back-office pages of the media library: list, upload form, one image, deletion.
import { formatNumber } from "../../lib/format.js";
import type { PageContext } from "../../ui/context.js";
import { CsrfField, ErrorSummary, FieldShell, fieldDescribedBy, Notice, type Errors } from "../../ui/components/form.js";
import { Pagination } from "../../ui/components/pagination.js";
import { Picture } from "../../ui/components/picture.js";
import { AdminFrame, type StaffActor } from "../admin/index.js";
import { ACCEPT, type MediaDetailView, type MediaListItemView, type UseView } from "./admin-present.js";
import { ALT_MAX, CAPTION_MAX, CREDIT_MAX, MAX_UPLOAD_BYTES } from "./upload.js";
import { FIELD_LABELS } from "./service.js";

const LIBRARY = { label: "Médiathèque", href: "/admin/medias" };

export interface FormValues {
  alt: string;
  legende: string;
  credit: string;
  point_x: string;
  point_y: string;
}

// ------------------------------------------------------------------ fields

const describedBy = fieldDescribedBy;

function TextInput(props: {
  name: keyof FormValues;
  label: string;
  hint?: string;
  values: FormValues;
  errors: Errors;
  required?: boolean;
  maxLength: number;
  multiline?: boolean;
}) {
  const id = `champ-${props.name}`;
  const error = props.errors[props.name];
  const common = {
    id,
    name: props.name,
    class: "field__input",
    required: props.required,
    maxLength: props.maxLength,
    "aria-invalid": error ? ("true" as const) : undefined,
    "aria-describedby": describedBy(id, props.hint, error),
  };
  return (
    <FieldShell id={`champ-${props.name}`} label={props.label} hint={props.hint} error={error} required={props.required}>
      {props.multiline ? (
        <textarea {...common} rows={3}>
          {props.values[props.name]}
        </textarea>
      ) : (
        <input type="text" {...common} value={props.values[props.name]} />
      )}
    </FieldShell>
  );
}

function FocalFields({ values, errors }: { values: FormValues; errors: Errors }) {
  const input = (name: "point_x" | "point_y", label: string) => {
    const id = `champ-${name}`;
    const error = errors[name];
    return (
      <FieldShell
        id={`champ-${name}`}
        label={label}
        error={error}
        hint={name === "point_x" ? "0 = bord gauche, 100 = bord droit." : "0 = haut, 100 = bas."}
        required
      >
        <input
          type="number"
          id={id}
          name={name}
          class="field__input media-focal__input"
          min={0}
          max={100}
          step={1}
          inputMode="numeric"
          value={values[name]}
          aria-invalid={error ? "true" : undefined}
          aria-describedby={describedBy(id, "x", error)}
        />
      </FieldShell>
    );
  };
  return (
    <fieldset class="fieldset media-focal">
      <legend class="fieldset__legend">Point d’intérêt (facultatif)</legend>
      <p class="field__hint">
        Le point de l’image à garder visible quand elle est recadrée (vignettes), en pourcentage de la largeur et de la hauteur. Par défaut, le centre (50, 50).
      </p>
      <div class="media-focal__fields">
        {input("point_x", "Horizontal (%)")}
        {input("point_y", "Vertical (%)")}
      </div>
    </fieldset>
  );
}

function TextFields({ values, errors }: { values: FormValues; errors: Errors }) {
  return (
    <>
      <TextInput
        name="alt"
        label="Texte alternatif"
        hint="Ce que montre l’image, pour les personnes qui ne la voient pas (lecteur d’écran). Ne commencez pas par « Image de »."
        values={values}
        errors={errors}
        required
        maxLength={ALT_MAX}
      />
      <TextInput
        name="legende"
        label="Légende"
        hint="Affichée sous l’image. Obligatoire avant de placer l’image sur une page."
        values={values}
        errors={errors}
        maxLength={CAPTION_MAX}
        multiline
      />
      <TextInput
        name="credit"
        label="Crédit"
        hint="Auteur ou source, par exemple « Photo Ville de Lille – J. Martin ». Obligatoire avant de placer l’image sur une page."
        values={values}
        errors={errors}
        maxLength={CREDIT_MAX}
      />
    </>
  );
}

function IncompleteBadge() {
  return <span class="badge badge--warning">À compléter</span>;
}

// ------------------------------------------------------------------ list

export function MediaListPage(props: {
  ctx: PageContext;
  actor: StaffActor;
  items: MediaListItemView[];
  total: number;
  page: number;
  pageCount: number;
  q: string;
  incomplete: boolean;
  notice?: string;
}) {
  const { items, q, incomplete } = props;
  const query = (page: number) => {
    const params = new URLSearchParams();
    if (q) params.set("q", q);
    if (incomplete) params.set("filtre", "a-completer");
    if (page > 1) params.set("page", String(page));
    const s = params.toString();
    return s ? `/admin/medias?${s}` : "/admin/medias";
  };
  const filtered = q !== "" || incomplete;
  return (
    <AdminFrame ctx={props.ctx} actor={props.actor} title="Médiathèque">
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      <div class="admin-toolbar">
        <a class="button" href="/admin/medias/nouveau">
          Ajouter une image
        </a>
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is not yet announced as a landmark by every screen reader; <form role="search"> is */}
      <form method="get" action="/admin/medias" class="admin-filters" role="search" aria-label="Rechercher des images">
        <div class="field">
          <label for="champ-q" class="field__label">
            Rechercher
          </label>
          <input type="search" id="champ-q" name="q" value={q} class="field__input" maxLength={200} aria-describedby="champ-q-aide" />
          <p id="champ-q-aide" class="field__hint">
            Texte alternatif, légende, crédit ou nom du fichier.
          </p>
        </div>
        <div class="checkbox checkbox--single">
          <input type="checkbox" id="champ-filtre" name="filtre" value="a-completer" checked={incomplete} />
          <label for="champ-filtre">Seulement les images à compléter</label>
        </div>
        <button type="submit" class="button button--secondary">
          Filtrer
        </button>
        {filtered ? <a href="/admin/medias">Tout afficher</a> : null}
      </form>
      {items.length === 0 ? (
        <p>{filtered ? "Aucune image ne correspond à cette recherche." : "La médiathèque est vide. Ajoutez une première image."}</p>
      ) : (
        <div class="admin-table-wrap">
          <table class="table media-table">
            <caption>
              {props.total === 1 ? "1 image" : `${formatNumber(props.total)} images`}
              {filtered ? " correspondant à la recherche" : ""}
              {props.pageCount > 1 ? `, page ${props.page} sur ${props.pageCount}` : ""}
            </caption>
            <thead>
              <tr>
                <th scope="col">Aperçu</th>
                <th scope="col">Image</th>
                <th scope="col">Légende et crédit</th>
                <th scope="col">Dimensions</th>
                <th scope="col">Ajoutée</th>
                <th scope="col">Utilisation</th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <tr>
                  <td>
                    <img class="media-thumb" src={m.thumbSrc} width={m.thumbWidth} height={m.thumbHeight} alt="" loading="lazy" decoding="async" />
                  </td>
                  <th scope="row">
                    <a href={m.href}>{m.alt || <em>Sans texte alternatif</em>}</a>
                    {m.incomplete ? (
                      <>
                        {" "}
                        <IncompleteBadge />
                      </>
                    ) : null}
                    {m.originalName ? <span class="media-table__file">{m.originalName}</span> : null}
                  </th>
                  <td>
                    {m.caption ? <span class="media-table__caption">{m.caption}</span> : <span class="media-table__missing">Pas de légende</span>}
                    {m.credit ? <span class="media-table__credit">© {m.credit}</span> : <span class="media-table__missing">Pas de crédit</span>}
                  </td>
                  <td>
                    {m.dimensions}
                    <span class="media-table__size">{m.size}</span>
                  </td>
                  <td>
                    {m.createdAt}
                    <span class="media-table__by">{m.uploader}</span>
                  </td>
                  <td>{m.usage}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={props.page} pageCount={props.pageCount} href={query} />
    </AdminFrame>
  );
}

// ------------------------------------------------------------------ upload

export function MediaNewPage(props: { ctx: PageContext; actor: StaffActor; values: FormValues; errors: Errors }) {
  const { values, errors } = props;
  const fileError = errors.fichier;
  const hadErrors = Object.keys(errors).length > 0;
  return (
    <AdminFrame ctx={props.ctx} actor={props.actor} title="Ajouter une image" breadcrumb={[LIBRARY, { label: "Ajouter une image" }]}>
      <ErrorSummary errors={errors} labels={FIELD_LABELS} />
      {/* _csrf must stay the first field: the route checks it before reading the file. */}
      <form method="post" action="/admin/medias/nouveau" enctype="multipart/form-data" class="form" novalidate>
        <CsrfField token={props.ctx.viewer.csrfToken} />
        <FieldShell
          id="champ-fichier"
          label="Image"
          hint={`JPEG, PNG ou WebP, ${Math.round(MAX_UPLOAD_BYTES / (1024 * 1024))} Mo au plus. Les données EXIF et de localisation sont supprimées.`}
          error={fileError}
          required
        >
          {hadErrors ? (
            <p class="field__hint" id="champ-fichier-rappel">
              Pour votre sécurité, le navigateur ne garde pas le fichier choisi : choisissez-le à nouveau.
            </p>
          ) : null}
          <input
            type="file"
            id="champ-fichier"
            name="fichier"
            class="field__input"
            accept={ACCEPT}
            required
            aria-invalid={fileError ? "true" : undefined}
            aria-describedby={[describedBy("champ-fichier", "x", fileError), hadErrors ? "champ-fichier-rappel" : null].filter(Boolean).join(" ")}
          />
        </FieldShell>
        <TextFields values={values} errors={errors} />
        <FocalFields values={values} errors={errors} />
        <button type="submit" class="button">
          Envoyer l’image
        </button>
      </form>
    </AdminFrame>
  );
}

// ------------------------------------------------------------------ one image

function UseList({ uses }: { uses: UseView[] }) {
  return (
    <ul class="media-uses">
      {uses.map((u) => (
        <li>
          <a href={u.adminHref}>{u.title}</a>{" "}
          <span class="media-uses__meta">
            ({u.kind}, {u.status}, {u.as})
          </span>
          {u.publicHref ? (
            <>
              {" "}
              ·{" "}
              <a href={u.publicHref}>
                voir la page publique<span class="sr-only"> « {u.title} »</span>
              </a>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function MediaDetailPage(props: {
  ctx: PageContext;
  actor: StaffActor;
  media: MediaDetailView;
  values: FormValues;
  errors: Errors;
  notice?: string;
  status?: number;
}) {
  const { media, values, errors } = props;
  const title = media.alt || media.originalName || "Image sans texte alternatif";
  return (
    <AdminFrame ctx={props.ctx} actor={props.actor} title={title} breadcrumb={[LIBRARY, { label: title }]}>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      {media.incomplete ? (
        <Notice kind="warning">
          <p>
            <IncompleteBadge /> Cette image ne peut pas encore être placée sur une page : {media.missing.join(", ")}{" "}
            {media.missing.length > 1 ? "manquent" : "manque"}.
          </p>
        </Notice>
      ) : null}
      <ErrorSummary errors={errors} labels={FIELD_LABELS} />
      <div class="media-detail">
        <div class="media-detail__preview">
          <div class="media-focal-picker" data-module="focal-point" data-x-input="champ-point_x" data-y-input="champ-point_y">
            <Picture image={media.image} sizes="(min-width: 60em) 40rem, 92vw" eager />
          </div>
          <p class="field__hint media-focal-picker__hint" hidden data-focal-hint>
            Cliquez sur l’image pour choisir le point d’intérêt, ou saisissez-le dans les champs du formulaire.
          </p>
          <dl class="admin-facts">
            <dt>Fichier d’origine</dt>
            <dd>{media.originalName || "Inconnu"}</dd>
            <dt>Dimensions</dt>
            <dd>{media.dimensions}</dd>
            <dt>Poids envoyé</dt>
            <dd>{media.size}</dd>
            <dt>Formats</dt>
            <dd>{media.formats}</dd>
            <dt>Ajoutée</dt>
            <dd>
              {media.createdAt}, {media.uploader}
            </dd>
          </dl>
        </div>
        <div class="media-detail__form">
          {media.canEdit ? (
            <form method="post" action={media.href} class="form" novalidate>
              <CsrfField token={props.ctx.viewer.csrfToken} />
              <TextFields values={values} errors={errors} />
              <FocalFields values={values} errors={errors} />
              <button type="submit" class="button">
                Enregistrer
              </button>
            </form>
          ) : (
            <p>Vous pouvez modifier les images que vous avez ajoutées. Demandez à un éditeur de modifier celle-ci.</p>
          )}
        </div>
      </div>
      <h2>Utilisation</h2>
      {media.uses.length === 0 ? (
        <p>Cette image n’est utilisée par aucun contenu.</p>
      ) : (
        <>
          <p>{media.usageLabel}</p>
          <UseList uses={media.uses} />
        </>
      )}
      {media.canDelete ? (
        <>
          <h2>Supprimer</h2>
          {media.uses.length === 0 ? (
            <p>
              <a class="button button--danger" href={`${media.href}/supprimer`}>
                Supprimer cette image
              </a>
            </p>
          ) : (
            <p>Une image utilisée ne peut pas être supprimée : retirez-la d’abord des contenus ci-dessus.</p>
          )}
        </>
      ) : null}
    </AdminFrame>
  );
}

// ------------------------------------------------------------------ deletion

export function MediaDeletePage(props: { ctx: PageContext; actor: StaffActor; media: MediaDetailView; refused?: string }) {
  const { media } = props;
  const title = `Supprimer l’image « ${media.alt || media.originalName || "sans texte alternatif"} »`;
  const blocked = media.uses.length > 0;
  return (
    <AdminFrame
      ctx={props.ctx}
      actor={props.actor}
      title={title}
      breadcrumb={[LIBRARY, { label: media.alt || "Image", href: media.href }, { label: "Supprimer" }]}
    >
      <div class="media-delete">
        <img class="media-thumb media-thumb--large" src={media.thumbSrc} width={media.thumbWidth} height={media.thumbHeight} alt={media.alt} />
        {blocked ? (
          <div class="notice notice--warning" role={props.refused ? "alert" : undefined}>
            <p>
              <strong>{props.refused ?? media.usageLabel}</strong> Elle ne peut pas être supprimée tant qu’elle est utilisée : retirez-la d’abord de ces
              contenus.
            </p>
            <UseList uses={media.uses} />
          </div>
        ) : (
          <>
            <p>La suppression est définitive : l’image et tous ses formats seront effacés. Elle n’est utilisée par aucun contenu.</p>
            <form method="post" action={`${media.href}/supprimer`} class="admin-actions">
              <CsrfField token={props.ctx.viewer.csrfToken} />
              <button type="submit" class="button button--danger">
                Supprimer définitivement
              </button>
              <a href={media.href}>Annuler</a>
            </form>
          </>
        )}
        {blocked ? (
          <p>
            <a href={media.href}>Retour à l’image</a>
          </p>
        ) : null}
      </div>
    </AdminFrame>
  );
}
