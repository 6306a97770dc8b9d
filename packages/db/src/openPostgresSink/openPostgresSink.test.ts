import { checkRecords, runPipeline, type DataRecord, type RecordEnvelope } from "@cleanse/core";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { usePostgres } from "../_testing/usePostgres.ts";
import { openPostgresSink } from "./openPostgresSink.ts";

const server = usePostgres();

const envelope = (seq: number): RecordEnvelope => ({
  record: {},
  seq,
  location: { file: "input", record: seq + 1 },
  issues: [],
  changed: undefined,
  mergedInto: undefined,
  status: undefined,
});

describe.runIf(server.available)("openPostgresSink", () => {
  let env: Record<string, string>;
  let client: pg.Client;

  beforeAll(async () => {
    env = { PGURL: await server.createDatabase() };
    client = new pg.Client({ connectionString: env.PGURL });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
  });

  const rows = async (sql: string): Promise<DataRecord[]> => (await client.query(sql)).rows;
  const writeAll = async (sink: ReturnType<typeof openPostgresSink>, records: readonly DataRecord[]): Promise<void> => {
    for (const [i, r] of records.entries()) await sink.write(r, envelope(i));
    await sink.close();
  };

  test.each(["copy", "insert"] as const)("creates the table from the first record and writes every value (%s)", async (method) => {
    const table = `created_${method}`;
    const sink = openPostgresSink({ url_env: "PGURL", table, method, columns: { credit: "numeric(12,2)", n: "integer" } }, { env });
    await writeAll(sink, [
      { id: "C1", name: "tab\there\nnew \\ line", credit: 117000, n: 1, ok: true, tags: ["a"] },
      { id: "C2", name: null, credit: "98.5", n: null, ok: false, tags: null },
      { id: "C3", name: "张三", credit: undefined, n: 3 },
    ]);
    expect(sink.written).toBe(3);
    const types = await rows(`select column_name, data_type from information_schema.columns where table_name = '${table}' order by ordinal_position`);
    expect(types).toEqual([
      { column_name: "id", data_type: "text" },
      { column_name: "name", data_type: "text" },
      { column_name: "credit", data_type: "numeric" },
      { column_name: "n", data_type: "integer" },
      { column_name: "ok", data_type: "text" },
      { column_name: "tags", data_type: "text" },
    ]);
    expect(await rows(`select * from ${table} order by id`)).toEqual([
      { id: "C1", name: "tab\there\nnew \\ line", credit: "117000.00", n: 1, ok: "true", tags: '["a"]' },
      { id: "C2", name: null, credit: "98.50", n: null, ok: "false", tags: null },
      { id: "C3", name: "张三", credit: null, n: 3, ok: null, tags: null },
    ]);
  });

  test.each(["copy", "insert"] as const)("writes many rows in one transaction (%s)", async (method) => {
    const table = `many_${method}`;
    const records = Array.from({ length: 5000 }, (_, i) => ({ id: i, text: `row ${i} ${"x".repeat(i % 50)}` }));
    await writeAll(openPostgresSink({ url_env: "PGURL", table, method, batch_size: 700 }, { env }), records);
    expect(await rows(`select count(*)::int as n, count(distinct id)::int as d from ${table}`)).toEqual([{ n: 5000, d: 5000 }]);
  });

  test.each([
    ["append", "copy", ["old", "n1", "n2"]],
    ["replace", "copy", ["n1", "n2"]],
    ["append", "insert", ["old", "n1", "n2"]],
    ["replace", "insert", ["n1", "n2"]],
  ] as const)("mode %s (%s)", async (mode, method, expected) => {
    const table = `mode_${mode}_${method}`;
    await writeAll(openPostgresSink({ url_env: "PGURL", table }, { env }), [{ v: "old" }]);
    await writeAll(openPostgresSink({ url_env: "PGURL", table, mode, method }, { env }), [{ v: "n1" }, { v: "n2" }]);
    expect((await rows(`select v from ${table} order by v = 'old' desc, v`)).map((r) => r.v)).toEqual(expected);
  });

  test.each(["copy", "insert"] as const)("upserts on a key, the last record per key winning (%s)", async (method) => {
    const table = `upsert_${method}`;
    await writeAll(openPostgresSink({ url_env: "PGURL", table, mode: "upsert", key: "id", method }, { env }), [
      { id: "1", v: "a" },
      { id: "2", v: "b" },
    ]);
    await writeAll(openPostgresSink({ url_env: "PGURL", table, mode: "upsert", key: ["id"], method }, { env }), [
      { id: "2", v: "B" },
      { id: "3", v: "c" },
      { id: "3", v: "C" },
    ]);
    expect(await rows(`select id, v from ${table} order by id`)).toEqual([
      { id: "1", v: "a" },
      { id: "2", v: "B" },
      { id: "3", v: "C" },
    ]);
  });

  test.each(["copy", "insert"] as const)("adds a column when a later record brings a new field (%s)", async (method) => {
    const table = `widen_${method}`;
    await writeAll(openPostgresSink({ url_env: "PGURL", table, method, mode: "upsert", key: "a" }, { env }), [{ a: "1" }, { a: "2", b: "x" }, { a: "3" }]);
    expect(await rows(`select * from ${table} order by a`)).toEqual([
      { a: "1", b: null },
      { a: "2", b: "x" },
      { a: "3", b: null },
    ]);
  });

  test.each(["copy", "insert"] as const)("leaves the table as it was when the run fails (%s)", async (method) => {
    const table = `rollback_${method}`;
    await writeAll(openPostgresSink({ url_env: "PGURL", table }, { env }), [{ id: "1", v: "keep" }]);
    let n = 0;
    const boom = checkRecords("boom", () => {
      if (++n === 1500) throw new Error("step failed");
      return [];
    });
    const source = Array.from({ length: 2000 }, (_, i) => ({ id: String(i + 10), v: "new" }));
    const sink = openPostgresSink({ url_env: "PGURL", table, mode: "replace", method }, { env });
    await expect(runPipeline({ source, steps: [boom], clean: sink })).rejects.toThrow("step failed");
    expect(await rows(`select * from ${table}`)).toEqual([{ id: "1", v: "keep" }]);
  });

  test("reports a value the column type refuses, and rolls back", async () => {
    await client.query("create table typed (id integer, amount numeric)");
    await client.query("insert into typed values (1, 1)");
    const sink = openPostgresSink({ url_env: "PGURL", table: "typed", mode: "replace" }, { env });
    await sink.write({ id: 2, amount: "12,5" }, envelope(0));
    const error = await sink.close().catch((e: Error) => e);
    expect(error).toMatchObject({ code: "CLEANSE_DB_QUERY", message: expect.stringContaining('invalid input syntax for type numeric: "12,5"') });
    await sink.abort?.();
    expect(await rows("select * from typed")).toEqual([{ id: 1, amount: "1" }]);
  });

  test("refuses fields an existing table lacks", async () => {
    await client.query("create table narrow (a text)");
    const sink = openPostgresSink({ url_env: "PGURL", table: "narrow" }, { env });
    await expect(sink.write({ a: "1", b: "2" }, envelope(0))).rejects.toMatchObject({ code: "CLEANSE_DB_MISSING_COLUMN" });
    await sink.abort?.();
  });

  test("creates a table in a schema", async () => {
    await writeAll(openPostgresSink({ url_env: "PGURL", schema: "staging", table: "t" }, { env }), [{ a: "1" }]);
    await writeAll(openPostgresSink({ url_env: "PGURL", table: "staging.t" }, { env }), [{ a: "2" }]);
    expect(await rows("select a from staging.t order by a")).toEqual([{ a: "1" }, { a: "2" }]);
  });

  test("never puts a password in an error", async () => {
    const u = new URL(env.PGURL!);
    const sink = openPostgresSink({ url_env: "BAD", table: "t" }, { env: { BAD: `postgres://postgres:s3cr3t-pw@${u.host}/no_such_db` } });
    const error = await Promise.resolve(sink.write({ a: 1 }, envelope(0))).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/postgres:\/\/postgres:\*\*\*@.*no_such_db/);
    expect((error as Error).message).not.toContain("s3cr3t-pw");
  });
});
