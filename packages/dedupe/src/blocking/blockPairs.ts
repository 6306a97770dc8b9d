import { plural } from "@cleanse/core";
import { createGrowableFloat64, sortUnique, type GrowableFloat64 } from "../_internal/growable.ts";
import { hashString, mixHash } from "@cleanse/values";
import type { Table } from "../_internal/table.ts";
import { qgramSet } from "../comparisons/setSimilarity.ts";
import type { ResolvedBlockingRule, ResolvedKeyPart } from "../config/resolveConfig.ts";
import { applyKeyTransform, createDateKey, isDateTransform } from "./keyTransforms.ts";
import { tokenRule } from "./tokenRule.ts";

/** Which record pairs a run compares. */
export type PairMode = "dedupe" | "link" | "incremental";

/** What one blocking rule contributed. */
export interface BlockingRuleStats {
  readonly rule: string;
  readonly type: ResolvedBlockingRule["type"];
  /** Distinct candidate pairs this rule generates on its own. */
  readonly candidatePairs: number;
  /** Of those, pairs no earlier rule generated. */
  readonly newPairs: number;
  /** 1 - candidatePairs / comparable pairs. */
  readonly reductionRatio: number;
  readonly blocks: number;
  readonly largestBlock: number;
  /** Blocks above `maxBlockSize`, paired only within a window; the largest first. */
  readonly oversizedBlocks: readonly { readonly key: string; readonly size: number }[];
  readonly ms: number;
}

/** Candidate pairs of all rules, unioned. */
export interface BlockingStats {
  readonly records: number;
  readonly comparablePairs: number;
  readonly candidatePairs: number;
  readonly reductionRatio: number;
  readonly rules: readonly BlockingRuleStats[];
  readonly warnings: readonly string[];
}

export interface BlockOptions {
  readonly mode: PairMode;
  readonly maxBlockSize: number;
  readonly oversizedWindow: number;
  /** Text by which members of an oversized block are sorted before windowing. */
  readonly signature: (i: number) => string;
  /** Called after each rule with the rules done and the distinct candidate pairs so far. */
  readonly onRule?: (rulesDone: number, pairs: number) => void;
}

export interface BlockResult {
  /** Sorted unique pair codes `i * n + j` with i < j. */
  readonly codes: Float64Array;
  readonly stats: BlockingStats;
}

const SEP = "\u0001";

export function comparablePairs(table: Table, mode: PairMode): number {
  const n = table.n;
  if (mode === "dedupe" || !table.source) return (n * (n - 1)) / 2;
  let ones = 0;
  for (let i = 0; i < n; i++) ones += table.source[i]!;
  const zeros = n - ones;
  return mode === "link" ? zeros * ones : zeros * ones + (ones * (ones - 1)) / 2;
}

const EXPENSIVE = new Set(["soundex", "metaphone", "pinyinInitials", "sortedTokens", "initials", "orgName", "codes"]);

/** Date keys read the value as written (accents, case and zone letters matter to a date), through the value kernel. */
function dateKeys(table: Table, part: ResolvedKeyPart & { readonly transform: "date" | "year" }): (string | null)[] {
  const col = table.column(part.field);
  const key = createDateKey(part.transform, part.order);
  const memo = new Map<unknown, string | null>();
  const out = new Array<string | null>(col.length);
  for (let i = 0; i < col.length; i++) {
    if (col[i] === null || col[i] === undefined) {
      out[i] = null;
      continue;
    }
    const raw = table.records[i]![part.field];
    let k = memo.get(raw);
    if (k === undefined) {
      k = key(raw);
      if (memo.size < 100_000) memo.set(raw, k);
    }
    out[i] = k;
  }
  return out;
}

function partKeys(table: Table, part: ResolvedKeyPart): readonly (string | readonly string[] | null)[] {
  if (isDateTransform(part.transform)) return dateKeys(table, { ...part, transform: part.transform });
  const col = table.column(part.field);
  if (part.transform === "exact") return col;
  const memoize = EXPENSIVE.has(part.transform);
  const memo = new Map<string, string | readonly string[] | null>();
  const out = new Array<string | readonly string[] | null>(col.length);
  let hits = 0;
  let useMemo = memoize;
  for (let i = 0; i < col.length; i++) {
    const v = col[i];
    if (v === null || v === undefined) {
      out[i] = null;
      continue;
    }
    if (!useMemo) {
      out[i] = applyKeyTransform(part.transform, v, part.length);
      continue;
    }
    let k = memo.get(v);
    if (k === undefined) {
      k = applyKeyTransform(part.transform, v, part.length);
      memo.set(v, k);
    } else hits++;
    out[i] = k;
    // Values that rarely repeat are not worth remembering.
    if (i === 20_000 && hits < 5_000) useMemo = false;
  }
  return out;
}

