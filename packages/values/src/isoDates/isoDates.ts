import { daysFromCivil, daysInMonth, floatingTime } from "../calendar/calendar.ts";

const isoDateTime = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

const digit = (text: string, i: number): number => {
  const d = text.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1000;
};

/**
 * Parses `yyyy-MM-dd` strictly (hand-written: this is on the hot path of date rules).
 * @param text - the text
 * @returns floating epoch milliseconds of the day, NaN when it is not a real calendar date in that form
 * @example
 * parseIsoDate("2023-02-30") //=> NaN
 */
export function parseIsoDate(text: string): number {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return Number.NaN;
  const y = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
  const m = digit(text, 5) * 10 + digit(text, 6);
  const d = digit(text, 8) * 10 + digit(text, 9);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return Number.NaN;
  return daysFromCivil(y, m, d) * 86_400_000;
}

/**
 * True for a real calendar date written `yyyy-MM-dd` (no arithmetic beyond the checks).
 * @param text - the text
 * @returns whether it is one
 * @example
 * isIsoDate("2024-02-29") //=> true
 */
export function isIsoDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const y = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
  const m = digit(text, 5) * 10 + digit(text, 6);
  const d = digit(text, 8) * 10 + digit(text, 9);
  return y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/**
 * Parses an ISO 8601 date or date-time (`T` or space, optional seconds, fraction and offset) as a floating
 * timestamp: a value with an offset is converted to UTC, one without is wall-clock time on the UTC axis.
 * @param text - the text
 * @returns floating epoch milliseconds, NaN when it is not such a value
 * @example
 * parseIsoDateTime("2023-01-01T08:00:00+08:00") //=> 1672531200000
 */
export function parseIsoDateTime(text: string): number {
  const m = isoDateTime.exec(text);
  if (!m) return Number.NaN;
  let offset = 0;
  const z = m[8];
  if (z !== undefined && z !== "Z" && z !== "z") {
    const sign = z[0] === "-" ? -1 : 1;
    const digits = z.slice(1).replace(":", "");
    offset = sign * (Number(digits.slice(0, 2)) * 60 + (digits.length > 2 ? Number(digits.slice(2, 4)) : 0));
  }
  const ms = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000 + 1e-9);
  return floatingTime(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), ms, offset);
}

