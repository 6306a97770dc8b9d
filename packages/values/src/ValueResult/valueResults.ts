import type { EmptyPolicy, ValueFailure, ValueResult, ValueSuccess } from "./ValueResult.ts";

/**
 * A successful reading.
 * @param value - the canonical value (`null` for empty input)
 * @param changed - whether it differs from the input
 * @param info - what the reader learned on the way
 * @returns the success result
 * @example
 * success("2023-01-01", true) //=> { ok: true, value: "2023-01-01", changed: true }
 */
export function success<T, I = undefined>(value: T | null, changed: boolean, info?: I): ValueSuccess<T, I> {
  return info === undefined ? { ok: true, value, changed } : { ok: true, value, changed, info };
}

/**
 * A refusal: the value cannot be read without guessing.
 * @param code - snake_case issue code, e.g. `ambiguous_date`
 * @param message - what was expected, what was received, what to do
 * @param value - the value as given
 * @returns the failure result
 * @example
 * failure("invalid_date", "Impossible date", "2023-02-30").ok //=> false
 */
export function failure(code: string, message: string, value: unknown): ValueFailure {
  return { ok: false, issue: { code, message, value } };
}

/**
 * Quotes a value for a message, shortened so that messages stay readable.
 * @param value - any value
 * @returns its short, quoted form
 * @example
 * showValue("abc") //=> '"abc"'
 */
export function showValue(value: unknown): string {
  let text: string;
  if (typeof value === "string") text = JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  else if (value instanceof Date) text = `Date(${Number.isNaN(value.getTime()) ? "invalid" : value.toISOString()})`;
  else if (typeof value === "bigint") text = `${value}n`;
  else if (typeof value === "object" && value !== null) text = Array.isArray(value) ? "an array" : "an object";
  else text = String(value);
  return text;
}

/**
 * Handles null, undefined and blank strings the same way in every standardizer.
 * Returns undefined when the value is not empty and needs the real work.
 * @param value - the value to read
 * @param policy - `"null"` (default) or `"keep"` for blank strings
 * @returns the empty result, or undefined when the value needs reading
 * @example
 * emptyResult("  ", undefined) //=> { ok: true, value: null, changed: true }
 */
export function emptyResult<T>(value: unknown, policy: EmptyPolicy | undefined): ValueResult<T, never> | undefined {
  if (value === null) return NULL_UNCHANGED as unknown as ValueResult<T, never>;
  if (value === undefined) return NULL_UNCHANGED as unknown as ValueResult<T, never>;
  if (typeof value !== "string") return undefined;
  if (value.length > 0) {
    // Fast exit: most values start with a visible ASCII character.
    const first = value.charCodeAt(0);
    if (first > 32 && first < 127) return undefined;
    if (value.trim().length > 0) return undefined;
  }
  if (policy === "keep") return { ok: true, value: value as T, changed: false };
  return NULL_CHANGED as unknown as ValueResult<T, never>;
}

const NULL_UNCHANGED: ValueSuccess<never> = Object.freeze({ ok: true, value: null, changed: false });
const NULL_CHANGED: ValueSuccess<never> = Object.freeze({ ok: true, value: null, changed: true });

/**
 * The refusal of a value that is not text (nor a type the reader accepts).
 * @param kind - what was expected, e.g. "date"
 * @param value - the value as given
 * @returns the `invalid_type` failure
 * @example
 * notText("date", {}).issue.code //=> "invalid_type"
 */
export function notText(kind: string, value: unknown): ValueFailure {
  return failure("invalid_type", `Expected a ${kind} as text, received ${showValue(value)}.`, value);
}
