import { dbSinkSpecSchema, dbSourceSpecSchema, incrementalSpecSchema, type DbSinkSpec, type DbSourceSpec, type IncrementalSpec } from "@cleanse/db";
import { z } from "zod";

const readerOptions = {
  path: z.string().min(1).describe("File to read, relative to the job file"),
  format: z.enum(["csv", "jsonl", "json"]).optional().describe("Defaults to the file extension"),
  name: z.string().optional().describe("Name used in the report and in locations"),
  encoding: z.string().optional().describe('Text encoding, or "auto" (default) to detect it'),
  strict: z.boolean().optional().describe('With encoding "auto": fail instead of warning when the detected encoding is uncertain (confidence below 0.5)'),
  delimiter: z.string().min(1).max(1).optional(),
  header: z.boolean().optional().describe("Whether the first CSV row names the columns (default true)"),
  columns: z.array(z.string()).optional().describe("Column names, when the file has no header row"),
  header_map: z.record(z.string(), z.string()).optional().describe("Rename columns while reading"),
  ragged: z.enum(["quarantine", "error", "pad"]).optional().describe("What to do with rows of the wrong length"),
  invalid_bytes: z.enum(["quarantine", "error", "replace"]).optional(),
  empty_as: z.enum(["empty", "null"]).optional().describe("Read empty CSV cells as empty strings (default) or null"),
};

/** A source: a path, or a path with reader options. */
export const sourceSpecSchema: z.ZodType<string | SourceSpec> = z.union([z.string().min(1), z.strictObject(readerOptions)]);

/** A reader specification as written in a job file. */
export interface SourceSpec {
  path: string;
  format?: "csv" | "jsonl" | "json" | undefined;
  name?: string | undefined;
  encoding?: string | undefined;
  strict?: boolean | undefined;
  delimiter?: string | undefined;
  header?: boolean | undefined;
  columns?: string[] | undefined;
  header_map?: Record<string, string> | undefined;
  ragged?: "quarantine" | "error" | "pad" | undefined;
  invalid_bytes?: "quarantine" | "error" | "replace" | undefined;
  empty_as?: "empty" | "null" | undefined;
}

const sinkSpec: z.ZodType<SinkSpec> = z.union([
  z.string().min(1),
  z.strictObject({
    path: z.string().min(1),
    format: z.enum(["csv", "jsonl", "json"]).optional(),
    encoding: z.string().optional(),
    bom: z.boolean().optional(),
    delimiter: z.string().min(1).max(1).optional(),
    escape_formulae: z.boolean().optional().describe("Neutralize spreadsheet formulas in CSV output (default true)"),
  }),
]);

const outputSpec: z.ZodType<SinkSpec | DbSinkSpec> = z.union([sinkSpec, dbSinkSpecSchema]);

const outputsShape = {
  clean: outputSpec.optional().describe("Where clean records go: a file, or a database table"),
  quarantine: outputSpec.optional().describe("Where quarantined records go, with _reasons and _record columns"),
  merged: outputSpec.optional().describe("Where records merged into golden records go"),
};

const outputs: z.ZodType<OutputsSpec> = z.strictObject(outputsShape);

/** A file source or a database source (`{ sqlite: ... }`, `{ postgres: ... }`). */
const anySource: z.ZodType<string | SourceSpec | DbSourceSpec> = z.union([sourceSpecSchema, dbSourceSpecSchema]);

/** One step: a mapping with exactly one key, the step's name. Each step's options are checked by its own schema. */
const stepSchema = z.record(z.string(), z.unknown()).describe("A step: { <name>: <options> }");

const datasetFields = {
  source: anySource.describe("The records to process: a file, or a database table or query"),
  steps: z.array(stepSchema).optional(),
  outputs: outputs.optional(),
  quarantine_on: z.enum(["error", "warning", "info"]).optional().describe("Lowest severity that quarantines a record"),
  incremental: incrementalSpecSchema.optional().describe("Process only records past the last run's watermark"),
};

const datasetShape = { name: z.string().min(1), ...datasetFields };

const datasetSchema: z.ZodType<DatasetSpec> = z.strictObject(datasetShape);

const reportSpec: z.ZodType<ReportSpec> = z.union([
  z.string().min(1),
  z.strictObject({
    json: z.string().optional(),
    markdown: z.string().optional(),
    html: z.string().optional().describe("A self-contained HTML report"),
  }),
]);

