import { getField, type DataRecord } from "@cleanse/core";
import { digitsOf, normalizeText, stripPunctuation, toNullSet } from "../_internal/normalize.ts";
import { toTextForm, type TextForm } from "../_internal/textForm.ts";
import { createDateReader, createDecimalReader, createEmailReader, createPhoneReader, type DateValue, type DecimalValue } from "../_internal/valueReaders.ts";
import type { ComparatorType, ComparisonConfig } from "../config/dedupeConfigSchema.ts";
import { damerauLevenshteinDistance, levenshteinDistance } from "./editDistance.ts";
import { jaroWinkler } from "./jaroWinkler.ts";
import { modelCodePieces, modelCodes, quantitiesOf, wordTokens, type CodePiece } from "./productTokens.ts";
import { jaccardOfSorted, qgramSet, tokenSet, tokenSetOfSorted } from "./setSimilarity.ts";
import { softTfidfCosine, tfidfCosine, tfidfVector, type TfidfVector } from "./tfidf.ts";
import { documentFrequency, type Vocabulary } from "./vocabulary.ts";

/** What kind of agreement a level stands for. */
export type LevelKind = "null" | "exact" | "close" | "else";

/** One outcome of a comparison. Level 0 is always `null` (a value is missing); the last is `else`. */
export interface ComparisonLevel {
  readonly index: number;
  readonly label: string;
  readonly kind: LevelKind;
}

/** A compiled comparison: turns two records into one of its ordered levels. */
export interface Comparison {
  readonly name: string;
  readonly fields: readonly string[];
  readonly type: ComparatorType;
  readonly levels: readonly ComparisonLevel[];
  readonly termFrequency: boolean;
  /** How field values are normalized before comparison (text comparisons; `value` comparisons read values instead). */
  readonly normalize: TextForm;
  /**
   * What `textOf` gives: `text`, the normalized text of the fields; `value`, the value kernel's reading of the
   * values as written (`date`: `parseDate`, `numeric`: `parseDecimal`, `email`: `parseEmail`), null when the
   * kernel refuses them.
   */
  readonly source: "text" | "value";
  /** The text a record contributes (fields joined by a space), or null when missing or refused. */
  textOf(record: DataRecord): string | null;
  /** Parses normalized text into the form `comparePrepared` takes; null when it cannot be compared. */
  prepare(text: string): unknown;
  /**
   * Level index of two prepared values: the null level only when they hold nothing to compare with each other
   * (`quantities` without a unit in common).
   */
  comparePrepared(a: unknown, b: unknown): number;
  /** Level index of two records. */
  compare(a: DataRecord, b: DataRecord): number;
  /**
   * `tfidf` and `codes`: the tokens whose document frequencies weigh this comparison; the run counts them
   * over its records ({@link buildVocabulary}) and passes them back as the `vocabulary` option.
   */
  readonly vocabularyTokens?: (text: string) => readonly string[];
}

/** Options of {@link createComparison}. */
export interface CreateComparisonOptions {
  /** Values read as missing; defaults to null, n/a, nan, none. */
  readonly nullValues?: readonly string[];
  /** Name to use instead of the configured or derived one. */
  readonly name?: string;
  /**
   * `tfidf` and `codes`: how many records hold each token. Without it every token weighs the same (plain
   * cosine) and every code counts as rare.
   */
  readonly vocabulary?: Vocabulary | undefined;
}

const NO_VOCABULARY: Vocabulary = { docs: 0, counts: {} };

const DEFAULT_THRESHOLDS: Readonly<Record<ComparatorType, readonly number[]>> = {
  exact: [],
  levenshtein: [0.8, 0.6],
  damerauLevenshtein: [0.8, 0.6],
  jaroWinkler: [0.92, 0.8],
  jaccard: [0.7, 0.5],
  tokenSet: [0.9, 0.7],
  tfidf: [0.8, 0.6, 0.4, 0.2],
  codes: [],
  quantities: [],
  numeric: [1],
  date: [31, 366],
  phone: [],
  email: [0.88],
};

interface LevelTable {
  labels: string[];
  kinds: LevelKind[];
}

function table(): LevelTable {
  return { labels: ["null", "exact"], kinds: ["null", "exact"] };
}

function add(t: LevelTable, label: string): void {
  t.labels.push(label);
  t.kinds.push("close");
}

function fmt(n: number): string {
  return String(Number(n.toFixed(4)));
}

