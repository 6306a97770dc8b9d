import type { EmptyPolicy, StandardizeFailure, StandardizeResult, StandardizeSuccess } from "../StandardizeResult/StandardizeResult.ts";

export function success<T, I = undefined>(value: T | null, changed: boolean, info?: I): StandardizeSuccess<T, I> {
  return info === undefined ? { ok: true, value, changed } : { ok: true, value, changed, info };
}

export function failure(code: string, message: string, value: unknown): StandardizeFailure {
  return { ok: false, issue: { code, message, value } };
}

/** Quotes a value for a message, shortened so that messages stay readable. */
export function show(value: unknown): string {
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
 */
export function emptyResult<T>(value: unknown, policy: EmptyPolicy | undefined): StandardizeResult<T, never> | undefined {
  if (value === null) return NULL_UNCHANGED as unknown as StandardizeResult<T, never>;
  if (value === undefined) return NULL_UNCHANGED as unknown as StandardizeResult<T, never>;
  if (typeof value !== "string") return undefined;
  if (value.length > 0) {
    // Fast exit: most values start with a visible ASCII character.
    const first = value.charCodeAt(0);
    if (first > 32 && first < 127) return undefined;
    if (value.trim().length > 0) return undefined;
  }
  if (policy === "keep") return { ok: true, value: value as T, changed: false };
  return NULL_CHANGED as unknown as StandardizeResult<T, never>;
}

const NULL_UNCHANGED: StandardizeSuccess<never> = Object.freeze({ ok: true, value: null, changed: false });
const NULL_CHANGED: StandardizeSuccess<never> = Object.freeze({ ok: true, value: null, changed: true });

export function notText(kind: string, value: unknown): StandardizeFailure {
  return failure("invalid_type", `Expected a ${kind} as text, received ${show(value)}.`, value);
}
