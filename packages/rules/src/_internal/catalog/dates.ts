import { z } from "zod";
import { RuleOptionError, type RuleDefinition } from "../../defineRule/defineRule.ts";
import { compileDateFormat, formatFloating, fromDateObject, isIsoDate, parseIsoDate, parseIsoDateTime } from "@cleanse/values";
import { parseAutoDate, parseDateBound, type DateParser } from "../dates.ts";
import { builtin, show } from "./define.ts";

const dateOptions = z.strictObject({
  format: z
    .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
    .optional()
    .describe("date-fns tokens (yyyy-MM-dd, dd/MM/yyyy) or strftime (%Y-%m-%d), a list of formats, or auto"),
  min: z.union([z.string(), z.date()]).optional().describe("Earliest allowed date: 2020-01-01, today, today-30d, now-2h"),
  max: z.union([z.string(), z.date()]).optional().describe("Latest allowed date: today, today+1y, 2030-12-31"),
});

function compileFormats(format: string | readonly string[] | undefined, fallback: DateParser): { parse: DateParser; label: string } {
  if (format === undefined) return { parse: fallback, label: fallback === parseIsoDate ? "yyyy-MM-dd" : "ISO 8601" };
  const list = typeof format === "string" ? [format] : format;
  const parsers = list.map((f, i) => {
    if (f === "auto") return parseAutoDate;
    try {
      return compileDateFormat(f);
    } catch (error) {
      throw new RuleOptionError(`bad date format ${show(f)}: ${(error as Error).message}`, typeof format === "string" ? ["format"] : ["format", i]);
    }
  });
  const parse: DateParser =
    parsers.length === 1
      ? parsers[0]!
      : (text) => {
          for (const p of parsers) {
            const t = p(text);
            if (!Number.isNaN(t)) return t;
          }
          return Number.NaN;
        };
  return { parse, label: list.join(" or ") };
}

function compileDateRule(name: "date" | "datetime", fallback: DateParser) {
  return (o: z.infer<typeof dateOptions>) => {
    const { parse, label } = compileFormats(o.format, fallback);
    const bound = (b: string | Date | undefined, key: "min" | "max"): number | undefined => {
      if (b === undefined) return undefined;
      const t = parseDateBound(b, parse);
      if (Number.isNaN(t)) throw new RuleOptionError(`${show(b)} is not a date (use 2024-01-31, today, today-30d or a value in the rule's format)`, [key]);
      return t;
    };
    const min = bound(o.min, "min");
    const max = bound(o.max, "max");
    if (min !== undefined && max !== undefined && min > max) throw new RuleOptionError(`min (${show(o.min)}) is after max (${show(o.max)})`, ["min"]);
    const lo = min ?? Number.NEGATIVE_INFINITY;
    const hi = max ?? Number.POSITIVE_INFINITY;
    const read = (v: unknown): number => (typeof v === "string" ? parse(v) : v instanceof Date ? fromDateObject(v) : Number.NaN);
    const what = name === "date" ? "date" : "date-time";
    // The default ISO date gets a test that calls the parser directly, so it can be inlined.
    const test =
      parse === parseIsoDate && min === undefined && max === undefined
        ? (v: unknown) => (typeof v === "string" ? isIsoDate(v) : v instanceof Date && !Number.isNaN(v.getTime()))
        : parse === parseIsoDate
        ? (v: unknown) => {
            const t = typeof v === "string" ? parseIsoDate(v) : v instanceof Date ? fromDateObject(v) : Number.NaN;
            return t >= lo && t <= hi;
          }
        : (v: unknown) => {
            const t = read(v);
            return t >= lo && t <= hi;
          };
    return {
      kind: "value" as const,
      test,
      message: (v: unknown) => {
        const t = read(v);
        if (Number.isNaN(t)) return `expected a ${what} in format ${label}, received ${show(v)}`;
        if (t < lo) return `${show(v)} is before ${o.min instanceof Date ? formatFloating(lo) : o.min} (${formatFloating(lo)})`;
        return `${show(v)} is after ${o.max instanceof Date ? formatFloating(hi) : o.max} (${formatFloating(hi)})`;
      },
    };
  };
}

const date = builtin({
  name: "date",
  description:
    "The value must be a real calendar date in the given format (default `yyyy-MM-dd`; date-fns tokens or strftime `%Y-%m-%d`; a list tries each; `auto` accepts anything a date parser reads), optionally within `min`/`max` (dates or `today`, `today-30d`, `today+1y`).",
  code: "invalid_format",
  dimension: "validity",
  options: dateOptions,
  shorthand: "format",
  examples: ["signup_date: [{ date: { format: yyyy-MM-dd, max: today } }]", "birthday: [{ date: { format: [dd/MM/yyyy, yyyy-MM-dd], min: 1900-01-01 } }]", "ship_date: [date]"],
  compile: compileDateRule("date", parseIsoDate),
});

const datetime = builtin({
  name: "datetime",
  description:
    "The value must be a date-time (default ISO 8601: `2024-05-01T08:30:00Z`, `2024-05-01 08:30`, with optional seconds, fraction and offset), optionally in a given format and within `min`/`max` (`now-24h`, `today`).",
  code: "invalid_format",
  dimension: "validity",
  options: dateOptions,
  shorthand: "format",
  examples: ["updated_at: [{ datetime: { max: now } }]", "logged_at: [{ datetime: { format: \"yyyy/MM/dd HH:mm:ss\" } }]"],
  compile: compileDateRule("datetime", (t) => parseIsoDateTime(t.trim())),
});

export const dateRules: readonly RuleDefinition[] = [date, datetime];
