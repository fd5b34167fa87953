// What must go when an account's credential is replaced by someone who did not hold the old
// one (a staff invitation accepted, an account promoted by create-admin): whoever set the
// old password may also have set up a second factor, kept a session, a pending sign-in or
// an unused e-mailed link. None of it may outlive the change.
import type { DB } from "../db/create-db.js";
import { deleteRecoveryCodes } from "./recovery-codes.js";
import { revokeUserSessions } from "./sessions.js";

/** Run inside the transaction that sets the new password; also requires a new second factor. */
export async function dropPreviousCredential(trx: DB, userId: number, now: Date): Promise<void> {
  await trx
    .updateTable("users")
    .set({ totp_required: true, totp_secret: null, totp_enabled_at: null, totp_last_step: null })
    .where("id", "=", userId)
    .execute();
  await deleteRecoveryCodes(trx, userId);
  await revokeUserSessions(trx, userId);
  await trx.deleteFrom("pending_sign_ins").where("user_id", "=", userId).execute();
  // Reset and verification links sent before (including an address change) die with the old credential.
  await trx.updateTable("user_tokens").set({ used_at: now }).where("user_id", "=", userId).where("used_at", "is", null).execute();
}
