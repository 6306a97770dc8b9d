// A run's outputs are one set. A two-dataset job is killed (SIGKILL) at random points of its run, from
// reading to publishing; after each kill the final paths must hold exactly one complete set, the old one or
// the new one, and a re-run must give the same bytes as a run that was never interrupted. Ctrl-C (SIGINT)
// and SIGTERM stop a run cleanly: one line, exit 130 / 143, no temporary file left, the old set in place.
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";

const CHILD = join(import.meta.dirname, "run-set-child.ts");
const REGISTER = join(import.meta.dirname, "db-ts-register.mjs");
const OUTPUTS = ["out/a.clean.csv", "out/a.quarantine.csv", "out/b.clean.jsonl", "out/b.quarantine.jsonl", "out/report.json", "out/report.md"];
const RECORD_OUTPUTS = OUTPUTS.filter((o) => !o.includes("report"));
const dirs: string[] = [];

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function writeJob(dir: string, version: string, rows: number): void {
  mkdirSync(join(dir, "data"), { recursive: true });
  const csv = ["id,name,email"];
  const jsonl: string[] = [];
  for (let i = 0; i < rows; i++) {
    csv.push(`${i},  ${version} name ${i},${i % 7 === 0 ? "not-an-email" : `p${i}@example.com`}`);
    jsonl.push(JSON.stringify({ id: i, amount: i % 11 === 0 ? "x" : `${i}.5`, version }));
  }
  writeFileSync(join(dir, "data/a.csv"), `${csv.join("\n")}\n`);
  writeFileSync(join(dir, "data/b.jsonl"), `${jsonl.join("\n")}\n`);
  writeFileSync(join(dir, "a.rules.yaml"), "fields:\n  id: [required, unique]\n  email: [email]\n");
  writeFileSync(join(dir, "b.rules.yaml"), "fields:\n  amount: [{ decimal: { scale: 1 } }]\n");
  writeFileSync(
    join(dir, "job.yaml"),
    `name: crash
datasets:
  - name: a
    source: data/a.csv
    steps:
      - standardize: { name: text }
      - validate: a.rules.yaml
    outputs: { clean: out/a.clean.csv, quarantine: out/a.quarantine.csv }
  - name: b
    source: data/b.jsonl
    steps:
      - validate: b.rules.yaml
    outputs: { clean: out/b.clean.jsonl, quarantine: out/b.quarantine.jsonl }
report: { json: out/report.json, markdown: out/report.md }
allow_quarantined: 1
`,
  );
}

interface Child {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
  readonly ms: number;
}

function run(dir: string, stop?: { readonly signal: NodeJS.Signals; readonly afterMs: number }): Promise<Child> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ["--conditions=@cleanse/source", "--import", REGISTER, CHILD, "job.yaml", dir], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.stdout.on("data", (c: Buffer) => {
      if (stop && c.toString().includes("started")) setTimeout(() => child.exitCode === null && child.kill(stop.signal), stop.afterMs);
    });
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stderr, ms: performance.now() - started }));
  });
}

/** The report without what differs between two runs of the same input (times, dates). */
function stableReport(text: string): unknown {
  return JSON.parse(text, (key, value) => (/^(timings|startedAt|finishedAt|durationMs|generatedAt|rowsPerSecond|path)$/.test(key) ? undefined : value));
}

function snapshot(dir: string): Record<string, string | undefined> {
  return Object.fromEntries(OUTPUTS.map((o) => [o, existsSync(join(dir, o)) ? readFileSync(join(dir, o), "utf8") : undefined]));
}

function sameSet(a: Record<string, string | undefined>, b: Record<string, string | undefined>): boolean {
  return OUTPUTS.every((o) =>
    o === "out/report.json" && a[o] !== undefined && b[o] !== undefined
      ? JSON.stringify(stableReport(a[o]!)) === JSON.stringify(stableReport(b[o]!))
      : o === "out/report.md" ? (a[o] === undefined) === (b[o] === undefined) : a[o] === b[o],
  );
}

