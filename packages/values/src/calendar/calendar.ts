// Calendar arithmetic of the proleptic Gregorian calendar, and "floating" timestamps: wall-clock times placed on
// the UTC axis, so that two zone-less values compare by what they say and never by the machine's time zone.

/**
 * Whether a year has 29 February.
 * @param y - the year
 * @returns true for leap years
 * @example
 * isLeapYear(1900) //=> false
 */
export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Days in a month.
 * @param y - the year
 * @param mo - the month, 1-12
 * @returns 28 to 31
 * @example
 * daysInMonth(2024, 2) //=> 29
 */
export function daysInMonth(y: number, mo: number): number {
  return mo === 2 && isLeapYear(y) ? 29 : DAYS_IN_MONTH[mo - 1]!;
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (arithmetic only; Date.UTC is slower on hot paths).
 * @param y - the year
 * @param m - the month, 1-12
 * @param d - the day
 * @returns the day number
 * @example
 * daysFromCivil(1970, 1, 2) //=> 1
 */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Checked construction of a floating timestamp.
 * @param y - year
 * @param mo - month, 1-12
 * @param d - day
 * @param h - hour
 * @param mi - minute
 * @param s - second
 * @param ms - millisecond
 * @param offsetMinutes - the offset the wall-clock time was written with (0 for none)
 * @returns epoch milliseconds, NaN when a part is out of range
 * @example
 * floatingTime(2023, 2, 30) //=> NaN
 */
export function floatingTime(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0, offsetMinutes = 0): number {
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 60) return Number.NaN;
  const t = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms) - offsetMinutes * 60_000;
  return y < 100 ? new Date(t).setUTCFullYear(y) : t;
}

/**
 * Reads a Date as a floating timestamp: its wall-clock time in the process's zone.
 * @param d - the Date
 * @returns floating epoch milliseconds, NaN for an invalid Date
 * @example
 * fromDateObject(new Date(2023, 0, 1)) //=> 1672531200000
 */
export function fromDateObject(d: Date): number {
  const t = d.getTime();
  return Number.isNaN(t) ? t : t - d.getTimezoneOffset() * 60_000;
}

/**
 * Formats a floating timestamp as ISO text without a zone (the date alone at midnight).
 * @param t - floating epoch milliseconds
 * @returns ISO text
 * @example
 * formatFloating(1672531200000) //=> "2023-01-01"
 */
export function formatFloating(t: number): string {
  if (Number.isNaN(t)) return "Invalid Date";
  const iso = new Date(t).toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, iso.endsWith(".000Z") ? 19 : 23);
}

