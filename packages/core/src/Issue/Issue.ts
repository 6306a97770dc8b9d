/** How serious a finding is. Only `error` sends a record to quarantine by default. */
export type Severity = "error" | "warning" | "info";

/** The data-quality dimension a finding counts against. */
export type Dimension =
  | "completeness"
  | "validity"
  | "uniqueness"
  | "consistency"
  | "timeliness"
  | "accuracy"
  | "integrity"
  | (string & {});

/** A record is a plain object of fields. */
export type DataRecord = Record<string, unknown>;

/** Where a record, a value or a configuration node came from. Every part is optional. */
export interface SourceLocation {
  /** File name or source name. */
  readonly file?: string;
  /** 1-based line. */
  readonly line?: number;
  /** 1-based column. */
  readonly column?: number;
  /** 1-based record number within the source. */
  readonly record?: number;
  /** 0-based byte offset in the raw input. */
  readonly byteOffset?: number;
}

/** Well-known issue codes; packages may add their own snake_case codes. */
export type IssueCode =
  | "missing_value"
  | "invalid_format"
  | "invalid_type"
  | "out_of_range"
  | "not_allowed"
  | "duplicate"
  | "reference_missing"
  | "check_failed"
  | "ragged_row"
  | "invalid_encoding"
  | "unstandardizable"
  | (string & {});

/** A finding about a record, a field or a whole dataset. Bad data is a result, not an exception. */
export interface Issue {
  readonly code: IssueCode;
  /** Rule id, e.g. `email` or `ship-after-order`. */
  readonly rule: string;
  /** Field the issue is about; absent for record- and dataset-level findings. */
  readonly field?: string;
  readonly severity: Severity;
  readonly dimension: Dimension;
  /** What was expected, what was received. */
  readonly message: string;
  /** The offending value, used for report examples (masked for PII fields). */
  readonly value?: unknown;
  readonly location?: SourceLocation;
}

const severityRank: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };

/**
 * Tells whether a severity is at least as serious as a threshold.
 * @param severity - the severity to test
 * @param threshold - the lowest severity that counts
 * @returns true when `severity` >= `threshold`
 * @example
 * isAtLeast("warning", "error") //=> false
 */
export function isAtLeast(severity: Severity, threshold: Severity): boolean {
  return severityRank[severity] >= severityRank[threshold];
}
