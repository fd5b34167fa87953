// SQL of the admin module. It owns `staff_invitations`; it changes the staff columns of
// `users` (role, second factor) that the team and security pages manage; it reads the audit
// journal's actors and, for the dashboard, the content module's items (see README.md: those
// two reads belong behind core/audit.ts and content's index.ts once they offer them).
// Functions taking `trx` expect to run inside the caller's transaction.
import { sql } from "kysely";
import type { DB } from "../../core/db/create-db.js";
import type { Role } from "../../core/db/schema.js";
import type { StaffRole } from "./staff-roles.js";

// ---- the team

/** Accounts with their open invitation, if any. */
function staffQuery(db: DB) {
  return (
    db
      .selectFrom("users as u")
      // An invitation counts only while the account still has the invited address (see invitations.ts).
      .leftJoin("staff_invitations as i", (join) =>
        join.onRef("i.user_id", "=", "u.id").on("i.accepted_at", "is", null).on("i.revoked_at", "is", null).on(sql<boolean>`i.email = lower(u.email)`),
      )
      .select([
        "u.id",
        "u.email",
        "u.display_name",
        "u.role",
        "u.totp_enabled_at",
        "u.totp_required",
        "u.last_sign_in_at",
        "u.created_at",
        "i.role as invitation_role",
        "i.expires_at as invitation_expires_at",
      ])
  );
}

/** Staff accounts, and residents with an open invitation, by role, name, address. */
export async function listStaffRows(db: DB) {
  return staffQuery(db)
    .where((eb) => eb.or([eb("u.role", "<>", "resident"), eb("i.id", "is not", null)]))
    .orderBy("u.role")
    .orderBy("u.display_name")
    .orderBy("u.email")
    .execute();
}

export async function findStaffRow(db: DB, id: number) {
  return staffQuery(db).where("u.id", "=", id).executeTakeFirst();
}

export type StaffQueryRow = NonNullable<Awaited<ReturnType<typeof findStaffRow>>>;

/** The account a team change is about, locked until the transaction ends. */
export async function lockUser(trx: DB, id: number) {
  return trx.selectFrom("users").select(["id", "email", "display_name", "role", "totp_required"]).where("id", "=", id).forUpdate().executeTakeFirst();
}

/** How an account is named in the audit trail, without a lock. */
export async function findUserName(db: DB, id: number) {
  return db.selectFrom("users").select(["email", "display_name"]).where("id", "=", id).executeTakeFirst();
}

export async function setUserRole(trx: DB, id: number, role: Role, now: Date): Promise<void> {
  await trx.updateTable("users").set({ role, updated_at: now }).where("id", "=", id).execute();
}

export async function setSecondFactorRequired(trx: DB, id: number, required: boolean, now: Date): Promise<void> {
  await trx.updateTable("users").set({ totp_required: required, updated_at: now }).where("id", "=", id).execute();
}

/** Removes the second factor (the caller removes the recovery codes in the same transaction). */
export async function clearSecondFactor(trx: DB, id: number, now: Date): Promise<void> {
  await trx.updateTable("users").set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null, updated_at: now }).where("id", "=", id).execute();
}

// ---- one's own second factor

export async function secondFactorState(db: DB, userId: number) {
  return db
    .selectFrom("users")
    .select(["totp_secret", "totp_enabled_at", "totp_required", "totp_last_step"])
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
}

