/**
 * A "retour" parameter is followed after sign-in, so it must stay on this site: a
 * relative path starting with a single "/", no scheme, no backslash, no control character.
 * Anything else falls back to the home page (no open redirect).
 */
export function safeReturnPath(raw: unknown, fallback = "/"): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 500) return fallback;
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return fallback;
  if (/[\\\u0000-\u001f\u007f]/.test(raw)) return fallback;
  try {
    const url = new URL(raw, "http://portail.invalid");
    if (url.origin !== "http://portail.invalid") return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}
