import { createDateParser, inferDateOrder, parseIsoDateTime, type DateOrder, type DateParser } from "@cleanse/values";
import type { LagBucket, TimelinessReport } from "../ReconcileReport/ReconcileReport.ts";

const RESERVOIR = 100_000;
const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;
const BUCKETS: readonly { label: string; from: number | null; to: number | null }[] = [
  { label: "right older (< 0)", from: null, to: 0 },
  { label: "0 – 1 min", from: 0, to: MINUTE },
  { label: "1 min – 1 h", from: MINUTE, to: HOUR },
  { label: "1 h – 1 day", from: HOUR, to: DAY },
  { label: "1 – 7 days", from: DAY, to: 7 * DAY },
  { label: "7 – 30 days", from: 7 * DAY, to: 30 * DAY },
  { label: "≥ 30 days", from: 30 * DAY, to: null },
];

// One parser per order the kernel knows: timestamps come out as ISO 8601 date-times, with their offset when written.
const parsers = new Map<DateOrder | undefined, DateParser>();

function parserFor(order: DateOrder | undefined): DateParser {
  let parser = parsers.get(order);
  if (parser === undefined) {
    parser = createDateParser(order === undefined ? { output: "datetime" } : { output: "datetime", order });
    parsers.set(order, parser);
  }
  return parser;
}

/**
 * Reads a timestamp on the floating time axis: a Date as the instant it is, a number as Unix time (seconds below
 * 1e11, else milliseconds), text through the value kernel, with `order` deciding dates such as `01/02/2023`. Text
 * with an offset or `Z` is converted to UTC; text without one is the wall-clock time it says, never the machine's
 * local time. Undefined for empty, ambiguous and unreadable values.
 */
export function toEpochMs(value: unknown, order?: DateOrder): number | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
  if (typeof value === "number") return Number.isFinite(value) ? (Math.abs(value) < 1e11 ? value * 1000 : value) : undefined;
  if (typeof value !== "string") return undefined;
  const read = parserFor(order)(value);
  if (!read.ok || read.value === null) return undefined;
  const t = parseIsoDateTime(read.value);
  return Number.isNaN(t) ? undefined : t;
}

/** The order of day and month a side writes its timestamps in, from its own values (undefined: they do not say). */
export function timestampOrder(values: Iterable<unknown>): DateOrder | undefined {
  const { order } = inferDateOrder(values);
  return order === "dmy" || order === "mdy" ? order : undefined;
}

/** Collects sync lags (right - left, seconds) in bounded memory: exact counts, a uniform sample for percentiles. */
export function createLagStats(
  leftField: string,
  rightField: string,
  orders: { readonly left?: DateOrder | undefined; readonly right?: DateOrder | undefined } = {},
): {
  add(left: unknown, right: unknown): void;
  finish(): TimelinessReport;
} {
  let pairs = 0;
  let unreadable = 0;
  let behind = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  const counts = new Array<number>(BUCKETS.length).fill(0);
  const sample = new Float64Array(RESERVOIR);
  let seed = 0x9e3779b9;
  const random = (): number => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    add(left, right) {
      const l = toEpochMs(left, orders.left);
      const r = toEpochMs(right, orders.right);
      if (l === undefined || r === undefined) {
        unreadable++;
        return;
      }
      const lag = (r - l) / 1000;
      if (pairs < RESERVOIR) sample[pairs] = lag;
      else {
        const j = Math.floor(random() * (pairs + 1));
        if (j < RESERVOIR) sample[j] = lag;
      }
      pairs++;
      sum += lag;
      if (lag < min) min = lag;
      if (lag > max) max = lag;
      if (lag < 0) behind++;
      for (let i = 0; i < BUCKETS.length; i++) {
        const b = BUCKETS[i]!;
        if ((b.from === null || lag >= b.from) && (b.to === null || lag < b.to)) {
          counts[i]!++;
          break;
        }
      }
    },
    finish() {
      const n = Math.min(pairs, RESERVOIR);
      const sorted = sample.slice(0, n).sort();
      const at = (p: number): number => sorted[Math.min(n - 1, Math.max(0, Math.ceil((p / 100) * n) - 1))]!;
      const histogram: LagBucket[] = BUCKETS.map((b, i) => ({ label: b.label, fromSeconds: b.from, toSeconds: b.to, count: counts[i]! }));
      return {
        leftField,
        rightField,
        pairs,
        unreadable,
        rightBehind: behind,
        lagSeconds: pairs === 0 ? null : { min, p50: at(50), p90: at(90), p95: at(95), p99: at(99), max, mean: sum / pairs },
        sampled: pairs > RESERVOIR,
        histogram,
      };
    },
  };
}
