import type { SqliteConnection, SqliteDriver, SqliteRow, SqliteStatement, SqliteValue } from "./sqliteDriver.ts";

// The part of node:sqlite (https://nodejs.org/api/sqlite.html) used here. `iterate` arrived with 22.13 (and
// 23.4), when the module also lost its --experimental-sqlite flag; `isTransaction` and `columns` only with
// 22.16 (and 24.0), so older versions get the fallbacks below.
interface NodeStatement {
  setReadBigInts(enabled: boolean): void;
  run(...params: SqliteValue[]): unknown;
  get(...params: SqliteValue[]): SqliteRow | undefined;
  all(...params: SqliteValue[]): SqliteRow[];
  iterate?(...params: SqliteValue[]): IterableIterator<SqliteRow>;
  columns?(): readonly unknown[];
}

interface NodeDatabase {
  readonly isTransaction?: boolean;
  exec(sql: string): void;
  prepare(sql: string): NodeStatement;
  close(): void;
}

type DatabaseSyncConstructor = new (path: string, options?: { readonly readOnly?: boolean }) => NodeDatabase;

/**
 * The driver over Node's built-in node:sqlite, given the module (from `process.getBuiltinModule`), or
 * undefined when there is none or it is too old to stream rows (Node.js before 22.13).
 */
export function createNodeSqliteDriver(module: unknown): SqliteDriver | undefined {
  const DatabaseSync = (module as { DatabaseSync?: unknown } | undefined)?.DatabaseSync;
  if (typeof DatabaseSync !== "function") return undefined;
  const Database = DatabaseSync as DatabaseSyncConstructor;
  try {
    const probe = new Database(":memory:");
    try {
      if (typeof probe.prepare("SELECT 1").iterate !== "function") return undefined;
    } finally {
      probe.close();
    }
  } catch {
    return undefined;
  }
  return {
    name: "node:sqlite",
    open(file, options) {
      const db = new Database(file, { readOnly: options.readonly === true });
      try {
        // Not the `timeout` option: it only came with 22.16.
        db.exec(`PRAGMA busy_timeout = ${options.busyTimeout}`);
      } catch (error) {
        db.close();
        throw error;
      }
      return connection(db);
    },
  };
}

function connection(db: NodeDatabase): SqliteConnection {
  let open = true;
  return {
    get inTransaction() {
      if (typeof db.isTransaction === "boolean") return db.isTransaction;
      // Before 22.16: BEGIN fails ("cannot start a transaction within a transaction") exactly when one is open.
      try {
        db.exec("BEGIN");
      } catch {
        return true;
      }
      db.exec("ROLLBACK");
      return false;
    },
    exec(sql) {
      db.exec(sql);
    },
    prepare(sql) {
      return statement(db, db.prepare(sql), sql);
    },
    close() {
      if (!open) return;
      open = false;
      db.close();
    },
  };
}

function statement(db: NodeDatabase, s: NodeStatement, sql: string): SqliteStatement {
  // node:sqlite throws on an integer past 2^53 unless it reads BigInts; toRow gives numbers as better-sqlite3 does.
  s.setReadBigInts(true);
  let reader: boolean | undefined;
  return {
    get reader() {
      reader ??= typeof s.columns === "function" ? s.columns().length > 0 : returnsRows(db, sql);
      return reader;
    },
    run(...params) {
      s.run(...params);
    },
    get(...params) {
      const row = s.get(...params);
      return row === undefined ? undefined : toRow(row);
    },
    all: (...params) => s.all(...params).map(toRow),
    *iterate(...params) {
      for (const row of s.iterate!(...params)) yield toRow(row);
    },
  };
}

/** Whether a statement returns rows, from its bytecode: only those have a ResultRow instruction. */
function returnsRows(db: NodeDatabase, sql: string): boolean {
  try {
    return db
      .prepare(`EXPLAIN ${sql}`)
      .all()
      .some((op) => op.opcode === "ResultRow");
  } catch {
    return true;
  }
}

/**
 * A node:sqlite row as better-sqlite3 gives it: a plain object (node:sqlite's have no prototype), integers
 * as numbers, blobs as Buffers (not bare Uint8Arrays). Only own keys are assigned, so a column named
 * `__proto__` stays an ordinary property.
 */
function toRow(row: SqliteRow): SqliteRow {
  for (const key of Object.keys(row)) {
    const value = row[key];
    if (typeof value === "bigint") row[key] = Number(value);
    else if (value instanceof Uint8Array && !Buffer.isBuffer(value)) row[key] = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  }
  if (Object.getPrototypeOf(row) === null) Object.setPrototypeOf(row, Object.prototype);
  return row;
}
