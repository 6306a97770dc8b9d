import { ConfigError } from "@cleanse/core";
import type { DbSession } from "../createDbSession/createDbSession.ts";
import type { DbOpenContext } from "../DbRecordSource/DbRecordSource.ts";
import type { DbRecordSink } from "../DbRecordSink/DbRecordSink.ts";
import type { DbSinkSpec, PostgresSinkOptions, SqliteSinkOptions } from "../dbSinkSpecSchema/dbSinkSpecSchema.ts";
import { describeSpec } from "../_internal/parseSpec.ts";
import { openPostgresSink } from "../openPostgresSink/openPostgresSink.ts";
import { openSqliteSink } from "../openSqliteSink/openSqliteSink.ts";

/** Options of {@link openDbSink}. */
export interface OpenDbSinkOptions extends DbOpenContext {
  /**
   * A session from `createDbSession()`: sinks opened through it on the same database share one connection
   * and one transaction, `close()` does not commit, and `session.commit()` commits them all. Without it
   * the sink has a transaction of its own that `close()` commits.
   */
  readonly session?: DbSession | undefined;
}

/**
 * Opens a database sink written the way a job file's `outputs` write it:
 * `{ sqlite: { path, table, mode } }` or `{ postgres: { url_env, table, mode, key } }`.
 * Nothing connects until the first record (or `close()`).
 * @param spec - the sink specification (a plain object)
 * @param options - `baseDir` for SQLite paths, `env` for connection variables, `session` to share a transaction
 * @returns a sink that commits on `close()` (in a session: on `session.commit()`) and rolls back on `abort()`
 * @throws ConfigError for a specification that is neither `sqlite` nor `postgres`, or is invalid, and
 *   `CLEANSE_DB_SAME_TABLE` for a second sink of one session on the same table of the same database
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
