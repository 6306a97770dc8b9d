import type { Dimension, Issue, Severity } from "../Issue/Issue.ts";
import type { InputFingerprint } from "../RecordSource/RecordSource.ts";

/** Version of the JSON report layout; bumped on any incompatible change. */
export const REPORT_SCHEMA_VERSION = 1 as const;

/**
 * Record counts. Always `total = clean + quarantined + merged`. A type rather than an interface, so that the totals
 * pass where any counts are taken (`Readonly<Record<string, number>>`, e.g. an incremental run's `commit()`).
 */
export type ReportTotals = {
  readonly total: number;
  readonly clean: number;
  readonly quarantined: number;
  readonly merged: number;
};

/** One failing value shown in a report. */
export interface IssueExample {
  readonly record?: number;
  readonly line?: number;
  readonly field?: string;
  /**
   * The offending value, masked when its field is personal (declared, or named like personal data) or the value is
   * personal by itself (a phone, e-mail, ID-card or bank-card number, with the kernel's masker), unless the run
   * shows personal data in clear.
   */
  readonly value?: unknown;
  /** What was found; personal values inside it are masked as `value` is. */
  readonly message: string;
}

/** Failures of one rule on one field. */
export interface RuleSummary {
  readonly rule: string;
  readonly field?: string;
  readonly severity: Severity;
  readonly dimension: Dimension;
  /** Records with at least one finding of this rule on this field. */
  readonly failed: number;
  /** failed / total records. */
  readonly ratio: number;
  readonly examples: readonly IssueExample[];
}

/** Failures and changes per field. */
export interface FieldSummary {
  readonly field: string;
  /** Records with at least one finding on this field. */
  readonly failed: number;
  readonly ratio: number;
  /** Records whose value a standardization step changed. */
  readonly changed: number;
  /** Findings on this field by issue code. */
  readonly codes: Readonly<Record<string, number>>;
}

/**
 * A dimension's score over a dataset, 0-100. The report holds one per dimension. By default
 * (`basis: "records"`) it is the share of records without an error or warning in the dimension; a
 * score step replaces the list with its own (`basis: "checks"`: the mean of the records' scores in the
 * dimension, from the checks that failed; see docs/score.md), which also gives the check counts.
 */
export interface DimensionScore {
  readonly dimension: Dimension;
  /** Records with an error or warning in this dimension (`checks`: records scoring below 100 in it). */
  readonly failedRecords: number;
  /** 0-100, two decimals. */
  readonly score: number;
  /** How `score` was computed. Absent in reports written before it existed, which used `records`. */
  readonly basis?: "records" | "checks";
  /** `checks` only: the dimension's weight in each record score. */
  readonly weight?: number;
  /** `checks` only: records on which at least one check of the dimension applied. */
  readonly records?: number;
  /** `checks` only: checks of weight above 0 applied (one per check per record). */
  readonly checks?: number;
  /** `checks` only: of those, checks failed. */
  readonly failed?: number;
}

/** Time spent inside one step. */
export interface StepTiming {
  readonly name: string;
  /**
   * Milliseconds inside the step: `process()` of a record step (timed per batch), the time a stream
   * step's generator runs between yields (less the time it waits for upstream records), and `start()`
   * and `finish()`.
   */
  readonly ms: number;
}

export interface ReportTimings {
  readonly totalMs: number;
  readonly recordsPerSecond: number;
  readonly steps: readonly StepTiming[];
}

/** The quality report of one dataset run through a pipeline. Plain JSON. */
export interface QualityReport {
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  readonly dataset: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly totals: ReportTotals;
  readonly inputs: readonly InputFingerprint[];
  readonly rules: readonly RuleSummary[];
  readonly fields: readonly FieldSummary[];
  readonly dimensions: readonly DimensionScore[];
  /** Findings about the dataset as a whole (row counts, null ratios, ...). */
  readonly datasetIssues: readonly Issue[];
  readonly timings: ReportTimings;
  /** Warnings of the steps and the source; personal values in them are masked. */
  readonly warnings: readonly string[];
  /** Package-specific sections, e.g. `dedupe` or `standardize`; personal values in them are masked. */
  readonly sections: Readonly<Record<string, unknown>>;
}

/** The report of a job that ran one or more datasets. */
export interface JobReport {
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  readonly job: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly totals: ReportTotals;
  readonly datasets: readonly QualityReport[];
}

/**
 * Combines dataset reports into one job report whose totals are the sums.
 * @param job - the job name
 * @param datasets - the dataset reports, in run order
 * @returns the job report
 * @example
 * combineReports("demo", [report]).totals.total //=> report.totals.total
 */
export function combineReports(job: string, datasets: readonly QualityReport[]): JobReport {
  let total = 0, clean = 0, quarantined = 0, merged = 0;
  for (const r of datasets) {
    total += r.totals.total;
    clean += r.totals.clean;
    quarantined += r.totals.quarantined;
    merged += r.totals.merged;
  }
  const now = new Date().toISOString();
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    job,
    startedAt: datasets[0]?.startedAt ?? now,
    finishedAt: datasets[datasets.length - 1]?.finishedAt ?? now,
    totals: { total, clean, quarantined, merged },
    datasets,
  };
}

