import { ConfigError } from "@cleanse/core";
import { dateLibrary } from "../_internal/lazyLibraries.ts";
import {
  AMBIGUOUS,
  createScannedDate,
  IMPOSSIBLE,
  OK,
  scanDate,
  type DateOrder,
  type ScannedDate,
  type ScanOptions,
} from "../_internal/dateScanner.ts";
import { emptyResult, failure, showValue, success } from "../ValueResult/valueResults.ts";
import type { EmptyOptions, ValueResult } from "../ValueResult/ValueResult.ts";

export type { DateOrder } from "../_internal/dateScanner.ts";

/** Options of {@link parseDate}. */
export interface ParseDateOptions extends EmptyOptions {
  /**
   * Order of day and month (and year) in the column, for values such as `01/02/2023` that fit both.
   * Without it such values are `ambiguous_date` issues. Values that contradict the order are `invalid_date`.
   */
  readonly order?: DateOrder;
  /**
   * Output form. `"auto"` (default): a date stays a date (`yyyy-MM-dd`) and a date-time keeps its time and offset
   * (ISO 8601, `2023-01-31T10:20:00+08:00`); `"date"` (or `"yyyy-MM-dd"`): always the calendar date alone, as
   * written (`2023-01-31T23:30:00-05:00` gives `2023-01-31`; with `timezone: "utc"` the UTC date); `"datetime"`
   * (or `"iso"`): always an ISO 8601 date-time, midnight for a date; any other string is a date-fns `format`
   * pattern applied to the wall-clock time.
   */
  readonly output?: "auto" | "date" | "datetime" | "iso" | "yyyy-MM-dd" | (string & {});
  /** Extra date-fns `parse` patterns tried, in order, for values the built-in scanner does not recognise. */
  readonly formats?: readonly string[];
  /** Earliest accepted year. Default 1900. */
  readonly minYear?: number;
  /** Latest accepted year. Default 2100. */
  readonly maxYear?: number;
  /** Accept two-digit years: `yy` becomes the year in (pivotYear - 100, pivotYear] ending in `yy`, e.g. 2049. */
  readonly pivotYear?: number;
  /** Read bare numbers as Excel serial dates (1900 date system, or `"1904"`). Off by default: a bare number is ambiguous. */
  readonly excelSerial?: boolean | "1900" | "1904";
  /** Read bare numbers as Unix time in seconds or milliseconds. Off by default. */
  readonly epoch?: "seconds" | "milliseconds";
  /** `"keep"` (default) writes a date-time with the offset it was given; `"utc"` converts it to UTC (`Z`). */
  readonly timezone?: "keep" | "utc";
  /** Offset given to date-times written without one, e.g. `"+08:00"`. Default: none (they stay local times). */
  readonly defaultOffset?: string;
}

/** A compiled date parser: options read once, format detection cached. */
export type DateParser = (value: unknown) => ValueResult<string>;

const PAD2: readonly string[] = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : String(i)));
const ISO_DATE = "yyyy-MM-dd";
const EXCEL_MAX = 2958465; // 9999-12-31
const MS_PER_DAY = 86_400_000;
const NUMERIC = /^[+-]?\d+(?:\.\d+)?$/;
// D and DD are the day of the year: allowed on purpose (date-fns would warn on the console otherwise).
const PATTERN_OPTIONS = { useAdditionalDayOfYearTokens: true } as const;

function pad4(n: number): string {
  return n >= 1000 ? String(n) : String(n).padStart(4, "0");
}

/**
 * Compiles date options into a reusable standardizer. Use it for a column: the options are checked once
 * and values are recognised by a hand-written scanner, never by trying many patterns.
 * @param options - the date options
 * @returns a function from a value to its standardized date
 * @throws ConfigError `CLEANSE_BAD_OPTION` when options contradict each other
 * @example
 * const toDate = createDateParser({ order: "dmy" });
 * toDate("01-02-2023") //=> { ok: true, value: "2023-02-01", changed: true }
 */
