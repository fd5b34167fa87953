// Accounts are built in a later issue. Until then the favourite buttons lead here, and
// this page says plainly that sign-in is not open yet, with a way back.
import type { FastifyInstance } from "fastify";
import { servePage } from "../../core/http/render.js";
import { Layout } from "../../ui/layout.js";
import { safeReturnPath } from "./return-path.js";

export async function accountRoutes(app: FastifyInstance) {
  app.get<{ Querystring: { retour?: string } }>(
    "/compte/connexion",
    { schema: { querystring: { type: "object", properties: { retour: { type: "string", maxLength: 500 } } } } },
    async (request, reply) =>
      servePage(request, reply, async () => {
        const back = safeReturnPath(request.query.retour);
        return {
          tags: ["accounts"],
          render: (ctx) => (
            <Layout
              ctx={ctx}
              breadcrumb={[{ label: "Accueil", href: "/" }, { label: "Se connecter" }]}
              meta={{ title: "Se connecter", description: "Connexion à votre compte.", canonicalPath: "/compte/connexion", noindex: true }}
            >
              <h1>Se connecter</h1>
              <p class="lead">
                Les comptes personnels ouvrent bientôt : vous pourrez alors enregistrer vos favoris et recevoir l’actualité
                de vos quartiers et de vos thèmes.
              </p>
              <p>
                <a class="button" href={back}>Revenir à la page précédente</a>
              </p>
            </Layout>
          ),
        };
      }),
  );
}
