import {
  compareDecimals,
  createHashedKeyTable,
  createValueClassifier,
  formatFloating,
  hash64,
  inferDateOrder,
  KIND_BITS,
  type DateOrder,
  type KeyTable,
  type ValueClass,
  type ValueClassifier,
} from "@cleanse/values";
import type { ColumnProfile, HistogramBin, PatternCount, ValueCount, ValueType } from "../profileRecords/DatasetProfile.ts";
import { createHistogram, type StreamingHistogram } from "./histogram.ts";
import { createHyperLogLog, type HyperLogLog } from "./hyperLogLog.ts";
import { valuePattern } from "./pattern.ts";
import { createFrequencyCounter, createFrequentItems, type FrequencyCounter, type HeavyHitters } from "./heavyHitters.ts";

/** Limits that bound a column's memory. */
export interface ColumnLimits {
  readonly distinctLimit: number;
  readonly sketchCapacity: number;
  readonly hllPrecision: number;
  readonly keyTrackingLimit: number;
  readonly topValues: number;
  readonly histogramBins: number;
}

/** How a column's values are read: a date order and a phone region given for every column, or inferred per column. */
export interface ColumnHints {
  readonly dateOrder: DateOrder | undefined;
  readonly phoneRegion: string | undefined;
}

interface Entry {
  count: number;
  info: ValueClass;
  readonly value: unknown;
  readonly pattern: string;
  readonly length: number;
  readonly text: string;
}

/** Kind bits from the most specific kind to the least: ties between type counts go to the first. */
const TYPE_ORDER: readonly (readonly [number, ValueType])[] = [
  [KIND_BITS.boolean, "boolean"],
  [KIND_BITS.uuid, "uuid"],
  [KIND_BITS.email, "email"],
  [KIND_BITS.url, "url"],
  [KIND_BITS.phone, "phone"],
  [KIND_BITS.datetime, "datetime"],
  [KIND_BITS.date, "date"],
  [KIND_BITS.integer, "integer"],
  [KIND_BITS.number, "number"],
];
const T_NUMBER = KIND_BITS.number;
const T_DATED = KIND_BITS.date | KIND_BITS.datetime;
const T_PHONE = KIND_BITS.phone;
/** A canonical date-time with its offset (`...Z`, `...+08:00`). */
const ZONED = /T.*(?:Z|[+-]\d\d:\d\d)$/;

const DAY = 86_400_000;
const PATTERN_EXACT_LIMIT = 1000;
const MAX_DATE_FORMATS = 32;
/** Share of the deciding values that must agree for an inferred date order or phone region to be used. */
const INFER_SHARE = 0.9;
/** Share of a column's different values that must be phone numbers with a country code for its region to be inferred. */
const REGION_EVIDENCE = 0.01;
/** Index in TYPE_ORDER of each kind bit. */
const BIT_INDEX: readonly number[] = Array.from({ length: 32 }, (_, bit) => TYPE_ORDER.findIndex(([flag]) => flag === 1 << bit));

/** Empty or only whitespace; most values start with a visible character, so that is checked first. */
function isBlank(s: string): boolean {
  if (s.length === 0) return true;
  const c = s.charCodeAt(0);
  if (c > 32 && c !== 0xa0 && c !== 0x3000 && c !== 0xfeff) return false;
  return s.trim().length === 0;
}

/** Text form of a value, the key for distinct counts and top values. */
export function valueText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  return JSON.stringify(value) ?? String(value);
}

/**
 * Whether a date needs the column's order: its day is unknown (day and month could be swapped), or its pattern is
 * (`01-01-2024`: dd-MM or MM-dd?).
 */
const needsOrder = (info: ValueClass): boolean => (info.kinds & T_DATED) !== 0 && (info.date === undefined || info.dateFormat === undefined);

/** The running state of one column: exact while small, sketches once it has many different values. */
export interface ColumnState {
  readonly name: string;
  /** Records in which the field exists (present, null or empty). */
  occurrences: number;
  add(value: unknown): void;
  finish(records: number): ColumnProfile;
}

