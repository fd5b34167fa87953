// Pages and actions of a signed-in resident. Every route checks the session first and
// every query is scoped to that person's id: another account's sessions or interests
// cannot be read or changed by guessing ids. (Favourites are the favourites module's.)
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { CurrentSession } from "../../core/auth/sessions.js";
import { NotFoundError } from "../../core/errors.js";
import {
  emptyForm,
  field,
  fieldIds,
  formBody,
  handleForm,
  id,
  ids,
  isChecked,
  checkbox,
  noQuery,
  oneOf,
  pageNumber,
  pageParam,
  queryOf,
  text,
} from "../../core/http/form.js";
import { servePage } from "../../core/http/render.js";
import { clearSessionCookie, isSecure } from "../../core/http/session.js";
import { safeReturnPath } from "../../lib/return-path.js";
import type { Errors } from "../../ui/components/form.js";
import { PAGE_SIZE } from "../content/index.js";
import { countFavourites } from "../favourites/index.js";
import { exportAccountData } from "./export.js";
import { personalFeed } from "./feed.js";
import type { PreferencesValues } from "./present.js";
import { requireSession } from "./require-session.js";
import { accountDeps } from "./routes.js";
import * as service from "./service.js";
import { DashboardPage, DataPage, DeletedPage, FeedPage, PasswordPage, PreferencesPage, SessionsPage } from "./views/account.js";

const NOTICES: Record<string, string> = {
  "lien-envoye": "Un nouveau lien de confirmation vient de vous être envoyé.",
  enregistre: "Vos préférences sont enregistrées.",
  "adresse-envoyee": "Un lien de confirmation a été envoyé à la nouvelle adresse. Elle remplacera l’actuelle une fois confirmée.",
  "mot-de-passe-modifie": "Votre mot de passe a été modifié. Vos autres connexions ont été fermées.",
  deconnecte: "Cette connexion a été fermée.",
};

// Bounds a browser never reaches (see routes.tsx); the French messages come from the services.
const PASSWORD = text(4096);
const statusQuery = queryOf({ statut: text(30) });
const feedQuery = queryOf({ page: pageParam });
const preferencesQuery = queryOf({ statut: text(30), bienvenue: text(2) });
// "quartier" is required, checked in the handler (a schema's `required` would answer 400 before the CSRF check's 403).
const followBody = formBody({ quartier: id, suivre: oneOf(["0", "1"]), retour: text(500) }, ["quartier"]);
const preferencesBody = formBody({ displayName: text(200), themes: ids, quartiers: ids, digest: checkbox });
const addressBody = formBody({ newEmail: text(300), emailPassword: PASSWORD });
const passwordBody = formBody({ current: PASSWORD, next: PASSWORD });
const deleteBody = formBody({ password: PASSWORD });

type Status = { Querystring: { statut?: string } };

