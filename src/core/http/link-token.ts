// Tokens of e-mailed links (address verification, password reset, staff invitation) must
// not stay in URLs: a URL ends up in the browser history, in Referer headers and in access
// logs, and whoever reads the token can take the account over. The link keeps its format
// (`/compte/reinitialiser?jeton=…`, mail clients need a plain link); its GET moves the
// token into a short-lived HttpOnly cookie scoped to that page and answers 303 to the same
// page without it, which then reads the token from the cookie.
import type { FastifyReply, FastifyRequest } from "fastify";
import { isSecure } from "./session.js";

/** Long enough to fill the form, short enough not to outlive its purpose. */
const MAX_AGE_SECONDS = 30 * 60;

export interface LinkPage {
  /** Path of the page the link opens; the cookie is sent to it only. */
  path: string;
  /** Short name for the cookie ("verifier", "reinitialiser", "invitation"). */
  purpose: string;
}

function cookieName(request: FastifyRequest, page: LinkPage): string {
  return `${isSecure(request) ? "__Secure-" : ""}portail_jeton_${page.purpose}`;
}

/**
 * When the request carries `?jeton=…`, keeps it in the page's cookie and redirects to
 * the page without it; returns the reply to send, or null when there is nothing to move.
 */
export function redirectWithoutToken(request: FastifyRequest, reply: FastifyReply, page: LinkPage): FastifyReply | null {
  const token = (request.query as { jeton?: unknown } | undefined)?.jeton;
  if (typeof token !== "string" || token === "") return null;
  reply.setCookie(cookieName(request, page), token, {
    path: page.path,
    httpOnly: true,
    // Lax: the link is opened from a mail client, a cross-site top-level navigation.
    sameSite: "lax",
    secure: isSecure(request),
    maxAge: MAX_AGE_SECONDS,
  });
  return reply.header("cache-control", "no-store").header("referrer-policy", "no-referrer").redirect(page.path, 303);
}

/** The token the link left for this page, or "". */
export function storedLinkToken(request: FastifyRequest, page: LinkPage): string {
  return request.cookies[cookieName(request, page)] ?? "";
}

/** Once the token is used, the browser need not keep it. */
export function forgetLinkToken(request: FastifyRequest, reply: FastifyReply, page: LinkPage): void {
  reply.clearCookie(cookieName(request, page), { path: page.path, httpOnly: true, sameSite: "lax", secure: isSecure(request) });
}
