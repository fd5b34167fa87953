import type { PageContext } from "../../../ui/context.js";
import { CsrfField, ErrorSummary, Field, type Errors } from "../../../ui/components/form.js";
import { AccountFrame } from "./frame.js";

export function SecondFactorPage(props: { ctx: PageContext; csrf: string; error?: string }) {
  const errors: Errors = props.error ? { code: props.error } : {};
  return (
    <AccountFrame ctx={props.ctx} title="Vérification en deux étapes" path="/compte/connexion/code" description="Deuxième étape de la connexion.">
      <p>Votre mot de passe est correct. Pour terminer la connexion, saisissez le code à six chiffres affiché par votre application d’authentification.</p>
      <ErrorSummary errors={errors} />
      <form method="post" action="/compte/connexion/code" class="form" novalidate>
        <CsrfField token={props.csrf} />
        <Field
          name="code"
          label="Code de vérification"
          hint="Six chiffres, ou l’un de vos codes de secours (par exemple k7mq-4xhz-p2wd) si vous n’avez plus accès à l’application."
          autocomplete="one-time-code"
          required
          maxLength={20}
          error={props.error}
        />
        <button type="submit" class="button">
          Vérifier et me connecter
        </button>
      </form>
      <p>
        <a href="/compte/connexion">Recommencer la connexion</a>
      </p>
    </AccountFrame>
  );
}
