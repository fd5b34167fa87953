// Account use cases. Each takes its dependencies and plain input, validates it, owns its
// transaction, and throws typed errors (ValidationError with French field messages,
// RateLimitedError) that the routes turn into pages.
import { personalCacheOf } from "../../core/http/personal-cache.js";
import type { DB } from "../../core/db/create-db.js";
import { NotFoundError, ValidationError } from "../../core/errors.js";
import { hashPassword, passwordProblem, verifyAgainstDummy, verifyPassword } from "../../core/auth/passwords.js";
import { deleteOwnSession, listSessions, revokeUserSessions } from "../../core/auth/sessions.js";
import { hashToken } from "../../core/auth/tokens.js";
import { enqueue } from "../../core/jobs/queue.js";
import type { Mailer } from "../../core/mail/mailer.js";
import { mails } from "./mails.js";
import { hitRateLimit, RateLimitedError, type RateLimitRule } from "../../core/rate-limit.js";
import { listNeighbourhoods, neighbourhoodExists, themeChoices } from "../places/index.js";
import {
  presentPlaceChoices,
  presentPreferences,
  presentSession,
  presentThemeChoices,
  type Choice,
  type PreferencesValues,
  type SessionView,
} from "./present.js";
import * as q from "./queries.js";
import type { FieldErrors } from "../../core/http/form.js";
import { displayNameProblem, emailProblem, normaliseEmail } from "./validate.js";
import { mostActiveTheme } from "../content/index.js";
import { dropErasedPages, eraseParticipation } from "../participation/index.js";
import type { PageCache } from "../../core/http/page-cache.js";

export interface AccountDeps {
  db: DB;
  now: () => Date;
  mailer: Mailer;
  publicUrl: string;
  siteName: string;
  /** Tells this process's job worker that a job is waiting (see core/jobs/queue.ts). */
  wakeJobs?: () => void;
  /** Drops cached public pages (an erased account's comments). */
  pageCache?: Pick<PageCache, "invalidateTags">;
}

export const VERIFY_LIFETIME_MS = 24 * 3600_000;
export const RESET_LIFETIME_MS = 3600_000;

/** Documented in docs/decisions/0006-accounts.md. */
export const LIMITS = {
  signInPerIp: { limit: 30, windowMs: 15 * 60_000 },
  signInPerAccount: { limit: 10, windowMs: 15 * 60_000 },
  signUpPerIp: { limit: 10, windowMs: 60 * 60_000 },
  resetPerIp: { limit: 10, windowMs: 60 * 60_000 },
  resetPerAccount: { limit: 5, windowMs: 60 * 60_000 },
  verifyPerIp: { limit: 30, windowMs: 60 * 60_000 },
  resendPerAccount: { limit: 5, windowMs: 60 * 60_000 },
  emailChangePerAccount: { limit: 5, windowMs: 60 * 60_000 },
  emailChangePerIp: { limit: 10, windowMs: 60 * 60_000 },
} satisfies Record<string, RateLimitRule>;

async function enforce(deps: AccountDeps, key: string, rule: RateLimitRule) {
  const r = await hitRateLimit(deps.db, key, rule, deps.now());
  if (!r.allowed) throw new RateLimitedError(r.retryAfterSeconds);
}

/** Account keys are hashed so the rate-limit table holds no e-mail address. */
const accountKey = (email: string) => hashToken(normaliseEmail(email)).slice(0, 32);

const url = (deps: AccountDeps, path: string) => new URL(path, `${deps.publicUrl}/`).toString();

