import { z } from "zod";

/** Options of a SQLite source as written in a job file: `{ sqlite: { path: crm.db, table: customers } }`. */
export interface SqliteSourceOptions {
  /** Database file, relative to the job file's folder. */
  path: string;
  /** Table (or view) to read; give this or `query`. */
  table?: string | undefined;
  /** A SELECT statement to read; give this or `table`. */
  query?: string | undefined;
  /** Name in the report and in locations; defaults to the table name (or `query`). */
  name?: string | undefined;
  /** Rows per batch (default 1000). */
  batch_size?: number | undefined;
}

/** Options of a PostgreSQL source: `{ postgres: { url_env: ERP_DATABASE_URL, table: customers } }`. */
export interface PostgresSourceOptions {
  /** Environment variable holding the connection URL; without it the PG* variables apply. */
  url_env?: string | undefined;
  /** Table (or view) to read; give this or `query`. */
  table?: string | undefined;
  /** Schema of the table; `schema.table` in `table` works too. */
  schema?: string | undefined;
  /** A SELECT statement to read; give this or `table`. */
  query?: string | undefined;
  name?: string | undefined;
  /** Rows per batch (default 1000). */
  batch_size?: number | undefined;
  /** `cursor` (default) fetches batches through a server-side cursor; `copy` streams `COPY ... TO STDOUT`. */
  read?: "cursor" | "copy" | undefined;
}

/** A database source as written in a job file. */
export type DbSourceSpec = { sqlite: SqliteSourceOptions } | { postgres: PostgresSourceOptions };

const tableOrQuery = (o: { table?: string | undefined; query?: string | undefined }): boolean => (o.table === undefined) !== (o.query === undefined);
const tableOrQueryMessage = { message: 'give either "table" or "query" (exactly one)', path: ["table"] };

const common = {
  table: z.string().min(1).optional().describe("Table or view to read"),
  query: z.string().min(1).optional().describe("SELECT statement to read"),
  name: z.string().min(1).optional().describe("Name in the report and in locations"),
  batch_size: z.number().int().min(1).max(100_000).optional().describe("Rows per batch (default 1000)"),
};

/**
 * Schema of {@link SqliteSourceOptions}.
 * @example
 * sqliteSourceOptionsSchema.safeParse({ path: "crm.db" }).success //=> false (a table or a query is needed)
 */
export const sqliteSourceOptionsSchema: z.ZodType<SqliteSourceOptions> = z
  .strictObject({ path: z.string().min(1).describe("SQLite database file, relative to the job file"), ...common })
  .refine(tableOrQuery, tableOrQueryMessage);

/**
 * Schema of {@link PostgresSourceOptions}.
 * @example
 * postgresSourceOptionsSchema.parse({ url_env: "ERP_DATABASE_URL", table: "customers", read: "copy" }).read //=> "copy"
 */
export const postgresSourceOptionsSchema: z.ZodType<PostgresSourceOptions> = z
  .strictObject({
    url_env: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "an environment variable name such as ERP_DATABASE_URL")
      .optional()
      .describe("Environment variable holding the connection URL (default: the PG* variables)"),
    schema: z.string().min(1).optional(),
    read: z.enum(["cursor", "copy"]).optional().describe("cursor (default) or copy (COPY TO STDOUT)"),
    ...common,
  })
  .refine(tableOrQuery, tableOrQueryMessage);

/**
 * Schema of a database source in a job file: `{ sqlite: {...} }` or `{ postgres: {...} }`.
 * Connection strings never appear here: they come from environment variables.
 * @example
 * dbSourceSpecSchema.parse({ sqlite: { path: "crm.db", table: "customers" } }) //=> { sqlite: { path: "crm.db", table: "customers" } }
 */
export const dbSourceSpecSchema: z.ZodType<DbSourceSpec> = z.union([
  z.strictObject({ sqlite: sqliteSourceOptionsSchema }),
  z.strictObject({ postgres: postgresSourceOptionsSchema }),
]);

/**
 * Tells whether a source or sink specification names a database (`sqlite:` or `postgres:`) rather than a file.
 * @param spec - a specification from a job file
 * @returns true when it is an object with a `sqlite` or `postgres` key
 * @example
 * isDbSpec({ postgres: { table: "orders" } }) //=> true
 * isDbSpec("data/orders.csv") //=> false
 */
export function isDbSpec(spec: unknown): spec is { sqlite: unknown } | { postgres: unknown } {
  return typeof spec === "object" && spec !== null && ("sqlite" in spec || "postgres" in spec);
}
