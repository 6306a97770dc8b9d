// The little of SQLite that sources, sinks, sessions and state stores use, so that they run the same on
// Node's built-in node:sqlite and on the better-sqlite3 package. Both adapters give the same values back:
// integers and reals as numbers (integers past 2^53 lose precision, as better-sqlite3 has always given
// them), text as strings, blobs as Buffers, NULL as null, each row a plain object.

/** A value bound to a `?` parameter. */
export type SqliteValue = string | number | bigint | Buffer | null;

/** A row: column name to value. */
export type SqliteRow = Record<string, unknown>;

/** A prepared statement. */
export interface SqliteStatement {
  /** True when the statement returns rows (SELECT, VALUES, PRAGMA table_info, ... RETURNING). */
  readonly reader: boolean;
  run(...params: SqliteValue[]): void;
  get(...params: SqliteValue[]): SqliteRow | undefined;
  all(...params: SqliteValue[]): SqliteRow[];
  /** Streams the rows; stopping early (break) resets the statement. */
  iterate(...params: SqliteValue[]): IterableIterator<SqliteRow>;
}

/** One connection to a SQLite file. */
export interface SqliteConnection {
  /** Whether a transaction is open: false once SQLite rolled one back by itself after an error. */
  readonly inTransaction: boolean;
  exec(sql: string): void;
  prepare(sql: string): SqliteStatement;
  /** Closes the connection; does nothing when it is closed already. */
  close(): void;
}

/** How a connection is opened. */
export interface SqliteOpenOptions {
  /** Opens an existing file read-only (a missing file is an error); otherwise the file is created when missing. */
  readonly readonly?: boolean;
  /** How long a statement waits for a lock another connection holds before "database is locked", in milliseconds. */
  readonly busyTimeout: number;
}

/** A SQLite implementation. */
export interface SqliteDriver {
  readonly name: "node:sqlite" | "better-sqlite3";
  /** Opens a connection; throws the driver's own error when SQLite cannot open the file. */
  open(file: string, options: SqliteOpenOptions): SqliteConnection;
}
