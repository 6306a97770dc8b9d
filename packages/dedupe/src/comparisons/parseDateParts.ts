/** A date split into parts; `day` is days since 1970-01-01, NaN when the date does not exist. */
export interface DateParts {
  readonly y: number;
  readonly m: number;
  readonly d: number;
  /** `YYYYMMDD`, also for impossible dates such as 2001-02-31. */
  readonly digits: string;
  readonly day: number;
}

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[ t])/i;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const DAY_FIRST = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/**
 * Reads a date written as `YYYY-MM-DD` (also with `/` or `.`, or a time after it), `YYYYMMDD` or
 * `DD/MM/YYYY` (`MM/DD/YYYY` when the first part cannot be a month... i.e. when the second part is above 12).
 * @param text - the date text
 * @returns its parts, or null when it is not a date
 * @example
 * parseDateParts("1971-06-24")?.digits //=> "19710624"
 */
export function parseDateParts(text: string): DateParts | null {
  const t = text.trim();
  let y: number, m: number, d: number;
  let match = ISO.exec(t) ?? COMPACT.exec(t);
  if (match) {
    y = Number(match[1]);
    m = Number(match[2]);
    d = Number(match[3]);
  } else if ((match = DAY_FIRST.exec(t))) {
    const first = Number(match[1]);
    const second = Number(match[2]);
    y = Number(match[3]);
    if (second > 12 && first <= 12) {
      m = first;
      d = second;
    } else {
      d = first;
      m = second;
    }
  } else return null;
  const digits = pad(y, 4) + pad(m, 2) + pad(d, 2);
  let day = Number.NaN;
  if (m >= 1 && m <= 12 && d >= 1 && d <= 31) {
    const ms = Date.UTC(y, m - 1, d);
    const check = new Date(ms);
    if (check.getUTCMonth() === m - 1 && check.getUTCDate() === d) day = Math.round(ms / 86_400_000);
  }
  return { y, m, d, digits, day };
}
