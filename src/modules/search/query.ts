// What a visitor typed, read into terms: words, "quoted phrases" and -exclusions (the syntax
// of web search engines). Pure functions: the SQL that turns terms into a tsquery is in
// queries.ts, always with bound parameters.

/** Longest query read; the rest is ignored (the route refuses more than 500 characters). */
export const QUERY_MAX_LENGTH = 200;
/** At most this many terms are searched (a long paste is a sentence, not ten criteria). */
export const MAX_TERMS = 12;

export interface Term {
  /** The word or phrase as typed (without quotes or minus sign). */
  text: string;
  phrase: boolean;
  excluded: boolean;
  /** Spellings searched together (OR): the word and the inflections the stemmer misses. */
  variants: string[];
}

/**
 * Plurals the French stemmer does not bring back to their singular (travail/travaux ->
 * "travail"/"traval"). Each group is searched as one word. Folded (lower case, no accents).
 */
const IRREGULAR: readonly (readonly string[])[] = [
  ["travail", "travaux"],
  ["vitrail", "vitraux"],
  ["bail", "baux"],
  ["corail", "coraux"],
  ["email", "emaux"],
  ["soupirail", "soupiraux"],
  ["vantail", "vantaux"],
  ["oeil", "yeux"],
  ["ciel", "cieux"],
  ["aieul", "aieux"],
];
const IRREGULAR_BY_WORD = new Map<string, readonly string[]>(IRREGULAR.flatMap((group) => group.map((w) => [w, group] as const)));

/**
 * Words too common to search for that PostgreSQL's French stop list lets through once accents
 * are folded ("à" becomes "a", "les" stems to "le"): dropped from queries, kept in phrases.
 */
const STOP_WORDS = new Set(["a", "les", "cet", "cette", "ils", "elles", "leurs", "quoi", "si", "ni", "car", "donc", "comme", "tres", "tous", "tout", "y"]);

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(fold(word));
}

/** Lower case without accents or ligatures: how the index compares words. */
export function fold(text: string): string {
  return text.toLowerCase().replace(/œ/g, "oe").replace(/æ/g, "ae").normalize("NFD").replace(/\p{M}/gu, "");
}

/** Control and format characters out, white space collapsed, cut at QUERY_MAX_LENGTH. */
export function cleanQuery(raw: string): string {
  return raw
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, QUERY_MAX_LENGTH)
    .trim();
}

const WORD = /[\p{L}\p{N}]+/gu;
/** Elided articles and one-letter words ("l'école", "d'emploi"): never a search criterion. */
const ELISIONS = new Set(["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu"]);

/**
 * The inflections searched for one word: itself, its form with and without a final s/x (the
 * stemmer keeps "emplois" apart from "emploi"), and its irregular plural or singular.
 */
export function variantsOf(word: string): string[] {
  const w = fold(word);
  const out = new Set([w]);
  if (/\p{L}$/u.test(w) && w.length >= 3) {
    if (/[sx]$/.test(w)) {
      if (w.length >= 4) out.add(w.slice(0, -1));
    } else {
      out.add(`${w}s`);
    }
  }
  for (const form of IRREGULAR_BY_WORD.get(w) ?? []) out.add(form);
  return [...out];
}

/** The terms of a cleaned query, at most MAX_TERMS. Unclosed quotes are read as plain words. */
export function parseQuery(query: string): Term[] {
  const terms: Term[] = [];
  const pattern = /(-?)"([^"]*)"|(-?)([^\s"]+)/g;
  for (const m of query.matchAll(pattern)) {
    if (m[2] !== undefined) {
      const words = m[2].match(WORD) ?? [];
      if (words.length === 0) continue;
      const excluded = m[1] === "-";
      if (words.length === 1) terms.push(wordTerm(words[0]!, excluded));
      else terms.push({ text: words.join(" "), phrase: true, excluded, variants: [words.join(" ")] });
    } else {
      const excluded = m[3] === "-";
      for (const word of m[4]?.match(WORD) ?? []) {
        if (ELISIONS.has(fold(word))) continue;
        terms.push(wordTerm(word, excluded));
      }
    }
  }
  return dedupe(terms).slice(0, MAX_TERMS);
}

function wordTerm(word: string, excluded: boolean): Term {
  return { text: word, phrase: false, excluded, variants: variantsOf(word) };
}

function dedupe(terms: Term[]): Term[] {
  const seen = new Set<string>();
  return terms.filter((t) => {
    const key = `${t.excluded ? "-" : ""}${t.phrase ? '"' : ""}${fold(t.text)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The query with some words replaced (a suggestion), keeping quotes and minus signs. */
export function rewriteQuery(terms: Term[], replace: (term: Term) => string): string {
  return terms
    .map((t) => {
      const text = t.phrase || t.excluded ? t.text : replace(t);
      const quoted = t.phrase ? `"${text}"` : text;
      return t.excluded ? `-${quoted}` : quoted;
    })
    .join(" ");
}
