// Which values of a column are dates, e-mail addresses, phone numbers or amounts: the value kernel decides.
// The only tests here are cheap gates that skip values the kernel would refuse anyway (an e-mail address has
// an @; a phone number has digits), so that profiling stays fast where reading every value would not.
import { createDateParser, createDecimalParser, parseEmail, parsePhone } from "@cleanse/values";

/** Phone candidates read per column at most (libphonenumber takes tens of microseconds per number). */
const PHONE_CHECKS = 400;
const MIN_PHONE_DIGITS = 7;

const readDate = createDateParser();
const readDayFirst = createDateParser({ order: "dmy" });
const readDecimal = createDecimalParser({ chinese: false });

function digitCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)) n++;
  }
  return n;
}

/** What the phone candidates of a column turned out to be. */
export interface PhoneShapes {
  /** Estimated share of the column's values the kernel reads as phone numbers. */
  readonly share: number;
  /** The region most numbers written with a country code belong to, if any. */
  readonly region: string | undefined;
}

export interface ShapeReader {
  /** The value kernel reads a date (`ambiguous_date` counts: it is a date whose order the column must tell). */
  isDate(value: unknown): boolean;
  isEmail(value: unknown): boolean;
  isDecimal(value: unknown): boolean;
  /** Remembers a value that may be a phone number; {@link ShapeReader.phones} reads a sample of them. */
  addPhoneCandidate(value: unknown): void;
  phones(nonNull: number): PhoneShapes;
}

/**
 * Value shapes of one column, as the value kernel reads them.
 * @returns a reader to feed the column's non-missing values
 */
export function createShapeReader(): ShapeReader {
  const candidates: string[] = [];
  return {
    isDate(value) {
      if (typeof value !== "string" && !(value instanceof Date) && typeof value !== "number") return false;
      const r = readDate(value);
      if (r.ok) return r.value !== null;
      // 01/02/2023 is a date in either order; a bare number stays ambiguous in both and is no date.
      return r.issue.code === "ambiguous_date" && readDayFirst(value).ok;
    },
    isEmail(value) {
      return typeof value === "string" && value.includes("@") && parseEmail(value).ok;
    },
    isDecimal(value) {
      if (typeof value === "number") return Number.isFinite(value);
      return typeof value === "string" && digitCount(value) > 0 && readDecimal(value).ok;
    },
    addPhoneCandidate(value) {
      const text = typeof value === "string" ? value : typeof value === "number" && Number.isSafeInteger(value) ? String(value) : undefined;
      if (text !== undefined && digitCount(text) >= MIN_PHONE_DIGITS) candidates.push(text);
    },
    phones(nonNull) {
      if (candidates.length === 0 || nonNull === 0) return { share: 0, region: undefined };
      const step = Math.max(1, candidates.length / PHONE_CHECKS);
      const checked: string[] = [];
      for (let k = 0; k < candidates.length; k += step) checked.push(candidates[Math.floor(k)]!);
      let ok = 0;
      const countries = new Map<string, number>();
      const unread: string[] = [];
      for (const text of checked) {
        const r = parsePhone(text);
        if (r.ok && r.value !== null) {
          ok++;
          const country = r.info?.country;
          if (country !== undefined) countries.set(country, (countries.get(country) ?? 0) + 1);
        } else unread.push(text);
      }
      let region: string | undefined;
      let best = 0;
      for (const [country, n] of countries) if (n > best) {
        best = n;
        region = country;
      }
      // Numbers written without a country code read in the region the others belong to.
      if (region !== undefined) {
        const options = { region };
        for (const text of unread) if (parsePhone(text, options).ok) ok++;
      }
      return { share: (candidates.length / nonNull) * (ok / checked.length), region };
    },
  };
}
