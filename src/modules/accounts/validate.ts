// What an account's address and name may be. Form fields are read with core/http/form.ts.

// Deliberately simple: one @, a local part and a domain of dot-separated parts (the last
// of two characters or more), no spaces, and none of the characters that are legal only
// inside quotes ("a,b@x.fr" would reach two mailboxes through a mail library's parser).
const CHAR = String.raw`[^\s@.()<>\[\]:;,"\\/]`;
const EMAIL = new RegExp(`^${CHAR}+(?:\\.${CHAR}+)*@(?:${CHAR}+\\.)+${CHAR}{2,}$`, "u");

// Characters that do not show, or that change how the text around them shows: format
// characters (zero-width space and joiners, bidi marks and overrides, soft hyphen, BOM),
// controls, default-ignorable code points (Hangul fillers, variation selectors),
// private-use, unassigned and lone surrogates, line and paragraph separators; and the
// ideographic full stops that IDNA reads as a dot. "alice@example.test" followed by
// U+200B looks like Alice's address, and some mail servers deliver it to her.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\u2800\u3002\uFF61]/u;

/**
 * The one form of an address that is stored, compared and mailed: Unicode compatibility
 * forms folded (NFKC: full-width "ａｌｉｃｅ" is "alice"), lower case, no surrounding space.
 * Use it wherever an address is typed (sign-up, sign-in, reset, e-mail change,
 * invitations, create-admin), so look-alike spellings reach the same account; what NFKC
 * cannot fold (invisible characters) is refused by emailProblem.
 */
export function normaliseEmail(raw: string): string {
  // Lower case can un-normalise a few letters (U+0130): fold again.
  return raw.normalize("NFKC").toLowerCase().normalize("NFKC").trim();
}

/** A French message for an unusable address (already normalised), or null. */
export function emailProblem(email: string): string | null {
  if (!email) return "Saisissez votre adresse e-mail.";
  if (INVISIBLE.test(email)) return "L’adresse e-mail contient des caractères invisibles ou de mise en forme : saisissez-la de nouveau, sans copier-coller.";
  const [local = ""] = email.split("@");
  if (email.length > 254 || local.length > 64 || !EMAIL.test(email)) return "Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.";
  return null;
}

export function displayNameProblem(name: string): string | null {
  if (name.length > 80) return "Le nom affiché ne peut pas dépasser 80 caractères.";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the class exists to refuse control characters (U+0000–U+001F, U+007F) in a name shown to others
  if (/[\u0000-\u001f\u007f<>]/.test(name)) return "Le nom affiché contient des caractères non autorisés.";
  return null;
}
