import { isValid, parse as parseWithDateFns } from "date-fns";

/**
 * Dates are compared as "floating" epoch milliseconds: a value without a zone is read as if it were UTC,
 * a value with an offset is converted to UTC. `today` and `now` follow the local clock.
 */
export type DateParser = (text: string) => number;

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const DAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

interface Slot {
  readonly pattern: string;
  readonly set?: (parts: Parts, text: string) => boolean;
}

interface Parts {
  y: number;
  mo: number;
  d: number;
  doy: number;
  h: number;
  mi: number;
  s: number;
  ms: number;
  pm: number;
  offset: number;
  hasOffset: boolean;
  hour12: boolean;
}

const num = (key: "y" | "mo" | "d" | "doy" | "h" | "mi" | "s") => (p: Parts, t: string) => {
  p[key] = Number(t);
  return true;
};

const monthName = (long: boolean) => (p: Parts, t: string) => {
  const lower = t.toLowerCase();
  const i = MONTHS.findIndex((m) => (long ? m === lower : m.slice(0, 3) === lower));
  p.mo = i + 1;
  return i >= 0;
};

const offsetSlot = (p: Parts, t: string) => {
  p.hasOffset = true;
  if (t === "Z" || t === "z") {
    p.offset = 0;
    return true;
  }
  const sign = t[0] === "-" ? -1 : 1;
  const digits = t.slice(1).replace(":", "");
  const hh = Number(digits.slice(0, 2));
  const mm = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  if (hh > 23 || mm > 59) return false;
  p.offset = sign * (hh * 60 + mm);
  return true;
};

const fraction = (p: Parts, t: string) => {
  p.ms = Math.floor(Number(`0.${t}`) * 1000 + 1e-9);
  return true;
};

