// Routes of the second sign-in step (/compte/connexion/code). The pending step lives in
// its own short-lived cookie; the session cookie is only set once the code is right.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { csrfTokenFor } from "../../core/http/csrf.js";
import { field, formBody, noQuery, text } from "../../core/http/form.js";
import { servePage } from "../../core/http/render.js";
import { isSecure } from "../../core/http/session.js";
import { beginSecondFactor, completeSecondFactor, findPending, PENDING_TTL_MS, recordSignIn } from "./second-factor.js";
import { SecondFactorPage } from "./views/second-factor.js";

const codeBody = formBody({ code: text(64) });
const COOKIE_BASE = "portail_2fa";
const cookieName = (secure: boolean) => (secure ? "__Host-" : "") + COOKIE_BASE;

export async function startSecondFactor(request: FastifyRequest, reply: FastifyReply, userId: number, returnTo: string) {
  const secure = isSecure(request);
  const token = await beginSecondFactor(request.server.deps.db, userId, returnTo, request.server.deps.now());
  reply.setCookie(cookieName(secure), token, { path: "/", httpOnly: true, sameSite: "lax", secure, maxAge: Math.floor(PENDING_TTL_MS / 1000) });
  return reply.redirect("/compte/connexion/code", 303);
}

export async function secondFactorRoutes(app: FastifyInstance, startSession: (request: FastifyRequest, reply: FastifyReply, userId: number) => Promise<void>) {
  const page = (request: FastifyRequest, reply: FastifyReply, error?: string, status = 200) =>
    servePage(request, reply, async () => ({
      tags: [],
      private: true,
      status,
      render: (ctx) => <SecondFactorPage ctx={ctx} csrf={csrfTokenFor(request, reply)} error={error} />,
    }));

  app.get("/compte/connexion/code", { schema: { querystring: noQuery } }, async (request, reply) => {
    const pending = await findPending(app.deps.db, request.cookies[cookieName(isSecure(request))], app.deps.now());
    if (!pending) return reply.redirect("/compte/connexion", 303);
    return page(request, reply);
  });

  app.post("/compte/connexion/code", { schema: { body: codeBody } }, async (request, reply) => {
    const secure = isSecure(request);
    const code = field(request.body, "code");
    if (!code.trim()) {
      const pending = await findPending(app.deps.db, request.cookies[cookieName(secure)], app.deps.now());
      if (!pending) return reply.redirect("/compte/connexion", 303);
      return page(request, reply, "Saisissez le code affiché par votre application.", 400);
    }
    const result = await completeSecondFactor(app.deps.db, { token: request.cookies[cookieName(secure)], code, ip: request.ip, now: app.deps.now() });
    if (!result.ok && result.reason === "expired") {
      reply.clearCookie(cookieName(secure), { path: "/", httpOnly: true, sameSite: "lax", secure });
      return reply.redirect("/compte/connexion?statut=verification-expiree", 303);
    }
    if (!result.ok) {
      const left = result.attemptsLeft;
      return page(request, reply, `Code incorrect ou déjà utilisé. Il vous reste ${left} essai${left > 1 ? "s" : ""}.`, 400);
    }
    reply.clearCookie(cookieName(secure), { path: "/", httpOnly: true, sameSite: "lax", secure });
    await startSession(request, reply, result.userId);
    await recordSignIn(app.deps.db, result.userId, { secondFactor: result.method, recoveryCodesLeft: result.recoveryCodesLeft }, request.ip, app.deps.now());
    // A recovery code was spent: say how many are left, where new ones are made.
    const target = result.method === "recovery_code" ? "/admin/securite?statut=code-de-secours-utilise" : result.returnTo;
    return reply.redirect(target, 303);
  });
}
