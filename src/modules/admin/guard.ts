// Who may enter the back office. Two layers, both deny by default:
// 1. `registerAdminGuard` (root level, every URL under /admin): a signed-in staff member,
//    enrolled in the second factor when an admin requires it. Anything else never reaches
//    a back-office handler, whatever a module forgets to declare. "Under /admin" is decided
//    on the route the router matched AND on the decoded, normalised path, never on the raw
//    request line: the router decodes "/%61dmin/contenus" into the /admin/contenus route.
// 2. `requireStaff(action)` on each route: the role x action table of core/auth/roles.ts.
//    Per-item rules (a contributor's own drafts) are checked by the services with can().
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { can, isStaff, type Action, type Role } from "../../core/auth/roles.js";
import { ForbiddenError } from "../../core/errors.js";
import { signInHref } from "../../lib/return-path.js";

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

function isAdminPath(path: string): boolean {
  return path === "/admin" || path.startsWith("/admin/");
}

/**
 * Whether the guard applies. The matched route pattern says what will answer (a
 * back-office handler); the normalised path covers requests that reach the 404 handler
 * or the public catch-all ("/admin/nulle-part", "/ADMIN/contenus", "//admin"), which
 * are refused to non-staff too rather than answered. Either one is enough.
 */
export function isBackOfficeRequest(request: FastifyRequest): boolean {
  const route = request.routeOptions.url;
  if (route !== undefined && isAdminPath(route)) return true;
  return isAdminPath(normalisedPath(request.url));
}

function signInRedirect(request: FastifyRequest, reply: FastifyReply) {
  const retour = request.method === "GET" ? request.url : "/admin";
  return reply.redirect(signInHref(retour), 303);
}

export function registerAdminGuard(app: FastifyInstance) {
  // onRequest (the session is loaded by then, the route already matched): nothing of a
  // back-office route runs for someone the guard stops, not even body parsing or schema
  // validation, whose 400 answers would otherwise describe the route to anyone.
  app.addHook("onRequest", async (request, reply) => {
    if (!isBackOfficeRequest(request)) return;
    const session = request.session;
    if (!session) return signInRedirect(request, reply);
    if (!isStaff(session.user.role)) throw new ForbiddenError("Not staff");
    // The session was loaded with the account's row on this very request: its second-factor state is current.
    // Only the enrolment route itself is exempt (its pattern, not however the URL was spelled).
    if (session.user.totpRequired && !session.user.totpEnabled && request.routeOptions.url !== ENROL_PATH) {
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

/**
 * The path a request names once every spelling trick is undone: percent-decoded until
 * stable (double encoding), NFKC (full-width letters), lower case, backslashes as slashes,
 * ";params" dropped from each segment, empty and "." segments removed, ".." resolved.
 * Used only to decide whether a request is in the back office, never to route it.
 */
const PLAIN_PATH = /^(?:\/[a-z0-9_-]+)*\/?$/;

export function normalisedPath(url: string): string {
  let path = url.split(/[?#]/, 1)[0] ?? "";
  // Fast path for the common case (every request goes through here): lower-case ASCII
  // letters, digits, "-", "_" and single slashes have nothing to decode, fold or resolve.
  if (PLAIN_PATH.test(path)) return path.length > 1 && path.endsWith("/") ? path.slice(0, -1) : path;
  for (let i = 0; i < 5; i++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      break;
    }
    if (decoded === path) break;
    path = decoded;
  }
  path = path.normalize("NFKC").toLowerCase().replace(/\\/g, "/");
  const segments: string[] = [];
  for (const raw of path.split("/")) {
    const segment = (raw.split(";", 1)[0] ?? "").trim();
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(segment);
  }
  return `/${segments.join("/")}`;
}
