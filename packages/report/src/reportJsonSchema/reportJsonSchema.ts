import { REPORT_SCHEMA_VERSION } from "@cleanse/core";

type Schema = Record<string, unknown>;

const int = (description: string): Schema => ({ type: "integer", minimum: 0, description });
const number = (description: string, extra: Schema = {}): Schema => ({ type: "number", description, ...extra });
const string = (description: string, extra: Schema = {}): Schema => ({ type: "string", description, ...extra });
const score = (description: string): Schema => ({ type: "number", minimum: 0, maximum: 100, description });
const ratio = (description: string): Schema => ({ type: "number", minimum: 0, maximum: 1, description });
const object = (description: string, properties: Record<string, Schema>, required: readonly string[], additional: boolean | Schema = false): Schema => ({
  type: "object",
  description,
  properties,
  required: [...required],
  additionalProperties: additional,
});
const array = (description: string, items: Schema): Schema => ({ type: "array", description, items });
const ref = (name: string): Schema => ({ $ref: `#/$defs/${name}` });

const severity: Schema = { enum: ["error", "warning", "info"], description: "How serious a finding is; only error quarantines a record by default" };
const dimension: Schema = string("Data-quality dimension: completeness, validity, uniqueness, consistency, timeliness, accuracy, integrity, or a package's own");

