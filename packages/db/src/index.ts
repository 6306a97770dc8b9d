export {
  isDbRecordSource,
  type DbFingerprint,
  type DbOpenContext,
  type DbRecordSource,
  type WatermarkFilter,
} from "./DbRecordSource/DbRecordSource.ts";
export { type DbRecordSink } from "./DbRecordSink/DbRecordSink.ts";
export {
  dbSourceSpecSchema,
  isDbSpec,
  postgresSourceOptionsSchema,
  sqliteSourceOptionsSchema,
  type DbSourceSpec,
  type PostgresSourceOptions,
  type SqliteSourceOptions,
} from "./dbSourceSpecSchema/dbSourceSpecSchema.ts";
export {
  dbSinkSpecSchema,
  postgresSinkOptionsSchema,
  sqliteSinkOptionsSchema,
  type DbSinkCommonOptions,
  type DbSinkSpec,
  type PostgresSinkOptions,
  type SinkMode,
  type SqliteSinkOptions,
} from "./dbSinkSpecSchema/dbSinkSpecSchema.ts";
export { openDbSource, type OpenDbSourceOptions } from "./openDbSource/openDbSource.ts";
export { openDbSink, type OpenDbSinkOptions } from "./openDbSink/openDbSink.ts";
export { createDbSession, type CreateDbSessionOptions, type DbSession, type DbSessionState } from "./createDbSession/createDbSession.ts";
export { openSqliteSource } from "./openSqliteSource/openSqliteSource.ts";
export { openSqliteSink } from "./openSqliteSink/openSqliteSink.ts";
export { SqliteDriverMissingError } from "./SqliteDriverMissingError/SqliteDriverMissingError.ts";
export { openPostgresSource } from "./openPostgresSource/openPostgresSource.ts";
export { openPostgresSink } from "./openPostgresSink/openPostgresSink.ts";
export {
  incrementalSpecSchema,
  incrementalStateSpecSchema,
  watermarkSpecSchema,
  type IncrementalSpec,
  type IncrementalStateSpec,
  type WatermarkSpec,
  type WatermarkType,
} from "./incrementalSpecSchema/incrementalSpecSchema.ts";
export {
  createIncrementalRun,
  type CreateIncrementalRunOptions,
  type IncrementalRun,
  type IncrementalRunRecord,
  type IncrementalState,
} from "./createIncrementalRun/createIncrementalRun.ts";
export { maskConnectionString } from "./maskConnectionString/maskConnectionString.ts";
