// The crash test of incremental runs: a job process is really killed (SIGKILL) in the middle of its
// stream, and once more between committing its outputs and committing its watermark; re-running it
// must end with exactly the same outputs and state totals as a run that was never interrupted.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { collect, type DataRecord, type RecordEnvelope } from "../packages/core/src/index.ts";
import { openDbSink, openDbSource, type IncrementalState } from "../packages/db/src/index.ts";
import { usePostgres } from "../packages/db/src/_testing/usePostgres.ts";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const server = usePostgres();
const CHILD = join(import.meta.dirname, "db-crash-child.ts");
const REGISTER = join(import.meta.dirname, "db-ts-register.mjs");
const ROWS = 3000;

interface ChildResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** Highest progress count printed before the process ended. */
  readonly progress: number;
  readonly done?: { runId: string; attempt: number; totals: Record<string, number> };
  readonly stderr: string;
}

function runChild(env: Record<string, string>, killAtProgress?: number): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=@cleanse/source", "--import", REGISTER, CHILD], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let progress = 0;
    let done: ChildResult["done"];
    let stderr = "";
    let buffer = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      buffer += chunk;
      let nl = buffer.indexOf("\n");
      while (nl !== -1) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        nl = buffer.indexOf("\n");
        if (line.startsWith("progress ")) {
          progress = Number(line.slice(9));
          if (killAtProgress !== undefined && progress >= killAtProgress && child.exitCode === null) child.kill("SIGKILL");
        } else if (line.startsWith("done ")) done = JSON.parse(line.slice(5));
      }
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, progress, ...(done ? { done } : {}), stderr }));
  });
}

const envelope = (seq: number, record: DataRecord): RecordEnvelope => ({
  record,
  seq,
  location: { record: seq + 1 },
  issues: [],
  changed: undefined,
  mergedInto: undefined,
  status: undefined,
});

describe.runIf(server.available)("an incremental job killed halfway and run again", () => {
  let dir: string;
  let pgUrl: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "cleanse-crash-"));
    pgUrl = await server.createDatabase();
    const orders = Array.from({ length: ROWS }, (_, i) => order(i, "2024-01-01T00:00:00Z", 1));
    const sink = openDbSink({ sqlite: { path: join(dir, "source.db"), table: "orders", key: "order_id", columns: { seq: "INTEGER" } } });
    for (const [i, r] of orders.entries()) await sink.write(r, envelope(i, r));
    await sink.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function order(i: number, base: string, factor: number): DataRecord {
    return {
      order_id: `SO${String(i).padStart(6, "0")}`,
      seq: i,
      amount: i % 37 === 0 ? -5 : Math.round(i * 150 * factor) / 100,
      updated_at: new Date(Date.parse(base) + i * 1000).toISOString(),
    };
  }

  const setup = (name: string): Record<string, string> => ({
    CRASH_SOURCE: join(dir, "source.db"),
    CRASH_OUT: join(dir, `${name}.db`),
    CRASH_STATE: join(dir, `${name}.state.json`),
    CRASH_TABLE: `clean_${name}`,
    CRASH_PG_URL: pgUrl,
  });

  async function outputs(name: string): Promise<{ clean: DataRecord[]; quarantine: DataRecord[] }> {
    const read = async (source: ReturnType<typeof openDbSource>): Promise<DataRecord[]> => (await collect(source.batches())).flatMap((b) => b.records);
    return {
      clean: await read(openDbSource({ postgres: { url_env: "U", query: `select * from clean_${name} order by order_id` } }, { env: { U: pgUrl } })),
      quarantine: await read(openDbSource({ sqlite: { path: join(dir, `${name}.db`), query: "select * from quarantine order by order_id" } })),
    };
  }
  const state = (name: string): IncrementalState => JSON.parse(readFileSync(join(dir, `${name}.state.json`), "utf8")) as IncrementalState;

  test("ends with exactly the outputs and totals of an uninterrupted run", async () => {
    const reference = setup("reference");
    const crashed = setup("crashed");

    // Run 1, uninterrupted.
    const ref1 = await runChild(reference);
    expect(ref1).toMatchObject({ code: 0, done: { attempt: 1, totals: { total: ROWS, clean: ROWS - 82, quarantined: 82 } } });

    // Run 1, killed in the middle of its stream: nothing of it is visible.
    const killed = await runChild({ ...crashed, CRASH_PAUSE_AT: "1200" }, 1200);
    expect(killed.signal).toBe("SIGKILL");
    expect(killed.done).toBeUndefined();
    expect(killed.progress).toBe(1200);
    const tables = await collect(
      openDbSource({ postgres: { url_env: "U", query: "select count(*)::int as n from pg_tables where tablename = 'clean_crashed'" } }, { env: { U: pgUrl } }).batches(),
    );
    expect(tables[0]!.records).toEqual([{ n: 0 }]);
    expect(state("crashed")).toMatchObject({ watermark: null, current: { status: "running", attempt: 1 }, runs: [] });
    const runId = state("crashed").current!.runId;

    // Run 1 again: the same run, second attempt.
    const again = await runChild(crashed);
    expect(again).toMatchObject({ code: 0, done: { runId, attempt: 2, totals: { total: ROWS } } });
    expect(await outputs("crashed")).toEqual(await outputs("reference"));

    // The source changes: 200 orders updated, 100 new ones.
    const change = openDbSink({ sqlite: { path: join(dir, "source.db"), table: "orders", mode: "upsert", key: "order_id" } });
    const changed = [
      ...Array.from({ length: 200 }, (_, k) => order(k * 13, "2024-06-01T00:00:00Z", 2)),
      ...Array.from({ length: 100 }, (_, k) => order(ROWS + k, "2024-06-02T00:00:00Z", 1)),
    ];
    for (const [i, r] of changed.entries()) await change.write(r, envelope(i, r));
    await change.close();

    // Run 2, uninterrupted: only the 300 changed orders are read.
    const ref2 = await runChild(reference);
    expect(ref2).toMatchObject({ code: 0, done: { totals: { total: 300 } } });

    // Run 2, killed after its outputs committed but before its watermark did, then run again.
    const late = await runChild({ ...crashed, CRASH_AFTER_SINKS: "1" });
    expect(late).toMatchObject({ signal: "SIGKILL", progress: 300 });
    expect(state("crashed")).toMatchObject({ watermark: state("reference").runs[0]!.until, current: { status: "running" } });
    const again2 = await runChild(crashed);
    expect(again2).toMatchObject({ code: 0, done: { attempt: 2, totals: { total: 300 } } });

    const final = await outputs("crashed");
    expect(final).toEqual(await outputs("reference"));
    expect(final.clean).toHaveLength(ROWS + 100 - 84);
    expect(final.quarantine).toHaveLength(84);
    const [a, b] = [state("reference"), state("crashed")];
    expect(b.watermark).toBe(a.watermark);
    expect(b.totals).toEqual(a.totals);
    expect(a.totals).toEqual({ runs: 2, records: ROWS + 300, counts: { total: ROWS + 300, clean: ROWS + 300 - 90, quarantined: 90, merged: 0 } });
    expect(b.runs.map((r) => r.attempts)).toEqual([2, 2]);
    expect(b.runs.map((r) => r.records)).toEqual(a.runs.map((r) => r.records));
  });
});
