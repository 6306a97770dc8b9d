import { ConfigError } from "@cleanse/core";
import { AMBIGUOUS, createScannedDate, OK, scanDate, type DateOrder, type ScanOptions } from "../_internal/dateScanner.ts";
import { parseIsoDateTime } from "../isoDates/isoDates.ts";
import { createDateParser, type DateParser } from "../parseDate/parseDate.ts";
import { createDecimalParser } from "../parseDecimal/parseDecimal.ts";
import { isEmail } from "../isEmail/isEmail.ts";
import { createPhoneParser, type PhoneParser } from "../parsePhone/parsePhone.ts";
import { toRegionCode } from "../regions/toRegionCode.ts";
import { showValue } from "../ValueResult/valueResults.ts";
import { dateFormatOf } from "./dateFormat.ts";

/** The kinds of value a column can hold, besides free text. */
export type ValueKind = "boolean" | "integer" | "number" | "date" | "datetime" | "email" | "phone" | "uuid" | "url";

/**
 * The bit of each kind in {@link ValueClass.kinds}.
 * @example
 * (classifyValue("13812345678", { region: "CN" }).kinds & KIND_BITS.phone) !== 0 //=> true
 */
export const KIND_BITS: Readonly<Record<ValueKind, number>> = Object.freeze({
  boolean: 1,
  integer: 2,
  number: 4,
  date: 8,
  datetime: 16,
  email: 32,
  phone: 64,
  uuid: 128,
  url: 256,
});

const KINDS = Object.keys(KIND_BITS) as ValueKind[];

/**
 * The kinds named by a bit set of {@link KIND_BITS}.
 * @param kinds - the bit set, e.g. `ValueClass.kinds`
 * @returns the kind names, in the order of `KIND_BITS`
 * @example
 * kindsOf(classifyValue("20240131").kinds) //=> ["integer", "number", "date"]
 */
export function kindsOf(kinds: number): ValueKind[] {
  return KINDS.filter((k) => (kinds & KIND_BITS[k]) !== 0);
}

/** Options of {@link classifyValue}. */
export interface ClassifyValueOptions {
  /**
   * Order of day and month for dates such as `01/02/2023` that fit both, as in {@link parseDate}: values that
   * contradict it are then no dates. Without it such values are dates whose day is unknown (`date` undefined).
   */
  readonly order?: DateOrder;
  /**
   * Region of phone numbers written without a country code, as an ISO code or a country name (`"CN"`, `"China"`).
   * Without it only numbers written with their country code (`+86 ...`) are phones.
   */
  readonly region?: string;
}

/** What a value is: the kinds it fits and the kernel's readings of it. */
export interface ValueClass {
  /** The kinds the value fits, as bits of {@link KIND_BITS} (`20240131` is an integer, a number and a date). */
  readonly kinds: number;
  /** The exact decimal of an integer or number (`parseDecimal`), undefined otherwise. */
  readonly decimal: string | undefined;
  /** That decimal as the nearest JavaScript number, for statistics; NaN when the value is no number. */
  readonly number: number;
  /** The canonical date or date-time (`parseDate`); undefined when no date, or when its day and month could be swapped. */
  readonly date: string | undefined;
  /** `date` as floating epoch milliseconds (`parseIsoDateTime`: offsets converted to UTC, zone-less = wall clock); NaN without one. */
  readonly time: number;
  /** The pattern the date is written in (date-fns tokens such as `dd/MM/yyyy`, or `iso`), when one can be told. */
  readonly dateFormat: string | undefined;
  /** The phone number in E.164 (`parsePhone`), undefined when the value is no phone. */
  readonly phone: string | undefined;
  /** The region the phone number belongs to (`CN`), when libphonenumber can tell. */
  readonly phoneRegion: string | undefined;
}

/** A classifier with its options compiled once, for a column. */
export type ValueClassifier = (value: unknown) => ValueClass;