function passwordContext(deps: AccountDeps, email: string): string[] {
  return [deps.siteName, ...deps.siteName.split(/[\s’'-]+/), email.split("@")[0] ?? ""];
}

export interface SignUpInput {
  email: string;
  password: string;
  displayName: string;
  themeIds: number[];
  neighbourhoodIds: number[];
  digestConsent: boolean;
  ip: string;
}

export async function signUp(deps: AccountDeps, input: SignUpInput): Promise<void> {
  const email = normaliseEmail(input.email);
  const errors: FieldErrors = {};
  const e = emailProblem(email);
  if (e) errors.email = e;
  const p = passwordProblem(input.password, passwordContext(deps, email));
  if (p) errors.password = p;
  const d = displayNameProblem(input.displayName.trim());
  if (d) errors.displayName = d;
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  await enforce(deps, `signup:ip:${input.ip}`, LIMITS.signUpPerIp);

  // Both outcomes do the same expensive work, so neither the answer nor its time tells
  // whether the address has an account: one Argon2 hash, one transaction that tries the
  // insert (the unique index on lower(email) makes it a no-op for a known address, also
  // for two sign-ups racing) and queues one e-mail. The e-mail leaves later, from the job
  // worker: a slow mail server cannot slow or fail this request.
  const passwordHash = await hashPassword(input.password);
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const created = await q.insertUserUnlessTaken(trx, { email, passwordHash, displayName: input.displayName.trim(), digestConsent: input.digestConsent, now });
    if (!created) {
      await deps.mailer.send(mails.alreadyRegistered(email, deps.siteName, url(deps, "/compte/connexion"), url(deps, "/compte/mot-de-passe-oublie")), trx);
      return;
    }
    await q.setInterests(trx, created.id, input.themeIds, input.neighbourhoodIds);
    const token = await q.createUserToken(trx, created.id, "verify_email", VERIFY_LIFETIME_MS, now, email);
    await deps.mailer.send(mails.verifyEmail(email, deps.siteName, url(deps, `/compte/verifier?jeton=${token}`)), trx);
  });
}

/** Confirms an address. Returns the user id, or null for a bad, used or expired link. */
export async function verifyEmail(deps: AccountDeps, token: string, ip: string): Promise<number | null> {
  await enforce(deps, `verify:ip:${ip}`, LIMITS.verifyPerIp);
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const used = await q.consumeUserToken(trx, token, "verify_email", now);
    if (!used?.email) return null;
    const user = await q.findUserById(trx, used.user_id);
    if (!user) return null;
    const changing = user.email.toLowerCase() !== used.email.toLowerCase();
    if (changing) {
      const taken = await q.findUserByEmail(trx, used.email);
      if (taken) return null;
    }
    await q.setVerifiedEmail(trx, user.id, used.email, now);
    if (changing) await deps.mailer.send(mails.emailChanged(user.email, deps.siteName, used.email), trx);
    return user.id;
  });
}

export async function resendVerification(deps: AccountDeps, userId: number, ip: string): Promise<void> {
  await enforce(deps, `verify:ip:${ip}`, LIMITS.verifyPerIp);
  await enforce(deps, `resend:account:${userId}`, LIMITS.resendPerAccount);
  const user = await q.findUserById(deps.db, userId);
  if (!user || user.email_verified_at) return;
  await deps.db.transaction().execute(async (trx) => {
    const token = await q.createUserToken(trx, user.id, "verify_email", VERIFY_LIFETIME_MS, deps.now(), user.email);
    await deps.mailer.send(mails.verifyEmail(user.email, deps.siteName, url(deps, `/compte/verifier?jeton=${token}`)), trx);
  });
}

/** Returns the user id when the credentials are right; null otherwise (same time either way). */
export async function signIn(deps: AccountDeps, input: { email: string; password: string; ip: string }): Promise<number | null> {
  const email = normaliseEmail(input.email);
  await enforce(deps, `signin:ip:${input.ip}`, LIMITS.signInPerIp);
  await enforce(deps, `signin:account:${accountKey(email)}`, LIMITS.signInPerAccount);
  const user = email && input.password.length <= 1024 ? await q.findUserByEmail(deps.db, email) : undefined;
  if (!user) {
    await verifyAgainstDummy(input.password.slice(0, 1024));
    return null;
  }
  if (!(await verifyPassword(user.password_hash, input.password))) return null;
  await q.recordLastSignIn(deps.db, user.id, deps.now());
  return user.id;
}

export const RESET_REQUEST_JOB = "account.reset_request";

export async function requestPasswordReset(deps: AccountDeps, input: { email: string; ip: string }): Promise<void> {
  const email = normaliseEmail(input.email);
  const problem = emailProblem(email);
  if (problem) throw new ValidationError({ email: problem });
  await enforce(deps, `reset:ip:${input.ip}`, LIMITS.resetPerIp);
  await enforce(deps, `reset:account:${accountKey(email)}`, LIMITS.resetPerAccount);
  // The request never looks the address up: it queues a job that does (jobs.ts), so a
  // known and an unknown address cost the same insert and get the same answer.
  await enqueue(deps.db, RESET_REQUEST_JOB, { email }, deps.now());
  deps.wakeJobs?.();
}

