// Read-only JSON API, registered under /api/v1 in its own plugin scope so that its CORS header
// and its error format apply to nothing else.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { ValidationError } from "../../core/errors.js";
import { cacheKeyUrl } from "../../core/http/cache-key.js";
import { PRIVATE_CACHE_CONTROL, serveCachedBody } from "../../core/http/render.js";
import { errorMessage } from "../../ui/error-page.js";
import { noQuery } from "../../core/http/form.js";
import {
  API_RATE_LIMIT,
  actionDetailQuery,
  actionGeoQuery,
  actionQuery,
  articleParams,
  contentQuery,
  contractQuery,
  indicatorGeoQuery,
  indicatorQuery,
  placeQuery,
  proposalQuery,
  slugParams,
  themeQuery,
  type ActionApiQuery,
  type ContentApiQuery,
  type IndicatorGeoQuery,
  type IndicatorQuery,
  type PlaceQuery,
} from "./api-schemas.js";
import { FILE_CACHE_CONTROL } from "./file-routes.js";
import { openApiDocument } from "./openapi.js";
import { proposalsApi } from "../participation/index.js";
import * as service from "./service.js";

const JSON_TYPE = "application/json; charset=utf-8";
/** RFC 7946 section 12. */
export const GEOJSON_TYPE = "application/geo+json; charset=utf-8";

function sendJson(reply: FastifyReply, body: object | Buffer, type = JSON_TYPE) {
  return reply.header("cache-control", FILE_CACHE_CONTROL).type(type).send(body);
}

// What each answer is made of: a change to these drops it from the cache (the policy back
// office invalidates "policy", "neighbourhoods" and "opendata"; see page-cache.ts).
const POLICY_DATA = ["opendata", "policy"];
const PLACE_DATA = ["opendata", "neighbourhoods"];
// Content answers: any change to an item of that kind drops "list:articles" or "list:pages"
// (content cache-tags.ts); a media edit drops "content:<id>" of the items using it, so each
// answer also carries its items' tags; theme and place names come from the places module.
const CONTENT_DATA = { actualites: "list:articles", pages: "list:pages" } as const;
const THEME_DATA = ["themes"];
// Residents' ideas: the participation module drops these on every new idea, support or answer.
const PROPOSAL_DATA = ["opendata", "participation:proposals"];

/**
 * Serves an API answer from the shared page cache (key "api:" + the path and the declared
 * query parameters, canonical: core/http/cache-key.ts; the same tags and
 * cross-process invalidation as pages), with an ETag so a client that has it gets 304.
 * Only successful answers are stored: a 404 or a 400 is thrown before.
 */
function sendCachedJson(request: FastifyRequest, reply: FastifyReply, tags: string[], build: () => Promise<object>, type = JSON_TYPE) {
  return serveCachedBody(request, reply, {
    key: `api:${cacheKeyUrl(request)}`,
    contentType: type,
    cacheControl: FILE_CACHE_CONTROL,
    build: async () => ({ body: JSON.stringify(await build()), tags }),
  });
}

// ---- Per-IP rate limit
/** Distinct addresses tracked per window; beyond, new ones share one counter (memory stays bounded). */
const MAX_TRACKED = 50_000;
const OVERFLOW_KEY = "(others)";

/**
 * A fixed-window counter in this process's memory, not core/rate-limit.ts's database table:
 * that one writes a row per hit, which is right for sign-in attempts (few, and they must hold
 * across processes and restarts) but would add a database write to every API call, most of
 * which are otherwise answered from memory (page cache). Consequences, accepted: a restart
 * resets the counts, and with WEB_CONCURRENCY=n processes an address may reach n times the
 * limit (each process counts what it serves).
 */
export class ApiRateLimiter {
  private windowStart = Number.NEGATIVE_INFINITY;
  private readonly counts = new Map<string, number>();
  constructor(private readonly rule: { limit: number; windowMs: number } = API_RATE_LIMIT) {}

  hit(address: string, now: number) {
    const { limit, windowMs } = this.rule;
    const start = Math.floor(now / windowMs) * windowMs;
    if (start !== this.windowStart) {
      this.windowStart = start;
      this.counts.clear();
    }
    const key = this.counts.has(address) || this.counts.size < MAX_TRACKED ? address : OVERFLOW_KEY;
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    return {
      limit,
      allowed: count <= limit,
      remaining: Math.max(0, limit - count),
      resetSeconds: Math.max(1, Math.ceil((start + windowMs - now) / 1000)),
    };
  }
}

/**
 * Whom a request is counted against: an IPv4 address, or the /64 prefix of an IPv6 one (a single
 * subscriber usually holds a whole /64 and could otherwise rotate through 2^64 addresses).
 * An IPv4-mapped IPv6 address (::ffff:1.2.3.4) counts as its IPv4 address.
 */
