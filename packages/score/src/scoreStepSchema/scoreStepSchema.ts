import type { Dimension, Severity } from "@cleanse/core";
import { z } from "zod";

/** How much each part of a record counts. Every weight is >= 0; 0 leaves the part out. */
export interface ScoreWeights {
  /** Weight of each dimension in the record score (default 1 each). */
  readonly dimensions?: Readonly<Record<string, number>> | undefined;
  /** Weight of the checks on each field (default 1 each). */
  readonly fields?: Readonly<Record<string, number>> | undefined;
  /** Weight of a check by its severity (defaults: error 1, warning 0.5, info 0). */
  readonly severities?: Readonly<Partial<Record<Severity, number>>> | undefined;
}

/** A check to count as applied to every record, besides those the steps before the score step declare. */
export interface DeclaredCheck {
  readonly rule: string;
  readonly field?: string | undefined;
  readonly dimension: Dimension;
  readonly severity?: Severity | undefined;
}

/** Options of the score step, as written in a job file (`- score: { ... }`) or passed from TypeScript. */
export interface ScoreStepConfig {
  readonly weights?: ScoreWeights | undefined;
  /** Field that receives the record score (default `_score`). */
  readonly field?: string | undefined;
  /** Also add `<field>_<dimension>` for each declared dimension (default false). */
  readonly breakdown?: boolean | undefined;
  /** Bins of the score histogram in the scorecard (default 10, each 10 points wide). */
  readonly bins?: number | undefined;
  /** Checks to count on every record that no step declares (e.g. the reader's `csv-shape`). */
  readonly checks?: readonly DeclaredCheck[] | undefined;
}

const weight = z.number().min(0).max(1000);
const severity = z.enum(["error", "warning", "info"]);

const configSchema = z.strictObject({
  weights: z
    .strictObject({
      dimensions: z.record(z.string().min(1), weight).optional().describe("Weight of each dimension in the record score (default 1)"),
      fields: z.record(z.string().min(1), weight).optional().describe("Weight of the checks on each field (default 1)"),
      severities: z
        .strictObject({ error: weight.optional(), warning: weight.optional(), info: weight.optional() })
        .optional()
        .describe("Weight of a check by severity (default error 1, warning 0.5, info 0)"),
    })
    .optional(),
  field: z.string().min(1).optional().describe("Field that receives the record score (default _score)"),
  breakdown: z.boolean().optional().describe("Also add <field>_<dimension> fields (default false)"),
  bins: z
    .number()
    .int()
    .min(1)
    .max(100)
    .refine((n) => 100 % n === 0, { message: "bins must divide 100 (1, 2, 4, 5, 10, 20, 25, 50 or 100)" })
    .optional()
    .describe("Bins of the score histogram (default 10)"),
  checks: z
    .array(
      z.strictObject({
        rule: z.string().min(1),
        field: z.string().min(1).optional(),
        dimension: z.string().min(1),
        severity: severity.optional(),
      }),
    )
    .optional()
    .describe("Checks applied to every record that no step declares"),
});

/**
 * The zod schema of the score step's options; `- score:` with no options is the same as `{}`.
 * @example
 * scoreStepSchema.parse({ weights: { dimensions: { completeness: 2 } } }).weights?.dimensions //=> { completeness: 2 }
 */
export const scoreStepSchema: z.ZodType<ScoreStepConfig> = z.preprocess((v) => (v === null || v === undefined ? {} : v), configSchema) as z.ZodType<ScoreStepConfig>;
