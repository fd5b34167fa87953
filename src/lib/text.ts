// Small text helpers shared by views and services.

/**
 * Cuts text to at most `max` characters (the ellipsis included) at a word boundary,
 * and ends it with "…". Text that already fits is returned unchanged (whitespace collapsed).
 */
export function truncateAtWord(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const room = clean.slice(0, Math.max(0, max - 1));
  const lastSpace = room.lastIndexOf(" ");
  // A single very long word has no boundary: cut it rather than return nothing.
  const cut = lastSpace > max * 0.4 ? room.slice(0, lastSpace) : room;
  return `${cut.replace(/[\s,;:.!?'’«(–—-]+$/u, "")}…`;
}

const LIGATURES: Record<string, string> = { œ: "oe", Œ: "oe", æ: "ae", Æ: "ae", ß: "ss" };

/** Turns a French title into a URL segment: lowercase ASCII words joined by hyphens. */
export function slugify(input: string, maxLength = 80): string {
  const ascii = input
    .replace(/[œŒæÆß]/g, (c) => LIGATURES[c] ?? c)
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’]/g, "-")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (ascii.length <= maxLength) return ascii;
  const cut = ascii.slice(0, maxLength);
  const lastHyphen = cut.lastIndexOf("-");
  return (lastHyphen > 0 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, "");
}

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function isValidSlug(slug: string): boolean {
  return slug.length >= 1 && slug.length <= 80 && SLUG_PATTERN.test(slug);
}

/** Strips HTML tags and decodes the few entities a sanitised body can contain, for meta descriptions. */
export function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}
