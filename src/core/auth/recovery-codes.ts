// Single-use recovery codes for staff who lose their authenticator. Shown once, stored
// only as hashes. Twelve characters from a 31-symbol alphabet (about 59 bits) make them
// impossible to guess online under the sign-in rate limits; SHA-256 is enough for random
// values of that size (a slow hash protects low-entropy secrets such as passwords). The
// user id is part of the hashed text, so one table of precomputed hashes cannot attack
// every account at once, and a code is only ever valid for its own account.
import crypto from "node:crypto";
import type { DB } from "../db/create-db.js";
import { countUnusedRecoveryCodeRows, deleteRecoveryCodeRows, insertRecoveryCodes, markRecoveryCodeUsed } from "./queries.js";

export const RECOVERY_CODE_COUNT = 10;
// No 0/o, 1/l/i: nothing to confuse when reading a printout or a handwritten copy.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const GROUPS = 3;
const GROUP_LENGTH = 4;
const LENGTH = GROUPS * GROUP_LENGTH;

/** Ten fresh codes such as "k7mq-4xhz-p2wd", all different. */
export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  const codes = new Set<string>();
  while (codes.size < count) {
    let raw = "";
    // randomInt draws without modulo bias
    for (let i = 0; i < LENGTH; i++) raw += ALPHABET[crypto.randomInt(ALPHABET.length)];
    codes.add(formatRecoveryCode(raw));
  }
  return [...codes];
}

function formatRecoveryCode(raw: string): string {
  const groups: string[] = [];
  for (let i = 0; i < raw.length; i += GROUP_LENGTH) groups.push(raw.slice(i, i + GROUP_LENGTH));
  return groups.join("-");
}

/**
 * What was typed -> the canonical 12 characters, or null if it cannot be a code. Case,
 * spaces, dashes and full-width characters (NFKC) do not matter.
 */
export function normaliseRecoveryCode(input: string): string | null {
  const raw = input
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\-_.]/g, "");
  if (raw.length !== LENGTH) return null;
  for (const char of raw) if (!ALPHABET.includes(char)) return null;
  return raw;
}

export function hashRecoveryCode(userId: number, code: string): string | null {
  const raw = normaliseRecoveryCode(code);
  if (raw === null) return null;
  return crypto.createHash("sha256").update(`${userId}:${raw}`).digest("hex");
}

/**
 * Replaces all of a user's codes with new ones and returns them in clear, to be shown
 * once. Runs in the caller's transaction if there is one (e.g. with enabling TOTP and its
 * audit event), otherwise in its own: the old set never survives next to the new one.
 */
export async function replaceRecoveryCodes(db: DB, userId: number): Promise<string[]> {
  const codes = generateRecoveryCodes();
  const write = async (trx: DB) => {
    await deleteRecoveryCodeRows(trx, userId);
    await insertRecoveryCodes(
      trx,
      codes.map((code) => ({ user_id: userId, code_hash: hashRecoveryCode(userId, code)! })),
    );
  };
  if (db.isTransaction) await write(db);
  else await db.transaction().execute(write);
  return codes;
}

/**
 * Uses a code: true once, false ever after, for a wrong code or another user's code. The
 * conditional UPDATE is atomic, so two parallel requests with the same code cannot both
 * get in (the second waits for the first's row lock, then finds used_at set).
 */
export async function consumeRecoveryCode(db: DB, userId: number, code: string, now = new Date()): Promise<boolean> {
  const hash = hashRecoveryCode(userId, code);
  if (hash === null) return false;
  return (await markRecoveryCodeUsed(db, userId, hash, now)) !== undefined;
}

/** Codes still unused, so the account page can say "3 codes restants" or ask for new ones. */
export async function countUnusedRecoveryCodes(db: DB, userId: number): Promise<number> {
  return countUnusedRecoveryCodeRows(db, userId);
}

/** When the second factor is switched off, its codes go with it. */
export async function deleteRecoveryCodes(db: DB, userId: number): Promise<void> {
  await deleteRecoveryCodeRows(db, userId);
}
