import { getField } from "../fieldAccess/fieldAccess.ts";
import type { DataRecord, Dimension, Issue, Severity, SourceLocation } from "../Issue/Issue.ts";
import type { ProgressEvent } from "../ProgressEvent/ProgressEvent.ts";
import type { DimensionScore } from "../QualityReport/QualityReport.ts";
import type { RecordSource } from "../RecordSource/RecordSource.ts";

/** Final outcome of a record. */
export type RecordStatus = "clean" | "quarantine" | "merged";

/**
 * A record on its way through a pipeline, with everything found about it so far.
 * Steps may replace `record` and push to `issues`; the engine sets `status` at the end.
 */
export interface RecordEnvelope {
  /** The current record; transforms replace it rather than mutate the input. */
  record: DataRecord;
  /** 0-based position in the input stream; stable across steps. */
  readonly seq: number;
  /** Where the record came from in its source. */
  readonly location: SourceLocation;
  /** Findings so far. */
  readonly issues: Issue[];
  /** Fields changed by standardization steps, in order. */
  changed: string[] | undefined;
  /** Set by a step that merged this record into another (e.g. a golden record). */
  mergedInto: string | undefined;
  /** Set by the engine when the record is routed. */
  status: RecordStatus | undefined;
}

/** What a step declares it checks, so reports list rules that found nothing too. */
export interface RuleInfo {
  readonly rule: string;
  readonly field?: string;
  readonly severity: Severity;
  readonly dimension: Dimension;
  readonly description?: string;
}

/** What a step may use besides the records. */
export interface StepContext {
  /** Name of the dataset being processed. */
  readonly dataset: string;
  readonly signal: AbortSignal | undefined;
  /**
   * The lowest severity that sends a record to quarantine in this run (the engine sets it; `error`
   * when absent), so that a step can tell which records will be quarantined.
   */
  readonly quarantineOn?: Severity;
  /**
   * Adds a package-specific section to the report (e.g. dedupe clusters). The report masks the personal values in it
   * unless the run shows personal data: values personal by themselves everywhere, and those of personal fields where
   * the section tells where its records are (`maskableSection`).
   */
  setSection(name: string, data: unknown): void;
  /**
   * Replaces the report's dimension scores (by default the share of records without an error or
   * warning in each dimension) with a scoring step's, so that a report holds one set of them. The
   * engine provides it; the score step calls it from `finish()`.
   */
  setDimensions?(dimensions: readonly DimensionScore[]): void;
  /** Adds a warning to the report; personal values in it are masked. */
  warn(message: string): void;
  /**
   * Reports the phases of a step's own long work (a dedupe step's blocking, comparing, training...): the engine
   * passes each event on to the run's `onProgress`, naming the step. Absent when nobody listens, so a step can
   * build its reporter with `createProgressReporter(ctx.progress)` and pay nothing then.
   */
  readonly progress?: (event: ProgressEvent) => void;
}

interface StepBase {
  readonly name: string;
  /** Rules this step evaluates, for the report. */
  readonly rules?: readonly RuleInfo[];
  /**
   * Fields holding personal data: the report masks their values in examples, messages and sections. Fields named
   * like personal data (`isPersonalFieldName`) are masked without being declared.
   */
  readonly piiFields?: readonly string[];
  /** Called once before the first record. */
  start?(ctx: StepContext): void | Promise<void>;
  /** Called after the last record; may return dataset-level findings. */
  finish?(ctx: StepContext): readonly Issue[] | void | Promise<readonly Issue[] | void>;
}

/** A step that looks at one record at a time, synchronously when it can. */
export interface RecordStep extends StepBase {
  readonly kind: "record";
  process(envelope: RecordEnvelope, ctx: StepContext): void | Promise<void>;
}

/** A step that sees the whole stream, e.g. to reorder or merge records. It must not drop records. */
export interface StreamStep extends StepBase {
  readonly kind: "stream";
  run(input: AsyncIterable<RecordEnvelope>, ctx: StepContext): AsyncIterable<RecordEnvelope>;
}

export type Step = RecordStep | StreamStep;

/**
 * Typed identity helper for writing a step.
 * @param step - the step
 * @returns the same step
 * @example
 * defineStep({ kind: "record", name: "noop", process() {} }).name //=> "noop"
 */
export function defineStep<S extends Step>(step: S): S {
  return step;
}

/**
 * Adds a finding to a record.
 * @param envelope - the record's envelope
 * @param issue - the finding; its location defaults to the record's
 * @example
 * addIssue(env, { code: "missing_value", rule: "required", field: "id", severity: "error", dimension: "completeness", message: "id is required" })
 */
export function addIssue(envelope: RecordEnvelope, issue: Issue): void {
  envelope.issues.push(issue.location === undefined ? { ...issue, location: envelope.location } : issue);
}

/**
 * Records that a step changed a field's value, for the report's changed counts.
 * @param envelope - the record's envelope
 * @param field - the field changed
 * @example
 * markChanged(env, "phone")
 */
export function markChanged(envelope: RecordEnvelope, field: string): void {
  if (envelope.changed === undefined) envelope.changed = [field];
  else if (!envelope.changed.includes(field)) envelope.changed.push(field);
}

/**
 * Builds a record step from a pure record transform.
 * @param name - the step name
 * @param transform - returns the new record (or the same one when nothing changes)
 * @returns a record step that marks changed fields
 * @example
 * mapRecords("upper-name", (r) => ({ ...r, name: String(r.name).toUpperCase() }))
 */
export function mapRecords(name: string, transform: (record: DataRecord) => DataRecord): RecordStep {
  return {
    kind: "record",
    name,
    process(envelope) {
      const before = envelope.record;
      const after = transform(before);
      if (after === before) return;
      for (const key of Object.keys(after)) {
        if (!Object.is(after[key], getField(before, key)) || !Object.hasOwn(before, key)) markChanged(envelope, key);
      }
      envelope.record = after;
    },
  };
}

/**
 * Builds a record step from a check that returns findings.
 * @param name - the step name
 * @param check - returns the findings for a record (empty when it is fine)
 * @param rules - the rules the check evaluates, for the report
 * @returns a record step
 * @example
 * checkRecords("has-id", (r) => r.id ? [] : [{ code: "missing_value", rule: "has-id", field: "id", severity: "error", dimension: "completeness", message: "id is required" }])
 */
export function checkRecords(
  name: string,
  check: (record: DataRecord) => readonly Issue[],
  rules?: readonly RuleInfo[],
): RecordStep {
  return {
    kind: "record",
    name,
    ...(rules ? { rules } : {}),
    process(envelope) {
      const found = check(envelope.record);
      for (const issue of found) addIssue(envelope, issue);
    },
  };
}

/**
 * What a step factory gets besides its own options when a job or rule file builds it.
 * The CLI fills it in; TypeScript callers can pass their own.
 */
export interface StepFactoryContext {
  /** Folder that relative paths in the configuration resolve against. */
  readonly baseDir: string;
  /** The configuration file, for error locations. */
  readonly file?: string;
  /**
   * Opens another input by path (relative to `baseDir`) or by a source name declared in the job,
   * e.g. the customers file that an orders reference check looks ids up in.
   */
  readonly openSource?: (spec: string | { readonly path: string; readonly [option: string]: unknown }) => RecordSource;
}
