import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkRecords, runPipeline, type DataRecord, type RecordEnvelope } from "@cleanse/core";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { usePostgres } from "../_testing/usePostgres.ts";
import type { DbRecordSink } from "../DbRecordSink/DbRecordSink.ts";
import { openDbSink } from "../openDbSink/openDbSink.ts";
import { createDbSession } from "./createDbSession.ts";

const server = usePostgres();

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "cleanse-db-session-"));
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

function rows(file: string, sql: string): unknown[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

function seed(file: string, sql: string): void {
  const db = new Database(file);
  db.exec(sql);
  db.close();
}

/** Records whose `ok` is false go to quarantine. */
const routeOnOk = checkRecords("ok", (r) =>
  r.ok === false ? [{ code: "invalid_format", rule: "ok", field: "ok", severity: "error", dimension: "validity", message: "not ok" }] : [],
);

/** Writes interleaved records to two sinks, then closes both. */
async function writeBoth(a: DbRecordSink, aRows: readonly DataRecord[], b: DbRecordSink, bRows: readonly DataRecord[]): Promise<void> {
  for (let i = 0; i < Math.max(aRows.length, bRows.length); i++) {
    if (aRows[i]) await a.write(aRows[i]!, envelope(2 * i));
    if (bRows[i]) await b.write(bRows[i]!, envelope(2 * i + 1));
  }
  await a.close();
  await b.close();
}

describe("createDbSession with SQLite", () => {
  test("lets clean and quarantine sinks share one file, committing both tables at once", async () => {
    const session = createDbSession();
    const started = performance.now();
    const clean = openDbSink({ sqlite: { path: "o.db", table: "clean" } }, { baseDir: dir, session });
    const quarantine = openDbSink({ sqlite: { path: "o.db", table: "quarantine" } }, { baseDir: dir, session });
    await writeBoth(clean, [{ id: "1" }, { id: "2" }], quarantine, [{ id: "3" }, { id: "4" }]);
    expect(rows(join(dir, "o.db"), "SELECT name FROM sqlite_master")).toEqual([]);
    await session.commit();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(session.state).toBe("committed");
    expect(session.databases).toEqual([join(dir, "o.db")]);
    expect(rows(join(dir, "o.db"), "SELECT id FROM clean ORDER BY id")).toEqual([{ id: "1" }, { id: "2" }]);
    expect(rows(join(dir, "o.db"), "SELECT id FROM quarantine ORDER BY id")).toEqual([{ id: "3" }, { id: "4" }]);
  });

  test("routes a pipeline's records into two tables of one file", async () => {
    const session = createDbSession();
    const clean = openDbSink({ sqlite: { path: "pipeline.db", table: "clean" } }, { baseDir: dir, session });
    const quarantine = openDbSink({ sqlite: { path: "pipeline.db", table: "quarantine" } }, { baseDir: dir, session });
    const source = [
      { id: "1", ok: true },
      { id: "2", ok: false },
      { id: "3", ok: true },
      { id: "4", ok: false },
    ];
    const report = await runPipeline({ source, steps: [routeOnOk], clean, quarantine });
    await session.commit();
    expect(report.totals).toMatchObject({ total: 4, clean: 2, quarantined: 2 });
    expect(rows(join(dir, "pipeline.db"), "SELECT id FROM clean ORDER BY id")).toEqual([{ id: "1" }, { id: "3" }]);
    expect(rows(join(dir, "pipeline.db"), "SELECT id FROM quarantine ORDER BY id")).toEqual([{ id: "2" }, { id: "4" }]);
  });

  test("rolls back both tables, replace mode included", async () => {
    const file = join(dir, "rollback.db");
    seed(file, "CREATE TABLE clean (id TEXT); INSERT INTO clean VALUES ('old-c'); CREATE TABLE quarantine (id TEXT); INSERT INTO quarantine VALUES ('old-q')");
    const session = createDbSession();
    const clean = openDbSink({ sqlite: { path: file, table: "clean", mode: "replace" } }, { session });
    const quarantine = openDbSink({ sqlite: { path: file, table: "quarantine", mode: "replace" } }, { session });
    await writeBoth(clean, [{ id: "n1" }, { id: "n2" }], quarantine, [{ id: "n3" }]);
    await session.rollback();
    expect(session.state).toBe("rolled-back");
    expect(rows(file, "SELECT id FROM clean")).toEqual([{ id: "old-c" }]);
    expect(rows(file, "SELECT id FROM quarantine")).toEqual([{ id: "old-q" }]);
    await expect(session.rollback()).resolves.toBeUndefined();
    await expect(session.commit()).rejects.toMatchObject({ code: "CLEANSE_DB_SESSION_CLOSED" });
  });

  test("rolls back the whole session when a failed run aborts its sinks", async () => {
    const file = join(dir, "failed-run.db");
    seed(file, "CREATE TABLE clean (id TEXT, ok TEXT); INSERT INTO clean VALUES ('old', 'true'); CREATE TABLE quarantine (id TEXT, ok TEXT)");
    const session = createDbSession();
    const clean = openDbSink({ sqlite: { path: file, table: "clean", mode: "replace" } }, { session });
    const quarantine = openDbSink({ sqlite: { path: file, table: "quarantine" } }, { session });
    let n = 0;
    const boom = checkRecords("boom", () => {
      if (++n === 3) throw new Error("step failed");
      return [];
    });
    const source = [
      { id: "1", ok: true },
      { id: "2", ok: false },
      { id: "3", ok: true },
    ];
    await expect(runPipeline({ source, steps: [routeOnOk, boom], clean, quarantine })).rejects.toThrow("step failed");
    expect(session.state).toBe("rolled-back");
    expect(rows(file, "SELECT id FROM clean")).toEqual([{ id: "old" }]);
    expect(rows(file, "SELECT count(*) AS n FROM quarantine")).toEqual([{ n: 0 }]);
    const error = await session.commit().catch((e: Error) => e);
    expect((error as Error).message).toBe('Cannot commit: the database session is already rolled back (the sink for "clean" was aborted).');
  });

  test("refuses a second sink on the same table of the same file, however the path and name are written", () => {
    const session = createDbSession();
    mkdirSync(join(dir, "real"));
    symlinkSync(join(dir, "real"), join(dir, "link"));
    openDbSink({ sqlite: { path: "real/same.db", table: "clean" } }, { baseDir: dir, session });
    openDbSink({ sqlite: { path: "real/same.db", table: "quarantine" } }, { baseDir: dir, session });
    openDbSink({ sqlite: { path: "real/other.db", table: "clean" } }, { baseDir: dir, session });
    let error: unknown;
    try {
      openDbSink({ sqlite: { path: "link/./same.db", table: "Clean" } }, { baseDir: dir, session });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ name: "ConfigError", code: "CLEANSE_DB_SAME_TABLE", hint: "give each output its own table" });
    expect((error as Error).message.replace(dir, "<dir>")).toMatchInlineSnapshot(
      `"Two outputs of the run write to the table "clean" and "Clean" in <dir>/real/same.db; in one transaction the second would overwrite or mix with the first's rows."`,
    );
    expect(() => openDbSink({ sqlite: { path: join(dir, "real", "same.db"), table: "main.quarantine" } }, { session })).toThrow(
      expect.objectContaining({ code: "CLEANSE_DB_SAME_TABLE" }),
    );
  });

  test("refuses to commit while a sink is open, and rolls everything back", async () => {
    const file = join(dir, "open-sink.db");
    const session = createDbSession();
    const clean = openDbSink({ sqlite: { path: file, table: "clean" } }, { session });
    const quarantine = openDbSink({ sqlite: { path: file, table: "quarantine" } }, { session });
    await clean.write({ id: "1" }, envelope(0));
    await quarantine.write({ id: "2" }, envelope(1));
    await clean.close();
    const error = await session.commit().catch((e: Error) => e);
    expect(error).toMatchObject({ code: "CLEANSE_DB_SINK_OPEN", hint: expect.stringContaining("close every sink") });
    expect((error as Error).message.replace(dir, "<dir>")).toMatchInlineSnapshot(
      `"Cannot commit the database session: the sink for "quarantine" in <dir>/open-sink.db is not closed. Nothing was committed; the session was rolled back."`,
    );
    expect(session.state).toBe("rolled-back");
    expect(rows(file, "SELECT name FROM sqlite_master")).toEqual([]);
    expect(() => quarantine.write({ id: "3" }, envelope(2))).toThrow(expect.objectContaining({ code: "CLEANSE_DB_SESSION_CLOSED" }));
    expect(() => openDbSink({ sqlite: { path: file, table: "late" } }, { session })).toThrow(/already rolled back/);
  });

  test("names the database that committed and the one that did not when a later commit fails", async () => {
    const first = join(dir, "first.db");
    const second = join(dir, "second.db");
    seed(second, "CREATE TABLE t (id TEXT)");
    // A reader holding its read lock keeps the second file from committing.
    const reader = new Database(second);
    reader.exec("BEGIN");
    reader.prepare("SELECT count(*) FROM t").get();
    try {
      const session = createDbSession({ sqliteBusyTimeout: 50 });
      const a = openDbSink({ sqlite: { path: first, table: "t" } }, { session });
      const b = openDbSink({ sqlite: { path: second, table: "t" } }, { session });
      await writeBoth(a, [{ id: "a" }], b, [{ id: "b" }]);
      const error = await session.commit().catch((e: Error) => e);
      expect(error).toMatchObject({ name: "IoError", code: "CLEANSE_DB_PARTIAL_COMMIT", hint: expect.stringContaining("cannot be atomic") });
      expect((error as Error).message.replaceAll(dir, "<dir>")).toMatchInlineSnapshot(
        `"Committed to <dir>/first.db, but committing to <dir>/second.db failed: SQLite error: database is locked. <dir>/second.db was rolled back, so <dir>/first.db holds this run's rows and <dir>/second.db does not."`,
      );
      expect(session.state).toBe("partially-committed");
      await expect(session.rollback()).resolves.toBeUndefined();
    } finally {
      reader.exec("COMMIT");
      reader.close();
    }
    expect(rows(first, "SELECT id FROM t")).toEqual([{ id: "a" }]);
    expect(rows(second, "SELECT count(*) AS n FROM t")).toEqual([{ n: 0 }]);
  });

  test("says nothing was committed when the first commit fails", async () => {
    const first = join(dir, "locked-first.db");
    const second = join(dir, "locked-second.db");
    seed(first, "CREATE TABLE t (id TEXT)");
    const reader = new Database(first);
    reader.exec("BEGIN");
    reader.prepare("SELECT count(*) FROM t").get();
    try {
      const session = createDbSession({ sqliteBusyTimeout: 50 });
      const a = openDbSink({ sqlite: { path: first, table: "t" } }, { session });
      const b = openDbSink({ sqlite: { path: second, table: "t" } }, { session });
      await writeBoth(a, [{ id: "a" }], b, [{ id: "b" }]);
      const error = await session.commit().catch((e: Error) => e);
      expect(error).toMatchObject({ code: "CLEANSE_DB_COMMIT" });
      expect((error as Error).message.replaceAll(dir, "<dir>")).toMatchInlineSnapshot(
        `"Could not commit to <dir>/locked-first.db: SQLite error: database is locked. Nothing was committed: every database of the session was rolled back and holds what it held before the run."`,
      );
      expect(session.state).toBe("rolled-back");
    } finally {
      reader.exec("COMMIT");
      reader.close();
    }
    expect(rows(second, "SELECT name FROM sqlite_master")).toEqual([]);
  });

  test("refuses to roll back a committed session, and a busy timeout that is not a duration", async () => {
    const session = createDbSession();
    await session.commit();
    await expect(session.rollback()).rejects.toMatchObject({ code: "CLEANSE_DB_SESSION_CLOSED", message: "Cannot roll back: the database session is already committed." });
    expect(() => createDbSession({ sqliteBusyTimeout: -1 })).toThrow(/sqliteBusyTimeout must be a whole number of milliseconds/);
  });

  test("refuses a session object it did not make", () => {
    const fake = { state: "open", databases: [], commit: async () => {}, rollback: async () => {} } as const;
    expect(() => openDbSink({ sqlite: { path: "x.db", table: "t" } }, { baseDir: dir, session: fake })).toThrow(
      expect.objectContaining({ code: "CLEANSE_DB_BAD_SESSION" }),
    );
  });
});

