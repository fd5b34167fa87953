// The guard of every page of a signed-in resident (the accounts and favourites routes).
import type { FastifyReply, FastifyRequest } from "fastify";
import type { CurrentSession } from "../../core/auth/sessions.js";
import { signInHref } from "../../lib/return-path.js";

/** Anonymous visitors are sent to sign in, and brought back here afterwards (null: the reply is sent). */
export function requireSession(request: FastifyRequest, reply: FastifyReply): CurrentSession | null {
  if (request.session) return request.session;
  const back = request.method === "GET" ? request.url : "/compte";
  void reply.redirect(signInHref(back), 303);
  return null;
}
