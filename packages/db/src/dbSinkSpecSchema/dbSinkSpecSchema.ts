import { z } from "zod";

/** How a sink treats rows already in its table. */
export type SinkMode = "append" | "replace" | "upsert";

/** Options every database sink takes. */
export interface DbSinkCommonOptions {
  /** Target table; created from the first record's fields when missing. */
  table: string;
  /** `append` (default) adds rows, `replace` empties the table first (same transaction), `upsert` updates rows by `key`. */
  mode?: SinkMode | undefined;
  /** Key column(s) for `upsert`; also the primary key of a table the sink creates. */
  key?: string | string[] | undefined;
  /** Column types for a table the sink creates, e.g. `{ credit_limit: "numeric(12,2)" }`; others are text. */
  columns?: Record<string, string> | undefined;
  /** Create the table when it does not exist (default true). */
  create?: boolean | undefined;
  /** Rows per statement or COPY chunk (default 500 for inserts). */
  batch_size?: number | undefined;
}

/** A SQLite sink as written in a job file: `{ sqlite: { path: out.db, table: clean, mode: replace } }`. */
export interface SqliteSinkOptions extends DbSinkCommonOptions {
  /** Database file, relative to the job file's folder; created when missing. */
  path: string;
}

/** A PostgreSQL sink: `{ postgres: { url_env: PGURL, table: clean_orders, mode: replace } }`. */
export interface PostgresSinkOptions extends DbSinkCommonOptions {
  url_env?: string | undefined;
  schema?: string | undefined;
  /** `copy` (default) streams rows with COPY FROM STDIN; `insert` sends multi-row INSERTs. */
  method?: "copy" | "insert" | undefined;
}

/** A database sink as written in a job file. */
export type DbSinkSpec = { sqlite: SqliteSinkOptions } | { postgres: PostgresSinkOptions };

const upsertNeedsKey = (o: DbSinkCommonOptions): boolean => o.mode !== "upsert" || (o.key !== undefined && o.key.length > 0);
const upsertNeedsKeyMessage = { message: 'mode "upsert" needs a "key": the column(s) that identify a row', path: ["key"] };

const common = {
  table: z.string().min(1).describe("Target table"),
  mode: z.enum(["append", "replace", "upsert"]).optional().describe("append (default), replace or upsert"),
  key: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional().describe("Key column(s) for upsert"),
  columns: z.record(z.string(), z.string().min(1)).optional().describe("Column types for a created table (default text)"),
  create: z.boolean().optional().describe("Create the table when missing (default true)"),
  batch_size: z.number().int().min(1).max(100_000).optional(),
};

/**
 * Schema of {@link SqliteSinkOptions}.
 * @example
 * sqliteSinkOptionsSchema.safeParse({ path: "out.db", table: "t", mode: "upsert" }).success //=> false (upsert needs a key)
 */
export const sqliteSinkOptionsSchema: z.ZodType<SqliteSinkOptions> = z
  .strictObject({ path: z.string().min(1), ...common })
  .refine(upsertNeedsKey, upsertNeedsKeyMessage);

/**
 * Schema of {@link PostgresSinkOptions}.
 * @example
 * postgresSinkOptionsSchema.parse({ url_env: "PGURL", table: "clean", method: "insert" }).method //=> "insert"
 */
export const postgresSinkOptionsSchema: z.ZodType<PostgresSinkOptions> = z
  .strictObject({
    url_env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "an environment variable name such as PGURL").optional(),
    schema: z.string().min(1).optional(),
    method: z.enum(["copy", "insert"]).optional().describe("copy (default) or insert"),
    ...common,
  })
  .refine(upsertNeedsKey, upsertNeedsKeyMessage);

/**
 * Schema of a database sink in a job file's `outputs`: `{ sqlite: {...} }` or `{ postgres: {...} }`.
 * @example
 * dbSinkSpecSchema.parse({ postgres: { url_env: "PGURL", table: "clean_orders", mode: "replace" } }).postgres.mode //=> "replace"
 */
export const dbSinkSpecSchema: z.ZodType<DbSinkSpec> = z.union([
  z.strictObject({ sqlite: sqliteSinkOptionsSchema }),
  z.strictObject({ postgres: postgresSinkOptionsSchema }),
]);
