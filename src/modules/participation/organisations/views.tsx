// Back-office pages of the organisations' members (conseils citoyens and associations).
import type { PageContext } from "../../../ui/context.js";
import { CsrfField, ErrorSummary, Field, Notice, type Errors } from "../../../ui/components/form.js";
import { formatDate, isoDay } from "../../../lib/format.js";
import { AdminFrame, type StaffActor } from "../../admin/index.js";
import { ORGANISATION_KINDS } from "../../policy/index.js";

export const ORGS_BASE = "/admin/participation/organisations";

export function MemberOrganisationsView(props: {
  ctx: PageContext;
  actor: StaffActor;
  rows: Array<{ id: number; name: string; kind: string; members: number }>;
}) {
  return (
    <AdminFrame ctx={props.ctx} actor={props.actor} title="Organisations d’habitants">
      <p>
        Les conseils citoyens et les associations de l’annuaire de la Politique de la Ville. Leurs membres peuvent publier des idées en leur nom. Une
        organisation se crée dans « Politique de la ville », rubrique Organisations.
      </p>
      {props.rows.length === 0 ? (
        <p>Aucun conseil citoyen ni aucune association dans l’annuaire pour l’instant.</p>
      ) : (
        <div class="admin-table-wrap">
          <table class="table">
            <caption>Conseils citoyens et associations ({props.rows.length})</caption>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Type</th>
                <th scope="col">Membres</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((o) => (
                <tr>
                  <th scope="row">
                    <a href={`${ORGS_BASE}/${o.id}`}>{o.name}</a>
                  </th>
                  <td>{ORGANISATION_KINDS[o.kind] ?? o.kind}</td>
                  <td>{o.members}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminFrame>
  );
}

const FLASH: Record<string, string> = { "membre-ajoute": "Membre ajouté.", "membre-retire": "Membre retiré." };

export function MembersView(props: {
  ctx: PageContext;
  actor: StaffActor;
  organisation: { id: number; name: string; kind: string };
  members: Array<{ id: number; name: string; email: string; since: Date }>;
  values: Record<string, string>;
  errors: Errors;
  flash?: string | undefined;
}) {
  const { organisation: o } = props;
  const token = props.ctx.viewer.csrfToken;
  const flash = props.flash ? FLASH[props.flash] : undefined;
  return (
    <AdminFrame
      ctx={props.ctx}
      actor={props.actor}
      title={`Membres : ${o.name}`}
      breadcrumb={[{ label: "Organisations d’habitants", href: ORGS_BASE }, { label: o.name }]}
    >
      {flash ? (
        <Notice kind="success">
          <p>{flash}</p>
        </Notice>
      ) : null}
      <p>{ORGANISATION_KINDS[o.kind] ?? o.kind}. Ses membres peuvent publier des idées en son nom.</p>
      {props.members.length === 0 ? (
        <p>Aucun membre pour l’instant.</p>
      ) : (
        <div class="admin-table-wrap">
          <table class="table">
            <caption>Membres ({props.members.length})</caption>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Adresse e-mail</th>
                <th scope="col">Depuis le</th>
                <th scope="col">Retirer</th>
              </tr>
            </thead>
            <tbody>
              {props.members.map((m) => (
                <tr>
                  <th scope="row">{m.name}</th>
                  <td>{m.email}</td>
                  <td>
                    <time dateTime={isoDay(m.since)}>{formatDate(m.since)}</time>
                  </td>
                  <td>
                    <form method="post" action={`${ORGS_BASE}/${o.id}/membres/${m.id}/retirer`}>
                      <CsrfField token={token} />
                      <button type="submit" class="button button--secondary">
                        Retirer<span class="sr-only"> {m.name}</span>
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Ajouter un membre</h2>
      <ErrorSummary errors={props.errors} labels={{ email: "Adresse e-mail" }} />
      <form method="post" action={`${ORGS_BASE}/${o.id}/membres`} class="pdv-form" novalidate>
        <CsrfField token={token} />
        <Field
          name="email"
          type="email"
          label="Adresse e-mail de son compte"
          required
          maxLength={254}
          value={props.values.email ?? ""}
          error={props.errors.email}
          hint="La personne doit avoir créé son compte et confirmé son adresse."
        />
        <button type="submit" class="button">
          Ajouter
        </button>
      </form>
    </AdminFrame>
  );
}
