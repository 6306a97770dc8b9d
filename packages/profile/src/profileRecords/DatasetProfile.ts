import type { InputFingerprint } from "@cleanse/core";

/**
 * The types a column can be inferred to have: free text (`string`), or one of the kinds of value of
 * `classifyValue` from `@cleanse/values`.
 */
export type ValueType =
  | "string"
  | "integer"
  | "number"
  | "boolean"
  | "date"
  | "datetime"
  | "email"
  | "phone"
  | "uuid"
  | "url"
  | "mixed";

/**
 * Version of the profile's JSON layout; bumped on any incompatible change.
 * @example
 * (await profileRecords([])).schemaVersion === PROFILE_SCHEMA_VERSION //=> true
 */
export const PROFILE_SCHEMA_VERSION = 1 as const;

/** A frequent value or pattern with its count. */
export interface ValueCount {
  readonly value: string;
  readonly count: number;
  /** Present when the count comes from the heavy-hitters sketch: it may be over by at most this much. */
  readonly error?: number;
}

/** A value shape (`ddd-dddd-dddd`, `Aa+`, `C+`) and how many values have it. */
export interface PatternCount {
  readonly pattern: string;
  readonly count: number;
  /** Share of the column's present values. */
  readonly ratio: number;
  readonly error?: number;
}

/** One bar of a histogram, values in [from, to): numbers, or ISO dates for date columns. */
export interface HistogramBin {
  readonly from: number | string;
  readonly to: number | string;
  readonly count: number;
}

/** A column's distribution of numbers or dates. */
export interface Histogram {
  readonly kind: "number" | "date";
  readonly bins: readonly HistogramBin[];
}

/** Distinct values: exact up to the profiler's `distinctLimit`, estimated by HyperLogLog above it. */
export interface DistinctCount {
  readonly count: number;
  readonly exact: boolean;
  /** Relative standard error of an estimate (e.g. 0.0081 for 0.81%). */
  readonly standardError?: number;
}

/** Everything the profiler learned about one column. */
export interface ColumnProfile {
  readonly name: string;
  /** The inferred type: the one most present values fit (ties go to the more specific type). */
  readonly type: ValueType;
  /** Share of present values that fit `type` (0..1). */
  readonly typeConfidence: number;
  /** Present values fitting each type; a value can fit several (`13812345678` is an integer and a phone). */
  readonly typeCounts: Readonly<Partial<Record<ValueType, number>>>;
  /** Records seen. */
  readonly count: number;
  /** Values that are null, undefined or missing from the record. */
  readonly nulls: number;
  /** Values that are empty or only whitespace. */
  readonly empties: number;
  /** Values that are neither null nor empty. */
  readonly present: number;
  readonly nullRatio: number;
  readonly emptyRatio: number;
  readonly distinct: DistinctCount;
  /** Whether the present values are all different (`unknown` once the key set hit its limit). */
  readonly uniqueness: "unique" | "duplicates" | "unknown";
  readonly topValues: readonly ValueCount[];
  /** Whether `topValues` counts are exact (the column had at most `distinctLimit` values). */
  readonly topValuesExact: boolean;
  /**
   * Smallest value: a number for numeric columns (compared exactly; the decimal's text when a JavaScript number
   * cannot hold it, e.g. `"12345678901234567.5"`), an ISO date or date-time for dates (date-times without a zone
   * unless every one carries an offset; dates whose day is unknown left out), else the first in code-unit order.
   */
  readonly min?: number | string;
  readonly max?: number | string;
  /** Mean of the numeric values, for integer and number columns. */
  readonly mean?: number;
  /** Length of present values in characters (code points). */
  readonly length?: { readonly min: number; readonly max: number; readonly mean: number };
  readonly patterns: readonly PatternCount[];
  readonly histogram?: Histogram;
  /** Date formats seen (date-fns tokens), most frequent first, for date columns. */
  readonly dateFormats?: readonly { readonly format: string; readonly count: number }[];
  /**
   * The order in which dates such as `03/04/2024` were read, for date columns: given by the `dateOrder` option, or
   * inferred from the column's dates that fit one order only (at least 90% of them agreeing).
   */
  readonly dateOrder?: "dmy" | "mdy";
  /**
   * Dates whose day and month could be swapped (`03/04/2024`) while no order was known: they count as dates in
   * `typeCounts` but are left out of `min`, `max`, the histogram and `dateFormats`.
   */
  readonly ambiguousDates?: number;
  /** The region (ISO 3166 code, e.g. `CN`) at least half of the phone numbers belong to. */
  readonly phoneRegion?: string;
}

/** The profile of a dataset: one entry per column, in the order columns were first seen. */
export interface DatasetProfile {
  readonly schemaVersion: typeof PROFILE_SCHEMA_VERSION;
  readonly dataset: string;
  readonly records: number;
  readonly columns: readonly ColumnProfile[];
  /** Columns whose values are all present and all different: candidate keys. */
  readonly candidateKeys: readonly string[];
  readonly inputs: readonly InputFingerprint[];
  readonly elapsedMs: number;
  /** The limits the profile was computed with. */
  readonly settings: {
    readonly distinctLimit: number;
    readonly hllPrecision: number;
    readonly sketchCapacity: number;
    readonly keyTrackingLimit: number;
  };
}
