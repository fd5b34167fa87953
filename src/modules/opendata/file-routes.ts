// Downloadable files under /donnees: whole datasets, no parameters.
import type { FastifyInstance, FastifyReply } from "fastify";
import { noQuery } from "../../core/http/form.js";
import * as service from "./service.js";
import { proposalsCsv } from "../participation/index.js";

/** Five minutes: fresh enough for data that changes a few times a year, cheap under load. */
export const FILE_CACHE_CONTROL = "public, max-age=300";

const TYPES = {
  csv: "text/csv; charset=utf-8",
  geojson: "application/geo+json",
  json: "application/json; charset=utf-8",
} as const;

function sendFile(reply: FastifyReply, filename: string, kind: keyof typeof TYPES, body: string | object) {
  return (
    reply
      .header("content-type", TYPES[kind])
      .header("content-disposition", `attachment; filename="${filename}"`)
      .header("cache-control", FILE_CACHE_CONTROL)
      // A Buffer, so the type goes out as written: Fastify appends "; charset=utf-8" to string
      // bodies, a parameter application/geo+json does not define (JSON is always UTF-8).
      .send(Buffer.from(typeof body === "string" ? body : JSON.stringify(body)))
  );
}

// Whole files: no parameter is read, and any query string (a cache buster) is let through.
const schema = { querystring: noQuery };

export async function fileRoutes(app: FastifyInstance) {
  const { db, config } = app.deps;
  for (const dataset of ["qpv", "quartiers"] as const) {
    app.get(`/donnees/${dataset}.csv`, { schema }, async (_request, reply) =>
      sendFile(reply, `${dataset}.csv`, "csv", await service.placesCsv(db, dataset, config.publicUrl)),
    );
    app.get(`/donnees/${dataset}.geojson`, { schema }, async (_request, reply) =>
      sendFile(reply, `${dataset}.geojson`, "geojson", await service.placesGeoJson(db, dataset, config.publicUrl)),
    );
  }
  app.get("/donnees/actions.csv", { schema }, async (_request, reply) => sendFile(reply, "actions.csv", "csv", await service.actionsCsv(db, config.publicUrl)));
  app.get("/donnees/actions.json", { schema }, async (_request, reply) =>
    sendFile(reply, "actions.json", "json", await service.actionsJson(db, config.publicUrl)),
  );
  app.get("/donnees/financements.csv", { schema }, async (_request, reply) => sendFile(reply, "financements.csv", "csv", await service.fundingCsv(db)));
  app.get("/donnees/indicateurs.csv", { schema }, async (_request, reply) => sendFile(reply, "indicateurs.csv", "csv", await service.indicatorsCsv(db)));
  app.get("/donnees/idees.csv", { schema }, async (_request, reply) => sendFile(reply, "idees.csv", "csv", await proposalsCsv(db, config.publicUrl)));
}
