import { CountMismatchError } from "../CleanseError/CleanseError.ts";
import { isAtLeast, type DataRecord, type Dimension, type Issue, type Severity, type SourceLocation } from "../Issue/Issue.ts";
import type { InputFingerprint } from "../RecordSource/RecordSource.ts";
import type { RecordEnvelope, RuleInfo } from "../Step/Step.ts";
import {
  REPORT_SCHEMA_VERSION,
  type DimensionScore,
  type FieldSummary,
  type IssueExample,
  type QualityReport,
  type RuleSummary,
  type StepTiming,
} from "./QualityReport.ts";
import { createPiiPolicy, maskSection, type Masker, type PiiPolicy } from "./PiiPolicy.ts";

export type { Masker } from "./PiiPolicy.ts";

/** Options of {@link createReportBuilder}. */
export interface ReportBuilderOptions {
  readonly dataset: string;
  /** Examples kept per rule. Defaults to 5. */
  readonly examplesPerRule?: number;
  /**
   * Fields declared personal. Their values, those of fields named like personal data (`isPersonalFieldName`) and,
   * with a masker that tells them, values personal by themselves are masked wherever the report shows them.
   */
  readonly piiFields?: Iterable<string>;
  /**
   * How personal values are masked in examples, messages, warnings and sections. The CLI passes the value kernel's
   * `maskValue` (`@cleanse/values`: `138****5678`), which also tells phone, e-mail, ID-card and bank-card numbers in
   * any field; without one every character is hidden. `false` shows personal data in clear (`--show-pii`).
   */
  readonly mask?: Masker | false;
  /** Rules known in advance, so rules without failures appear with 0. */
  readonly rules?: Iterable<RuleInfo>;
}

interface RuleAcc {
  rule: string;
  field: string | undefined;
  severity: Severity;
  dimension: Dimension;
  failed: number;
  examples: RawExample[];
  lastSeq: number;
}

interface FieldAcc {
  failed: number;
  changed: number;
  codes: Map<string, number>;
  lastSeq: number;
}

/** Folds routed records into a {@link QualityReport}; memory does not grow with the record count. */
export interface ReportBuilder {
  /** Counts one routed record. */
  add(envelope: RecordEnvelope): void;
  /** Adds dataset-level findings. */
  addDatasetIssues(issues: readonly Issue[]): void;
  /** Adds a warning; personal values in it are masked. */
  addWarning(message: string): void;
  /** Sets a package-specific section; personal values in it are masked (see `maskableSection`). */
  setSection(name: string, data: unknown): void;
  /** Replaces the dimension scores the builder computes with a scoring step's (see `StepContext.setDimensions`). */
  setDimensions(dimensions: readonly DimensionScore[]): void;
  /** Builds the report and checks that the counts add up against the number of input records. */
  finish(input: {
    readonly ingested: number;
    readonly seqSum: number;
    readonly inputs: readonly InputFingerprint[];
    readonly startedAt: Date;
    readonly steps?: readonly StepTiming[];
  }): QualityReport;
}

const ruleKey = (rule: string, field: string | undefined): string => (field === undefined ? rule : `${rule}\u0000${field}`);

/**
 * Creates the fold that turns routed records into a quality report.
 * @param options - dataset name, examples per rule, PII fields, known rules
 * @returns a report builder
 * @example
 * const b = createReportBuilder({ dataset: "crm" });
 */
