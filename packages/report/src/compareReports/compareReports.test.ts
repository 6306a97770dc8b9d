import { combineReports } from "@cleanse/core";
import { describe, expect, test } from "vitest";
import { datasetReport } from "../../test-support/fixtures.ts";
import { compareReports } from "./compareReports.ts";

const baseline = datasetReport();
const current = datasetReport({
  totals: { total: 250, clean: 225, quarantined: 25, merged: 0 },
  rules: [
    { ...baseline.rules[0]!, failed: 20, ratio: 0.08 },
    { ...baseline.rules[1]!, failed: 25, ratio: 0.1 },
    { rule: "phone", field: "phone", severity: "warning", dimension: "validity", failed: 5, ratio: 0.02, examples: [] },
  ],
  dimensions: [
    { dimension: "completeness", failedRecords: 25, score: 90, basis: "checks", weight: 1, records: 250, checks: 250, failed: 25 },
    { dimension: "validity", failedRecords: 20, score: 92, basis: "checks", weight: 1, records: 250, checks: 250, failed: 20 },
  ],
  sections: {
    score: {
      ...(baseline.sections.score as object),
      records: 250,
      score: 88,
      fields: [
        { field: "email", score: 92, weight: 1, checks: 250, failed: 20 },
        { field: "name", score: 90, weight: 1, checks: 250, failed: 25 },
      ],
    },
  },
});

describe("compareReports", () => {
  test("tells which numbers got better and which got worse", () => {
    const c = compareReports(baseline, current);
    expect(c.kind).toBe("comparison");
    expect(c.score).toEqual({ baseline: 75, current: 88, change: 13, direction: "better" });
    expect(c.totals.total).toEqual({ baseline: 200, current: 250, change: 50, direction: "changed" });
    expect(c.totals.quarantinedRatio).toEqual({ baseline: 0.25, current: 0.1, change: -0.15, direction: "better" });
    const d = c.datasets[0]!;
    expect(d.presence).toBe("both");
    // failing shares: email 40/200 = 0.2 -> 20/250 = 0.08; name 10/200 = 0.05 -> 25/250 = 0.1; phone new
    expect(d.rules.map((r) => [r.rule, r.baseline, r.current, r.direction])).toEqual([
      ["required", 0.05, 0.1, "worse"],
      ["phone", null, 0.02, "new"],
      ["unique", 0, null, "gone"],
      ["email", 0.2, 0.08, "better"],
    ]);
    expect(d.dimensions).toEqual([
      { dimension: "completeness", baseline: 95, current: 90, change: -5, direction: "worse" },
      { dimension: "uniqueness", baseline: 100, current: null, change: null, direction: "gone" },
      { dimension: "validity", baseline: 80, current: 92, change: 12, direction: "better" },
    ]);
    expect(d.fields.find((f) => f.field === "email")).toEqual({ field: "email", metric: "score", baseline: 80, current: 92, change: 12, direction: "better" });
    // better: email rule, validity, email field; worse: required rule, completeness, name field
    expect(c.summary).toEqual({ better: 3, worse: 3 });
  });

  test("a dimension computed differently in the two runs has changed, neither better nor worse", () => {
    const unscored = datasetReport({ sections: {}, dimensions: [{ dimension: "validity", failedRecords: 40, score: 80, basis: "records" }] });
    const d = compareReports(unscored, current).datasets[0]!;
    expect(d.dimensions.find((x) => x.dimension === "validity")).toEqual({ dimension: "validity", baseline: 80, current: 92, change: 12, direction: "changed" });
  });

  test("compares failing shares of fields when a run was not scored", () => {
    const unscored = datasetReport({ sections: {} });
    const later = { ...current, fields: [{ field: "email", failed: 75, ratio: 0.3, changed: 0, codes: {} }] };
    const d = compareReports(unscored, later).datasets[0]!;
    expect(d.fields.find((f) => f.field === "email")).toEqual({ field: "email", metric: "failedRatio", baseline: 0.2, current: 0.3, change: 0.1, direction: "worse" });
  });

  test("lists datasets that appeared or disappeared", () => {
    const c = compareReports(combineReports("job", [baseline]), combineReports("job", [datasetReport({ dataset: "orders" })]));
    expect(c.datasets.map((d) => [d.dataset, d.presence])).toEqual([
      ["orders", "new"],
      ["people", "gone"],
    ]);
  });

  test("a run compared with itself has changed nothing", () => {
    const c = compareReports(baseline, baseline);
    expect(c.summary).toEqual({ better: 0, worse: 0 });
    expect(c.datasets[0]!.rules.every((r) => r.direction === "same")).toBe(true);
  });
});
