// "Mes favoris" (GET) and the favourite button (POST). A form POST redirects back; a fetch
// (Accept: JSON) gets the new state. Every query is scoped to the signed-in person's id:
// another account's favourites cannot be read or changed by guessing ids.
import type { FastifyInstance } from "fastify";
import { field, formBody, id, oneOf, pageNumber, pageParam, queryOf, text } from "../../core/http/form.js";
import { servePage } from "../../core/http/render.js";
import { safeReturnPath, signInHref } from "../../lib/return-path.js";
import { requireSession } from "../accounts/index.js";
import { favouritesPage, toggleFavourite } from "./service.js";
import { FavouritesPage } from "./views/favourites.js";

const listQuery = queryOf({ page: pageParam });
// The CSRF check runs before the schema (preValidation), so a forged request gets its 403 first.
const toggleBody = formBody({ contenu: id, action: oneOf(["ajouter", "retirer"]), cible: oneOf(["contenu", "action"]), retour: text(500) }, [
  "contenu",
  "action",
]);

export async function favouriteRoutes(app: FastifyInstance) {
  app.get<{ Querystring: { page?: string } }>("/compte/favoris", { schema: { querystring: listQuery } }, async (request, reply) => {
    const session = requireSession(request, reply);
    if (!session) return reply;
    const view = await favouritesPage(app.deps.db, session.user.id, pageNumber(request.query.page));
    return servePage(request, reply, async () => ({ tags: [], private: true, render: (ctx) => <FavouritesPage ctx={ctx} {...view} /> }));
  });

  // The schema has checked the values: what is left is who asks and whether the target exists.
  app.post("/compte/favoris", { schema: { body: toggleBody } }, async (request, reply) => {
    const body = request.body;
    const targetId = Number(field(body, "contenu"));
    const add = field(body, "action") === "ajouter";
    const retour = safeReturnPath(field(body, "retour", { max: 500 }));
    const wantsJson = (request.headers.accept ?? "").includes("application/json");
    const target = field(body, "cible") === "action" ? "action" : "contenu";
    if (!request.session) {
      if (wantsJson) return reply.code(401).type("application/problem+json").send({ status: 401, title: "Connexion requise" });
      // Sign-in adds a content item afterwards (?favori=); an action's id is no content id.
      return reply.redirect(signInHref(retour, target === "contenu" ? { favori: targetId } : {}), 303);
    }
    const favourite = await toggleFavourite(app.deps, request.session.user.id, { id: targetId, target, add });
    reply.header("cache-control", "private, no-store");
    if (wantsJson) return reply.send({ favourite, label: favourite ? "Retirer de mes favoris" : "Ajouter à mes favoris" });
    return reply.redirect(retour, 303);
  });
}