function letterSlot(letter: string, count: number): Slot | undefined {
  switch (letter) {
    case "y":
      if (count === 2) return { pattern: "(\\d{2})", set: (p, t) => ((p.y = Number(t) + (Number(t) < 69 ? 2000 : 1900)), true) };
      if (count === 4) return { pattern: "(\\d{4})", set: num("y") };
      return { pattern: `(\\d{${Math.max(count, 1)},4})`, set: num("y") };
    case "M":
    case "L":
      if (count === 1) return { pattern: "(\\d{1,2})", set: num("mo") };
      if (count === 2) return { pattern: "(\\d{2})", set: num("mo") };
      if (count === 3) return { pattern: `(${MONTHS.map((m) => m.slice(0, 3)).join("|")})`, set: monthName(false) };
      if (count === 4) return { pattern: `(${MONTHS.join("|")})`, set: monthName(true) };
      return undefined;
    case "d":
      return count === 1 ? { pattern: "(\\d{1,2})", set: num("d") } : count === 2 ? { pattern: "(\\d{2})", set: num("d") } : undefined;
    case "D":
      return count === 3 ? { pattern: "(\\d{3})", set: num("doy") } : count === 1 ? { pattern: "(\\d{1,3})", set: num("doy") } : undefined;
    case "H":
      return count === 1 ? { pattern: "(\\d{1,2})", set: num("h") } : count === 2 ? { pattern: "(\\d{2})", set: num("h") } : undefined;
    case "h":
      if (count > 2) return undefined;
      return {
        pattern: count === 1 ? "(\\d{1,2})" : "(\\d{2})",
        set: (p, t) => {
          p.h = Number(t);
          p.hour12 = true;
          return p.h >= 1 && p.h <= 12;
        },
      };
    case "a":
      return { pattern: "(am|pm|a\\.m\\.|p\\.m\\.)", set: (p, t) => ((p.pm = t[0]!.toLowerCase() === "p" ? 1 : 0), true) };
    case "m":
      return count === 1 ? { pattern: "(\\d{1,2})", set: num("mi") } : count === 2 ? { pattern: "(\\d{2})", set: num("mi") } : undefined;
    case "s":
      return count === 1 ? { pattern: "(\\d{1,2})", set: num("s") } : count === 2 ? { pattern: "(\\d{2})", set: num("s") } : undefined;
    case "S":
      return { pattern: `(\\d{${count}})`, set: fraction };
    case "X":
    case "x": {
      const z = letter === "X" ? "Z|" : "";
      if (count === 1) return { pattern: `(${z}[+-]\\d{2}(?:\\d{2})?)`, set: offsetSlot };
      if (count === 2) return { pattern: `(${z}[+-]\\d{4})`, set: offsetSlot };
      if (count === 3) return { pattern: `(${z}[+-]\\d{2}:\\d{2})`, set: offsetSlot };
      return undefined;
    }
    case "E":
      if (count <= 3) return { pattern: `(?:${DAYS.map((d) => d.slice(0, 3)).join("|")})` };
      if (count === 4) return { pattern: `(?:${DAYS.join("|")})` };
      return undefined;
    default:
      return undefined;
  }
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** Converts a C/Python strftime format (`%Y-%m-%d`) into date-fns tokens (`yyyy-M-d`), lenient like Python's strptime. */
export function strftimeToTokens(format: string): string {
  const map: Record<string, string> = {
    Y: "yyyy", y: "yy", m: "M", d: "d", H: "H", I: "h", M: "m", S: "s", p: "a", b: "MMM", h: "MMM", B: "MMMM",
    a: "EEE", A: "EEEE", j: "D", z: "x", f: "\u0000f", F: "yyyy-MM-dd", T: "HH:mm:ss", "%": "'%'",
  };
  let out = "";
  let literal = "";
  const flush = () => {
    if (literal) out += `'${literal.replace(/'/g, "''")}'`;
    literal = "";
  };
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    if (c === "%" && i + 1 < format.length) {
      const spec = format[++i]!;
      const token = map[spec];
      if (token === undefined) throw new Error(`unsupported strftime directive %${spec}`);
      flush();
      out += token;
    } else if (/[A-Za-z']/.test(c)) {
      literal += c;
    } else {
      flush();
      out += c;
    }
  }
  flush();
  return out;
}

/**
 * Compiles a date-fns style format (`yyyy-MM-dd`, `dd/MM/yyyy HH:mm`, `yyyy-MM-dd'T'HH:mm:ssXXX`) or a strftime
 * format (`%Y-%m-%d`) into a strict parser returning floating epoch ms, or NaN when the text does not match
 * or is not a real calendar date. Tokens outside the common set fall back to date-fns' own parser.
 */
export function compileDateFormat(format: string): DateParser {
  const tokens = format.includes("%") ? strftimeToTokens(format) : format;
  const slots: Slot[] = [];
  let i = 0;
  let fallback = false;
  while (i < tokens.length) {
    const c = tokens[i]!;
    if (c === "\u0000") {
      // %f: 1-6 fraction digits
      slots.push({ pattern: "(\\d{1,6})", set: fraction });
      i += 2;
    } else if (c === "'") {
      let j = i + 1;
      let text = "";
      while (j < tokens.length) {
        if (tokens[j] === "'") {
          if (tokens[j + 1] === "'") {
            text += "'";
            j += 2;
            continue;
          }
          break;
        }
        text += tokens[j];
        j++;
      }
      if (j === i + 1 && tokens[j] === "'") {
        slots.push({ pattern: "'" });
        i = j + 1;
        continue;
      }
      slots.push({ pattern: escapeRegExp(text) });
      i = j + 1;
    } else if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (j < tokens.length && tokens[j] === c) j++;
      const slot = letterSlot(c, j - i);
      if (!slot) fallback = true;
      else slots.push(slot);
      i = j;
    } else {
      slots.push({ pattern: escapeRegExp(c) });
      i++;
    }
  }
  if (fallback) {
    const reference = new Date(2000, 0, 1);
    return (text) => {
      const d = parseWithDateFns(text, tokens, reference);
      return isValid(d) ? d.getTime() - d.getTimezoneOffset() * 60_000 : Number.NaN;
    };
  }
  const re = new RegExp(`^${slots.map((s) => s.pattern).join("")}$`, "i");
  const setters = slots.filter((s) => s.set !== undefined).map((s) => s.set!);
  return (text) => {
    const m = re.exec(text);
    if (m === null) return Number.NaN;
    const p: Parts = { y: 1970, mo: 1, d: 1, doy: 0, h: 0, mi: 0, s: 0, ms: 0, pm: -1, offset: 0, hasOffset: false, hour12: false };
    for (let k = 0; k < setters.length; k++) if (!setters[k]!(p, m[k + 1]!)) return Number.NaN;
    if (p.hour12 || p.pm >= 0) {
      if (p.h < 1 || p.h > 12) return Number.NaN;
      if (p.pm === 1 && p.h < 12) p.h += 12;
      if (p.pm === 0 && p.h === 12) p.h = 0;
    }
    if (p.doy > 0) {
      const leap = isLeapYear(p.y);
      if (p.doy > (leap ? 366 : 365)) return Number.NaN;
      const t = Date.UTC(p.y, 0, p.doy);
      const dd = new Date(t);
      p.mo = dd.getUTCMonth() + 1;
      p.d = dd.getUTCDate();
    }
    return fromParts(p.y, p.mo, p.d, p.h, p.mi, p.s, p.ms, p.hasOffset ? p.offset : 0);
  };
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month (1-based month). */
export function daysInMonth(y: number, mo: number): number {
  return mo === 2 && isLeapYear(y) ? 29 : DAYS_IN_MONTH[mo - 1]!;
}

/** Checked construction of a floating timestamp; NaN when a part is out of range. */
export function fromParts(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0, offsetMinutes = 0): number {
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 60) return Number.NaN;
  const t = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms) - offsetMinutes * 60_000;
  return y < 100 ? new Date(t).setUTCFullYear(y) : t;
}

