import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { collect, runPipeline, createMemorySink, type DataRecord, type RecordSource } from "@cleanse/core";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { usePostgres } from "../_testing/usePostgres.ts";
import { compareWatermarks } from "../_internal/watermark.ts";
import { openSqliteSource } from "../openSqliteSource/openSqliteSource.ts";
import { createIncrementalRun } from "./createIncrementalRun.ts";

const server = usePostgres();
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "cleanse-incremental-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const records = async (source: RecordSource): Promise<DataRecord[]> => (await collect(source.batches())).flatMap((b) => b.records);
const rows = (n: number, from = 1): DataRecord[] => Array.from({ length: n }, (_, i) => ({ id: from + i, updated_at: `2024-05-${String(from + i).padStart(2, "0")}T00:00:00Z` }));

describe("createIncrementalRun", () => {
  test("reads everything first, then only records past the committed watermark", async () => {
    const state = join(dir, "plain.json");
    const first = await createIncrementalRun(state, "updated_at", { job: "crm" });
    expect(first).toMatchObject({ since: null, attempt: 1, recovered: false });
    expect(await records(first.source(rows(5)))).toHaveLength(5);
    await first.commit({ clean: 5 });

    const second = await createIncrementalRun(state, { column: "updated_at" }, { job: "crm" });
    expect(second.since).toBe("2024-05-05T00:00:00Z");
    expect((await records(second.source(rows(8)))).map((r) => r.id)).toEqual([6, 7, 8]);
    const saved = await second.commit({ clean: 3 });
    expect(saved).toMatchObject({ watermark: "2024-05-08T00:00:00Z", current: null, totals: { runs: 2, records: 8, counts: { clean: 8 } } });
    expect(saved.runs.map((r) => [r.since, r.until, r.records])).toEqual([
      [null, "2024-05-05T00:00:00Z", 5],
      ["2024-05-05T00:00:00Z", "2024-05-08T00:00:00Z", 3],
    ]);
    expect(JSON.parse(readFileSync(state, "utf8"))).toEqual(saved);
  });

  test("keeps the watermark when a run reads nothing new", async () => {
    const state = join(dir, "nothing.json");
    await (await createIncrementalRun(state, "id")).commit();
    const run = await createIncrementalRun(state, "id");
    await records(run.source([]));
    expect((await run.commit()).watermark).toBeNull();
    const next = await createIncrementalRun(state, "id");
    await records(next.source([{ id: 3 }, { id: 10 }, { id: 9 }]));
    expect((await next.commit()).watermark).toBe(10);
  });

  test("retries a crashed run under the same id, from the same watermark, counting it once", async () => {
    const state = join(dir, "crash.json");
    const ok = await createIncrementalRun(state, "id", { job: "orders" });
    await records(ok.source(rows(3)));
    await ok.commit({ total: 3 });

    const crashed = await createIncrementalRun(state, "id", { job: "orders" });
    await records(crashed.source(rows(6)));
    // no commit: the process died here
    const retry = await createIncrementalRun(state, "id", { job: "orders" });
    expect(retry).toMatchObject({ runId: crashed.runId, attempt: 2, recovered: true, since: 3 });
    expect((await records(retry.source(rows(6)))).map((r) => r.id)).toEqual([4, 5, 6]);
    const saved = await retry.commit({ total: 3 });
    expect(saved.totals).toEqual({ runs: 2, records: 6, counts: { total: 6 } });
    expect(saved.runs[1]).toMatchObject({ runId: crashed.runId, attempts: 2 });
  });

  test("records a failure and retries it under the same id", async () => {
    const state = join(dir, "fail.json");
    const run = await createIncrementalRun(state, "id");
    await run.fail(new Error("sink refused"));
    expect(JSON.parse(readFileSync(state, "utf8")).current).toMatchObject({ status: "failed", error: "sink refused", runId: run.runId });
    const retry = await createIncrementalRun(state, "id");
    expect(retry).toMatchObject({ runId: run.runId, attempt: 2 });
  });

  test("pushes the filter into SQL for database sources", async () => {
    const file = join(dir, "src.db");
    const db = new Database(file);
    db.exec("CREATE TABLE t (id INTEGER, v TEXT)");
    const insert = db.prepare("INSERT INTO t VALUES (?, ?)");
    for (let i = 1; i <= 10; i++) insert.run(i, `v${i}`);
    db.close();
    const state = { sqlite: { path: "src.db" } };
    const first = await createIncrementalRun(state, "id", { baseDir: dir, job: "t" });
    const src = first.source(openSqliteSource({ path: "src.db", table: "t" }, { baseDir: dir }));
    const report = await runPipeline({ source: src, clean: createMemorySink() });
    expect(report.totals.total).toBe(10);
    expect(src.fingerprint?.()).toMatchObject({ records: 10, table: "t" });
    await first.commit(report.totals as unknown as Record<string, number>);

    const again = new Database(file);
    again.prepare("INSERT INTO t VALUES (?, ?)").run(11, "v11");
    const stored = again.prepare("SELECT job, state FROM cleanse_state").get() as { job: string; state: string };
    again.close();
    expect(stored.job).toBe("t");
    expect(JSON.parse(stored.state).watermark).toBe(10);

    const second = await createIncrementalRun(state, "id", { baseDir: dir, job: "t" });
    expect(await records(second.source(openSqliteSource({ path: "src.db", table: "t" }, { baseDir: dir })))).toEqual([{ id: 11, v: "v11" }]);
  });

  test("refuses a state kept for another column or job", async () => {
    const state = join(dir, "mismatch.json");
    await (await createIncrementalRun(state, "id", { job: "a" })).commit();
    await expect(createIncrementalRun(state, "updated_at", { job: "a" })).rejects.toMatchObject({ code: "CLEANSE_STATE_MISMATCH", message: expect.stringContaining('"id"') });
    await expect(createIncrementalRun(state, "id", { job: "b" })).rejects.toMatchObject({ code: "CLEANSE_STATE_MISMATCH" });
  });

  test("says what to do with a corrupt state file", async () => {
    const state = join(dir, "corrupt.json");
    writeFileSync(state, "{ not json");
    await expect(createIncrementalRun(state, "id")).rejects.toMatchObject({ code: "CLEANSE_STATE_CORRUPT", hint: expect.stringContaining("delete it") });
  });

  test("keeps line numbers and read issues of the records it lets through", async () => {
    const state = join(dir, "lines2.json");
    const seed = await createIncrementalRun(state, "id");
    await records(seed.source([{ id: 2 }]));
    await seed.commit();
    const filtered = (await createIncrementalRun(state, "id")).source({
      name: "file.csv",
      async *batches() {
        const issue = { code: "ragged_row", rule: "read", severity: "error", dimension: "validity", message: "ragged" } as const;
        yield { records: [{ id: 1 }, { id: 3 }, { id: 4 }], lines: [2, 3, 4], issues: new Map([[2, [issue]]]) };
      },
    });
    const [batch] = await collect(filtered.batches());
    expect(batch).toMatchObject({ records: [{ id: 3 }, { id: 4 }], lines: [3, 4] });
    expect([...batch!.issues!.keys()]).toEqual([1]);
  });

  describe.runIf(server.available)("with PostgreSQL timestamps, in a process whose time zone is not UTC", () => {
    // Each zone runs in its own process (TZ is read when it starts); every one must see the same values.
    const child = join(import.meta.dirname, "..", "_testing", "timestampsChild.ts");
    const register = join(import.meta.dirname, "..", "..", "..", "..", "test", "db-ts-register.mjs");
    let url: string;

    beforeAll(async () => {
      url = await server.createDatabase();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`
        CREATE TABLE events (id int, at timestamp without time zone, at_tz timestamptz, on_day date, ats timestamp[]);
        INSERT INTO events VALUES
          (1, '2024-03-10 01:30:00', '2024-03-10 01:30:00+00', '2024-03-10', '{"2024-03-10 01:30:00"}'),
          (2, '2024-03-10 03:15:00', '2024-05-01 10:00:00+08', '2024-03-11', '{"2024-03-10 03:15:00.25"}'),
          (3, '2024-03-10 02:30:00', '2024-11-03 01:30:00-04', '2024-03-12', NULL);
      `);
      await client.end();
    });

    test.each(["Asia/Shanghai", "America/New_York"])("reads and compares them as written, in %s", (zone) => {
      const tag = zone.replace(/\W/g, "_").toLowerCase();
      const out = spawnSync(process.execPath, ["--conditions=@cleanse/source", "--import", register, child], {
        env: { ...process.env, TZ: zone, TS_PG_URL: url, TS_DIR: dir, TS_TAG: tag },
        encoding: "utf8",
      });
      expect(out.stderr).not.toMatch(/Error/);
      const seen = JSON.parse(out.stdout);
      const events = [
        { id: 1, at: "2024-03-10 01:30:00", at_tz: "2024-03-10 01:30:00+00", on_day: "2024-03-10", ats: '{"2024-03-10 01:30:00"}' },
        { id: 2, at: "2024-03-10 03:15:00", at_tz: "2024-05-01 02:00:00+00", on_day: "2024-03-11", ats: '{"2024-03-10 03:15:00.25"}' },
        { id: 3, at: "2024-03-10 02:30:00", at_tz: "2024-11-03 05:30:00+00", on_day: "2024-03-12", ats: null },
      ];
      expect(seen).toEqual({
        cursor: events,
        copy: events,
        // the sink created the table with text columns except the two it was told about
        copied: events.map(({ id, at, at_tz }) => ({ id: String(id), at, at_tz })),
        firstRead: [1, 2, 3],
        // 02:30 on 10 March does not exist in New York (clocks jump from 02:00 to 03:00): as a wall-clock time it
        // still comes before 03:15, so the watermark is 03:15 and the second run reads nothing again
        committed: "2024-03-10 03:15:00",
        secondRead: [],
        compared: [1, 1, -1, -1],
      });
    });
  });

  describe.runIf(server.available)("with the state in PostgreSQL", () => {
    test("stores one row per job", async () => {
      const env = { STATE_URL: await server.createDatabase() };
      const a = await createIncrementalRun({ postgres: { url_env: "STATE_URL" } }, "id", { env, job: "a" });
      await records(a.source([{ id: 5 }]));
      await a.commit({ total: 1 });
      const b = await createIncrementalRun({ postgres: { url_env: "STATE_URL", table: "runs" } }, "id", { env, job: "b" });
      await b.commit();
      const again = await createIncrementalRun({ postgres: { url_env: "STATE_URL" } }, "id", { env, job: "a" });
      expect(again.since).toBe(5);
      await again.fail("stopped");
      const retry = await createIncrementalRun({ postgres: { url_env: "STATE_URL" } }, "id", { env, job: "a" });
      expect(retry).toMatchObject({ runId: again.runId, attempt: 2 });
    });
  });
});

