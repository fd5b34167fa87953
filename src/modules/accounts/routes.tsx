// Account routes: sign-up, verification, sign-in/out, password reset. Pages with forms
// are private (never cached) and carry a CSRF token. Every POST answers with a redirect
// (PRG) or the same form again with French messages next to the fields.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { sql } from "kysely";
import { createSession, deleteSessionByToken } from "../../core/auth/sessions.js";
import { ValidationError } from "../../core/errors.js";
import { csrfTokenFor } from "../../core/http/csrf.js";
import { forgetLinkToken, redirectWithoutToken, storedLinkToken, type LinkPage } from "../../core/http/link-token.js";
import { servePage } from "../../core/http/render.js";
import { clearSessionCookie, cookieNames, isSecure, setSessionCookie } from "../../core/http/session.js";
import { addFavourite, isFavouritable } from "../favourites/queries.js";
import { safeReturnPath } from "../../lib/return-path.js";
import { needsSecondFactor, recordSignIn } from "./second-factor.js";
import { secondFactorRoutes, startSecondFactor } from "./second-factor-routes.js";
import * as service from "./service.js";
import { checked, ids, str } from "./validate.js";
import { idList } from "../../core/http/input-schemas.js";
import { ForgotPage, ResetPage, SignInPage, SignUpPage, SignUpSentPage, VerifyPage, type Choice } from "./views/auth.js";