export async function accountRoutes(app: FastifyInstance) {
  const db = app.deps.db;

  app.get<Status>("/compte", { schema: { querystring: statusQuery } }, async (request, reply) => {
    const session = requireSession(request, reply);
    if (!session) return reply;
    const [interestCount, favouriteCount] = await Promise.all([service.interestCount(db, session.user.id), countFavourites(db, session.user.id)]);
    return servePage(request, reply, async () => ({
      tags: [],
      private: true,
      render: (ctx) => (
        <DashboardPage
          ctx={ctx}
          email={session.user.email}
          verified={session.user.emailVerified}
          notice={NOTICES[request.query.statut ?? ""]}
          interestCount={interestCount}
          favouriteCount={favouriteCount}
        />
      ),
    }));
  });

  app.get<{ Querystring: { page?: string } }>("/compte/mon-fil", { schema: { querystring: feedQuery } }, async (request, reply) => {
    const session = requireSession(request, reply);
    if (!session) return reply;
    const feed = await personalFeed(db, session.user.id, app.deps.now(), pageNumber(request.query.page), PAGE_SIZE);
    if (feed.page > feed.pageCount) throw new NotFoundError();
    return servePage(request, reply, async () => ({ tags: [], private: true, render: (ctx) => <FeedPage ctx={ctx} {...feed} /> }));
  });

  // "Suivre ce quartier" / "Ne plus suivre": one neighbourhood in or out of the interests.
  app.post("/compte/suivre", { schema: { body: followBody } }, async (request, reply) => {
    const neighbourhoodId = Number(field(request.body, "quartier"));
    const retour = safeReturnPath(field(request.body, "retour"));
    const session = requireSession(request, reply);
    if (!session) return reply;
    await service.setFollowed(app.deps, session.user.id, neighbourhoodId, field(request.body, "suivre") !== "0");
    return reply.redirect(retour, 303);
  });

  // ---- preferences and e-mail address
  async function preferencesPage(
    request: FastifyRequest,
    reply: FastifyReply,
    session: CurrentSession,
    opts: { errors?: Errors; values?: Partial<PreferencesValues>; status?: number; notice?: string; welcome?: boolean },
  ) {
    const [stored, choices] = await Promise.all([service.preferencesValues(db, session.user.id), service.interestChoices(db)]);
    if (!stored) throw new NotFoundError();
    const values = { ...stored, ...opts.values };
    return servePage(request, reply, async () => ({
      tags: [],
      private: true,
      status: opts.status,
      render: (ctx) => (
        <PreferencesPage ctx={ctx} values={values} errors={opts.errors ?? {}} notice={opts.notice} welcome={opts.welcome ?? false} {...choices} />
      ),
    }));
  }

  app.get<{ Querystring: { statut?: string; bienvenue?: string } }>(
    "/compte/preferences",
    { schema: { querystring: preferencesQuery } },
    async (request, reply) => {
      const session = requireSession(request, reply);
      if (!session) return reply;
      return preferencesPage(request, reply, session, { notice: NOTICES[request.query.statut ?? ""], welcome: request.query.bienvenue === "1" });
    },
  );

  app.post("/compte/preferences", { schema: { body: preferencesBody } }, async (request, reply) => {
    const session = requireSession(request, reply);
    if (!session) return reply;
    const body = request.body;
    const input = {
      userId: session.user.id,
      displayName: field(body, "displayName"),
      themeIds: fieldIds(body, "themes"),
      neighbourhoodIds: fieldIds(body, "quartiers"),
      digestConsent: isChecked(body, "digest"),
    };
    return handleForm(
      async () => service.updatePreferences(await accountDeps(app), input),
      () => reply.redirect("/compte/preferences?statut=enregistre", 303),
      ({ errors, status }) => {
        const { displayName, themeIds, neighbourhoodIds, digestConsent } = input;
        return preferencesPage(request, reply, session, { errors, values: { displayName, themeIds, neighbourhoodIds, digestConsent }, status });
      },
    );
  });

  app.post("/compte/adresse", { schema: { body: addressBody } }, async (request, reply) => {
    const session = requireSession(request, reply);
    if (!session) return reply;
    const newEmail = field(request.body, "newEmail");
    return handleForm(
      async () =>
        service.requestEmailChange(await accountDeps(app), {
          userId: session.user.id,
          newEmail,
          password: field(request.body, "emailPassword"),
          ip: request.ip,
        }),
      () => reply.redirect("/compte/preferences?statut=adresse-envoyee", 303),
      ({ errors, status }) => preferencesPage(request, reply, session, { errors, values: { newEmail }, status }),
    );
  });

  // ---- password
  const passwordPage = (request: FastifyRequest, reply: FastifyReply, errors: Errors, notice?: string, status?: number) =>
    servePage(request, reply, async () => ({ tags: [], private: true, status, render: (ctx) => <PasswordPage ctx={ctx} errors={errors} notice={notice} /> }));

  app.get<Status>("/compte/mot-de-passe", { schema: { querystring: statusQuery } }, async (request, reply) => {
    const session = requireSession(request, reply);
    if (!session) return reply;
    return passwordPage(request, reply, {}, NOTICES[request.query.statut ?? ""]);
  });

  app.post("/compte/mot-de-passe", { schema: { body: passwordBody } }, async (request, reply) => {
    const session = requireSession(request, reply);
    if (!session) return reply;
    return handleForm(
      async () =>
        service.changePassword(await accountDeps(app), {
          userId: session.user.id,
          sessionId: session.id,
          current: field(request.body, "current"),
          next: field(request.body, "next"),
        }),
      () => reply.redirect("/compte/mot-de-passe?statut=mot-de-passe-modifie", 303),
      ({ errors, status }) => passwordPage(request, reply, errors, undefined, status),
    );
  });

  // ---- sessions
  app.get<Status>("/compte/sessions", { schema: { querystring: statusQuery } }, async (request, reply) => {
    const session = requireSession(request, reply);
    if (!session) return reply;
    const sessions = await service.sessionsOf(db, session.user.id, session.id);
    return servePage(request, reply, async () => ({
      tags: [],
      private: true,
      render: (ctx) => <SessionsPage ctx={ctx} sessions={sessions} notice={NOTICES[request.query.statut ?? ""]} />,
    }));
  });

  app.post<{ Params: { id: string } }>("/compte/sessions/:id/revoquer", { schema: { body: emptyForm } }, async (request, reply) => {
    const session = requireSession(request, reply);
    if (!session) return reply;
    const sessionId = Number(request.params.id);
    if (!Number.isInteger(sessionId) || sessionId <= 0) throw new NotFoundError();
    // Scoped to the owner: another account's session id deletes nothing and answers 404.
    await service.revokeOwnSession(app.deps, session.user.id, sessionId);
    return reply.redirect("/compte/sessions?statut=deconnecte", 303);
  });

  // ---- data: export and deletion
  const dataPage = (request: FastifyRequest, reply: FastifyReply, errors: Errors, status?: number) =>
    servePage(request, reply, async () => ({ tags: [], private: true, status, render: (ctx) => <DataPage ctx={ctx} errors={errors} /> }));

  app.get("/compte/donnees", { schema: { querystring: noQuery } }, async (request, reply) => {
    const session = requireSession(request, reply);
    if (!session) return reply;
    return dataPage(request, reply, {});
  });

  app.post("/compte/donnees", { schema: { body: emptyForm } }, async (request, reply) => {
    const session = requireSession(request, reply);
    if (!session) return reply;
    const data = await exportAccountData(app.deps, session.user.id, app.deps.now());
    if (!data) throw new NotFoundError();
    const day = app.deps.now().toISOString().slice(0, 10);
    return reply
      .header("content-type", "application/json; charset=utf-8")
      .header("content-disposition", `attachment; filename="mes-donnees-${day}.json"`)
      .header("cache-control", "private, no-store")
      .send(JSON.stringify(data, null, 2));
  });

  app.post("/compte/supprimer", { schema: { body: deleteBody } }, async (request, reply) => {
    const session = requireSession(request, reply);
    if (!session) return reply;
    return handleForm(
      async () => service.deleteAccount(await accountDeps(app), { userId: session.user.id, password: field(request.body, "password") }),
      () => {
        clearSessionCookie(reply, isSecure(request));
        return reply.header("clear-site-data", '"cache", "storage"').redirect("/compte/supprime", 303);
      },
      ({ errors, status }) => dataPage(request, reply, errors, status),
    );
  });

  app.get("/compte/supprime", { schema: { querystring: noQuery } }, async (request, reply) =>
    servePage(request, reply, async () => ({ tags: [], private: true, render: (ctx) => <DeletedPage ctx={ctx} /> })),
  );
}