export function createReportBuilder(options: ReportBuilderOptions): ReportBuilder {
  const examplesPerRule = options.examplesPerRule ?? 5;
  const pii = createPiiPolicy({
    ...(options.piiFields === undefined ? {} : { piiFields: options.piiFields }),
    ...(options.mask === undefined ? {} : { mask: options.mask }),
  });
  const rules = new Map<string, RuleAcc>();
  const fields = new Map<string, FieldAcc>();
  const dimensions = new Map<Dimension, { failed: number; lastSeq: number }>();
  // Kept as the steps give them and masked in finish(), once every field that holds personal values is known.
  const datasetIssues: Issue[] = [];
  const warnings: string[] = [];
  const sections: Record<string, unknown> = {};
  let scoredDimensions: readonly DimensionScore[] | undefined;
  let clean = 0, quarantined = 0, merged = 0, seqSum = 0;

  const ensureRule = (info: RuleInfo | Issue): RuleAcc => {
    const key = ruleKey(info.rule, info.field);
    let acc = rules.get(key);
    if (!acc) {
      acc = { rule: info.rule, field: info.field, severity: info.severity, dimension: info.dimension, failed: 0, examples: [], lastSeq: -1 };
      rules.set(key, acc);
    }
    return acc;
  };
  const ensureField = (field: string): FieldAcc => {
    let acc = fields.get(field);
    if (!acc) {
      acc = { failed: 0, changed: 0, codes: new Map(), lastSeq: -1 };
      fields.set(field, acc);
    }
    return acc;
  };
  const ensureDimension = (dimension: Dimension) => {
    let acc = dimensions.get(dimension);
    if (!acc) {
      acc = { failed: 0, lastSeq: -1 };
      dimensions.set(dimension, acc);
    }
    return acc;
  };
  for (const info of options.rules ?? []) {
    ensureRule(info);
    ensureDimension(info.dimension);
  }

  return {
    add(env) {
      seqSum += env.seq;
      if (env.status === "clean") clean++;
      else if (env.status === "quarantine") quarantined++;
      else if (env.status === "merged") merged++;
      else throw new CountMismatchError(`Record ${env.seq + 1} reached the report without an outcome.`);
      if (env.changed !== undefined) for (const f of env.changed) ensureField(f).changed++;
      pii.observe(env.record);
      const issues = env.issues;
      for (let i = 0; i < issues.length; i++) {
        const issue = issues[i]!;
        const r = ensureRule(issue);
        if (r.lastSeq !== env.seq) {
          r.lastSeq = env.seq;
          r.failed++;
          if (r.examples.length < examplesPerRule) r.examples.push({ issue, location: issue.location ?? env.location, record: { ...env.record } });
        }
        if (issue.field !== undefined) {
          const f = ensureField(issue.field);
          if (f.lastSeq !== env.seq) {
            f.lastSeq = env.seq;
            f.failed++;
          }
          f.codes.set(issue.code, (f.codes.get(issue.code) ?? 0) + 1);
        }
        if (isAtLeast(issue.severity, "warning")) {
          const d = ensureDimension(issue.dimension);
          if (d.lastSeq !== env.seq) {
            d.lastSeq = env.seq;
            d.failed++;
          }
        }
      }
    },
    addDatasetIssues(issues) {
      for (const issue of issues) {
        datasetIssues.push(issue);
        ensureDimension(issue.dimension);
      }
    },
    addWarning(message) {
      warnings.push(message);
    },
    setSection(name, data) {
      sections[name] = data;
    },
    setDimensions(list) {
      scoredDimensions = [...list].sort((a, b) => a.dimension.localeCompare(b.dimension));
    },
    finish(input) {
      const total = clean + quarantined + merged;
      if (total !== input.ingested || seqSum !== input.seqSum) {
        throw new CountMismatchError(
          `Record counts do not add up: ${input.ingested} read, ${total} routed (clean ${clean} + quarantined ${quarantined} + merged ${merged}). A step lost or duplicated records.`,
        );
      }
      const ratio = (n: number) => (total === 0 ? 0 : n / total);
      const finished = new Date();
      const totalMs = finished.getTime() - input.startedAt.getTime();
      const ruleList: RuleSummary[] = [...rules.values()]
        .map((r) => ({
          rule: r.rule,
          ...(r.field === undefined ? {} : { field: r.field }),
          severity: r.severity,
          dimension: r.dimension,
          failed: r.failed,
          ratio: ratio(r.failed),
          examples: r.examples.map((e) => toExample(e, pii)),
        }))
        .sort((a, b) => b.failed - a.failed || a.rule.localeCompare(b.rule));
      const fieldList: FieldSummary[] = [...fields.entries()]
        .map(([field, f]) => ({ field, failed: f.failed, ratio: ratio(f.failed), changed: f.changed, codes: Object.fromEntries(f.codes) }))
        .sort((a, b) => b.failed - a.failed || a.field.localeCompare(b.field));
      const dimensionList: readonly DimensionScore[] =
        scoredDimensions ??
        [...dimensions.entries()]
          .map(([dimension, d]) => {
            const score = total === 0 ? 100 : (100 * (total - d.failed)) / total;
            return { dimension, failedRecords: d.failed, score: Math.round(score * 100) / 100, basis: "records" as const };
          })
          .sort((a, b) => a.dimension.localeCompare(b.dimension));
      return {
        schemaVersion: REPORT_SCHEMA_VERSION,
        dataset: options.dataset,
        startedAt: input.startedAt.toISOString(),
        finishedAt: finished.toISOString(),
        totals: { total, clean, quarantined, merged },
        inputs: input.inputs,
        rules: ruleList,
        fields: fieldList,
        dimensions: dimensionList,
        datasetIssues: datasetIssues.map((issue) => maskIssue(issue, pii)),
        timings: {
          totalMs,
          recordsPerSecond: totalMs > 0 ? Math.round((total * 1000) / totalMs) : total,
          steps: input.steps ?? [],
        },
        warnings: warnings.map((w) => pii.text(w)),
        sections: Object.fromEntries(Object.entries(sections).map(([name, data]) => [name, maskSection(data, pii)])),
      };
    },
  };
}

/** The text a value is written as in a message. */
const textOf = (value: unknown): string => (typeof value === "string" ? value : (JSON.stringify(value) ?? String(value)));

/** A message with a value replaced by the form the report shows (values of one character are left alone). */
function replaceValue(message: string, value: unknown, shown: unknown): string {
  if (value === undefined || value === null || Object.is(value, shown)) return message;
  const raw = textOf(value);
  return raw.length < 2 ? message : message.split(raw).join(textOf(shown));
}

/** A failing record as kept for an example until the report is finished. */
interface RawExample {
  readonly issue: Issue;
  readonly location: SourceLocation;
  readonly record: Readonly<DataRecord>;
}

function toExample({ issue, location: loc, record }: RawExample, pii: PiiPolicy): IssueExample {
  const value = issue.value === undefined ? undefined : pii.value(issue.value, issue.field);
  let message = issue.message;
  if (pii.masking) {
    message = replaceValue(message, issue.value, value);
    // A message may quote other fields of the record (checks, templates): their personal values are masked too.
    const others: unknown[] = [];
    for (const field of Object.keys(record)) if (field !== issue.field && pii.isPersonalField(field)) others.push(record[field]);
    message = pii.text(message, others);
  }
  return {
    ...(loc.record === undefined ? {} : { record: loc.record }),
    ...(loc.line === undefined ? {} : { line: loc.line }),
    ...(issue.field === undefined ? {} : { field: issue.field }),
    ...(issue.value === undefined ? {} : { value }),
    message,
  };
}

/** A dataset-level finding as the report keeps it: its value and message masked. */
function maskIssue(issue: Issue, pii: PiiPolicy): Issue {
  if (!pii.masking) return issue;
  const value = issue.value === undefined ? undefined : pii.value(issue.value, issue.field);
  const message = pii.text(replaceValue(issue.message, issue.value, value));
  return { ...issue, message, ...(issue.value === undefined ? {} : { value }) };
}
