// The JSON report as the engine and the score step write it fits the report's JSON Schema, and
// reads back through loadReport: what docs/report-schema.md documents is what is produced.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { checkRecords, combineReports, runPipeline, type Issue } from "../packages/core/src/index.ts";
import { compareReports, loadReport, renderJson, reportJsonSchema } from "../packages/report/src/index.ts";
import { validateJsonSchema } from "../packages/report/test-support/validateJsonSchema.ts";
import { createScoreStep, failUnder } from "../packages/score/src/index.ts";

const rules = [
  { rule: "required", field: "email", severity: "error" as const, dimension: "completeness" },
  { rule: "email", field: "email", severity: "warning" as const, dimension: "validity" },
];
const check = checkRecords(
  "check",
  (r) => {
    const found: Issue[] = [];
    if (!r.email) found.push({ code: "missing_value", rule: "required", field: "email", severity: "error", dimension: "completeness", message: "email is required" });
    else if (!String(r.email).includes("@")) found.push({ code: "invalid_format", rule: "email", field: "email", severity: "warning", dimension: "validity", message: "not an email", value: r.email });
    return found;
  },
  rules,
);

async function run(emails: readonly (string | null)[]) {
  const report = await runPipeline({ name: "people", source: emails.map((email, i) => ({ id: i, email })), steps: [check, createScoreStep({ breakdown: true }, { rules })] });
  return combineReports("job", [report]);
}

describe("the JSON report", () => {
  test("fits the JSON Schema, with the score section, whole and per dataset", async () => {
    const job = await run(["a@x.cn", "bad", null, "b@x.cn"]);
    const json = JSON.parse(renderJson(job)) as { datasets: unknown[] };
    expect(validateJsonSchema(reportJsonSchema, json)).toEqual([]);
    expect(validateJsonSchema(reportJsonSchema, json.datasets[0])).toEqual([]);
  });

  test("holds one set of dimension scores per dataset: the score step's, in the dataset's dimensions", async () => {
    const job = await run(["a@x.cn", "bad", null, "b@x.cn"]);
    const json = JSON.parse(renderJson(job)) as { datasets: { dimensions: unknown[]; sections: { score: Record<string, unknown> } }[] };
    const d = json.datasets[0]!;
    expect(d.sections.score).not.toHaveProperty("dimensions");
    // completeness: required(email) fails on record 3 -> (100 + 100 + 0 + 100) / 4 = 75; validity: email fails on record 2 -> 75
    expect(d.dimensions).toEqual([
      { dimension: "completeness", failedRecords: 1, score: 75, basis: "checks", weight: 1, records: 4, checks: 4, failed: 1 },
      { dimension: "validity", failedRecords: 1, score: 75, basis: "checks", weight: 1, records: 4, checks: 4, failed: 1 },
    ]);
  });

  test("reads back from a file and compares with the next run; the CI gate follows the score", async () => {
    const dir = await mkdtemp(join(tmpdir(), "report-schema-"));
    try {
      const file = join(dir, "report.json");
      await writeFile(file, renderJson(await run(["a@x.cn", "bad", null, "b@x.cn"])));
      const baseline = await loadReport(file);
      const current = await run(["a@x.cn", "c@x.cn", null, "b@x.cn"]);
      const diff = compareReports(baseline, current);
      // baseline records: "a@x.cn" 100; "bad": validity 0, completeness 100 -> 50; null: completeness 0, validity 100 -> 50,
      // but it fails required (an error), is quarantined and counts 0; "b@x.cn" 100: (100 + 50 + 0 + 100) / 4 = 62.5.
      // Now: 100, 100, quarantined 0, 100 -> 75
      expect(diff.score).toEqual({ baseline: 62.5, current: 75, change: 12.5, direction: "better" });
      expect(diff.datasets[0]!.rules.find((r) => r.rule === "email")).toMatchObject({ baselineFailed: 1, currentFailed: 0, direction: "better" });
      expect(failUnder(current, 90)).toMatchObject({ ok: false, score: 75 });
      expect(failUnder(current, 75).ok).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
