import { describe, expect, it } from "vitest";
import { isValidSlug, plainText, slugify, truncateAtWord } from "./text.js";

describe("truncateAtWord", () => {
  it("keeps text that fits, collapsing whitespace", () => {
    expect(truncateAtWord("  Un   texte court ", 50)).toBe("Un texte court");
  });
  it("cuts at the last word boundary and adds an ellipsis within the limit", () => {
    const text = "La Métropole a présenté deux dispositifs d’aide aux athlètes métropolitains afin de préparer";
    const out = truncateAtWord(text, 60);
    expect(out.length).toBeLessThanOrEqual(60);
    expect(out.endsWith("…")).toBe(true);
    expect(text.startsWith(out.slice(0, -1))).toBe(true);
    expect(text[out.length - 1]).toBe(" "); // the cut fell on a space: no word was split
  });
  it("does not leave punctuation before the ellipsis", () => {
    expect(truncateAtWord("Premier point, second point et troisième point", 20)).toBe("Premier point…");
  });
  it("cuts a single overlong word rather than returning nothing", () => {
    expect(truncateAtWord("a".repeat(30), 10)).toBe(`${"a".repeat(9)}…`);
  });
});

describe("slugify", () => {
  it.each([
    ["Élections : le bureau n°12 déménage", "elections-le-bureau-n-12-demenage"],
    ["L’œuvre d’art à Fives", "l-oeuvre-d-art-a-fives"],
    ["  --Déjà--propre--  ", "deja-propre"],
    ["Ça coûte 1 234,50 €", "ca-coute-1-234-50"],
  ])("%s -> %s", (input, slug) => {
    expect(slugify(input)).toBe(slug);
    expect(isValidSlug(slug)).toBe(true);
  });
  it("limits length at a word boundary", () => {
    const s = slugify("mot ".repeat(40), 20);
    expect(s.length).toBeLessThanOrEqual(20);
    expect(s.endsWith("-")).toBe(false);
  });
  it("rejects invalid slugs", () => {
    for (const bad of ["", "A", "a--b", "-a", "a-", "a b", "é", "a/b", "x".repeat(81)]) expect(isValidSlug(bad)).toBe(false);
  });
});

describe("plainText", () => {
  it("strips tags and decodes entities", () => {
    expect(plainText("<p>Un &amp; deux</p><ul><li>trois</li></ul>")).toBe("Un & deux trois");
  });
});
