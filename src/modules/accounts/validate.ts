// Form input -> typed values or French messages per field. Forms arrive as strings (or
// arrays for checkboxes); anything else is ignored, including fields we never read
// (role, email_verified...): mass assignment is impossible by construction.
export type FieldErrors = Record<string, string>;

export function str(body: unknown, name: string, max = 1000): string {
  const v = (body as Record<string, unknown> | null)?.[name];
  return typeof v === "string" ? v.slice(0, max) : "";
}

/** Checkbox groups: one value is a string, several are an array. Only positive integers. */
export function ids(body: unknown, name: string): number[] {
  const v = (body as Record<string, unknown> | null)?.[name];
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  const out = new Set<number>();
  for (const x of list.slice(0, 200)) {
    const n = Number(x);
    if (Number.isInteger(n) && n > 0) out.add(n);
  }
  return [...out];
}

export function checked(body: unknown, name: string): boolean {
  const v = (body as Record<string, unknown> | null)?.[name];
  return v === "on" || v === "1" || v === "true";
}

// Deliberately simple: one @, something on each side, a dot in the domain, no spaces.
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,253}\.[^\s@]{2,}$/;

export function normaliseEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

export function emailProblem(email: string): string | null {
  if (!email) return "Saisissez votre adresse e-mail.";
  if (email.length > 254 || !EMAIL.test(email)) return "Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.";
  return null;
}

export function displayNameProblem(name: string): string | null {
  if (name.length > 80) return "Le nom affiché ne peut pas dépasser 80 caractères.";
  if (/[\u0000-\u001f\u007f<>]/.test(name)) return "Le nom affiché contient des caractères non autorisés.";
  return null;
}
