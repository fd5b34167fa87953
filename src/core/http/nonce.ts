// Rendered pages carry this placeholder wherever a CSP nonce belongs. A cached page is
// the same for every anonymous visitor, while the nonce must be fresh per response: the
// placeholder is replaced at send time. It is random per process so content cannot
// guess it (and an escaped text node containing it would only ever show a nonce).
import crypto from "node:crypto";

export const NONCE_PLACEHOLDER = `__csp_nonce_${crypto.randomBytes(12).toString("hex")}__`;

export function withNonce(html: string, nonce: string): string {
  return html.replaceAll(NONCE_PLACEHOLDER, nonce);
}