const isoDateTime = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

const digit = (text: string, i: number): number => {
  const d = text.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1000;
};

/** Parses `yyyy-MM-dd` strictly (hand-written: this is on the hot path of date rules). */
export function parseIsoDate(text: string): number {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return Number.NaN;
  const y = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
  const m = digit(text, 5) * 10 + digit(text, 6);
  const d = digit(text, 8) * 10 + digit(text, 9);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return Number.NaN;
  return daysFromCivil(y, m, d) * 86_400_000;
}

/** True for a real calendar date written `yyyy-MM-dd` (no arithmetic beyond the checks). */
export function isIsoDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const y = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
  const m = digit(text, 5) * 10 + digit(text, 6);
  const d = digit(text, 8) * 10 + digit(text, 9);
  return y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Days since 1970-01-01 of a proleptic Gregorian date (arithmetic only; Date.UTC is slower on hot paths). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Parses an ISO 8601 date or date-time (`T` or space, optional seconds, fraction and offset). */
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
  return fromParts(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), ms, offset);
}

/** Reads a floating timestamp from a Date (its local wall time) or an epoch-ms number. */
export function fromDateObject(d: Date): number {
  const t = d.getTime();
  return Number.isNaN(t) ? t : t - d.getTimezoneOffset() * 60_000;
}

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
 * an ISO date or date-time,
 * a text in the rule's own format, or a Date.
 */
export function parseDateBound(bound: unknown, parseValue: DateParser | undefined, now: Date = new Date()): number {
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
  return parseValue ? parseValue(bound) : Number.NaN;
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

/** Formats a floating timestamp as ISO text without a zone (date only when at midnight). */
export function formatFloating(t: number): string {
  if (Number.isNaN(t)) return "Invalid Date";
  const iso = new Date(t).toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, iso.endsWith(".000Z") ? 19 : 23);
}

/** Lenient parsing for `format: auto`: ISO 8601 first, then whatever the JS Date parser reads (as local wall time). */
export function parseAutoDate(text: string): number {
  const iso = parseIsoDateTime(text.trim());
  if (!Number.isNaN(iso)) return iso;
  if (!/\d/.test(text)) return Number.NaN;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? Number.NaN : fromDateObject(d);
}