/**
 * Compiles a comparison configuration into a function from two records to a level, with the levels
 * Splink uses: a null level, an exact level, threshold levels from close to far, and an else level.
 * @param config - the comparison configuration
 * @param options - null values and an optional name
 * @returns the compiled comparison
 * @example
 * const c = createComparison({ field: "name", type: "jaroWinkler", thresholds: [0.9] });
 * c.levels[c.compare({ name: "Jon" }, { name: "John" })]?.label //=> "jaro-winkler >= 0.9"
 */
export function createComparison(config: ComparisonConfig, options: CreateComparisonOptions = {}): Comparison {
  const fields = typeof config.field === "string" ? [config.field] : [...config.field];
  const name = options.name ?? config.name ?? fields.join("+");
  const type = config.type;
  const thresholds = [...(config.thresholds ?? DEFAULT_THRESHOLDS[type])];
  const nullSet = toNullSet(options.nullValues);
  const normalize = config.normalize ?? "text";
  const levels = table();
  let vocabularyTokens: ((text: string) => readonly string[]) | undefined;
  /** For `value` comparisons: the value kernel's canonical text of a value as written, or null when it is refused. */
  let read: ((value: unknown) => string | null) | undefined;
  let prepare: (text: string) => unknown;
  let compareP: (a: unknown, b: unknown) => number;

  const stringish = (): void => {
    prepare = (text) => {
      const s = stripPunctuation(text);
      return s === "" ? null : s;
    };
  };

  switch (type) {
    case "exact": {
      prepare = (text) => text;
      compareP = (a, b) => (a === b ? 1 : 2);
      break;
    }
    case "jaroWinkler": {
      stringish();
      const ts = thresholds.sort((x, y) => y - x);
      for (const t of ts) add(levels, `jaro-winkler >= ${fmt(t)}`);
      compareP = (a, b) => {
        if (a === b) return 1;
        const s = jaroWinkler(a as string, b as string);
        for (let k = 0; k < ts.length; k++) if (s >= ts[k]!) return 2 + k;
        return 2 + ts.length;
      };
      break;
    }
    case "levenshtein":
    case "damerauLevenshtein": {
      stringish();
      const dist = type === "levenshtein" ? levenshteinDistance : damerauLevenshteinDistance;
      const label = type === "levenshtein" ? "levenshtein" : "damerau-levenshtein";
      if (config.distances !== undefined) {
        const ds = [...config.distances].sort((x, y) => x - y);
        for (const d of ds) add(levels, `${label} <= ${d}`);
        const max = ds[ds.length - 1] ?? 0;
        compareP = (a, b) => {
          if (a === b) return 1;
          const sa = a as string;
          const sb = b as string;
          if (Math.abs(sa.length - sb.length) > max) return 2 + ds.length;
          const d = dist(sa, sb);
          for (let k = 0; k < ds.length; k++) if (d <= ds[k]!) return 2 + k;
          return 2 + ds.length;
        };
      } else {
        const ts = thresholds.sort((x, y) => y - x);
        for (const t of ts) add(levels, `${label} similarity >= ${fmt(t)}`);
        const lowest = ts[ts.length - 1] ?? 1;
        compareP = (a, b) => {
          if (a === b) return 1;
          const sa = a as string;
          const sb = b as string;
          const max = Math.max(sa.length, sb.length);
          if (1 - Math.abs(sa.length - sb.length) / max < lowest) return 2 + ts.length;
          const s = 1 - dist(sa, sb) / max;
          for (let k = 0; k < ts.length; k++) if (s >= ts[k]!) return 2 + k;
          return 2 + ts.length;
        };
      }
      break;
    }
    case "jaccard": {
      const q = config.q ?? 2;
      prepare = (text) => {
        const s = stripPunctuation(text);
        return s === "" ? null : qgramSet(s, q);
      };
      const ts = thresholds.sort((x, y) => y - x);
      for (const t of ts) add(levels, `${q}-gram jaccard >= ${fmt(t)}`);
      compareP = (a, b) => {
        const s = jaccardOfSorted(a as Int32Array, b as Int32Array);
        if (s === 1) return 1;
        for (let k = 0; k < ts.length; k++) if (s >= ts[k]!) return 2 + k;
        return 2 + ts.length;
      };
      break;
    }
    case "tokenSet": {
      prepare = (text) => {
        const t = tokenSet(text);
        return t.length === 0 ? null : t;
      };
      const ts = thresholds.sort((x, y) => y - x);
      for (const t of ts) add(levels, `token set >= ${fmt(t)}`);
      compareP = (a, b) => {
        const s = tokenSetOfSorted(a as string[], b as string[]);
        if (s === 1) return 1;
        for (let k = 0; k < ts.length; k++) if (s >= ts[k]!) return 2 + k;
        return 2 + ts.length;
      };
      break;
    }
    case "tfidf": {
      const vocabulary = options.vocabulary ?? NO_VOCABULARY;
      vocabularyTokens = wordTokens;
      prepare = (text) => tfidfVector(wordTokens(text), vocabulary);
      // Soft TF-IDF reads from one side: take the lower of both readings. The cosine is symmetric: read it once.
      const cosine =
        config.soft === true
          ? (x: TfidfVector, y: TfidfVector) => Math.min(softTfidfCosine(x, y), softTfidfCosine(y, x))
          : tfidfCosine;
      const ts = thresholds.sort((x, y) => y - x);
      const label = config.soft === true ? "soft tf-idf" : "tf-idf cosine";
      for (const t of ts) add(levels, `${label} >= ${fmt(t)}`);
      compareP = (a, b) => {
        const x = a as TfidfVector;
        const y = b as TfidfVector;
        if (sameTokens(x.tokens, y.tokens)) return 1;
        const s = cosine(x, y);
        for (let k = 0; k < ts.length; k++) if (s >= ts[k]!) return 2 + k;
        return 2 + ts.length;
      };
      break;
    }
    case "codes": {
      const vocabulary = options.vocabulary ?? NO_VOCABULARY;
      vocabularyTokens = modelCodes;
      // A code held by more records than this (a processor model in laptop titles) says little about the product.
      const rare = Math.max(2, vocabulary.docs * 0.01);
      prepare = (text) => {
        const pieces = modelCodePieces(text);
        return pieces.length === 0 ? null : pieces;
      };
      levels.labels[1] = "same rare code";
      add(levels, "same common code");
      compareP = (a, b) => {
        let fewest = Number.POSITIVE_INFINITY;
        for (const code of sharedCodes(a as CodePiece[], b as CodePiece[])) fewest = Math.min(fewest, documentFrequency(vocabulary, code));
        if (fewest === Number.POSITIVE_INFINITY) return 3;
        return fewest <= rare ? 1 : 2;
      };
      break;
    }
    case "quantities": {
      // Each unit's values as written in the text, e.g. gb: ["64"], in: ["14"].
      prepare = (text) => {
        const byUnit = new Map<string, string[]>();
        for (const q of quantitiesOf(text)) (byUnit.get(q.unit) ?? byUnit.set(q.unit, []).get(q.unit)!).push(String(q.value));
        return byUnit.size === 0 ? null : byUnit;
      };
      levels.labels[1] = "same quantities";
      add(levels, "some quantities differ");
      compareP = (a, b) => {
        const x = a as Map<string, string[]>;
        const y = b as Map<string, string[]>;
        let agree = 0;
        let differ = 0;
        for (const [unit, values] of x) {
          const other = y.get(unit);
          if (other === undefined) continue;
          if (values.some((v) => other.includes(v))) agree++;
          else differ++;
        }
        // No unit in common: nothing to compare, which is no evidence either way.
        if (agree + differ === 0) return 0;
        return differ === 0 ? 1 : agree > 0 ? 2 : 3;
      };
      break;
    }
    case "numeric": {
      const relative = config.relative === true;
      const decimals = createDecimalReader();
      read = decimals.read;
      prepare = decimals.prepare;
      const ts = thresholds.sort((x, y) => x - y);
      const limits = ts.map(decimals.threshold);
      for (const t of ts) add(levels, relative ? `within ${fmt(t * 100)}%` : `within ${fmt(t)}`);
      compareP = (a, b) => {
        const x = a as DecimalValue;
        const y = b as DecimalValue;
        if (x.text === y.text) return 1;
        for (let k = 0; k < limits.length; k++) if (decimals.within(x, y, limits[k]!, relative)) return 2 + k;
        return 2 + ts.length;
      };
      break;
    }
    case "date": {
      const dates = createDateReader(config.order);
      read = dates.read;
      prepare = dates.prepare;
      const ts = thresholds.sort((x, y) => x - y);
      add(levels, "day and month swapped");
      add(levels, "one digit typo");
      for (const t of ts) add(levels, `within ${fmt(t)} ${t === 1 ? "day" : "days"}`);
      compareP = (a, b) => {
        const x = a as DateValue;
        const y = b as DateValue;
        if (x.digits === y.digits) return 1;
        if (x.y === y.y && x.m === y.d && x.d === y.m) return 2;
        if (damerauLevenshteinDistance(x.digits, y.digits) <= 1) return 3;
        const diff = Math.abs(x.day - y.day);
        for (let k = 0; k < ts.length; k++) if (diff <= ts[k]!) return 4 + k;
        return 4 + ts.length;
      };
      break;
    }
    case "phone": {
      const last = config.lastDigits ?? 8;
      if (config.region !== undefined) {
        // The value kernel reads every number with the column's region; refused numbers are no evidence.
        prepare = createPhoneReader(config.region);
      } else {
        // Without a region a number written without its country code has no reading: compare the digits as written.
        prepare = (text) => {
          const d = digitsOf(text).replace(/^0+/, "");
          return d.length < 4 ? null : d;
        };
      }
      add(levels, `same last ${last}+ digits`);
      add(levels, "one digit typo");
      compareP = (a, b) => {
        const x = a as string;
        const y = b as string;
        if (x === y) return 1;
        const short = Math.min(x.length, y.length);
        if (short >= last) {
          const k = Math.min(short, 11);
          if (x.endsWith(y.slice(-k)) || y.endsWith(x.slice(-k))) return 2;
        }
        if (Math.abs(x.length - y.length) <= 1 && damerauLevenshteinDistance(x, y) <= 1) return 3;
        return 4;
      };
      break;
    }
    case "email": {
      const t = thresholds[0] ?? 0.88;
      const emails = createEmailReader();
      read = emails.read;
      prepare = emails.prepare;
      add(levels, "same local part");
      add(levels, `jaro-winkler >= ${fmt(t)}`);
      compareP = (a, b) => {
        const x = a as { full: string; local: string };
        const y = b as { full: string; local: string };
        if (x.full === y.full) return 1;
        if (x.local === y.local && x.local.length > 0) return 2;
        if (jaroWinkler(x.full, y.full) >= t) return 3;
        return 4;
      };
      break;
    }
  }
  levels.labels.push("else");
  levels.kinds.push("else");

  const textOf = (record: DataRecord): string | null => {
    let out: string | null = null;
    for (const f of fields) {
      const v = normalize === "none" ? rawText(getField(record, f)) : normalizeText(getField(record, f), nullSet);
      if (v === null) continue;
      out = out === null ? v : `${out} ${v}`;
    }
    // The fields' text as a whole takes the form, as the run reads it (comparisonTexts): `Acme` and `Ltd` in two
    // fields are the organisation `acme`.
    return out === null ? null : toTextForm(normalize, out);
  };
  const reader = read;
  // Values that mean something (dates, amounts, e-mail addresses) are read as written, by the value kernel:
  // normalized text would lose what tells `1. März 2023` or `12 EUR` apart.
  const valueOf =
    reader === undefined
      ? undefined
      : (record: DataRecord): string | null => {
          // One field: the value itself (a Date or a number reads as one); several: their texts joined by a space.
          let value: unknown;
          let present = 0;
          for (const f of fields) {
            const v = getField(record, f);
            if (normalizeText(v, nullSet) === null) continue;
            value = present === 0 ? v : `${String(value).trim()} ${String(v).trim()}`;
            present++;
          }
          return present === 0 ? null : reader(value);
        };
  const levelList: ComparisonLevel[] = levels.labels.map((label, index) => ({ index, label, kind: levels.kinds[index]! }));
  const prep = prepare!;
  const cmp = compareP!;
  return {
    name,
    fields,
    type,
    levels: levelList,
    termFrequency: config.termFrequency === true,
    normalize,
    source: valueOf === undefined ? "text" : "value",
    textOf: valueOf ?? textOf,
    prepare: prep,
    comparePrepared: cmp,
    ...(vocabularyTokens === undefined ? {} : { vocabularyTokens }),
    compare(a, b) {
      const ta = (valueOf ?? textOf)(a);
      const tb = (valueOf ?? textOf)(b);
      if (ta === null || tb === null) return 0;
      const pa = prep(ta);
      const pb = prep(tb);
      if (pa === null || pb === null) return 0;
      return cmp(pa, pb);
    },
  };
}

/**
 * The codes two texts agree on. Two codes agree when they are written alike (`KDL-46V5100`,
 * `KDL46V5100`) or one is a separated part of the other (`46V5100` in `KDL-46V5100`); two variants of one series
 * (`VGN-NW280F/L`, `VGN-NW280F/S`) share a part but neither is the other, and do not agree.
 */
function sharedCodes(a: readonly CodePiece[], b: readonly CodePiece[]): string[] {
  const out: string[] = [];
  for (const x of a) {
    for (const y of b) {
      if (x.full === y.full || y.parts.includes(x.full)) out.push(x.full);
      else if (x.parts.includes(y.full)) out.push(y.full);
    }
  }
  return out;
}

function sameTokens(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

function rawText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const s = String(value).trim();
  return s === "" ? null : s;
}
