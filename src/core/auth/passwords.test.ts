import { describe, expect, it } from "vitest";
import { hashPassword, passwordLength, passwordProblem, verifyPassword } from "./passwords.js";

describe("passwordProblem", () => {
  it("counts characters as people see them", () => {
    expect(passwordLength("🌳".repeat(12))).toBe(12);
    expect(passwordProblem("🌳🏠🚲🎨📚⚽🌳🏠🚲🎨📚")).toMatch(/au moins 12/);
    expect(passwordProblem("🌳🏠🚲🎨📚⚽🌳🏠🚲🎨📚⚽")).toBeNull();
  });
  it("applies the length bounds without composition rules", () => {
    expect(passwordProblem("abcdefghijk")).toMatch(/au moins 12/);
    expect(passwordProblem("une phrase simple")).toBeNull();
    expect(passwordProblem("une phrase de soixante-quatre caractères, pour voir si ça passe !")).toBeNull();
    expect(passwordProblem(`${"xy".repeat(64)}z`)).toMatch(/128/);
  });
  it("refuses common and site-related passwords", () => {
    expect(passwordProblem("123456789012")).toMatch(/plus utilisés/);
    expect(passwordProblem("Lille2024!!!!")).toMatch(/trop facile/);
    expect(passwordProblem("Mairie123456")).toMatch(/trop facile/);
    expect(passwordProblem("Sainte-Exemple-59", ["Sainte-Exemple"])).toMatch(/trop facile/);
    expect(passwordProblem("jeanne.dupont!!", ["jeanne.dupont"])).toMatch(/trop facile/);
    // a city word inside a real phrase is fine
    expect(passwordProblem("ma ville préférée au printemps")).toBeNull();
  });
});

describe("hashing", () => {
  it("uses argon2id and verifies the same Unicode typed in another normal form", async () => {
    const h = await hashPassword("café crème du matin");
    expect(h.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(h, "cafe\u0301 cre\u0300me du matin")).toBe(true);
    expect(await verifyPassword(h, "café crème du soir")).toBe(false);
    expect(await verifyPassword("not a hash", "x")).toBe(false);
  });
  it("does not truncate long passwords", async () => {
    const long = `${"a".repeat(100)}b`;
    const h = await hashPassword(long);
    expect(await verifyPassword(h, `${"a".repeat(100)}c`)).toBe(false);
  });
});