/** The job behind requestPasswordReset: a link for an account, nothing for an unknown address. */
export async function sendPasswordReset(deps: AccountDeps, email: string): Promise<void> {
  const user = await q.findUserByEmail(deps.db, normaliseEmail(email));
  if (!user) return;
  await deps.db.transaction().execute(async (trx) => {
    const token = await q.createUserToken(trx, user.id, "reset_password", RESET_LIFETIME_MS, deps.now());
    await deps.mailer.send(mails.resetPassword(user.email, deps.siteName, url(deps, `/compte/reinitialiser?jeton=${token}`)), trx);
  });
}

export async function isResetTokenValid(deps: AccountDeps, token: string): Promise<boolean> {
  return (await q.peekUserToken(deps.db, token, "reset_password", deps.now())) !== undefined;
}

/** Sets a new password from a reset link; ends every session; the link proves the address too. */
export async function resetPassword(deps: AccountDeps, input: { token: string; password: string; ip: string }): Promise<number | null> {
  await enforce(deps, `reset:ip:${input.ip}`, LIMITS.resetPerIp);
  const now = deps.now();
  const peek = await q.peekUserToken(deps.db, input.token, "reset_password", now);
  if (!peek) return null;
  const user = await q.findUserById(deps.db, peek.user_id);
  if (!user) return null;
  const problem = passwordProblem(input.password, passwordContext(deps, user.email));
  if (problem) throw new ValidationError({ password: problem });
  const passwordHash = await hashPassword(input.password);
  const userId = await deps.db.transaction().execute(async (trx) => {
    const used = await q.consumeUserToken(trx, input.token, "reset_password", now);
    if (!used) return null;
    await q.setPassword(trx, used.user_id, passwordHash, now, { confirmsEmail: true });
    await q.useUpTokens(trx, used.user_id, "reset_password", now);
    await revokeUserSessions(trx, used.user_id);
    await deps.mailer.send(mails.passwordChanged(user.email, deps.siteName, url(deps, "/compte/mot-de-passe-oublie")), trx);
    return used.user_id;
  });
  return userId;
}

export async function changePassword(deps: AccountDeps, input: { userId: number; sessionId: number; current: string; next: string }) {
  const user = await q.findUserById(deps.db, input.userId);
  if (!user) throw new ValidationError({ current: "Compte introuvable." });
  const errors: FieldErrors = {};
  if (!(await verifyPassword(user.password_hash, input.current))) errors.current = "Le mot de passe actuel est incorrect.";
  const problem = passwordProblem(input.next, passwordContext(deps, user.email));
  if (problem) errors.next = problem;
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  const now = deps.now();
  const passwordHash = await hashPassword(input.next);
  await deps.db.transaction().execute(async (trx) => {
    await q.setPassword(trx, user.id, passwordHash, now);
    await revokeUserSessions(trx, user.id, input.sessionId);
    await deps.mailer.send(mails.passwordChanged(user.email, deps.siteName, url(deps, "/compte/mot-de-passe-oublie")), trx);
  });
}

export interface PreferencesInput {
  userId: number;
  displayName: string;
  themeIds: number[];
  neighbourhoodIds: number[];
  digestConsent: boolean;
}

export async function updatePreferences(deps: AccountDeps, input: PreferencesInput): Promise<void> {
  const d = displayNameProblem(input.displayName.trim());
  if (d) throw new ValidationError({ displayName: d });
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const user = await q.findUserById(trx, input.userId);
    if (!user) return;
    await q.updateProfile(trx, input.userId, {
      displayName: input.displayName.trim(),
      digestConsent: input.digestConsent,
      // The date records when consent was given; withdrawing clears it.
      digestConsentAt: input.digestConsent ? (user.digest_consent ? user.digest_consent_at : now) : null,
      now,
    });
    await q.setInterests(trx, input.userId, input.themeIds, input.neighbourhoodIds);
  });
  // The triggers bumped the version for later requests; this one may render right after.
  personalCacheOf(deps.db)?.forget(input.userId);
}

/** Adds one theme or place to a person's interests ("Suivre ce quartier"). */
export async function follow(deps: Pick<AccountDeps, "db">, userId: number, what: { themeId?: number; neighbourhoodId?: number }) {
  if (what.themeId) await q.addThemeInterest(deps.db, userId, what.themeId);
  if (what.neighbourhoodId) await q.addNeighbourhoodInterest(deps.db, userId, what.neighbourhoodId);
  personalCacheOf(deps.db)?.forget(userId);
}

/**
 * "Suivre ce quartier" / "Ne plus suivre": one existing neighbourhood in or out of the
 * interests (NotFoundError for an unknown one). Both ways are idempotent.
 */
