// Read-only JSON API, registered under /api/v1 in its own plugin scope so that its CORS header
// and its error format apply to nothing else.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { etagMatches, weakEtag } from "../../core/http/page-cache.js";
import { PRIVATE_CACHE_CONTROL } from "../../core/http/render.js";
import { errorMessage } from "../../ui/error-page.js";
import { noQuery } from "../../core/http/form.js";
import {
  actionDetailQuery,
  actionQuery,
  contractQuery,
  indicatorQuery,
  placeQuery,
  slugParams,
  type ActionApiQuery,
  type IndicatorQuery,
  type PlaceQuery,
} from "./api-schemas.js";
import { FILE_CACHE_CONTROL } from "./file-routes.js";
import { openApiDocument } from "./openapi.js";
import * as service from "./service.js";

function sendJson(reply: FastifyReply, body: object | Buffer) {
  return reply.header("cache-control", FILE_CACHE_CONTROL).type("application/json; charset=utf-8").send(body);
}

// What each answer is made of: a change to these drops it from the cache (the policy back
// office invalidates "policy", "neighbourhoods" and "opendata"; see page-cache.ts).
const POLICY_DATA = ["opendata", "policy"];
const PLACE_DATA = ["opendata", "neighbourhoods"];

/**
 * Serves an API answer from the shared page cache (key "api:" + URL, the same tags and
 * cross-process invalidation as pages), with an ETag so a client that has it gets 304.
 * Only successful answers are stored: a 404 or a 400 is thrown before.
 */
async function sendCachedJson(request: FastifyRequest, reply: FastifyReply, tags: string[], build: () => Promise<object>) {
  const { pageCache } = request.server.deps;
  const key = `api:${request.url}`;
  let entry = pageCache.get(key);
  if (!entry) {
    const generation = pageCache.generation;
    const body = JSON.stringify(await build());
    pageCache.set(key, { body, tags }, generation);
    entry = pageCache.get(key) ?? { body: Buffer.from(body), etag: weakEtag(body), tags: new Set(tags), storedAt: 0, status: 200 };
  }
  reply.header("etag", entry.etag);
  if (etagMatches(request.headers["if-none-match"], entry.etag)) {
    return reply.code(304).header("cache-control", FILE_CACHE_CONTROL).send();
  }
  return sendJson(reply, entry.body);
}

type AjvError = { instancePath: string; keyword: string; params: Record<string, unknown> };

/** What is wrong with one parameter, in French (Ajv's own messages are English and technical). */
function reason(e: AjvError): string {
  const p = e.params;
  switch (e.keyword) {
    case "not":
      return "paramètre inconnu";
    case "type":
      return p.type === "integer"
        ? "doit être un nombre entier, donné une seule fois"
        : p.type === "boolean"
          ? "doit valoir true ou false"
          : "doit être donné une seule fois";
    case "minimum":
      return `doit être supérieur ou égal à ${String(p.limit)}`;
    case "maximum":
      return `doit être inférieur ou égal à ${String(p.limit)}`;
    case "enum":
      return `valeurs possibles : ${(p.allowedValues as unknown[]).join(", ")}`;
    case "maxLength":
      return `${String(p.limit)} caractères au plus`;
    case "pattern":
      return "format invalide : lettres, chiffres, tirets";
    default:
      return "valeur invalide";
  }
}

export async function apiRoutes(app: FastifyInstance) {
  const { db, config } = app.deps;
  const publicUrl = config.publicUrl;
  const openApi = openApiDocument(publicUrl);

  // Public open data, read-only, and no cookie or other credential is read here: any web page,
  // on any site, may fetch it. The wildcard (without Allow-Credentials) exposes nothing a plain
  // HTTP client could not get. Only simple GETs exist, so no preflight (OPTIONS) is needed.
  // Set on request so that this scope's error responses (400, 404 for an unknown action) are
  // readable cross-origin too. Unknown paths are answered by the content module's catch-all.
  app.addHook("onRequest", async (_request, reply) => {
    reply.header("access-control-allow-origin", "*");
  });

  // A bad parameter gets a 400 problem naming it (Fastify's Ajv stops at the first error).
  // Rethrowing hands every other error to the app's handler (404 and 500 problems, logging).
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (!error.validation) throw error;
    request.log.info({ err: { message: error.message }, status: 400 }, "request rejected");
    const invalid = (error.validation as unknown as AjvError[]).map((e) => ({
      name: e.instancePath.replace(/^\//, "") || String(e.params.missingProperty ?? error.validationContext ?? ""),
      reason: reason(e),
    }));
    const m = errorMessage(400);
    return reply
      .code(400)
      .header("cache-control", PRIVATE_CACHE_CONTROL)
      .type("application/problem+json; charset=utf-8")
      .send({
        type: "about:blank",
        title: m.title,
        status: 400,
        detail: "Un paramètre de la demande est inconnu ou sa valeur n’est pas acceptée.",
        "invalid-params": invalid,
      });
  });

  app.get("/openapi.json", { schema: { querystring: noQuery } }, async (_request, reply) => sendJson(reply, openApi));

  for (const dataset of ["qpv", "quartiers"] as const) {
    app.get<{ Querystring: PlaceQuery }>(`/${dataset}`, { schema: { querystring: placeQuery } }, async (request, reply) =>
      sendCachedJson(request, reply, PLACE_DATA, () => service.apiPlaces(db, dataset, request.query.geometrie, publicUrl)),
    );
  }

  app.get("/contrats", { schema: { querystring: contractQuery } }, async (request, reply) =>
    sendCachedJson(request, reply, POLICY_DATA, () => service.apiContracts(db, publicUrl)),
  );

  app.get<{ Querystring: ActionApiQuery }>("/actions", { schema: { querystring: actionQuery } }, async (request, reply) =>
    sendCachedJson(request, reply, POLICY_DATA, () => service.apiActions(db, request.query, publicUrl)),
  );

  app.get<{ Params: { slug: string } }>("/actions/:slug", { schema: { params: slugParams, querystring: actionDetailQuery } }, async (request, reply) =>
    sendCachedJson(request, reply, POLICY_DATA, () => service.apiAction(db, request.params.slug, publicUrl)),
  );

  app.get<{ Querystring: IndicatorQuery }>("/indicateurs", { schema: { querystring: indicatorQuery } }, async (request, reply) =>
    sendCachedJson(request, reply, [...POLICY_DATA, ...PLACE_DATA], () => service.apiIndicators(db, request.query)),
  );
}
