// The accounts module's tables: users, user_themes, user_neighbourhoods, user_tokens and
// pending_sign_ins.
import { sql } from "kysely";
import type { DB } from "../../core/db/create-db.js";
import type { TokenPurpose } from "../../core/db/schema.js";
import { hashToken, randomToken } from "../../core/auth/tokens.js";
import { existingNeighbourhoodIds, existingThemeIds } from "../places/index.js";

// ---- users

export async function findUserByEmail(db: DB, email: string) {
  return db
    .selectFrom("users")
    .select(["id", "email", "password_hash", "email_verified_at", "display_name", "role"])
    .where(sql`lower(email)`, "=", email.toLowerCase())
    .executeTakeFirst();
}

export async function findUserById(db: DB, id: number) {
  return db
    .selectFrom("users")
    .select([
      "id",
      "email",
      "password_hash",
      "email_verified_at",
      "display_name",
      "role",
      "digest_consent",
      "digest_consent_at",
      "created_at",
      "updated_at",
      "last_sign_in_at",
      "password_changed_at",
    ])
    .where("id", "=", id)
    .executeTakeFirst();
}

export interface NewUser {
  email: string;
  passwordHash: string;
  displayName: string;
  digestConsent: boolean;
  now: Date;
}

/** Inserts an account; undefined when the address is taken (the unique index on lower(email) makes it a no-op). */
export async function insertUserUnlessTaken(db: DB, u: NewUser) {
  return db
    .insertInto("users")
    .values({
      email: u.email,
      password_hash: u.passwordHash,
      display_name: u.displayName,
      digest_consent: u.digestConsent,
      digest_consent_at: u.digestConsent ? u.now : null,
      created_at: u.now,
      updated_at: u.now,
      password_changed_at: u.now,
    })
    .onConflict((oc) => oc.doNothing())
    .returning("id")
    .executeTakeFirst();
}

/** The address confirmed from a link (a new one replaces the old). */
export async function setVerifiedEmail(db: DB, userId: number, email: string, now: Date): Promise<void> {
  await db.updateTable("users").set({ email, email_verified_at: now, updated_at: now }).where("id", "=", userId).execute();
}

export async function recordLastSignIn(db: DB, userId: number, now: Date): Promise<void> {
  await db.updateTable("users").set({ last_sign_in_at: now }).where("id", "=", userId).execute();
}

/** A new password; a reset link also proves the address, so it confirms an unconfirmed one. */
export async function setPassword(db: DB, userId: number, passwordHash: string, now: Date, opts: { confirmsEmail?: boolean } = {}): Promise<void> {
  await db
    .updateTable("users")
    .set({
      password_hash: passwordHash,
      password_changed_at: now,
      updated_at: now,
      ...(opts.confirmsEmail ? { email_verified_at: sql<Date>`coalesce(email_verified_at, ${now})` } : {}),
    })
    .where("id", "=", userId)
    .execute();
}

export async function updateProfile(
  db: DB,
  userId: number,
  p: { displayName: string; digestConsent: boolean; digestConsentAt: Date | null; now: Date },
): Promise<void> {
  await db
    .updateTable("users")
    .set({ display_name: p.displayName, digest_consent: p.digestConsent, digest_consent_at: p.digestConsentAt, updated_at: p.now })
    .where("id", "=", userId)
    .execute();
}

/** Sessions, tokens, interests and favourites go with the row (ON DELETE CASCADE). */
export async function deleteUser(db: DB, userId: number): Promise<void> {
  await db.deleteFrom("users").where("id", "=", userId).execute();
}

/** Who signs in, for the audit trail of back-office sign-ins. */
export async function findUserLabel(db: DB, userId: number) {
  return db.selectFrom("users").select(["email", "display_name", "role"]).where("id", "=", userId).executeTakeFirst();
}

// ---- second factor (TOTP columns of users)

export async function findTotpState(db: DB, userId: number) {
  return db.selectFrom("users").select(["totp_enabled_at", "totp_secret", "totp_last_step"]).where("id", "=", userId).executeTakeFirst();
}

/** Stores the accepted TOTP step only if it is newer than the last one: a replayed or raced code stores nothing (false). */
export async function storeTotpStep(db: DB, userId: number, step: number): Promise<boolean> {
  const stored = await db
    .updateTable("users")
    .set({ totp_last_step: step })
    .where("id", "=", userId)
    .where((eb) => eb.or([eb("totp_last_step", "is", null), eb("totp_last_step", "<", step)]))
    .returning("id")
    .executeTakeFirst();
  return stored !== undefined;
}

// ---- interests

export async function findInterests(db: DB, userId: number) {
  const [themes, places] = await Promise.all([
    db.selectFrom("user_themes").select(["theme_id", "created_at"]).where("user_id", "=", userId).execute(),
    db.selectFrom("user_neighbourhoods").select(["neighbourhood_id", "created_at"]).where("user_id", "=", userId).execute(),
  ]);
  return { themeIds: themes.map((t) => t.theme_id), neighbourhoodIds: places.map((p) => p.neighbourhood_id), themes, places };
}

/** Replaces a user's interests with the given ids, keeping only ids that exist. */
export async function setInterests(db: DB, userId: number, themeIds: number[], neighbourhoodIds: number[]) {
  await db.deleteFrom("user_themes").where("user_id", "=", userId).execute();
  await db.deleteFrom("user_neighbourhoods").where("user_id", "=", userId).execute();
  const [themes, places] = [await existingThemeIds(db, themeIds), await existingNeighbourhoodIds(db, neighbourhoodIds)];
  if (themes.length > 0)
    await db
      .insertInto("user_themes")
      .values(themes.map((id) => ({ user_id: userId, theme_id: id })))
      .execute();
  if (places.length > 0)
    await db
      .insertInto("user_neighbourhoods")
      .values(places.map((id) => ({ user_id: userId, neighbourhood_id: id })))
      .execute();
}

