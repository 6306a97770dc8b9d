import { combineReports, type QualityReport, type RuleSummary } from "@cleanse/core";
import { describe, expect, test } from "vitest";
import { formatSummary } from "./formatSummary.ts";

const rule = (i: number, failed: number): RuleSummary => ({
  rule: `rule${i}`,
  field: `field${i}`,
  severity: "error",
  dimension: "validity",
  failed,
  ratio: failed / 100,
  examples: [],
});

const dataset = (rules: readonly RuleSummary[]): QualityReport => ({
  schemaVersion: 1,
  dataset: "customers",
  startedAt: "2025-01-01T00:00:00.000Z",
  finishedAt: "2025-01-01T00:00:01.000Z",
  totals: { total: 100, clean: 60, quarantined: 40, merged: 0 },
  inputs: [],
  rules,
  fields: [],
  dimensions: [],
  datasetIssues: [],
  timings: { totalMs: 1000, recordsPerSecond: 100, steps: [] },
  warnings: [],
  sections: {},
});

const failingLines = (text: string) => text.split("\n").filter((l) => /^ {4}error /.test(l));

describe("formatSummary", () => {
  test("prints every failing rule of a dataset when there are up to ten", () => {
    const rules = [...Array.from({ length: 9 }, (_, i) => rule(i + 1, 20 - i)), rule(10, 0)];
    const text = formatSummary(combineReports("job", [dataset(rules)]));
    expect(failingLines(text)).toHaveLength(9);
    expect(text).toContain("    error   rule9 (field9)                       12 records\n");
    expect(text).not.toContain("rule10");
    expect(text).not.toContain("more");
  });

  test("prints the ten rules that failed most and says how many more failed", () => {
    const rules = Array.from({ length: 14 }, (_, i) => rule(i + 1, 30 - i));
    const text = formatSummary(combineReports("job", [dataset(rules)]));
    expect(failingLines(text)).toHaveLength(10);
    expect(text).toContain("    error   rule10 (field10)                     21 records\n    … and 4 more failing rules (see the report)\n");
    expect(text).not.toContain("rule11");
  });

  test("says rule, not rules, when one more failed", () => {
    const rules = Array.from({ length: 11 }, (_, i) => rule(i + 1, 30 - i));
    expect(formatSummary(combineReports("job", [dataset(rules)]))).toContain("    … and 1 more failing rule (see the report)\n");
  });
});
