// SQL of core/auth: sessions, recovery codes and what a credential change drops. The
// files beside it hold the rules (expiries, hashing, atomic use); this file only talks
// to the database, in the caller's transaction when given one.
import type { DB } from "../db/create-db.js";

// ---- sessions

export async function findUserRole(db: DB, userId: number) {
  return db.selectFrom("users").select("role").where("id", "=", userId).executeTakeFirstOrThrow();
}

export async function insertSession(
  db: DB,
  values: { token_hash: string; user_id: number; csrf_token: string; created_at: Date; last_seen_at: Date; expires_at: Date; user_agent: string },
): Promise<{ id: number }> {
  return db.insertInto("sessions").values(values).returning("id").executeTakeFirstOrThrow();
}

export async function findSessionByTokenHash(db: DB, tokenHash: string) {
  return db
    .selectFrom("sessions as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .select([
      "s.id",
      "s.csrf_token",
      "s.last_seen_at",
      "s.expires_at",
      "u.id as user_id",
      "u.email",
      "u.display_name",
      "u.role",
      "u.email_verified_at",
      "u.totp_enabled_at",
      "u.totp_required",
      "u.personal_version",
    ])
    .where("s.token_hash", "=", tokenHash)
    .executeTakeFirst();
}

export async function deleteSession(db: DB, id: number): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", id).execute();
}

export async function touchSession(db: DB, id: number, now: Date): Promise<void> {
  await db.updateTable("sessions").set({ last_seen_at: now }).where("id", "=", id).execute();
}

export async function deleteSessionByTokenHash(db: DB, tokenHash: string): Promise<void> {
  await db.deleteFrom("sessions").where("token_hash", "=", tokenHash).execute();
}

/** Every session of a user, or every one but `exceptId`. */
export async function deleteUserSessions(db: DB, userId: number, exceptId?: number): Promise<void> {
  let q = db.deleteFrom("sessions").where("user_id", "=", userId);
  if (exceptId !== undefined) q = q.where("id", "<>", exceptId);
  await q.execute();
}

// ---- a person's own sessions (the account page lists them and revokes one)

export async function listSessions(db: DB, userId: number) {
  return db
    .selectFrom("sessions")
    .select(["id", "created_at", "last_seen_at", "expires_at", "user_agent"])
    .where("user_id", "=", userId)
    .orderBy("last_seen_at", "desc")
    .execute();
}

/** Scoped to the owner: another account's session id deletes nothing (false). */
export async function deleteOwnSession(db: DB, userId: number, sessionId: number): Promise<boolean> {
  const result = await db.deleteFrom("sessions").where("id", "=", sessionId).where("user_id", "=", userId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

// ---- recovery codes

export async function deleteRecoveryCodeRows(db: DB, userId: number): Promise<void> {
  await db.deleteFrom("recovery_codes").where("user_id", "=", userId).execute();
}

export async function insertRecoveryCodes(db: DB, rows: { user_id: number; code_hash: string }[]): Promise<void> {
  await db.insertInto("recovery_codes").values(rows).execute();
}

/** Marks one unused code used; undefined when there was none (wrong, used, or another user's). */
export async function markRecoveryCodeUsed(db: DB, userId: number, codeHash: string, now: Date) {
  return db
    .updateTable("recovery_codes")
    .set({ used_at: now })
    .where("user_id", "=", userId)
    .where("code_hash", "=", codeHash)
    .where("used_at", "is", null)
    .returning("id")
    .executeTakeFirst();
}

export async function countUnusedRecoveryCodeRows(db: DB, userId: number): Promise<number> {
  const row = await db
    .selectFrom("recovery_codes")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---- a credential replaced by someone who did not hold the old one

export async function resetSecondFactor(db: DB, userId: number): Promise<void> {
  await db.updateTable("users").set({ totp_required: true, totp_secret: null, totp_enabled_at: null, totp_last_step: null }).where("id", "=", userId).execute();
}

export async function deletePendingSignIns(db: DB, userId: number): Promise<void> {
  await db.deleteFrom("pending_sign_ins").where("user_id", "=", userId).execute();
}

/** Reset and verification links sent before (including an address change). */
export async function useUpUserTokens(db: DB, userId: number, now: Date): Promise<void> {
  await db.updateTable("user_tokens").set({ used_at: now }).where("user_id", "=", userId).where("used_at", "is", null).execute();
}
