// CSRF protection on every state-changing request (POST, PUT, PATCH, DELETE):
//  1. a synchronizer token: the session's own token for a signed-in person, or, on the
//     forms of anonymous people (sign-in, sign-up...), a random token also set in an
//     HttpOnly cookie (double submit); sent as the `_csrf` form field or X-CSRF-Token;
//  2. a second layer from the browser: a cross-site Sec-Fetch-Site or a foreign Origin
//     is refused before the token is even read.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { randomToken, safeEqual } from "../auth/tokens.js";
import { ForbiddenError } from "../errors.js";
import { cookieNames, isSecure } from "./session.js";

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export class CsrfError extends ForbiddenError {
  constructor(reason: string) {
    super(`CSRF: ${reason}`);
    this.name = "CsrfError";
  }
}

/** The token to put in a form. For anonymous visitors it sets the cookie when needed. */
export function csrfTokenFor(request: FastifyRequest, reply: FastifyReply): string {
  if (request.session) return request.session.csrfToken;
  const secure = isSecure(request);
  const name = cookieNames(secure).csrf;
  const existing = request.cookies[name];
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
  const token = randomToken();
  reply.setCookie(name, token, { path: "/", httpOnly: true, sameSite: "lax", secure, maxAge: 4 * 3600 });
  request.cookies[name] = token;
  return token;
}

function sentToken(request: FastifyRequest): string | undefined {
  const header = request.headers["x-csrf-token"];
  if (typeof header === "string") return header;
  const body = request.body as Record<string, unknown> | undefined;
  const field = body && typeof body === "object" ? body._csrf : undefined;
  return typeof field === "string" ? field : undefined;
}

declare module "fastify" {
  interface FastifyContextConfig {
    /**
     * Set only by routes that read a multipart/form-data body themselves (uploads): such a
     * body is not parsed before the handler, so the hook cannot see its `_csrf` field. The
     * route must then call verifyCsrfToken() on the body's FIRST part, `_csrf`, before
     * reading anything else. The browser checks (Sec-Fetch-Site, Origin) still apply here,
     * and every other route keeps refusing a request without a token.
     */
    csrfInMultipartBody?: boolean;
    /**
     * Set only by a route whose URL carries a signed token that the handler verifies (the
     * digests' one-click unsubscribe, RFC 8058): no CSRF token is asked; the browser checks
     * still apply. The digests' tests list the routes that set it.
     */
    csrfSignedLink?: boolean;
  }
}

function isMultipart(request: FastifyRequest): boolean {
  return /^multipart\/form-data\s*;/i.test(request.headers["content-type"] ?? "");
}

/** Throws CsrfError unless `sent` is the expected token for this request. */
export function verifyCsrfToken(request: FastifyRequest, sent: string | undefined): void {
  const expected = request.session ? request.session.csrfToken : request.cookies[cookieNames(isSecure(request)).csrf];
  if (!sent || !expected || !safeEqual(sent, expected)) throw new CsrfError("missing or wrong token");
}

export function registerCsrf(app: FastifyInstance) {
  const allowedOrigin = new URL(app.deps.config.publicUrl).origin;
  // preValidation: the body is parsed by then (onRequest runs before parsing), and a forged
  // request is refused (403) before the route's schema judges its fields (a missing required
  // field would otherwise answer 400 to a request that should never have been read).
  app.addHook("preValidation", async (request) => {
    if (!UNSAFE.has(request.method)) return;
    if (request.headers["sec-fetch-site"] === "cross-site") throw new CsrfError("cross-site request");
    const origin = request.headers.origin;
    if (origin && origin !== "null") {
      const hostOrigin = `${request.protocol}://${request.headers.host ?? ""}`;
      if (origin !== allowedOrigin && origin !== hostOrigin) throw new CsrfError("foreign origin");
    } else if (origin === "null") {
      throw new CsrfError("opaque origin");
    }
    // A route authorised by a signed token in its own URL (the RFC 8058 one-click unsubscribe
    // of the digests, posted by mail providers without cookies): its handler checks the token.
    if (request.routeOptions.config.csrfSignedLink === true) return;
    const sent = sentToken(request);
    // Deferred to the route (see csrfInMultipartBody), which checks the body's first field.
    if (sent === undefined && isMultipart(request) && request.routeOptions.config.csrfInMultipartBody === true) return;
    verifyCsrfToken(request, sent);
  });
}
