import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkRecords, runPipeline, type DataRecord, type RecordEnvelope } from "@cleanse/core";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openSqliteSink } from "./openSqliteSink.ts";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "cleanse-sqlite-sink-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const envelope = (seq: number): RecordEnvelope => ({
  record: {},
  seq,
  location: { file: "input", record: seq + 1 },
  issues: [],
  changed: undefined,
  mergedInto: undefined,
  status: undefined,
});

async function writeAll(sink: ReturnType<typeof openSqliteSink>, records: readonly DataRecord[]): Promise<void> {
  for (const [i, r] of records.entries()) await sink.write(r, envelope(i));
  await sink.close();
}

function rows(file: string, sql: string): unknown[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

describe("openSqliteSink", () => {
  test("creates the table from the first record, with text columns unless declared", async () => {
    const sink = openSqliteSink({ path: "a.db", table: "customers", columns: { credit: "REAL" } }, { baseDir: dir });
    await writeAll(sink, [
      { id: "C1", name: "Wu", credit: 117000, vip: true, tags: ["a"], n: 5 },
      { id: "C2", name: null, credit: "98.5", vip: false, n: 2.5 },
    ]);
    expect(sink.written).toBe(2);
    expect(rows(join(dir, "a.db"), "SELECT name, type FROM pragma_table_info('customers')")).toEqual([
      { name: "id", type: "TEXT" },
      { name: "name", type: "TEXT" },
      { name: "credit", type: "REAL" },
      { name: "vip", type: "TEXT" },
      { name: "tags", type: "TEXT" },
      { name: "n", type: "TEXT" },
    ]);
    expect(rows(join(dir, "a.db"), "SELECT * FROM customers")).toEqual([
      { id: "C1", name: "Wu", credit: 117000, vip: "true", tags: '["a"]', n: "5" },
      { id: "C2", name: null, credit: 98.5, vip: "false", tags: null, n: "2.5" },
    ]);
  });

  test("adds a column when a later record brings a new field to a table it created", async () => {
    const sink = openSqliteSink({ path: "b.db", table: "t" }, { baseDir: dir });
    await writeAll(sink, [{ a: "1" }, { a: "2", b: "x" }]);
    expect(rows(join(dir, "b.db"), "SELECT * FROM t")).toEqual([
      { a: "1", b: null },
      { a: "2", b: "x" },
    ]);
  });

  test.each([
    ["append", ["old", "n1", "n2"]],
    ["replace", ["n1", "n2"]],
  ] as const)("mode %s", async (mode, expected) => {
    const file = join(dir, `mode-${mode}.db`);
    await writeAll(openSqliteSink({ path: file, table: "t" }), [{ v: "old" }]);
    await writeAll(openSqliteSink({ path: file, table: "t", mode }), [{ v: "n1" }, { v: "n2" }]);
    expect(rows(file, "SELECT v FROM t ORDER BY rowid").map((r) => (r as { v: string }).v)).toEqual(expected);
  });

  test("upserts on a key, the last record per key winning", async () => {
    const file = join(dir, "upsert.db");
    await writeAll(openSqliteSink({ path: file, table: "t", mode: "upsert", key: "id" }), [
      { id: "1", v: "a" },
      { id: "2", v: "b" },
    ]);
    await writeAll(openSqliteSink({ path: file, table: "t", mode: "upsert", key: ["id"] }), [
      { id: "2", v: "B" },
      { id: "3", v: "c" },
      { id: "3", v: "C" },
    ]);
    expect(rows(file, "SELECT id, v FROM t ORDER BY id")).toEqual([
      { id: "1", v: "a" },
      { id: "2", v: "B" },
      { id: "3", v: "C" },
    ]);
  });

  test("leaves the table as it was when the run fails (replace is rolled back too)", async () => {
    const file = join(dir, "rollback.db");
    await writeAll(openSqliteSink({ path: file, table: "t" }), [{ id: "1", v: "keep" }]);
    const sink = openSqliteSink({ path: file, table: "t", mode: "replace" });
    let n = 0;
    const boom = checkRecords("boom", () => {
      if (++n === 3) throw new Error("step failed");
      return [];
    });
    await expect(runPipeline({ source: [{ id: "2", v: "x" }, { id: "3", v: "y" }, { id: "4", v: "z" }], steps: [boom], clean: sink })).rejects.toThrow(
      "step failed",
    );
    expect(rows(file, "SELECT * FROM t")).toEqual([{ id: "1", v: "keep" }]);
  });

  test("refuses records whose fields an existing table lacks, saying what to do", async () => {
    const file = join(dir, "existing.db");
    const db = new Database(file);
    db.exec("CREATE TABLE t (a TEXT)");
    db.close();
    const sink = openSqliteSink({ path: file, table: "t" });
    expect(() => sink.write({ a: "1", b: "2" }, envelope(0))).toThrow(expect.objectContaining({ code: "CLEANSE_DB_MISSING_COLUMN", hint: expect.stringMatching(/drop/) }));
  });

  test("refuses an upsert record without a key, pointing at the record", async () => {
    const sink = openSqliteSink({ path: join(dir, "nokey.db"), table: "t", mode: "upsert", key: "id" });
    expect(() => sink.write({ id: "", v: 1 }, envelope(6))).toThrow(expect.objectContaining({ code: "CLEANSE_DB_EMPTY_KEY", location: { file: "input", record: 7 } }));
    await sink.abort?.();
  });

  test("explains an upsert into an existing table without a unique key", async () => {
    const file = join(dir, "nounique.db");
    const db = new Database(file);
    db.exec("CREATE TABLE t (id TEXT, v TEXT)");
    db.close();
    const sink = openSqliteSink({ path: file, table: "t", mode: "upsert", key: "id" });
    let caught: unknown;
    try {
      await sink.write({ id: "1", v: "a" }, envelope(0));
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: "CLEANSE_DB_WRITE", hint: expect.stringContaining("unique index on (id)") });
    await sink.abort?.();
  });

  test("creates an empty table from declared columns when no record arrives, and empties it on replace", async () => {
    const file = join(dir, "empty.db");
    await writeAll(openSqliteSink({ path: file, table: "t", columns: { id: "INTEGER" } }), []);
    expect(rows(file, "SELECT name FROM pragma_table_info('t')")).toEqual([{ name: "id" }]);
    await writeAll(openSqliteSink({ path: file, table: "t" }), [{ id: 1 }]);
    await writeAll(openSqliteSink({ path: file, table: "t", mode: "replace" }), []);
    expect(rows(file, "SELECT count(*) AS n FROM t")).toEqual([{ n: 0 }]);
  });

  test("rejects column types that are not plain type names", () => {
    const sink = openSqliteSink({ path: join(dir, "inj.db"), table: "t", columns: { a: "TEXT); DROP TABLE x; --" } });
    expect(() => sink.write({ a: "1" }, envelope(0))).toThrow(/plain SQL type name/);
  });
});
