// Server-side sessions. The cookie holds a random 256-bit token; the database holds its
// SHA-256, the owner, a CSRF token, and two expiries: idle (no request for 14 days) and
// absolute (30 days after sign-in). See docs/decisions/0006-accounts.md for the figures.
import type { DB } from "../db/create-db.js";
import type { Role } from "../db/schema.js";
import { hashToken, randomToken } from "./tokens.js";
import { isStaff } from "./roles.js";
export { listSessions, deleteOwnSession, touchSession } from "./queries.js";
import { deleteSession, deleteSessionByTokenHash, deleteUserSessions, findSessionByTokenHash, findUserRole, insertSession, touchSession } from "./queries.js";

export const SESSION_IDLE_MS = 14 * 86_400_000;
export const SESSION_ABSOLUTE_MS = 30 * 86_400_000;
/** Staff (back-office roles) get ASVS L2 limits: 30 minutes idle, 12 hours in all. */
export const STAFF_IDLE_MS = 30 * 60_000;
export const STAFF_ABSOLUTE_MS = 12 * 3600_000;

export function sessionLimits(role: Role): { idleMs: number; absoluteMs: number } {
  return isStaff(role) ? { idleMs: STAFF_IDLE_MS, absoluteMs: STAFF_ABSOLUTE_MS } : { idleMs: SESSION_IDLE_MS, absoluteMs: SESSION_ABSOLUTE_MS };
}
/** last_seen_at is written at most this often, so reads stay reads. */
const TOUCH_EVERY_MS = 5 * 60_000;

export interface CurrentUser {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  emailVerified: boolean;
  /** Second factor (staff): turned on, and whether an admin requires it. */
  totpEnabled: boolean;
  totpRequired: boolean;
  /**
   * Bumped in the database whenever the person's favourites or interests change, read with the
   * session: what a process keeps in memory about this person is valid for this version only.
   */
  personalVersion: number;
}

export interface CurrentSession {
  id: number;
  csrfToken: string;
  user: CurrentUser;
}

export async function createSession(db: DB, userId: number, userAgent: string, now: Date) {
  const user = await findUserRole(db, userId);
  const limits = sessionLimits(user.role);
  const token = randomToken();
  const csrfToken = randomToken();
  const row = await insertSession(db, {
    token_hash: hashToken(token),
    user_id: userId,
    csrf_token: csrfToken,
    created_at: now,
    last_seen_at: now,
    expires_at: new Date(now.getTime() + limits.absoluteMs),
    user_agent: userAgent.slice(0, 300),
  });
  return { token, csrfToken, id: row.id };
}

export async function loadSession(db: DB, token: string, now: Date): Promise<CurrentSession | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const row = await findSessionByTokenHash(db, hashToken(token));
  if (!row) return null;
  const idleExpired = now.getTime() - row.last_seen_at.getTime() > sessionLimits(row.role).idleMs;
  if (idleExpired || row.expires_at.getTime() <= now.getTime()) {
    await deleteSession(db, row.id);
    return null;
  }
  if (now.getTime() - row.last_seen_at.getTime() > Math.min(TOUCH_EVERY_MS, sessionLimits(row.role).idleMs / 10)) {
    await touchSession(db, row.id, now);
  }
  return {
    id: row.id,
    csrfToken: row.csrf_token,
    user: {
      id: row.user_id,
      email: row.email,
      displayName: row.display_name,
      role: row.role,
      emailVerified: row.email_verified_at !== null,
      totpEnabled: row.totp_enabled_at !== null,
      totpRequired: row.totp_required,
      personalVersion: row.personal_version,
    },
  };
}

export async function deleteSessionByToken(db: DB, token: string): Promise<void> {
  await deleteSessionByTokenHash(db, hashToken(token));
}

/** Ends every session of a user, or every one but `exceptId`. */
export async function revokeUserSessions(db: DB, userId: number, exceptId?: number): Promise<void> {
  await deleteUserSessions(db, userId, exceptId);
}
