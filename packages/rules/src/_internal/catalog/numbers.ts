import { z } from "zod";
import { RuleOptionError, type RuleDefinition } from "../../defineRule/defineRule.ts";
import { formatFloating, fromDateObject, parseDecimal, parseIsoDateTime, compareDecimals } from "@cleanse/values";
import { compileDateFormats, isBlankText, parseDateBound, type DateReader } from "../dates.ts";
import { toDecimalText, toNumber } from "../values.ts";
import { builtin, show } from "./define.ts";

const bound = z.union([z.number(), z.string()]);

const rangeOptions = z.strictObject({
  min: bound.optional().describe("Lowest allowed value: a number, or a date (2024-01-31, today, today-30d)"),
  max: bound.optional().describe("Highest allowed value: a number, or a date"),
  exclusive_min: z.boolean().optional().describe("Refuse a value equal to min"),
  exclusive_max: z.boolean().optional().describe("Refuse a value equal to max"),
  format: z.string().optional().describe("Date format of the values when the bounds are dates (default ISO 8601; auto reads what parseDate of @cleanse/values reads)"),
});

/** A compiled bound check on numbers or floating timestamps. */
function inBounds(min: number | undefined, max: number | undefined, exMin: boolean, exMax: boolean): (x: number) => boolean {
  const lo = min ?? Number.NEGATIVE_INFINITY;
  const hi = max ?? Number.POSITIVE_INFINITY;
  if (!exMin && !exMax) return (x) => x >= lo && x <= hi;
  return (x) => (exMin ? x > lo : x >= lo) && (exMax ? x < hi : x <= hi);
}

function describeBounds(min: string | undefined, max: string | undefined, exMin: boolean, exMax: boolean): string {
  if (min !== undefined && max !== undefined) return `between ${min} and ${max}${exMin || exMax ? ` (${[exMin ? "min" : "", exMax ? "max" : ""].filter(Boolean).join(" and ")} excluded)` : ""}`;
  if (min !== undefined) return `${exMin ? "greater than" : "at least"} ${min}`;
  return `${exMax ? "less than" : "at most"} ${max}`;
}

/** Reads a date value: Date objects, values in the given format, else ISO 8601 text. */
export function dateReader(read: DateReader | undefined): DateReader {
  if (read !== undefined) return read;
  return (v) => (v instanceof Date ? fromDateObject(v) : typeof v === "string" ? parseIsoDateTime(v.trim()) : Number.NaN);
}

/** A numeric bound: its nearest double for the quick comparison, and its exact text for ties. */
interface NumberBound {
  readonly x: number;
  readonly text: string;
}

function numberBound(b: number | string | undefined, key: "min" | "max"): NumberBound | undefined {
  if (b === undefined) return undefined;
  const text = toDecimalText(b);
  if (text === undefined) throw new RuleOptionError(`${show(b)} is not a number`, [key]);
  return { x: Number(text), text };
}

/**
 * How a value whose double equals a bound's compares with the bound, exactly, on their decimal text. Doubles decide
 * every other case: rounding decimal text to the nearest double never reverses an order.
 */
function compareTie(v: unknown, bound: NumberBound): number {
  const text = toDecimalText(v);
  return text === undefined ? Number.NaN : compareDecimals(text, bound.text);
}

/** The message for a value that is not a number as stored; an amount the kernel reads says what it reads as. */
export function notANumber(v: unknown, expected: string): string {
  const r = typeof v === "string" ? parseDecimal(v) : undefined;
  if (r?.ok && r.value !== null) return `expected ${expected} written plainly (such as 1234.5), received ${show(v)}: it reads as ${r.value}, so standardize it first`;
  if (r !== undefined && !r.ok && r.issue.code === "ambiguous_decimal") {
    return `expected ${expected}, received ${show(v)}: its comma may group thousands or be a decimal comma, so standardize it with a locale first`;
  }
  return `expected ${expected}, received ${show(v)}`;
}

