// The one way an HTML form is handled: its route declares a schema built from these fragments
// (types and lengths: what only a hostile client gets wrong, answered by the generic French 400),
// then `handleForm` runs the use case, and if the service refuses the input (ValidationError)
// the form is shown again with status 400, the values as typed and a French message next to
// each field. JSON endpoints use the same schemas and answer a problem document instead.
import { NotFoundError, ValidationError } from "../errors.js";
import { idList, idString } from "./input-schemas.js";

export type FieldErrors = Record<string, string>;

/** A one-line or multi-line text field, bounded. Fields are optional unless listed as required. */
export function text(maxLength = 1000) {
  return { type: "string", maxLength } as const;
}

/** A one-line text field: a text input cannot send a line break, so one is refused. */
export function line(maxLength = 1000) {
  return { type: "string", maxLength, pattern: "^[^\\r\\n]*$" } as const;
}

/** One value among a fixed list (radio buttons, a select, a submit button's value). */
export function oneOf<const T extends readonly string[]>(values: T) {
  return { type: "string", enum: values } as const;
}

/** A checkbox: browsers send its value ("on" by default) only when it is ticked. */
export const checkbox = { type: "string", maxLength: 10 } as const;

export { idString as id, idList as ids };

/**
 * The body of an HTML form: the fields it reads, each bounded. Other fields are ignored by the
 * code, never read (mass assignment is impossible by construction) and left out of the type.
 */
export function formBody<const P extends Record<string, object>, const R extends readonly (keyof P & string)[] = []>(properties: P, required?: R) {
  return { type: "object", properties, ...(required?.length ? { required } : {}) } as const;
}

/** A query string: the parameters the route reads, each bounded; others are ignored. */
export function queryOf<const P extends Record<string, object>>(properties: P) {
  return { type: "object", properties } as const;
}

/** For routes that read nothing from the query string (tracking parameters and cache busters pass). */
export const noQuery = { type: "object" } as const;

/**
 * For POST routes whose form carries nothing but its CSRF token (sent as a field or, by
 * scripts, in the x-csrf-token header with no body at all: hence null is accepted too).
 */
export const emptyForm = { type: ["object", "null"], properties: { _csrf: { type: "string", maxLength: 200 } } } as const;

export interface Refused<V> {
  errors: FieldErrors;
  /** What the person typed, to show again (a service may give back normalised values). */
  values: V | undefined;
  status: 400;
}

/**
 * Runs `action`; on success answers with `done(result)`; when the service throws a
 * ValidationError, answers with `again({ errors, values, status: 400 })`, which renders the
 * same form. Any other error goes to the error handler.
 */
export async function handleForm<T, V = unknown>(
  action: () => Promise<T>,
  done: (result: T) => unknown,
  again: (refused: Refused<V>) => unknown,
): Promise<unknown> {
  let result: T;
  try {
    result = await action();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return again({ errors: error.fields, values: error.values as V | undefined, status: 400 });
  }
  return done(result);
}

// ---- reading a form body. A field arrives as a string, or as an array when repeated
// (checkbox groups); anything else is ignored, including fields nobody reads.

type Body = unknown;

function raw(body: Body, name: string): unknown {
  return body !== null && typeof body === "object" && Object.hasOwn(body, name) ? (body as Record<string, unknown>)[name] : undefined;
}

/** The first value of a field, cut at `max` characters ("" when absent); `trim` strips surrounding space. */
export function field(body: Body, name: string, opts: { max?: number; trim?: boolean } = {}): string {
  const v = raw(body, name);
  const first = Array.isArray(v) ? v[0] : v;
  const s = typeof first === "string" ? first.slice(0, opts.max ?? 100_000) : "";
  return opts.trim ? s.trim() : s;
}

/** Every non-empty value of a repeated field, trimmed. */
export function fieldList(body: Body, name: string, max = 200): string[] {
  const v = raw(body, name);
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list
    .slice(0, max)
    .flatMap((x) => (typeof x === "string" ? [x.trim()] : []))
    .filter((x) => x !== "");
}

/** Positive integer ids of a checkbox group, without duplicates; anything else is dropped. */
export function fieldIds(body: Body, name: string): number[] {
  const out = new Set<number>();
  for (const x of fieldList(body, name)) {
    if (!/^[0-9]{1,10}$/.test(x)) continue;
    const n = Number(x);
    if (n > 0 && n <= 2_147_483_647) out.add(n);
  }
  return [...out];
}

/** A ticked checkbox ("on" by default in browsers, or "1" / "true"). */
export function isChecked(body: Body, name: string): boolean {
  const v = field(body, name, { max: 10 });
  return v === "on" || v === "1" || v === "true";
}

// ---- pagination: "?page=N" on every list.

export const MAX_PAGE = 10_000;

/** The query-string schema of a page number. */
export const pageParam = { type: "string", pattern: "^[0-9]{1,6}$" } as const;

/** The page asked for: 1 when absent; a page that cannot exist is a 404, as a missing page is. */
export function pageNumber(raw: unknown): number {
  if (raw === undefined || raw === "") return 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE) throw new NotFoundError("Invalid page");
  return n;
}
