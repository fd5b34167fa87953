// Pages of a signed-in resident: dashboard, feed, preferences, password, sessions, data
// export and account deletion ("Mes favoris" is the favourites module's page).
import type { PageContext } from "../../../ui/context.js";
import { CardGrid } from "../../../ui/components/card.js";
import { Checkbox, CheckboxGroup, CsrfField, ErrorSummary, Field, Notice, type Errors } from "../../../ui/components/form.js";
import { Pagination } from "../../../ui/components/pagination.js";
import type { CardView } from "../../../ui/view-models.js";
import { formatDate } from "../../../lib/format.js";
import { PASSWORD_MIN } from "../../../core/auth/passwords.js";
import type { Choice, PreferencesValues, SessionView } from "../present.js";
import { AccountFrame } from "./frame.js";

export function DashboardPage(props: { ctx: PageContext; email: string; verified: boolean; notice?: string; interestCount: number; favouriteCount: number }) {
  const { ctx } = props;
  return (
    <AccountFrame ctx={ctx} title="Mon compte" path="/compte" menu>
      {props.notice ? (
        <Notice kind="success">
          <p>{props.notice}</p>
        </Notice>
      ) : null}
      {props.verified ? null : (
        <Notice kind="warning">
          <p>Votre adresse {props.email} n’est pas encore confirmée. Ouvrez le lien reçu par e-mail ; vous ne recevrez aucun autre message d’ici là.</p>
          <form method="post" action="/compte/renvoyer-confirmation">
            <CsrfField token={ctx.viewer.csrfToken} />
            <button type="submit" class="button button--secondary">
              Renvoyer le lien
            </button>
          </form>
        </Notice>
      )}
      <p class="lead">Bonjour {ctx.viewer.displayName}.</p>
      <ul class="tile-list">
        <li>
          <a href="/compte/mon-fil">Mon fil</a> : l’actualité de vos {props.interestCount} thèmes et quartiers.
        </li>
        <li>
          <a href="/compte/favoris">Mes favoris</a> : {props.favouriteCount} contenu{props.favouriteCount > 1 ? "s" : ""} gardé
          {props.favouriteCount > 1 ? "s" : ""}.
        </li>
        <li>
          <a href="/compte/preferences">Mes préférences</a> : thèmes, quartiers, nom affiché, adresse e-mail, lettre d’information.
        </li>
        <li>
          <a href="/compte/sessions">Mes connexions</a> : les appareils connectés à votre compte.
        </li>
        <li>
          <a href="/compte/donnees">Mes données</a> : les télécharger ou supprimer votre compte.
        </li>
      </ul>
    </AccountFrame>
  );
}

const feedPageHref = (n: number) => (n > 1 ? `/compte/mon-fil?page=${n}` : "/compte/mon-fil");

export function FeedPage(props: { ctx: PageContext; cards: CardView[]; page: number; pageCount: number; hasInterests: boolean }) {
  return (
    <AccountFrame ctx={props.ctx} title="Mon fil" path="/compte/mon-fil" menu>
      {props.hasInterests ? null : <EmptyInterests />}
      {props.hasInterests && props.cards.length === 0 ? (
        <p class="empty">
          Rien de récent pour vos thèmes et vos quartiers. Revenez bientôt, ou élargissez vos <a href="/compte/preferences">préférences</a>.
        </p>
      ) : null}
      <CardGrid cards={props.cards} headingLevel={2} />
      <Pagination page={props.page} pageCount={props.pageCount} href={feedPageHref} />
    </AccountFrame>
  );
}

export function EmptyInterests() {
  return (
    <div class="empty">
      <p>Vous n’avez pas encore choisi de thème ni de quartier.</p>
      <p>
        Choisissez-les dans <a href="/compte/preferences">vos préférences</a> : votre fil et la rubrique « Pour vous » de l’accueil montreront alors l’actualité
        qui vous concerne.
      </p>
    </div>
  );
}

export function PreferencesPage(props: {
  ctx: PageContext;
  values: PreferencesValues;
  errors: Errors;
  themes: Choice[];
  places: Choice[];
  notice?: string;
  welcome: boolean;
}) {
  const { ctx, values, errors } = props;
  return (
    <AccountFrame ctx={ctx} title="Mes préférences" path="/compte/preferences" menu>
      {props.welcome ? (
        <Notice kind="success">
          <p>Votre adresse est confirmée, bienvenue ! Choisissez vos thèmes et vos quartiers pour composer votre fil.</p>
        </Notice>
      ) : null}
      {props.notice ? (
        <Notice kind="success">
          <p>{props.notice}</p>
        </Notice>
      ) : null}
      <ErrorSummary errors={errors} />
      <form method="post" action="/compte/preferences" class="form" novalidate>
        <CsrfField token={ctx.viewer.csrfToken} />
        <Field name="displayName" label="Nom affiché" autocomplete="nickname" value={values.displayName} error={errors.displayName} maxLength={80} />
        <CheckboxGroup name="themes" legend="Vos thèmes" options={props.themes} selected={new Set(values.themeIds)} />
        <CheckboxGroup name="quartiers" legend="Vos quartiers" options={props.places} selected={new Set(values.neighbourhoodIds)} />
        <Checkbox name="digest" label="Recevoir par e-mail la lettre d’actualité de mes thèmes et de mes quartiers." checked={values.digestConsent} />
        <button type="submit" class="button">
          Enregistrer mes préférences
        </button>
      </form>

      <h2>Adresse e-mail</h2>
      <p>Adresse actuelle : {values.email}</p>
      <form method="post" action="/compte/adresse" class="form" novalidate>
        <CsrfField token={ctx.viewer.csrfToken} />
        <Field
          name="newEmail"
          type="email"
          label="Nouvelle adresse e-mail"
          autocomplete="email"
          required
          value={values.newEmail}
          error={errors.newEmail}
          maxLength={254}
          hint="Nous enverrons un lien à cette adresse ; elle remplacera l’actuelle une fois confirmée."
        />
        <Field name="emailPassword" type="password" label="Votre mot de passe" autocomplete="current-password" required error={errors.emailPassword} />
        <button type="submit" class="button button--secondary">
          Changer d’adresse
        </button>
      </form>
    </AccountFrame>
  );
}

