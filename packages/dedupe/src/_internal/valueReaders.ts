// How comparisons read values that mean something: always through the value kernel (@cleanse/values), so that
// dedupe reaches the same reading, or the same refusal, as every other package. What is left here is arithmetic
// on the kernel's canonical text: day numbers of a date, exact differences of two decimals.
import { ConfigError } from "@cleanse/core";
import { createDateParser, createDecimalParser, createPhoneParser, daysFromCivil, isIsoDate, parseEmail, type DateOrder } from "@cleanse/values";

/** A date as `date` comparisons see it: the calendar date the value kernel read. */
export interface DateValue {
  readonly y: number;
  readonly m: number;
  readonly d: number;
  /** `yyyyMMdd`. */
  readonly digits: string;
  /** Days since 1970-01-01. */
  readonly day: number;
}

/** An exact decimal: `n / 10^scale`, with the kernel's canonical text. */
export interface DecimalValue {
  readonly n: bigint;
  readonly scale: number;
  readonly text: string;
}

/** Reads a value as written and prepares canonical text for comparison. */
interface Reader<P> {
  /** The kernel's canonical text of a value, or null when it is empty or refused. */
  read(value: unknown): string | null;
  /** What the comparison compares, from a text (canonical or not: it is read again); null when refused. */
  prepare(text: string): P | null;
}

/**
 * Dates: `parseDate` with the column's order; its canonical text (`yyyy-MM-dd`, or ISO 8601 for a date-time)
 * is what the comparison compares and shows, and a date-time compares by its calendar date as written.
 * @param order - day/month order of the column, if known
 * @returns the reader
 */
export function createDateReader(order: DateOrder | undefined): Reader<DateValue> {
  const parse = createDateParser(order === undefined ? {} : { order });
  const read = (value: unknown): string | null => {
    const r = parse(value);
    return r.ok ? r.value : null;
  };
  return {
    read,
    prepare(text) {
      const canonical = read(text);
      if (canonical === null) return null;
      const iso = canonical.slice(0, 10);
      if (!isIsoDate(iso)) return null;
      const y = Number(iso.slice(0, 4));
      const m = Number(iso.slice(5, 7));
      const d = Number(iso.slice(8, 10));
      return { y, m, d, digits: `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}`, day: daysFromCivil(y, m, d) };
    },
  };
}

const TEN = 10n;
const powers: bigint[] = [1n];

function pow10(k: number): bigint {
  while (powers.length <= k) powers.push(powers[powers.length - 1]! * TEN);
  return powers[k]!;
}

function toDecimalValue(canonical: string): DecimalValue {
  const negative = canonical.startsWith("-");
  const body = negative ? canonical.slice(1) : canonical;
  const dot = body.indexOf(".");
  const digits = dot < 0 ? body : body.slice(0, dot) + body.slice(dot + 1);
  const n = BigInt(digits);
  return { n: negative ? -n : n, scale: dot < 0 ? 0 : body.length - dot - 1, text: canonical };
}

/** Decimal reader with exact arithmetic for thresholds: no binary floating point between the text and the level. */
export interface DecimalReader extends Reader<DecimalValue> {
  /** A configured threshold as an exact decimal. */
  threshold(t: number): DecimalValue;
  /** |a - b| <= limit (`relative`: <= limit * max(|a|, |b|)), exactly. */
  within(a: DecimalValue, b: DecimalValue, limit: DecimalValue, relative: boolean): boolean;
}

/**
 * Amounts and numbers: `parseDecimal` (`￥1,000` is 1000, `1.234,5` is 1234.5, `1,234` alone is refused).
 * @returns the reader
 */
export function createDecimalReader(): DecimalReader {
  const parse = createDecimalParser();
  const read = (value: unknown): string | null => {
    const r = parse(value);
    return r.ok ? r.value : null;
  };
  return {
    read,
    prepare(text) {
      const canonical = read(text);
      return canonical === null ? null : toDecimalValue(canonical);
    },
    threshold(t) {
      const canonical = read(String(t));
      if (canonical === null) throw new ConfigError(`Invalid numeric threshold ${t}: expected a finite number.`, { code: "CLEANSE_DEDUPE_BAD_CONFIG" });
      return toDecimalValue(canonical);
    },
    within(a, b, limit, relative) {
      const scale = Math.max(a.scale, b.scale);
      const x = a.n * pow10(scale - a.scale);
      const y = b.n * pow10(scale - b.scale);
      const diff = x > y ? x - y : y - x;
      // diff / 10^scale <= limit.n / 10^limit.scale (times max(|x|, |y|) / 10^scale when relative)
      const left = diff * pow10(limit.scale);
      if (!relative) return left <= limit.n * pow10(scale);
      const ax = x < 0n ? -x : x;
      const ay = y < 0n ? -y : y;
      return left <= limit.n * (ax > ay ? ax : ay);
    },
  };
}

/**
 * E-mail addresses: `parseEmail` (trimmed, `mailto:` removed, domain lower case and ASCII). The canonical text
 * keeps the local part as written; the comparison ignores its case, as mail servers do.
 * @returns the reader
 */
export function createEmailReader(): Reader<{ readonly full: string; readonly local: string; readonly domain: string }> {
  const read = (value: unknown): string | null => {
    const r = parseEmail(value);
    return r.ok ? r.value : null;
  };
  return {
    read,
    prepare(text) {
      const canonical = read(text);
      if (canonical === null) return null;
      const full = canonical.toLowerCase();
      const at = full.lastIndexOf("@");
      return { full, local: full.slice(0, at), domain: full.slice(at + 1) };
    },
  };
}

/**
 * Phone numbers of a known region: `parsePhone` as E.164, compared by its digits (country code first). Numbers
 * the kernel refuses (a number of another country written without its country code) are no evidence.
 * @param region - ISO 3166 region of numbers written without a country code
 * @returns a prepare function from text to digits, or null
 */
export function createPhoneReader(region: string): (text: string) => string | null {
  const parse = createPhoneParser({ region, format: "E.164", keepExtension: false });
  return (text) => {
    const r = parse(text);
    return r.ok && r.value !== null ? r.value.slice(1) : null;
  };
}
