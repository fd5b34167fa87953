// The global input rule (decision record 0011): every value a request carries is checked
// once, here, before any schema, handler or query sees it. Field-by-field checks in the
// modules then only deal with meaning (is this a valid e-mail?), never with bytes that
// PostgreSQL or a template cannot take.
//
//  1. Bodies are HTML forms: application/x-www-form-urlencoded, or multipart/form-data on
//     the routes that register a multipart parser (uploads). Fastify's default JSON and
//     text parsers are removed, so any other body is refused with 415 before a handler
//     reads `{"title": 5}` as a form. A future JSON endpoint registers its own parser in its
//     own plugin, with a body schema.
//  2. preValidation walks params, query and body: text holds no C0 control character (tab,
//     CR and LF are allowed in body values: textareas), no lone surrogate, no U+FFFD (what
//     a decoder leaves of invalid UTF-8), is not absurdly long, has no key that could reach
//     an object's prototype, and is a string (or, in bodies and in query parameters whose
//     schema says so, a list of strings) where the routes expect text.
//  3. onRoute gives the conventional path parameters (`:id`, `:rid`, `:slug`) their schema
//     (input-schemas.ts) on every route that declares none: ids stay within a PostgreSQL
//     integer, slugs within their pattern.
// A refusal is a 400 that the error handler renders as a French page or a JSON problem.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from "fastify";
import { parse as parseQueryString } from "fast-querystring";
import { sendBareError } from "./errors.js";
import { CONVENTIONAL_PARAMS } from "./input-schemas.js";

export class BadInputError extends Error {
  readonly statusCode = 400;
  constructor(where: string, why: string) {
    super(`Bad input in ${where}: ${why}`);
    this.name = "BadInputError";
  }
}

/**
 * The form-body parser (@fastify/formbody's, fast-querystring) keeps a malformed percent
 * sequence ("%C3%28", "%ZZ") as literal text, so bytes no browser sends would reach a
 * handler and be stored. Each field must decode as UTF-8 first; then the usual parse.
 */
export function parseFormBody(body: string): Record<string, unknown> {
  if (body.includes("%")) {
    for (const part of body.split("&")) {
      if (!part.includes("%")) continue;
      try {
        decodeURIComponent(part.replace(/\+/g, " "));
      } catch {
        throw new BadInputError("body", "invalid percent-encoding");
      }
    }
  }
  return parseQueryString(body) as Record<string, unknown>;
}

/** C0 controls and DEL: never meaningful in a URL, a key or a one-line field. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the regex exists to find control characters and refuse them
const CONTROL = /[\u0000-\u001f\u007f]/;
/** The same, less tab, LF and CR, which multi-line form fields carry. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the regex exists to find control characters and refuse them
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const REPLACEMENT = "\ufffd";
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** The longest accepted value: a content body (400,000 characters in its schema) fits. */
export const MAX_BODY_VALUE = 500_000;
export const MAX_QUERY_VALUE = 4_000;
const MAX_KEY = 200;
const MAX_FIELDS = 2_000;

function checkText(value: string, where: string, multiLine: boolean, max: number): void {
  if (value.length > max) throw new BadInputError(where, "too long");
  if ((multiLine ? CONTROL_IN_TEXT : CONTROL).test(value)) throw new BadInputError(where, "control character");
  if (value.includes(REPLACEMENT)) throw new BadInputError(where, "invalid UTF-8");
  if (LONE_SURROGATE.test(value)) throw new BadInputError(where, "lone surrogate");
}

function checkKey(key: string, where: string): void {
  if (FORBIDDEN_KEYS.has(key)) throw new BadInputError(where, `forbidden key ${key}`);
  checkText(key, where, false, MAX_KEY);
}

type Properties = Record<string, { type?: unknown } | undefined>;

function schemaProperties(schema: unknown): Properties {
  const props = (schema as { properties?: unknown } | undefined)?.properties;
  return props && typeof props === "object" ? (props as Properties) : {};
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}

function checkParams(params: unknown): void {
  if (!isObject(params)) return;
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === "string") checkText(value, `param ${key}`, false, MAX_QUERY_VALUE);
  }
}

function checkQuery(request: FastifyRequest): void {
  const query = request.query;
  if (!isObject(query)) return;
  const declared = schemaProperties(request.routeOptions.schema?.querystring);
  const entries = Object.entries(query);
  if (entries.length > MAX_FIELDS) throw new BadInputError("query", "too many parameters");
  for (const [key, value] of entries) {
    checkKey(key, "query key");
    // "?page=1&page=2": one value per key. A key the route's schema declares is left to the
    // schema (it refuses a list where it expects one value, and names the parameter).
    const values = Array.isArray(value) ? value : [value];
    if (Array.isArray(value) && !declared[key]) throw new BadInputError(`query ${key}`, "repeated parameter");
    for (const v of values) {
      if (typeof v === "string") checkText(v, `query ${key}`, false, MAX_QUERY_VALUE);
      else if (v !== undefined && typeof v !== "number" && typeof v !== "boolean") throw new BadInputError(`query ${key}`, "not text");
    }
  }
}

