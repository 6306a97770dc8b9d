import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { collect, processRecords, type RecordBatch } from "@cleanse/core";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openSqliteSource } from "./openSqliteSource.ts";

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "cleanse-sqlite-src-"));
  const db = new Database(join(dir, "crm.db"));
  db.exec("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT, updated_at TEXT, score REAL)");
  const insert = db.prepare("INSERT INTO customers VALUES (?, ?, ?, ?)");
  db.transaction(() => {
    for (let i = 1; i <= 2500; i++) insert.run(i, `name ${i}`, `2024-01-${String(1 + (i % 28)).padStart(2, "0")}`, i / 4);
  })();
  db.close();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function batches(source: { batches(): AsyncIterable<RecordBatch> }): Promise<RecordBatch[]> {
  return collect(source.batches());
}

describe("openSqliteSource", () => {
  test("reads a table in batches, with typed values, relative to baseDir", async () => {
    const source = openSqliteSource({ path: "crm.db", table: "customers", batch_size: 1000 }, { baseDir: dir });
    const got = await batches(source);
    expect(got.map((b) => b.records.length)).toEqual([1000, 1000, 500]);
    expect(got[0]!.records[0]).toEqual({ id: 1, name: "name 1", updated_at: "2024-01-02", score: 0.25 });
    expect(source.fingerprint()).toMatchObject({ name: "customers", format: "sqlite", table: "customers", records: 2500 });
  });

  test("reads a query and names the source after it", async () => {
    const source = openSqliteSource({ path: join(dir, "crm.db"), query: "select id, name from customers where id <= 3 order by id desc;", name: "top" });
    const records = (await batches(source)).flatMap((b) => b.records);
    expect(records).toEqual([
      { id: 3, name: "name 3" },
      { id: 2, name: "name 2" },
      { id: 1, name: "name 1" },
    ]);
    expect(source.name).toBe("top");
  });

  test("pushes a watermark filter down as a WHERE clause, for tables and queries", async () => {
    const table = openSqliteSource({ path: "crm.db", table: "customers" }, { baseDir: dir }).after({ column: "id", after: 2497 });
    expect((await batches(table)).flatMap((b) => b.records.map((r) => r.id))).toEqual([2498, 2499, 2500]);
    const query = openSqliteSource({ path: "crm.db", query: "select id, updated_at from customers" }, { baseDir: dir }).after({ column: "updated_at", after: "2024-01-27" });
    expect((await batches(query)).flatMap((b) => b.records)).toHaveLength(89);
    const everything = openSqliteSource({ path: "crm.db", table: "customers" }, { baseDir: dir }).after({ column: "id", after: null });
    expect((await batches(everything)).reduce((n, b) => n + b.records.length, 0)).toBe(2500);
  });

  test("feeds the engine, which counts every row", async () => {
    const run = processRecords(openSqliteSource({ path: "crm.db", table: "customers" }, { baseDir: dir }));
    const routed = await collect(run);
    expect(routed).toHaveLength(2500);
    expect(run.report().totals).toMatchObject({ total: 2500, clean: 2500 });
    expect(routed[41]!.location).toEqual({ file: "customers", record: 42 });
  });

  test("stops reading and closes the file when the consumer stops early", async () => {
    const source = openSqliteSource({ path: "crm.db", table: "customers", batch_size: 10 }, { baseDir: dir });
    let seen = 0;
    for await (const batch of source.batches()) {
      seen += batch.records.length;
      if (seen >= 20) break;
    }
    expect(seen).toBe(20);
    // The file is not locked: a writer can change it right away.
    const db = new Database(join(dir, "crm.db"));
    db.exec("CREATE TABLE IF NOT EXISTS touched (x)");
    db.close();
  });

  test("reports a missing file or table as an I/O error", async () => {
    await expect(batches(openSqliteSource({ path: "nope.db", table: "t" }, { baseDir: dir }))).rejects.toMatchObject({ code: "CLEANSE_DB_OPEN" });
    await expect(batches(openSqliteSource({ path: "crm.db", table: "missing" }, { baseDir: dir }))).rejects.toMatchObject({
      code: "CLEANSE_DB_QUERY",
      message: expect.stringContaining("no such table: missing"),
    });
  });

  test("rejects a specification with both or neither of table and query", () => {
    expect(() => openSqliteSource({ path: "crm.db" })).toThrow(/give either "table" or "query"/);
    expect(() => openSqliteSource({ path: "crm.db", table: "a", query: "select 1" })).toThrow(/exactly one/);
  });
});
