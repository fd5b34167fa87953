// One place maps errors to responses: French HTML pages for browsers, RFC 9457 problem
// details for API clients. Users never see a stack trace; 5xx errors are logged with
// an id that the page shows, so a report can be matched to the log line.
import crypto from "node:crypto";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { ConflictError, ForbiddenError, MovedError, NotFoundError, ValidationError } from "../errors.js";
import { RateLimitedError } from "../rate-limit.js";
import { bareErrorHtml, ErrorPage, errorMessage } from "../../ui/error-page.js";
import { buildPageContext, cspNonce, PRIVATE_CACHE_CONTROL, renderDocument } from "./render.js";
import { withNonce } from "./nonce.js";

function statusOf(error: unknown): number {
  if (error instanceof RateLimitedError) return 429;
  if (error instanceof NotFoundError) return 404;
  if (error instanceof ForbiddenError) return 403;
  if (error instanceof ConflictError) return 409;
  if (error instanceof ValidationError) return 400;
  const e = error as Partial<FastifyError>;
  if (e.validation) return 400;
  if (typeof e.statusCode === "number" && e.statusCode >= 400 && e.statusCode < 600) return e.statusCode;
  return 500;
}

function wantsJson(request: FastifyRequest): boolean {
  if (request.url.startsWith("/api/")) return true;
  const accept = request.headers.accept ?? "";
  return accept.includes("application/json") && !accept.includes("text/html");
}

export async function sendError(request: FastifyRequest, reply: FastifyReply, status: number, errorId?: string) {
  reply.code(status).header("cache-control", PRIVATE_CACHE_CONTROL);
  if (wantsJson(request)) {
    const m = errorMessage(status);
    return reply
      .type("application/problem+json; charset=utf-8")
      .send({ type: "about:blank", title: m.title, status, detail: m.text, ...(errorId ? { errorId } : {}) });
  }
  reply.type("text/html; charset=utf-8");
  try {
    const ctx = await buildPageContext(request);
    return reply.send(withNonce(renderDocument(ErrorPage({ ctx, status, errorId })), cspNonce(reply)));
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
    if (status >= 500) {
      const errorId = crypto.randomUUID();
      request.log.error({ err: error, errorId }, "request failed");
      return sendError(request, reply, status, errorId);
    }
    if (status === 404) request.log.debug({ err: error }, "not found");
    else request.log.info({ err: { message: (error as Error).message }, status }, "request rejected");
    return sendError(request, reply, status);
  });
}