function checkBody(body: unknown): void {
  if (body === undefined || body === null || typeof body === "string" || Buffer.isBuffer(body)) return;
  if (!isObject(body)) throw new BadInputError("body", "not a form");
  const entries = Object.entries(body);
  if (entries.length > MAX_FIELDS) throw new BadInputError("body", "too many fields");
  for (const [key, value] of entries) {
    checkKey(key, "body key");
    // A form field is text, or a list of texts (checkboxes, repeated fields).
    const values = Array.isArray(value) ? value : [value];
    if (values.length > MAX_FIELDS) throw new BadInputError(`body ${key}`, "too many values");
    for (const v of values) {
      if (typeof v !== "string") throw new BadInputError(`body ${key}`, "not text");
      checkText(v, `body ${key}`, true, MAX_BODY_VALUE);
    }
  }
}

/** Gives `:id`, `:rid` and `:slug` their schema on routes that declare none for them. */
function conventionalParams(route: RouteOptions): void {
  const names = [...route.url.matchAll(/:([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!);
  const known = names.filter((n) => CONVENTIONAL_PARAMS[n]);
  if (known.length === 0 || route.schema?.params) return;
  route.schema = {
    ...route.schema,
    params: { type: "object", required: known, properties: Object.fromEntries(known.map((n) => [n, CONVENTIONAL_PARAMS[n]])) },
  };
}

/** What the guard saw of a route: the hostile-input suite walks this table. */
export interface GuardedRoute {
  method: string;
  url: string;
  schema: RouteOptions["schema"];
  config: unknown;
}

const tables = new WeakMap<FastifyInstance, GuardedRoute[]>();

/** Every route registered after the guard (all of the app's), HEAD routes included. */
export function guardedRoutes(app: FastifyInstance): readonly GuardedRoute[] {
  return tables.get(app) ?? [];
}

/** Registers the rule on the root instance, before any module route. */
/**
 * The URL with the percent-encoded letters, digits, "-", "_" and "~" of its path decoded, or
 * null when it has none: "/%61ctualites" is "/actualites" (RFC 3986 6.2.2.2). Every such
 * spelling of a page would otherwise be rendered and kept in the page cache as a page of its
 * own: anyone could bypass the cache and crowd real pages out of it. Nothing else is decoded,
 * so the result never gains a slash, a backslash, a "?", a line break or a dot segment
 * ("%2E%2E") the request did not have; other encodings stay as sent (no page path needs them).
 */
export function canonicalPath(url: string): string | null {
  const mark = url.indexOf("?");
  const path = mark === -1 ? url : url.slice(0, mark);
  if (!path.includes("%")) return null;
  const canonical = path.replace(/%(?:[46][1-9A-Fa-f]|[57][0-9Aa]|3[0-9]|2[Dd]|5[Ff]|7[Ee])/g, (code) =>
    String.fromCharCode(Number.parseInt(code.slice(1), 16)),
  );
  return canonical === path ? null : canonical + (mark === -1 ? "" : url.slice(mark));
}

export function registerInputGuard(app: FastifyInstance): void {
  const table: GuardedRoute[] = [];
  tables.set(app, table);
  app.removeContentTypeParser(["application/json", "text/plain"]);
  app.addHook("onRoute", (route) => {
    conventionalParams(route);
    for (const method of [route.method].flat()) table.push({ method, url: route.url, schema: route.schema, config: route.config });
  });
  app.addHook("onRequest", async (request, reply) => {
    if (request.method !== "GET" && request.method !== "HEAD") return;
    const canonical = canonicalPath(request.url);
    if (canonical !== null) return reply.redirect(canonical, 301);
  });
  app.addHook("preValidation", async (request) => {
    // A multipart body without its boundary cannot be read: the parser would throw a 500.
    const type = request.headers["content-type"] ?? "";
    if (/^multipart\//i.test(type) && !/;\s*boundary=("[^"]+"|[^;\s]+)/i.test(type)) throw new BadInputError("content-type", "multipart without boundary");
    checkParams(request.params);
    checkQuery(request);
    checkBody(request.body);
  });
}

/**
 * Fastify's `frameworkErrors`: a path the router cannot decode (invalid UTF-8 such as
 * `%C3%28` or `%FF` in a parameter) or a parameter over maxParamLength is refused before any
 * hook runs, so neither the security headers nor the error pages apply. This answers such a
 * request like every other bad input: a French 400, with strict headers set here.
 */
export function onFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  request.log.info({ err: { code: error.code }, status: 400 }, "request rejected");
  void reply.code(400).headers({
    "cache-control": "private, no-store",
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-frame-options": "DENY",
    "content-security-policy": "default-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  });
  void sendBareError(request, reply, 400);
}