export function createColumnState(name: string, limits: ColumnLimits, hints: ColumnHints): ColumnState {
  let nulls = 0;
  let empties = 0;
  let present = 0;
  // exact mode: one entry per different value
  let entries: Map<string, Entry> | undefined = new Map();
  let duplicates = false;
  // sketch mode
  let hll: HyperLogLog | undefined;
  let top: HeavyHitters | undefined;
  let keys: KeyTable | undefined;
  // How values are read. Until the column's date order and phone region are settled (from the exact entries, when
  // the column leaves exact mode or at the end), values are read with what the options give.
  let classify: ValueClassifier = createValueClassifier(hintOptions(hints.dateOrder, hints.phoneRegion));
  let reorder: ValueClassifier | undefined;
  let settled = false;
  let dateOrder: DateOrder | undefined = hints.dateOrder;
  // accumulators, fed per entry (weighted) or per value
  const typeCounts = new Float64Array(TYPE_ORDER.length);
  const patterns: FrequencyCounter = createFrequencyCounter(PATTERN_EXACT_LIMIT, limits.sketchCapacity);
  let lenMin = Infinity, lenMax = 0, lenSum = 0;
  let numMin = Infinity, numMax = -Infinity, numSum = 0, numCount = 0;
  let decMin = "", decMax = "";
  let timeMin = Infinity, timeMax = -Infinity;
  let zonedTimes = 0, times = 0, ambiguousDates = 0;
  let strMin: string | undefined, strMax: string | undefined;
  const phoneRegions = new Map<string, number>();
  const dateFormats = new Map<string, number>();
  const numbers: StreamingHistogram = createHistogram();
  const days: StreamingHistogram = createHistogram();

  const fold = (text: string, info: ValueClass, pattern: string, length: number, w: number) => {
    const kinds = info.kinds;
    if (kinds !== 0) {
      for (let f = kinds; f !== 0; f &= f - 1) typeCounts[BIT_INDEX[31 - Math.clz32(f & -f)]!]! += w;
      if ((kinds & T_NUMBER) !== 0) {
        const n = info.number;
        const d = info.decimal!;
        // Numbers order the decimals; only where two decimals share a number is the exact comparison needed.
        if (n < numMin || (n === numMin && compareDecimals(d, decMin) < 0)) {
          numMin = n;
          decMin = d;
        }
        if (n > numMax || (n === numMax && compareDecimals(d, decMax) > 0)) {
          numMax = n;
          decMax = d;
        }
        numSum += n * w;
        numCount += w;
        numbers.add(n, w);
      }
      if ((kinds & T_DATED) !== 0) {
        const t = info.time;
        if (Number.isNaN(t)) ambiguousDates += w;
        else {
          if (t < timeMin) timeMin = t;
          if (t > timeMax) timeMax = t;
          times += w;
          if (ZONED.test(info.date!)) zonedTimes += w;
          days.add(t / DAY, w);
          if (info.dateFormat !== undefined) {
            const c = dateFormats.get(info.dateFormat);
            if (c !== undefined) dateFormats.set(info.dateFormat, c + w);
            else if (dateFormats.size < MAX_DATE_FORMATS) dateFormats.set(info.dateFormat, w);
          }
        }
      }
      if ((kinds & T_PHONE) !== 0 && info.phoneRegion !== undefined) phoneRegions.set(info.phoneRegion, (phoneRegions.get(info.phoneRegion) ?? 0) + w);
    }
    patterns.add(pattern, w);
    if (length < lenMin) lenMin = length;
    if (length > lenMax) lenMax = length;
    lenSum += length * w;
    if (strMin === undefined || text < strMin) strMin = text;
    if (strMax === undefined || text > strMax) strMax = text;
  };

  /**
   * Decides the column's date order and phone region from its exact entries, when the options leave them open,
   * and reads again the entries that they change: dates whose day was unknown, and numbers written without a
   * country code once the region is known.
   */
  const settle = (map: Map<string, Entry>) => {
    if (settled) return;
    settled = true;
    let inferredOrder: DateOrder | undefined;
    if (hints.dateOrder === undefined) {
      const inference = inferDateOrder(datedTexts(map));
      if ((inference.order === "dmy" || inference.order === "mdy") && inference.confidence >= INFER_SHARE) inferredOrder = inference.order;
    }
    let inferredRegion: string | undefined;
    if (hints.phoneRegion === undefined) inferredRegion = majority(map, INFER_SHARE);
    if (inferredOrder === undefined && inferredRegion === undefined) return;
    dateOrder = hints.dateOrder ?? inferredOrder;
    if (inferredRegion !== undefined) classify = createValueClassifier(hintOptions(hints.dateOrder, inferredRegion));
    // The inferred order reads only the dates that need it: a value that fits one order only keeps its reading.
    if (inferredOrder !== undefined) reorder = createValueClassifier(hintOptions(inferredOrder, hints.phoneRegion ?? inferredRegion));
    for (const e of map.values()) {
      if (inferredRegion !== undefined && (e.info.kinds & (T_PHONE | T_DATED)) === 0) e.info = classify(e.value);
      e.info = ordered(e.info, e.value);
    }
  };

  /** A date read again with the inferred order when it needs it; a value the order contradicts keeps its reading. */
  const ordered = (info: ValueClass, value: unknown): ValueClass => {
    if (reorder === undefined || !needsOrder(info)) return info;
    const again = reorder(value);
    return (again.kinds & T_DATED) !== 0 ? again : info;
  };

  const read = (value: unknown): ValueClass => ordered(classify(value), value);

  // While the key table proves the column unique, every value so far was seen once: the distinct count
  // is the present count and no value is frequent, so the HyperLogLog and heavy-hitters sketches wait.
  // Both hash values with the kernel's hash64, so that the table's hashes seed the HyperLogLog.
  let samples: string[] = [];
  const startSketches = (seed: readonly (readonly [string, number])[], unseen: number) => {
    hll = createHyperLogLog(limits.hllPrecision);
    if (keys) keys.forEachHash((hi) => hll!.add(hi));
    top = createFrequentItems(limits.sketchCapacity, seed, unseen);
  };

  const toSketches = (map: Map<string, Entry>) => {
    settle(map);
    const keep = !duplicates && map.size < limits.keyTrackingLimit;
    if (keep) keys = createHashedKeyTable(false, map.size * 2);
    else hll = createHyperLogLog(limits.hllPrecision);
    const seeded: [string, number][] = [];
    for (const e of map.values()) {
      fold(e.text, e.info, e.pattern, e.length, e.count);
      if (keys) {
        keys.put(e.text, 0);
        if (samples.length < limits.topValues) samples.push(e.text);
      } else {
        hll!.add(hash64(e.text)[0]);
        seeded.push([e.text, e.count]);
      }
    }
    if (!keys) top = createFrequentItems(limits.sketchCapacity, seeded);
    entries = undefined;
  };

  const state: ColumnState = {
    name,
    occurrences: 0,
    add(value) {
      state.occurrences++;
      if (value === null || value === undefined) {
        nulls++;
        return;
      }
      const text = valueText(value);
      if (typeof value === "string" && isBlank(text)) {
        empties++;
        return;
      }
      present++;
      if (entries) {
        const e = entries.get(text);
        if (e !== undefined) {
          e.count++;
          duplicates = true;
          return;
        }
        if (entries.size < limits.distinctLimit) {
          const p = valuePattern(text);
          entries.set(text, { count: 1, info: classify(value), value, pattern: p.pattern, length: p.length, text });
          return;
        }
        toSketches(entries);
      }
      const p = valuePattern(text);
      fold(text, read(value), p.pattern, p.length, 1);
      if (keys) {
        if (keys.put(text, 0) === -1) {
          if (samples.length < limits.topValues) samples.push(text);
          if (keys.size < limits.keyTrackingLimit) return;
          // uniqueness becomes unknown: the key table would outgrow its budget
          startSketches([], 1);
          keys = undefined;
          samples = [];
          return;
        }
        // the first duplicate: it has been seen twice, every other value once
        duplicates = true;
        startSketches([[text, 2]], 1);
        keys = undefined;
        samples = [];
        return;
      }
      hll!.add(hash64(text)[0]);
      top!.add(text);
    },
    finish(records) {
      const missing = records - state.occurrences;
      const allNulls = nulls + missing;
      let topValues: ValueCount[];
      let distinct: ColumnProfile["distinct"];
      const exact = entries !== undefined;
      if (entries) {
        settle(entries);
        for (const e of entries.values()) fold(e.text, e.info, e.pattern, e.length, e.count);
        topValues = [...entries.values()]
          .sort((a, b) => b.count - a.count || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0))
          .slice(0, limits.topValues)
          .map((e) => ({ value: e.text, count: e.count }));
        distinct = { count: entries.size, exact: true };
      } else {
        topValues = keys
          ? samples.map((value) => ({ value, count: 1 }))
          : top!.top(limits.topValues).map((t) => (t.error > 0 ? { value: t.value, count: t.count, error: t.error } : { value: t.value, count: t.count }));
        distinct = keys
          ? { count: present, exact: true }
          : { count: Math.min(present, Math.round(hll!.estimate())), exact: false, standardError: round(hll!.standardError, 4) };
      }
      const uniqueness: ColumnProfile["uniqueness"] = duplicates ? "duplicates" : exact || keys ? "unique" : "unknown";

      // inferred type: the best share, ties to the more specific type
      let type: ValueType = "string";
      let best = 0;
      const typeCountsOut: Partial<Record<ValueType, number>> = {};
      for (let b = 0; b < TYPE_ORDER.length; b++) {
        const c = typeCounts[b]!;
        if (c > 0) typeCountsOut[TYPE_ORDER[b]![1]] = c;
        if (c > best) {
          best = c;
          type = TYPE_ORDER[b]![1];
        }
      }
      let confidence = present === 0 ? 0 : best / present;
      if (present > 0 && confidence < 0.5) {
        type = "string";
        confidence = 1;
      }
      if (present === 0) type = "string";

      const patternList: PatternCount[] = patterns.top(limits.topValues).map((p) => ({
        pattern: p.value,
        count: p.count,
        ratio: round(p.count / Math.max(1, present), 4),
        ...(p.error > 0 ? { error: p.error } : {}),
      }));
      const numeric = type === "integer" || type === "number";
      const dated = type === "date" || type === "datetime";
      // Floating times: in a column whose every time carries an offset they are instants, shown in UTC (Z); in any
      // other they are wall-clock times, shown without a zone.
      const zoned = zonedTimes === times;
      const when = (t: number) => (type === "date" ? formatFloating(t).slice(0, 10) : zoned ? new Date(t).toISOString() : new Date(t).toISOString().slice(0, -1));
      let min: number | string | undefined;
      let max: number | string | undefined;
      if (numeric && numCount > 0) {
        min = exactNumber(numMin, decMin);
        max = exactNumber(numMax, decMax);
      } else if (dated && Number.isFinite(timeMin)) {
        min = when(timeMin);
        max = when(timeMax);
      } else if (present > 0) {
        min = strMin;
        max = strMax;
      }
      let histogramBins: HistogramBin[] | undefined;
      if (numeric) histogramBins = numbers.bins(limits.histogramBins);
      else if (dated) {
        histogramBins = days.bins(limits.histogramBins).map((b) => ({
          from: formatFloating(Math.round(Number(b.from) * DAY)).slice(0, 10),
          to: formatFloating(Math.round(Number(b.to) * DAY)).slice(0, 10),
          count: b.count,
        }));
      }
      const phoneCount = typeCountsOut.phone ?? 0;
      const region = phoneCount > 0 ? majorityOf(phoneRegions, 0.5, phoneCount) : undefined;
      return {
        name,
        type,
        typeConfidence: round(confidence, 4),
        typeCounts: typeCountsOut,
        count: records,
        nulls: allNulls,
        empties,
        present,
        nullRatio: records === 0 ? 0 : round(allNulls / records, 4),
        emptyRatio: records === 0 ? 0 : round(empties / records, 4),
        distinct,
        uniqueness,
        topValues,
        topValuesExact: exact || keys !== undefined,
        ...(min === undefined ? {} : { min }),
        ...(max === undefined ? {} : { max }),
        ...(numeric && numCount > 0 ? { mean: round(numSum / numCount, 6) } : {}),
        ...(present > 0 ? { length: { min: lenMin, max: lenMax, mean: round(lenSum / present, 2) } } : {}),
        patterns: patternList,
        ...(histogramBins && histogramBins.length > 0 ? { histogram: { kind: numeric ? ("number" as const) : ("date" as const), bins: histogramBins } } : {}),
        ...(dated && dateFormats.size > 0
          ? { dateFormats: [...dateFormats.entries()].sort((a, b) => b[1] - a[1]).map(([format, count]) => ({ format, count })) }
          : {}),
        ...(dated && (dateOrder === "dmy" || dateOrder === "mdy") ? { dateOrder } : {}),
        ...(ambiguousDates > 0 ? { ambiguousDates } : {}),
        ...(region === undefined ? {} : { phoneRegion: region }),
      };
    },
  };
  return state;
}

