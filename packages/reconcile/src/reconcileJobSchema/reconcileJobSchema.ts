import { z } from "zod";

/**
 * An input of a reconciliation as a job file writes it: a file path, a reader specification
 * (`{ path, encoding, header_map, ... }`), or a database (`{ sqlite: {...} }`, `{ postgres: {...} }`).
 * The command line opens it; this package only passes it along.
 */
export type ReconcileInputSpec = string | { readonly [option: string]: unknown };

/** Where the report goes: a path (format from its extension: .json, .md, .html) or one path per format. */
export type ReconcileReportSpec = string | { json?: string | undefined; markdown?: string | undefined; html?: string | undefined };

/** A standardizer as a job file writes it: a name, or `{ name: options }`, or a chain of them. */
export type StandardizerJobSpec = string | Record<string, Record<string, unknown> | null> | (string | Record<string, Record<string, unknown> | null>)[];

/** A comparator as a job file writes it. */
export type ComparatorJobSpec =
  | "exact"
  | "ignore_case"
  | "ignore"
  | { number: { tolerance?: number | undefined; relative?: number | undefined } | null }
  | { date: { tolerance_days?: number | undefined; tolerance_seconds?: number | undefined } | null };

/** A reconciliation job file (`cleanse reconcile --job reconcile.yaml`). */
export interface ReconcileJob {
  $schema?: string | undefined;
  name?: string | undefined;
  left?: ReconcileInputSpec | undefined;
  right?: ReconcileInputSpec | undefined;
  key?: string | string[] | undefined;
  map?: Record<string, string> | undefined;
  fields?: string[] | undefined;
  standardize?: "auto" | "none" | Record<string, StandardizerJobSpec> | undefined;
  compare?: Record<string, ComparatorJobSpec> | undefined;
  timestamps?: { left: string; right: string } | false | undefined;
  key_match?: "exact" | "fuzzy" | undefined;
  sorted?: boolean | undefined;
  memory_limit_mb?: number | undefined;
  temp_dir?: string | undefined;
  examples?: number | undefined;
  pii_fields?: string[] | undefined;
  report?: ReconcileReportSpec | undefined;
  diff?: ReconcileInputSpec | undefined;
}

const input = z.union([z.string().min(1), z.record(z.string(), z.unknown())]);
const standardizerOne = z.union([z.string().min(1), z.record(z.string(), z.record(z.string(), z.unknown()).nullable())]);
const comparator = z.union([
  z.enum(["exact", "ignore_case", "ignore"]),
  z.strictObject({ number: z.strictObject({ tolerance: z.number().min(0).optional(), relative: z.number().min(0).optional() }).nullable() }),
  z.strictObject({ date: z.strictObject({ tolerance_days: z.number().min(0).optional(), tolerance_seconds: z.number().min(0).optional() }).nullable() }),
]);

/**
 * Schema of a reconciliation job file. `left`, `right` and `diff` are checked by whoever opens them.
 * @example
 * reconcileJobSchema.parse({ left: "crm.csv", right: { postgres: { url_env: "ERP_URL", table: "customers" } }, key: "email" }).key //=> "email"
 */
export const reconcileJobSchema: z.ZodType<ReconcileJob> = z
  .strictObject({
    $schema: z.string().optional(),
    name: z.string().min(1).optional(),
    left: input.optional().describe("Left input: a file, { path, ...reader options }, { sqlite: ... } or { postgres: ... }"),
    right: input.optional().describe("Right input, in the same forms"),
    key: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional().describe("Key field(s), by their left names"),
    map: z.record(z.string(), z.string().min(1)).optional().describe("Left field → right field, where names differ"),
    fields: z.array(z.string().min(1)).optional().describe("Left fields to compare (default: all common fields)"),
    standardize: z
      .union([z.enum(["auto", "none"]), z.record(z.string(), z.union([standardizerOne, z.array(standardizerOne)]))])
      .optional()
      .describe('auto (default), none, or per field: email, phone, number, date, text, trim, lower, upper, digits, or with options, e.g. { phone: { region: CN } }, { date: { order: dmy } }, { number: { scale: 2 } }; "*" sets the default'),
    compare: z.record(z.string(), comparator).optional().describe("Per-field comparators: exact, ignore_case, ignore, { number: { tolerance } }, { date: { tolerance_days } }"),
    timestamps: z.union([z.strictObject({ left: z.string().min(1), right: z.string().min(1) }), z.literal(false)]).optional(),
    key_match: z.enum(["exact", "fuzzy"]).optional(),
    sorted: z.boolean().optional().describe("Both inputs are already ordered by the standardized key"),
    memory_limit_mb: z.number().min(1).max(65_536).optional(),
    temp_dir: z.string().min(1).optional(),
    examples: z.number().int().min(0).max(1000).optional(),
    pii_fields: z.array(z.string()).optional(),
    report: z.union([z.string().min(1), z.strictObject({ json: z.string().optional(), markdown: z.string().optional(), html: z.string().optional() })]).optional(),
    diff: input.optional().describe("Diff file (CSV or JSON Lines) or a database sink"),
  })
  .describe("A Cleanse reconciliation job");
