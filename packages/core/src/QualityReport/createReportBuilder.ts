import { CountMismatchError } from "../CleanseError/CleanseError.ts";
import { isAtLeast, type Dimension, type Issue, type Severity } from "../Issue/Issue.ts";
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

/** Turns a personal value into the text a report may show. */
export type Masker = (value: unknown) => string;

/** The masker used when none is given: hides every character, keeping only the length. */
function hideAll(value: unknown): string {
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  return "*".repeat(Array.from(text).length);
}

/** Options of {@link createReportBuilder}. */
export interface ReportBuilderOptions {
  readonly dataset: string;
  /** Examples kept per rule. Defaults to 5. */
  readonly examplesPerRule?: number;
  /** Fields whose example values are masked. */
  readonly piiFields?: Iterable<string>;
  /**
   * How a personal value is masked in examples and messages. The CLI passes the value kernel's `maskValue`
   * (`@cleanse/values`: `138****5678`); without one every character is hidden.
   */
  readonly mask?: Masker;
  /** Rules known in advance, so rules without failures appear with 0. */
  readonly rules?: Iterable<RuleInfo>;
}

interface RuleAcc {
  rule: string;
  field: string | undefined;
  severity: Severity;
  dimension: Dimension;
  failed: number;
  examples: IssueExample[];
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
  addWarning(message: string): void;
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
  const pii = new Set(options.piiFields ?? []);
  const mask = options.mask ?? hideAll;
  const rules = new Map<string, RuleAcc>();
  const fields = new Map<string, FieldAcc>();
  const dimensions = new Map<Dimension, { failed: number; lastSeq: number }>();
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
      const issues = env.issues;
      for (let i = 0; i < issues.length; i++) {
        const issue = issues[i]!;
        const r = ensureRule(issue);
        if (r.lastSeq !== env.seq) {
          r.lastSeq = env.seq;
          r.failed++;
          if (r.examples.length < examplesPerRule) r.examples.push(toExample(issue, env, pii, mask));
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
          examples: r.examples,
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
        datasetIssues,
        timings: {
          totalMs,
          recordsPerSecond: totalMs > 0 ? Math.round((total * 1000) / totalMs) : total,
          steps: input.steps ?? [],
        },
        warnings,
        sections,
      };
    },
  };
}

function toExample(issue: Issue, env: RecordEnvelope, pii: ReadonlySet<string>, mask: Masker): IssueExample {
  const loc = issue.location ?? env.location;
  const masked = issue.field !== undefined && pii.has(issue.field) && issue.value !== null && issue.value !== undefined;
  return {
    ...(loc.record === undefined ? {} : { record: loc.record }),
    ...(loc.line === undefined ? {} : { line: loc.line }),
    ...(issue.field === undefined ? {} : { field: issue.field }),
    ...(issue.value === undefined ? {} : { value: masked ? mask(issue.value) : issue.value }),
    message: masked && issue.value !== undefined ? issue.message.split(String(issue.value)).join(mask(issue.value)) : issue.message,
  };
}
