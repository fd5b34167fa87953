// Pages and actions of a signed-in resident. Every route checks the session first and
// every query is scoped to that person's id: another account's favourites or sessions
// cannot be read or changed by guessing ids.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { CurrentSession } from "../../core/auth/sessions.js";
import { NotFoundError, ValidationError } from "../../core/errors.js";
import { servePage } from "../../core/http/render.js";
import { clearSessionCookie, isSecure } from "../../core/http/session.js";
import { findItemsByIds } from "../content/queries.js";
import { loadCards, PAGE_SIZE, parsePage } from "../content/service.js";
import { actionExists, addFavourite, isFavouritable, listFavouriteActions, listFavourites, removeFavourite } from "../favourites/queries.js";
import { exportAccountData } from "./export.js";
import { personalFeed } from "./feed.js";
import { findInterests, findUserById, listSessions } from "./queries.js";
import { safeReturnPath, signInHref } from "../../lib/return-path.js";
import { accountDeps, interestChoices } from "./routes.js";
import * as service from "./service.js";
import { checked, ids, str } from "./validate.js";
import { idList, idString } from "../../core/http/input-schemas.js";
import { DashboardPage, DataPage, DeletedPage, FavouritesPage, FeedPage, PasswordPage, PreferencesPage, SessionsPage } from "./views/account.js";
import type { Errors } from "../../ui/components/form.js";

/** Anonymous visitors are sent to sign in, and brought back here afterwards. */
function requireSession(request: FastifyRequest, reply: FastifyReply): CurrentSession | null {
  if (request.session) return request.session;
  const back = request.method === "GET" ? request.url : "/compte";
  void reply.redirect(signInHref(back), 303);
  return null;
}

const NOTICES: Record<string, string> = {
  "lien-envoye": "Un nouveau lien de confirmation vient de vous être envoyé.",
  enregistre: "Vos préférences sont enregistrées.",
  "adresse-envoyee": "Un lien de confirmation a été envoyé à la nouvelle adresse. Elle remplacera l’actuelle une fois confirmée.",
  "mot-de-passe-modifie": "Votre mot de passe a été modifié. Vos autres connexions ont été fermées.",
  deconnecte: "Cette connexion a été fermée.",
};

const pageQuery = { type: "object", properties: { page: { type: "string", maxLength: 6 }, statut: { type: "string", maxLength: 30 }, bienvenue: { type: "string", maxLength: 2 } } } as const;
type Q = { Querystring: { page?: string; statut?: string; bienvenue?: string } };

