// Comments are plain text: no HTML, no markup. Blank lines make paragraphs, single line breaks
// stay, and web addresses become links. Splitting happens here, into strings and link parts;
// the view renders them as text nodes and <a> elements, so Preact escapes everything.
import { createHash } from "node:crypto";

export type TextPart = { text: string } | { href: string; text: string };

// An address starts with http(s):// or www. and runs to the next space or angle bracket;
// punctuation that ends a sentence is left out of the link.
const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"]+/gi;
const TRAILING = /[.,;:!?)\]'»”]+$/;

/** Paragraphs of lines of parts. */
export function splitComment(body: string): TextPart[][][] {
  return body
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map((p) => p.split("\n").map(linkify));
}

function linkify(line: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of line.matchAll(URL_PATTERN)) {
    let raw = m[0];
    const trail = TRAILING.exec(raw);
    if (trail) raw = raw.slice(0, raw.length - trail[0].length);
    if (raw.length < 8) continue;
    const start = m.index ?? 0;
    if (start > last) parts.push({ text: line.slice(last, start) });
    const href = raw.toLowerCase().startsWith("www.") ? `https://${raw}` : raw;
    // Only web links: the pattern already guarantees http(s); this keeps it obvious.
    if (/^https?:\/\//i.test(href)) parts.push({ href, text: raw });
    else parts.push({ text: raw });
    last = start + raw.length;
  }
  if (last < line.length) parts.push({ text: line.slice(last) });
  return parts;
}

/** How many addresses a text holds (new accounts may post only a few). */
export function countLinks(body: string): number {
  return [...body.matchAll(URL_PATTERN)].length;
}

/** Text as typed, tidied: line endings, trailing spaces, at most one blank line in a row. */
export function normaliseBody(body: string): string {
  return body
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Same words, whatever the case, spacing and punctuation: the duplicate check. */
export function fingerprint(body: string): string {
  const words = body
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  return createHash("sha256").update(words).digest("hex");
}

/** A short extract, for the queue and notifications. */
export function excerpt(body: string, max = 140): string {
  const flat = body.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
