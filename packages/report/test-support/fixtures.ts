// Report fixtures for the renderer tests. Test-only.
import { readFileSync } from "node:fs";
import { createPiiPolicy, type JobReport, type QualityReport } from "@cleanse/core";
import { maskValue } from "@cleanse/values";

/** The CRM/ERP demo's job report (see test-data/README.md). */
export function demoReport(): JobReport {
  return JSON.parse(readFileSync(new URL("../test-data/demo-report.json", import.meta.url), "utf8")) as JobReport;
}

/** The demo's job report with its phones, e-mails and ID-card numbers masked, as the report builder masks them. */
export function maskedDemoReport(): JobReport {
  return createPiiPolicy({ mask: maskValue }).deep(demoReport()) as JobReport;
}

/** A small dataset report, built by hand, with every part that matters to a renderer. */
export function datasetReport(overrides: Partial<QualityReport> = {}): QualityReport {
  return {
    schemaVersion: 1,
    dataset: "people",
    startedAt: "2025-03-01T08:00:00.000Z",
    finishedAt: "2025-03-01T08:00:01.500Z",
    totals: { total: 200, clean: 150, quarantined: 50, merged: 0 },
    inputs: [{ name: "people.csv", path: "data/people.csv", format: "csv", encoding: "utf8", bytes: 12_345, records: 200 }],
    rules: [
      {
        rule: "email",
        field: "email",
        severity: "error",
        dimension: "validity",
        failed: 40,
        ratio: 0.2,
        examples: [{ record: 3, line: 4, field: "email", value: "li.wei#qq.com", message: 'expected an email address, received "li.wei#qq.com"' }],
      },
      { rule: "required", field: "name", severity: "error", dimension: "completeness", failed: 10, ratio: 0.05, examples: [{ record: 9, line: 10, field: "name", message: "a value is required" }] },
      { rule: "unique", field: "id", severity: "error", dimension: "uniqueness", failed: 0, ratio: 0, examples: [] },
    ],
    fields: [
      { field: "email", failed: 40, ratio: 0.2, changed: 5, codes: { invalid_format: 40 } },
      { field: "name", failed: 10, ratio: 0.05, changed: 0, codes: { missing_value: 10 } },
    ],
    dimensions: [
      { dimension: "completeness", failedRecords: 10, score: 95, basis: "checks", weight: 1, records: 200, checks: 200, failed: 10 },
      { dimension: "uniqueness", failedRecords: 0, score: 100, basis: "checks", weight: 1, records: 200, checks: 200, failed: 0 },
      { dimension: "validity", failedRecords: 40, score: 80, basis: "checks", weight: 1, records: 200, checks: 200, failed: 40 },
    ],
    datasetIssues: [{ code: "out_of_range", rule: "row_count", severity: "warning", dimension: "completeness", message: "200 records, expected at least 500" }],
    timings: { totalMs: 1500, recordsPerSecond: 133, steps: [{ name: "rules", ms: 12.5 }] },
    warnings: ["2 rows had an extra column"],
    sections: {
      score: {
        version: 2,
        records: 200,
        // the 150 clean records score 100, the 50 quarantined ones 66.67 (counting 0 here): 150 * 100 / 200
        score: 75,
        meanRecordScore: 91.67,
        quarantined: 50,
        duplicates: 0,
        fields: [
          { field: "email", score: 80, weight: 1, checks: 200, failed: 40 },
          { field: "name", score: 95, weight: 1, checks: 200, failed: 10 },
          { field: "id", score: 100, weight: 1, checks: 200, failed: 0 },
        ],
        distribution: {
          bins: Array.from({ length: 10 }, (_, i) => ({ from: i * 10, to: i * 10 + 10, count: i === 9 ? 150 : i === 6 ? 50 : 0 })),
          perfect: 150,
          min: 66.67,
          max: 100,
          median: 100,
          p10: 66,
        },
        weights: { dimensions: {}, fields: {}, severities: { error: 1, warning: 0.5, info: 0 } },
        declaredChecks: 3,
        undeclared: [],
      },
    },
    ...overrides,
  };
}
