import type BetterSqlite3 from "better-sqlite3";
import type { SqliteConnection, SqliteDriver, SqliteRow, SqliteStatement, SqliteValue } from "./sqliteDriver.ts";

/**
 * The driver over the better-sqlite3 package, given what `require("better-sqlite3")` returned. Opens and
 * closes an in-memory database first, so that a package whose native addon is missing or was built for
 * another Node.js fails here, not when the first file is opened.
 */
export function createBetterSqlite3Driver(module: unknown): SqliteDriver {
  const Database = ((module as { default?: unknown }).default ?? module) as typeof BetterSqlite3;
  new Database(":memory:").close();
  return {
    name: "better-sqlite3",
    open(file, options) {
      const db = new Database(file, { readonly: options.readonly === true, fileMustExist: options.readonly === true });
      try {
        db.pragma(`busy_timeout = ${options.busyTimeout}`);
      } catch (error) {
        db.close();
        throw error;
      }
      return connection(db);
    },
  };
}

function connection(db: BetterSqlite3.Database): SqliteConnection {
  return {
    get inTransaction() {
      return db.inTransaction;
    },
    exec(sql) {
      db.exec(sql);
    },
    prepare(sql) {
      return statement(db.prepare<SqliteValue[], SqliteRow>(sql));
    },
    close() {
      if (db.open) db.close();
    },
  };
}

function statement(s: BetterSqlite3.Statement<SqliteValue[], SqliteRow>): SqliteStatement {
  return {
    reader: s.reader,
    run(...params) {
      s.run(...params);
    },
    get: (...params) => s.get(...params),
    all: (...params) => s.all(...params),
    iterate: (...params) => s.iterate(...params),
  };
}
