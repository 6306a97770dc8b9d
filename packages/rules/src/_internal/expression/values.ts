import { formatFloating, fromDateObject, parseIsoDateTime, compareDecimals } from "@cleanse/values";
import { toDecimalText } from "../values.ts";

/** A value inside an expression. Dates are Date objects holding floating (zone-less) time in their UTC fields. */
export type ExprValue = null | number | string | boolean | Date | readonly ExprValue[];

/** Field values as the expression sees them: empty text is null, Dates stay Dates, other objects become JSON text. */
export function fromField(v: unknown): ExprValue {
  if (v === undefined || v === null || v === "") return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (typeof v === "bigint") return Number(v);
  if (v instanceof Date) return new Date(fromDateObject(v));
  if (Array.isArray(v)) return v.map(fromField);
  if (typeof v === "object") return JSON.stringify(v) ?? null;
  return null;
}

/** Numbers, numeric text (as the value kernel reads it: the nearest double of its exact value) and booleans as 1 and 0. */
export function asNumber(v: ExprValue): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string") {
    const d = toDecimalText(v);
    return d === undefined ? null : Number(d);
  }
  if (typeof v === "boolean") return v ? 1 : 0;
  return null;
}

/** The exact value of a number or numeric text, as canonical decimal text. */
export function asDecimalText(v: ExprValue): string | null {
  if (typeof v === "boolean") return v ? "1" : "0";
  return toDecimalText(v) ?? null;
}

/** Orders two values already read as numbers: by their doubles, and exactly on their decimal text when those tie. */
function compareNumbers(a: ExprValue, na: number, b: ExprValue, nb: number): number {
  if (na < nb) return -1;
  if (na > nb) return 1;
  if (typeof a === "number" && typeof b === "number") return 0;
  const da = asDecimalText(a), db = asDecimalText(b);
  return da === null || db === null ? 0 : compareDecimals(da, db);
}

export function asTime(v: ExprValue): number | null {
  if (v instanceof Date) {
    const t = v.getTime();
    return Number.isNaN(t) ? null : t;
  }
  if (typeof v === "string") {
    const t = parseIsoDateTime(v.trim());
    return Number.isNaN(t) ? null : t;
  }
  return null;
}

export function asText(v: ExprValue): string | null {
  if (v === null) return null;
  if (typeof v === "string") return v;
  if (v instanceof Date) return formatFloating(v.getTime());
  if (Array.isArray(v)) return JSON.stringify(v);
  return String(v);
}

/** Truth of a value: booleans as they are, null stays unknown, numbers are true unless 0, text unless "" or "false". */
export function truth(v: ExprValue): boolean | null {
  if (v === null) return null;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (typeof v === "string") {
    const lower = v.trim().toLowerCase();
    return !(lower === "" || lower === "false" || lower === "0" || lower === "no");
  }
  return true;
}

/**
 * Orders two non-null values: numbers (and numeric text) numerically, dates (and ISO text beside a date,
 * or two ISO texts) by time, booleans as booleans, anything else as text. Returns NaN when they cannot be ordered.
 */
export function compareValues(a: ExprValue, b: ExprValue): number {
  if (typeof a === "number" && typeof b === "number") return a < b ? -1 : a > b ? 1 : a === b ? 0 : Number.NaN;
  if (typeof a === "string" && typeof b === "string") {
    const na = asNumber(a), nb = asNumber(b);
    if (na !== null && nb !== null) return compareNumbers(a, na, b, nb);
    const ta = asTime(a), tb = asTime(b);
    if (ta !== null && tb !== null) return ta - tb;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (a instanceof Date || b instanceof Date) {
    const ta = asTime(a), tb = asTime(b);
    return ta === null || tb === null ? Number.NaN : ta - tb;
  }
  if (typeof a === "boolean" || typeof b === "boolean") {
    const ba = typeof a === "boolean" ? a : a === "true" ? true : a === "false" ? false : null;
    const bb = typeof b === "boolean" ? b : b === "true" ? true : b === "false" ? false : null;
    return ba === null || bb === null ? Number.NaN : Number(ba) - Number(bb);
  }
  const na = asNumber(a), nb = asNumber(b);
  if (na !== null && nb !== null) return compareNumbers(a, na, b, nb);
  const sa = asText(a), sb = asText(b);
  return sa === null || sb === null ? Number.NaN : sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** Null-safe equality: null equals only null; otherwise the same coercions as ordering. */
export function equalValues(a: ExprValue, b: ExprValue): boolean {
  if (a === null || b === null) return a === b;
  if (Array.isArray(a) || Array.isArray(b)) return JSON.stringify(a) === JSON.stringify(b);
  return compareValues(a, b) === 0;
}