describe.runIf(server.available)("createDbSession with PostgreSQL", () => {
  let env: Record<string, string>;
  let client: pg.Client;

  beforeAll(async () => {
    // The test server trusts every login, so the password only shows whether messages mask it.
    const url = new URL(await server.createDatabase());
    url.password = "s3cr3t-pw";
    env = { PGURL: url.toString() };
    client = new pg.Client({ connectionString: env.PGURL });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
  });

  const query = async (sql: string): Promise<unknown[]> => (await client.query(sql)).rows;

  test.each(["copy", "insert"] as const)("lets clean and quarantine sinks share one client and one transaction (%s)", async (method) => {
    const session = createDbSession();
    const started = performance.now();
    const clean = openDbSink({ postgres: { url_env: "PGURL", table: `clean_${method}`, method } }, { env, session });
    const quarantine = openDbSink({ postgres: { url_env: "PGURL", table: `quarantine_${method}`, method } }, { env, session });
    await clean.write({ id: "1" }, envelope(0));
    await quarantine.write({ id: "3" }, envelope(1));
    const open = "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL";
    expect(await query(open)).toEqual([{ n: 1 }]);
    await clean.write({ id: "2" }, envelope(2));
    await quarantine.write({ id: "4" }, envelope(3));
    await clean.close();
    await quarantine.close();
    expect(await query(`SELECT to_regclass('clean_${method}') AS t`)).toEqual([{ t: null }]);
    await session.commit();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await query(`SELECT id FROM clean_${method} ORDER BY id`)).toEqual([{ id: "1" }, { id: "2" }]);
    expect(await query(`SELECT id FROM quarantine_${method} ORDER BY id`)).toEqual([{ id: "3" }, { id: "4" }]);
  });

  test("keeps many interleaved rows and upserts of two sinks apart", async () => {
    await query("CREATE TABLE up (id text PRIMARY KEY, v text); INSERT INTO up VALUES ('0', 'old'), ('1', 'old')");
    const session = createDbSession();
    const clean = openDbSink({ postgres: { url_env: "PGURL", table: "up", mode: "upsert", key: "id" } }, { env, session });
    const quarantine = openDbSink({ postgres: { url_env: "PGURL", table: "up_q" } }, { env, session });
    const a = Array.from({ length: 3000 }, (_, i) => ({ id: String(i % 2000), v: `v${i}` }));
    const b = Array.from({ length: 3000 }, (_, i) => ({ id: String(i), note: "x".repeat(i % 40) }));
    await writeBoth(clean, a, quarantine, b);
    await session.commit();
    expect(await query("SELECT count(*)::int AS n, max(v) FILTER (WHERE id = '1') AS v1 FROM up")).toEqual([{ n: 2000, v1: "v2001" }]);
    expect(await query("SELECT count(*)::int AS n FROM up_q")).toEqual([{ n: 3000 }]);
  });

  test("rolls back both tables, replace mode included", async () => {
    await query("CREATE TABLE r_clean (id text); INSERT INTO r_clean VALUES ('old-c'); CREATE TABLE r_quarantine (id text); INSERT INTO r_quarantine VALUES ('old-q')");
    const session = createDbSession();
    const clean = openDbSink({ postgres: { url_env: "PGURL", table: "r_clean", mode: "replace" } }, { env, session });
    const quarantine = openDbSink({ postgres: { url_env: "PGURL", table: "r_quarantine", mode: "replace", method: "insert" } }, { env, session });
    await writeBoth(clean, [{ id: "n1" }, { id: "n2" }], quarantine, [{ id: "n3" }]);
    await session.rollback();
    expect(await query("SELECT id FROM r_clean")).toEqual([{ id: "old-c" }]);
    expect(await query("SELECT id FROM r_quarantine")).toEqual([{ id: "old-q" }]);
  });

  test("refuses a second sink on the same table, with the password masked", () => {
    const session = createDbSession();
    openDbSink({ postgres: { url_env: "PGURL", table: "t" } }, { env, session });
    openDbSink({ postgres: { url_env: "PGURL", table: "T" } }, { env, session });
    const error = (() => {
      try {
        openDbSink({ postgres: { url_env: "OTHER", schema: "public", table: "t" } }, { env: { OTHER: env.PGURL! }, session });
        openDbSink({ postgres: { url_env: "PGURL", table: "public.t" } }, { env, session });
      } catch (e) {
        return e as Error;
      }
      return undefined;
    })();
    expect(error).toMatchObject({ code: "CLEANSE_DB_SAME_TABLE", message: expect.stringMatching(/table "public\.t" in postgres:\/\/postgres:\*\*\*@/) });
    expect(error?.message).not.toContain("s3cr3t-pw");
  });

  test("reports a transaction PostgreSQL aborted, instead of committing nothing silently", async () => {
    await query("CREATE TABLE typed (id integer)");
    const session = createDbSession();
    const sink = openDbSink({ postgres: { url_env: "PGURL", table: "typed", method: "insert", batch_size: 1 } }, { env, session });
    await expect(Promise.resolve(sink.write({ id: "one" }, envelope(0)))).rejects.toMatchObject({ code: "CLEANSE_DB_QUERY" });
    await sink.close();
    const error = await session.commit().catch((e: Error) => e);
    expect(error).toMatchObject({ code: "CLEANSE_DB_COMMIT", message: expect.stringContaining("PostgreSQL had already aborted the transaction") });
  });

  test("commits SQLite and PostgreSQL in order, naming each when the second fails", async () => {
    await query("CREATE TABLE mixed (id integer)");
    const file = join(dir, "mixed.db");
    const session = createDbSession();
    const local = openDbSink({ sqlite: { path: file, table: "clean" } }, { session });
    const remote = openDbSink({ postgres: { url_env: "PGURL", table: "mixed", method: "insert", batch_size: 1 } }, { env, session });
    await local.write({ id: "1" }, envelope(0));
    await expect(Promise.resolve(remote.write({ id: "one" }, envelope(1)))).rejects.toMatchObject({ code: "CLEANSE_DB_QUERY" });
    await local.close();
    await remote.close();
    expect(session.databases).toEqual([file, expect.stringMatching(/^postgres:\/\/postgres:\*\*\*@/)]);
    const error = await session.commit().catch((e: Error) => e);
    expect(error).toMatchObject({ code: "CLEANSE_DB_PARTIAL_COMMIT" });
    const message = (error as Error).message;
    expect(message).toContain(`Committed to ${file}, but committing to postgres://postgres:***@`);
    expect(message).toContain("was rolled back");
    expect(message).not.toContain("s3cr3t-pw");
    expect(rows(file, "SELECT id FROM clean")).toEqual([{ id: "1" }]);
  });
});