/** The same, locked: codes are single use, so checking one and storing its step must not interleave. */
export async function lockSecondFactor(trx: DB, userId: number) {
  return trx
    .selectFrom("users")
    .select(["totp_secret", "totp_enabled_at", "totp_required", "totp_last_step"])
    .where("id", "=", userId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/** Keeps a secret being enrolled (not active yet); never replaces an active one. */
export async function storePendingSecret(db: DB, userId: number, secret: string): Promise<void> {
  await db.updateTable("users").set({ totp_secret: secret, totp_last_step: null }).where("id", "=", userId).where("totp_enabled_at", "is", null).execute();
}

export async function storeUsedStep(trx: DB, userId: number, step: number): Promise<void> {
  await trx.updateTable("users").set({ totp_last_step: step }).where("id", "=", userId).execute();
}

export async function enableSecondFactor(trx: DB, userId: number, now: Date): Promise<void> {
  await trx.updateTable("users").set({ totp_enabled_at: now, updated_at: now }).where("id", "=", userId).execute();
}

// ---- invitations

/** Ends the account's open invitation, if any (a new one, a role taken away, a changed address). */
export async function revokeOpenInvitation(db: DB, userId: number, now: Date): Promise<{ role: StaffRole } | undefined> {
  return db
    .updateTable("staff_invitations")
    .set({ revoked_at: now })
    .where("user_id", "=", userId)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .returning("role")
    .executeTakeFirst();
}

/** The account's open invitation (expired ones included: the team page shows them). */
export async function openInvitation(db: DB, userId: number) {
  return db
    .selectFrom("staff_invitations")
    .select(["id", "role", "email", "expires_at", "created_at"])
    .where("user_id", "=", userId)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
}

/** The account with this address (compared in lower case), locked. */
export async function lockUserByEmail(trx: DB, email: string) {
  return trx.selectFrom("users").select(["id", "email", "display_name", "role"]).where(sql<string>`lower(email)`, "=", email).forUpdate().executeTakeFirst();
}

/** A resident account for an invited address nobody has registered, with a password nobody knows. */
export async function insertInvitedUser(trx: DB, v: { email: string; passwordHash: string; displayName: string; now: Date }) {
  return trx
    .insertInto("users")
    .values({ email: v.email, password_hash: v.passwordHash, display_name: v.displayName, created_at: v.now, updated_at: v.now, password_changed_at: v.now })
    .returning(["id", "email", "display_name", "role"])
    .executeTakeFirstOrThrow();
}

export async function insertInvitation(
  trx: DB,
  v: { userId: number; email: string; role: StaffRole; tokenHash: string; invitedBy: number; now: Date; expiresAt: Date },
): Promise<void> {
  await trx
    .insertInto("staff_invitations")
    .values({ user_id: v.userId, email: v.email, role: v.role, token_hash: v.tokenHash, invited_by: v.invitedBy, created_at: v.now, expires_at: v.expiresAt })
    .execute();
}

export async function setInvitationRole(trx: DB, id: number, role: StaffRole): Promise<void> {
  await trx.updateTable("staff_invitations").set({ role }).where("id", "=", id).execute();
}

/** An unused, unrevoked, unexpired invitation by its token's hash, with its account's current address and role. */
export async function findUsableInvitation(db: DB, tokenHash: string, now: Date) {
  return db
    .selectFrom("staff_invitations as i")
    .innerJoin("users as u", "u.id", "i.user_id")
    .select(["i.id", "i.user_id", "i.email", "i.role", "u.email as user_email", "u.role as user_role"])
    .where("i.token_hash", "=", tokenHash)
    .where("i.accepted_at", "is", null)
    .where("i.revoked_at", "is", null)
    .where("i.expires_at", ">", now)
    .executeTakeFirst();
}

/** Marks the invitation accepted, atomically: of two uses of the same link, one gets the row. */
export async function claimInvitation(trx: DB, tokenHash: string, now: Date) {
  return trx
    .updateTable("staff_invitations")
    .set({ accepted_at: now })
    .where("token_hash", "=", tokenHash)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now)
    .returning(["id", "user_id", "email", "role", "invited_by"])
    .executeTakeFirst();
}

/** A claimed invitation that no longer applies to its account: revoked instead of accepted. */
export async function revokeClaimedInvitation(trx: DB, id: number, now: Date): Promise<void> {
  await trx.updateTable("staff_invitations").set({ accepted_at: null, revoked_at: now }).where("id", "=", id).execute();
}

/** The invitee takes the role with the password they chose; the address is verified by the link. */
export async function grantInvitedRole(trx: DB, userId: number, role: StaffRole, passwordHash: string, now: Date): Promise<void> {
  await trx
    .updateTable("users")
    .set({ role, password_hash: passwordHash, password_changed_at: now, email_verified_at: sql<Date>`coalesce(email_verified_at, ${now})`, updated_at: now })
    .where("id", "=", userId)
    .execute();
}

// ---- the audit journal's filter

/** The people who appear in the journal, by the latest label they had, for the "Personne" filter. */

// ---- the dashboard's view of the editorial work (content's table, read-only)
