import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode, formatTotpSecret, generateTotpSecret, hotp, totpCode, totpStep, totpUri, verifyTotp } from "./totp.js";

// RFC 6238 appendix B, SHA1 column: the ASCII secret "12345678901234567890".
const RFC_KEY = Buffer.from("12345678901234567890", "ascii");
const RFC_VECTORS: [number, string][] = [
  [59, "94287082"],
  [1111111109, "07081804"],
  [1111111111, "14050471"],
  [1234567890, "89005924"],
  [2000000000, "69279037"],
  [20000000000, "65353130"],
];

describe("RFC 6238 test vectors", () => {
  it.each(RFC_VECTORS)("T = %i s gives %s (8 digits)", (seconds, expected) => {
    expect(totpCode(RFC_KEY, seconds * 1000, 8)).toBe(expected);
  });

  it.each(RFC_VECTORS)("T = %i s gives the last 6 digits of %s", (seconds, expected) => {
    expect(totpCode(RFC_KEY, seconds * 1000)).toBe(expected.slice(-6));
    // same thing through the base32 form an app would be given
    expect(totpCode(base32Encode(RFC_KEY), new Date(seconds * 1000))).toBe(expected.slice(-6));
  });

  it("matches RFC 4226 appendix D HOTP values", () => {
    const expected = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"];
    expect(expected.map((_, counter) => hotp(RFC_KEY, counter))).toEqual(expected);
  });
});

describe("base32", () => {
  it("encodes the RFC 4648 examples (without padding)", () => {
    const cases: [string, string][] = [
      ["", ""],
      ["f", "MY"],
      ["fo", "MZXQ"],
      ["foo", "MZXW6"],
      ["foob", "MZXW6YQ"],
      ["fooba", "MZXW6YTB"],
      ["foobar", "MZXW6YTBOI"],
    ];
    for (const [plain, encoded] of cases) {
      expect(base32Encode(Buffer.from(plain))).toBe(encoded);
      expect(base32Decode(encoded).toString()).toBe(plain);
    }
  });

  it("round-trips random bytes of every length", () => {
    for (let n = 0; n <= 40; n++) {
      const bytes = crypto.randomBytes(n);
      expect(base32Decode(base32Encode(bytes)).equals(bytes)).toBe(true);
    }
  });

  it("accepts what people paste: lower case, spaces, dashes, padding", () => {
    expect(base32Decode("mzxw 6ytb-oi======").toString()).toBe("foobar");
  });

  it("refuses characters outside the alphabet", () => {
    expect(() => base32Decode("MZXW1")).toThrow(/base32/);
    expect(() => base32Decode("MZXW8")).toThrow(/base32/);
  });
});

describe("secrets and URIs", () => {
  it("generates distinct 160-bit secrets", () => {
    const a = generateTotpSecret();
    const b = generateTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(a)).toHaveLength(20);
    expect(a).not.toBe(b);
    expect(formatTotpSecret(a)).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
  });

  it("builds an otpauth URI with issuer and account encoded", () => {
    const secret = "JBSWY3DPEHPK3PXP";
    const uri = totpUri({ secret, issuer: "Ville de Saint-Étienne", account: "marie+admin@ville.fr" });
    expect(uri).toBe(
      "otpauth://totp/Ville%20de%20Saint-%C3%89tienne:marie%2Badmin%40ville.fr" +
        "?secret=JBSWY3DPEHPK3PXP&issuer=Ville%20de%20Saint-%C3%89tienne&algorithm=SHA1&digits=6&period=30",
    );
    const parsed = new URL(uri);
    expect(parsed.protocol).toBe("otpauth:");
    expect(parsed.searchParams.get("issuer")).toBe("Ville de Saint-Étienne");
  });

  it("keeps the label separator unambiguous and escapes URL syntax", () => {
    const uri = totpUri({ secret: "jbsw y3dp ehpk 3pxp", issuer: "Portail : Mairie", account: "a&b?c#d@x.fr" });
    expect(uri.startsWith("otpauth://totp/Portail%20Mairie:a%26b%3Fc%23d%40x.fr?secret=JBSWY3DPEHPK3PXP&")).toBe(true);
    expect(uri.split(":")).toHaveLength(3); // "otpauth", and the single issuer:account separator
  });
});

describe("verifyTotp", () => {
  const secret = generateTotpSecret();
  const now = new Date("2026-12-01T10:00:10Z");
  const step = totpStep(now);
  const at = (s: number) => s * 30_000;

  it("accepts the current code and returns its step", () => {
    expect(verifyTotp(secret, totpCode(secret, now), { now, lastStep: null })).toBe(step);
  });

  it("tolerates one step of drift either way, not two", () => {
    expect(verifyTotp(secret, totpCode(secret, at(step - 1)), { now, lastStep: null })).toBe(step - 1);
    expect(verifyTotp(secret, totpCode(secret, at(step + 1)), { now, lastStep: null })).toBe(step + 1);
    expect(verifyTotp(secret, totpCode(secret, at(step - 2)), { now, lastStep: null })).toBeNull();
    expect(verifyTotp(secret, totpCode(secret, at(step + 2)), { now, lastStep: null })).toBeNull();
  });

  it("refuses a code whose step was already used, and older ones still in the window", () => {
    const code = totpCode(secret, now);
    const used = verifyTotp(secret, code, { now, lastStep: null });
    expect(used).toBe(step);
    expect(verifyTotp(secret, code, { now, lastStep: used })).toBeNull();
    // 20 seconds later the same code is still inside the drift window: still refused
    expect(verifyTotp(secret, code, { now: now.getTime() + 20_000, lastStep: used })).toBeNull();
    expect(verifyTotp(secret, totpCode(secret, at(step - 1)), { now, lastStep: used })).toBeNull();
    // the next code is fine
    expect(verifyTotp(secret, totpCode(secret, at(step + 1)), { now, lastStep: used })).toBe(step + 1);
  });

  it("accepts spaces people type in the middle of the code", () => {
    const code = totpCode(secret, now);
    expect(verifyTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, { now, lastStep: null })).toBe(step);
  });

  it("refuses wrong, short, long and non-numeric codes, and another account's code", () => {
    const code = totpCode(secret, now);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    for (const bad of [wrong, code.slice(0, 5), `${code}0`, "abcdef", "", "１２３４５６"]) {
      expect(verifyTotp(secret, bad, { now, lastStep: null })).toBeNull();
    }
    expect(verifyTotp(generateTotpSecret(), code, { now, lastStep: null })).toBeNull();
  });

  it("refuses everything when the stored secret is unusable", () => {
    expect(verifyTotp("not base32!", "123456", { now, lastStep: null })).toBeNull();
    expect(verifyTotp("", "123456", { now, lastStep: null })).toBeNull();
  });
});
