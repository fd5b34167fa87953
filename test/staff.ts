// Staff members for back-office tests: an account of a given role, signed in directly
// (a session row and its cookie, as the sign-in form would leave them), and a helper that
// checks one route against every role: the "role x action" permission tables.
import { expect } from "vitest";
import type { LightMyRequestResponse } from "fastify";
import { ROLES, type Role } from "../src/core/auth/roles.js";
import { createSession } from "../src/core/auth/sessions.js";
import { hashPassword } from "../src/core/auth/passwords.js";
import { Agent } from "./agent.js";
import type { TestWorld } from "./helpers.js";

let staffCount = 0;

export const STAFF_PASSWORD = "Quartier-Fives-2030!";

export interface StaffMember {
  id: number;
  email: string;
  role: Role;
  agent: StaffAgent;
}

/** An Agent signed in as one person, that knows its session's CSRF token. */
export class StaffAgent extends Agent {
  csrfToken = "";
  /** POST with the session's CSRF token added (no page load needed). */
  send(url: string, form: Record<string, string | string[]> = {}, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.post(url, { _csrf: this.csrfToken, ...form }, headers);
  }
}

let passwordHash: Promise<string> | null = null;

export async function createStaff(
  world: TestWorld,
  role: Role,
  options: { displayName?: string; email?: string; totpRequired?: boolean; signedIn?: boolean } = {},
): Promise<StaffMember> {
  staffCount++;
  const email = options.email ?? `${role}-${staffCount}-${Math.random().toString(36).slice(2, 8)}@ville.test`;
  passwordHash ??= hashPassword(STAFF_PASSWORD);
  const row = await world.db
    .insertInto("users")
    .values({
      email,
      password_hash: await passwordHash,
      role,
      display_name: options.displayName ?? `${role[0]!.toUpperCase()}${role.slice(1)} ${staffCount}`,
      email_verified_at: world.clock.now,
      totp_required: options.totpRequired ?? false,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const agent = new StaffAgent(world.app);
  if (options.signedIn !== false) await signIn(world, agent, row.id);
  return { id: row.id, email, role, agent };
}

/** Opens a session for the user on the agent, as a completed sign-in would. */
export async function signIn(world: TestWorld, agent: StaffAgent, userId: number): Promise<void> {
  const session = await createSession(world.db, userId, "test", world.clock.now);
  const secure = world.config.publicUrl.startsWith("https://");
  agent.cookies.set(secure ? "__Host-portail_session" : "portail_session", session.token);
  agent.csrfToken = session.csrfToken;
}

export type Who = Role | "anonymous";
export const EVERYONE: readonly Who[] = ["anonymous", ...ROLES];

export interface RouteCheck {
  method: "GET" | "POST";
  url: string | ((who: Who) => string | Promise<string>);
  form?: Record<string, string | string[]> | ((who: Who) => Record<string, string | string[]> | Promise<Record<string, string | string[]>>);
  /** Roles that get through; everyone else is refused (anonymous: sent to sign in, or stopped by CSRF on a POST). */
  allowed: readonly Role[];
}

/** Outcome of one request for the table: let through, refused, or sent to sign in. */
export function outcome(res: LightMyRequestResponse): "allowed" | "refused" | "sign-in" {
  if (res.statusCode === 403) return "refused";
  if (res.statusCode === 303 && String(res.headers.location ?? "").startsWith("/compte/connexion")) return "sign-in";
  return "allowed";
}

/**
 * Runs the check once per role (and anonymously), each time with a fresh signed-in
 * member of that role, and asserts who gets through. Returns the responses by role for
 * further assertions.
 */
export async function expectPermissions(world: TestWorld, check: RouteCheck): Promise<Map<Who, LightMyRequestResponse>> {
  const responses = new Map<Who, LightMyRequestResponse>();
  const seen: Record<string, string> = {};
  const expected: Record<string, string> = {};
  for (const who of EVERYONE) {
    const agent = who === "anonymous" ? new StaffAgent(world.app) : (await createStaff(world, who)).agent;
    const url = typeof check.url === "function" ? await check.url(who) : check.url;
    const form = typeof check.form === "function" ? await check.form(who) : (check.form ?? {});
    const res = check.method === "GET" ? await agent.get(url) : await agent.send(url, form);
    responses.set(who, res);
    const got = outcome(res);
    // A visitor is sent to sign in (GET) or stopped by the CSRF check before anything else (POST): both keep them out.
    seen[who] = who === "anonymous" && got !== "allowed" ? "kept out" : got;
    expected[who] = who === "anonymous" ? "kept out" : check.allowed.includes(who) ? "allowed" : "refused";
    if (seen[who] === "allowed") expect(res.statusCode, `${check.method} ${url} as ${who}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
  }
  expect(seen, `${check.method} ${typeof check.url === "string" ? check.url : "(per role)"}`).toEqual(expected);
  return responses;
}

/** Signs a browser context in as the user (a session cookie for the world's origin). */
export async function signInBrowser(
  world: TestWorld & {
    baseUrl: string;
    context: { addCookies(cookies: Array<{ name: string; value: string; url: string; httpOnly?: boolean; sameSite?: "Lax" }>): Promise<void> };
  },
  userId: number,
): Promise<void> {
  const session = await createSession(world.db, userId, "browser", world.clock.now);
  const secure = world.config.publicUrl.startsWith("https://");
  await world.context.addCookies([
    { name: secure ? "__Host-portail_session" : "portail_session", value: session.token, url: world.baseUrl, httpOnly: true, sameSite: "Lax" },
  ]);
}
