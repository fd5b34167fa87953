// Reads the session cookie on every request and attaches the signed-in person, if any.
// Anonymous requests get no cookie at all. The cookie is __Host- prefixed and Secure
// when the site is served over HTTPS.
import cookie from "@fastify/cookie";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { loadSession, type CurrentSession } from "../auth/sessions.js";
import { SESSION_ABSOLUTE_MS } from "../auth/sessions.js";
import { installPersonalCache } from "./personal-cache.js";

declare module "fastify" {
  interface FastifyRequest {
    session: CurrentSession | null;
  }
}

export const SESSION_COOKIE_BASE = "portail_session";
export const CSRF_COOKIE_BASE = "portail_csrf";

export function cookieNames(secure: boolean) {
  const prefix = secure ? "__Host-" : "";
  return { session: prefix + SESSION_COOKIE_BASE, csrf: prefix + CSRF_COOKIE_BASE };
}

export async function registerSession(app: FastifyInstance) {
  await app.register(cookie);
  const secure = app.deps.config.publicUrl.startsWith("https://");
  const names = cookieNames(secure);
  app.decorateRequest("session", null);
  const personal = installPersonalCache(app);
  app.addHook("onRequest", async (request, reply) => {
    const token = request.cookies[names.session];
    if (!token) return;
    const session = await loadSession(app.deps.db, token, app.deps.now());
    if (session) {
      request.session = session;
      // Before any route reads what is kept about this person: a changed version drops it.
      personal.note(session.user.id, session.user.personalVersion);
    } else clearSessionCookie(reply, secure);
  });
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean) {
  reply.setCookie(cookieNames(secure).session, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure,
    maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean) {
  reply.clearCookie(cookieNames(secure).session, { path: "/", httpOnly: true, sameSite: "lax", secure });
}

export function isSecure(request: FastifyRequest): boolean {
  return request.server.deps.config.publicUrl.startsWith("https://");
}
