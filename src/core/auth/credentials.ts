// What must go when an account's credential is replaced by someone who did not hold the old
// one (a staff invitation accepted, an account promoted by create-admin): whoever set the
// old password may also have set up a second factor, kept a session, a pending sign-in or
// an unused e-mailed link. None of it may outlive the change.
import type { DB } from "../db/create-db.js";
import { deleteRecoveryCodes } from "./recovery-codes.js";
import { revokeUserSessions } from "./sessions.js";
import { deletePendingSignIns, resetSecondFactor, useUpUserTokens } from "./queries.js";

/** Run inside the transaction that sets the new password; also requires a new second factor. */
export async function dropPreviousCredential(trx: DB, userId: number, now: Date): Promise<void> {
  await resetSecondFactor(trx, userId);
  await deleteRecoveryCodes(trx, userId);
  await revokeUserSessions(trx, userId);
  await deletePendingSignIns(trx, userId);
  // Reset and verification links sent before (including an address change) die with the old credential.
  await useUpUserTokens(trx, userId, now);
}
