import { collect, type RecordBatch } from "@cleanse/core";
import pg from "pg";
import { beforeAll, describe, expect, test } from "vitest";
import { usePostgres } from "../_testing/usePostgres.ts";
import { openPostgresSource } from "./openPostgresSource.ts";

const server = usePostgres();

describe.runIf(server.available)("openPostgresSource", () => {
  let env: Record<string, string>;

  beforeAll(async () => {
    const url = await server.createDatabase();
    env = { ERP_DATABASE_URL: url };
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`
      CREATE TABLE customers (id integer PRIMARY KEY, name text, credit numeric(12,2), big bigint, ok boolean,
        updated_at timestamptz, born date, extra jsonb, note text);
      INSERT INTO customers
        SELECT i, 'name ' || i, i * 1.5, 9007199254740993 + i, i % 2 = 0,
          timestamptz '2024-01-01 00:00:00+00' + i * interval '1 hour', date '2000-01-01' + i, jsonb_build_object('i', i),
          CASE WHEN i = 1 THEN E'tab\\there\\nnew line \\\\ back' WHEN i = 2 THEN NULL WHEN i = 3 THEN '' ELSE '张三' END
        FROM generate_series(1, 2345) AS i;
      CREATE SCHEMA sales;
      CREATE TABLE sales.orders (id int, amount text);
      INSERT INTO sales.orders VALUES (1, '10.50'), (2, '3');
    `);
    await client.end();
  });

  const read = async (source: { batches(): AsyncIterable<RecordBatch> }) => (await collect(source.batches())).flatMap((b) => b.records);

  test.each(["cursor", "copy"] as const)("reads a table through %s with the same typed values", async (mode) => {
    const source = openPostgresSource({ url_env: "ERP_DATABASE_URL", table: "customers", read: mode, batch_size: 1000 }, { env });
    const sizes: number[] = [];
    const records = [];
    for await (const batch of source.batches()) {
      sizes.push(batch.records.length);
      records.push(...batch.records);
    }
    expect(records).toHaveLength(2345);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(2345);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(1000);
    expect(records[0]).toEqual({
      id: 1,
      name: "name 1",
      credit: "1.50",
      big: "9007199254740994",
      ok: false,
      updated_at: "2024-01-01 01:00:00+00",
      born: "2000-01-02",
      extra: { i: 1 },
      note: "tab\there\nnew line \\ back",
    });
    expect(records[1]!.note).toBeNull();
    expect(records[2]!.note).toBe("");
    expect(records[3]!.note).toBe("张三");
    expect(source.fingerprint()).toMatchObject({ name: "customers", format: "postgres", table: "customers", records: 2345 });
  });

  test.each(["cursor", "copy"] as const)("pushes a watermark filter down (%s)", async (mode) => {
    const base = openPostgresSource({ url_env: "ERP_DATABASE_URL", query: "select id, updated_at from customers", read: mode }, { env });
    const after = await read(base.after({ column: "updated_at", after: "2024-04-07 15:00:00+00" }));
    expect(after.map((r) => r.id)).toEqual([2344, 2345]);
    const byId = await read(base.after({ column: "id", after: 2340 }));
    expect(byId.map((r) => r.id)).toEqual([2341, 2342, 2343, 2344, 2345]);
    const text = openPostgresSource({ url_env: "ERP_DATABASE_URL", table: "customers", read: mode }, { env });
    expect(await read(text.after({ column: "note", after: "张三' OR '1'='1" }))).toEqual([]);
    expect((await read(text.after({ column: "id", after: "2344" }))).map((r) => r.id)).toEqual([2345]);
  });

  test("reads a query and a table in another schema", async () => {
    const q = openPostgresSource({ url_env: "ERP_DATABASE_URL", query: "select id, name from customers where id < 3 order by id;" }, { env });
    expect(await read(q)).toEqual([
      { id: 1, name: "name 1" },
      { id: 2, name: "name 2" },
    ]);
    expect(q.name).toBe("query");
    expect(await read(openPostgresSource({ url_env: "ERP_DATABASE_URL", table: "sales.orders" }, { env }))).toHaveLength(2);
    expect(await read(openPostgresSource({ url_env: "ERP_DATABASE_URL", schema: "sales", table: "orders", read: "copy" }, { env }))).toEqual([
      { id: 1, amount: "10.50" },
      { id: 2, amount: "3" },
    ]);
  });

  test("falls back to the PG* variables", async () => {
    const u = new URL(env.ERP_DATABASE_URL!);
    const pgEnv = { PGHOST: u.hostname, PGPORT: u.port, PGUSER: u.username, PGDATABASE: u.pathname.slice(1) };
    expect(await read(openPostgresSource({ table: "sales.orders" }, { env: pgEnv }))).toHaveLength(2);
  });

  test.each(["cursor", "copy"] as const)("releases the connection when the consumer stops early (%s)", async (mode) => {
    const source = openPostgresSource({ url_env: "ERP_DATABASE_URL", table: "customers", read: mode, batch_size: 100 }, { env });
    for await (const batch of source.batches()) {
      expect(batch.records.length).toBeGreaterThan(0);
      break;
    }
    const client = new pg.Client({ connectionString: env.ERP_DATABASE_URL });
    await client.connect();
    // Wait for the server to notice the closed connection.
    let others = 1;
    for (let i = 0; i < 50 && others > 0; i++) {
      const r = await client.query("select count(*)::int AS n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()");
      others = r.rows[0].n;
      if (others > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await client.end();
    expect(others).toBe(0);
  });

  test("names a missing environment variable and masks passwords in errors", async () => {
    expect(() => openPostgresSource({ url_env: "NOPE_URL", table: "t" }, { env: {} })).toThrow(
      expect.objectContaining({ code: "CLEANSE_DB_MISSING_ENV", message: expect.stringContaining("NOPE_URL") }),
    );
    const u = new URL(env.ERP_DATABASE_URL!);
    const bad = { URL: `postgres://nobody:hunter2secret@${u.host}/nowhere` };
    const error = await read(openPostgresSource({ url_env: "URL", table: "t" }, { env: bad })).catch((e: Error) => e);
    expect(error).toMatchObject({ code: "CLEANSE_DB_CONNECT" });
    expect((error as Error).message).toContain("postgres://nobody:***@");
    expect((error as Error).message).not.toContain("hunter2secret");
  });

  test("reports a missing table as a query error", async () => {
    const error = await read(openPostgresSource({ url_env: "ERP_DATABASE_URL", table: "missing" }, { env })).catch((e: Error) => e);
    expect(error).toMatchObject({ code: "CLEANSE_DB_QUERY", message: expect.stringMatching(/relation "missing" does not exist \(SQLSTATE 42P01\)/) });
  });
});
