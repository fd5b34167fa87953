// Who may enter the back office. Two layers, both deny by default:
// 1. `registerAdminGuard` (root level, every URL under /admin): a signed-in staff member,
//    enrolled in the second factor when an admin requires it. Anything else never reaches
//    a back-office handler, whatever a module forgets to declare.
// 2. `requireStaff(action)` on each route: the role x action table of core/auth/roles.ts.
//    Per-item rules (a contributor's own drafts) are checked by the services with can().
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { can, isStaff, type Action, type Role } from "../../core/auth/roles.js";
import { ForbiddenError } from "../../core/errors.js";

export interface StaffActor {
  id: number;
  role: Role;
  email: string;
  displayName: string;
  /** Label kept in the audit trail. */
  label: string;
  /** Second factor turned on (the dashboard suggests it otherwise). */
  totpEnabled: boolean;
}

/** Where a staff member who must enrol a second factor is sent; reachable before enrolment. */
export const ENROL_PATH = "/admin/securite/double-authentification";

function pathOf(url: string): string {
  return url.split("?")[0] ?? "";
}

function isAdminUrl(url: string): boolean {
  const path = pathOf(url);
  return path === "/admin" || path.startsWith("/admin/");
}

function signInRedirect(request: FastifyRequest, reply: FastifyReply) {
  const retour = request.method === "GET" ? request.url : "/admin";
  return reply.redirect(`/compte/connexion?retour=${encodeURIComponent(retour)}`, 303);
}

export function registerAdminGuard(app: FastifyInstance) {
  app.addHook("preHandler", async (request, reply) => {
    if (!isAdminUrl(request.url)) return;
    const session = request.session;
    if (!session) return signInRedirect(request, reply);
    if (!isStaff(session.user.role)) throw new ForbiddenError("Not staff");
    // The session was loaded with the account's row on this very request: its second-factor state is current.
    if (session.user.totpRequired && !session.user.totpEnabled && pathOf(request.url) !== ENROL_PATH) {
      if (request.method === "GET") return reply.redirect(ENROL_PATH, 303);
      throw new ForbiddenError("Second factor enrolment required");
    }
  });
}

/** The signed-in staff member; only call behind the guard. */
export function staffActor(request: FastifyRequest): StaffActor {
  const session = request.session;
  if (!session || !isStaff(session.user.role)) throw new ForbiddenError("Not staff");
  const { id, role, email, displayName, totpEnabled } = session.user;
  return { id, role, email, displayName, totpEnabled, label: displayName ? `${displayName} <${email}>` : email };
}

/** Route-level check: `{ preHandler: requireStaff("content.publish") }`. */
export function requireStaff(action: Action = "backoffice.access") {
  return async (request: FastifyRequest) => {
    const actor = staffActor(request);
    if (!can(actor, action)) throw new ForbiddenError(`Missing ${action}`);
  };
}