function leftovers(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith(".cleanse-tmp-")) found.push(join(d, e.name));
      if (e.isDirectory() && e.name !== ".cleanse-runs") walk(join(d, e.name));
    }
  };
  walk(dir);
  return found;
}

describe("a run's outputs are one set", () => {
  test("SIGKILL at random points leaves the old set or the new one, and a re-run gives the uninterrupted bytes", { timeout: 240_000 }, async () => {
    const rows = 20_000;
    // Reference runs, never interrupted: the old set (input A) and the new one (input B).
    const refA = mkdtempSync(join(tmpdir(), "cleanse-crash-a-"));
    const refB = mkdtempSync(join(tmpdir(), "cleanse-crash-b-"));
    const work = mkdtempSync(join(tmpdir(), "cleanse-crash-w-"));
    dirs.push(refA, refB, work);
    writeJob(refA, "A", rows);
    writeJob(refB, "B", rows);
    expect((await run(refA)).code).toBe(0);
    const timed = await run(refB);
    expect(timed.code).toBe(0);
    const setA = snapshot(refA);
    const setB = snapshot(refB);
    expect(sameSet(setA, setB)).toBe(false);

    cpSync(refA, work, { recursive: true, verbatimSymlinks: true });
    // Copying the links keeps them pointing into the copied run folder.
    expect(sameSet(snapshot(work), setA)).toBe(true);
    writeJob(work, "B", rows);
    const seen = { old: 0, new: 0 };
    // Spread the kills over the whole run, with more of them near its end, where the outputs are published.
    const span = timed.ms;
    const points = [0.05, 0.2, 0.35, 0.5, 0.65, 0.75, 0.82, 0.88, 0.92, 0.95, 0.97, 0.99, 1.0, 1.02].map((f) => f * span);
    for (const afterMs of points) {
      const child = await run(work, { signal: "SIGKILL", afterMs });
      const now = snapshot(work);
      const isOld = sameSet(now, setA);
      const isNew = sameSet(now, setB);
      expect(isOld || isNew, `after a kill at ${Math.round(afterMs)} ms (${child.signal ?? child.code}) the outputs are a mix`).toBe(true);
      if (isNew) {
        seen.new++;
        // Put the old set back for the next kill: a published run can only be replaced by another run.
        rmSync(join(work, "out"), { recursive: true, force: true });
        cpSync(join(refA, "out"), join(work, "out"), { recursive: true, verbatimSymlinks: true });
      } else seen.old++;
    }
    expect(seen.old).toBeGreaterThan(0);
    // A re-run after the last kill gives exactly the bytes of the uninterrupted run.
    expect((await run(work)).code).toBe(0);
    const after = snapshot(work);
    for (const o of RECORD_OUTPUTS) expect(after[o], o).toBe(setB[o]);
    expect(stableReport(after["out/report.json"]!)).toEqual(stableReport(setB["out/report.json"]!));
    expect(leftovers(work)).toEqual([]);
    const runs = readdirSync(join(work, "out/.cleanse-runs/crash")).filter((n) => n.startsWith("run-"));
    expect(runs.length).toBeLessThanOrEqual(2);
  });

  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
    test(`${signal} stops a run with one line and exit ${code}, leaving the old set and no temporary file`, { timeout: 120_000 }, async () => {
      const dir = mkdtempSync(join(tmpdir(), "cleanse-sig-"));
      dirs.push(dir);
      writeJob(dir, "A", 2_000);
      expect((await run(dir)).code).toBe(0);
      const old = snapshot(dir);
      writeJob(dir, "B", 60_000);
      const child = await run(dir, { signal, afterMs: 400 });
      expect(child.code, child.stderr).toBe(code);
      expect(child.stderr.trim().split("\n")).toEqual([`cleanse: interrupted by ${signal}; no output was changed.`]);
      expect(child.stderr).not.toMatch(/ERR_STREAM|at .*\.ts:\d+/);
      expect(snapshot(dir)).toEqual(old);
      expect(leftovers(dir)).toEqual([]);
      const staged = readdirSync(join(dir, "out/.cleanse-runs/crash")).filter((n) => n.startsWith("run-"));
      expect(staged).toHaveLength(1);
    });
  }
});