export async function addThemeInterest(db: DB, userId: number, themeId: number): Promise<void> {
  await db
    .insertInto("user_themes")
    .values({ user_id: userId, theme_id: themeId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function addNeighbourhoodInterest(db: DB, userId: number, neighbourhoodId: number): Promise<void> {
  await db
    .insertInto("user_neighbourhoods")
    .values({ user_id: userId, neighbourhood_id: neighbourhoodId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function removeNeighbourhoodInterest(db: DB, userId: number, neighbourhoodId: number): Promise<void> {
  await db.deleteFrom("user_neighbourhoods").where("user_id", "=", userId).where("neighbourhood_id", "=", neighbourhoodId).execute();
}

/** The neighbourhoods a person follows, for the "Suivre ce quartier" buttons of every page. */
export async function followedNeighbourhoods(db: DB, userId: number): Promise<Set<number>> {
  const rows = await db.selectFrom("user_neighbourhoods").select("neighbourhood_id").where("user_id", "=", userId).execute();
  return new Set(rows.map((r) => r.neighbourhood_id));
}

/** Interests with their names (the places module's tables, joined for a label), for the data export. */
export async function interestsForExport(db: DB, userId: number) {
  const [themes, places] = await Promise.all([
    db
      .selectFrom("user_themes as ut")
      .innerJoin("themes as t", "t.id", "ut.theme_id")
      .select(["t.name", "t.slug", "ut.created_at"])
      .where("ut.user_id", "=", userId)
      .execute(),
    db
      .selectFrom("user_neighbourhoods as un")
      .innerJoin("neighbourhoods as n", "n.id", "un.neighbourhood_id")
      .select(["n.name", "n.slug", "un.created_at"])
      .where("un.user_id", "=", userId)
      .execute(),
  ]);
  return { themes, places };
}

// ---- e-mailed links (user_tokens)

export async function createUserToken(db: DB, userId: number, purpose: TokenPurpose, lifetimeMs: number, now: Date, email: string | null = null) {
  const token = randomToken();
  await db
    .insertInto("user_tokens")
    .values({ token_hash: hashToken(token), user_id: userId, purpose, email, created_at: now, expires_at: new Date(now.getTime() + lifetimeMs) })
    .execute();
  return token;
}

/**
 * Marks a token used and returns it, atomically: of two concurrent uses only one gets
 * the row. Expired, used, unknown or other-purpose tokens return undefined.
 */
export async function consumeUserToken(db: DB, token: string, purpose: TokenPurpose, now: Date) {
  return db
    .updateTable("user_tokens")
    .set({ used_at: now })
    .where("token_hash", "=", hashToken(token))
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .returning(["id", "user_id", "email"])
    .executeTakeFirst();
}

export async function peekUserToken(db: DB, token: string, purpose: TokenPurpose, now: Date) {
  return db
    .selectFrom("user_tokens")
    .select(["id", "user_id"])
    .where("token_hash", "=", hashToken(token))
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirst();
}

/** Every other unused link of this purpose stops working (a reset ends the other reset links). */
export async function useUpTokens(db: DB, userId: number, purpose: TokenPurpose, now: Date): Promise<void> {
  await db.updateTable("user_tokens").set({ used_at: now }).where("user_id", "=", userId).where("purpose", "=", purpose).where("used_at", "is", null).execute();
}

export async function tokensForExport(db: DB, userId: number) {
  return db.selectFrom("user_tokens").select(["purpose", "email", "created_at", "expires_at", "used_at"]).where("user_id", "=", userId).execute();
}

// ---- pending_sign_ins: the second sign-in step

export async function replacePendingSignIn(db: DB, row: { tokenHash: string; userId: number; returnTo: string; now: Date; expiresAt: Date }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("pending_sign_ins").where("user_id", "=", row.userId).execute();
    await trx
      .insertInto("pending_sign_ins")
      .values({ token_hash: row.tokenHash, user_id: row.userId, return_to: row.returnTo, created_at: row.now, expires_at: row.expiresAt })
      .execute();
  });
}

export async function findPendingSignIn(db: DB, tokenHash: string) {
  return db
    .selectFrom("pending_sign_ins")
    .select(["id", "user_id", "return_to", "expires_at", "attempts"])
    .where("token_hash", "=", tokenHash)
    .executeTakeFirst();
}

/** Counts one attempt, conditionally, so parallel guesses cannot exceed the limit; undefined once used up. */
export async function countPendingAttempt(db: DB, id: number, maxAttempts: number) {
  return db
    .updateTable("pending_sign_ins")
    .set((eb) => ({ attempts: eb("attempts", "+", 1) }))
    .where("id", "=", id)
    .where("attempts", "<", maxAttempts)
    .returning("attempts")
    .executeTakeFirst();
}

/** True for the one request that deletes the row (a parallel one finishing the same step gets false). */
export async function deletePendingSignIn(db: DB, id: number): Promise<boolean> {
  return (await db.deleteFrom("pending_sign_ins").where("id", "=", id).returning("id").executeTakeFirst()) !== undefined;
}

// ---- housekeeping (the retention promised on the privacy page)

/** E-mailed links that expired or were used before `before`. */
export async function deleteSpentTokens(db: DB, before: Date) {
  return db
    .deleteFrom("user_tokens")
    .where((eb) => eb.or([eb("expires_at", "<", before), eb("used_at", "<", before)]))
    .executeTakeFirst();
}

export async function deleteExpiredPendingSignIns(db: DB, now: Date): Promise<void> {
  await db.deleteFrom("pending_sign_ins").where("expires_at", "<", now).execute();
}