function hintOptions(order: DateOrder | undefined, region: string | undefined): { order?: DateOrder; region?: string } {
  return { ...(order === undefined ? {} : { order }), ...(region === undefined ? {} : { region }) };
}

/** The different dates among the entries, for inferDateOrder. */
function* datedTexts(map: Map<string, Entry>): Generator<string> {
  for (const e of map.values()) if ((e.info.kinds & T_DATED) !== 0 && typeof e.value === "string") yield e.text;
}

/**
 * The region of the different phone numbers written with a country code, when at least `share` of them agree and
 * they are at least REGION_EVIDENCE of the column's different values (one `+1 ...` among ten thousand amounts does
 * not make a column of phone numbers).
 */
function majority(map: Map<string, Entry>, share: number): string | undefined {
  const counts = new Map<string, number>();
  let total = 0;
  for (const e of map.values()) {
    if ((e.info.kinds & T_PHONE) === 0) continue;
    total++;
    if (e.info.phoneRegion !== undefined) counts.set(e.info.phoneRegion, (counts.get(e.info.phoneRegion) ?? 0) + 1);
  }
  return total === 0 || total < REGION_EVIDENCE * map.size ? undefined : majorityOf(counts, share, total);
}

function majorityOf(counts: Map<string, number>, share: number, total: number): string | undefined {
  let best: string | undefined;
  let most = 0;
  for (const [k, c] of counts) {
    if (c > most || (c === most && best !== undefined && k < best)) {
      best = k;
      most = c;
    }
  }
  return best !== undefined && most >= share * total ? best : undefined;
}

/** A JavaScript number when it holds the decimal exactly, else the decimal's text. */
function exactNumber(n: number, decimal: string): number | string {
  return String(n) === decimal ? n : decimal;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
