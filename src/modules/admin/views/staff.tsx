import type { PageContext } from "../../../ui/context.js";
import { Checkbox, CsrfField, ErrorSummary, Field, Notice, Select, type Errors } from "../../../ui/components/form.js";
import { formatDateTime } from "../../../lib/format.js";
import { ROLES, isStaff } from "../../../core/auth/roles.js";
import { AdminFrame } from "../frame.js";
import type { StaffActor } from "../guard.js";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, type StaffRow } from "../staff.js";

const STAFF_ROLES = ROLES.filter((r) => isStaff(r));

/** The role an account has, or for an invited one the role it will have once the invitation is accepted. */
function RoleState({ member }: { member: StaffRow }) {
  const { invitation } = member;
  if (!invitation) return <>{ROLE_LABELS[member.role]}</>;
  return (
    <>
      {ROLE_LABELS[invitation.role]}{" "}
      {invitation.expired ? (
        <span class="badge badge--warning">Invitation expirée</span>
      ) : (
        <span class="badge">Invitation en attente jusqu’au {formatDateTime(invitation.expiresAt)}</span>
      )}
    </>
  );
}

function SecondFactorState({ member }: { member: StaffRow }) {
  if (member.totpEnabled) return <span class="badge">Activée</span>;
  if (member.totpRequired) return <span class="badge badge--warning">Obligatoire, pas encore activée</span>;
  return <span>Non activée</span>;
}

