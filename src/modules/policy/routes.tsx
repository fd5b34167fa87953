// Public pages of the Politique de la Ville.
import type { FastifyInstance } from "fastify";
import { servePage } from "../../core/http/render.js";
import { NotFoundError } from "../../core/errors.js";
import { parsePage } from "../content/service.js";
import { MapOrHowToImport } from "./views/map.js";
import * as service from "./service.js";
import { ActionPage } from "./views/action.js";
import { ActionsPage } from "./views/actions.js";
import { OverviewPage } from "./views/overview.js";

const filterQuery = {
  type: "object",
  properties: Object.fromEntries(["priorite", "quartier", "statut", "organisation", "financeur", "annee", "page"].map((k) => [k, { type: "string", maxLength: 80 }])),
} as const;

export async function policyRoutes(app: FastifyInstance) {
  app.get("/politique-de-la-ville", async (request, reply) =>
    servePage(request, reply, async () => {
      const data = await service.getOverview(app.deps.db);
      return {
        tags: ["policy", "neighbourhoods"],
        render: (ctx) => <OverviewPage ctx={ctx} data={data} map={<MapOrHowToImport places={data.places} title="Carte des quartiers et des quartiers prioritaires" idPrefix="carte-pdv" />} />,
      };
    }),
  );

  app.get<{ Querystring: service.ActionQuery }>("/politique-de-la-ville/actions", { schema: { querystring: filterQuery } }, async (request, reply) =>
    servePage(request, reply, async () => {
      const data = await service.getActions(app.deps.db, request.query, parsePage(request.query.page));
      return { tags: ["policy"], render: (ctx) => <ActionsPage ctx={ctx} data={data} query={request.query as Record<string, string | undefined>} /> };
    }),
  );

  app.get<{ Params: { slug: string } }>("/politique-de-la-ville/actions/:slug", async (request, reply) =>
    servePage(request, reply, async () => {
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(request.params.slug) || request.params.slug.length > 120) throw new NotFoundError();
      const data = await service.getAction(app.deps.db, request.params.slug);
      return {
        tags: ["policy", ...data.articles.map((c) => `content:${c.id}`)],
        render: (ctx) => <ActionPage ctx={ctx} data={data} map={<MapOrHowToImport places={data.places} title={`Lieux de l’action ${data.action.title}`} idPrefix="carte-action" compact />} />,
      };
    }),
  );
}
