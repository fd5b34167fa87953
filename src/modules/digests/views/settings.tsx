// « Ma lettre d’actualité » (account area) and the unsubscribe page reached from an e-mail.
import type { PageContext } from "../../../ui/context.js";
import { Checkbox, CsrfField, ErrorSummary, Notice, Select, type Errors } from "../../../ui/components/form.js";
import { AccountFrame } from "../../accounts/index.js";
import { type SettingsFormValues, type SettingsPageView, WEEKDAY_LABELS } from "../present.js";

const FREQUENCIES = [
  { value: "quotidienne", label: "Chaque jour" },
  { value: "hebdomadaire", label: "Chaque semaine" },
  { value: "desactivee", label: "Jamais (lettre désactivée)" },
];

const HOURS = Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: `${h} h` }));
const DAYS = WEEKDAY_LABELS.map((d, i) => ({ value: String(i + 1), label: d.charAt(0).toUpperCase() + d.slice(1) }));

export function SettingsPage(props: { ctx: PageContext; view: SettingsPageView; values: SettingsFormValues; errors: Errors; notice?: string }) {
  const { ctx, view, values, errors } = props;
  return (
    <AccountFrame ctx={ctx} title="Ma lettre d’actualité" path="/compte/lettre" menu>
      {props.notice ? (
        <Notice kind="success">
          <p>{props.notice}</p>
        </Notice>
      ) : null}
      {!view.consent ? (
        <Notice kind="warning">
          <p>
            Vous n’avez pas demandé à recevoir la lettre par e-mail : rien ne vous sera envoyé. Pour la recevoir, cochez « Recevoir par e-mail la lettre
            d’actualité » dans <a href="/compte/preferences">Mes préférences</a>.
          </p>
        </Notice>
      ) : !view.verified ? (
        <Notice kind="warning">
          <p>Confirmez d’abord votre adresse e-mail (lien reçu à l’inscription) : la lettre n’est envoyée qu’à une adresse confirmée.</p>
        </Notice>
      ) : null}
      {view.bounced ? (
        <Notice kind="warning">
          <p>
            Le {view.bounced.at}, votre messagerie a refusé notre lettre ({view.bounced.reason}). Nous ne l’envoyons plus. Vérifiez votre adresse dans{" "}
            <a href="/compte/preferences">Mes préférences</a>, puis enregistrez ce formulaire pour reprendre les envois.
          </p>
        </Notice>
      ) : null}
      <p>
        La lettre rassemble les nouveaux contenus de vos thèmes et de vos quartiers, rangés comme votre fil, et signale vos favoris mis à jour. Elle n’est
        envoyée que s’il y a du nouveau.
      </p>
      {view.summary && view.consent ? <p>{view.summary}</p> : null}
      <ErrorSummary errors={errors} />
      <form method="post" action="/compte/lettre" class="form" novalidate>
        <CsrfField token={ctx.viewer.csrfToken} />
        <Select name="frequence" label="Fréquence" options={FREQUENCIES} value={values.frequence} error={errors.frequence} />
        <Select
          name="jour"
          label="Jour d’envoi de la lettre hebdomadaire"
          options={DAYS}
          value={values.jour}
          error={errors.jour}
          hint="Utilisé seulement pour la lettre hebdomadaire."
        />
        <Select name="heure" label="Heure d’envoi (heure de Paris)" options={HOURS} value={values.heure} error={errors.heure} />
        <fieldset class="fieldset" id="champ-interets">
          <legend class="fieldset__legend">Contenu de la lettre</legend>
          {errors.interets ? (
            <p class="field__error" id="champ-interets-erreur">
              {errors.interets}
            </p>
          ) : null}
          <Checkbox name="interets" label="Les nouveautés de mes thèmes et de mes quartiers" checked={values.interets} />
          <Checkbox name="favoris" label="Mes favoris mis à jour (pages et actions suivies)" checked={values.favoris} />
        </fieldset>
        <button type="submit" class="button">
          Enregistrer
        </button>
      </form>
      <p>
        Vos thèmes et vos quartiers se choisissent dans <a href="/compte/preferences">Mes préférences</a>.
      </p>
    </AccountFrame>
  );
}

export function UnsubscribePage(props: { ctx: PageContext; action: string; frequency: "daily" | "weekly" | "off"; done: "off" | "weekly" | null }) {
  const { ctx } = props;
  return (
    <AccountFrame ctx={ctx} title="Se désabonner de la lettre" path="/lettre/desabonnement">
      {props.done === "off" ? (
        <Notice kind="success">
          <p>C’est fait : vous ne recevrez plus la lettre d’actualité.</p>
        </Notice>
      ) : props.done === "weekly" ? (
        <Notice kind="success">
          <p>C’est fait : vous recevrez désormais une seule lettre par semaine.</p>
        </Notice>
      ) : null}
      {props.frequency === "off" ? (
        <p>La lettre d’actualité est désactivée pour cette adresse. Vous pouvez la réactiver depuis votre compte.</p>
      ) : (
        <>
          <p>Confirmez-vous ne plus vouloir recevoir la lettre d’actualité ?</p>
          <form method="post" action={props.action} class="form">
            <input type="hidden" name="frequence" value="desactivee" />
            <button type="submit" class="button">
              Me désabonner
            </button>
          </form>
          {props.frequency === "daily" ? (
            <>
              <p>Ou recevez-la moins souvent :</p>
              <form method="post" action={props.action} class="form">
                <input type="hidden" name="frequence" value="hebdomadaire" />
                <button type="submit" class="button button--secondary">
                  Recevoir une lettre par semaine
                </button>
              </form>
            </>
          ) : null}
        </>
      )}
      <p>
        <a href="/compte/lettre">Choisir la fréquence et le contenu de la lettre</a> (connexion requise).
      </p>
    </AccountFrame>
  );
}