export function createDateParser(options: ParseDateOptions = {}): DateParser {
  const minYear = options.minYear ?? 1900;
  const maxYear = options.maxYear ?? 2100;
  const output = options.output === "date" ? ISO_DATE : options.output === "datetime" ? "iso" : (options.output ?? "auto");
  const custom = output !== "auto" && output !== "iso" && output !== ISO_DATE ? output : undefined;
  const toUtc = options.timezone === "utc";
  const excel = options.excelSerial === true || options.excelSerial === "1900" ? 1900 : options.excelSerial === "1904" ? 1904 : 0;
  if (excel !== 0 && options.epoch !== undefined) {
    throw new ConfigError("Options excelSerial and epoch cannot both be set: a bare number must mean one thing.", { code: "CLEANSE_BAD_OPTION" });
  }
  const defaultOffset = options.defaultOffset === undefined ? Number.NaN : parseOffset(options.defaultOffset);
  if (custom !== undefined) checkPattern(custom, "output");
  const formats = [...(options.formats ?? [])];
  for (const f of formats) checkPattern(f, "formats");
  // A value already in a custom output form must stay as it is.
  if (custom !== undefined && !formats.includes(custom)) formats.push(custom);
  const scanOptions: ScanOptions = { order: options.order, pivotYear: options.pivotYear };
  const parts = createScannedDate();
  const emptyPolicy = options.empty;

  function render(p: ScannedDate, value: unknown): ValueResult<string> {
    if (p.hasTime && Number.isNaN(p.offset) && !Number.isNaN(defaultOffset)) p.offset = defaultOffset;
    if (p.hasTime && toUtc && !Number.isNaN(p.offset) && p.offset !== 0) shiftToUtc(p);
    if (p.year < minYear || p.year > maxYear) {
      return failure("out_of_range", `Date ${showValue(value)} is outside the years ${minYear}-${maxYear}; widen minYear/maxYear if it is right.`, value);
    }
    let out: string;
    if (custom !== undefined) {
      const d = new Date(2000, 0, 1, p.hour, p.minute, p.second, p.fraction ? Number(p.fraction.slice(0, 3).padEnd(3, "0")) : 0);
      d.setFullYear(p.year, p.month - 1, p.day);
      out = dateLibrary().format(d, custom, PATTERN_OPTIONS);
    } else {
      out = `${pad4(p.year)}-${PAD2[p.month]}-${PAD2[p.day]}`;
      if (output !== ISO_DATE && (p.hasTime || output === "iso")) {
        out += `T${PAD2[p.hour]}:${PAD2[p.minute]}:${PAD2[p.second]}`;
        if (p.fraction) out += `.${p.fraction}`;
        if (!Number.isNaN(p.offset)) out += formatOffset(p.offset);
      }
    }
    return success(out, out !== value);
  }

  function fromFormats(text: string, value: unknown): ValueResult<string> | undefined {
    for (const f of formats) {
      const { parse, isValid } = dateLibrary();
      const d = parse(text, f, new Date(2000, 0, 1), PATTERN_OPTIONS);
      if (!isValid(d)) continue;
      parts.year = d.getFullYear();
      parts.month = d.getMonth() + 1;
      parts.day = d.getDate();
      parts.hasTime = hasTimeTokens(f);
      parts.hour = d.getHours();
      parts.minute = d.getMinutes();
      parts.second = d.getSeconds();
      parts.fraction = d.getMilliseconds() === 0 ? "" : String(d.getMilliseconds()).padStart(3, "0");
      parts.offset = Number.NaN;
      return render(parts, value);
    }
    return undefined;
  }

  function fromNumber(n: number, value: unknown): ValueResult<string> {
    if (excel !== 0) {
      if (!(n >= (excel === 1904 ? 0 : 1) && n <= EXCEL_MAX) || (excel === 1900 && Math.floor(n) === 60)) {
        return failure("invalid_date", `Invalid Excel serial date ${showValue(value)}: expected a number from 1 to ${EXCEL_MAX}${excel === 1900 ? " other than 60 (the 29 February 1900 that never was)" : ""}.`, value);
      }
      const days = Math.floor(n);
      const base = excel === 1904 ? Date.UTC(1904, 0, 1) : days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
      const seconds = Math.round((n - days) * 86400);
      setFromUtc(parts, base + days * MS_PER_DAY + seconds * 1000);
      parts.hasTime = seconds !== 0;
      parts.offset = Number.NaN;
      return render(parts, value);
    }
    if (options.epoch !== undefined) {
      const ms = options.epoch === "seconds" ? n * 1000 : n;
      if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return failure("invalid_date", `Invalid Unix time ${showValue(value)}.`, value);
      setFromUtc(parts, Math.round(ms));
      parts.hasTime = true;
      parts.offset = 0;
      return render(parts, value);
    }
    if (Number.isInteger(n) && n >= 10000101 && n <= 99991231) {
      const status = scanDate(String(n), scanOptions, parts);
      if (status === OK) return render(parts, value);
    }
    return failure(
      "ambiguous_date",
      `Ambiguous date ${showValue(value)}: a bare number may be an Excel serial date, a Unix time or yyyyMMdd; set excelSerial or epoch to say which.`,
      value,
    );
  }

  return function standardize(value: unknown): ValueResult<string> {
    if (typeof value !== "string") {
      const empty = emptyResult<string>(value, emptyPolicy);
      if (empty) return empty;
      if (typeof value === "number") return fromNumber(value, value);
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) return failure("invalid_date", "Invalid date: received an invalid Date object.", value);
        setFromUtc(parts, value.getTime());
        parts.hasTime = parts.hour !== 0 || parts.minute !== 0 || parts.second !== 0 || parts.fraction !== "";
        parts.offset = parts.hasTime ? 0 : Number.NaN;
        return render(parts, value);
      }
      return failure("invalid_type", `Expected a date as text, a number or a Date, received ${showValue(value)}.`, value);
    }
    let text = value;
    const first = text.charCodeAt(0);
    if (!(first > 32 && first < 127) || text.charCodeAt(text.length - 1) <= 32) {
      const empty = emptyResult<string>(value, emptyPolicy);
      if (empty) return empty;
      text = text.trim();
    }
    if ((excel !== 0 || options.epoch !== undefined) && NUMERIC.test(text)) {
      // yyyyMMdd stays a date: Excel serials have at most 7 digits, Unix times after 1973 at least 9.
      if (!(text.length === 8 && /^\d{8}$/.test(text))) return fromNumber(Number(text), value);
    }
    const status = scanDate(text, scanOptions, parts);
    if (status === OK) return render(parts, value);
    if (formats.length > 0) {
      const r = fromFormats(text, value);
      if (r) return r;
    }
    if (status === AMBIGUOUS) {
      return failure("ambiguous_date", `Ambiguous date ${showValue(value)}: ${parts.reason}.`, value);
    }
    if (status === IMPOSSIBLE) {
      const hint = parts.usedOrder ? ` (read with order ${options.order})` : "";
      return failure("invalid_date", `Impossible date ${showValue(value)}${hint}: ${parts.reason}.`, value);
    }
    if (parts.reason === "a bare number") {
      return failure("ambiguous_date", `Ambiguous date ${showValue(value)}: a bare number may be an Excel serial date, a Unix time or yyyyMMdd; set excelSerial or epoch to say which.`, value);
    }
    return failure(
      "invalid_date",
      `Unrecognized date ${showValue(value)}: expected a form such as 2023-01-31, 31/01/2023, 20230131, 2023年1月31日 or 31 Jan 2023; add its date-fns pattern to formats if it is a date.`,
      value,
    );
  };
}

