// The second step of a staff sign-in. A correct password for an account with TOTP turns on
// opens no session: it opens a pending sign-in (random token in a cookie, its hash here),
// valid five minutes and five attempts, finished by a TOTP code or a recovery code.
// TOTP codes are single-use: the accepted step is stored with a conditional update, so a
// replayed or raced code is refused (see core/auth/totp.ts). Attempts also count against
// per-account and per-IP rate limits.
import type { DB } from "../../core/db/create-db.js";
import { recordEvent } from "../../core/audit.js";
import { isStaff } from "../../core/auth/roles.js";
import { consumeRecoveryCode, countUnusedRecoveryCodes, normaliseRecoveryCode } from "../../core/auth/recovery-codes.js";
import { hashToken, randomToken } from "../../core/auth/tokens.js";
import { verifyTotp } from "../../core/auth/totp.js";
import { hitRateLimit, RateLimitedError, type RateLimitRule } from "../../core/rate-limit.js";
import { countPendingAttempt, deletePendingSignIn, findPendingSignIn, findTotpState, findUserLabel, replacePendingSignIn, storeTotpStep } from "./queries.js";

export const PENDING_TTL_MS = 5 * 60_000;
export const PENDING_MAX_ATTEMPTS = 5;
const LIMITS = {
  perAccount: { limit: 10, windowMs: 15 * 60_000 },
  perIp: { limit: 30, windowMs: 15 * 60_000 },
} satisfies Record<string, RateLimitRule>;

export async function needsSecondFactor(db: DB, userId: number): Promise<boolean> {
  const user = await findTotpState(db, userId);
  return Boolean(user?.totp_enabled_at && user.totp_secret);
}

/** Opens the pending step; returns the token for the cookie. Older pending steps of the user end. */
export async function beginSecondFactor(db: DB, userId: number, returnTo: string, now: Date): Promise<string> {
  const token = randomToken();
  await replacePendingSignIn(db, { tokenHash: hashToken(token), userId, returnTo, now, expiresAt: new Date(now.getTime() + PENDING_TTL_MS) });
  return token;
}

export interface PendingSignIn {
  id: number;
  userId: number;
  returnTo: string;
}

export async function findPending(db: DB, token: string | undefined, now: Date): Promise<PendingSignIn | null> {
  if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const row = await findPendingSignIn(db, hashToken(token));
  if (!row || row.expires_at.getTime() <= now.getTime() || row.attempts >= PENDING_MAX_ATTEMPTS) return null;
  return { id: row.id, userId: row.user_id, returnTo: row.return_to };
}

export type SecondFactorResult =
  | { ok: true; userId: number; returnTo: string; method: "totp" | "recovery_code"; recoveryCodesLeft: number | null }
  | { ok: false; reason: "invalid"; attemptsLeft: number }
  | { ok: false; reason: "expired" };

/**
 * Checks a code against a pending sign-in. On success the pending row is gone and the
 * caller opens the session. Each failure uses one of the attempts; the last one ends the step.
 */
export async function completeSecondFactor(db: DB, input: { token: string | undefined; code: string; ip: string; now: Date }): Promise<SecondFactorResult> {
  const pending = await findPending(db, input.token, input.now);
  if (!pending) return { ok: false, reason: "expired" };
  for (const [key, rule] of [
    [`2fa:account:${pending.userId}`, LIMITS.perAccount],
    [`2fa:ip:${input.ip}`, LIMITS.perIp],
  ] as const) {
    const r = await hitRateLimit(db, key, rule, input.now);
    if (!r.allowed) throw new RateLimitedError(r.retryAfterSeconds);
  }
  // Count the attempt first (conditional, so parallel guesses cannot exceed the limit).
  const counted = await countPendingAttempt(db, pending.id, PENDING_MAX_ATTEMPTS);
  if (!counted) return { ok: false, reason: "expired" };

  const method = await checkCode(db, pending.userId, input.code, input.now);
  if (!method) {
    const attemptsLeft = PENDING_MAX_ATTEMPTS - counted.attempts;
    if (attemptsLeft <= 0) {
      await deletePendingSignIn(db, pending.id);
      return { ok: false, reason: "expired" };
    }
    return { ok: false, reason: "invalid", attemptsLeft };
  }
  // The row is deleted once: a second request finishing the same step in parallel gets nothing.
  const finished = await deletePendingSignIn(db, pending.id);
  if (!finished) return { ok: false, reason: "expired" };
  const recoveryCodesLeft = method === "recovery_code" ? await countUnusedRecoveryCodes(db, pending.userId) : null;
  return { ok: true, userId: pending.userId, returnTo: pending.returnTo, method, recoveryCodesLeft };
}

async function checkCode(db: DB, userId: number, code: string, now: Date): Promise<"totp" | "recovery_code" | null> {
  const user = await findTotpState(db, userId);
  if (!user?.totp_secret) return null;
  const typed = code.trim().slice(0, 64);
  if (/^[\d\s-]{6,9}$/.test(typed)) {
    const step = verifyTotp(user.totp_secret, typed, { now, lastStep: user.totp_last_step === null ? null : Number(user.totp_last_step) });
    if (step === null) return null;
    return (await storeTotpStep(db, userId, step)) ? "totp" : null;
  }
  if (normaliseRecoveryCode(typed) !== null && (await consumeRecoveryCode(db, userId, typed, now))) return "recovery_code";
  return null;
}

/** Back-office sign-ins go to the audit trail (residents' do not: they are not back-office events). */
export async function recordSignIn(
  db: DB,
  userId: number,
  details: { secondFactor: "totp" | "recovery_code" | "none"; recoveryCodesLeft?: number | null },
  ip: string,
  now: Date,
): Promise<void> {
  const user = await findUserLabel(db, userId);
  if (!user || !isStaff(user.role)) return;
  const label = user.display_name ? `${user.display_name} <${user.email}>` : user.email;
  await db.transaction().execute((trx) =>
    recordEvent(trx, {
      actor: { id: userId, label },
      action: "auth.sign_in",
      target: { type: "user", id: userId, label },
      details: { method: details.secondFactor, ...(details.recoveryCodesLeft != null ? { remaining: details.recoveryCodesLeft } : {}) },
      ip,
      at: now,
    }),
  );
}