describe("compareWatermarks", () => {
  test.each([
    [9, 10, -1],
    ["9", "10", -1],
    ["9007199254740993", "9007199254740992", 1],
    ["2024-05-01 10:00:00+00", "2024-05-01 09:00:00+00", 1],
    ["2024-05-01T10:00:00+02:00", "2024-05-01T09:00:00Z", -1],
    ["2024-05-01 10:00:00+00", "2024-05-01 10:00:00.5+00", -1],
    // a zone-less timestamp is a wall-clock time, compared as if it were UTC, never in the machine's zone
    ["2024-05-01T10:00:00", "2024-05-01T09:00:00Z", 1],
    ["2024-05-01 10:00:00", "2024-05-01 10:30:00+00", -1],
    ["2024-05-01", "2024-05-01 00:00:00", -1],
    // other shapes the kernel reads compare by time, not as text
    ["Jan 10, 2024", "Jan 9, 2024", 1],
    ["2024/05/01 10:00", "2024-05-01T11:00:00", -1],
    ["2024年4月1日", "2024-04-30", -1],
    // values the kernel refuses compare as text
    ["2024-02-30", "2024-02-29", 1],
    ["01/02/2024", "12/01/2023", -1],
    ["b", "a", 1],
    ["same", "same", 0],
  ])("%s vs %s", (a, b, expected) => {
    expect(compareWatermarks(a, b)).toBe(expected);
  });

  test.each([
    ["12345678901234567.5", "12345678901234567.25", 1],
    ["12345678901234567.25", "12345678901234567.5", -1],
    ["-0.30000000000000001", "-0.3", -1],
    ["1e3", "999.9999999999999999", 1],
    ["100.10", "100.1", 0],
  ] as const)("compares decimal watermarks exactly: %s vs %s", (a, b, expected) => {
    expect(compareWatermarks(a, b)).toBe(expected);
    expect(compareWatermarks(a, b, "number")).toBe(expected);
  });

  test("compares as text or numbers when told to", () => {
    expect(compareWatermarks("9", "10", "text")).toBe(1);
    expect(compareWatermarks("9", "10", "number")).toBe(-1);
  });
});
