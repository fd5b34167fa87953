// Where to go back after signing in ("retour"). Every "Se connecter" link and sign-in
// redirect is built here, so the rules hold everywhere:
//  - it stays on this site (no open redirect);
//  - it never points at a sign-in, sign-up, reset, verification, second-factor,
//    invitation or sign-out page: coming back there makes no sense, and a sign-in link
//    built on the sign-in page would carry the previous one and grow with every click
//    (crawlers followed 75,000 of them, until 400 and 431);
//  - it never carries a nested "retour", nor a token or a pending favourite (a preview
//    link, /apercu/<token>, is a token in a path: its favourite buttons must not copy it
//    into a sign-in URL);
//  - it fits the length the sign-in page accepts, or is dropped.

/** The longest "retour" the sign-in routes accept (their schemas say the same). */
export const MAX_RETURN_PATH = 500;

/** Pages a visitor is never sent back to, with everything under them. */
const NO_RETURN_PAGES = [
  "/compte/connexion",
  "/compte/creer",
  "/compte/mot-de-passe-oublie",
  "/compte/reinitialiser",
  "/compte/verifier",
  "/compte/invitation",
  "/compte/deconnexion",
  "/compte/renvoyer-confirmation",
  "/compte/supprime",
  "/apercu",
];

/** Query parameters that never travel inside a return path. */
const DROPPED_PARAMS = ["retour", "favori", "jeton"];

const BASE = "http://portail.invalid";

function isNoReturnPage(pathname: string): boolean {
  let p = pathname;
  try {
    p = decodeURIComponent(pathname);
  } catch {
    // Malformed escapes: compare the raw form.
  }
  p = p.toLowerCase().replace(/\/{2,}/g, "/");
  return NO_RETURN_PAGES.some((page) => p === page || p.startsWith(`${page}/`));
}

/**
 * The same-site path to come back to, cleaned by the rules above, or null when there is
 * none worth keeping.
 */
export function returnPath(raw: unknown): string | null {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 16_384) return null;
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the regex exists to refuse backslashes and control characters
  if (/[\\\u0000-\u001f\u007f]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE || isNoReturnPage(url.pathname)) return null;
  for (const name of DROPPED_PARAMS) if (url.searchParams.has(name)) url.searchParams.delete(name);
  const full = url.pathname + url.search + url.hash;
  if (full.length <= MAX_RETURN_PATH) return full;
  // Too long with its query: the page itself is still a better place than the home page.
  return url.pathname.length <= MAX_RETURN_PATH ? url.pathname : null;
}

/** A "retour" parameter read from a request: cleaned, or the fallback (the home page). */
export function safeReturnPath(raw: unknown, fallback = "/"): string {
  return returnPath(raw) ?? fallback;
}

/** The sign-in link for a page: comes back to `from` when that is allowed. */
export function signInHref(from: string, extra: { favori?: number } = {}): string {
  const back = returnPath(from);
  const params: string[] = [];
  if (back) params.push(`retour=${encodeURIComponent(back)}`);
  if (extra.favori !== undefined) params.push(`favori=${extra.favori}`);
  return params.length > 0 ? `/compte/connexion?${params.join("&")}` : "/compte/connexion";
}
