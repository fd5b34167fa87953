// Public pages of the proposals: the list (/participation/idees), one idea with its supports and
// the city's answer, and the form to propose one. Every text a resident typed is rendered as
// text (escaped by Preact), paragraph by paragraph: no HTML is ever taken from them.
import type { PageContext } from "../../../../ui/context.js";
import type { Crumb } from "../../../../ui/components/breadcrumb.js";
import { CsrfField, ErrorSummary, Field, FieldShell, fieldDescribedBy, Notice, Select, type Errors } from "../../../../ui/components/form.js";
import { Pagination } from "../../../../ui/components/pagination.js";
import { Figure } from "../../../../ui/components/picture.js";
import { Layout } from "../../../../ui/layout.js";
import { breadcrumbJsonLd, webPageJsonLd } from "../../../../ui/seo.js";
import { formatDate, isoDay } from "../../../../lib/format.js";
import { signInHref } from "../../../../lib/return-path.js";
import { type BylineView, type ProposalCardView, type ProposalView, proposalCount, supportCount } from "../present.js";
import { DESCRIPTION_MAX, STATUS_LABELS, TITLE_MAX } from "../rules.js";
import { SLUG_OF_STATUS } from "../rules.js";

const BASE = "/participation/idees";
const crumbsTo = (label?: string): Crumb[] => [
  { label: "Accueil", href: "/" },
  ...(label ? [{ label: "Idées des habitants", href: BASE }, { label }] : [{ label: "Idées des habitants" }]),
];

export function Byline({ byline }: { byline: BylineView }) {
  if (byline.kind === "organisation")
    return (
      <span class="proposal__by">
        Idée proposée au nom de <strong>{byline.name}</strong>
        {byline.organisationKind ? ` (${byline.organisationKind.toLowerCase()})` : null}
      </span>
    );
  if (byline.kind === "assisted")
    return (
      <span class="proposal__by">
        Idée de <strong>{byline.name}</strong>, <em class="proposal__assisted">saisie assistée par {byline.assistedBy ?? "un médiateur"}</em>
      </span>
    );
  if (byline.kind === "deleted") return <span class="proposal__by">Idée d’un participant dont le compte a été supprimé</span>;
  return (
    <span class="proposal__by">
      Idée de <strong>{byline.name}</strong>
    </span>
  );
}

export function ProposalList({ items, headingLevel = 2 }: { items: ProposalCardView[]; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul class="action-list proposal-list">
      {items.map((p) => (
        <li class="action-item">
          <H class="action-item__title">
            <a href={p.href}>{p.title}</a>
          </H>
          <p class="action-item__meta">
            <span class={p.status.className}>{p.status.label}</span> <span>{p.neighbourhood.name}</span>
            {p.priority ? <span> · {p.priority}</span> : null} · <span>{supportCount(p.supports)}</span>
          </p>
          <p>{p.excerpt}</p>
          <p class="hint">
            <Byline byline={p.byline} />, le <time dateTime={isoDay(p.createdAt)}>{formatDate(p.createdAt)}</time>
          </p>
        </li>
      ))}
    </ul>
  );
}

export interface ListPageData {
  items: ProposalCardView[];
  total: number;
  page: number;
  pageCount: number;
  filter: { quartier?: string | undefined; statut?: string | undefined };
  places: Array<{ slug: string; name: string; kind: string }>;
}

