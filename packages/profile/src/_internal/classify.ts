/** Bit flags of the types a single value fits. */
export const T_BOOLEAN = 1;
export const T_INTEGER = 2;
export const T_NUMBER = 4;
export const T_DATE = 8;
export const T_DATETIME = 16;
export const T_EMAIL = 32;
export const T_PHONE = 64;
export const T_UUID = 128;
export const T_URL = 256;

/** Type names by flag, from the most specific to the least: ties go to the first. */
export const TYPE_ORDER: readonly (readonly [number, ValueType])[] = [
  [T_BOOLEAN, "boolean"],
  [T_UUID, "uuid"],
  [T_EMAIL, "email"],
  [T_URL, "url"],
  [T_PHONE, "phone"],
  [T_DATETIME, "datetime"],
  [T_DATE, "date"],
  [T_INTEGER, "integer"],
  [T_NUMBER, "number"],
];

/** The types a column can be inferred to have. */
export type ValueType =
  | "string"
  | "integer"
  | "number"
  | "boolean"
  | "date"
  | "datetime"
  | "email"
  | "phone"
  | "uuid"
  | "url"
  | "mixed";

/** What one value is. */
export interface ValueInfo {
  readonly flags: number;
  /** Numeric value, NaN when the value is not a number. */
  readonly num: number;
  /** Epoch milliseconds (UTC) of a date or date-time, NaN otherwise. */
  readonly time: number;
  /** Date format in date-fns tokens (`yyyy-MM-dd`), or undefined. */
  readonly dateFormat: string | undefined;
  /** Whether the value is a mainland China mobile or landline number. */
  readonly cnPhone: boolean;
}

/** The result of classifyValue: one shared object, overwritten by each call (copy it to keep it). */
const out: { flags: number; num: number; time: number; dateFormat: string | undefined; cnPhone: boolean } = {
  flags: 0,
  num: Number.NaN,
  time: Number.NaN,
  dateFormat: undefined,
  cnPhone: false,
};

function result(flags: number, num = Number.NaN, time = Number.NaN, dateFormat: string | undefined = undefined, cnPhone = false): ValueInfo {
  out.flags = flags;
  out.num = num;
  out.time = time;
  out.dateFormat = dateFormat;
  out.cnPhone = cnPhone;
  return out;
}

