// HTML pages: the dataset catalogue and the API documentation, through the page cache.
import type { FastifyInstance } from "fastify";
import { servePage } from "../../core/http/render.js";
import { noQuery } from "../../core/http/form.js";
import * as service from "./service.js";
import { ApiDocPage } from "./views/api-doc.js";
import { DatasetsPage } from "./views/datasets.js";

export async function pageRoutes(app: FastifyInstance) {
  app.get("/donnees", { schema: { querystring: noQuery } }, async (request, reply) =>
    servePage(request, reply, async () => {
      const data = await service.getCatalogue(app.deps.db);
      // Counts and dates change with policy data and with neighbourhood perimeters.
      return { tags: ["policy", "neighbourhoods", "opendata"], render: (ctx) => <DatasetsPage ctx={ctx} data={data} /> };
    }),
  );

  app.get("/donnees/api", { schema: { querystring: noQuery } }, async (request, reply) =>
    servePage(request, reply, async () => ({ tags: ["opendata"], render: (ctx) => <ApiDocPage ctx={ctx} /> })),
  );
}
