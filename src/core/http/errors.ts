// One place maps errors to responses: French HTML pages for browsers, RFC 9457 problem
// details for API clients. Users never see a stack trace; 5xx errors are logged with
// an id that the page shows, so a report can be matched to the log line.
import crypto from "node:crypto";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { ConflictError, ForbiddenError, MovedError, NotFoundError, ValidationError } from "../errors.js";
import { RateLimitedError } from "../rate-limit.js";
import { isDatabaseUnavailable } from "../db/unavailable.js";
import { bareErrorHtml, ErrorPage, errorMessage } from "../../ui/error-page.js";
import { buildPageContext, PRIVATE_CACHE_CONTROL, renderDocument } from "./render.js";

/** What a client is told to wait when the database is unavailable: the pool reconnects within seconds. */
export const RETRY_AFTER_OUTAGE_SECONDS = 5;

function statusOf(error: unknown): number {
  if (error instanceof RateLimitedError) return 429;
  if (error instanceof NotFoundError) return 404;
  if (error instanceof ForbiddenError) return 403;
  if (error instanceof ConflictError) return 409;
  if (error instanceof ValidationError) return 400;
  const e = error as Partial<FastifyError>;
  if (e.validation) return 400;
  if (typeof e.statusCode === "number" && e.statusCode >= 400 && e.statusCode < 600) return e.statusCode;
  if (isDataException(error)) return 400;
  // The database is down, restarting or too slow: the request may work in a moment.
  if (isDatabaseUnavailable(error)) return 503;
  return 500;
}

/**
 * PostgreSQL's "data exception" class (SQLSTATE 22xxx: 22003 numeric value out of range,
 * 22P02 invalid text representation, 22021 invalid byte sequence, 22P05 untranslatable
 * character, 22007 invalid datetime...) means a value from the request could not be taken
 * as typed. The input guard and the route schemas should stop such values first; this is
 * the defence behind them: a 400, never a 500. Both pg and PGlite put the code on `code`.
 */
export function isDataException(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^22[0-9A-Z]{3}$/.test(code);
}

export function wantsJson(request: FastifyRequest): boolean {
  if (request.url.startsWith("/api/")) return true;
  const accept = request.headers.accept ?? "";
  return accept.includes("application/json") && !accept.includes("text/html");
}

function sendProblem(reply: FastifyReply, status: number, errorId?: string) {
  const m = errorMessage(status);
  return reply
    .type("application/problem+json; charset=utf-8")
    .send({ type: "about:blank", title: m.title, status, detail: m.text, ...(errorId ? { errorId } : {}) });
}

/**
 * The error answer that needs nothing but the status: a JSON problem or the fixed French
 * page, no database and no layout. For requests refused before the app can render
 * (undecodable paths, an overloaded process). The caller sets the status and headers.
 */
export function sendBareError(request: FastifyRequest, reply: FastifyReply, status: number) {
  if (wantsJson(request)) return sendProblem(reply, status);
  return reply.type("text/html; charset=utf-8").send(bareErrorHtml(status));
}

export async function sendError(request: FastifyRequest, reply: FastifyReply, status: number, errorId?: string) {
  reply.code(status).header("cache-control", PRIVATE_CACHE_CONTROL);
  if (wantsJson(request)) return sendProblem(reply, status, errorId);
  reply.type("text/html; charset=utf-8");
  try {
    const ctx = await buildPageContext(request);
    return reply.send(renderDocument(ErrorPage({ ctx, status, errorId })));
  } catch (renderError) {
    request.log.error({ err: renderError }, "error page could not be rendered");
    return reply.send(bareErrorHtml(status, errorId));
  }
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setNotFoundHandler(async (request, reply) => sendError(request, reply, 404));

  app.setErrorHandler(async (error, request, reply) => {
    if (error instanceof MovedError) {
      const query = request.url.includes("?") ? request.url.slice(request.url.indexOf("?")) : "";
      return reply.header("cache-control", "public, max-age=3600").redirect(error.location + query, 301);
    }
    const status = statusOf(error);
    if (error instanceof RateLimitedError) reply.header("retry-after", String(error.retryAfterSeconds));
    if (status === 503) reply.header("retry-after", String(RETRY_AFTER_OUTAGE_SECONDS));
    if (status >= 500) {
      const errorId = crypto.randomUUID();
      request.log.error({ err: error, errorId }, "request failed");
      return sendError(request, reply, status, errorId);
    }
    if (status === 404) request.log.debug({ err: error }, "not found");
    // A database data exception's message quotes the refused value: log its code only.
    else if (isDataException(error)) request.log.info({ err: { code: (error as { code: string }).code }, status }, "request rejected");
    else request.log.info({ err: { message: (error as Error).message }, status }, "request rejected");
    return sendError(request, reply, status);
  });
}
