// One form per address: look-alike spellings fold to it (NFKC, case, surrounding space) or
// are refused when they cannot be folded (invisible, format and bidi characters).
import { describe, expect, it } from "vitest";
import { emailProblem, normaliseEmail } from "./validate.js";

const check = (raw: string) => emailProblem(normaliseEmail(raw));

describe("normaliseEmail", () => {
  it.each([
    ["ａｌｉｃｅ@example.test", "alice@example.test"], // full-width letters
    ["ａｌｉｃｅ＠ｅｘａｍｐｌｅ．ｔｅｓｔ", "alice@example.test"], // full-width @ and dot too
    ["  Alice@Example.TEST\u3000", "alice@example.test"], // case, ideographic space
    ["ﬁlm@example.test", "film@example.test"], // ligature
    ["alice@example.test\uFEFF", "alice@example.test"], // BOM is trimmed as a space
  ])("folds %j to %j", (raw, expected) => {
    expect(normaliseEmail(raw)).toBe(expected);
    expect(check(raw)).toBeNull();
  });
});

describe("emailProblem", () => {
  it.each([
    ["zero-width space", "alice@example.test\u200B"],
    ["zero-width joiner inside", "ali\u200Dce@example.test"],
    ["word joiner", "alice\u2060@example.test"],
    ["soft hyphen", "ali\u00ADce@example.test"],
    ["right-to-left mark", "\u200Falice@example.test"],
    ["left-to-right mark", "alice@example.test\u200E"],
    ["right-to-left override", "alice@exa\u202Emple.test"],
    ["bidi isolate", "\u2067alice@example.test\u2069"],
    ["Arabic letter mark", "alice\u061C@example.test"],
    ["Hangul filler", "alice\u3164@example.test"],
    ["variation selector", "alice\uFE0F@example.test"],
    ["combining grapheme joiner", "alice\u034F@example.test"],
    ["Mongolian vowel separator", "alice\u180E@example.test"],
    ["control character", "alice\u0007@example.test"],
    ["NUL", "alice\u0000@example.test"],
    ["private use", "alice\uE000@example.test"],
    ["line separator", "alice\u2028@example.test"],
    ["ideographic full stop read as a dot", "alice@example\u3002test"],
  ])("refuses an address with a %s, in French", (_label, raw) => {
    expect(check(raw)).toMatch(/caractères invisibles/);
  });

  it.each([
    "alice@example.test.",
    "alice@.example.test",
    "alice@example..test",
    ".alice@example.test",
    "a..b@example.test",
    "a,b@example.test",
    "a<b>@example.test",
    "alice@example",
    "a@b.c",
    "@example.test",
    "alice@",
  ])("refuses the malformed %j", (raw) => {
    expect(check(raw)).toMatch(/adresse e-mail valide/);
  });

  it.each(["alice@example.test", "prenom.nom+quartier@ville.fr", "josé@exemple.fr", "x@münchen.de", "a_b-c@sous.domaine.fr"])("accepts %j", (raw) => {
    expect(check(raw)).toBeNull();
  });

  it("refuses what is too long once folded", () => {
    expect(check(`${"a".repeat(65)}@example.test`)).toMatch(/valide/);
    expect(check(`a@${"b".repeat(250)}.fr`)).toMatch(/valide/);
  });
});
