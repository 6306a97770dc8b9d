import { resolve } from "node:path";
import { AbortedError, ConfigError, IoError, type DataRecord, type RecordBatch } from "@cleanse/core";
import type { DbFingerprint, DbOpenContext, DbRecordSource, WatermarkFilter } from "../DbRecordSource/DbRecordSource.ts";
import { sqliteSourceOptionsSchema, type SqliteSourceOptions } from "../dbSourceSpecSchema/dbSourceSpecSchema.ts";
import { loadSqliteDriver } from "../_internal/loadSqliteDriver.ts";
import { parseSpec } from "../_internal/parseSpec.ts";
import type { SqliteConnection, SqliteStatement } from "../_internal/sqliteDriver.ts";
import { quoteIdent, quoteTable, toSqliteValue } from "../_internal/sql.ts";

/**
 * Opens a SQLite table or query as a record source. The file is opened read-only when the batches are
 * read, and closed when they end (or the consumer stops early).
 * @param options - `{ path, table }` or `{ path, query }`, as in a job file
 * @param context - `baseDir` for relative paths
 * @returns a database record source
 * @throws ConfigError for a bad specification; reading throws IoError when the file or table is missing, and
 *   SqliteDriverMissingError when this Node.js has no node:sqlite and better-sqlite3 is not installed
 * @example
 * const source = openSqliteSource({ path: "crm.db", table: "customers" }, { baseDir: "jobs" });
 * (await collect(processRecords(source))).length //=> 409
 */
export function openSqliteSource(options: SqliteSourceOptions, context: DbOpenContext = {}): DbRecordSource {
  const spec = parseSpec(sqliteSourceOptionsSchema, options, "SQLite source");
  const file = resolve(context.baseDir ?? process.cwd(), spec.path);
  return makeSource(spec, file, undefined);
}

function makeSource(spec: SqliteSourceOptions, file: string, filter: WatermarkFilter | undefined): DbRecordSource {
  const name = spec.name ?? spec.table ?? "query";
  const batchSize = spec.batch_size ?? 1000;
  let count = 0;
  const base = spec.table !== undefined ? `SELECT * FROM ${quoteTable(spec.table)}` : spec.query!.trim().replace(/;\s*$/, "");
  const active = filter !== undefined && filter.after !== null && filter.after !== undefined;
  const sql = !active
    ? base
    : spec.table !== undefined
      ? `${base} WHERE ${quoteIdent(filter.column)} > ?`
      : `SELECT * FROM (${base}) AS _cleanse_src WHERE ${quoteIdent(filter.column)} > ?`;
  const params = active ? [toSqliteValue(filter.after)] : [];

  return {
    name,
    dialect: "sqlite",
    after: (next) => makeSource(spec, file, next),
    async *batches(signal?: AbortSignal): AsyncIterable<RecordBatch> {
      const driver = loadSqliteDriver(file);
      let db: SqliteConnection;
      try {
        db = driver.open(file, { readonly: true, busyTimeout: 5000 });
      } catch (error) {
        throw new IoError(`Cannot open the SQLite database ${file}: ${(error as Error).message}`, {
          code: "CLEANSE_DB_OPEN",
          location: { file },
          cause: error,
        });
      }
      try {
        let statement: SqliteStatement;
        try {
          statement = db.prepare(sql);
        } catch (error) {
          throw new IoError(`Cannot read ${spec.table ? `table "${spec.table}"` : "the query"} from ${file}: ${(error as Error).message}`, {
            code: "CLEANSE_DB_QUERY",
            location: { file },
            cause: error,
          });
        }
        if (!statement.reader) {
          throw new ConfigError(`The query of SQLite source "${name}" returns no rows; a source query must be a SELECT.`, { code: "CLEANSE_DB_BAD_SPEC" });
        }
        let records: DataRecord[] = [];
        for (const row of statement.iterate(...params)) {
          records.push(row);
          count++;
          if (records.length >= batchSize) {
            yield { records };
            records = [];
            if (signal?.aborted) throw new AbortedError(undefined, { cause: signal.reason });
          }
        }
        if (records.length > 0) yield { records };
      } finally {
        db.close();
      }
    },
    fingerprint(): DbFingerprint {
      return {
        name,
        format: "sqlite",
        path: file,
        database: file,
        records: count,
        ...(spec.table !== undefined ? { table: spec.table } : { query: spec.query! }),
      };
    },
  };
}