/** A sink specification as written in a job file. */
export type SinkSpec =
  | string
  | {
      path: string;
      format?: "csv" | "jsonl" | "json" | undefined;
      encoding?: string | undefined;
      bom?: boolean | undefined;
      delimiter?: string | undefined;
      escape_formulae?: boolean | undefined;
    };

/** Where a dataset's records go. */
export interface OutputsSpec {
  clean?: SinkSpec | DbSinkSpec | undefined;
  quarantine?: SinkSpec | DbSinkSpec | undefined;
  merged?: SinkSpec | DbSinkSpec | undefined;
}

/** One dataset of a job. */
export interface DatasetSpec {
  name: string;
  source: string | SourceSpec | DbSourceSpec;
  steps?: Record<string, unknown>[] | undefined;
  outputs?: OutputsSpec | undefined;
  quarantine_on?: "error" | "warning" | "info" | undefined;
  incremental?: IncrementalSpec | undefined;
}

/** Where the report goes: a JSON path, or one path per format. */
export type ReportSpec = string | { json?: string | undefined; markdown?: string | undefined; html?: string | undefined };

/** A job file as validated. */
export interface JobFile {
  $schema?: string | undefined;
  name?: string | undefined;
  description?: string | undefined;
  sources?: Record<string, string | SourceSpec | DbSourceSpec> | undefined;
  datasets?: DatasetSpec[] | undefined;
  source?: string | SourceSpec | DbSourceSpec | undefined;
  steps?: Record<string, unknown>[] | undefined;
  outputs?: OutputsSpec | undefined;
  quarantine_on?: "error" | "warning" | "info" | undefined;
  incremental?: IncrementalSpec | undefined;
  report?: ReportSpec | undefined;
  examples_per_rule?: number | undefined;
  allow_quarantined?: number | undefined;
}

const jobShape = {
  $schema: z.string().optional(),
  name: z.string().min(1).optional().describe("Job name, shown in the report"),
  description: z.string().optional(),
  sources: z.record(z.string(), anySource).optional().describe("Named sources that steps can refer to"),
  datasets: z.array(datasetSchema).min(1).optional().describe("Datasets processed in order"),
  ...datasetFields,
  source: datasetFields.source.optional(),
  report: reportSpec.optional(),
  examples_per_rule: z.number().int().min(0).max(1000).optional(),
  allow_quarantined: z
    .number()
    .min(0)
    .optional()
    .describe("Exit 0 while quarantined records stay at or below this: a ratio (0..1) or, above 1, a count"),
};

/** The schema of a job file (`cleanse run job.yaml`). */
export const jobFileSchema: z.ZodType<JobFile> = z.strictObject(jobShape).describe("A Cleanse job file");

/** A dataset of a job file of which only some keys are valid. */
export type PartialDatasetSpec = { [K in keyof DatasetSpec]?: DatasetSpec[K] | undefined };

/** The parts of a job file that are valid on their own. */
export type PartialJobFile = Omit<JobFile, "datasets"> & { datasets?: PartialDatasetSpec[] | undefined };

/**
 * Keeps the parts of a job file that are valid on their own: each top-level key, each dataset's keys (a
 * dataset keeps its index) and each output, so that the checks after the schema can still run on them when
 * other parts of the file have problems.
 * @param value - the job file as parsed
 * @returns the valid parts; keys with a problem are left out
 */
export function salvageJobFile(value: unknown): PartialJobFile {
  const salvageOutputs = (v: unknown) => validKeys(outputsShape, v);
  return validKeys(jobShape, value, {
    datasets: (v) => (Array.isArray(v) ? v.map((d) => validKeys(datasetShape, d, { outputs: salvageOutputs })) : undefined),
    outputs: salvageOutputs,
    sources: (v) => validKeys(Object.fromEntries(Object.keys(isMapping(v) ? v : {}).map((name) => [name, anySource])), v),
  }) as PartialJobFile;
}

function validKeys(
  shape: Readonly<Record<string, z.ZodType>>,
  value: unknown,
  nested: Readonly<Record<string, (value: unknown) => unknown>> = {},
): Record<string, unknown> {
  if (!isMapping(value)) return {};
  const valid: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(shape)) {
    if (!Object.hasOwn(value, key)) continue;
    const written = value[key];
    const salvage = Object.hasOwn(nested, key) ? nested[key]! : undefined;
    const result = schema.safeParse(written);
    const kept = result.success ? result.data : salvage?.(written);
    // a source may be called __proto__: define, never assign
    if (kept !== undefined) Object.defineProperty(valid, key, { value: kept, enumerable: true, writable: true, configurable: true });
  }
  return valid;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
