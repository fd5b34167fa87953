// Back-office pages of the proposals: the list the city answers from, one idea with the answer
// form (participation.answer) and the assisted-support form (participation.mediate), and the
// mediator's assisted entry of an idea.
import { can } from "../../../../core/auth/roles.js";
import type { PageContext } from "../../../../ui/context.js";
import { Checkbox, CsrfField, ErrorSummary, Field, Notice, Select, type Errors } from "../../../../ui/components/form.js";
import { Pagination } from "../../../../ui/components/pagination.js";
import { formatDate, isoDay } from "../../../../lib/format.js";
import { AdminFrame, type StaffActor } from "../../../admin/index.js";
import { type ProposalView, supportCount } from "../present.js";
import { nextStatuses, STATUS_LABELS, SLUG_OF_STATUS, ANSWER_MAX, RESIDENT_NAME_MAX } from "../rules.js";
import type { ProposalStatus } from "../schema.js";
import { Byline, type ProposalFormData, ProposalFields, PROPOSAL_LABELS, TextArea } from "./public.js";

export const ADMIN_BASE = "/admin/participation";

const FLASH: Record<string, string> = {
  "reponse-enregistree": "Réponse enregistrée et publiée.",
  "soutien-enregistre": "Soutien enregistré.",
  "idee-enregistree": "Idée enregistrée et publiée.",
};

function Flash({ code }: { code?: string | undefined }) {
  const message = code ? FLASH[code] : undefined;
  return message ? (
    <Notice kind="success">
      <p>{message}</p>
    </Notice>
  ) : null;
}

const MODERATION_LABELS: Record<string, string> = { visible: "Publiée", pending: "En attente de modération", hidden: "Masquée" };

export interface StaffListData {
  items: ProposalView[];
  total: number;
  page: number;
  pageCount: number;
  status?: string | undefined;
}

