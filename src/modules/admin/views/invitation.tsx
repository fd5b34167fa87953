// The page an invitation link opens: choose a new password to take the role.
import type { PageContext } from "../../../ui/context.js";
import { CsrfField, ErrorSummary, Field, Notice, type Errors } from "../../../ui/components/form.js";
import { PASSWORD_MIN } from "../../../core/auth/passwords.js";
import { AccountFrame } from "../../accounts/index.js";
import { INVITATION_PATH } from "../invitations.js";

const PASSWORD_HINT = `Au moins ${PASSWORD_MIN} caractères. Une phrase de quelques mots est facile à retenir et difficile à deviner. Tous les caractères sont acceptés.`;

export function InvitationPage(props: { ctx: PageContext; csrf: string; token: string; invitation: { role: string; email: string } | null; errors: Errors }) {
  const { invitation } = props;
  return (
    <AccountFrame ctx={props.ctx} title="Rejoindre l’équipe du site" path={INVITATION_PATH}>
      {invitation ? (
        <>
          <p>
            Vous êtes invité à l’administration du site avec le rôle <strong>« {invitation.role} »</strong>, pour l’adresse {invitation.email}.
          </p>
          <p>
            Choisissez un nouveau mot de passe pour prendre ce rôle. Si un compte existait déjà avec cette adresse, son ancien mot de passe ne fonctionnera plus
            et toutes ses connexions seront fermées. À la prochaine connexion, vous configurerez la double authentification.
          </p>
          <ErrorSummary errors={props.errors} />
          <form method="post" action={INVITATION_PATH} class="form" novalidate>
            <CsrfField token={props.csrf} />
            <input type="hidden" name="jeton" value={props.token} />
            <Field
              name="password"
              type="password"
              label="Nouveau mot de passe"
              autocomplete="new-password"
              required
              error={props.errors.password}
              hint={PASSWORD_HINT}
            />
            <button type="submit" class="button">
              Enregistrer le mot de passe et rejoindre l’équipe
            </button>
          </form>
        </>
      ) : (
        <Notice kind="warning">
          <p>Ce lien d’invitation n’est plus valable : il a déjà servi, il a expiré, il a été remplacé par une nouvelle invitation ou il est incomplet.</p>
          <p>Demandez à un administrateur du site de vous inviter de nouveau.</p>
        </Notice>
      )}
    </AccountFrame>
  );
}
