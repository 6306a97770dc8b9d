import { ConfigError } from "@cleanse/core";
import type { DbOpenContext } from "../DbRecordSource/DbRecordSource.ts";
import type { DbRecordSink } from "../DbRecordSink/DbRecordSink.ts";
import type { DbSinkSpec, PostgresSinkOptions, SqliteSinkOptions } from "../dbSinkSpecSchema/dbSinkSpecSchema.ts";
import { describeSpec } from "../_internal/parseSpec.ts";
import { openPostgresSink } from "../openPostgresSink/openPostgresSink.ts";
import { openSqliteSink } from "../openSqliteSink/openSqliteSink.ts";

/** Options of {@link openDbSink}. */
export interface OpenDbSinkOptions extends DbOpenContext {}

/**
 * Opens a database sink written the way a job file's `outputs` write it:
 * `{ sqlite: { path, table, mode } }` or `{ postgres: { url_env, table, mode, key } }`.
 * Nothing connects until the first record (or `close()`).
 * @param spec - the sink specification (a plain object)
 * @param options - `baseDir` for SQLite paths, `env` for connection variables
 * @returns a sink that commits on `close()` and rolls back on `abort()`
 * @throws ConfigError for a specification that is neither `sqlite` nor `postgres`, or is invalid
 * @example
 * const clean = openDbSink({ postgres: { url_env: "PGURL", table: "clean_orders", mode: "replace" } });
 * await runPipeline({ source, steps, clean });
 */
export function openDbSink(spec: DbSinkSpec, options: OpenDbSinkOptions = {}): DbRecordSink {
  const keys = typeof spec === "object" && spec !== null ? Object.keys(spec) : [];
  if (keys.length === 1 && keys[0] === "sqlite") return openSqliteSink((spec as { sqlite: SqliteSinkOptions }).sqlite, options);
  if (keys.length === 1 && keys[0] === "postgres") return openPostgresSink((spec as { postgres: PostgresSinkOptions }).postgres, options);
  throw new ConfigError(`A database sink is { sqlite: {...} } or { postgres: {...} }; received ${describeSpec(spec)}.`, { code: "CLEANSE_DB_BAD_SPEC" });
}