export async function accountRoutes(app: FastifyInstance) {
  app.get<Q>("/compte", { schema: { querystring: pageQuery } }, async (request, reply) => {
    const session = requireSession(request, reply);
    if (!session) return reply;
    const [interests, favourites] = await Promise.all([findInterests(app.deps.db, session.user.id), listFavourites(app.deps.db, session.user.id, 1, 0)]);
    return servePage(request, reply, async () => ({
      tags: [],
      private: true,
      render: (ctx) => (
        <DashboardPage
          ctx={ctx}
          email={session.user.email}
          verified={session.user.emailVerified}
          notice={NOTICES[request.query.statut ?? ""]}
          interestCount={interests.themeIds.length + interests.neighbourhoodIds.length}
          favouriteCount={favourites.total}
        />
      ),
    }));
  });

  app.get<Q>("/compte/mon-fil", { schema: { querystring: pageQuery } }, async (request, reply) => {
    const session = requireSession(request, reply);
    if (!session) return reply;
    const feed = await personalFeed(app.deps.db, session.user.id, app.deps.now(), parsePage(request.query.page), PAGE_SIZE);
    if (feed.page > feed.pageCount) throw new NotFoundError();
    return servePage(request, reply, async () => ({ tags: [], private: true, render: (ctx) => <FeedPage ctx={ctx} {...feed} /> }));
  });

  // ---- favourites
  app.get<Q>("/compte/favoris", { schema: { querystring: pageQuery } }, async (request, reply) => {
    const session = requireSession(request, reply);
    if (!session) return reply;
    const page = parsePage(request.query.page);
    const { ids: favIds, total } = await listFavourites(app.deps.db, session.user.id, PAGE_SIZE, (page - 1) * PAGE_SIZE);
    const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
    if (page > pageCount) throw new NotFoundError();
    const rows = await findItemsByIds(app.deps.db, favIds);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const cards = await loadCards(app.deps.db, favIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])));
    const actions = page === 1 ? await listFavouriteActions(app.deps.db, session.user.id) : [];
    return servePage(request, reply, async () => ({
      tags: [],
      private: true,
      render: (ctx) => <FavouritesPage ctx={ctx} cards={cards} page={page} pageCount={pageCount} total={total} actions={actions} />,
    }));
  });

  // Add or remove one favourite. A form POST redirects back; a fetch (Accept: JSON)
  // gets the new state. Both actions are idempotent, so repeated or parallel requests
  // end in the state the last one asked for.
  app.post("/compte/favoris", { schema: { body: { type: "object", properties: { contenu: idString } } } }, async (request, reply) => {
    const contentId = Number(str(request.body, "contenu", 12));
    const action = str(request.body, "action", 10);
    const retour = safeReturnPath(str(request.body, "retour", 500));
    const wantsJson = (request.headers.accept ?? "").includes("application/json");
    if (!Number.isInteger(contentId) || contentId <= 0 || (action !== "ajouter" && action !== "retirer")) {
      throw new ValidationError({ contenu: "Contenu ou action inconnus." });
    }
    if (!request.session) {
      if (wantsJson) return reply.code(401).type("application/problem+json").send({ status: 401, title: "Connexion requise" });
      return reply.redirect(signInHref(retour, { favori: contentId }), 303);
    }
    const userId = request.session.user.id;
    const isAction = str(request.body, "cible", 10) === "action";
    const target = isAction ? { actionId: contentId } : { contentId };
    if (action === "ajouter") {
      const exists = isAction ? await actionExists(app.deps.db, contentId) : await isFavouritable(app.deps.db, contentId, app.deps.now());
      if (!exists) throw new NotFoundError();
      await addFavourite(app.deps.db, userId, target, app.deps.now());
    } else {
      await removeFavourite(app.deps.db, userId, target);
    }
    const favourite = action === "ajouter";
    reply.header("cache-control", "private, no-store");
    if (wantsJson) return reply.send({ favourite, label: favourite ? "Retirer de mes favoris" : "Ajouter à mes favoris" });
    return reply.redirect(retour, 303);
  });

  // "Suivre ce quartier" / "Ne plus suivre": one neighbourhood in or out of the interests.
  app.post("/compte/suivre", { schema: { body: { type: "object", properties: { quartier: idString } } } }, async (request, reply) => {
    const neighbourhoodId = Number(str(request.body, "quartier", 12));
    const retour = safeReturnPath(str(request.body, "retour", 500));
    if (!Number.isInteger(neighbourhoodId) || neighbourhoodId <= 0) throw new ValidationError({ quartier: "Quartier inconnu." });
    const session = requireSession(request, reply);
    if (!session) return reply;
    const exists = await app.deps.db.selectFrom("neighbourhoods").select("id").where("id", "=", neighbourhoodId).executeTakeFirst();
    if (!exists) throw new NotFoundError();
    if (str(request.body, "suivre", 2) === "0") {
      await app.deps.db.deleteFrom("user_neighbourhoods").where("user_id", "=", session.user.id).where("neighbourhood_id", "=", neighbourhoodId).execute();
    } else {
      await service.follow(await accountDeps(app), session.user.id, { neighbourhoodId });
    }
    return reply.redirect(retour, 303);
  });

  // ---- preferences and e-mail address
  async function preferencesPage(request: FastifyRequest, reply: FastifyReply, session: CurrentSession, opts: { errors?: Errors; values?: Partial<{ displayName: string; themeIds: number[]; neighbourhoodIds: number[]; digestConsent: boolean; newEmail: string }>; status?: number; notice?: string; welcome?: boolean }) {
    const [user, interests, choices] = await Promise.all([findUserById(app.deps.db, session.user.id), findInterests(app.deps.db, session.user.id), interestChoices(app)]);
    if (!user) throw new NotFoundError();
    const values = {
      displayName: user.display_name,
      themeIds: interests.themeIds,
      neighbourhoodIds: interests.neighbourhoodIds,
      digestConsent: user.digest_consent,
      email: user.email,
      newEmail: "",
      ...opts.values,
    };
    return servePage(request, reply, async () => ({
      tags: [],
      private: true,
      status: opts.status,
      render: (ctx) => <PreferencesPage ctx={ctx} values={values} errors={opts.errors ?? {}} notice={opts.notice} welcome={opts.welcome ?? false} {...choices} />,
    }));
  }

  app.get<Q>("/compte/preferences", { schema: { querystring: pageQuery } }, async (request, reply) => {
    const session = requireSession(request, reply);
    if (!session) return reply;
    return preferencesPage(request, reply, session, { notice: NOTICES[request.query.statut ?? ""], welcome: request.query.bienvenue === "1" });
  });

  app.post("/compte/preferences", { schema: { body: { type: "object", properties: { themes: idList, quartiers: idList } } } }, async (request, reply) => {
    const session = requireSession(request, reply);
    if (!session) return reply;
    const input = {
      userId: session.user.id,
      displayName: str(request.body, "displayName", 200),
      themeIds: ids(request.body, "themes"),
      neighbourhoodIds: ids(request.body, "quartiers"),
      digestConsent: checked(request.body, "digest"),
    };
    try {
      await service.updatePreferences(await accountDeps(app), input);
      return reply.redirect("/compte/preferences?statut=enregistre", 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return preferencesPage(request, reply, session, { errors: error.fields, values: input, status: 400 });
    }
  });

  app.post("/compte/adresse", async (request, reply) => {
    const session = requireSession(request, reply);
    if (!session) return reply;
    const newEmail = str(request.body, "newEmail", 300);
    try {
      await service.requestEmailChange(await accountDeps(app), {
        userId: session.user.id,
        newEmail,
        password: str(request.body, "emailPassword", 4096),
        ip: request.ip,
      });
      return reply.redirect("/compte/preferences?statut=adresse-envoyee", 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return preferencesPage(request, reply, session, { errors: error.fields, values: { newEmail }, status: 400 });
    }
  });

  // ---- password
  app.get<Q>("/compte/mot-de-passe", { schema: { querystring: pageQuery } }, async (request, reply) => {
    const session = requireSession(request, reply);
    if (!session) return reply;
    return servePage(request, reply, async () => ({
      tags: [],
      private: true,
      render: (ctx) => <PasswordPage ctx={ctx} errors={{}} notice={NOTICES[request.query.statut ?? ""]} />,
    }));
  });

  app.post("/compte/mot-de-passe", async (request, reply) => {
    const session = requireSession(request, reply);
    if (!session) return reply;
    try {
      await service.changePassword(await accountDeps(app), {
        userId: session.user.id,
        sessionId: session.id,
        current: str(request.body, "current", 4096),
        next: str(request.body, "next", 4096),
      });
      return reply.redirect("/compte/mot-de-passe?statut=mot-de-passe-modifie", 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return servePage(request, reply, async () => ({ tags: [], private: true, status: 400, render: (ctx) => <PasswordPage ctx={ctx} errors={error.fields} /> }));
    }
  });

  // ---- sessions
  app.get<Q>("/compte/sessions", { schema: { querystring: pageQuery } }, async (request, reply) => {
    const session = requireSession(request, reply);
    if (!session) return reply;
    const rows = await listSessions(app.deps.db, session.user.id);
    const sessions = rows.map((s) => ({ id: s.id, current: s.id === session.id, device: describeDevice(s.user_agent), startedAt: s.created_at, lastSeenAt: s.last_seen_at }));
    return servePage(request, reply, async () => ({
      tags: [],
      private: true,
      render: (ctx) => <SessionsPage ctx={ctx} sessions={sessions} notice={NOTICES[request.query.statut ?? ""]} />,
    }));
  });

  app.post<{ Params: { id: string } }>("/compte/sessions/:id/revoquer", async (request, reply) => {
    const session = requireSession(request, reply);
    if (!session) return reply;
    const id = Number(request.params.id);
    if (!Number.isInteger(id) || id <= 0) throw new NotFoundError();
    // Scoped to the owner: another account's session id deletes nothing and answers 404.
    const result = await app.deps.db.deleteFrom("sessions").where("id", "=", id).where("user_id", "=", session.user.id).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw new NotFoundError();
    return reply.redirect("/compte/sessions?statut=deconnecte", 303);
  });

  // ---- data: export and deletion
  app.get("/compte/donnees", async (request, reply) => {
    const session = requireSession(request, reply);
    if (!session) return reply;
    return servePage(request, reply, async () => ({ tags: [], private: true, render: (ctx) => <DataPage ctx={ctx} errors={{}} /> }));
  });

  app.post("/compte/donnees", async (request, reply) => {
    const session = requireSession(request, reply);
    if (!session) return reply;
    const data = await exportAccountData(app.deps.db, session.user.id, app.deps.now());
    if (!data) throw new NotFoundError();
    const day = app.deps.now().toISOString().slice(0, 10);
    return reply
      .header("content-type", "application/json; charset=utf-8")
      .header("content-disposition", `attachment; filename="mes-donnees-${day}.json"`)
      .header("cache-control", "private, no-store")
      .send(JSON.stringify(data, null, 2));
  });

  app.post("/compte/supprimer", async (request, reply) => {
    const session = requireSession(request, reply);
    if (!session) return reply;
    try {
      await service.deleteAccount(await accountDeps(app), { userId: session.user.id, password: str(request.body, "password", 4096) });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return servePage(request, reply, async () => ({ tags: [], private: true, status: 400, render: (ctx) => <DataPage ctx={ctx} errors={error.fields} /> }));
    }
    clearSessionCookie(reply, isSecure(request));
    return reply.header("clear-site-data", '"cache", "storage"').redirect("/compte/supprime", 303);
  });

  app.get("/compte/supprime", async (request, reply) =>
    servePage(request, reply, async () => ({ tags: [], private: true, render: (ctx) => <DeletedPage ctx={ctx} /> })),
  );
}

/** A short, readable description of a browser from its User-Agent. */
export function describeDevice(userAgent: string): string {
  const browser = /Edg\//.test(userAgent) ? "Edge" : /Firefox\//.test(userAgent) ? "Firefox" : /Chrome\//.test(userAgent) ? "Chrome" : /Safari\//.test(userAgent) ? "Safari" : null;
  const os = /Android/.test(userAgent) ? "Android" : /iPhone|iPad/.test(userAgent) ? "iOS" : /Windows/.test(userAgent) ? "Windows" : /Mac OS X/.test(userAgent) ? "macOS" : /Linux/.test(userAgent) ? "Linux" : null;
  if (browser && os) return `${browser} sur ${os}`;
  return browser ?? os ?? "Navigateur inconnu";
}