export async function accountDeps(app: FastifyInstance): Promise<service.AccountDeps> {
  const site = await app.deps.site.load();
  return {
    db: app.deps.db,
    now: app.deps.now,
    mailer: app.deps.mailer,
    publicUrl: app.deps.config.publicUrl,
    siteName: site.view.name,
    wakeJobs: () => app.deps.jobSignal.wake(),
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

export async function interestChoices(app: FastifyInstance): Promise<{ themes: Choice[]; places: Choice[] }> {
  const [themes, places] = await Promise.all([
    app.deps.db.selectFrom("themes").select(["id", "name"]).orderBy("position").orderBy("name").execute(),
    app.deps.db.selectFrom("neighbourhoods").select(["id", "name", "kind", "code"]).orderBy("position").orderBy("name").execute(),
  ]);
  return {
    themes: themes.map((t) => ({ value: t.id, label: t.name })),
    places: places.map((p) => ({ value: p.id, label: p.kind === "qpv" ? `${p.name} (quartier prioritaire)` : p.name })),
  };
}

/** The theme with the most content published in the last 90 days: suggested at sign-up. */
async function suggestedTheme(app: FastifyInstance) {
  const since = new Date(app.deps.now().getTime() - 90 * 86_400_000);
  return app.deps.db
    .selectFrom("content_themes as ct")
    .innerJoin("content_items as c", "c.id", "ct.content_id")
    .innerJoin("themes as t", "t.id", "ct.theme_id")
    .select(["t.id", "t.name", sql<number>`count(*)::int`.as("n")])
    .where("c.status", "=", "published")
    .where("c.published_at", ">=", since)
    .groupBy(["t.id", "t.name"])
    .orderBy("n", "desc")
    .orderBy("t.id")
    .executeTakeFirst();
}

const retourQuery = { type: "object", properties: { retour: { type: "string", maxLength: 500 }, favori: { type: "string", maxLength: 12 }, statut: { type: "string", maxLength: 30 } } } as const;
const tokenQuery = { type: "object", properties: { jeton: { type: "string", maxLength: 100 } } } as const;
// E-mailed links: their GET moves the token out of the URL (core/http/link-token.ts).
const VERIFY_PAGE: LinkPage = { path: "/compte/verifier", purpose: "verifier" };
const RESET_PAGE: LinkPage = { path: "/compte/reinitialiser", purpose: "reinitialiser" };

export async function authRoutes(app: FastifyInstance) {
  await secondFactorRoutes(app, startSession);

  // ---- sign-up
  app.get("/compte/creer", async (request, reply) => {
    if (request.session) return reply.redirect("/compte", 303);
    const [choices, suggestion] = await Promise.all([interestChoices(app), suggestedTheme(app)]);
    return servePage(request, reply, async () => ({
      tags: [],
      private: true,
      render: (ctx) => (
        <SignUpPage
          ctx={ctx}
          csrf={csrfTokenFor(request, reply)}
          values={{ email: "", displayName: "", themeIds: suggestion ? [suggestion.id] : [], neighbourhoodIds: [], digestConsent: false }}
          errors={{}}
          suggestion={suggestion?.name ?? null}
          {...choices}
        />
      ),
    }));
  });

  app.post("/compte/creer", { schema: { body: { type: "object", properties: { themes: idList, quartiers: idList } } } }, async (request, reply) => {
    const body = request.body;
    const input = {
      email: str(body, "email", 300),
      password: str(body, "password", 4096),
      displayName: str(body, "displayName", 200),
      themeIds: ids(body, "themes"),
      neighbourhoodIds: ids(body, "quartiers"),
      digestConsent: checked(body, "digest"),
      ip: request.ip,
    };
    try {
      await service.signUp(await accountDeps(app), input);
      return reply.redirect("/compte/creer/merci", 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const choices = await interestChoices(app);
      return servePage(request, reply, async () => ({
        tags: [],
        private: true,
        status: 400,
        render: (ctx) => <SignUpPage ctx={ctx} csrf={csrfTokenFor(request, reply)} values={input} errors={error.fields} suggestion={null} {...choices} />,
      }));
    }
  });

  app.get("/compte/creer/merci", async (request, reply) =>
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

  app.post("/compte/verifier", async (request, reply) => {
    const userId = await service.verifyEmail(await accountDeps(app), str(request.body, "jeton", 100), request.ip);
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

  app.post("/compte/renvoyer-confirmation", async (request, reply) => {
    if (!request.session) return reply.redirect("/compte/connexion", 303);
    await service.resendVerification(await accountDeps(app), request.session.user.id, request.ip);
    return reply.redirect("/compte?statut=lien-envoye", 303);
  });

  // ---- sign-in / sign-out
  app.get<{ Querystring: { retour?: string; favori?: string; statut?: string } }>("/compte/connexion", { schema: { querystring: retourQuery } }, async (request, reply) => {
    const retour = safeReturnPath(request.query.retour);
    const favori = /^\d{1,9}$/.test(request.query.favori ?? "") ? request.query.favori! : "";
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
  });

  app.post("/compte/connexion", async (request, reply) => {
    const body = request.body;
    const email = str(body, "email", 300);
    const retour = safeReturnPath(str(body, "retour", 500));
    const favori = /^\d{1,9}$/.test(str(body, "favori", 12)) ? str(body, "favori", 12) : "";
    const userId = await service.signIn(await accountDeps(app), { email, password: str(body, "password", 4096), ip: request.ip });
    if (userId === null) {
      return servePage(request, reply, async () => ({
        tags: [],
        private: true,
        status: 400,
        render: (ctx) => (
          <SignInPage ctx={ctx} csrf={csrfTokenFor(request, reply)} email={email} retour={retour} favori={favori} error="Adresse e-mail ou mot de passe incorrect." />
        ),
      }));
    }
    if (await needsSecondFactor(app.deps.db, userId)) return startSecondFactor(request, reply, userId, retour);
    await startSession(request, reply, userId);
    await recordSignIn(app.deps.db, userId, { secondFactor: "none" }, request.ip, app.deps.now());
    if (favori && (await isFavouritable(app.deps.db, Number(favori), app.deps.now()))) {
      await addFavourite(app.deps.db, userId, Number(favori), app.deps.now());
    }
    return reply.redirect(retour, 303);
  });

  app.post("/compte/deconnexion", async (request, reply) => {
    const secure = isSecure(request);
    const token = request.cookies[cookieNames(secure).session];
    if (token) await deleteSessionByToken(app.deps.db, token);
    clearSessionCookie(reply, secure);
    return reply.header("clear-site-data", '"cache", "storage"').redirect("/", 303);
  });

  // ---- forgotten password
  app.get<{ Querystring: { statut?: string } }>("/compte/mot-de-passe-oublie", async (request, reply) =>
    servePage(request, reply, async () => ({
      tags: [],
      private: true,
      render: (ctx) => <ForgotPage ctx={ctx} csrf={csrfTokenFor(request, reply)} email="" errors={{}} sent={request.query.statut === "envoye"} />,
    })),
  );

  app.post("/compte/mot-de-passe-oublie", async (request, reply) => {
    const email = str(request.body, "email", 300);
    try {
      await service.requestPasswordReset(await accountDeps(app), { email, ip: request.ip });
      return reply.redirect("/compte/mot-de-passe-oublie?statut=envoye", 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return servePage(request, reply, async () => ({
        tags: [],
        private: true,
        status: 400,
        render: (ctx) => <ForgotPage ctx={ctx} csrf={csrfTokenFor(request, reply)} email={email} errors={error.fields} sent={false} />,
      }));
    }
  });

  app.get<{ Querystring: { jeton?: string } }>("/compte/reinitialiser", { schema: { querystring: tokenQuery } }, async (request, reply) => {
    const moved = redirectWithoutToken(request, reply, RESET_PAGE);
    if (moved) return moved;
    const token = storedLinkToken(request, RESET_PAGE);
    const valid = token !== "" && (await service.isResetTokenValid(await accountDeps(app), token));
    return servePage(request, reply, async () => ({
      tags: [],
      private: true,
      status: valid ? 200 : 400,
      render: (ctx) => <ResetPage ctx={ctx} csrf={csrfTokenFor(request, reply)} token={token} valid={valid} errors={{}} />,
    }));
  });

  app.post("/compte/reinitialiser", async (request, reply) => {
    const token = str(request.body, "jeton", 100);
    try {
      const userId = await service.resetPassword(await accountDeps(app), { token, password: str(request.body, "password", 4096), ip: request.ip });
      if (userId === null) {
        return servePage(request, reply, async () => ({
          tags: [],
          private: true,
          status: 400,
          render: (ctx) => <ResetPage ctx={ctx} csrf={csrfTokenFor(request, reply)} token="" valid={false} errors={{}} />,
        }));
      }
      // Every session ended with the reset, this browser's too: sign in again.
      clearSessionCookie(reply, isSecure(request));
      forgetLinkToken(request, reply, RESET_PAGE);
      return reply.redirect("/compte/connexion?statut=mot-de-passe-modifie", 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return servePage(request, reply, async () => ({
        tags: [],
        private: true,
        status: 400,
        render: (ctx) => <ResetPage ctx={ctx} csrf={csrfTokenFor(request, reply)} token={token} valid errors={error.fields} />,
      }));
    }
  });
}