const cache = new WeakMap<ParseDateOptions, DateParser>();
const defaultStandardizer: DateParser = createDateParser();

/**
 * Standardizes a date or date-time to `yyyy-MM-dd` (dates) or ISO 8601 (date-times). Recognises ISO 8601,
 * `yyyy/MM/dd`, `yyyy.MM.dd`, `dd-MM-yyyy`, `MM/dd/yyyy`, `yyyyMMdd`, `2023年1月1日 10时20分`, `1 Jan 2023`,
 * `Jan 1, 2023`, `January 1st 2023` and more; Excel serials and Unix times on request. Never guesses:
 * `01/02/2023` is `ambiguous_date` unless `order` decides; impossible dates are `invalid_date`.
 * For a whole column, {@link createDateParser} compiles the options once.
 * @param value - a string, a number (with `excelSerial` or `epoch`) or a Date
 * @param options - order, output form, extra patterns, year range, time zone handling
 * @returns the canonical date, `null` for empty input
 * @example
 * parseDate("2023/01/01") //=> { ok: true, value: "2023-01-01", changed: true }
 * parseDate("01/02/2023").ok //=> false (ambiguous_date)
 * parseDate("01/02/2023", { order: "dmy" }).value //=> "2023-02-01"
 */
export function parseDate(value: unknown, options?: ParseDateOptions): ValueResult<string> {
  if (options === undefined) return defaultStandardizer(value);
  let compiled = cache.get(options);
  if (compiled === undefined) {
    compiled = createDateParser(options);
    cache.set(options, compiled);
  }
  return compiled(value);
}

