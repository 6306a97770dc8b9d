import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { IoError, isCleanseError, type DataRecord } from "@cleanse/core";
import type { DbRecordSink } from "../DbRecordSink/DbRecordSink.ts";
import { sqliteSinkOptionsSchema, type SqliteSinkOptions } from "../dbSinkSpecSchema/dbSinkSpecSchema.ts";
import type { OpenDbSinkOptions } from "../openDbSink/openDbSink.ts";
import { loadSqliteDriver } from "../_internal/loadSqliteDriver.ts";
import { parseSpec } from "../_internal/parseSpec.ts";
import { sessionInternals } from "../_internal/session.ts";
import { addedColumnType, checkKey, createTableSql, keyColumns, missingColumnsError, newFields } from "../_internal/sinkPlan.ts";
import type { SqliteConnection, SqliteStatement, SqliteValue } from "../_internal/sqliteDriver.ts";
import { quoteIdent, quoteTable, toPgText, toSqliteValue } from "../_internal/sql.ts";

function toSqliteText(value: unknown): SqliteValue {
  return typeof value === "string" || value === null || Buffer.isBuffer(value) ? value : toPgText(value);
}

/**
 * Opens a SQLite table as a record sink. Everything is written in one transaction: `close()` commits,
 * `abort()` (or a crash) rolls back. The table is created from the first record's fields when missing
 * (text columns unless `columns` declares types); `mode` appends, replaces (delete + insert in the same
 * transaction) or upserts on `key`. Opened through a `session`, the sink shares the session's connection
 * and transaction on its file: `close()` finishes the sink and `session.commit()` commits.
 * @param options - `{ path, table, mode, key, columns }`, as in a job file
 * @param context - `baseDir` for relative paths, `session` to share a transaction
 * @returns a database record sink
 * @example
 * const sink = openSqliteSink({ path: "out.db", table: "clean", mode: "replace" });
 * await runPipeline({ source, steps, clean: sink }); // committed when the run succeeds
 */