const range = builtin({
  name: "range",
  description:
    "The value must lie between `min` and `max` (inclusive unless `exclusive_min`/`exclusive_max`). Numbers compare exactly, numeric text included (`\"12.5\"`, `\"0.1000000000000000001\"` is above 0.1); amounts written otherwise (`1,234.5`, `￥1,000`) are not numbers until standardized. When a bound is a date (`2024-01-01`, `today`, `today-30d`), values compare as dates.",
  code: "out_of_range",
  dimension: "validity",
  options: rangeOptions,
  examples: ["credit_limit: [{ range: { min: 0, max: 1000000 } }]", "discount: [{ range: { min: 0, max: 1, exclusive_max: true } }]", "order_date: [{ range: { min: 2020-01-01, max: today } }]"],
  compile: (o) => {
    if (o.min === undefined && o.max === undefined) throw new RuleOptionError("range needs min, max or both", []);
    const exMin = o.exclusive_min ?? false;
    const exMax = o.exclusive_max ?? false;
    const isDate = [o.min, o.max].some((b) => typeof b === "string" && toDecimalText(b) === undefined) || o.format !== undefined;
    if (!isDate) {
      const min = numberBound(o.min, "min");
      const max = numberBound(o.max, "max");
      if (min !== undefined && max !== undefined && compareDecimals(min.text, max.text) > 0) throw new RuleOptionError(`min (${min.text}) is greater than max (${max.text})`, ["min"]);
      const text = describeBounds(min?.text, max?.text, exMin, exMax);
      const lo = min?.x ?? Number.NEGATIVE_INFINITY;
      const hi = max?.x ?? Number.POSITIVE_INFINITY;
      // Doubles decide at once unless the value ties with a bound, which compares exactly; NaN fails every comparison.
      const test = (v: unknown): boolean => {
        const x = typeof v === "number" ? v : toNumber(v);
        if (x > lo && x < hi) return true;
        if (!(x >= lo && x <= hi)) return false;
        if (min !== undefined && x === lo) {
          const c = compareTie(v, min);
          if (!(exMin ? c > 0 : c >= 0)) return false;
        }
        if (max !== undefined && x === hi) {
          const c = compareTie(v, max);
          if (!(exMax ? c < 0 : c <= 0)) return false;
        }
        return true;
      };
      return {
        kind: "value",
        test,
        message: (v) => (Number.isNaN(toNumber(v)) ? notANumber(v, `a number ${text}`) : `${show(v)} is not ${text}`),
      };
    }
    const formats = o.format === undefined ? undefined : compileDateFormats(o.format, { kind: "datetime" });
    const read = dateReader(formats?.read);
    const auto = formats?.auto === true;
    const readBound = (b: string | number | undefined, key: "min" | "max"): number | undefined => {
      if (b === undefined) return undefined;
      const t = parseDateBound(String(b), read);
      if (Number.isNaN(t)) throw new RuleOptionError(`${show(b)} is neither a number nor a date (use 2024-01-31, today or today-30d)`, [key]);
      return t;
    };
    const min = readBound(o.min, "min");
    const max = readBound(o.max, "max");
    if (min !== undefined && max !== undefined && min > max) throw new RuleOptionError(`min (${o.min}) is after max (${o.max})`, ["min"]);
    const ok = inBounds(min, max, exMin, exMax);
    const text = describeBounds(min === undefined ? undefined : formatFloating(min), max === undefined ? undefined : formatFloating(max), exMin, exMax);
    return {
      kind: "value",
      test: (v) => {
        const t = read(v);
        // With auto, blank text is empty to the kernel: no date, and no bad one.
        return t === t ? ok(t) : auto && isBlankText(v);
      },
      message: (v) => {
        if (!Number.isNaN(read(v))) return `${show(v)} is not ${text}`;
        const reason = formats?.why(v);
        return `expected a date ${text}, received ${show(v)}${reason === undefined ? "" : ` (${reason})`}`;
      },
    };
  },
});

const decimalOptions = z.strictObject({
  scale: z.number().int().min(0).optional().describe("Most digits after the decimal point"),
  precision: z.number().int().min(1).optional().describe("Most digits in all (SQL DECIMAL(precision, scale))"),
});

/**
 * Digits before and after the point of a number as stored ({@link toDecimalText}, the value kernel's exact reading),
 * leading zeros and trailing zeros of the fraction ignored; undefined when the value is not a number.
 */
export function decimalDigits(v: unknown): { readonly integer: number; readonly fraction: number } | undefined {
  const text = toDecimalText(v);
  if (text === undefined) return undefined;
  const start = text.charCodeAt(0) === 45 ? 1 : 0;
  const dot = text.indexOf(".");
  const intEnd = dot < 0 ? text.length : dot;
  const integer = intEnd - start === 1 && text.charCodeAt(start) === 48 ? 0 : intEnd - start;
  return { integer, fraction: dot < 0 ? 0 : text.length - dot - 1 };
}

const decimal = builtin({
  name: "decimal",
  description:
    "The value must be a number with at most `scale` digits after the point and at most `precision` digits in all, like SQL DECIMAL(precision, scale), counted on the value as written (`1.005` has 3 decimals), never on a rounded binary number. Trailing zeros after the point do not count. Amounts written otherwise (`1,234.5`, `￥1,000`, `1.234,5`) are not numbers until standardized; the message says how they read.",
  code: "invalid_format",
  dimension: "validity",
  options: decimalOptions,
  examples: ["credit_limit: [{ decimal: { scale: 2 } }]", "amount: [{ decimal: { precision: 12, scale: 2 } }]"],
  compile: (o) => {
    if (o.scale === undefined && o.precision === undefined) throw new RuleOptionError("decimal needs scale, precision or both", []);
    if (o.scale !== undefined && o.precision !== undefined && o.scale > o.precision) throw new RuleOptionError(`scale (${o.scale}) is greater than precision (${o.precision})`, ["scale"]);
    const scale = o.scale;
    const precision = o.precision;
    const intMax = precision === undefined ? Number.POSITIVE_INFINITY : precision - (scale ?? 0);
    const spec = precision === undefined ? `at most ${scale} decimal places` : `DECIMAL(${precision}${scale === undefined ? "" : `, ${scale}`})`;
    return {
      kind: "value",
      test: (v) => {
        const d = decimalDigits(v);
        if (d === undefined) return false;
        if (scale !== undefined && d.fraction > scale) return false;
        if (precision !== undefined && (scale !== undefined ? d.integer > intMax : d.integer + d.fraction > precision)) return false;
        return true;
      },
      message: (v) => (decimalDigits(v) === undefined ? notANumber(v, "a number") : `${show(v)} does not fit ${spec}`),
    };
  },
});

export const numberRules: readonly RuleDefinition[] = [range, decimal];