/** Keys per record of a key rule: null (no key), one key, or several. */
export function recordKeys(table: Table, parts: readonly ResolvedKeyPart[]): (string | readonly string[] | null)[] {
  const perPart = parts.map((p) => partKeys(table, p));
  const out = new Array<string | readonly string[] | null>(table.n);
  for (let i = 0; i < table.n; i++) {
    let acc: string[] | null = [""];
    for (let p = 0; p < perPart.length && acc; p++) {
      const k = perPart[p]![i];
      if (k === null || k === undefined) acc = null;
      else if (typeof k === "string") acc = acc.map((a) => (p === 0 ? k : a + SEP + k));
      else acc = acc.flatMap((a) => k.map((x) => (p === 0 ? x : a + SEP + x)));
    }
    out[i] = acc === null ? null : acc.length === 1 ? acc[0]! : acc;
  }
  return out;
}

/** 52-bit hash of a string: two seeds of the value kernel's string hash, 20 bits of one and 32 of the other. */
function hash52(text: string): number {
  return (hashString(text, 0x1b873593) & 0xfffff) * 4294967296 + hashString(text, 0xcc9e2d51);
}

function combine(h: number, part: number): number {
  const hi = Math.floor(h / 4294967296);
  const lo = h >>> 0;
  const phi = Math.floor(part / 4294967296);
  const plo = part >>> 0;
  const a = mixHash((hi ^ phi) >>> 0, 0x9e3779b1) ^ mixHash(plo, 0x7f4a7c15);
  const b = mixHash((lo ^ plo) >>> 0, 0x85ebca6b) ^ mixHash(phi, 0xc2b2ae35);
  return ((a >>> 0) & 0xfffff) * 4294967296 + (b >>> 0);
}

/** Numeric keys of a key rule, per record: `keys[offsets[i]..offsets[i+1])` (empty when none). */
interface NumericKeys {
  readonly offsets: Int32Array;
  readonly keys: Float64Array;
  readonly perPart: readonly (readonly (string | readonly string[] | null)[])[];
}

function numericKeys(table: Table, parts: readonly ResolvedKeyPart[]): NumericKeys {
  const perPart = parts.map((p) => partKeys(table, p));
  const n = table.n;
  const offsets = new Int32Array(n + 1);
  let keys = new Float64Array(Math.max(16, n));
  let used = 0;
  let acc: number[] = [];
  let nextAcc: number[] = [];
  for (let i = 0; i < n; i++) {
    offsets[i] = used;
    acc.length = 0;
    acc.push(0);
    let ok = true;
    for (let p = 0; p < perPart.length && ok; p++) {
      const k = perPart[p]![i];
      if (k === null || k === undefined) {
        ok = false;
      } else if (typeof k === "string") {
        const h = hash52(k);
        for (let x = 0; x < acc.length; x++) acc[x] = p === 0 ? h : combine(acc[x]!, h);
      } else {
        nextAcc.length = 0;
        for (const a of acc) for (const part of k) nextAcc.push(p === 0 ? hash52(part) : combine(a, hash52(part)));
        [acc, nextAcc] = [nextAcc, acc];
      }
    }
    if (!ok) continue;
    if (used + acc.length > keys.length) {
      const grown = new Float64Array(keys.length * 2 + acc.length);
      grown.set(keys);
      keys = grown;
    }
    for (const a of acc) keys[used++] = a;
  }
  offsets[n] = used;
  return { offsets, keys: keys.subarray(0, used), perPart };
}

interface Emitter {
  readonly out: GrowableFloat64;
  blocks: number;
  largest: number;
  oversized: { key: string; size: number }[];
}

