// Random secrets for cookies, CSRF and e-mailed links. Only their SHA-256 is stored, so
// a copy of the database gives no usable session or link.
import crypto from "node:crypto";

/** 256 bits from the CSPRNG, URL-safe. */
export function randomToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}
