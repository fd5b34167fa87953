// Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP) for staff accounts, with
// the parameters every authenticator app supports by default: HMAC-SHA1, 30-second steps,
// 6 digits. The secret is 160 bits (the HMAC-SHA1 block-size recommendation of RFC 4226),
// stored and shown in base32 (RFC 4648) as the apps expect.
import crypto from "node:crypto";

export const TOTP_PERIOD_S = 30;
export const TOTP_DIGITS = 6;
/** Steps accepted either side of the server's: ±30 s of clock drift or typing time. */
export const TOTP_DRIFT_STEPS = 1;
const SECRET_BYTES = 20;

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

export function base32Encode(bytes: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  return out;
}

/**
 * Accepts what people copy or type: any case, spaces, dashes, `=` padding. Throws on any
 * other character, so a mistyped secret is reported instead of silently producing codes
 * that never match.
 */
export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s-]/g, "").replace(/=+$/, "");
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of clean) {
    const value = BASE32.indexOf(char);
    if (value < 0) throw new Error(`Invalid base32 character: ${JSON.stringify(char)}`);
    buffer = ((buffer << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((buffer >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A new 160-bit secret from the CSPRNG, in base32 (32 characters, no padding). */
export function generateTotpSecret(): string {
  return base32Encode(crypto.randomBytes(SECRET_BYTES));
}

/** The secret in groups of four, for people who type it instead of scanning the QR code. */
export function formatTotpSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, "$1 ");
}

// The key URI format forbids ':' inside the issuer and the account name (it separates the
// two in the label), whether encoded or not; a site name rarely has one, so replace it.
const noColon = (s: string) => s.replace(/:/g, " ").replace(/\s+/g, " ").trim();

/**
 * otpauth:// URI for the QR code (Google Authenticator key URI format): the label is
 * "issuer:account", the issuer is repeated as a parameter (newer apps read that one).
 * Spaces are encoded as %20, not "+", which several apps would display literally.
 */
export function totpUri(options: { secret: string; issuer: string; account: string }): string {
  const issuer = encodeURIComponent(noColon(options.issuer));
  const account = encodeURIComponent(noColon(options.account));
  const secret = base32Encode(base32Decode(options.secret));
  const params = [`secret=${secret}`, `issuer=${issuer}`, "algorithm=SHA1", `digits=${TOTP_DIGITS}`, `period=${TOTP_PERIOD_S}`].join("&");
  return `otpauth://totp/${issuer}:${account}?${params}`;
}

/** RFC 4226 HOTP: HMAC-SHA1 of the 8-byte big-endian counter, dynamic truncation. */
export function hotp(key: Uint8Array, counter: number, digits = TOTP_DIGITS): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = crypto.createHmac("sha1", key).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, "0");
}

/** The 30-second step a moment falls in (RFC 6238 T, with T0 = 0). */
export function totpStep(at: Date | number): number {
  const ms = typeof at === "number" ? at : at.getTime();
  return Math.floor(ms / 1000 / TOTP_PERIOD_S);
}

/** The code an app shows at `at`. `digits` is there for the RFC's 8-digit test vectors. */
export function totpCode(secret: string | Uint8Array, at: Date | number, digits = TOTP_DIGITS): string {
  const key = typeof secret === "string" ? base32Decode(secret) : secret;
  return hotp(key, totpStep(at), digits);
}

export interface TotpCheck {
  now: Date | number;
  /** users.totp_last_step: the last step accepted for this account, or null. */
  lastStep: number | null;
}

/**
 * Returns the step the code belongs to, or null. Accepts the current step and one either
 * side, but never a step at or before `lastStep`: a code seen once (shoulder-surfed,
 * phished, replayed from a log) cannot be used again, nor can an older one still inside
 * the drift window.
 *
 * The caller stores the step with a conditional update, so two requests racing with the
 * same code cannot both succeed:
 *   update users set totp_last_step = $step
 *   where id = $id and (totp_last_step is null or totp_last_step < $step) returning id
 */
export function verifyTotp(secret: string, code: string, check: TotpCheck): number | null {
  const typed = code.replace(/[\s-]/g, "");
  if (!new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(typed)) return null;
  let key: Buffer;
  try {
    key = base32Decode(secret);
  } catch {
    return null;
  }
  if (key.length === 0) return null;
  const current = totpStep(check.now);
  const given = Buffer.from(typed);
  let matched: number | null = null;
  // Every candidate is computed and compared in constant time, with no early exit, so the
  // response time says nothing about which step matched or how many digits were right.
  for (let step = current - TOTP_DRIFT_STEPS; step <= current + TOTP_DRIFT_STEPS; step++) {
    const equal = crypto.timingSafeEqual(Buffer.from(hotp(key, step)), given);
    const fresh = check.lastStep === null || step > check.lastStep;
    if (equal && fresh && matched === null) matched = step;
  }
  return matched;
}
