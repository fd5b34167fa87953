import type { PageContext } from "../../../ui/context.js";
import { CsrfField, ErrorSummary, Field, FieldShell, fieldDescribedBy, Notice, type Errors } from "../../../ui/components/form.js";
import { formatDateTime } from "../../../lib/format.js";
import { AdminFrame } from "../frame.js";
import { ENROL_PATH, type StaffActor } from "../guard.js";
import type { Enrolment, SecurityStatus } from "../security.js";

const CRUMBS = (title: string) => [{ label: "Ma sécurité", href: "/admin/securite" }, { label: title }];

function CodeField(props: { error?: string; label?: string }) {
  return (
    <Field
      name="code"
      label={props.label ?? "Code affiché par l’application"}
      hint="Six chiffres, renouvelés toutes les 30 secondes."
      autocomplete="one-time-code"
      required
      maxLength={9}
      error={props.error}
    />
  );
}

export function SecurityPage(props: { ctx: PageContext; actor: StaffActor; status: SecurityStatus; notice?: string; errors?: Errors }) {
  const { status } = props;
  const errors = props.errors ?? {};
  return (
    <AdminFrame ctx={props.ctx} actor={props.actor} title="Ma sécurité">
      {props.notice ? (
        <Notice kind="success">
          <p>{props.notice}</p>
        </Notice>
      ) : null}
      <ErrorSummary errors={errors} />
      <h2>Double authentification</h2>
      {status.enabled ? (
        <>
          <p>
            Activée le {formatDateTime(status.enabledAt!)}. À chaque connexion, un code de votre application d’authentification vous est demandé après le mot de
            passe.
          </p>
          <p>
            Codes de secours inutilisés : <strong>{status.recoveryCodesLeft}</strong> sur 10.
            {status.recoveryCodesLeft <= 3 ? " Pensez à en générer de nouveaux." : ""}
          </p>
          <section aria-labelledby="renouveler">
            <h3 id="renouveler">Nouveaux codes de secours</h3>
            <p>Les codes actuels cesseront de fonctionner.</p>
            <form method="post" action="/admin/securite/codes-de-secours" class="form" novalidate>
              <CsrfField token={props.ctx.viewer.csrfToken} />
              <CodeField error={errors.code} />
              <button type="submit" class="button">
                Générer de nouveaux codes
              </button>
            </form>
          </section>
          {status.required ? (
            <p>La double authentification est obligatoire pour votre compte : seul un administrateur peut la réinitialiser.</p>
          ) : (
            <section aria-labelledby="desactiver">
              <h3 id="desactiver">Désactiver</h3>
              <form method="post" action="/admin/securite/desactiver" class="form" novalidate>
                <CsrfField token={props.ctx.viewer.csrfToken} />
                <DisableCodeField error={errors["code-desactivation"]} />
                <button type="submit" class="button button--danger">
                  Désactiver la double authentification
                </button>
              </form>
            </section>
          )}
        </>
      ) : (
        <>
          <p>
            La double authentification n’est pas activée. Elle protège l’administration du site si votre mot de passe venait à être connu d’un tiers.
            {status.required ? " Un administrateur l’a rendue obligatoire pour votre compte." : ""}
          </p>
          <p>
            <a class="button" href={ENROL_PATH}>
              Activer la double authentification
            </a>
          </p>
        </>
      )}
    </AdminFrame>
  );
}

/** Same field, other id: both forms can be on the page at once. */
function DisableCodeField(props: { error?: string }) {
  const id = "champ-code-desactivation";
  return (
    <FieldShell id={id} label="Code affiché par l’application" error={props.error} required>
      <input
        id={id}
        name="code"
        class="field__input"
        autocomplete="one-time-code"
        required
        maxLength={9}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={fieldDescribedBy(id, null, props.error)}
      />
    </FieldShell>
  );
}

export function EnrolPage(props: { ctx: PageContext; actor: StaffActor; enrolment: Enrolment; required: boolean; error?: string }) {
  const errors: Errors = props.error ? { code: props.error } : {};
  return (
    <AdminFrame ctx={props.ctx} actor={props.actor} title="Activer la double authentification" breadcrumb={CRUMBS("Activer la double authentification")}>
      {props.required ? (
        <Notice kind="warning">
          <p>La double authentification est obligatoire pour votre compte : activez-la pour accéder à l’administration.</p>
        </Notice>
      ) : null}
      <ErrorSummary errors={errors} />
      <ol class="steps">
        <li>
          <p>Installez une application d’authentification sur votre téléphone (par exemple FreeOTP, Aegis, ou celle de votre gestionnaire de mots de passe).</p>
        </li>
        <li>
          <p>Scannez ce code QR avec l’application :</p>
          <div
            class="admin-qr"
            role="img"
            aria-label="Code QR de configuration de l’application d’authentification"
            dangerouslySetInnerHTML={{ __html: props.enrolment.qrSvg }}
          />
          <p>
            Ou saisissez cette clé à la main : <code class="admin-secret">{props.enrolment.secretText}</code>
          </p>
        </li>
        <li>
          <p>Saisissez le code que l’application affiche pour confirmer :</p>
          <form method="post" action={ENROL_PATH} class="form" novalidate>
            <CsrfField token={props.ctx.viewer.csrfToken} />
            <CodeField error={props.error} />
            <button type="submit" class="button">
              Activer
            </button>
          </form>
        </li>
      </ol>
    </AdminFrame>
  );
}

export function RecoveryCodesPage(props: { ctx: PageContext; actor: StaffActor; codes: string[]; first: boolean }) {
  const title = props.first ? "Double authentification activée" : "Nouveaux codes de secours";
  return (
    <AdminFrame ctx={props.ctx} actor={props.actor} title={title} breadcrumb={CRUMBS(title)}>
      <Notice kind="success">
        <p>{props.first ? "La double authentification est active sur votre compte." : "Vos anciens codes de secours ne fonctionnent plus."}</p>
      </Notice>
      <h2>Vos codes de secours</h2>
      <p>
        Chaque code permet une connexion si vous n’avez plus votre téléphone, une seule fois. Notez-les ou imprimez-les maintenant et rangez-les en lieu sûr :
        ils ne seront plus jamais affichés.
      </p>
      <ul class="admin-codes">
        {props.codes.map((c) => (
          <li>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <p>
        <a class="button" href="/admin">
          J’ai noté mes codes, continuer
        </a>
      </p>
    </AdminFrame>
  );
}
