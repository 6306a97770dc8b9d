import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createNodeSqliteShim } from "../_testing/nodeSqliteShim.ts";
import { createBetterSqlite3Driver } from "./betterSqlite3Driver.ts";
import { loadSqliteDriver } from "./loadSqliteDriver.ts";
import { createNodeSqliteDriver } from "./nodeSqliteDriver.ts";
import type { SqliteConnection, SqliteDriver } from "./sqliteDriver.ts";

// Every driver must behave the same where sources, sinks, sessions and state stores rely on it. Under Node
// 20 node:sqlite itself is skipped; its adapter still runs, on stand-ins shaped like node:sqlite 22.13 and 22.16.
const native = loadSqliteDriver();
const drivers: [string, SqliteDriver | undefined][] = [
  ["better-sqlite3", createBetterSqlite3Driver(createRequire(import.meta.url)("better-sqlite3"))],
  ["node:sqlite", native.name === "node:sqlite" ? native : undefined],
  ["the node:sqlite adapter on a stand-in for Node.js 22.13", createNodeSqliteDriver(createNodeSqliteShim())],
  ["the node:sqlite adapter on a stand-in for Node.js 22.16", createNodeSqliteDriver(createNodeSqliteShim({ modern: true }))],
];

let dir: string;
let n = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "cleanse-sqlite-driver-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

for (const [name, driver] of drivers) {
  describe.skipIf(driver === undefined)(`the SQLite driver: ${name}`, () => {
    const open: SqliteConnection[] = [];
    function connect(file: string, readonly = false, busyTimeout = 1000): SqliteConnection {
      const db = driver!.open(file, { readonly, busyTimeout });
      open.push(db);
      return db;
    }
    const newFile = (): string => join(dir, `${++n}.db`);
    afterAll(() => {
      for (const db of open) db.close();
    });

    test("reads integers, reals, text, blobs and NULL back as numbers, strings, Buffers and null, in plain objects", () => {
      const db = connect(newFile());
      db.exec("CREATE TABLE t (i INTEGER, big INTEGER, r REAL, s TEXT, b BLOB, n)");
      db.prepare("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)").run(42, 9007199254740993n, 2.5, "x", Buffer.from([1, 2, 3]), null);
      const expected = { i: 42, big: 9007199254740992, r: 2.5, s: "x", b: Buffer.from([1, 2, 3]), n: null };
      const select = db.prepare("SELECT * FROM t");
      const rows = [select.get(), ...select.all(), ...select.iterate()];
      expect(rows).toEqual([expected, expected, expected]);
      for (const row of rows) {
        expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
        expect(Buffer.isBuffer(row!.b)).toBe(true);
      }
    });

    test("binds numbers as reals and bigints as integers, as better-sqlite3 does", () => {
      const db = connect(newFile());
      const typeOf = db.prepare("SELECT typeof(?) AS t, ? AS v");
      expect(typeOf.get(5, 5)).toEqual({ t: "real", v: 5 });
      expect(typeOf.get(5n, 5n)).toEqual({ t: "integer", v: 5 });
      expect(typeOf.get("5", "5")).toEqual({ t: "text", v: "5" });
      expect(typeOf.get(null, null)).toEqual({ t: "null", v: null });
      expect(typeOf.get(Buffer.from("a"), Buffer.from("a"))).toEqual({ t: "blob", v: Buffer.from("a") });
    });

    test("tells statements that return rows from those that do not", () => {
      const db = connect(newFile());
      db.exec("CREATE TABLE t (a TEXT)");
      expect(db.prepare("SELECT a FROM t WHERE a > ?").reader).toBe(true);
      expect(db.prepare("SELECT name, type FROM pragma_table_info(?)").reader).toBe(true);
      expect(db.prepare("INSERT INTO t VALUES (?) RETURNING a").reader).toBe(true);
      expect(db.prepare("INSERT INTO t VALUES (?)").reader).toBe(false);
      expect(db.prepare("CREATE TABLE u (b)").reader).toBe(false);
      expect(() => db.prepare("SELECT * FROM missing")).toThrow(/no such table: missing/);
    });

    test("streams rows, and a connection whose reading stopped early writes and closes", () => {
      const db = connect(newFile());
      db.exec("CREATE TABLE t (i INTEGER)");
      const insert = db.prepare("INSERT INTO t VALUES (?)");
      db.exec("BEGIN");
      for (let i = 0; i < 100; i++) insert.run(i);
      db.exec("COMMIT");
      const seen: unknown[] = [];
      for (const row of db.prepare("SELECT i FROM t ORDER BY i").iterate()) {
        seen.push(row.i);
        if (seen.length === 10) break;
      }
      expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      insert.run(100);
      expect(db.prepare("SELECT count(*) AS n FROM t").get()).toEqual({ n: 101 });
      db.close();
      db.close();
    });

    test("opens read-only: a missing file is an error, and writes are refused", () => {
      const missing = newFile();
      expect(() => connect(missing, true)).toThrow(/unable to open database file/);
      const file = newFile();
      connect(file).exec("CREATE TABLE t (a)");
      const reader = connect(file, true);
      expect(() => reader.exec("INSERT INTO t VALUES (1)")).toThrow(/readonly database/);
    });

    test("knows whether a transaction is open", () => {
      const db = connect(newFile());
      expect(db.inTransaction).toBe(false);
      db.exec("BEGIN IMMEDIATE");
      expect(db.inTransaction).toBe(true);
      expect(db.inTransaction).toBe(true);
      db.exec("CREATE TABLE t (a)");
      db.exec("COMMIT");
      expect(db.inTransaction).toBe(false);
      db.exec("BEGIN");
      db.exec("ROLLBACK");
      expect(db.inTransaction).toBe(false);
      expect(db.prepare("SELECT count(*) AS n FROM t").get()).toEqual({ n: 0 });
    });

    test("waits the busy timeout for a lock another connection holds, then says the database is locked", () => {
      const file = newFile();
      connect(file).exec("BEGIN IMMEDIATE");
      const other = connect(file, false, 200);
      const start = performance.now();
      expect(() => other.exec("BEGIN IMMEDIATE")).toThrow(/database is locked/);
      expect(performance.now() - start).toBeGreaterThanOrEqual(150);
    });

    test("reads a WAL database while another connection holds a write transaction", () => {
      const file = newFile();
      const writer = connect(file);
      writer.exec("PRAGMA journal_mode = WAL; CREATE TABLE t (a); INSERT INTO t VALUES (1)");
      writer.exec("BEGIN IMMEDIATE");
      writer.prepare("INSERT INTO t VALUES (?)").run(2);
      const reader = connect(file, true, 0);
      expect(reader.prepare("SELECT count(*) AS n FROM t").get()).toEqual({ n: 1 });
      writer.exec("COMMIT");
      expect(reader.prepare("SELECT count(*) AS n FROM t").get()).toEqual({ n: 2 });
    });
  });
}
