import { combineReports, displayWidth, type QualityReport, type RuleSummary } from "@cleanse/core";
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

const dataset = (rules: readonly RuleSummary[], totals: QualityReport["totals"] = { total: 100, clean: 60, quarantined: 40, merged: 0 }, name = "customers"): QualityReport => ({
  schemaVersion: 1,
  dataset: name,
  startedAt: "2025-01-01T00:00:00.000Z",
  finishedAt: "2025-01-01T00:00:01.000Z",
  totals,
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

  test("says record for one and records for more, with thousands separators", () => {
    const one = { ...rule(1, 1), rule: "required" };
    const many = { ...rule(2, 1234), rule: "phone" };
    const text = formatSummary(combineReports("job", [dataset([one, many], { total: 1, clean: 0, quarantined: 1, merged: 0 })]));
    expect(text.split("\n").slice(0, 2)).toEqual(["job: 1 record, 0 clean, 1 quarantined (1.00 s)", "  customers: 1 record, 0 clean, 1 quarantined"]);
    expect(text).toContain("    error   phone (field2)                       1,234 records\n");
    expect(text).toContain("    error   required (field1)                    1 record\n");
    const more = formatSummary(combineReports("job", [dataset([], { total: 2500, clean: 2500, quarantined: 0, merged: 0 })]));
    expect(more).toContain("job: 2,500 records, 2,500 clean, 0 quarantined (1.00 s)\n  customers: 2,500 records,");
  });

  test("lines up the record counts of rules on Chinese, Japanese and Korean fields by display width", () => {
    const cjk = (name: string, field: string, failed: number, severity: RuleSummary["severity"] = "error"): RuleSummary => ({ ...rule(0, failed), rule: name, field, severity });
    const rules = [
      cjk("phone", "手机号", 9),
      cjk("required", "カタカナ", 7, "warning"),
      cjk("pattern", "한국어", 5),
      cjk("required", "email", 3, "info"),
      cjk("in", "省份和直辖市的完整中文名称以及它们的拼音写法", 1),
    ];
    const text = formatSummary(combineReports("job", [dataset(rules, undefined, "客户")]));
    const rows = text.split("\n").filter((l) => / records?$/.test(l) && l.startsWith("    "));
    expect(rows).toHaveLength(5);
    // Each row: severity, rule (field), count; the count starts at the same column in every row, after the widest label.
    const countColumn = rows.map((l) => displayWidth(l.slice(0, l.search(/\d+ records?$/))));
    expect(new Set(countColumn).size).toBe(1);
    expect(countColumn[0]).toBe(4 + 8 + displayWidth("in (省份和直辖市的完整中文名称以及它们的拼音写法)") + 1);
    const ruleColumn = rows.map((l) => displayWidth(l.slice(0, l.search(/(phone|required|pattern|in) \(/))));
    expect(new Set(ruleColumn).size).toBe(1);
    expect(rows[0]).toBe(`    error   phone (手机号)${" ".repeat(countColumn[0]! - 12 - displayWidth("phone (手机号)"))}9 records`);
    expect(rows[4]!.endsWith(") 1 record")).toBe(true);
  });

  test("keeps the 36-column rule column for short CJK labels", () => {
    const text = formatSummary(combineReports("job", [dataset([{ ...rule(0, 2), rule: "phone", field: "手机号" }])]));
    expect(text).toContain(`    error   phone (手机号)${" ".repeat(36 - 14)} 2 records\n`);
  });
});