function setFromUtc(p: ScannedDate, ms: number): void {
  const d = new Date(ms);
  p.year = d.getUTCFullYear();
  p.month = d.getUTCMonth() + 1;
  p.day = d.getUTCDate();
  p.hour = d.getUTCHours();
  p.minute = d.getUTCMinutes();
  p.second = d.getUTCSeconds();
  const msPart = d.getUTCMilliseconds();
  p.fraction = msPart === 0 ? "" : String(msPart).padStart(3, "0");
}

function shiftToUtc(p: ScannedDate): void {
  const fraction = p.fraction;
  let total = Date.UTC(2000, p.month - 1, p.day, p.hour, p.minute, p.second) - p.offset * 60_000;
  // Date.UTC maps years 0-99 to 1900-1999: compute from year 2000 and shift back.
  const shifted = new Date(total);
  shifted.setUTCFullYear(shifted.getUTCFullYear() + p.year - 2000);
  total = shifted.getTime();
  setFromUtc(p, total);
  p.fraction = fraction;
  p.offset = 0;
}

function formatOffset(minutes: number): string {
  if (minutes === 0) return "Z";
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${PAD2[Math.floor(abs / 60)]}:${PAD2[abs % 60]}`;
}

function parseOffset(text: string): number {
  const m = /^(?:Z|([+-])(\d{2}):?(\d{2})?)$/.exec(text.trim());
  if (!m) {
    throw new ConfigError(`Invalid defaultOffset ${showValue(text)}: expected "Z" or an offset such as "+08:00".`, { code: "CLEANSE_BAD_OPTION" });
  }
  if (m[1] === undefined) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === "-" ? -minutes : minutes;
}

function hasTimeTokens(pattern: string): boolean {
  return /[HhKkmsS]/.test(pattern.replace(/'[^']*'/g, ""));
}

function checkPattern(pattern: string, option: string): void {
  if (/Y/.test(pattern.replace(/'[^']*'/g, ""))) {
    throw new ConfigError(`Invalid date-fns pattern ${showValue(pattern)} in ${option}: Y is the week-numbering year; use y for the calendar year.`, {
      code: "CLEANSE_BAD_OPTION",
    });
  }
  try {
    dateLibrary().format(new Date(2000, 0, 1), pattern, PATTERN_OPTIONS);
  } catch (error) {
    throw new ConfigError(`Invalid date-fns pattern ${showValue(pattern)} in ${option}: ${(error as Error).message}`, { code: "CLEANSE_BAD_OPTION", cause: error });
  }
}