function emitBlock(table: Table, members: readonly number[], label: string | ((i: number) => string), opts: BlockOptions, e: Emitter, sigCache: Map<number, string>): void {
  const size = members.length;
  if (size < 2) return;
  const n = table.n;
  const src = table.source;
  const mode = opts.mode;
  e.blocks++;
  if (size > e.largest) e.largest = size;
  let list = members;
  let window = size;
  if (size > opts.maxBlockSize) {
    e.oversized.push({ key: typeof label === "string" ? label : label(members[0]!), size });
    const sig = (i: number): string => {
      let s = sigCache.get(i);
      if (s === undefined) {
        s = opts.signature(i);
        sigCache.set(i, s);
      }
      return s;
    };
    list = [...members].sort((a, b) => {
      const sa = sig(a);
      const sb = sig(b);
      return sa < sb ? -1 : sa > sb ? 1 : a - b;
    });
    window = opts.oversizedWindow;
  }
  for (let p = 0; p < list.length; p++) {
    const i = list[p]!;
    const end = Math.min(list.length, p + window);
    for (let q = p + 1; q < end; q++) {
      const j = list[q]!;
      if (src && mode !== "dedupe") {
        if (mode === "link" ? src[i] === src[j] : src[i] === 0 && src[j] === 0) continue;
      }
      e.out.push(i < j ? i * n + j : j * n + i);
    }
  }
}

function keyRule(table: Table, parts: readonly ResolvedKeyPart[], opts: BlockOptions, e: Emitter): void {
  const { offsets, keys, perPart } = numericKeys(table, parts);
  // Group by sorting: each (key, record) entry is packed into one exactly representable double, the
  // key hash in the high bits and the record index in the low bits. A native typed-array sort then
  // lays every block out contiguously, in record order, with sequential memory access only.
  const n = table.n;
  const idxBits = Math.max(1, Math.ceil(Math.log2(n + 1)));
  const keyBits = Math.max(20, 53 - idxBits);
  const keySpace = 2 ** keyBits;
  const scale = 2 ** idxBits;
  const packed = new Float64Array(keys.length);
  let w = 0;
  for (let i = 0; i < n; i++) {
    for (let x = offsets[i]!; x < offsets[i + 1]!; x++) {
      const k = keys[x]!;
      packed[w++] = (k - Math.floor(k / keySpace) * keySpace) * scale + i;
    }
  }
  packed.sort();
  const sigCache = new Map<number, string>();
  const members: number[] = [];
  const label = (i: number): string =>
    perPart
      .map((col) => {
        const v = col[i];
        return typeof v === "string" ? v : (v ?? []).join("/");
      })
      .join(" | ");
  let start = 0;
  while (start < packed.length) {
    const key = Math.floor(packed[start]! / scale);
    let end = start + 1;
    while (end < packed.length && Math.floor(packed[end]! / scale) === key) end++;
    if (end - start >= 2) {
      members.length = 0;
      let last = -1;
      for (let x = start; x < end; x++) {
        const i = packed[x]! - key * scale;
        if (i !== last) members.push(i);
        last = i;
      }
      if (members.length >= 2) emitBlock(table, members, label, opts, e, sigCache);
    }
    start = end;
  }
}

function sortedRule(table: Table, keys: readonly (string | readonly string[] | null)[], window: number, e: Emitter, mode: PairMode): void {
  const idx: number[] = [];
  const first: string[] = new Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k === null || k === undefined) continue;
    first[i] = typeof k === "string" ? k : k[0]!;
    idx.push(i);
  }
  idx.sort((a, b) => {
    const x = first[a]!;
    const y = first[b]!;
    return x < y ? -1 : x > y ? 1 : a - b;
  });
  const n = table.n;
  const src = table.source;
  for (let p = 0; p < idx.length; p++) {
    const i = idx[p]!;
    const end = Math.min(idx.length, p + window);
    for (let q = p + 1; q < end; q++) {
      const j = idx[q]!;
      if (src && mode !== "dedupe") {
        if (mode === "link" ? src[i] === src[j] : src[i] === 0 && src[j] === 0) continue;
      }
      e.out.push(i < j ? i * n + j : j * n + i);
    }
  }
  e.blocks = idx.length;
  e.largest = Math.min(window, idx.length);
}

