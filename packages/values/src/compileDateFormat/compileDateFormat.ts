import { dateLibrary } from "../_internal/lazyLibraries.ts";
import { floatingTime, isLeapYear } from "../calendar/calendar.ts";

/**
 * A strict reader of one date format: floating epoch milliseconds (a value without a zone is read as wall-clock
 * time on the UTC axis, a value with an offset is converted to UTC), or NaN when the text does not match.
 */
export type DateFormatParser = (text: string) => number;

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

/**
 * Converts a C/Python strftime format (`%Y-%m-%d`) into date-fns tokens (`yyyy-M-d`), lenient like Python's strptime.
 * @param format - the strftime format
 * @returns the date-fns pattern
 * @throws Error for a directive that has no date-fns token
 * @example
 * strftimeToTokens("%Y-%m-%d") //=> "yyyy-M-d"
 */
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
 * @param format - the pattern
 * @returns the strict parser
 * @example
 * compileDateFormat("dd/MM/yyyy")("31/01/2023") //=> 1675123200000
 */
export function compileDateFormat(format: string): DateFormatParser {
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
      const { parse, isValid } = dateLibrary();
      const d = parse(text, tokens, reference);
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
    return floatingTime(p.y, p.mo, p.d, p.h, p.mi, p.s, p.ms, p.hasOffset ? p.offset : 0);
  };
}

