import { z } from "zod";
import { RuleOptionError, type RuleDefinition } from "../../defineRule/defineRule.ts";
import { formatFloating, fromDateObject, isIsoDate, parseIsoDate, parseIsoDateTime } from "@cleanse/values";
import { compileDateFormats, DATE_ORDERS, isBlankText, parseDateBound, type DateFormats, type DateReader } from "../dates.ts";
import { builtin, show } from "./define.ts";

const dateOptions = z.strictObject({
  format: z
    .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
    .optional()
    .describe("date-fns tokens (yyyy-MM-dd, dd/MM/yyyy) or strftime (%Y-%m-%d), a list of formats, or auto"),
  order: z
    .enum(DATE_ORDERS)
    .optional()
    .describe("With format auto: dmy or mdy reads 01/02/2023 day-first or month-first (without it such values fail)"),
  min: z.union([z.string(), z.date()]).optional().describe("Earliest allowed date: 2020-01-01, today, today-30d, now-2h"),
  max: z.union([z.string(), z.date()]).optional().describe("Latest allowed date: today, today+1y, 2030-12-31"),
});

const readIsoDate: DateReader = (v) => (typeof v === "string" ? parseIsoDate(v) : v instanceof Date ? fromDateObject(v) : Number.NaN);
const readIsoDateTime: DateReader = (v) => (typeof v === "string" ? parseIsoDateTime(v.trim()) : v instanceof Date ? fromDateObject(v) : Number.NaN);

function compileDateRule(name: "date" | "datetime") {
  return (o: z.infer<typeof dateOptions>) => {
    if (o.format === undefined && o.order !== undefined) throw new RuleOptionError("order applies to format: auto only; write { format: auto, order: ... }", ["order"]);
    const formats: DateFormats =
      o.format === undefined
        ? { read: name === "date" ? readIsoDate : readIsoDateTime, label: name === "date" ? "yyyy-MM-dd" : "ISO 8601", auto: false, why: () => undefined }
        : compileDateFormats(o.format, { kind: name, order: o.order });
    const { read, label, auto, why } = formats;
    const bound = (b: string | Date | undefined, key: "min" | "max"): number | undefined => {
      if (b === undefined) return undefined;
      const t = parseDateBound(b, read);
      if (Number.isNaN(t)) throw new RuleOptionError(`${show(b)} is not a date (use 2024-01-31, today, today-30d or a value in the rule's format)`, [key]);
      return t;
    };
    const min = bound(o.min, "min");
    const max = bound(o.max, "max");
    if (min !== undefined && max !== undefined && min > max) throw new RuleOptionError(`min (${show(o.min)}) is after max (${show(o.max)})`, ["min"]);
    const lo = min ?? Number.NEGATIVE_INFINITY;
    const hi = max ?? Number.POSITIVE_INFINITY;
    const what = name === "date" ? "date" : "date-time";
    // The default ISO date gets a test that calls the parser directly, so it can be inlined.
    const test =
      read === readIsoDate && min === undefined && max === undefined
        ? (v: unknown) => (typeof v === "string" ? isIsoDate(v) : v instanceof Date && !Number.isNaN(v.getTime()))
        : read === readIsoDate
        ? (v: unknown) => {
            const t = typeof v === "string" ? parseIsoDate(v) : v instanceof Date ? fromDateObject(v) : Number.NaN;
            return t >= lo && t <= hi;
          }
        : auto
        ? (v: unknown) => {
            const t = read(v);
            // Blank text is empty to the kernel: no date, and no bad one (required refuses it).
            return t === t ? t >= lo && t <= hi : isBlankText(v);
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
        if (Number.isNaN(t)) {
          const reason = why(v);
          return `expected a ${what} in format ${label}, received ${show(v)}${reason === undefined ? "" : ` (${reason})`}`;
        }
        if (t < lo) return `${show(v)} is before ${o.min instanceof Date ? formatFloating(lo) : o.min} (${formatFloating(lo)})`;
        return `${show(v)} is after ${o.max instanceof Date ? formatFloating(hi) : o.max} (${formatFloating(hi)})`;
      },
    };
  };
}

const date = builtin({
  name: "date",
  description:
    "The value must be a real calendar date in the given format (default `yyyy-MM-dd`; date-fns tokens or strftime `%Y-%m-%d`; a list tries each), optionally within `min`/`max` (dates or `today`, `today-30d`, `today+1y`). `auto` accepts exactly what `parseDate` of `@cleanse/values` reads (`2023/01/31`, `31/01/2023`, `2023年1月31日`, `Jan 31, 2023`, `20230131`, date-times), in the years 1900-2100; `01/02/2023` fits day-first and month-first and fails unless `order: dmy` or `order: mdy` says which, and impossible dates such as `2023-02-30` fail.",
  code: "invalid_format",
  dimension: "validity",
  options: dateOptions,
  shorthand: "format",
  examples: [
    "signup_date: [{ date: { format: yyyy-MM-dd, max: today } }]",
    "birthday: [{ date: { format: [dd/MM/yyyy, yyyy-MM-dd], min: 1900-01-01 } }]",
    "ship_date: [date]",
    "order_date: [{ date: { format: auto, order: dmy } }]",
  ],
  compile: compileDateRule("date"),
});

const datetime = builtin({
  name: "datetime",
  description:
    "The value must be a date-time (default ISO 8601: `2024-05-01T08:30:00Z`, `2024-05-01 08:30`, with optional seconds, fraction and offset), optionally in a given format (`auto` and `order` as for `date`) and within `min`/`max` (`now-24h`, `today`). A date-time with an offset compares in UTC, one without as the wall-clock time it says.",
  code: "invalid_format",
  dimension: "validity",
  options: dateOptions,
  shorthand: "format",
  examples: ["updated_at: [{ datetime: { max: now } }]", "logged_at: [{ datetime: { format: \"yyyy/MM/dd HH:mm:ss\" } }]"],
  compile: compileDateRule("datetime"),
});

export const dateRules: readonly RuleDefinition[] = [date, datetime];
