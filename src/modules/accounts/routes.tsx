// Account routes: sign-up, verification, sign-in/out, password reset. Pages with forms
// are private (never cached) and carry a CSRF token. Every POST answers with a redirect
// (PRG) or the same form again with French messages next to the fields.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { createSession, deleteSessionByToken } from "../../core/auth/sessions.js";
import { csrfTokenFor } from "../../core/http/csrf.js";
import { checkbox, emptyForm, field, fieldIds, formBody, handleForm, ids, isChecked, noQuery, queryOf, text } from "../../core/http/form.js";
import { forgetLinkToken, redirectWithoutToken, storedLinkToken, type LinkPage } from "../../core/http/link-token.js";
import { servePage } from "../../core/http/render.js";
import { clearSessionCookie, cookieNames, isSecure, setSessionCookie } from "../../core/http/session.js";
import { addFavouriteAfterSignIn } from "../favourites/index.js";
import { safeReturnPath } from "../../lib/return-path.js";
import { needsSecondFactor, recordSignIn } from "./second-factor.js";
import { secondFactorRoutes, startSecondFactor } from "./second-factor-routes.js";
import * as service from "./service.js";
import type { Errors } from "../../ui/components/form.js";
import { ForgotPage, ResetPage, SignInPage, SignUpPage, SignUpSentPage, VerifyPage, type SignUpValues } from "./views/auth.js";

export async function accountDeps(app: FastifyInstance): Promise<service.AccountDeps> {
  const site = await app.deps.site.load();
  return {
    db: app.deps.db,
    now: app.deps.now,
    mailer: app.deps.mailer,
    publicUrl: app.deps.config.publicUrl,
    siteName: site.view.name,
    wakeJobs: () => app.deps.jobSignal.wake(),
    pageCache: app.deps.pageCache,
  };
}

/** Signs a person in: any previous session of this browser ends, a new token is issued. */
export async function startSession(request: FastifyRequest, reply: FastifyReply, userId: number) {
  const secure = isSecure(request);
  const old = request.cookies[cookieNames(secure).session];
  if (old) await deleteSessionByToken(request.server.deps.db, old);
  const { token } = await createSession(request.server.deps.db, userId, request.headers["user-agent"] ?? "", request.server.deps.now());
  setSessionCookie(reply, token, secure);
}

// Bounds a browser never reaches (the pages' own limits are lower and answered in French:
// 254 characters for an address, 128 for a password, 80 for a name); past them, the generic 400.
const EMAIL = text(300);
const PASSWORD = text(4096);
const RETOUR = text(500);
/** A content id to add as a favourite once signed in; anything but 1 to 9 digits is ignored. */
const FAVORI = text(12);
const TOKEN = text(100);

const signUpBody = formBody({ email: EMAIL, password: PASSWORD, displayName: text(200), themes: ids, quartiers: ids, digest: checkbox });
const signInQuery = queryOf({ retour: RETOUR, favori: FAVORI, statut: text(30) });
const signInBody = formBody({ email: EMAIL, password: PASSWORD, retour: RETOUR, favori: FAVORI });
const tokenQuery = queryOf({ jeton: TOKEN });
const tokenBody = formBody({ jeton: TOKEN });
const statusQuery = queryOf({ statut: text(30) });
const forgotBody = formBody({ email: EMAIL });
const resetBody = formBody({ jeton: TOKEN, password: PASSWORD });

const favouriteId = (raw: string | undefined) => (/^\d{1,9}$/.test(raw ?? "") ? raw! : "");

// E-mailed links: their GET moves the token out of the URL (core/http/link-token.ts).
const VERIFY_PAGE: LinkPage = { path: "/compte/verifier", purpose: "verifier" };
const RESET_PAGE: LinkPage = { path: "/compte/reinitialiser", purpose: "reinitialiser" };

