import { z } from "zod";

/**
 * Where an incremental job keeps its state: a JSON file (a path, or `{ file }`), or a table in SQLite
 * or PostgreSQL (`cleanse_state` unless `table` says otherwise), one row per job.
 */
export type IncrementalStateSpec =
  | string
  | { file: string }
  | { sqlite: { path: string; table?: string | undefined } }
  | { postgres: { url_env?: string | undefined; table?: string | undefined; schema?: string | undefined } };

/** How watermark values compare: `auto` (default) picks numbers, timestamps or text from the values. */
export type WatermarkType = "auto" | "number" | "timestamp" | "text";

/** The column whose growth marks changed records: an update timestamp or an increasing primary key. */
export interface WatermarkSpec {
  column: string;
  type?: WatermarkType | undefined;
}

/** The `incremental` section of a job file. */
export interface IncrementalSpec {
  /** State file or table. */
  state: IncrementalStateSpec;
  /** Watermark column, or `{ column, type }`. */
  watermark: string | WatermarkSpec;
  /** Name the state is kept under; defaults to the dataset's name. */
  job?: string | undefined;
}

const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "an environment variable name such as PGURL");

/**
 * Schema of {@link IncrementalStateSpec}.
 * @example
 * incrementalStateSpecSchema.parse({ sqlite: { path: "state.db" } }) //=> { sqlite: { path: "state.db" } }
 */
export const incrementalStateSpecSchema: z.ZodType<IncrementalStateSpec> = z.union([
  z.string().min(1).describe("State file (JSON), relative to the job file"),
  z.strictObject({ file: z.string().min(1) }),
  z.strictObject({ sqlite: z.strictObject({ path: z.string().min(1), table: z.string().min(1).optional() }) }),
  z.strictObject({
    postgres: z.strictObject({ url_env: envName.optional(), table: z.string().min(1).optional(), schema: z.string().min(1).optional() }),
  }),
]);

/**
 * Schema of {@link WatermarkSpec}.
 * @example
 * watermarkSpecSchema.parse({ column: "id", type: "number" }).type //=> "number"
 */
export const watermarkSpecSchema: z.ZodType<WatermarkSpec> = z.strictObject({
  column: z.string().min(1).describe("Column that grows when a record changes (updated_at, or an increasing id)"),
  type: z.enum(["auto", "number", "timestamp", "text"]).optional(),
});

/**
 * Schema of a job file's `incremental` section.
 * @example
 * incrementalSpecSchema.parse({ state: "state/crm.json", watermark: "updated_at" }).watermark //=> "updated_at"
 */
export const incrementalSpecSchema: z.ZodType<IncrementalSpec> = z.strictObject({
  state: incrementalStateSpecSchema,
  watermark: z.union([z.string().min(1), watermarkSpecSchema]),
  job: z.string().min(1).optional(),
});