export function StaffProposalsView({ ctx, actor, data }: { ctx: PageContext; actor: StaffActor; data: StaffListData }) {
  const href = (n: number) => {
    const p = new URLSearchParams();
    if (data.status) p.set("statut", data.status);
    if (n > 1) p.set("page", String(n));
    const s = p.toString();
    return s ? `${ADMIN_BASE}/idees?${s}` : `${ADMIN_BASE}/idees`;
  };
  return (
    <AdminFrame ctx={ctx} actor={actor} title="Idées des habitants">
      {can(actor, "participation.mediate") ? (
        <p>
          <a class="button" href={`${ADMIN_BASE}/saisie-assistee`}>
            Saisir une idée pour un habitant
          </a>
        </p>
      ) : null}
      <form method="get" action={`${ADMIN_BASE}/idees`} class="admin-filters" aria-label="Filtrer les idées">
        <Select
          name="statut"
          label="Statut"
          bare
          value={data.status ?? ""}
          options={[
            { value: "", label: "Tous" },
            ...Object.entries(STATUS_LABELS).map(([v, label]) => ({ value: SLUG_OF_STATUS[v as ProposalStatus], label })),
          ]}
        />
        <button type="submit" class="button button--secondary">
          Filtrer
        </button>
      </form>
      {data.items.length === 0 ? (
        <p>Aucune idée pour l’instant.</p>
      ) : (
        <div class="admin-table-wrap">
          <table class="table">
            <caption>Idées ({data.total})</caption>
            <thead>
              <tr>
                <th scope="col">Idée</th>
                <th scope="col">Quartier</th>
                <th scope="col">Statut</th>
                <th scope="col">Soutiens</th>
                <th scope="col">Publication</th>
                <th scope="col">Reçue le</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((p) => (
                <tr>
                  <th scope="row">
                    <a href={`${ADMIN_BASE}/idees/${p.id}`}>{p.title}</a>
                  </th>
                  <td>{p.neighbourhood.name}</td>
                  <td>{p.status.label}</td>
                  <td>{p.supports}</td>
                  <td>{MODERATION_LABELS[p.moderation]}</td>
                  <td>
                    <time dateTime={isoDay(p.createdAt)}>{formatDate(p.createdAt)}</time>
                  </td>
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

export interface StaffProposalData {
  p: ProposalView;
  actions: Array<{ id: number; title: string }>;
  flash?: string | undefined;
  answerValues: Record<string, string>;
  answerErrors: Errors;
  supportValues: Record<string, string>;
  supportErrors: Errors;
}

export function StaffProposalView({ ctx, actor, data }: { ctx: PageContext; actor: StaffActor; data: StaffProposalData }) {
  const { p } = data;
  const token = ctx.viewer.csrfToken;
  const errors = { ...data.answerErrors, ...data.supportErrors };
  return (
    <AdminFrame
      ctx={ctx}
      actor={actor}
      title={`Idée : ${p.title}`}
      breadcrumb={[{ label: "Idées des habitants", href: `${ADMIN_BASE}/idees` }, { label: p.title }]}
    >
      <Flash code={data.flash} />
      <ErrorSummary errors={errors} labels={{ statut: "Statut", reponse: "Réponse", action: "Action", habitant: "Habitant", consentement: "Accord" }} />
      <p>
        <Byline byline={p.byline} />, le <time dateTime={isoDay(p.createdAt)}>{formatDate(p.createdAt)}</time>. Quartier : {p.neighbourhood.name}
        {p.priority ? `. Priorité : ${p.priority}` : ""}. {supportCount(p.supports)}. Publication : {MODERATION_LABELS[p.moderation]}
        {p.moderation === "visible" ? (
          <>
            {" "}
            (<a href={p.href}>voir la page publique</a>)
          </>
        ) : null}
        .
      </p>
      <div class="prose">
        {p.paragraphs.map((text) => (
          <p>{text}</p>
        ))}
      </div>
      {can(actor, "participation.answer") ? (
        <section aria-labelledby="reponse-titre">
          <h2 id="reponse-titre">Réponse de la ville</h2>
          <p>Statut actuel : {p.status.label}. La réponse est publiée sur la page de l’idée.</p>
          <form method="post" action={`${ADMIN_BASE}/idees/${p.id}/reponse`} class="pdv-form" novalidate>
            <CsrfField token={token} />
            <Select
              name="statut"
              label="Nouveau statut"
              required
              value={data.answerValues.statut ?? p.status.value}
              error={data.answerErrors.statut}
              options={nextStatuses(p.status.value).map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
            />
            <TextArea
              name="reponse"
              label="Réponse publiée"
              maxLength={ANSWER_MAX}
              rows={5}
              value={data.answerValues.reponse ?? p.answer.join("\n\n")}
              error={data.answerErrors.reponse}
              hint="Obligatoire pour « Non retenue » : la raison est publiée."
            />
            <Select
              name="action"
              label="Action devenue (pour « Retenue »)"
              value={data.answerValues.action ?? ""}
              error={data.answerErrors.action}
              options={[{ value: "", label: "Aucune" }, ...data.actions.map((a) => ({ value: String(a.id), label: a.title }))]}
            />
            <button type="submit" class="button">
              Enregistrer la réponse
            </button>
          </form>
        </section>
      ) : null}
      {can(actor, "participation.mediate") && p.moderation === "visible" && p.open ? (
        <section aria-labelledby="soutien-titre">
          <h2 id="soutien-titre">Enregistrer un soutien recueilli sur papier</h2>
          <form method="post" action={`${ADMIN_BASE}/idees/${p.id}/soutien-assiste`} class="pdv-form" novalidate>
            <CsrfField token={token} />
            <Field
              name="habitant"
              label="Nom de l’habitant"
              required
              maxLength={RESIDENT_NAME_MAX}
              value={data.supportValues.habitant ?? ""}
              error={data.supportErrors.habitant}
            />
            <Checkbox name="consentement" label="L’habitant a donné son accord pour que son soutien soit enregistré." checked={false} />
            {data.supportErrors.consentement ? <p class="field__error">{data.supportErrors.consentement}</p> : null}
            <button type="submit" class="button">
              Enregistrer le soutien
            </button>
          </form>
        </section>
      ) : null}
    </AdminFrame>
  );
}

export function AssistedEntryView(props: {
  ctx: PageContext;
  actor: StaffActor;
  data: Omit<ProposalFormData, "verified" | "organisations">;
  values: Record<string, string>;
  errors: Errors;
}) {
  const { ctx, actor, values, errors } = props;
  return (
    <AdminFrame ctx={ctx} actor={actor} title="Saisie assistée d’une idée">
      <p>
        Pour une idée recueillie sur papier ou en personne. Elle est publiée sous le nom que l’habitant a accepté de montrer, avec la mention « saisie assistée
        par » suivie de votre nom.
      </p>
      <p>
        Pour enregistrer un soutien recueilli sur papier, ouvrez l’idée depuis <a href={`${ADMIN_BASE}/idees`}>la liste des idées</a>.
      </p>
      <ErrorSummary errors={errors} labels={{ ...PROPOSAL_LABELS, habitant: "Nom de l’habitant", consentement: "Accord" }} />
      <form method="post" action={`${ADMIN_BASE}/saisie-assistee`} class="pdv-form" novalidate>
        <CsrfField token={ctx.viewer.csrfToken} />
        <Field
          name="habitant"
          label="Nom de l’habitant, tel qu’il sera publié"
          required
          maxLength={RESIDENT_NAME_MAX}
          value={values.habitant ?? ""}
          error={errors.habitant}
          hint="Par exemple « Fatima B. » : le prénom et l’initiale suffisent."
        />
        <ProposalFields data={props.data} values={values} errors={errors} />
        <Checkbox
          name="consentement"
          label="L’habitant a donné son accord pour que son idée soit publiée sous ce nom."
          checked={values.consentement === "on"}
        />
        {errors.consentement ? <p class="field__error">{errors.consentement}</p> : null}
        <button type="submit" class="button">
          Publier l’idée
        </button>
      </form>
    </AdminFrame>
  );
}