export function ProposalListPage({ ctx, data }: { ctx: PageContext; data: ListPageData }) {
  const crumbs = crumbsTo();
  const description = "Les idées proposées par les habitants, les conseils citoyens et les associations pour leur quartier, et la réponse de la ville.";
  const params = new URLSearchParams(Object.entries(data.filter).filter(([, v]) => v) as Array<[string, string]>);
  const href = (n: number) => {
    const p = new URLSearchParams(params);
    if (n > 1) p.set("page", String(n));
    const s = p.toString();
    return s ? `${BASE}?${s}` : BASE;
  };
  return (
    <Layout
      ctx={ctx}
      breadcrumb={crumbs}
      meta={{
        title: "Idées des habitants",
        description,
        canonicalPath: BASE,
        jsonLd: [webPageJsonLd(ctx, { title: "Idées des habitants", description, path: BASE }), breadcrumbJsonLd(ctx, crumbs, BASE)],
      }}
    >
      <h1>Idées des habitants</h1>
      <p>{description}</p>
      <p>
        <a class="button" href={`${BASE}/nouvelle`}>
          Proposer une idée
        </a>
      </p>
      <form method="get" action={BASE} class="filters" aria-label="Filtrer les idées">
        <div class="field">
          <label for="filtre-quartier" class="field__label">
            Quartier
          </label>
          <select id="filtre-quartier" name="quartier" class="field__input">
            <option value="">Tous</option>
            {data.places.map((p) => (
              <option value={p.slug} selected={p.slug === data.filter.quartier}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="filtre-statut" class="field__label">
            Réponse de la ville
          </label>
          <select id="filtre-statut" name="statut" class="field__input">
            <option value="">Toutes</option>
            {Object.entries(STATUS_LABELS).map(([value, label]) => (
              <option
                value={SLUG_OF_STATUS[value as keyof typeof SLUG_OF_STATUS]}
                selected={SLUG_OF_STATUS[value as keyof typeof SLUG_OF_STATUS] === data.filter.statut}
              >
                {label}
              </option>
            ))}
          </select>
        </div>
        <div class="filters__actions">
          <button type="submit" class="button">
            Filtrer
          </button>
          <a href={BASE}>Effacer les filtres</a>
        </div>
      </form>
      <p class="result-count" role="status">
        {data.total === 0 ? "Aucune idée ne correspond à ces critères." : proposalCount(data.total)}
        {data.pageCount > 1 ? `, page ${data.page} sur ${data.pageCount}` : ""}
      </p>
      <ProposalList items={data.items} />
      <Pagination page={data.page} pageCount={data.pageCount} href={href} />
    </Layout>
  );
}

export interface SupportState {
  /** null: anonymous visitor; "unverified": signed in without a confirmed address. */
  viewer: null | "unverified" | "participant";
  supported: boolean;
  /** Signed in and not the author: may report the idea to the moderators. */
  canReport: boolean;
  /** The viewer wrote it: may add an image while the city has not answered. */
  isAuthor: boolean;
}

function SupportBlock({ ctx, p, state }: { ctx: PageContext; p: ProposalView; state: SupportState }) {
  return (
    <section class="section proposal__supports" aria-labelledby="idee-soutiens">
      <h2 id="idee-soutiens">Soutiens</h2>
      <p class="proposal__count">
        <strong>{supportCount(p.supports)}</strong>
      </p>
      {!p.open ? (
        <p class="hint">La ville a répondu à cette idée : elle ne reçoit plus de soutiens.</p>
      ) : state.viewer === null ? (
        <p>
          <a href={signInHref(p.href)}>Connectez-vous pour soutenir cette idée</a>
        </p>
      ) : state.viewer === "unverified" ? (
        <p class="hint">Confirmez votre adresse e-mail (lien reçu à l’inscription) pour soutenir cette idée.</p>
      ) : (
        <form method="post" action={`/participation/idees/${p.id}/soutien`}>
          <CsrfField token={ctx.viewer.csrfToken} />
          <input type="hidden" name="action" value={state.supported ? "retirer" : "soutenir"} />
          <button type="submit" class={state.supported ? "button button--secondary" : "button"} aria-pressed={state.supported ? "true" : "false"}>
            {state.supported ? "Retirer mon soutien" : "Soutenir cette idée"}
          </button>
        </form>
      )}
    </section>
  );
}

export function ProposalPage({ ctx, p, state, notice }: { ctx: PageContext; p: ProposalView; state: SupportState; notice?: string | undefined }) {
  const crumbs = crumbsTo(p.title);
  return (
    <Layout
      ctx={ctx}
      breadcrumb={crumbs}
      meta={{
        title: p.title,
        description: p.excerpt,
        canonicalPath: p.href,
        noindex: p.moderation !== "visible",
        jsonLd: [webPageJsonLd(ctx, { title: p.title, description: p.excerpt, path: p.href }), breadcrumbJsonLd(ctx, crumbs, p.href)],
      }}
    >
      <article class="item proposal" aria-labelledby="titre-idee">
        {p.moderation !== "visible" ? (
          <Notice kind="warning">
            <p>
              {p.moderation === "pending"
                ? "Cette idée attend la relecture d’un modérateur : elle n’est pas encore publiée."
                : "Cette idée a été masquée par la modération."}
              {p.moderationReason ? ` Raison : ${p.moderationReason}` : null}
            </p>
          </Notice>
        ) : null}
        {notice ? (
          <Notice kind="success">
            <p>{notice}</p>
          </Notice>
        ) : null}
        <header class="item__header">
          <p class="action__meta">
            <span class={p.status.className}>{p.status.label}</span>
          </p>
          <h1 id="titre-idee">{p.title}</h1>
          <p class="hint">
            <Byline byline={p.byline} />, le <time dateTime={isoDay(p.createdAt)}>{formatDate(p.createdAt)}</time>
          </p>
        </header>
        <dl class="facts">
          <div>
            <dt>Quartier</dt>
            <dd>
              <a href={p.neighbourhood.href}>{p.neighbourhood.name}</a>
            </dd>
          </div>
          {p.priority ? (
            <div>
              <dt>Priorité du contrat de ville</dt>
              <dd>
                {p.priority}
                {p.contract ? ` (${p.contract})` : null}
              </dd>
            </div>
          ) : null}
        </dl>
        {p.image ? <Figure image={p.image} sizes="(min-width: 60em) 40em, 100vw" /> : null}
        {state.isAuthor && p.status.value === "received" ? (
          <p>
            <a href={`/participation/idees/${p.id}/image`}>{p.image ? "Remplacer l’image" : "Ajouter une image à mon idée"}</a>
          </p>
        ) : null}
        <div class="prose proposal__text">
          {p.paragraphs.map((text) => (
            <p>{text}</p>
          ))}
        </div>
        <SupportBlock ctx={ctx} p={p} state={state} />
        {state.canReport && p.moderation === "visible" ? (
          <p class="proposal__report">
            <a href={`/participation/signaler/idee/${p.id}`}>Signaler cette idée aux modérateurs</a>
          </p>
        ) : null}
        <section class="section proposal__answer" aria-labelledby="idee-reponse">
          <h2 id="idee-reponse">Réponse de la ville</h2>
          {p.status.value === "received" ? (
            <p>L’idée a bien été reçue ; la ville n’y a pas encore répondu.</p>
          ) : (
            <>
              <p>
                Statut : <strong>{p.status.label}</strong>
                {p.answeredAt ? (
                  <>
                    , le <time dateTime={isoDay(p.answeredAt)}>{formatDate(p.answeredAt)}</time>
                  </>
                ) : null}
              </p>
              {p.action ? (
                <p>
                  Cette idée est devenue l’action <a href={p.action.href}>{p.action.title}</a>.
                </p>
              ) : null}
              {p.answer.map((text) => (
                <p>{text}</p>
              ))}
            </>
          )}
        </section>
      </article>
    </Layout>
  );
}

export interface ProposalFormData {
  places: Array<{ id: number; name: string; kind: string }>;
  priorities: Array<{ id: number; title: string; contract_name: string }>;
  organisations: Array<{ id: number; name: string }>;
  /** false: signed in without a confirmed address (the form is replaced by how to confirm it). */
  verified: boolean;
}

export const PROPOSAL_LABELS: Record<string, string> = {
  titre: "Titre",
  description: "Description",
  quartier: "Quartier",
  priorite: "Priorité du contrat de ville",
  organisation: "Publier au nom de",
};

export function TextArea(props: {
  name: string;
  label: string;
  value: string;
  error?: string | undefined;
  hint?: string;
  required?: boolean;
  maxLength: number;
  rows?: number;
}) {
  const id = `champ-${props.name}`;
  return (
    <FieldShell id={id} label={props.label} hint={props.hint} error={props.error} required={props.required}>
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 8}
        maxLength={props.maxLength}
        required={props.required}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={fieldDescribedBy(id, props.hint, props.error)}
        class="field__input"
      >
        {props.value}
      </textarea>
    </FieldShell>
  );
}

/** The fields shared by a resident's form and the mediator's assisted entry. */
export function ProposalFields({
  data,
  values,
  errors,
}: {
  data: Omit<ProposalFormData, "verified" | "organisations">;
  values: Record<string, string>;
  errors: Errors;
}) {
  return (
    <>
      <Field
        name="titre"
        label={PROPOSAL_LABELS.titre!}
        required
        maxLength={TITLE_MAX}
        value={values.titre ?? ""}
        error={errors.titre}
        hint="En une phrase : ce que vous proposez."
      />
      <TextArea
        name="description"
        label={PROPOSAL_LABELS.description!}
        required
        maxLength={DESCRIPTION_MAX}
        value={values.description ?? ""}
        error={errors.description}
        hint="Ce qui manque aujourd’hui, ce que vous proposez, pour qui. Texte simple : laissez une ligne vide entre deux paragraphes."
      />
      <Select
        name="quartier"
        label={PROPOSAL_LABELS.quartier!}
        required
        value={values.quartier ?? ""}
        error={errors.quartier}
        options={[
          { value: "", label: "Choisissez un quartier" },
          ...data.places.map((p) => ({ value: String(p.id), label: p.kind === "qpv" ? `${p.name} (quartier prioritaire)` : p.name })),
        ]}
      />
      <Select
        name="priorite"
        label={PROPOSAL_LABELS.priorite!}
        value={values.priorite ?? ""}
        error={errors.priorite}
        hint="Les grandes priorités de la Politique de la Ville. Si vous ne savez pas, la ville la choisira."
        options={[{ value: "", label: "Je ne sais pas" }, ...data.priorities.map((p) => ({ value: String(p.id), label: `${p.title} (${p.contract_name})` }))]}
      />
    </>
  );
}

export function NewProposalPage({ ctx, data, values, errors }: { ctx: PageContext; data: ProposalFormData; values: Record<string, string>; errors: Errors }) {
  const crumbs = crumbsTo("Proposer une idée");
  const path = `${BASE}/nouvelle`;
  return (
    <Layout
      ctx={ctx}
      breadcrumb={crumbs}
      meta={{ title: "Proposer une idée", description: "Proposer une idée pour son quartier.", canonicalPath: path, noindex: true }}
    >
      <h1>Proposer une idée</h1>
      {!data.verified ? (
        <Notice kind="warning">
          <p>
            Pour proposer une idée, confirmez d’abord votre adresse e-mail : ouvrez le lien reçu à l’inscription, ou demandez-en un nouveau depuis votre compte.
          </p>
          <p>
            <a href="/compte">Aller à mon compte</a>
          </p>
        </Notice>
      ) : (
        <>
          <p>Votre idée est publiée sous votre nom affiché, avec le quartier choisi. La ville y répond publiquement.</p>
          <ErrorSummary errors={errors} labels={PROPOSAL_LABELS} />
          <form method="post" action={path} class="form" novalidate>
            <CsrfField token={ctx.viewer.csrfToken} />
            <ProposalFields data={data} values={values} errors={errors} />
            {data.organisations.length > 0 ? (
              <Select
                name="organisation"
                label={PROPOSAL_LABELS.organisation!}
                value={values.organisation ?? ""}
                error={errors.organisation}
                hint="Vous êtes membre de ces organisations : l’idée peut être publiée en leur nom."
                options={[{ value: "", label: "En mon nom" }, ...data.organisations.map((o) => ({ value: String(o.id), label: o.name }))]}
              />
            ) : null}
            <button type="submit" class="button">
              Publier mon idée
            </button>
          </form>
        </>
      )}
    </Layout>
  );
}
