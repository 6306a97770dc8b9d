import { parseDecimal } from "@cleanse/values";

/** Value functions shared by the rules: they see strings (CSV) and typed values (JSON) alike. */

/** A value counts as missing when it is null, undefined or the empty string. */
export function isMissing(v: unknown): boolean {
  return v === undefined || v === null || v === "";
}

/** True for the code units JavaScript's `trim()` removes. */
export function isSpaceCode(c: number): boolean {
  if (c > 32 && c < 0xa0) return false;
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Missing, or a string of whitespace only, or an empty array. */
export function isBlank(v: unknown): boolean {
  if (typeof v === "string") return v.length === 0 || (isSpaceCode(v.charCodeAt(0)) && v.trim() === "");
  if (v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  return false;
}

const numericText = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/**
 * The exact value of a number as it is stored, in the value kernel's canonical decimal text (`"12.5"`, `"-300"`,
 * `"0.000001"`, what `parseDecimal` gives): a finite number (by its shortest decimal form, so `1.005` is 1.005), a
 * bigint, or numeric text written plainly (digits with an optional sign, point and exponent, spaces around).
 * Undefined for anything else: amounts in other notations (`"1,234.5"`, `"￥1,000"`, `"1.234,5"`) are for
 * standardization to read, not for the rules, and so is an exponent the kernel does not read (`"1e99999999"`).
 */
export function toDecimalText(v: unknown): string | undefined {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return undefined;
    // Safe integers print as the kernel writes them (-0 as "0").
    if (Number.isSafeInteger(v)) return String(v);
  } else if (typeof v === "string") {
    if (!numericText.test(v)) return undefined;
  } else if (typeof v !== "bigint") return undefined;
  const r = parseDecimal(v);
  return r.ok && r.value !== null ? r.value : undefined;
}

/**
 * Reads a number from a number, a bigint or numeric text ({@link toDecimalText}): the nearest double of its exact
 * value. NaN for anything else, including booleans, `Infinity` and text with trailing garbage ("12abc").
 */
export function toNumber(v: unknown): number {
  if (typeof v === "number") return Number.isFinite(v) ? v : Number.NaN;
  const d = toDecimalText(v);
  return d === undefined ? Number.NaN : Number(d);
}

/** True when the value is numeric text or a finite number. */
export function isNumeric(v: unknown): boolean {
  if (typeof v === "number") return Number.isFinite(v);
  return toDecimalText(v) !== undefined;
}

/** True for integral numbers, bigints and numeric text of a whole value ("42", "-7", "3.0", "1e3"). */
export function isIntegerValue(v: unknown): boolean {
  if (typeof v === "number") return Number.isInteger(v);
  if (typeof v === "bigint") return true;
  const d = toDecimalText(v);
  return d !== undefined && !d.includes(".");
}

/** Text of a value for string rules: strings as they are, numbers and booleans as text, else undefined. */
export function toText(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "bigint" || typeof v === "boolean") return String(v);
  return undefined;
}

/** Key of a value for sets, uniqueness and references: 12 and "12" are the same key. */
export function toKey(v: unknown): string {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "bigint" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString();
  return JSON.stringify(v) ?? String(v);
}

/** Short, quoted rendering of a value for messages. */
export function show(v: unknown): string {
  if (v === undefined) return "nothing";
  if (v === null) return "null";
  if (typeof v === "string") {
    if (v.length <= 60 && isPlainText(v)) return `"${v}"`;
    return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
  }
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "Invalid Date" : v.toISOString();
  if (typeof v === "object") {
    const text = JSON.stringify(v) ?? String(v);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  }
  return String(v);
}

/** Text without quotes, backslashes or control characters: it can be quoted without escaping. */
function isPlainText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029) return false;
  }
  return true;
}

/** Name of a value's type for messages. */
export function typeName(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (v instanceof Date) return "date";
  return typeof v;
}

/** Plain object test (not an array, not null). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);
}
