import type { VNode } from "preact";
import type { PageContext } from "../../../ui/context.js";
import { Checkbox, CsrfField, ErrorSummary, Field, Notice, Select, type Errors } from "../../../ui/components/form.js";
import { AdminFrame } from "../frame.js";
import type { StaffActor } from "../guard.js";
import { INVITE_ROLE_CHOICES, ROLE_CHOICES, type StaffMemberView } from "../present.js";

/** The role an account has, or for an invited one the role it will have once the invitation is accepted. */
function RoleState({ member }: { member: StaffMemberView }) {
  const { invitation } = member;
  if (!invitation) return <>{member.roleLabel}</>;
  return (
    <>
      {member.roleLabel}{" "}
      {invitation.expired ? (
        <span class="badge badge--warning">Invitation expirée</span>
      ) : (
        <span class="badge">Invitation en attente jusqu’au {invitation.until}</span>
      )}
    </>
  );
}

function SecondFactorState({ member }: { member: StaffMemberView }) {
  const { label, tone } = member.secondFactor;
  if (tone === "plain") return <span>{label}</span>;
  return <span class={tone === "warning" ? "badge badge--warning" : "badge"}>{label}</span>;
}

/** The role form of a member page: the role an invitation offers, or the role the account has. */
function RoleForm(props: { member: StaffMemberView; csrf: VNode; label: string; hint: string; value: string; error?: string; submit: string }) {
  return (
    <form method="post" action={`${props.member.href}/role`} class="form" novalidate>
      {props.csrf}
      <Select name="role" label={props.label} hint={props.hint} required value={props.value} error={props.error} options={ROLE_CHOICES} />
      <button type="submit" class="button">
        {props.submit}
      </button>
    </form>
  );
}

export function StaffListPage(props: {
  ctx: PageContext;
  actor: StaffActor;
  staff: StaffMemberView[];
  notice?: string;
  errors?: Errors;
  values?: { email: string; displayName: string; role: string };
}) {
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
                  <a href={m.href}>{m.name}</a>
                  {m.isSelf ? " (vous)" : ""}
                </th>
                <td>{m.email}</td>
                <td>
                  <RoleState member={m} />
                </td>
                <td>
                  <SecondFactorState member={m} />
                </td>
                <td>{m.lastSignIn}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="inviter">
        <h2 id="inviter">Ajouter une personne à l’équipe</h2>
        <p>
          Une invitation est envoyée par e-mail. Le rôle n’est donné qu’une fois un nouveau mot de passe choisi avec le lien reçu (valable 7 jours), même si
          l’adresse a déjà un compte d’habitant : son ancien mot de passe ne sert alors plus. La double authentification est demandée à la première connexion.
          Inviter de nouveau la même adresse remplace le lien précédent.
        </p>
        <form method="post" action="/admin/equipe" class="form" novalidate>
          <CsrfField token={props.ctx.viewer.csrfToken} />
          <Field name="email" type="email" label="Adresse e-mail" required value={values.email} error={errors.email} maxLength={254} autocomplete="off" />
          <Field name="displayName" label="Nom affiché" value={values.displayName} error={errors.displayName} maxLength={80} autocomplete="off" />
          <Select name="role" label="Rôle" required value={values.role} error={errors.role} options={INVITE_ROLE_CHOICES} />
          <button type="submit" class="button">
            Ajouter à l’équipe
          </button>
        </form>
      </section>
    </AdminFrame>
  );
}

export function StaffMemberPage(props: { ctx: PageContext; actor: StaffActor; member: StaffMemberView; notice?: string; errors?: Errors }) {
  const { member } = props;
  const self = member.isSelf;
  const name = member.name;
  const { roleForm } = member;
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
        <dd>{member.lastSignIn}</dd>
        <dt>Compte créé le</dt>
        <dd>{member.createdAt}</dd>
      </dl>
      <p>
        <a href={member.journalHref}>Voir son activité dans le journal</a>
      </p>
      {self ? (
        <Notice>
          <p>C’est votre compte : un autre administrateur peut changer votre rôle. Votre double authentification se gère dans « Ma sécurité ».</p>
        </Notice>
      ) : (
        <>
          <section aria-labelledby="role">
            <h2 id="role">Rôle</h2>
            {roleForm?.kind === "invitation" ? (
              <>
                <p>
                  Ce compte n’a pas encore de rôle dans l’équipe : il le recevra quand la personne aura choisi un nouveau mot de passe avec le lien de son
                  invitation. Vous pouvez changer le rôle proposé, annuler l’invitation (« Habitant ») ou envoyer un nouveau lien.
                </p>
                <RoleForm
                  member={member}
                  csrf={csrf}
                  label="Rôle proposé"
                  hint="« Habitant » annule l’invitation."
                  value={roleForm.value}
                  error={props.errors?.role}
                  submit="Changer l’invitation"
                />
                <form method="post" action="/admin/equipe">
                  {csrf}
                  <input type="hidden" name="email" value={member.email} />
                  <input type="hidden" name="displayName" value="" />
                  <input type="hidden" name="role" value={roleForm.value} />
                  <button type="submit" class="button button--secondary">
                    Envoyer un nouveau lien d’invitation
                  </button>
                </form>
              </>
            ) : roleForm ? (
              <RoleForm
                member={member}
                csrf={csrf}
                label="Nouveau rôle"
                hint="Le changement ferme les connexions en cours de cette personne. « Habitant » retire l’accès à l’administration."
                value={roleForm.value}
                error={props.errors?.role}
                submit="Changer le rôle"
              />
            ) : (
              <p>
                Compte d’habitant : pour lui donner un rôle, invitez son adresse depuis la page Équipe. Le rôle ne sera donné qu’avec un nouveau mot de passe.
              </p>
            )}
          </section>
          <section aria-labelledby="securite">
            <h2 id="securite">Sécurité du compte</h2>
            <form method="post" action={`${member.href}/double-authentification`} class="form" novalidate>
              {csrf}
              <Checkbox
                name="required"
                label="Exiger la double authentification"
                checked={member.secondFactorRequired}
                hint="La personne devra l’activer avant d’accéder à l’administration."
              />
              <button type="submit" class="button button--secondary">
                Enregistrer
              </button>
            </form>
            <div class="admin-actions">
              {member.canResetSecondFactor ? (
                <form method="post" action={`${member.href}/reinitialiser-double-authentification`}>
                  {csrf}
                  <button type="submit" class="button button--danger">
                    Réinitialiser la double authentification (téléphone perdu)
                  </button>
                </form>
              ) : null}
              <form method="post" action={`${member.href}/deconnecter`}>
                {csrf}
                <button type="submit" class="button button--secondary">
                  Fermer toutes ses connexions
                </button>
              </form>
            </div>
          </section>
        </>
      )}
    </AdminFrame>
  );
}
