// Sign-up, sign-in, password reset and address verification pages.
import type { ComponentChildren } from "preact";
import type { PageContext } from "../../../ui/context.js";
import { Checkbox, CheckboxGroup, CsrfField, ErrorSummary, Field, Notice, type Errors } from "../../../ui/components/form.js";
import { PASSWORD_MIN } from "../../../core/auth/passwords.js";
import type { Choice } from "../present.js";
import { AccountFrame } from "./frame.js";

export interface SignUpValues {
  email: string;
  displayName: string;
  themeIds: number[];
  neighbourhoodIds: number[];
  digestConsent: boolean;
}

const PASSWORD_HINT = `Au moins ${PASSWORD_MIN} caractères. Une phrase de quelques mots est facile à retenir et difficile à deviner. Tous les caractères sont acceptés.`;

export function SignUpPage(props: {
  ctx: PageContext;
  csrf: string;
  values: SignUpValues;
  errors: Errors;
  themes: Choice[];
  places: Choice[];
  suggestion: string | null;
}) {
  const { values, errors } = props;
  return (
    <AccountFrame ctx={props.ctx} title="Créer un compte" path="/compte/creer" description="Créez votre compte et recevez l’actualité qui vous ressemble.">
      <p class="lead">
        Choisissez vos thèmes et vos quartiers : nous vous montrerons en priorité l’actualité qui vous concerne, et vous pourrez garder vos articles favoris.
      </p>
      <ErrorSummary errors={errors} />
      <form method="post" action="/compte/creer" class="form" novalidate>
        <CsrfField token={props.csrf} />
        <Field
          name="email"
          type="email"
          label="Adresse e-mail"
          autocomplete="email"
          required
          value={values.email}
          error={errors.email}
          maxLength={254}
          hint="Nous vous enverrons un lien pour la confirmer."
        />
        <Field name="password" type="password" label="Mot de passe" autocomplete="new-password" required error={errors.password} hint={PASSWORD_HINT} />
        <Field
          name="displayName"
          label="Nom affiché"
          autocomplete="nickname"
          value={values.displayName}
          error={errors.displayName}
          maxLength={80}
          hint="Comment vous saluer sur le site."
        />
        <CheckboxGroup
          name="themes"
          legend="Les thèmes qui vous intéressent"
          hint={
            props.suggestion
              ? `Nous vous suggérons « ${props.suggestion} », le thème le plus actif en ce moment ; vous pourrez tout changer plus tard.`
              : undefined
          }
          options={props.themes}
          selected={new Set(values.themeIds)}
        />
        <CheckboxGroup name="quartiers" legend="Vos quartiers" options={props.places} selected={new Set(values.neighbourhoodIds)} />
        <Checkbox
          name="digest"
          label="Je souhaite recevoir par e-mail une lettre avec l’actualité de mes thèmes et de mes quartiers."
          hint="Facultatif. Vous pourrez vous désabonner à tout moment."
          checked={values.digestConsent}
        />
        <p class="form__note">
          En créant un compte, vous acceptez que nous conservions les informations ci-dessus pour personnaliser le site.{" "}
          <a href="/donnees-personnelles">Ce que nous faisons de vos données</a>.
        </p>
        <button type="submit" class="button">
          Créer mon compte
        </button>
      </form>
      <p>
        Vous avez déjà un compte ? <a href="/compte/connexion">Se connecter</a>
      </p>
    </AccountFrame>
  );
}

export function SignUpSentPage({ ctx }: { ctx: PageContext }) {
  return (
    <AccountFrame ctx={ctx} title="Vérifiez votre messagerie" path="/compte/creer/merci">
      <Notice kind="success">
        <p>Si cette adresse peut être utilisée, un e-mail vient de vous être envoyé. Ouvrez-le et suivez le lien pour confirmer votre adresse.</p>
      </Notice>
      <p>Le lien est valable 24 heures. Pensez à regarder dans les courriers indésirables.</p>
      <p>
        <a href="/compte/connexion">Se connecter</a>
      </p>
    </AccountFrame>
  );
}

