import { floatingTime, fromDateObject, parseIsoDateTime, type DateFormatParser } from "@cleanse/values";

/**
 * Dates in rules are compared as "floating" epoch milliseconds (see `@cleanse/values`). `today` and `now` follow the local clock.
 */
export type DateParser = DateFormatParser;

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

/** Lenient parsing for `format: auto`: ISO 8601 first, then whatever the JS Date parser reads (as local wall time). */
export function parseAutoDate(text: string): number {
  const iso = parseIsoDateTime(text.trim());
  if (!Number.isNaN(iso)) return iso;
  if (!/\d/.test(text)) return Number.NaN;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? Number.NaN : fromDateObject(d);
}
