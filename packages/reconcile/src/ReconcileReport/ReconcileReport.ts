import type { DataRecord, InputFingerprint } from "@cleanse/core";

/**
 * Version of the report's shape; bumped when a field changes meaning.
 * @example
 * report.schemaVersion === RECONCILE_REPORT_VERSION //=> true
 */
export const RECONCILE_REPORT_VERSION = 1 as const;

/** What a diff row says about a key. */
export type DiffStatus = "left_only" | "right_only" | "mismatch";

/** A row of the diff file: one per record missing on a side, one per differing field of a matched pair. */
export interface DiffRow extends DataRecord {
  /**
   * The key as written on the left (on the right for `right_only`), parts joined with `|`; keys are matched in
   * their standardized form, so `HE3479@126.COM` on the left matches `he3479@126.com` on the right and shows as written.
   */
  readonly key: string;
  readonly status: DiffStatus;
  /** The left field name for a mismatch; empty for a record missing on a side. */
  readonly field: string | null;
  /** The value as stored on the left (for `left_only`: the whole record as JSON). */
  readonly left_value: unknown;
  readonly right_value: unknown;
}

/** One side of a reconciliation. */
export interface ReconcileSide {
  readonly name: string;
  readonly records: number;
  /** Records without a usable key value: not compared. */
  readonly missingKey: number;
  /** Extra records sharing a key with an earlier record of the same side. */
  readonly duplicateKeys: number;
  /** Fields seen on this side that have no counterpart on the other side. */
  readonly unmatchedFields: readonly string[];
  /** How the side was ordered: already sorted, sorted in memory, or spilled in runs to disk. */
  readonly sort: { readonly mode: "presorted" | "memory" | "external"; readonly runs: number; readonly spilledBytes: number };
  readonly fingerprint?: InputFingerprint;
}

/** A differing value, as the report shows it. */
export interface MismatchExample {
  /** The left record's key as written. */
  readonly key: string;
  readonly left: unknown;
  readonly right: unknown;
  /** The values after standardization, as compared. */
  readonly leftStandardized: unknown;
  readonly rightStandardized: unknown;
}

/** Per-field results. */
export interface FieldReport {
  /** Left field name. */
  readonly field: string;
  /** Right field name (the same unless mapped). */
  readonly rightField: string;
  /** Standardization applied to both sides, e.g. `email`, `phone(region=CN)` or `date(order=dmy)`. */
  readonly standardize: string;
  /** How values were compared, e.g. `exact` or `number(tolerance=0.01)`. */
  readonly compare: string;
  /** Matched pairs compared on this field. */
  readonly compared: number;
  readonly mismatches: number;
  /** mismatches / compared (0 when nothing was compared). */
  readonly mismatchRate: number;
  readonly examples: readonly MismatchExample[];
}

/** Totals; they add up: left = matched + leftOnly + left.missingKey, and the same on the right. */
export interface ReconcileTotals {
  readonly left: number;
  readonly right: number;
  /** Pairs of records with the same key (or linked by the fuzzy matcher). */
  readonly matched: number;
  /** Matched pairs equal on every compared field. */
  readonly identical: number;
  /** Matched pairs with at least one differing field. */
  readonly mismatched: number;
  readonly leftOnly: number;
  readonly rightOnly: number;
  /** Of the matched pairs, those the fuzzy matcher linked after exact keys failed. */
  readonly fuzzyMatched: number;
  /** Rows written to the diff. */
  readonly diffRows: number;
}

/** A bucket of the sync-lag histogram. */
export interface LagBucket {
  readonly label: string;
  /** Inclusive lower bound in seconds (null: unbounded). */
  readonly fromSeconds: number | null;
  /** Exclusive upper bound in seconds (null: unbounded). */
  readonly toSeconds: number | null;
  readonly count: number;
}

/** How far the right side trails the left, for matched pairs where both sides have a timestamp. */
export interface TimelinessReport {
  readonly leftField: string;
  readonly rightField: string;
  /** Pairs with a readable timestamp on both sides. */
  readonly pairs: number;
  /** Pairs where a timestamp was missing or unreadable. */
  readonly unreadable: number;
  /** Pairs where the right side is older than the left (negative lag). */
  readonly rightBehind: number;
  /** Lag = right timestamp - left timestamp, in seconds. */
  readonly lagSeconds: {
    readonly min: number;
    readonly p50: number;
    readonly p90: number;
    readonly p95: number;
    readonly p99: number;
    readonly max: number;
    readonly mean: number;
  } | null;
  /** True when percentiles come from a uniform sample of the lags (very large inputs). */
  readonly sampled: boolean;
  readonly histogram: readonly LagBucket[];
}

/** A key seen on one side only, as the report shows it. */
export interface OnlyExample {
  /** The key as written on its side. */
  readonly key: string;
  readonly record: DataRecord;
}

/** The result of {@link reconcile}. */
export interface ReconcileReport {
  readonly schemaVersion: typeof RECONCILE_REPORT_VERSION;
  readonly kind: "reconcile";
  readonly left: ReconcileSide;
  readonly right: ReconcileSide;
  readonly key: { readonly left: readonly string[]; readonly right: readonly string[]; readonly match: "exact" | "fuzzy" };
  readonly totals: ReconcileTotals;
  readonly fields: readonly FieldReport[];
  readonly examples: { readonly leftOnly: readonly OnlyExample[]; readonly rightOnly: readonly OnlyExample[] };
  readonly timeliness?: TimelinessReport;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly warnings: readonly string[];
}