export function SignInPage(props: { ctx: PageContext; csrf: string; email: string; retour: string; favori: string; error?: string; notice?: string }) {
  const errors: Errors = props.error ? { email: props.error } : {};
  return (
    <AccountFrame ctx={props.ctx} title="Se connecter" path="/compte/connexion" description="Connexion à votre compte.">
      {props.notice ? (
        <Notice kind="success">
          <p>{props.notice}</p>
        </Notice>
      ) : null}
      {props.favori ? (
        <Notice>
          <p>Connectez-vous pour ajouter ce contenu à vos favoris.</p>
        </Notice>
      ) : null}
      <ErrorSummary errors={errors} />
      <form method="post" action="/compte/connexion" class="form" novalidate>
        <CsrfField token={props.csrf} />
        <input type="hidden" name="retour" value={props.retour} />
        {props.favori ? <input type="hidden" name="favori" value={props.favori} /> : null}
        <Field name="email" type="email" label="Adresse e-mail" autocomplete="email" required value={props.email} error={props.error} maxLength={254} />
        <Field name="password" type="password" label="Mot de passe" autocomplete="current-password" required />
        <button type="submit" class="button">
          Se connecter
        </button>
      </form>
      <ul class="link-list">
        <li>
          <a href="/compte/mot-de-passe-oublie">Mot de passe oublié ?</a>
        </li>
        <li>
          <a href="/compte/creer">Créer un compte</a>
        </li>
      </ul>
    </AccountFrame>
  );
}

export function ForgotPage(props: { ctx: PageContext; csrf: string; email: string; errors: Errors; sent: boolean }) {
  return (
    <AccountFrame ctx={props.ctx} title="Mot de passe oublié" path="/compte/mot-de-passe-oublie">
      {props.sent ? (
        <Notice kind="success">
          <p>
            Si un compte existe avec cette adresse, un e-mail vient de lui être envoyé avec un lien pour choisir un nouveau mot de passe. Le lien est valable
            une heure.
          </p>
        </Notice>
      ) : null}
      <ErrorSummary errors={props.errors} />
      <form method="post" action="/compte/mot-de-passe-oublie" class="form" novalidate>
        <CsrfField token={props.csrf} />
        <Field
          name="email"
          type="email"
          label="Adresse e-mail de votre compte"
          autocomplete="email"
          required
          value={props.email}
          error={props.errors.email}
          maxLength={254}
        />
        <button type="submit" class="button">
          Recevoir un lien
        </button>
      </form>
    </AccountFrame>
  );
}

export function ResetPage(props: { ctx: PageContext; csrf: string; token: string; valid: boolean; errors: Errors }) {
  return (
    <AccountFrame ctx={props.ctx} title="Choisir un nouveau mot de passe" path="/compte/reinitialiser">
      {props.valid ? (
        <>
          <ErrorSummary errors={props.errors} />
          <form method="post" action="/compte/reinitialiser" class="form" novalidate>
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
              Enregistrer le mot de passe
            </button>
          </form>
        </>
      ) : (
        <InvalidLink what="Ce lien de réinitialisation" again={<a href="/compte/mot-de-passe-oublie">Demander un nouveau lien</a>} />
      )}
    </AccountFrame>
  );
}

function InvalidLink({ what, again }: { what: string; again: ComponentChildren }) {
  return (
    <Notice kind="warning">
      <p>{what} n’est plus valable : il a déjà servi, il a expiré ou il est incomplet.</p>
      <p>{again}</p>
    </Notice>
  );
}

export function VerifyPage(props: { ctx: PageContext; csrf: string; token: string; invalid: boolean }) {
  return (
    <AccountFrame ctx={props.ctx} title="Confirmer votre adresse e-mail" path="/compte/verifier">
      {props.invalid ? (
        <InvalidLink what="Ce lien de confirmation" again={<a href="/compte">Demander un nouveau lien depuis votre compte</a>} />
      ) : (
        <form method="post" action="/compte/verifier" class="form">
          <CsrfField token={props.csrf} />
          <input type="hidden" name="jeton" value={props.token} />
          <p>Confirmez que cette adresse e-mail est bien la vôtre.</p>
          <button type="submit" class="button">
            Confirmer mon adresse
          </button>
        </form>
      )}
    </AccountFrame>
  );
}
