// JSON-schema fragments for the values every module takes from URLs and forms. Ids stay
// strings (handlers and services read them as such) but their pattern bounds them to a
// PostgreSQL integer: 1 to 2147483647, so an id can never overflow a query (SQLSTATE 22003).

/** 1..2147483647 written without sign, leading zero, exponent or decimals. */
export const ID_PATTERN =
  "^(?:[1-9][0-9]{0,8}|1[0-9]{9}|20[0-9]{8}|21[0-3][0-9]{7}|214[0-6][0-9]{6}|2147[0-3][0-9]{5}|21474[0-7][0-9]{4}|214748[0-2][0-9]{3}|2147483[0-5][0-9]{2}|21474836[0-3][0-9]|214748364[0-7])$";

export const MAX_ID = 2_147_483_647;

/** An id in a path or a form field. */
export const idString = { type: "string", pattern: ID_PATTERN } as const;

/** A slug in a path: lower-case words joined by hyphens (lib/text.ts SLUG_PATTERN). */
export const slugString = { type: "string", maxLength: 120, pattern: "^[a-z0-9]+(-[a-z0-9]+)*$" } as const;

/** Checkbox groups of ids: one value arrives as a string, Ajv's coerceTypes "array" wraps it. */
export const idList = { type: "array", maxItems: 200, items: idString } as const;

/**
 * Path parameters that mean the same thing in every module. The input guard's onRoute hook
 * gives a route whose path uses one of these names, and that declares no schema for it, this
 * schema: a new route with `:id` is bounded without anyone remembering to.
 */
export const CONVENTIONAL_PARAMS: Record<string, object> = { id: idString, rid: idString, slug: slugString };
