import { describe, expect, test } from "vitest";
import type { FieldReport, ReconcileReport, ReconcileSide, ReconcileTotals, TimelinessReport } from "../ReconcileReport/ReconcileReport.ts";
import { formatReconcileSummary } from "./formatReconcileSummary.ts";

const side = (name: string, records: number): ReconcileSide => ({
  name,
  records,
  missingKey: 0,
  duplicateKeys: 0,
  unmatchedFields: [],
  sort: { mode: "memory", runs: 1, spilledBytes: 0 },
});

const field = (name: string, mismatches: number): FieldReport => ({
  field: name,
  rightField: name,
  standardize: "none",
  compare: "exact",
  compared: 10,
  mismatches,
  mismatchRate: mismatches / 10,
  examples: [],
});

const timeliness = (pairs: number): TimelinessReport => ({
  leftField: "updated_at",
  rightField: "updated_at",
  pairs,
  unreadable: 0,
  rightBehind: 0,
  lagSeconds: { min: 1, p50: 2, p90: 3, p95: 4, p99: 5, max: 6, mean: 2.5 },
  sampled: false,
  histogram: [],
});

function report(totals: Partial<ReconcileTotals>, more: Partial<ReconcileReport> = {}): ReconcileReport {
  const t = { left: 0, right: 0, matched: 0, identical: 0, mismatched: 0, leftOnly: 0, rightOnly: 0, fuzzyMatched: 0, diffRows: 0, ...totals };
  return {
    schemaVersion: 1,
    kind: "reconcile",
    left: side("crm", t.left),
    right: side("erp", t.right),
    key: { left: ["id"], right: ["id"], match: "exact" },
    totals: t,
    fields: [],
    examples: { leftOnly: [], rightOnly: [] },
    startedAt: "2025-01-01T00:00:00.000Z",
    durationMs: 10,
    warnings: [],
    ...more,
  };
}

describe("formatReconcileSummary", () => {
  test("says differs for one differing pair and differ for more", () => {
    expect(formatReconcileSummary(report({ matched: 2, identical: 1, mismatched: 1 })).split("\n")[0]).toBe(
      "crm ↔ erp: 2 matched (1 identical, 1 differs), 0 only in crm, 0 only in erp",
    );
    expect(formatReconcileSummary(report({ matched: 2430, identical: 1890, mismatched: 540, leftOnly: 1650, rightOnly: 11 })).split("\n")[0]).toBe(
      "crm ↔ erp: 2,430 matched (1,890 identical, 540 differ), 1,650 only in crm, 11 only in erp",
    );
  });

  test("says pair for one timed pair and pairs for more", () => {
    expect(formatReconcileSummary(report({ matched: 1, identical: 1 }, { timeliness: timeliness(1) }))).toContain("  sync lag: p50 2 s, p95 4 s over 1 pair\n");
    expect(formatReconcileSummary(report({ matched: 1200, identical: 1200 }, { timeliness: timeliness(1200) }))).toContain("  sync lag: p50 2 s, p95 4 s over 1,200 pairs\n");
  });

  test("names Chinese, Japanese and Korean sides and fields as written", () => {
    const r = report(
      { matched: 3, identical: 1, mismatched: 2, leftOnly: 1 },
      { left: side("客户", 4), right: side("顧客", 3), fields: [field("手机号", 2), field("カタカナ", 1), field("한국어", 1), field("email", 0)] },
    );
    expect(formatReconcileSummary(r, ["出力/diff.csv"])).toBe(
      "客户 ↔ 顧客: 3 matched (1 identical, 2 differ), 1 only in 客户, 0 only in 顧客\n  differing fields: 手机号 2, カタカナ 1, 한국어 1\n  wrote 出力/diff.csv\n",
    );
  });
});
