import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createMemorySink, type DataRecord, type ProgressEvent } from "@cleanse/core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { formatReconcileSummary } from "../formatReconcileSummary/formatReconcileSummary.ts";
import { reconcileJobSchema } from "../reconcileJobSchema/reconcileJobSchema.ts";
import { hasDifferences, reconcileJobFromArgs, runReconcileJob } from "./runReconcileJob.ts";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "cleanse-reconcile-job-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const data: Record<string, DataRecord[]> = {
  "crm.csv": [
    { email: "A@x.com", phone: "+86 138 0000 0001" },
    { email: "b@x.com", phone: "13800000002" },
  ],
  "erp.jsonl": [
    { mail: "a@x.com", mobile: "13800000001" },
    { mail: "b@x.com", mobile: "13800000009" },
  ],
};

describe("runReconcileJob", () => {
  test("reports the phases of the reconciliation, then writing the reports", async () => {
    const events: ProgressEvent[] = [];
    const job = reconcileJobSchema.parse({ left: "crm.csv", right: "erp.jsonl", key: "email", map: { email: "mail" }, report: { json: "p/r.json", markdown: "p/r.md" } });
    await runReconcileJob(job, { baseDir: dir, openSource: (spec) => data[spec as string]!, onProgress: (e) => events.push(e) });
    const phases = events.filter((e) => e.done === 0 && e.final === undefined).map((e) => (e.subject === undefined ? e.phase : `${e.phase} ${e.subject}`));
    expect(phases).toEqual(["reading left", "reading right", "comparing", "writing report"]);
    expect(events.at(-1)).toMatchObject({ phase: "writing", subject: "report", unit: "files", done: 2, total: 2, final: true });
  });

  test("opens both inputs and the diff through the openers and writes the report in every format asked", async () => {
    const opened: unknown[] = [];
    const diff = createMemorySink();
    const job = reconcileJobSchema.parse({
      left: "crm.csv",
      right: { path: "erp.jsonl", format: "jsonl" },
      key: "email",
      map: { email: "mail", phone: "mobile" },
      standardize: { email: "email", phone: { phone: { region: "CN" } } },
      report: { json: "out/r.json", markdown: "out/r.md", html: "out/r.html" },
      diff: "out/diff.csv",
    });
    const result = await runReconcileJob(job, {
      baseDir: dir,
      openSource: (spec, { role, baseDir }) => {
        opened.push([role, spec, baseDir]);
        return data[typeof spec === "string" ? spec : String(spec.path)]!;
      },
      openSink: () => diff,
    });
    expect(opened).toEqual([
      ["left", "crm.csv", dir],
      ["right", { path: "erp.jsonl", format: "jsonl" }, dir],
    ]);
    expect(result.exitCode).toBe(1);
    expect(result.report.totals).toMatchObject({ matched: 2, mismatched: 1 });
    expect(result.written).toEqual([join(dir, "out/diff.csv"), join(dir, "out/r.json"), join(dir, "out/r.md"), join(dir, "out/r.html")]);
    expect(JSON.parse(readFileSync(join(dir, "out/r.json"), "utf8")).totals.mismatched).toBe(1);
    expect(readFileSync(join(dir, "out/r.md"), "utf8")).toContain("# Reconciliation");
    expect(diff.records).toEqual([{ key: "b@x.com", status: "mismatch", field: "phone", left_value: "13800000002", right_value: "13800000009" }]);
    expect(formatReconcileSummary(result.report, ["out/diff.csv"])).toBe(
      "left ↔ right: 2 matched (1 identical, 1 differs), 0 only in left, 0 only in right\n  differing fields: phone 1\n  wrote out/diff.csv\n",
    );
  });

  test("exits 0 when both sides agree, and picks the report format from the extension", async () => {
    const result = await runReconcileJob(
      { left: "a", right: "b", key: "k", report: "agree.md" },
      { baseDir: dir, openSource: () => [{ k: 1, v: "x" }] },
    );
    expect(result.exitCode).toBe(0);
    expect(hasDifferences(result.report)).toBe(false);
    expect(readFileSync(join(dir, "agree.md"), "utf8").startsWith("# Reconciliation")).toBe(true);
  });

  test("says what is missing", async () => {
    await expect(runReconcileJob({ left: "a" }, { baseDir: dir, openSource: () => [] })).rejects.toMatchObject({
      code: "CLEANSE_USAGE",
      message: expect.stringContaining("needs right, key"),
    });
    await expect(runReconcileJob({ left: "a", right: "b", key: "k", key_match: "fuzzy" }, { baseDir: dir, openSource: () => [] })).rejects.toMatchObject({ code: "CLEANSE_USAGE" });
  });
});

describe("reconcileJobFromArgs", () => {
  const abs = (p: string): string => `/cwd/${p}`;

  test("lets flags win over the job file and adds --map entries to its map", () => {
    const job = reconcileJobFromArgs(
      { left: "crm.csv", key: "country, no", map: ["phone=mobile", "name = full_name,city=town"], keyMatch: "fuzzy", report: "r.md", diff: "d.csv", memoryLimitMb: "64" },
      { right: "erp.jsonl", key: "email", map: { id: "erp_id" }, report: "job.json" },
      abs,
    );
    expect(job).toEqual({
      left: "/cwd/crm.csv",
      right: "erp.jsonl",
      key: ["country", "no"],
      map: { id: "erp_id", phone: "mobile", name: "full_name", city: "town" },
      key_match: "fuzzy",
      report: "/cwd/r.md",
      diff: "/cwd/d.csv",
      memory_limit_mb: 64,
    });
  });

  test.each([
    [{ map: ["phone"] }, /--map takes left=right pairs/],
    [{ keyMatch: "approx" }, /--key-match is exact or fuzzy/],
    [{ key: " , " }, /--key needs at least one field/],
    [{ memoryLimitMb: "lots" }, /--memory-limit takes a number/],
  ])("rejects %j", (args, message) => {
    expect(() => reconcileJobFromArgs(args, undefined, abs)).toThrow(message);
  });
});