export async function authRoutes(app: FastifyInstance) {
  await secondFactorRoutes(app, startSession);

  // ---- sign-up
  const signUpPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: SignUpValues,
    suggestion: string | null,
    errors: Errors = {},
    status?: number,
  ) => {
    const choices = await service.interestChoices(app.deps.db);
    return servePage(request, reply, async () => ({
      tags: [],
      private: true,
      status,
      render: (ctx) => <SignUpPage ctx={ctx} csrf={csrfTokenFor(request, reply)} values={values} errors={errors} suggestion={suggestion} {...choices} />,
    }));
  };

  app.get("/compte/creer", { schema: { querystring: noQuery } }, async (request, reply) => {
    if (request.session) return reply.redirect("/compte", 303);
    const suggestion = await service.suggestedTheme(app.deps.db, app.deps.now());
    const values = { email: "", displayName: "", themeIds: suggestion ? [suggestion.id] : [], neighbourhoodIds: [], digestConsent: false };
    return signUpPage(request, reply, values, suggestion?.name ?? null);
  });

  app.post("/compte/creer", { schema: { body: signUpBody } }, async (request, reply) => {
    const body = request.body;
    const input = {
      email: field(body, "email"),
      password: field(body, "password"),
      displayName: field(body, "displayName"),
      themeIds: fieldIds(body, "themes"),
      neighbourhoodIds: fieldIds(body, "quartiers"),
      digestConsent: isChecked(body, "digest"),
      ip: request.ip,
    };
    return handleForm(
      async () => service.signUp(await accountDeps(app), input),
      () => reply.redirect("/compte/creer/merci", 303),
      ({ errors, status }) => {
        const { email, displayName, themeIds, neighbourhoodIds, digestConsent } = input;
        return signUpPage(request, reply, { email, displayName, themeIds, neighbourhoodIds, digestConsent }, null, errors, status);
      },
    );
  });

  app.get("/compte/creer/merci", { schema: { querystring: noQuery } }, async (request, reply) =>
    servePage(request, reply, async () => ({ tags: [], private: true, render: (ctx) => <SignUpSentPage ctx={ctx} /> })),
  );

  // ---- address verification: GET only shows a button (mail scanners follow links), POST acts
  app.get<{ Querystring: { jeton?: string } }>("/compte/verifier", { schema: { querystring: tokenQuery } }, async (request, reply) => {
    const moved = redirectWithoutToken(request, reply, VERIFY_PAGE);
    if (moved) return moved;
    const token = storedLinkToken(request, VERIFY_PAGE);
    return servePage(request, reply, async () => ({
      tags: [],
      private: true,
      render: (ctx) => <VerifyPage ctx={ctx} csrf={csrfTokenFor(request, reply)} token={token} invalid={!token} />,
    }));
  });

  app.post("/compte/verifier", { schema: { body: tokenBody } }, async (request, reply) => {
    const userId = await service.verifyEmail(await accountDeps(app), field(request.body, "jeton"), request.ip);
    if (userId === null) {
      return servePage(request, reply, async () => ({
        tags: [],
        private: true,
        status: 400,
        render: (ctx) => <VerifyPage ctx={ctx} csrf={csrfTokenFor(request, reply)} token="" invalid />,
      }));
    }
    // The link proved the address belongs to this person: sign them in (a new session).
    if (request.session?.user.id !== userId) await startSession(request, reply, userId);
    forgetLinkToken(request, reply, VERIFY_PAGE);
    return reply.redirect("/compte/preferences?bienvenue=1", 303);
  });

  app.post("/compte/renvoyer-confirmation", { schema: { body: emptyForm } }, async (request, reply) => {
    if (!request.session) return reply.redirect("/compte/connexion", 303);
    await service.resendVerification(await accountDeps(app), request.session.user.id, request.ip);
    return reply.redirect("/compte?statut=lien-envoye", 303);
  });

  // ---- sign-in / sign-out
  app.get<{ Querystring: { retour?: string; favori?: string; statut?: string } }>(
    "/compte/connexion",
    { schema: { querystring: signInQuery } },
    async (request, reply) => {
      const retour = safeReturnPath(request.query.retour);
      const favori = favouriteId(request.query.favori);
      // Already signed in: back to the page, where the real favourite button is. Nothing is
      // added on a GET (a link or an <img> elsewhere must not change anyone's favourites).
      if (request.session) return reply.redirect(retour, 303);
      const notice =
        request.query.statut === "mot-de-passe-modifie"
          ? "Votre mot de passe a été modifié. Connectez-vous avec le nouveau."
          : request.query.statut === "verification-expiree"
            ? "La vérification en deux étapes a expiré ou a échoué trop de fois. Reconnectez-vous."
            : undefined;
      return servePage(request, reply, async () => ({
        tags: [],
        private: true,
        render: (ctx) => <SignInPage ctx={ctx} csrf={csrfTokenFor(request, reply)} email="" retour={retour} favori={favori} notice={notice} />,
      }));
    },
  );

  app.post("/compte/connexion", { schema: { body: signInBody } }, async (request, reply) => {
    const body = request.body;
    const email = field(body, "email");
    const retour = safeReturnPath(field(body, "retour"));
    const favori = favouriteId(field(body, "favori"));
    const userId = await service.signIn(await accountDeps(app), { email, password: field(body, "password"), ip: request.ip });
    if (userId === null) {
      return servePage(request, reply, async () => ({
        tags: [],
        private: true,
        status: 400,
        render: (ctx) => (
          <SignInPage
            ctx={ctx}
            csrf={csrfTokenFor(request, reply)}
            email={email}
            retour={retour}
            favori={favori}
            error="Adresse e-mail ou mot de passe incorrect."
          />
        ),
      }));
    }
    if (await needsSecondFactor(app.deps.db, userId)) return startSecondFactor(request, reply, userId, retour);
    await startSession(request, reply, userId);
    await recordSignIn(app.deps.db, userId, { secondFactor: "none" }, request.ip, app.deps.now());
    if (favori) await addFavouriteAfterSignIn(app.deps, userId, Number(favori));
    return reply.redirect(retour, 303);
  });

  app.post("/compte/deconnexion", { schema: { body: emptyForm } }, async (request, reply) => {
    const secure = isSecure(request);
    const token = request.cookies[cookieNames(secure).session];
    if (token) await deleteSessionByToken(app.deps.db, token);
    clearSessionCookie(reply, secure);
    return reply.header("clear-site-data", '"cache", "storage"').redirect("/", 303);
  });

  // ---- forgotten password
  const forgotPage = (request: FastifyRequest, reply: FastifyReply, email: string, sent: boolean, errors: Errors = {}, status?: number) =>
    servePage(request, reply, async () => ({
      tags: [],
      private: true,
      status,
      render: (ctx) => <ForgotPage ctx={ctx} csrf={csrfTokenFor(request, reply)} email={email} errors={errors} sent={sent} />,
    }));

  app.get<{ Querystring: { statut?: string } }>("/compte/mot-de-passe-oublie", { schema: { querystring: statusQuery } }, async (request, reply) =>
    forgotPage(request, reply, "", request.query.statut === "envoye"),
  );

  app.post("/compte/mot-de-passe-oublie", { schema: { body: forgotBody } }, async (request, reply) => {
    const email = field(request.body, "email");
    return handleForm(
      async () => service.requestPasswordReset(await accountDeps(app), { email, ip: request.ip }),
      () => reply.redirect("/compte/mot-de-passe-oublie?statut=envoye", 303),
      ({ errors, status }) => forgotPage(request, reply, email, false, errors, status),
    );
  });

  const resetPage = (request: FastifyRequest, reply: FastifyReply, token: string, valid: boolean, errors: Errors = {}, status?: number) =>
    servePage(request, reply, async () => ({
      tags: [],
      private: true,
      status,
      render: (ctx) => <ResetPage ctx={ctx} csrf={csrfTokenFor(request, reply)} token={token} valid={valid} errors={errors} />,
    }));

  app.get<{ Querystring: { jeton?: string } }>("/compte/reinitialiser", { schema: { querystring: tokenQuery } }, async (request, reply) => {
    const moved = redirectWithoutToken(request, reply, RESET_PAGE);
    if (moved) return moved;
    const token = storedLinkToken(request, RESET_PAGE);
    const valid = token !== "" && (await service.isResetTokenValid(await accountDeps(app), token));
    return resetPage(request, reply, token, valid, {}, valid ? 200 : 400);
  });

  app.post("/compte/reinitialiser", { schema: { body: resetBody } }, async (request, reply) => {
    const token = field(request.body, "jeton");
    return handleForm(
      async () => service.resetPassword(await accountDeps(app), { token, password: field(request.body, "password"), ip: request.ip }),
      (userId) => {
        // A bad, used or expired link: the page says so, with nothing to fill in.
        if (userId === null) return resetPage(request, reply, "", false, {}, 400);
        // Every session ended with the reset, this browser's too: sign in again.
        clearSessionCookie(reply, isSecure(request));
        forgetLinkToken(request, reply, RESET_PAGE);
        return reply.redirect("/compte/connexion?statut=mot-de-passe-modifie", 303);
      },
      ({ errors, status }) => resetPage(request, reply, token, true, errors, status),
    );
  });
}
