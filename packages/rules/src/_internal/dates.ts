import { compileDateFormat, createDateParser, fromDateObject, parseIsoDateTime, type DateOrder, type DateParser as KernelDateParser } from "@cleanse/values";
import { RuleOptionError } from "../defineRule/defineRule.ts";
import { isBlank, show } from "./values.ts";

/**
 * Reads a value as a "floating" timestamp (see `@cleanse/values`): a date-time with an offset is converted to UTC, one
 * without is the wall-clock time it says, placed on the UTC axis, whatever the machine's zone. NaN when the value is
 * not a date. `today` and `now` follow the local clock.
 */
export type DateReader = (value: unknown) => number;

/** The date orders `format: auto` takes, as the value kernel names them. */
export const DATE_ORDERS: readonly ["dmy", "mdy", "ymd"] = ["dmy", "mdy", "ymd"];

/** Today at midnight, local wall time, as a floating timestamp. */
export function today(now: Date = new Date()): number {
  return Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
}

/** Now, local wall time, as a floating timestamp. */
export function nowFloating(now: Date = new Date()): number {
  return fromDateObject(now);
}

const relative = /^\s*(today|now)\s*(?:([+-])\s*(\d+)\s*(min|mo|d|w|y|h)?)?\s*$/i;

/** Adds a number of units to a floating timestamp (months and years keep the day of month where they can). */
export function addUnits(t: number, amount: number, unit: string): number {
  const d = new Date(t);
  switch (unit) {
    case "h":
      return t + amount * 3_600_000;
    case "min":
      return t + amount * 60_000;
    case "w":
      return t + amount * 7 * 86_400_000;
    case "mo":
      d.setUTCMonth(d.getUTCMonth() + amount);
      return d.getTime();
    case "y":
      d.setUTCFullYear(d.getUTCFullYear() + amount);
      return d.getTime();
    default:
      return t + amount * 86_400_000;
  }
}

/**
 * Reads a date bound from a rule file: `today`, `now`, `today-30d`, `today+1y`, `now-2h` (units min, h, d, w, mo, y),
 * an ISO date or date-time, a value in the rule's own format, or a Date.
 */
export function parseDateBound(bound: unknown, readValue: DateReader | undefined, now: Date = new Date()): number {
  if (bound instanceof Date) return fromDateObject(bound);
  if (typeof bound !== "string") return Number.NaN;
  const rel = relative.exec(bound);
  if (rel) {
    const base = rel[1]!.toLowerCase() === "today" ? today(now) : nowFloating(now);
    if (rel[2] === undefined) return base;
    const amount = Number(rel[3]) * (rel[2] === "-" ? -1 : 1);
    return addUnits(base, amount, (rel[4] ?? "d").toLowerCase());
  }
  const iso = parseIsoDateTime(bound.trim());
  if (!Number.isNaN(iso)) return iso;
  return readValue ? readValue(bound) : Number.NaN;
}

/** Reads a duration like `7d`, `12h`, `30min`, `45s`, `2w` or a number of days, in milliseconds. */
export function parseDuration(value: unknown): number {
  if (typeof value === "number") return value * 86_400_000;
  if (typeof value !== "string") return Number.NaN;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(min|d|h|s|w)?\s*$/i.exec(value);
  if (!m) return Number.NaN;
  const n = Number(m[1]);
  const unit = (m[2] ?? "d").toLowerCase();
  const factor = unit === "w" ? 604_800_000 : unit === "h" ? 3_600_000 : unit === "min" ? 60_000 : unit === "s" ? 1000 : 86_400_000;
  return n * factor;
}

/** A compiled `format` option: how to read values, how to name the format, and why the kernel refused a value. */
export interface DateFormats {
  readonly read: DateReader;
  readonly label: string;
  /** The list holds `auto`: blank text is empty to the kernel, not a bad date. */
  readonly auto: boolean;
  /** For `auto`: the kernel's reason for refusing a value that no format read (undefined when it reads it). */
  readonly why: (value: unknown) => string | undefined;
}

/** Options of {@link compileDateFormats}. */
export interface DateFormatsOptions {
  /** `date`: a date-time counts by the calendar date it is written with; `datetime`: by its time and offset. */
  readonly kind: "date" | "datetime";
  readonly order?: DateOrder | undefined;
  /** Path of the option in the rule, for errors. */
  readonly path?: readonly (string | number)[];
}

/**
 * Compiles a `format` option: a date-fns or strftime pattern read strictly, `auto` read by the value kernel's
 * `parseDate` (exactly the values it accepts, with `order` for values such as `01/02/2023`), or a list tried in turn.
 * @throws RuleOptionError for a bad pattern, or an `order` without `auto`
 */
export function compileDateFormats(format: string | readonly string[], options: DateFormatsOptions): DateFormats {
  const list = typeof format === "string" ? [format] : format;
  const path = options.path ?? ["format"];
  let kernel: KernelDateParser | undefined;
  const readers = list.map((f, i): DateReader => {
    if (f === "auto") {
      kernel ??= createDateParser({ ...(options.order ? { order: options.order } : {}), output: options.kind === "date" ? "date" : "auto" });
      return autoReader(kernel);
    }
    try {
      return patternReader(compileDateFormat(f));
    } catch (error) {
      throw new RuleOptionError(`bad date format ${show(f)}: ${(error as Error).message}`, typeof format === "string" ? path : [...path, i]);
    }
  });
  if (options.order !== undefined && kernel === undefined) {
    throw new RuleOptionError(`order applies to format: auto only; a pattern such as ${show(list[0])} already says where the day and month are`, ["order"]);
  }
  const read: DateReader =
    readers.length === 1
      ? readers[0]!
      : (v) => {
          for (const r of readers) {
            const t = r(v);
            if (!Number.isNaN(t)) return t;
          }
          return Number.NaN;
        };
  const parser = kernel;
  const why = (v: unknown): string | undefined => {
    if (parser === undefined || v instanceof Date) return undefined;
    const r = parser(v);
    if (r.ok) return undefined;
    if (r.issue.code === "ambiguous_date") return "day and month could be read either way round; set order: dmy or order: mdy on the rule";
    return r.issue.message;
  };
  return { read, label: list.join(" or "), auto: parser !== undefined, why };
}

/** A strict pattern: text in that form, or a Date (its local wall-clock time). */
function patternReader(parse: (text: string) => number): DateReader {
  return (v) => (typeof v === "string" ? parse(v) : v instanceof Date ? fromDateObject(v) : Number.NaN);
}

/** `format: auto`: whatever the kernel's parseDate reads (text, yyyyMMdd numbers), by its canonical text; a Date by its local wall-clock time. */
function autoReader(parse: KernelDateParser): DateReader {
  return (v) => {
    if (v instanceof Date) return fromDateObject(v);
    const r = parse(v);
    return r.ok && r.value !== null ? parseIsoDateTime(r.value) : Number.NaN;
  };
}

/** True for blank text, which the kernel reads as empty (no date, no error). */
export function isBlankText(v: unknown): boolean {
  return typeof v === "string" && isBlank(v);
}
