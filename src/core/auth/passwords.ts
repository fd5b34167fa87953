// Password rules (ASVS V2.1 / CNIL): at least 12 characters, at most 128, any Unicode,
// no composition rules, refused when it is a common password or built on words tied to
// the site (city name, "mairie"...). Hashing: Argon2id with OWASP parameters.
import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

// OWASP Password Storage Cheat Sheet: m=19 MiB, t=2, p=1 (about 16 ms here).
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

const COMMON = new Set<string>((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));

// Words an attacker tries first against a city site, whatever the city.
const CONTEXT_WORDS = [
  "motdepasse",
  "mot de passe",
  "password",
  "azerty",
  "qwerty",
  "mairie",
  "ville",
  "hoteldeville",
  "portail",
  "quartier",
  "citoyen",
  "bonjour",
  "soleil",
  "france",
  "marseille",
  "paris",
  "lille",
];

function normalise(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/** Length counts characters as people see them (code points), not UTF-16 units. */
export function passwordLength(password: string): number {
  return [...password.normalize("NFC")].length;
}

/**
 * Returns a French message saying what is wrong, or null when the password is acceptable.
 * `context` adds words specific to this site and person (site name, e-mail local part).
 */
export function passwordProblem(password: string, context: string[] = []): string | null {
  const length = passwordLength(password);
  if (length < PASSWORD_MIN) return `Le mot de passe doit contenir au moins ${PASSWORD_MIN} caractères.`;
  if (length > PASSWORD_MAX) return `Le mot de passe ne peut pas dépasser ${PASSWORD_MAX} caractères.`;
  const plain = normalise(password);
  if (COMMON.has(password.toLowerCase()) || COMMON.has(plain)) {
    return "Ce mot de passe fait partie des plus utilisés : choisissez-en un autre, par exemple une phrase de plusieurs mots.";
  }
  if (new Set([...password.toLowerCase()]).size <= 2) return "Ce mot de passe est trop répétitif : choisissez-en un autre.";
  const words = [...CONTEXT_WORDS, ...context].map(normalise).filter((w) => w.length >= 4);
  for (const word of words) {
    // The password is the word, possibly with digits or symbols around it ("Lille2024!").
    const rest = plain.replace(word, "");
    if (plain.includes(word) && !/[a-z]{4,}/.test(rest)) {
      return "Ce mot de passe est trop facile à deviner (nom du site, de la ville ou de votre adresse) : choisissez-en un autre.";
    }
  }
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize("NFC"), ARGON2);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password.normalize("NFC"));
  } catch {
    return false;
  }
}

// Verifying against this when the account does not exist takes the same time as a real
// check, so response times do not reveal which addresses have an account.
let dummyHash: Promise<string> | null = null;
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("portail-dummy-password-for-timing");
  await verifyPassword(await dummyHash, password);
  return false;
}