export function openSqliteSink(options: SqliteSinkOptions, context: OpenDbSinkOptions = {}): DbRecordSink {
  const spec = parseSpec(sqliteSinkOptionsSchema, options, "SQLite sink");
  const file = resolve(context.baseDir ?? process.cwd(), spec.path);
  const member = context.session === undefined ? undefined : sessionInternals(context.session).joinSqlite(file, spec.table);
  const table = quoteTable(spec.table);
  const mode = spec.mode ?? "append";
  const keys = keyColumns(spec);
  let db: SqliteConnection | undefined;
  let columns: string[] = [];
  let columnSet = new Set<string>();
  /** Text-affinity columns get numbers and booleans as text ("1", "true"), not as SQLite's REAL 1.0. */
  const textColumns = new Map<string, boolean>();
  let converters: ((value: unknown) => SqliteValue)[] = [];
  let known = new Set<string>();
  let created = false;
  let insert: SqliteStatement | undefined;
  let written = 0;
  let done = false;

  function fail(error: unknown, what: string): never {
    if (isCleanseError(error)) throw error;
    const message = (error as Error).message;
    const hint = /ON CONFLICT clause does not match/i.test(message)
      ? `create a unique index on (${keys.join(", ")}) in "${spec.table}", or let the sink create the table`
      : undefined;
    throw new IoError(`SQLite error while ${what} "${spec.table}" in ${file}: ${message}`, {
      code: "CLEANSE_DB_WRITE",
      location: { file },
      cause: error,
      ...(hint ? { hint } : {}),
    });
  }

  function existingColumns(handle: SqliteConnection): string[] | undefined {
    const rows = handle.prepare(`SELECT name, type FROM pragma_table_info(?)`).all(spec.table) as { name: string; type: string }[];
    for (const r of rows) textColumns.set(r.name, r.type === "" || /CHAR|CLOB|TEXT/i.test(r.type));
    return rows.length === 0 ? undefined : rows.map((r) => r.name);
  }

  function prepareInsert(handle: SqliteConnection): void {
    const cols = columns.map(quoteIdent).join(", ");
    const marks = columns.map(() => "?").join(", ");
    let sql = `INSERT INTO ${table} (${cols}) VALUES (${marks})`;
    if (mode === "upsert") {
      const rest = columns.filter((c) => !keys.includes(c));
      sql +=
        ` ON CONFLICT (${keys.map(quoteIdent).join(", ")}) DO ` +
        (rest.length === 0 ? "NOTHING" : `UPDATE SET ${rest.map((c) => `${quoteIdent(c)} = excluded.${quoteIdent(c)}`).join(", ")}`);
    }
    insert = handle.prepare(sql);
    converters = columns.map((c) => (textColumns.get(c) === false ? toSqliteValue : toSqliteText));
  }

  function connect(): SqliteConnection {
    if (member) return member.database.connection();
    const driver = loadSqliteDriver(file);
    mkdirSync(dirname(file), { recursive: true });
    const handle = driver.open(file, { busyTimeout: 10_000 });
    db = handle;
    handle.exec("BEGIN IMMEDIATE");
    return handle;
  }

  function begin(first: DataRecord | undefined): SqliteConnection {
    try {
      const handle = connect();
      db = handle;
      const existing = existingColumns(handle);
      const fields = first ? Object.keys(first) : [];
      if (existing === undefined) {
        if (spec.create === false) {
          throw new IoError(`Table "${spec.table}" does not exist in ${file}, and the sink is set not to create it.`, { code: "CLEANSE_DB_NO_TABLE" });
        }
        if (fields.length > 0 || spec.columns !== undefined) {
          handle.exec(createTableSql(table, fields, spec, "TEXT"));
          created = true;
          known = new Set(existingColumns(handle));
        }
      } else {
        const missing = fields.filter((f) => !existing.includes(f));
        if (missing.length > 0) throw missingColumnsError(spec.table, missing);
        known = new Set(existing);
        if (mode === "replace") handle.exec(`DELETE FROM ${table}`);
      }
      columns = fields;
      columnSet = new Set(columns);
      if (first) prepareInsert(handle);
      return handle;
    } catch (error) {
      // A session's connection belongs to the session, which rolls back when the run aborts.
      if (member) db = undefined;
      else rollback();
      return fail(error, "opening");
    }
  }

  function addColumns(handle: SqliteConnection, fields: readonly string[]): void {
    const missing = fields.filter((f) => !known.has(f));
    if (missing.length > 0 && !created) throw missingColumnsError(spec.table, missing);
    for (const f of missing) {
      handle.exec(`ALTER TABLE ${table} ADD COLUMN ${quoteIdent(f)} ${addedColumnType(spec, f, "TEXT")}`);
      known.add(f);
    }
    if (missing.length > 0) existingColumns(handle);
    columns = [...columns, ...fields];
    columnSet = new Set(columns);
    prepareInsert(handle);
  }

  function rollback(): void {
    if (!db) return;
    try {
      if (db.inTransaction) db.exec("ROLLBACK");
    } catch {
      // the connection is closed next anyway
    }
    db.close();
    db = undefined;
  }

  return {
    dialect: "sqlite",
    table: spec.table,
    get written() {
      return written;
    },
    write(record, envelope) {
      if (done) throw new IoError(`The SQLite sink for "${spec.table}" is already closed.`, { code: "CLEANSE_DB_CLOSED" });
      member?.checkOpen(`write to "${spec.table}" in ${file}`);
      const handle = db ?? begin(record);
      if (keys.length > 0 && mode === "upsert") checkKey(record, keys, envelope, spec.table);
      try {
        const extra = newFields(record, columnSet);
        if (extra.length > 0) addColumns(handle, extra);
        const values = new Array<SqliteValue>(columns.length);
        for (let i = 0; i < columns.length; i++) values[i] = converters[i]!(record[columns[i]!]);
        insert!.run(...values);
        written++;
      } catch (error) {
        fail(error, "writing to");
      }
    },
    async close() {
      if (done) return;
      if (member) {
        member.checkOpen(`close the sink for "${spec.table}" in ${file}`);
        const handle = db ?? begin(undefined);
        if (!handle.inTransaction) {
          throw new IoError(`SQLite rolled back the transaction on ${file} after an earlier error, so the rows written to "${spec.table}" are lost.`, {
            code: "CLEANSE_DB_WRITE",
            location: { file },
            hint: "roll the session back and run the job again",
          });
        }
        done = true;
        db = undefined;
        member.closed();
        return;
      }
      const handle = db ?? begin(undefined);
      try {
        handle.exec("COMMIT");
      } catch (error) {
        rollback();
        fail(error, "committing");
      }
      done = true;
      handle.close();
      db = undefined;
    },
    async abort() {
      if (member) {
        // Closed or not, the sink's rows sit in the session's transaction: aborting rolls it all back.
        done = true;
        db = undefined;
        await member.abort();
        return;
      }
      if (done) return;
      done = true;
      rollback();
    },
  };
}
