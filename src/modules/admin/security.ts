// A staff member's own second factor: enrolment (secret shown once as a QR code and as
// text, confirmed by a first code), new recovery codes, switching it off when not required.
// Every change is audited; every one needs a current code, so a session left open on a
// shared computer cannot swap the authenticator or read fresh recovery codes.
import { renderSVG } from "uqr";
import type { DB } from "../../core/db/create-db.js";
import { recordEvent } from "../../core/audit.js";
import { countUnusedRecoveryCodes, deleteRecoveryCodes, replaceRecoveryCodes } from "../../core/auth/recovery-codes.js";
import { formatTotpSecret, generateTotpSecret, totpUri, verifyTotp } from "../../core/auth/totp.js";
import { ConflictError, ValidationError } from "../../core/errors.js";
import type { StaffActor } from "./guard.js";
import { clearSecondFactor, enableSecondFactor, lockSecondFactor, secondFactorState, storePendingSecret, storeUsedStep } from "./queries.js";

export interface SecurityStatus {
  enabled: boolean;
  enabledAt: Date | null;
  required: boolean;
  recoveryCodesLeft: number;
}

export async function securityStatus(db: DB, userId: number): Promise<SecurityStatus> {
  const user = await secondFactorState(db, userId);
  return {
    enabled: user.totp_enabled_at !== null,
    enabledAt: user.totp_enabled_at,
    required: user.totp_required,
    recoveryCodesLeft: user.totp_enabled_at ? await countUnusedRecoveryCodes(db, userId) : 0,
  };
}

export interface Enrolment {
  secretText: string;
  qrSvg: string;
  uri: string;
}

/**
 * The secret being enrolled: created on first visit and kept (not yet active) until a
 * code confirms it, so reloading the page shows the same QR code.
 */
export async function pendingEnrolment(db: DB, actor: StaffActor, issuer: string): Promise<Enrolment | null> {
  const user = await secondFactorState(db, actor.id);
  if (user.totp_enabled_at) return null;
  let secret = user.totp_secret;
  if (!secret) {
    secret = generateTotpSecret();
    await storePendingSecret(db, actor.id, secret);
  }
  const uri = totpUri({ secret, issuer, account: actor.email });
  return { secretText: formatTotpSecret(secret), qrSvg: renderSVG(uri, { border: 2, ecc: "M" }), uri };
}

const CODE_MISSING = "Saisissez le code à six chiffres affiché par l’application.";
const CODE_WRONG = "Ce code est incorrect ou a déjà servi. Attendez le suivant et réessayez.";

/** Checks a current code and stores its step (single use), inside the caller's transaction. */
async function useCode(trx: DB, userId: number, code: string, now: Date): Promise<void> {
  if (!code.trim()) throw new ValidationError({ code: CODE_MISSING });
  const user = await lockSecondFactor(trx, userId);
  const step = user.totp_secret
    ? verifyTotp(user.totp_secret, code, { now, lastStep: user.totp_last_step === null ? null : Number(user.totp_last_step) })
    : null;
  if (step === null) throw new ValidationError({ code: CODE_WRONG });
  await storeUsedStep(trx, userId, step);
}

/** Confirms the enrolment with a first code; returns the recovery codes to show once. */
export async function confirmEnrolment(db: DB, actor: StaffActor, code: string, ip: string, now: Date): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    const user = await lockSecondFactor(trx, actor.id);
    if (user.totp_enabled_at) throw new ConflictError("Already enabled");
    await useCode(trx, actor.id, code, now);
    await enableSecondFactor(trx, actor.id, now);
    const codes = await replaceRecoveryCodes(trx, actor.id);
    await recordEvent(trx, {
      actor: { id: actor.id, label: actor.label },
      action: "auth.totp_enable",
      target: { type: "user", id: actor.id, label: actor.label },
      ip,
      at: now,
    });
    return codes;
  });
}

export async function regenerateRecoveryCodes(db: DB, actor: StaffActor, code: string, ip: string, now: Date): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    await useCode(trx, actor.id, code, now);
    const codes = await replaceRecoveryCodes(trx, actor.id);
    await recordEvent(trx, {
      actor: { id: actor.id, label: actor.label },
      action: "auth.recovery_codes_renew",
      target: { type: "user", id: actor.id, label: actor.label },
      ip,
      at: now,
    });
    return codes;
  });
}

export async function disableSecondFactor(db: DB, actor: StaffActor, code: string, ip: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const user = await lockSecondFactor(trx, actor.id);
    if (user.totp_required)
      throw new ValidationError({
        code: "Un administrateur a rendu la double authentification obligatoire pour votre compte : elle ne peut pas être désactivée.",
      });
    await useCode(trx, actor.id, code, now);
    await clearSecondFactor(trx, actor.id, now);
    await deleteRecoveryCodes(trx, actor.id);
    await recordEvent(trx, {
      actor: { id: actor.id, label: actor.label },
      action: "auth.totp_disable",
      target: { type: "user", id: actor.id, label: actor.label },
      ip,
      at: now,
    });
  });
}
