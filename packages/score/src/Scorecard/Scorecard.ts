import type { DimensionScore, Severity } from "@cleanse/core";

/**
 * Version of the scorecard layout inside the report's `score` section. Version 2: `score` counts
 * quarantined records as 0, and the dimension scores moved to the report's `dimensions`.
 * @example
 * readScorecard(report)?.version === SCORECARD_VERSION //=> true
 */
export const SCORECARD_VERSION = 2 as const;

/**
 * A dimension's score over the dataset, as the score step writes it into the report's `dimensions`
 * (the one set of dimension scores a report holds).
 */
export interface DimensionScorecard extends DimensionScore {
  readonly basis: "checks";
  /** Mean of the records' scores in this dimension, over the records where it was checked, 0-100. */
  readonly score: number;
  /** Records scoring below 100 in this dimension. */
  readonly failedRecords: number;
  /** Weight of the dimension in each record score. */
  readonly weight: number;
  /** Records on which at least one check of this dimension applied. */
  readonly records: number;
  /** Checks with a weight above 0 applied (one per check per record). */
  readonly checks: number;
  /** Of those, checks failed. */
  readonly failed: number;
}

/** A field's score over the dataset. */
export interface FieldScorecard {
  readonly field: string;
  /** `100 * (1 - failed weight / checked weight)` over all records, 0-100. */
  readonly score: number;
  readonly weight: number;
  readonly checks: number;
  readonly failed: number;
}

/** One bar of the record-score histogram: scores in [from, to), the last bar including 100. */
export interface ScoreBin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

/** How record scores are spread. */
export interface ScoreDistribution {
  readonly bins: readonly ScoreBin[];
  /** Records scoring 100. */
  readonly perfect: number;
  readonly min: number;
  readonly max: number;
  /** Median and 10th percentile, rounded down to whole points. */
  readonly median: number;
  readonly p10: number;
}

/**
 * The dataset scorecard the score step puts in the report's `score` section. Its dimension scores
 * are in the report's `dimensions` (see {@link DimensionScorecard}).
 */
export interface Scorecard {
  readonly version: typeof SCORECARD_VERSION;
  /** Records scored. */
  readonly records: number;
  /**
   * The dataset's score, 0-100, two decimals: the mean record score with quarantined records counting 0,
   * so it is never above `100 * (1 - quarantined / records)`.
   */
  readonly score: number;
  /** Mean record score over every record, quarantined ones with their own score. */
  readonly meanRecordScore: number;
  /** Records that went to quarantine (they count 0 in `score`). */
  readonly quarantined: number;
  /** Redundant copies: records in clusters of duplicates beyond the first of each cluster (0 without a dedupe step). */
  readonly duplicates: number;
  readonly fields: readonly FieldScorecard[];
  readonly distribution: ScoreDistribution;
  /** The weights used: dimensions and fields listed are those that differ from 1. */
  readonly weights: {
    readonly dimensions: Readonly<Record<string, number>>;
    readonly fields: Readonly<Record<string, number>>;
    readonly severities: Readonly<Record<Severity, number>>;
  };
  /** Checks with a weight above 0 applied to every record (declared by the steps before the score step, or in its options). */
  readonly declaredChecks: number;
  /** Checks (`rule` or `rule(field)`) found in findings that no step declared: they count only on the records where they failed. */
  readonly undeclared: readonly string[];
}
