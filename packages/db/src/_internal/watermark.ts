import { compareDecimals, parseDate, parseIsoDateTime } from "@cleanse/values";
import type { WatermarkType } from "../incrementalSpecSchema/incrementalSpecSchema.ts";

const NUMERIC = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;
const INTEGER = /^-?\d+$/;

/** Brings a watermark value into a JSON-safe form: strings and numbers stay, bigints and dates become text. */
export function toJsonWatermark(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  return String(value);
}

function asNumberText(v: unknown): string | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : undefined;
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "string" && NUMERIC.test(v.trim())) return v.trim();
  return undefined;
}

/**
 * A timestamp as floating epoch milliseconds, read by the value kernel: one with an offset (PostgreSQL's
 * `timestamp with time zone`, `...Z`) is its instant; one without (`timestamp without time zone`, SQLite text) is a
 * wall-clock time placed on the UTC axis, never read in the machine's time zone. ISO text is read directly; other
 * shapes the kernel reads (`2024/05/01 10:00`, `Jan 9, 2024`) through `parseDate`.
 */
function timeOf(v: unknown): number | undefined {
  if (v instanceof Date) {
    const t = v.getTime();
    return Number.isNaN(t) ? undefined : t;
  }
  if (typeof v !== "string") return undefined;
  const s = v.trim();
  let t = parseIsoDateTime(s);
  if (Number.isNaN(t)) {
    const r = parseDate(s);
    if (r.ok && r.value !== null) t = parseIsoDateTime(r.value);
  }
  return Number.isNaN(t) ? undefined : t;
}

function compareNumbers(a: string, b: string): number {
  if (INTEGER.test(a) && INTEGER.test(b)) {
    const x = BigInt(a);
    const y = BigInt(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  // Exact: doubles would make 12345678901234567.5 equal 12345678901234567.25.
  return compareDecimals(a, b);
}

/**
 * Compares two watermark values the way the database would: numbers numerically (big integers too),
 * timestamps by time (instants for those with an offset, wall-clock times for those without), anything
 * else as text.
 */
export function compareWatermarks(a: unknown, b: unknown, type: WatermarkType = "auto"): number {
  if (type === "number" || type === "auto") {
    const x = asNumberText(a);
    const y = asNumberText(b);
    if (x !== undefined && y !== undefined) return compareNumbers(x, y);
    if (type === "number") return compareText(a, b);
  }
  if (type === "timestamp" || type === "auto") {
    const x = timeOf(a);
    const y = timeOf(b);
    if (x !== undefined && y !== undefined && x !== y) return x < y ? -1 : 1;
  }
  return compareText(a, b);
}

function compareText(a: unknown, b: unknown): number {
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