function lshRule(table: Table, rule: Extract<ResolvedBlockingRule, { type: "lsh" }>, opts: BlockOptions, e: Emitter): void {
  const cols = rule.on.map((f) => table.column(f));
  const k = rule.bands * rule.rows;
  const seeds = new Uint32Array(k);
  for (let s = 0; s < k; s++) seeds[s] = mixHash(s + 1, rule.seed * 0x9e3779b1);
  const bandMaps: Map<number, number[]>[] = Array.from({ length: rule.bands }, () => new Map());
  const mins = new Uint32Array(k);
  for (let i = 0; i < table.n; i++) {
    let text: string | null = null;
    for (const c of cols) {
      const v = c[i];
      if (v !== null && v !== undefined) text = text === null ? v : `${text} ${v}`;
    }
    if (text === null) continue;
    const grams = qgramSet(text, rule.q);
    mins.fill(0xffffffff);
    for (let g = 0; g < grams.length; g++) {
      const x = grams[g]!;
      for (let s = 0; s < k; s++) {
        const h = mixHash(x, seeds[s]!);
        if (h < mins[s]!) mins[s] = h;
      }
    }
    for (let b = 0; b < rule.bands; b++) {
      let h = 0x2545f491 ^ b;
      for (let r = 0; r < rule.rows; r++) h = mixHash(h ^ mins[b * rule.rows + r]!, 0x27d4eb2f);
      const m = bandMaps[b]!;
      const list = m.get(h);
      if (list) list.push(i);
      else m.set(h, [i]);
    }
  }
  const sigCache = new Map<number, string>();
  for (let b = 0; b < rule.bands; b++) {
    for (const [h, members] of bandMaps[b]!) emitBlock(table, members, `band ${b}:${h.toString(16)}`, opts, e, sigCache);
    bandMaps[b]!.clear();
  }
}

function mergeCount(union: Float64Array, add: Float64Array): { merged: Float64Array; fresh: number } {
  const merged = new Float64Array(union.length + add.length);
  let i = 0, j = 0, w = 0, fresh = 0;
  while (i < union.length && j < add.length) {
    const x = union[i]!;
    const y = add[j]!;
    if (x === y) {
      merged[w++] = x;
      i++;
      j++;
    } else if (x < y) merged[w++] = union[i++]!;
    else {
      merged[w++] = add[j++]!;
      fresh++;
    }
  }
  while (i < union.length) merged[w++] = union[i++]!;
  while (j < add.length) {
    merged[w++] = add[j++]!;
    fresh++;
  }
  return { merged: merged.subarray(0, w), fresh };
}

/** Runs every blocking rule and unions their candidate pairs. */
export function blockPairs(table: Table, rules: readonly ResolvedBlockingRule[], opts: BlockOptions): BlockResult {
  const comparable = comparablePairs(table, opts.mode);
  let union: Float64Array = new Float64Array(0);
  const ruleStats: BlockingRuleStats[] = [];
  const warnings: string[] = [];
  for (const rule of rules) {
    const t0 = performance.now();
    const e: Emitter = { out: createGrowableFloat64(Math.max(1024, table.n)), blocks: 0, largest: 0, oversized: [] };
    if (rule.type === "key") keyRule(table, rule.on, opts, e);
    else if (rule.type === "sortedNeighbourhood") sortedRule(table, recordKeys(table, rule.on), rule.window, e, opts.mode);
    else if (rule.type === "tokens") tokenRule(table, rule, opts.mode, e);
    else lshRule(table, rule, opts, e);
    const codes = sortUnique(e.out.view());
    const { merged, fresh } = mergeCount(union, codes);
    union = merged;
    e.oversized.sort((a, b) => b.size - a.size);
    if (e.oversized.length > 0) {
      const top = e.oversized.slice(0, 3).map((o) => `"${o.key}" (${o.size})`).join(", ");
      warnings.push(
        `Blocking rule ${rule.name}: ${plural(e.oversized.length, "block")} larger than maxBlockSize ${opts.maxBlockSize} ${e.oversized.length === 1 ? "was" : "were"} paired only within a window of ${opts.oversizedWindow}: ${top}. Add a field to the rule to split ${e.oversized.length === 1 ? "it" : "them"}.`,
      );
    }
    ruleStats.push({
      rule: rule.name,
      type: rule.type,
      candidatePairs: codes.length,
      newPairs: fresh,
      reductionRatio: comparable === 0 ? 1 : 1 - codes.length / comparable,
      blocks: e.blocks,
      largestBlock: e.largest,
      oversizedBlocks: e.oversized.slice(0, 10),
      ms: Math.round(performance.now() - t0),
    });
    opts.onRule?.(ruleStats.length, union.length);
  }
  return {
    codes: union,
    stats: {
      records: table.n,
      comparablePairs: comparable,
      candidatePairs: union.length,
      reductionRatio: comparable === 0 ? 1 : 1 - union.length / comparable,
      rules: ruleStats,
      warnings,
    },
  };
}