const defs: Record<string, Schema> = {
  totals: object(
    "Record counts; always total = clean + quarantined + merged",
    {
      total: int("Records read"),
      clean: int("Records routed to clean"),
      quarantined: int("Records routed to quarantine"),
      merged: int("Records merged into another (golden) record"),
    },
    ["total", "clean", "quarantined", "merged"],
  ),
  location: object(
    "Where a record or value came from; every part is optional",
    {
      file: string("File or source name"),
      line: int("1-based line"),
      column: int("1-based column"),
      record: int("1-based record number within the source"),
      byteOffset: int("0-based byte offset in the raw input"),
    },
    [],
  ),
  input: object(
    "Fingerprint of an input, known once it has been read",
    {
      name: string("Source name"),
      path: string("File path"),
      format: string("csv, jsonl, json, ..."),
      encoding: string("Text encoding read (or detected)"),
      encodingConfidence: ratio("How sure the encoding detection was"),
      bytes: int("Size in bytes"),
      sha256: string("SHA-256 of the raw bytes, hex"),
      records: int("Records read from it"),
    },
    ["name"],
  ),
  example: object(
    "One failing value, masked when its field holds personal data",
    {
      record: int("1-based record number"),
      line: int("1-based line where the record starts"),
      field: string("Field of the value"),
      value: { description: "The offending value (masked for PII fields)" },
      message: string("What was expected and what was received"),
    },
    ["message"],
  ),
  rule: object(
    "Failures of one rule on one field",
    {
      rule: string("Rule id, e.g. email or ship-after-order"),
      field: string("Field the rule checks; absent for record-level rules"),
      severity,
      dimension,
      failed: int("Records with at least one finding of this rule on this field"),
      ratio: ratio("failed / total records"),
      examples: array("First failing examples (examples_per_rule, default 5)", ref("example")),
    },
    ["rule", "severity", "dimension", "failed", "ratio", "examples"],
  ),
  field: object(
    "Failures and changes of one field",
    {
      field: string("Field name"),
      failed: int("Records with at least one finding on this field"),
      ratio: ratio("failed / total records"),
      changed: int("Records whose value a standardization step changed"),
      codes: { type: "object", description: "Findings on this field by issue code", additionalProperties: { type: "integer", minimum: 0 } },
    },
    ["field", "failed", "ratio", "changed", "codes"],
  ),
  dimension: object(
    "A dimension's score; the report holds one per dimension: the score step's when the dataset was scored (basis checks), else the share of records without an error or warning (basis records)",
    {
      dimension,
      failedRecords: int("Records with an error or warning in this dimension (basis checks: records scoring below 100 in it)"),
      score: score("basis records: 100 * (total - failedRecords) / total; basis checks: the mean of the records' scores in the dimension over the records where it was checked (docs/score.md); two decimals"),
      basis: { enum: ["records", "checks"], description: "How score was computed; absent in reports written before it existed, which used records" },
      weight: number("basis checks: weight of the dimension in each record score", { minimum: 0 }),
      records: int("basis checks: records on which the dimension was checked"),
      checks: int("basis checks: checks applied (one per check per record; all rules on one field in one dimension are one check)"),
      failed: int("basis checks: checks failed"),
    },
    ["dimension", "failedRecords", "score"],
  ),
  issue: object(
    "A finding about a record, a field or the whole dataset",
    {
      code: string("snake_case issue code, e.g. missing_value, invalid_format, out_of_range, duplicate"),
      rule: string("Rule id"),
      field: string("Field; absent for record- and dataset-level findings"),
      severity,
      dimension,
      message: string("What was expected, what was received"),
      value: { description: "The offending value" },
      location: ref("location"),
    },
    ["code", "rule", "severity", "dimension", "message"],
  ),
  timings: object(
    "How long the run took",
    {
      totalMs: number("Wall time of the dataset, milliseconds", { minimum: 0 }),
      recordsPerSecond: number("Records per second", { minimum: 0 }),
      steps: array(
        "Time spent inside each step, in step order",
        object(
          "One step",
          { name: string("Step name"), ms: number("Milliseconds inside the step: process() of a record step, a stream step's generator between yields (not waiting for upstream records), start() and finish()", { minimum: 0 }) },
          ["name", "ms"],
        ),
      ),
    },
    ["totalMs", "recordsPerSecond", "steps"],
  ),
  scorecard: object(
    "The score section written by the score step (@cleanse/score); see docs/score.md for the formula. Its dimension scores are the dataset report's dimensions",
    {
      version: { const: 2, description: "Version of the scorecard layout" },
      records: int("Records scored"),
      score: score("The dataset score: the mean record score with quarantined records counting 0, two decimals"),
      meanRecordScore: score("Mean record score over every record, quarantined ones with their own score, two decimals"),
      quarantined: int("Records that went to quarantine (they count 0 in score)"),
      duplicates: int("Redundant copies: records in clusters of duplicates beyond the first of each cluster"),
      fields: array(
        "Score per field, worst first",
        object(
          "A field's score over the dataset",
          {
            field: string("Field name"),
            score: score("100 * (1 - failed weight / checked weight) over all records"),
            weight: number("Weight of the checks on this field", { minimum: 0 }),
            checks: int("Checks applied"),
            failed: int("Checks failed"),
          },
          ["field", "score", "weight", "checks", "failed"],
        ),
      ),
      distribution: object(
        "How record scores are spread",
        {
          bins: array(
            "Fixed-width bins from 0 to 100; [from, to), the last one including 100",
            object("One bin", { from: score("Lower edge"), to: score("Upper edge"), count: int("Records") }, ["from", "to", "count"]),
          ),
          perfect: int("Records scoring 100"),
          min: score("Lowest record score"),
          max: score("Highest record score"),
          median: score("Median record score, rounded down to a whole point"),
          p10: score("10th percentile, rounded down to a whole point"),
        },
        ["bins", "perfect", "min", "max", "median", "p10"],
      ),
      weights: object(
        "The weights used",
        {
          dimensions: { type: "object", description: "Dimension weights that differ from 1", additionalProperties: { type: "number", minimum: 0 } },
          fields: { type: "object", description: "Field weights that differ from 1", additionalProperties: { type: "number", minimum: 0 } },
          severities: object(
            "Weight of a check by severity",
            { error: number("Default 1", { minimum: 0 }), warning: number("Default 0.5", { minimum: 0 }), info: number("Default 0", { minimum: 0 }) },
            ["error", "warning", "info"],
          ),
        },
        ["dimensions", "fields", "severities"],
      ),
      declaredChecks: int("Checks applied to every record"),
      undeclared: array("Rules found in findings that no step declared; they count only where they failed", { type: "string" }),
    },
    ["version", "records", "score", "meanRecordScore", "quarantined", "duplicates", "fields", "distribution", "weights", "declaredChecks", "undeclared"],
  ),
  dedupe: object(
    "The dedupe section written by the dedupe step (@cleanse/dedupe); renderers read it defensively",
    {
      records: int("Records deduplicated"),
      clusters: int("Clusters, singletons included"),
      multiRecordClusters: int("Clusters with more than one record"),
      duplicates: int("Records beyond the first of their cluster"),
      candidatePairs: int("Pairs compared after blocking"),
      pairsAboveThreshold: int("Pairs whose match probability reached the threshold"),
      reductionRatio: ratio("1 - candidate pairs / all pairs"),
      threshold: ratio("Match probability threshold"),
      lambda: ratio("Estimated prior match probability"),
      emIterations: int("Expectation-maximisation iterations"),
      blocking: array("Candidate pairs per blocking rule", { type: "object" }),
      topClusters: array(
        "The largest clusters",
        object("A cluster", { cluster_id: string("Stable cluster id"), size: int("Records"), members: array("Member record ids", { type: "string" }), chained: { type: "boolean" } }, ["cluster_id", "members"], true),
      ),
      goldenRecords: array("Golden records with the source record of each value (lineage)", { type: "object" }),
      example: { type: "object", description: "One matched pair explained: { explanation: { ids, prior, comparisons[], totalWeight, probability, threshold, isMatch }, text }" },
      collapsed: { type: "boolean", description: "Whether duplicates were merged into golden records" },
      timings: { type: "object", additionalProperties: { type: "number" } },
    },
    [],
    true,
  ),
  datasetReport: object(
    "The quality report of one dataset run through a pipeline",
    {
      schemaVersion: { const: REPORT_SCHEMA_VERSION, description: "Version of the report layout; bumped on any incompatible change" },
      dataset: string("Dataset name"),
      startedAt: string("When the run started, ISO 8601", { format: "date-time" }),
      finishedAt: string("When it finished, ISO 8601", { format: "date-time" }),
      totals: ref("totals"),
      inputs: array("What was read", ref("input")),
      rules: array("Every rule the steps declare or that found something, most failures first", ref("rule")),
      fields: array("Fields with findings or changes, most failures first", ref("field")),
      dimensions: array("The dataset's dimension scores, one per dimension, by name", ref("dimension")),
      datasetIssues: array("Findings about the dataset as a whole (row counts, null ratios, ...)", ref("issue")),
      timings: ref("timings"),
      warnings: array("Warnings from the steps", { type: "string" }),
      sections: object("Sections written by packages' steps", { score: ref("scorecard"), dedupe: ref("dedupe") }, [], true),
    },
    ["schemaVersion", "dataset", "startedAt", "finishedAt", "totals", "inputs", "rules", "fields", "dimensions", "datasetIssues", "timings", "warnings", "sections"],
  ),
  jobReport: object(
    "The report of a job that ran one or more datasets",
    {
      schemaVersion: { const: REPORT_SCHEMA_VERSION, description: "Version of the report layout" },
      job: string("Job name"),
      startedAt: string("When the first dataset started", { format: "date-time" }),
      finishedAt: string("When the last dataset finished", { format: "date-time" }),
      totals: ref("totals"),
      datasets: array("One report per dataset, in run order", ref("datasetReport")),
    },
    ["schemaVersion", "job", "startedAt", "finishedAt", "totals", "datasets"],
  ),
};

/**
 * JSON Schema (draft 2020-12) of the JSON report: a job report (`cleanse run`) or a dataset report,
 * with the `score` and `dedupe` sections. `packages/report/schema/report.schema.json` is this object.
 * @example
 * reportJsonSchema.title //=> "Cleanse quality report"
 */
export const reportJsonSchema: Readonly<Record<string, unknown>> = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: "Cleanse quality report",
  description: "A job report (several datasets) or a single dataset report, as written by cleanse run and runPipeline. See docs/report-schema.md.",
  oneOf: [ref("jobReport"), ref("datasetReport")],
  $defs: defs,
};
