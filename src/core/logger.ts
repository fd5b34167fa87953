// pino options: JSON logs with request ids; secrets and personal data kept out.
// A log line must never let its reader take an account over or learn what a visitor
// typed: URLs are logged with secret path segments and query values redacted (only an
// allowlist of harmless keys keeps its value), and errors lose the values a database
// error carries (its query parameters, "Key (email)=(…)" details, quoted input).
import type { FastifyInstance, FastifyServerOptions } from "fastify";
import type { Config } from "../config.js";

export const REDACT_PATHS = [
  "req.headers.cookie",
  "req.headers.authorization",
  'res.headers["set-cookie"]',
  "*.password",
  "*.token",
  "*.jeton",
  "*.email",
  "*.adresse",
];

const REDACTED = "[redacted]";

/** Query keys whose values are navigation state (page numbers, filters, sort order), never typed text or secrets. */
const SAFE_QUERY_KEYS = new Set([
  "page",
  "par_page",
  "tri",
  "statut",
  "statuts",
  "type",
  "filtre",
  "theme",
  "quartier",
  "priorite",
  "territoire",
  "contrat",
  "annee",
  "financeur",
  "organisation",
  "indicateur",
  "metric",
  "geometrie",
  "action",
  "bienvenue",
  "ok",
  "fait",
  "de",
  "a",
  "v",
]);

/** Path segments followed by a secret: private preview links (/apercu/<token>). */
const SECRET_AFTER = new Set(["apercu"]);

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Random tokens (base64url, long, mixed case and digits) never appear in slugs, which are lower case. */
function looksLikeToken(segment: string): boolean {
  return segment.length >= 24 && /^[A-Za-z0-9_-]+$/.test(segment) && /[A-Z]/.test(segment) && /[0-9]/.test(segment);
}

function redactPath(path: string): string {
  const segments = path.split("/");
  let afterSecret = false;
  return segments
    .map((segment) => {
      if (afterSecret) return segment === "" ? segment : REDACTED;
      const name = decode(segment).toLowerCase();
      if (SECRET_AFTER.has(name)) afterSecret = true;
      return looksLikeToken(decode(segment)) ? REDACTED : segment;
    })
    .join("/");
}

function redactQuery(query: string): string {
  return query
    .split("&")
    .map((part) => {
      if (part === "") return part;
      const eq = part.indexOf("=");
      const rawKey = eq === -1 ? part : part.slice(0, eq);
      const key = decode(rawKey.replace(/\+/g, " "));
      if (!/^[a-z_]{1,30}$/i.test(key)) return REDACTED;
      if (eq === -1) return key;
      const value = part.slice(eq + 1);
      return SAFE_QUERY_KEYS.has(key.toLowerCase()) && value.length <= 64 ? `${key}=${value}` : `${key}=${REDACTED}`;
    })
    .join("&");
}

/** A request URL as it may be logged: secret path segments and query values redacted. */
export function redactUrl(url: string): string {
  const q = url.indexOf("?");
  if (q === -1) return redactPath(url);
  return `${redactPath(url.slice(0, q))}?${redactQuery(url.slice(q + 1))}`;
}

const EMAIL = /[^\s"'<>()[\]{},;:@]+@[^\s"'<>()[\]{},;:@]+\.[a-z]{2,}/gi;
const URL_IN_TEXT = /\/[^\s"'<>`]*/g;

/** Free text (messages, stacks) as it may be logged: addresses and URLs redacted. */
export function scrubText(text: string): string {
  return text.replace(EMAIL, REDACTED).replace(URL_IN_TEXT, (m) => (m.includes("?") || /\/apercu\//i.test(m) ? redactUrl(m) : m));
}

/** Fields of pg and PGlite errors that hold the statement's values. */
const VALUE_FIELDS = new Set(["query", "params", "parameters", "values", "detail", "where", "internalQuery", "hint", "queryOptions", "body", "data"]);
/** Words after which PostgreSQL quotes an identifier, not a value. */
const IDENTIFIER_BEFORE =
  /(relation|constraint|column|table|index|type|schema|function|sequence|database|role|extension|operator|trigger|view|enum|key|savepoint|cursor|statement|portal|of)\s*$/i;

/** PostgreSQL messages quote input values ("invalid input syntax for type integer: "bob@…""); identifiers stay. */
function scrubQuotedValues(message: string): string {
  return message.replace(/"((?:[^"]|"")*)"/g, (whole, _inner: string, offset: number) =>
    IDENTIFIER_BEFORE.test(message.slice(Math.max(0, offset - 20), offset)) ? whole : `"${REDACTED}"`,
  );
}

export function serializeError(error: unknown, depth = 0): Record<string, unknown> {
  if (typeof error !== "object" || error === null) return { message: scrubText(String(error)) };
  const e = error as Record<string, unknown> & Partial<Error>;
  // Every message is treated like a database one: rejected input reaches the log through
  // errors of any kind (a data exception mapped to 400 arrives as a plain message).
  const clean = (text: string) => scrubText(scrubQuotedValues(text));
  const out: Record<string, unknown> = { type: e.constructor?.name ?? "Object" };
  if (typeof e.message === "string") out.message = clean(e.message);
  if (typeof e.stack === "string") out.stack = clean(e.stack);
  for (const [key, value] of Object.entries(e)) {
    if (key in out || key === "cause" || VALUE_FIELDS.has(key)) continue;
    if (typeof value === "string") out[key] = clean(value);
    else if (typeof value === "number" || typeof value === "boolean") out[key] = value;
  }
  if (e.cause !== undefined && depth < 3) out.cause = serializeError(e.cause, depth + 1);
  return out;
}

interface LoggedRequest {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number } | null;
}

/** The fields of a log line that says which request it is about. */
function serializeRequest(request: LoggedRequest) {
  return {
    method: request.method,
    url: request.url === undefined ? undefined : redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

/** "request completed" lines say which request, so one line is enough to read. */
function serializeReply(reply: { statusCode?: number; request?: LoggedRequest }) {
  return {
    statusCode: reply.statusCode,
    method: reply.request?.method,
    url: reply.request?.url === undefined ? undefined : redactUrl(reply.request.url),
  };
}

/** Where log lines go; tests pass a stream they read. Default: standard output. */
export interface LogStream {
  write(line: string): void;
}

export function loggerOptions(config: Config, stream?: LogStream): FastifyServerOptions["logger"] {
  if (config.logLevel === "silent") return false;
  return {
    level: config.logLevel,
    redact: { paths: REDACT_PATHS, censor: REDACTED },
    serializers: {
      req: serializeRequest,
      res: serializeReply,
      err: (error) => serializeError(error) as { type: string; message: string; stack: string },
    },
    hooks: {
      // Messages are free text too (Fastify's own warnings quote raw URLs).
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === "string" ? scrubText(a) : a)) as Parameters<typeof method>);
      },
    },
    ...(stream ? { stream } : {}),
  };
}

/**
 * One log line per request, when it is answered (Fastify's default writes two: "incoming
 * request" and "request completed"). It says which request (method, redacted URL), how it
 * ended and how long it took, under the request id. Set `disableRequestLogging` on the app.
 */
export function registerRequestLog(app: FastifyInstance): void {
  app.addHook("onResponse", (request, reply, done) => {
    request.log.info({ res: reply, responseTime: Math.round(reply.elapsedTime * 10) / 10 }, "request completed");
    done();
  });
}
