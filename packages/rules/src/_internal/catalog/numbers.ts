import { Decimal } from "decimal.js";
import { z } from "zod";
import { RuleOptionError, type RuleDefinition } from "../../defineRule/defineRule.ts";
import { compileDateFormat, formatFloating, fromDateObject, parseIsoDateTime } from "@cleanse/values";
import { parseAutoDate, parseDateBound, type DateParser } from "../dates.ts";
import { toNumber, toText } from "../values.ts";
import { builtin, checkBounds, show } from "./define.ts";

const bound = z.union([z.number(), z.string()]);

const rangeOptions = z.strictObject({
  min: bound.optional().describe("Lowest allowed value: a number, or a date (2024-01-31, today, today-30d)"),
  max: bound.optional().describe("Highest allowed value: a number, or a date"),
  exclusive_min: z.boolean().optional().describe("Refuse a value equal to min"),
  exclusive_max: z.boolean().optional().describe("Refuse a value equal to max"),
  format: z.string().optional().describe("Date format of the values when the bounds are dates (default ISO 8601; auto reads any common form)"),
});

const NUMERIC = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

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

/** Reads a date value: Date objects, text in the given format, else ISO 8601. */
export function dateReader(parse: DateParser | undefined): (v: unknown) => number {
  return (v) => {
    if (v instanceof Date) return fromDateObject(v);
    if (typeof v !== "string") return Number.NaN;
    return parse ? parse(v) : parseIsoDateTime(v.trim());
  };
}

const range = builtin({
  name: "range",
  description:
    "The value must lie between `min` and `max` (inclusive unless `exclusive_min`/`exclusive_max`). Numbers compare numerically, numeric text included (`\"12.5\"`); when a bound is a date (`2024-01-01`, `today`, `today-30d`), values compare as dates.",
  code: "out_of_range",
  dimension: "validity",
  options: rangeOptions,
  examples: ["credit_limit: [{ range: { min: 0, max: 1000000 } }]", "discount: [{ range: { min: 0, max: 1, exclusive_max: true } }]", "order_date: [{ range: { min: 2020-01-01, max: today } }]"],
  compile: (o) => {
    if (o.min === undefined && o.max === undefined) throw new RuleOptionError("range needs min, max or both", []);
    const exMin = o.exclusive_min ?? false;
    const exMax = o.exclusive_max ?? false;
    const isDate = [o.min, o.max].some((b) => typeof b === "string" && !NUMERIC.test(b)) || o.format !== undefined;
    if (!isDate) {
      const min = o.min === undefined ? undefined : Number(o.min);
      const max = o.max === undefined ? undefined : Number(o.max);
      checkBounds(min, max);
      const ok = inBounds(min, max, exMin, exMax);
      const text = describeBounds(o.min === undefined ? undefined : String(min), o.max === undefined ? undefined : String(max), exMin, exMax);
      const lo = min ?? Number.NEGATIVE_INFINITY;
      const hi = max ?? Number.POSITIVE_INFINITY;
      // The inclusive case (the common one) compares inline; NaN fails both comparisons.
      const test =
        exMin || exMax
          ? (v: unknown) => ok(typeof v === "number" ? v : toNumber(v))
          : (v: unknown) => {
              const x = typeof v === "number" ? v : toNumber(v);
              return x >= lo && x <= hi;
            };
      return {
        kind: "value",
        test,
        message: (v) => (Number.isNaN(toNumber(v)) ? `expected a number ${text}, received ${show(v)}` : `${show(v)} is not ${text}`),
      };
    }
    const parse = o.format === undefined ? undefined : o.format === "auto" ? parseAutoDate : compileDateFormat(o.format);
    const readBound = (b: string | number | undefined, key: "min" | "max"): number | undefined => {
      if (b === undefined) return undefined;
      const t = parseDateBound(String(b), parse);
      if (Number.isNaN(t)) throw new RuleOptionError(`${show(b)} is neither a number nor a date (use 2024-01-31, today or today-30d)`, [key]);
      return t;
    };
    const min = readBound(o.min, "min");
    const max = readBound(o.max, "max");
    if (min !== undefined && max !== undefined && min > max) throw new RuleOptionError(`min (${o.min}) is after max (${o.max})`, ["min"]);
    const ok = inBounds(min, max, exMin, exMax);
    const read = dateReader(parse);
    const text = describeBounds(min === undefined ? undefined : formatFloating(min), max === undefined ? undefined : formatFloating(max), exMin, exMax);
    return {
      kind: "value",
      test: (v) => {
        const t = read(v);
        return t === t && ok(t);
      },
      message: (v) => (Number.isNaN(read(v)) ? `expected a date ${text}, received ${show(v)}` : `${show(v)} is not ${text}`),
    };
  },
});

const decimalOptions = z.strictObject({
  scale: z.number().int().min(0).optional().describe("Most digits after the decimal point"),
  precision: z.number().int().min(1).optional().describe("Most digits in all (SQL DECIMAL(precision, scale))"),
});

const PLAIN_DECIMAL = /^\s*[+-]?(\d*)(?:\.(\d*))?\s*$/;

/** Digits before and after the point of a numeric value, trailing zeros of the fraction ignored; undefined when not numeric. */
export function decimalDigits(v: unknown): { readonly integer: number; readonly fraction: number } | undefined {
  const text = typeof v === "number" ? (Number.isFinite(v) ? String(v) : undefined) : toText(v);
  if (text === undefined || typeof v === "boolean" || !NUMERIC.test(text)) return undefined;
  const m = PLAIN_DECIMAL.exec(text);
  if (m) {
    const integer = m[1]!.replace(/^0+/, "").length;
    const fraction = (m[2] ?? "").replace(/0+$/, "").length;
    return { integer, fraction };
  }
  const d = new Decimal(text.trim());
  const whole = d.abs().floor();
  return { integer: whole.isZero() ? 0 : whole.toFixed(0).length, fraction: d.decimalPlaces() };
}

const decimal = builtin({
  name: "decimal",
  description:
    "The value must be a number with at most `scale` digits after the point and at most `precision` digits in all, like SQL DECIMAL(precision, scale). Trailing zeros after the point do not count.",
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
      message: (v) => (decimalDigits(v) === undefined ? `expected a number, received ${show(v)}` : `${show(v)} does not fit ${spec}`),
    };
  },
});

export const numberRules: readonly RuleDefinition[] = [range, decimal];