export async function setFollowed(deps: Pick<AccountDeps, "db">, userId: number, neighbourhoodId: number, followed: boolean): Promise<void> {
  if (!(await neighbourhoodExists(deps.db, neighbourhoodId))) throw new NotFoundError();
  if (followed) await q.addNeighbourhoodInterest(deps.db, userId, neighbourhoodId);
  else await q.removeNeighbourhoodInterest(deps.db, userId, neighbourhoodId);
  personalCacheOf(deps.db)?.forget(userId);
}

/** Ends one of the person's own sessions ("Mes connexions"); another account's id is a 404. */
export async function revokeOwnSession(deps: Pick<AccountDeps, "db">, userId: number, sessionId: number): Promise<void> {
  if (!(await deleteOwnSession(deps.db, userId, sessionId))) throw new NotFoundError();
}

/**
 * The new address is used only once confirmed from a link sent to it. Limited per account
 * and per IP like the other forms that send mail (each request mails an address of the
 * requester's choosing, and checks a password); refused requests count too.
 */
export async function requestEmailChange(deps: AccountDeps, input: { userId: number; newEmail: string; password: string; ip: string }) {
  const email = normaliseEmail(input.newEmail);
  const user = await q.findUserById(deps.db, input.userId);
  if (!user) return;
  await enforce(deps, `email:ip:${input.ip}`, LIMITS.emailChangePerIp);
  await enforce(deps, `email:account:${user.id}`, LIMITS.emailChangePerAccount);
  const errors: FieldErrors = {};
  const e = emailProblem(email);
  if (e) errors.newEmail = e;
  else if (email === normaliseEmail(user.email)) errors.newEmail = "C’est déjà l’adresse de votre compte.";
  if (!(await verifyPassword(user.password_hash, input.password))) errors.emailPassword = "Le mot de passe est incorrect.";
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  // Whether the address is taken is not revealed: the link simply will not apply.
  await deps.db.transaction().execute(async (trx) => {
    const token = await q.createUserToken(trx, user.id, "verify_email", VERIFY_LIFETIME_MS, deps.now(), email);
    await deps.mailer.send(mails.verifyNewEmail(email, deps.siteName, url(deps, `/compte/verifier?jeton=${token}`)), trx);
  });
}

export async function deleteAccount(deps: AccountDeps, input: { userId: number; password: string }): Promise<void> {
  const user = await q.findUserById(deps.db, input.userId);
  if (!user) return;
  if (!(await verifyPassword(user.password_hash, input.password))) throw new ValidationError({ password: "Le mot de passe est incorrect." });
  // One statement in one transaction: sessions, tokens, interests and favourites go with
  // the row (ON DELETE CASCADE), so nothing personal is left and every session ends.
  // Participation: comments lose their text first ("Contribution supprimée", decision 0017).
  const erasedPages = await deps.db.transaction().execute(async (trx) => {
    const tags = await eraseParticipation(trx, user.id, deps.now());
    await q.deleteUser(trx, user.id);
    return tags;
  });
  dropErasedPages(deps.pageCache, erasedPages);
}

// ---- what the account pages show

/** The interest checkboxes: themes and neighbourhoods in menu order (QPV labelled as such). */
export async function interestChoices(db: DB): Promise<{ themes: Choice[]; places: Choice[] }> {
  const [themes, places] = await Promise.all([themeChoices(db), listNeighbourhoods(db)]);
  return { themes: presentThemeChoices(themes), places: presentPlaceChoices(places) };
}

/** The theme with the most content published in the last 90 days: suggested at sign-up. */
export async function suggestedTheme(db: DB, now: Date): Promise<{ id: number; name: string } | null> {
  const row = await mostActiveTheme(db, new Date(now.getTime() - 90 * 86_400_000));
  return row ? { id: row.id, name: row.name } : null;
}

export async function preferencesValues(db: DB, userId: number): Promise<PreferencesValues | null> {
  const [user, interests] = await Promise.all([q.findUserById(db, userId), q.findInterests(db, userId)]);
  return user ? presentPreferences(user, interests) : null;
}

export async function interestCount(db: DB, userId: number): Promise<number> {
  const interests = await q.findInterests(db, userId);
  return interests.themeIds.length + interests.neighbourhoodIds.length;
}

/** "Mes connexions": the person's sessions, most recently used first, this one marked. */
export async function sessionsOf(db: DB, userId: number, currentSessionId: number): Promise<SessionView[]> {
  return (await listSessions(db, userId)).map((row) => presentSession(row, currentSessionId));
}