export function PasswordPage(props: { ctx: PageContext; errors: Errors; notice?: string }) {
  return (
    <AccountFrame ctx={props.ctx} title="Mot de passe" path="/compte/mot-de-passe" menu>
      {props.notice ? (
        <Notice kind="success">
          <p>{props.notice}</p>
        </Notice>
      ) : null}
      <ErrorSummary errors={props.errors} />
      <form method="post" action="/compte/mot-de-passe" class="form" novalidate>
        <CsrfField token={props.ctx.viewer.csrfToken} />
        <Field name="current" type="password" label="Mot de passe actuel" autocomplete="current-password" required error={props.errors.current} />
        <Field
          name="next"
          type="password"
          label="Nouveau mot de passe"
          autocomplete="new-password"
          required
          error={props.errors.next}
          hint={`Au moins ${PASSWORD_MIN} caractères, tous les caractères sont acceptés.`}
        />
        <p class="form__note">Vos autres connexions seront fermées et un e-mail vous préviendra du changement.</p>
        <button type="submit" class="button">
          Changer de mot de passe
        </button>
      </form>
    </AccountFrame>
  );
}

export function SessionsPage(props: { ctx: PageContext; sessions: SessionView[]; notice?: string }) {
  return (
    <AccountFrame ctx={props.ctx} title="Mes connexions" path="/compte/sessions" menu>
      {props.notice ? (
        <Notice kind="success">
          <p>{props.notice}</p>
        </Notice>
      ) : null}
      <p>Voici les navigateurs connectés à votre compte. Si vous n’en reconnaissez pas un, déconnectez-le et changez de mot de passe.</p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the table may scroll sideways; keyboard users can scroll it only if its container takes focus (WCAG 2.1.1) */}
      <section class="table-scroll" tabIndex={0} aria-label="Connexions actives (tableau défilant)">
        <table class="table">
          <caption class="sr-only">Connexions actives</caption>
          <thead>
            <tr>
              <th scope="col">Navigateur</th>
              <th scope="col">Connecté le</th>
              <th scope="col">Dernière activité</th>
              <th scope="col">
                <span class="sr-only">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.sessions.map((s) => (
              <tr>
                <td>
                  {s.device}
                  {s.current ? <strong> (cette connexion)</strong> : null}
                </td>
                <td>{formatDate(s.startedAt)}</td>
                <td>{formatDate(s.lastSeenAt)}</td>
                <td>
                  {s.current ? null : (
                    <form method="post" action={`/compte/sessions/${s.id}/revoquer`}>
                      <CsrfField token={props.ctx.viewer.csrfToken} />
                      <button type="submit" class="button button--secondary">
                        Déconnecter
                        <span class="sr-only">
                          {" "}
                          : {s.device}, connecté le {formatDate(s.startedAt)}
                        </span>
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </AccountFrame>
  );
}

export function DataPage(props: { ctx: PageContext; errors: Errors }) {
  const csrf = props.ctx.viewer.csrfToken;
  return (
    <AccountFrame ctx={props.ctx} title="Mes données" path="/compte/donnees" menu>
      <h2>Télécharger mes données</h2>
      <p>Un fichier JSON avec tout ce que nous savons de votre compte : profil, centres d’intérêt, favoris, connexions et consentements, avec leurs dates.</p>
      <form method="post" action="/compte/donnees">
        <CsrfField token={csrf} />
        <button type="submit" class="button button--secondary">
          Télécharger mes données
        </button>
      </form>
      <h2 id="supprimer">Supprimer mon compte</h2>
      <p>La suppression est immédiate et définitive : votre profil, vos préférences et vos favoris sont effacés, et toutes vos connexions sont fermées.</p>
      <ErrorSummary errors={props.errors} />
      <form method="post" action="/compte/supprimer" class="form" novalidate>
        <CsrfField token={csrf} />
        <Field
          name="password"
          type="password"
          label="Votre mot de passe, pour confirmer"
          autocomplete="current-password"
          required
          error={props.errors.password}
        />
        <button type="submit" class="button button--danger">
          Supprimer définitivement mon compte
        </button>
      </form>
      <p>
        <a href="/donnees-personnelles">Ce que nous faisons de vos données</a>
      </p>
    </AccountFrame>
  );
}

export function DeletedPage({ ctx }: { ctx: PageContext }) {
  return (
    <AccountFrame ctx={ctx} title="Compte supprimé" path="/compte/supprime">
      <Notice kind="success">
        <p>Votre compte et vos données personnelles ont été supprimés. Merci d’avoir utilisé le site.</p>
      </Notice>
      <p>
        <a href="/">Retour à l’accueil</a>
      </p>
    </AccountFrame>
  );
}
