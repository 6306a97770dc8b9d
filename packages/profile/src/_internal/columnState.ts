import type { ColumnProfile, HistogramBin, PatternCount, ValueCount } from "../profileRecords/DatasetProfile.ts";
import { classifyValue, TYPE_ORDER, T_DATE, T_DATETIME, T_NUMBER, T_PHONE, type DateOrderHint, type ValueInfo, type ValueType } from "./classify.ts";
import { hashString } from "@cleanse/values";

/** Seeds of the two independent hashes every value gets (sketches and the distinct-value set). */
const SEED_A = 0x9747b28c;
const SEED_B = 0x5bd1e995;
import { createHistogram, type StreamingHistogram } from "./histogram.ts";
import { createHyperLogLog, type HyperLogLog } from "./hyperLogLog.ts";
import { createKeySet, type KeySet } from "./keySet.ts";
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

interface Entry {
  count: number;
  /** A copy: classifyValue's result is shared. */
  readonly info: ValueInfo;
  readonly pattern: string;
  readonly length: number;
  readonly text: string;
}

const DAY = 86_400_000;
const PATTERN_EXACT_LIMIT = 1000;
const MAX_DATE_FORMATS = 32;
const TYPE_BITS = TYPE_ORDER.map(([flag]) => flag);
/** Index in TYPE_ORDER of each flag bit. */
const BIT_INDEX: readonly number[] = Array.from({ length: 32 }, (_, bit) => TYPE_BITS.indexOf(1 << bit));

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

/** The running state of one column: exact while small, sketches once it has many different values. */
export interface ColumnState {
  readonly name: string;
  /** Records in which the field exists (present, null or empty). */
  occurrences: number;
  add(value: unknown): void;
  finish(records: number): ColumnProfile;
}

export function createColumnState(name: string, limits: ColumnLimits): ColumnState {
  const hint: DateOrderHint = { dayFirst: true };
  let nulls = 0;
  let empties = 0;
  let present = 0;
  // exact mode: one entry per different value
  let entries: Map<string, Entry> | undefined = new Map();
  let duplicates = false;
  // sketch mode
  let hll: HyperLogLog | undefined;
  let top: HeavyHitters | undefined;
  let keys: KeySet | undefined;
  // accumulators, fed per entry (weighted) or per value
  const typeCounts = new Float64Array(TYPE_BITS.length);
  const patterns: FrequencyCounter = createFrequencyCounter(PATTERN_EXACT_LIMIT, limits.sketchCapacity);
  let lenMin = Infinity, lenMax = 0, lenSum = 0;
  let numMin = Infinity, numMax = -Infinity, numSum = 0, numCount = 0;
  let timeMin = Infinity, timeMax = -Infinity;
  let strMin: string | undefined, strMax: string | undefined;
  let cnPhones = 0;
  const dateFormats = new Map<string, number>();
  const numbers: StreamingHistogram = createHistogram();
  const days: StreamingHistogram = createHistogram();

  const fold = (text: string, info: ValueInfo, pattern: string, length: number, w: number) => {
    const flags = info.flags;
    if (flags !== 0) {
      for (let f = flags; f !== 0; f &= f - 1) typeCounts[BIT_INDEX[31 - Math.clz32(f & -f)]!]! += w;
      if ((flags & T_NUMBER) !== 0) {
        const n = info.num;
        if (n < numMin) numMin = n;
        if (n > numMax) numMax = n;
        numSum += n * w;
        numCount += w;
        numbers.add(n, w);
      }
      if ((flags & (T_DATE | T_DATETIME)) !== 0) {
        const t = info.time;
        if (t < timeMin) timeMin = t;
        if (t > timeMax) timeMax = t;
        days.add(t / DAY, w);
        if (info.dateFormat !== undefined) {
          const c = dateFormats.get(info.dateFormat);
          if (c !== undefined) dateFormats.set(info.dateFormat, c + w);
          else if (dateFormats.size < MAX_DATE_FORMATS) dateFormats.set(info.dateFormat, w);
        }
      }
      if ((flags & T_PHONE) !== 0 && info.cnPhone) cnPhones += w;
    }
    patterns.add(pattern, w);
    if (length < lenMin) lenMin = length;
    if (length > lenMax) lenMax = length;
    lenSum += length * w;
    if (strMin === undefined || text < strMin) strMin = text;
    if (strMax === undefined || text > strMax) strMax = text;
  };

  // While the key set proves the column unique, every value so far was seen once: the distinct count
  // is the present count and no value is frequent, so the HyperLogLog and heavy-hitters sketches wait.
  let samples: string[] = [];
  const startSketches = (seed: readonly (readonly [string, number])[], unseen: number) => {
    hll = createHyperLogLog(limits.hllPrecision);
    if (keys) keys.forEachHash((h) => hll!.add(h));
    top = createFrequentItems(limits.sketchCapacity, seed, unseen);
  };

  const toSketches = (map: Map<string, Entry>) => {
    const keep = !duplicates && map.size < limits.keyTrackingLimit;
    if (keep) keys = createKeySet(map.size * 2);
    else hll = createHyperLogLog(limits.hllPrecision);
    const seeded: [string, number][] = [];
    for (const e of map.values()) {
      fold(e.text, e.info, e.pattern, e.length, e.count);
      const a = hashString(e.text, SEED_A);
      if (keys) {
        keys.add(a, hashString(e.text, SEED_B));
        if (samples.length < limits.topValues) samples.push(e.text);
      } else {
        hll!.add(a);
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
          entries.set(text, { count: 1, info: { ...classifyValue(value, text, hint) }, pattern: p.pattern, length: p.length, text });
          return;
        }
        toSketches(entries);
      }
      const p = valuePattern(text);
      fold(text, classifyValue(value, text, hint), p.pattern, p.length, 1);
      const a = hashString(text, SEED_A);
      if (keys) {
        if (keys.add(a, hashString(text, SEED_B))) {
          if (samples.length < limits.topValues) samples.push(text);
          if (keys.size < limits.keyTrackingLimit) return;
          // uniqueness becomes unknown: the key set would outgrow its budget
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
      hll!.add(a);
      top!.add(text);
    },
    finish(records) {
      const missing = records - state.occurrences;
      const allNulls = nulls + missing;
      let topValues: ValueCount[];
      let distinct: ColumnProfile["distinct"];
      const exact = entries !== undefined;
      if (entries) {
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
      const iso = (t: number) => (type === "date" ? new Date(t).toISOString().slice(0, 10) : new Date(t).toISOString());
      let min: number | string | undefined;
      let max: number | string | undefined;
      if (numeric && numCount > 0) {
        min = numMin;
        max = numMax;
      } else if (dated && Number.isFinite(timeMin)) {
        min = iso(timeMin);
        max = iso(timeMax);
      } else if (present > 0) {
        min = strMin;
        max = strMax;
      }
      let histogramBins: HistogramBin[] | undefined;
      if (numeric) histogramBins = numbers.bins(limits.histogramBins);
      else if (dated) {
        histogramBins = days.bins(limits.histogramBins).map((b) => ({
          from: new Date(Math.round(Number(b.from) * DAY)).toISOString().slice(0, 10),
          to: new Date(Math.round(Number(b.to) * DAY)).toISOString().slice(0, 10),
          count: b.count,
        }));
      }
      const phoneCount = typeCountsOut.phone ?? 0;
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
        ...(phoneCount > 0 && cnPhones / phoneCount >= 0.5 ? { phoneRegion: "CN" as const } : {}),
      };
    },
  };
  return state;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