export function rateLimitKey(ip: string): string {
  const address = ip.split("%")[0]!.toLowerCase(); // no zone index (fe80::1%eth0)
  if (!address.includes(":")) return address;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  if (mapped) return mapped[1]!;
  const [head = "", tail] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => (Number.parseInt(g, 16) || 0).toString(16))
    .join(":")}::/64`;
}

/** The headers a cross-origin script may read (CORS hides all but a few by default). */
const EXPOSED_HEADERS = "ETag, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, RateLimit-Policy, Retry-After";

function problemReply(reply: FastifyReply, status: number, detail: string, extra: object = {}) {
  const m = errorMessage(status);
  return reply
    .code(status)
    .header("cache-control", PRIVATE_CACHE_CONTROL)
    .type("application/problem+json; charset=utf-8")
    .send({ type: "about:blank", title: m.title, status, detail, ...extra });
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
    case "minLength":
      return "ne doit pas être vide";
    default:
      return "valeur invalide";
  }
}

export async function apiRoutes(app: FastifyInstance) {
  const { db, config } = app.deps;
  const publicUrl = config.publicUrl;
  const openApi = openApiDocument(publicUrl);

  const limiter = new ApiRateLimiter();

  // Public open data, read-only, and no cookie or other credential is read here: any web page,
  // on any site, may fetch it. The wildcard (without Allow-Credentials, which browsers refuse
  // with "*" anyway) exposes nothing a plain HTTP client could not get. Set on request so that
  // this scope's error responses (400, 404 for an unknown action, 429) are readable
  // cross-origin too. Unknown paths are answered by the content module's catch-all.
  // Then the rate limit: every request counts, refused ones included (they cost a parse).
  app.addHook("onRequest", async (request, reply) => {
    reply.header("access-control-allow-origin", "*").header("access-control-expose-headers", EXPOSED_HEADERS);
    if (request.method === "OPTIONS") return;
    const hit = limiter.hit(rateLimitKey(request.ip), app.deps.now().getTime());
    reply
      .header("ratelimit-limit", hit.limit)
      .header("ratelimit-remaining", hit.remaining)
      .header("ratelimit-reset", hit.resetSeconds)
      .header("ratelimit-policy", `${hit.limit};w=${API_RATE_LIMIT.windowMs / 1000}`);
    if (!hit.allowed) {
      request.log.info({ status: 429 }, "api rate limit");
      reply.header("retry-after", hit.resetSeconds);
      return problemReply(reply, 429, `Pas plus de ${hit.limit} demandes par minute depuis une même adresse : réessayez dans ${hit.resetSeconds} s.`);
    }
  });

  // A simple GET needs no preflight, but a script that adds a header (If-None-Match from its own
  // cache, Accept-Language...) triggers one: answer it for GET and HEAD only, never credentials.
  app.options("/*", async (_request, reply) =>
    reply
      .code(204)
      .header("access-control-allow-methods", "GET, HEAD")
      .header("access-control-allow-headers", "Accept, Accept-Language, If-None-Match, Cache-Control")
      .header("access-control-max-age", "86400")
      .send(),
  );

  // A bad parameter gets a 400 problem naming it (Fastify's Ajv stops at the first error).
  // Rethrowing hands every other error to the app's handler (404 and 500 problems, logging).
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    // A value of the right shape that means nothing (2025-02-30, a forged cursor): same answer.
    if (error instanceof ValidationError) {
      request.log.info({ status: 400 }, "request rejected");
      const invalid = Object.entries(error.fields).map(([name, why]) => ({ name, reason: why }));
      return problemReply(reply, 400, "Un paramètre de la demande est inconnu ou sa valeur n’est pas acceptée.", { "invalid-params": invalid });
    }
    if (!error.validation) throw error;
    request.log.info({ err: { message: error.message }, status: 400 }, "request rejected");
    const invalid = (error.validation as unknown as AjvError[]).map((e) => ({
      name: e.instancePath.replace(/^\//, "") || String(e.params.missingProperty ?? error.validationContext ?? ""),
      reason: reason(e),
    }));
    return problemReply(reply, 400, "Un paramètre de la demande est inconnu ou sa valeur n’est pas acceptée.", { "invalid-params": invalid });
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

  for (const kind of ["actualites", "pages"] as const) {
    app.get<{ Querystring: ContentApiQuery }>(`/${kind}`, { schema: { querystring: contentQuery } }, async (request, reply) => {
      const tags = [CONTENT_DATA[kind], ...THEME_DATA, "neighbourhoods"];
      return sendCachedJson(request, reply, tags, async () => {
        const answer = await service.apiContent(db, kind, request.query, publicUrl, app.deps.now());
        tags.push(...answer.data.map((item) => `content:${item.id}`));
        return answer;
      });
    });
  }

  app.get<{ Params: { slug: string } }>("/actualites/:slug", { schema: { params: articleParams, querystring: actionDetailQuery } }, async (request, reply) => {
    const tags = [CONTENT_DATA.actualites, ...THEME_DATA, "neighbourhoods"];
    return sendCachedJson(request, reply, tags, async () => {
      const answer = await service.apiArticle(db, request.params.slug, publicUrl, app.deps.now());
      tags.push(`content:${answer.data.id}`);
      return answer;
    });
  });

  app.get("/themes", { schema: { querystring: themeQuery } }, async (request, reply) =>
    sendCachedJson(request, reply, THEME_DATA, () => service.apiThemes(db, publicUrl)),
  );

  app.get("/idees", { schema: { querystring: proposalQuery } }, async (request, reply) =>
    sendCachedJson(request, reply, PROPOSAL_DATA, () => proposalsApi(db, publicUrl)),
  );

  app.get<{ Querystring: Omit<ActionApiQuery, "page" | "par_page"> }>("/actions.geojson", { schema: { querystring: actionGeoQuery } }, async (request, reply) =>
    sendCachedJson(request, reply, [...POLICY_DATA, ...PLACE_DATA], () => service.apiActionsGeoJson(db, request.query, publicUrl), GEOJSON_TYPE),
  );

  app.get<{ Querystring: IndicatorGeoQuery }>("/indicateurs.geojson", { schema: { querystring: indicatorGeoQuery } }, async (request, reply) =>
    sendCachedJson(request, reply, [...POLICY_DATA, ...PLACE_DATA], () => service.apiIndicatorsGeoJson(db, request.query, publicUrl), GEOJSON_TYPE),
  );
}