const NUMBER_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER_RE = /^[+-]?(?:0|[1-9]\d*)$/;
const YMD_RE = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const DMY_RE = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/;
const CJK_DATE_RE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const EMAIL_RE = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)*\.[^\s@.]{2,}$/;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const URL_RE = /^https?:\/\/[^\s/$.?#][^\s]*$/i;
const PHONE_CHARS_RE = /^[+(]?[\d\s().+-]{6,24}$/;
const BOOLEAN_WORDS = new Set(["true", "false", "yes", "no", "是", "否"]);

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function calendarTime(y: number, m: number, d: number): number {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return Number.NaN;
  return Date.UTC(y, m - 1, d);
}

const tok = (digits: string, two: string, one: string) => (digits.length === 1 ? one : two);

/** How ambiguous day-month dates (`03-04-2024`) are read: set by the column's unambiguous dates so far. */
export interface DateOrderHint {
  dayFirst: boolean;
}

function classifyDate(text: string, hint: DateOrderHint): { time: number; format: string } | undefined {
  let m = YMD_RE.exec(text);
  if (m) {
    const time = calendarTime(+m[1]!, +m[3]!, +m[4]!);
    if (Number.isNaN(time)) return undefined;
    return { time, format: `yyyy${m[2]}${tok(m[3]!, "MM", "M")}${m[2]}${tok(m[4]!, "dd", "d")}` };
  }
  m = CJK_DATE_RE.exec(text);
  if (m) {
    const time = calendarTime(+m[1]!, +m[2]!, +m[3]!);
    if (Number.isNaN(time)) return undefined;
    return { time, format: `yyyy年${tok(m[2]!, "MM", "M")}月${tok(m[3]!, "dd", "d")}日` };
  }
  m = DMY_RE.exec(text);
  if (m) {
    const a = +m[1]!, b = +m[3]!, y = +m[4]!, sep = m[2]!;
    const dayFirst = a > 12 ? true : b > 12 ? false : hint.dayFirst;
    if (a > 12 || b > 12) hint.dayFirst = dayFirst;
    const time = dayFirst ? calendarTime(y, b, a) : calendarTime(y, a, b);
    if (Number.isNaN(time)) return undefined;
    const format = dayFirst
      ? `${tok(m[1]!, "dd", "d")}${sep}${tok(m[3]!, "MM", "M")}${sep}yyyy`
      : `${tok(m[1]!, "MM", "M")}${sep}${tok(m[3]!, "dd", "d")}${sep}yyyy`;
    return { time, format };
  }
  return undefined;
}

function classifyPhone(text: string): { phone: boolean; cn: boolean } {
  if (!PHONE_CHARS_RE.test(text)) return { phone: false, cn: false };
  let digits = text.replace(/\D/g, "");
  const plus = text.startsWith("+") || text.startsWith("(+");
  const separated = digits.length !== text.length;
  if (digits.startsWith("0086")) digits = digits.slice(4);
  else if ((plus || separated || digits.length === 13) && digits.startsWith("86") && digits.length === 13) digits = digits.slice(2);
  if (digits.length === 11 && digits.charCodeAt(0) === 49 /* 1 */ && digits.charCodeAt(1) >= 51 /* 3 */) return { phone: true, cn: true };
  if (separated && !plus && /^0\d{9,11}$/.test(digits)) return { phone: true, cn: true };
  if (plus && digits.length >= 8 && digits.length <= 15) return { phone: true, cn: false };
  return { phone: false, cn: false };
}

/**
 * Tells which types a value fits (in a shared result object: read or copy it before the next call). Strings are tested by their shape; JSON numbers, booleans and
 * Date objects by their JavaScript type.
 */
export function classifyValue(value: unknown, text: string, hint: DateOrderHint): ValueInfo {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return result(0);
    return result(Number.isInteger(value) ? T_INTEGER | T_NUMBER : T_NUMBER, value);
  }
  if (typeof value === "boolean") return result(T_BOOLEAN);
  if (typeof value === "bigint") return result(T_INTEGER | T_NUMBER, Number(value));
  if (value instanceof Date) return result(T_DATETIME, Number.NaN, value.getTime());
  if (typeof value !== "string") return result(0);
  const s = text.trim();
  if (s.length === 0) return result(0);
  const c = s.charCodeAt(0);
  let flags = 0;
  let num = Number.NaN;
  let time = Number.NaN;
  let dateFormat: string | undefined;
  let cnPhone = false;
  const digitStart = (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 40; // 0-9 + - . (
  if (digitStart) {
    if (NUMBER_RE.test(s)) {
      // codes with leading zeros and digit strings beyond float precision are not numbers
      const integer = INTEGER_RE.test(s);
      const n = Number(s);
      if (integer ? Number.isSafeInteger(n) : !/^[+-]?0\d/.test(s)) {
        num = n;
        flags |= integer ? T_INTEGER | T_NUMBER : T_NUMBER;
      }
      // yyyyMMdd: eight digits that make a real date from 1900 to 2099
      if (s.length === 8 && (c === 49 || c === 50) && (s.startsWith("19") || s.startsWith("20"))) {
        const t = calendarTime(+s.slice(0, 4), +s.slice(4, 6), +s.slice(6, 8));
        if (!Number.isNaN(t)) {
          flags |= T_DATE;
          time = t;
          dateFormat = "yyyyMMdd";
        }
      }
    } else if (s.length >= 8 && s.length <= 11) {
      const d = classifyDate(s, hint);
      if (d) {
        flags |= T_DATE;
        time = d.time;
        dateFormat = d.format;
      }
    } else if (s.length >= 16 && DATETIME_RE.test(s)) {
      const t = Date.parse(s.includes("T") ? s : s.replace(" ", "T"));
      if (!Number.isNaN(t)) {
        flags |= T_DATETIME;
        time = t;
        dateFormat = "iso";
      }
    }
    // phones start with +, (, 0 (0086, landlines), 8 (86...) or 1 (mainland mobiles) in the shapes recognized here
    if ((flags & (T_DATE | T_DATETIME)) === 0 && s.length >= 7 && (c === 43 || c === 40 || c === 48 || c === 49 || c === 56)) {
      const p = classifyPhone(s);
      if (p.phone) {
        flags |= T_PHONE;
        cnPhone = p.cn;
      }
    }
    if (flags === 0 && s.length === 36 && UUID_RE.test(s)) flags |= T_UUID;
    if (flags === 0 && s.includes("@") && EMAIL_RE.test(s)) flags |= T_EMAIL;
    if (flags === 0 && s.includes("年")) {
      const d = classifyDate(s, hint);
      if (d) {
        flags |= T_DATE;
        time = d.time;
        dateFormat = d.format;
      }
    }
    return result(flags, num, time, dateFormat, cnPhone);
  }
  if (s.includes("@")) {
    if (EMAIL_RE.test(s)) flags |= T_EMAIL;
  } else if (s.length === 36) {
    if (UUID_RE.test(s)) flags |= T_UUID;
  } else if ((c === 104 || c === 72) && URL_RE.test(s)) {
    flags |= T_URL;
  } else if (s.length <= 5 && BOOLEAN_WORDS.has(s.toLowerCase())) {
    flags |= T_BOOLEAN;
  }
  return result(flags, num, time, dateFormat, cnPhone);
}
