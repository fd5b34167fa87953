// The page-cache key of a request (decision record 0003): its path and, of its query string,
// only the parameters the route reads, i.e. those its querystring schema declares (decision
// record 0011: every route declares one). The others (utm_source, fbclid, a cache buster
// "?n=123") are ignored by the route, so the page is the same without them: they must not
// make a new cache entry, or anyone could bypass the cache and fill it with random queries.
//
// The kept parameters are written in one canonical form: sorted by name, each value as the
// route reads it (after the schema's coercion and defaults: "?page=01" on an integer is 1),
// percent-encoded with encodeURIComponent, a list value as one pair per item in its order.
// An empty value is kept ("?q=" is not the same request as no q).
//
// A route whose schema lets other parameters through on purpose (additionalProperties other
// than false or `{ not: {} }`, or patternProperties) may read any of them: its key keeps the
// whole query string as sent. So does a route without a querystring schema (none should exist).
// The path is kept as sent: a route may read it raw (content's catch-all route does).
import type { FastifyRequest } from "fastify";

interface QuerySchema {
  properties?: Record<string, unknown>;
  additionalProperties?: unknown;
  patternProperties?: unknown;
}

/** True when the schema declares which parameters the route reads and nothing beyond them. */
function declaresItsParameters(schema: unknown): schema is QuerySchema {
  if (!schema || typeof schema !== "object") return false;
  const s = schema as QuerySchema;
  if (s.patternProperties !== undefined) return false;
  const extra = s.additionalProperties;
  // Absent: the project's convention (form.ts queryOf, noQuery): undeclared parameters pass
  // validation but no route reads them.
  if (extra === undefined || extra === false) return true;
  return isNotAnything(extra);
}

/** `{ not: {} }`: no other property is valid (opendata's closed queries). */
function isNotAnything(value: unknown): boolean {
  if (!value || typeof value !== "object") return false;
  const not = (value as { not?: unknown }).not;
  return Object.keys(value).length === 1 && !!not && typeof not === "object" && Object.keys(not).length === 0;
}

function encodeValue(value: unknown): string {
  return encodeURIComponent(typeof value === "string" ? value : String(value));
}

/** The canonical query string (without "?") of the declared parameters present in `query`. */
export function canonicalQuery(query: unknown, declared: Iterable<string>): string {
  if (!query || typeof query !== "object") return "";
  const values = query as Record<string, unknown>;
  const pairs: string[] = [];
  for (const name of [...new Set(declared)].sort()) {
    if (!Object.hasOwn(values, name)) continue;
    const value = values[name];
    if (value === undefined || value === null) continue;
    const key = encodeURIComponent(name);
    for (const item of Array.isArray(value) ? value : [value]) pairs.push(`${key}=${encodeValue(item)}`);
  }
  return pairs.join("&");
}

/**
 * The URL that identifies what the route renders for this request: the path as sent, then
 * the declared parameters in canonical form. Used as the page-cache key, and as the current
 * URL of an anonymous page (its "Se connecter" link returns there), so that a stored page
 * depends on nothing but its key.
 */
export function cacheKeyUrl(request: FastifyRequest): string {
  const url = request.url;
  const mark = url.indexOf("?");
  const path = mark === -1 ? url : url.slice(0, mark);
  const schema = request.routeOptions?.schema?.querystring;
  if (!declaresItsParameters(schema)) return url;
  const query = canonicalQuery(request.query, Object.keys(schema.properties ?? {}));
  return query ? `${path}?${query}` : path;
}
