import { ConfigError } from "@cleanse/core";
import { describeSpec } from "../_internal/parseSpec.ts";
import type { DbOpenContext, DbRecordSource } from "../DbRecordSource/DbRecordSource.ts";
import type { DbSourceSpec, PostgresSourceOptions, SqliteSourceOptions } from "../dbSourceSpecSchema/dbSourceSpecSchema.ts";
import { openPostgresSource } from "../openPostgresSource/openPostgresSource.ts";
import { openSqliteSource } from "../openSqliteSource/openSqliteSource.ts";

/** Options of {@link openDbSource}. */
export interface OpenDbSourceOptions extends DbOpenContext {}

/**
 * Opens a database source written the way a job file writes it:
 * `{ sqlite: { path, table | query } }` or `{ postgres: { url_env, table | query, read } }`.
 * Nothing connects until the batches are read.
 * @param spec - the source specification (a plain object)
 * @param options - `baseDir` for SQLite paths, `env` for connection variables
 * @returns a record source that can also push a watermark filter down (`after()`)
 * @throws ConfigError for a specification that is neither `sqlite` nor `postgres`, or is invalid
 * @example
 * const source = openDbSource({ postgres: { url_env: "ERP_DATABASE_URL", query: "select * from orders where status = 'open'" } }, { baseDir: "." });
 * source.dialect //=> "postgres"
 */
export function openDbSource(spec: DbSourceSpec, options: OpenDbSourceOptions = {}): DbRecordSource {
  const keys = typeof spec === "object" && spec !== null ? Object.keys(spec) : [];
  if (keys.length === 1 && keys[0] === "sqlite") return openSqliteSource((spec as { sqlite: SqliteSourceOptions }).sqlite, options);
  if (keys.length === 1 && keys[0] === "postgres") return openPostgresSource((spec as { postgres: PostgresSourceOptions }).postgres, options);
  throw new ConfigError(`A database source is { sqlite: {...} } or { postgres: {...} }; received ${describeSpec(spec)}.`, { code: "CLEANSE_DB_BAD_SPEC" });
}