export function StaffListPage(props: { ctx: PageContext; actor: StaffActor; staff: StaffRow[]; notice?: string; errors?: Errors; values?: { email: string; displayName: string; role: string } }) {
  const values = props.values ?? { email: "", displayName: "", role: "contributor" };
  const errors = props.errors ?? {};
  return (
    <AdminFrame ctx={props.ctx} actor={props.actor} title="Équipe">
      {props.notice ? (
        <Notice kind="success">
          <p>{props.notice}</p>
        </Notice>
      ) : null}
      <ErrorSummary errors={errors} />
      <div class="admin-table-wrap">
        <table class="table">
          <caption>Membres de l’équipe ({props.staff.length})</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Adresse e-mail</th>
              <th scope="col">Rôle</th>
              <th scope="col">Double authentification</th>
              <th scope="col">Dernière connexion</th>
            </tr>
          </thead>
          <tbody>
            {props.staff.map((m) => (
              <tr>
                <th scope="row">
                  <a href={`/admin/equipe/${m.id}`}>{m.displayName || m.email}</a>
                  {m.id === props.actor.id ? " (vous)" : ""}
                </th>
                <td>{m.email}</td>
                <td>
                  <RoleState member={m} />
                </td>
                <td>
                  <SecondFactorState member={m} />
                </td>
                <td>{m.lastSignInAt ? formatDateTime(m.lastSignInAt) : "Jamais"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="inviter">
        <h2 id="inviter">Ajouter une personne à l’équipe</h2>
        <p>
          Une invitation est envoyée par e-mail. Le rôle n’est donné qu’une fois un nouveau mot de passe choisi avec le lien reçu (valable 7 jours), même
          si l’adresse a déjà un compte d’habitant : son ancien mot de passe ne sert alors plus. La double authentification est demandée à la première
          connexion. Inviter de nouveau la même adresse remplace le lien précédent.
        </p>
        <form method="post" action="/admin/equipe" class="form" novalidate>
          <CsrfField token={props.ctx.viewer.csrfToken} />
          <Field name="email" type="email" label="Adresse e-mail" required value={values.email} error={errors.email} maxLength={254} autocomplete="off" />
          <Field name="displayName" label="Nom affiché" value={values.displayName} error={errors.displayName} maxLength={80} autocomplete="off" />
          <Select
            name="role"
            label="Rôle"
            required
            value={values.role}
            error={errors.role}
            options={STAFF_ROLES.map((r) => ({ value: r, label: `${ROLE_LABELS[r]} : ${ROLE_DESCRIPTIONS[r]}` }))}
          />
          <button type="submit" class="button">Ajouter à l’équipe</button>
        </form>
      </section>
    </AdminFrame>
  );
}

export function StaffMemberPage(props: { ctx: PageContext; actor: StaffActor; member: StaffRow; notice?: string; errors?: Errors }) {
  const { member } = props;
  const self = member.id === props.actor.id;
  const name = member.displayName || member.email;
  const csrf = <CsrfField token={props.ctx.viewer.csrfToken} />;
  return (
    <AdminFrame ctx={props.ctx} actor={props.actor} title={name} breadcrumb={[{ label: "Équipe", href: "/admin/equipe" }, { label: name }]}>
      {props.notice ? (
        <Notice kind="success">
          <p>{props.notice}</p>
        </Notice>
      ) : null}
      <ErrorSummary errors={props.errors ?? {}} />
      <dl class="admin-facts">
        <dt>Adresse e-mail</dt>
        <dd>{member.email}</dd>
        <dt>Rôle</dt>
        <dd>
          <RoleState member={member} />
        </dd>
        <dt>Double authentification</dt>
        <dd>
          <SecondFactorState member={member} />
        </dd>
        <dt>Dernière connexion</dt>
        <dd>{member.lastSignInAt ? formatDateTime(member.lastSignInAt) : "Jamais"}</dd>
        <dt>Compte créé le</dt>
        <dd>{formatDateTime(member.createdAt)}</dd>
      </dl>
      <p>
        <a href={`/admin/journal?acteur=${member.id}`}>Voir son activité dans le journal</a>
      </p>
      {self ? (
        <Notice>
          <p>C’est votre compte : un autre administrateur peut changer votre rôle. Votre double authentification se gère dans « Ma sécurité ».</p>
        </Notice>
      ) : (
        <>
          <section aria-labelledby="role">
            <h2 id="role">Rôle</h2>
            {member.invitation ? (
              <>
                <p>
                  Ce compte n’a pas encore de rôle dans l’équipe : il le recevra quand la personne aura choisi un nouveau mot de passe avec le lien de son
                  invitation. Vous pouvez changer le rôle proposé, annuler l’invitation (« Habitant ») ou envoyer un nouveau lien.
                </p>
                <form method="post" action={`/admin/equipe/${member.id}/role`} class="form" novalidate>
                  {csrf}
                  <Select
                    name="role"
                    label="Rôle proposé"
                    hint="« Habitant » annule l’invitation."
                    required
                    value={member.invitation.role}
                    error={props.errors?.role}
                    options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
                  />
                  <button type="submit" class="button">Changer l’invitation</button>
                </form>
                <form method="post" action="/admin/equipe">
                  {csrf}
                  <input type="hidden" name="email" value={member.email} />
                  <input type="hidden" name="displayName" value="" />
                  <input type="hidden" name="role" value={member.invitation.role} />
                  <button type="submit" class="button button--secondary">Envoyer un nouveau lien d’invitation</button>
                </form>
              </>
            ) : isStaff(member.role) ? (
              <form method="post" action={`/admin/equipe/${member.id}/role`} class="form" novalidate>
                {csrf}
                <Select
                  name="role"
                  label="Nouveau rôle"
                  hint="Le changement ferme les connexions en cours de cette personne. « Habitant » retire l’accès à l’administration."
                  required
                  value={member.role}
                  error={props.errors?.role}
                  options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
                />
                <button type="submit" class="button">Changer le rôle</button>
              </form>
            ) : (
              <p>Compte d’habitant : pour lui donner un rôle, invitez son adresse depuis la page Équipe. Le rôle ne sera donné qu’avec un nouveau mot de passe.</p>
            )}
          </section>
          <section aria-labelledby="securite">
            <h2 id="securite">Sécurité du compte</h2>
            <form method="post" action={`/admin/equipe/${member.id}/double-authentification`} class="form" novalidate>
              {csrf}
              <Checkbox name="required" label="Exiger la double authentification" checked={member.totpRequired} hint="La personne devra l’activer avant d’accéder à l’administration." />
              <button type="submit" class="button button--secondary">Enregistrer</button>
            </form>
            <div class="admin-actions">
              {member.totpEnabled ? (
                <form method="post" action={`/admin/equipe/${member.id}/reinitialiser-double-authentification`}>
                  {csrf}
                  <button type="submit" class="button button--danger">Réinitialiser la double authentification (téléphone perdu)</button>
                </form>
              ) : null}
              <form method="post" action={`/admin/equipe/${member.id}/deconnecter`}>
                {csrf}
                <button type="submit" class="button button--secondary">Fermer toutes ses connexions</button>
              </form>
            </div>
          </section>
        </>
      )}
    </AdminFrame>
  );
}
