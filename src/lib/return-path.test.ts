import { describe, expect, it } from "vitest";
import { MAX_RETURN_PATH, returnPath, safeReturnPath, signInHref } from "./return-path.js";

describe("safeReturnPath", () => {
  it("keeps same-site relative paths", () => {
    expect(safeReturnPath("/actualites/x?page=2#a")).toBe("/actualites/x?page=2#a");
  });
  it.each(["https://evil.example/", "//evil.example", "/\\evil.example", "\\\\evil", "javascript:alert(1)", "actualites", "/a\nb", "", undefined, 42])(
    "rejects %s",
    (raw) => {
      expect(safeReturnPath(raw)).toBe("/");
    },
  );
});

describe("returnPath", () => {
  it.each([
    "/compte/connexion",
    "/compte/connexion?retour=%2Factualites",
    "/compte/connexion/code",
    "/compte/creer",
    "/compte/creer/merci",
    "/compte/mot-de-passe-oublie?statut=envoye",
    "/compte/reinitialiser?jeton=abc",
    "/compte/verifier?jeton=abc",
    "/compte/invitation",
    "/compte/deconnexion",
    "/compte/supprime",
    "/compte/%63onnexion",
    "/COMPTE/Connexion",
    "/compte//connexion",
    "/compte/./connexion",
    "/actualites/../compte/connexion",
    "/compte/%2e/connexion",
  ])("never points at an authentication page: %s", (raw) => {
    expect(returnPath(raw)).toBeNull();
    expect(safeReturnPath(raw)).toBe("/");
  });

  it("keeps account pages that are not part of signing in", () => {
    expect(returnPath("/compte/favoris?page=2")).toBe("/compte/favoris?page=2");
    expect(returnPath("/compte-rendu")).toBe("/compte-rendu");
    expect(returnPath("/compte/connexions-utiles")).toBe("/compte/connexions-utiles");
  });

  it("drops a nested retour, a pending favourite and tokens, keeping the rest of the query", () => {
    expect(returnPath("/actualites?retour=%2Fcompte%2Fconnexion&page=2")).toBe("/actualites?page=2");
    expect(returnPath("/quartiers/fives?favori=12&jeton=x")).toBe("/quartiers/fives");
  });

  it("never keeps a preview link, whose path is its token", () => {
    expect(returnPath("/apercu/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG")).toBeNull();
    expect(returnPath("/APERCU/x")).toBeNull();
    expect(returnPath("/apercus-du-quartier")).toBe("/apercus-du-quartier");
  });

  it("drops the query, then everything, when the path would not fit", () => {
    const longQuery = `/recherche?q=${"a".repeat(MAX_RETURN_PATH)}`;
    expect(returnPath(longQuery)).toBe("/recherche");
    expect(returnPath(`/${"b".repeat(MAX_RETURN_PATH + 1)}`)).toBeNull();
    expect(returnPath(`/${"b".repeat(MAX_RETURN_PATH - 1)}`)).toHaveLength(MAX_RETURN_PATH);
  });
});

describe("signInHref", () => {
  it("comes back to an ordinary page", () => {
    expect(signInHref("/actualites?page=2")).toBe("/compte/connexion?retour=%2Factualites%3Fpage%3D2");
    expect(signInHref("/actualites/x", { favori: 7 })).toBe("/compte/connexion?retour=%2Factualites%2Fx&favori=7");
  });

  it("is a fixed point on authentication pages: following it never makes a longer link", () => {
    let href = signInHref("/actualites");
    for (let i = 0; i < 5; i++) {
      const next = signInHref(href);
      expect(next).toBe("/compte/connexion");
      href = next;
    }
    expect(signInHref("/compte/connexion?retour=%2Fcompte%2Fconnexion%3Fretour%3D%252F")).toBe("/compte/connexion");
  });

  it("stays under the length the sign-in page accepts, whatever the page", () => {
    for (const from of [`/recherche?q=${"é".repeat(2000)}`, `/${"x".repeat(5000)}`, `/actualites?retour=${"%25".repeat(3000)}`]) {
      const href = signInHref(from);
      const retour = new URL(href, "http://x").searchParams.get("retour");
      expect(retour === null || retour.length <= MAX_RETURN_PATH).toBe(true);
    }
  });
});