const B = KIND_BITS;
const NUMBER_SHAPE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER_SHAPE = /^[+-]?(?:0|[1-9]\d*)$/;
const LEADING_ZERO = /^[+-]?0\d/;
const COMPACT_DATE = /^(?:\d{8}|\d{14})$/;
const HAS_DIGIT = /[0-9\uff10-\uff19]/;
const PHONE_SHAPE =
  /^(?:\(\+|\uff08\+|[+(\uff08])?[0-9\uff10-\uff19][0-9\uff10-\uff19 \u00a0\u3000().\-/\uff08\uff09]*(?:\s*(?:ext\.?|x|#|转|轉|分机|分機|内线|內線)\s*[0-9]{1,7})?$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const URL_SHAPE = /^https?:\/\/[^\s/$.?#][^\s]*$/i;
const BOOLEAN_WORDS = new Set(["true", "false", "yes", "no", "是", "否"]);
const MAX_SAFE = "9007199254740991";
const DAY_FIRST: ScanOptions = { order: "dmy", pivotYear: undefined };

function make(
  kinds: number,
  decimal: string | undefined = undefined,
  number = Number.NaN,
  date: string | undefined = undefined,
  time = Number.NaN,
  dateFormat: string | undefined = undefined,
  phone: string | undefined = undefined,
  phoneRegion: string | undefined = undefined,
): ValueClass {
  return { kinds, decimal, number, date, time, dateFormat, phone, phoneRegion };
}

const NONE: ValueClass = Object.freeze(make(0));
const BOOLEAN: ValueClass = Object.freeze(make(B.boolean));
const UUID_ONLY: ValueClass = Object.freeze(make(B.uuid));
const URL_ONLY: ValueClass = Object.freeze(make(B.url));
const EMAIL_ONLY: ValueClass = Object.freeze(make(B.email));

/** Integers of at most 2^53 - 1 in magnitude, told from their digits (no rounding on the way). */
function isSafeIntegerText(s: string): boolean {
  const digits = s.charCodeAt(0) === 43 || s.charCodeAt(0) === 45 ? s.slice(1) : s;
  return digits.length < MAX_SAFE.length || (digits.length === MAX_SAFE.length && digits <= MAX_SAFE);
}

function startsInternational(s: string): boolean {
  const c = s.charCodeAt(0);
  return c === 43 || ((c === 40 || c === 0xff08) && s.charCodeAt(1) === 43);
}

/**
 * Compiles classification options for a column: the date, decimal and phone readers are built once.
 * @param options - the column's date order and phone region, when known
 * @returns a function from a value to its {@link ValueClass}
 * @throws ConfigError `CLEANSE_BAD_OPTION` for a region that names no country
 * @example
 * const classify = createValueClassifier({ order: "dmy" });
 * classify("03/04/2024").date //=> "2024-04-03"
 */
export function createValueClassifier(options: ClassifyValueOptions = {}): ValueClassifier {
  const order = options.order;
  let region: string | undefined;
  if (options.region !== undefined) {
    region = toRegionCode(options.region);
    if (region === undefined) {
      throw new ConfigError(`Unknown phone region ${showValue(options.region)}: expected an ISO 3166 code such as "CN" or a country name.`, { code: "CLEANSE_BAD_OPTION" });
    }
  }
  const readDate: DateParser = createDateParser(order === undefined ? {} : { order });
  const readDecimal = createDecimalParser();
  const readPhone: PhoneParser = createPhoneParser(region === undefined ? {} : { region });
  const scanOptions: ScanOptions = { order, pivotYear: undefined };
  const scanned = createScannedDate();

  function phoneOf(value: unknown): ValueClass | undefined {
    const r = readPhone(value);
    return r.ok && r.value !== null ? make(B.phone, undefined, Number.NaN, undefined, Number.NaN, undefined, r.value, r.info?.country) : undefined;
  }

  function fromNumber(value: number | bigint): ValueClass {
    const r = readDecimal(value);
    if (!r.ok || r.value === null) return NONE;
    const integer = typeof value === "bigint" || Number.isInteger(value);
    let kinds = integer ? B.integer | B.number : B.number;
    let phone: string | undefined;
    let phoneRegion: string | undefined;
    if (region !== undefined && integer && value > 0) {
      const p = phoneOf(value);
      if (p) {
        kinds |= B.phone;
        phone = p.phone;
        phoneRegion = p.phoneRegion;
      }
    }
    return make(kinds, r.value, Number(value), undefined, Number.NaN, undefined, phone, phoneRegion);
  }

  function fromDate(value: Date): ValueClass {
    const r = readDate(value);
    if (!r.ok || r.value === null) return NONE;
    const hasTime = r.value.length > 10;
    return make(hasTime ? B.datetime : B.date, undefined, Number.NaN, r.value, parseIsoDateTime(r.value));
  }

  function fromText(text: string): ValueClass {
    let s = text;
    const first = s.charCodeAt(0);
    if (!(first > 32 && first < 127) || s.charCodeAt(s.length - 1) <= 32) s = s.trim();
    if (s.length === 0) return NONE;
    let kinds = 0;
    let decimal: string | undefined;
    let number = Number.NaN;
    let date: string | undefined;
    let time = Number.NaN;
    let dateFormat: string | undefined;
    const numeric = NUMBER_SHAPE.test(s);
    if (numeric) {
      // Codes with leading zeros (007) and integers past 2^53 (ID numbers) are not numbers.
      const bits = INTEGER_SHAPE.test(s) ? (isSafeIntegerText(s) ? B.integer | B.number : 0) : LEADING_ZERO.test(s) ? 0 : B.number;
      if (bits !== 0) {
        const r = readDecimal(s);
        if (r.ok && r.value !== null && Number.isFinite(Number(r.value))) {
          kinds = bits;
          decimal = r.value;
          number = Number(r.value);
        }
      }
    }
    // Dates: a quick scan first, the full reading (year range and all) for what the scan recognises.
    if (numeric ? COMPACT_DATE.test(s) : HAS_DIGIT.test(s)) {
      const status = scanDate(s, scanOptions, scanned);
      if (status === OK) {
        const r = readDate(s);
        if (r.ok && r.value !== null) {
          const hasTime = r.value.length > 10;
          kinds |= hasTime ? B.datetime : B.date;
          date = r.value;
          time = parseIsoDateTime(r.value);
          dateFormat = dateFormatOf(s, r.value, hasTime, order);
        }
      } else if (status === AMBIGUOUS && scanned.evidence === "either" && scanDate(s, DAY_FIRST, scanned) === OK) {
        // 03/04/2024: a date (read either way, day and month are both 12 or less), but which day only the order can say.
        kinds |= scanned.hasTime ? B.datetime : B.date;
      }
    }
    // Phones: text written as a number only; a decimal fraction or an exponent (2500.50, 1e5) is no phone number.
    const fraction = numeric && (s.includes(".") || s.includes("e") || s.includes("E"));
    if ((kinds & (B.date | B.datetime)) === 0 && !fraction && (region !== undefined || startsInternational(s)) && PHONE_SHAPE.test(s)) {
      const p = phoneOf(s);
      if (p) {
        if (kinds === 0) return p;
        return make(kinds | B.phone, decimal, number, undefined, Number.NaN, undefined, p.phone, p.phoneRegion);
      }
    }
    if (kinds !== 0) return make(kinds, decimal, number, date, time, dateFormat);
    if (s.includes("@") || s.includes("\uff20") || s.includes("\ufe6b")) return isEmail(s) ? EMAIL_ONLY : NONE;
    if (s.length === 36) return UUID.test(s) ? UUID_ONLY : NONE;
    if ((first === 104 || first === 72) && URL_SHAPE.test(s)) return URL_ONLY;
    if (s.length <= 5 && BOOLEAN_WORDS.has(s.toLowerCase())) return BOOLEAN;
    return NONE;
  }

  return function classify(value: unknown): ValueClass {
    switch (typeof value) {
      case "string":
        return value.length === 0 ? NONE : fromText(value);
      case "number":
        return Number.isFinite(value) ? fromNumber(value) : NONE;
      case "bigint":
        return fromNumber(value);
      case "boolean":
        return BOOLEAN;
      default:
        return value instanceof Date ? fromDate(value) : NONE;
    }
  };
}

const cache = new WeakMap<ClassifyValueOptions, ValueClassifier>();
const defaultClassifier: ValueClassifier = createValueClassifier();

/**
 * Tells which kinds a value fits, reading it with the kernel's own readers so that every package agrees on what
 * it is: numbers exactly (`parseDecimal`; codes with leading zeros and integers past 2^53 are no numbers), dates and
 * date-times by `parseDate` (every shape it reads, `2023年1月1日` and `Jan 1, 2023` included; `03/04/2024` is a date
 * whose day needs the column's `order`), e-mail addresses as `parseEmail` reads them (`isEmail`), phone numbers by `parsePhone` (written
 * with a country code, or without one when `region` is given; text that holds more than a number, such as
 * `tel: ...`, and decimals such as `2500.50` are no phones here), UUIDs, http(s) URLs and yes/no words. Text is trimmed first; JSON numbers,
 * booleans and Date objects are read by their type. For a whole column, {@link createValueClassifier} compiles the
 * options once.
 * @param value - the value
 * @param options - the column's date order and phone region, when known
 * @returns the kinds and the readings
 * @example
 * kindsOf(classifyValue("13812345678", { region: "CN" }).kinds) //=> ["integer", "number", "phone"]
 * classifyValue("03/04/2024").date //=> undefined (day-first or month-first?)
 * classifyValue("2023年1月1日").dateFormat //=> "yyyy年M月d日"
 */
export function classifyValue(value: unknown, options?: ClassifyValueOptions): ValueClass {
  if (options === undefined) return defaultClassifier(value);
  let compiled = cache.get(options);
  if (compiled === undefined) {
    compiled = createValueClassifier(options);
    cache.set(options, compiled);
  }
  return compiled(value);
}
