import type { JobReport, QualityReport } from "@cleanse/core";
import { describe, expect, test } from "vitest";
import type { Scorecard } from "../Scorecard/Scorecard.ts";
import { failUnder } from "./failUnder.ts";

const card = (score: number, records: number): Scorecard => ({
  version: 2,
  records,
  score,
  meanRecordScore: score,
  quarantined: 0,
  duplicates: 0,
  fields: [],
  distribution: { bins: [], perfect: 0, min: score, max: score, median: score, p10: score },
  weights: { dimensions: {}, fields: {}, severities: { error: 1, warning: 0.5, info: 0 } },
  declaredChecks: 0,
  undeclared: [],
});

const dataset = (name: string, score?: Scorecard): QualityReport => ({
  schemaVersion: 1,
  dataset: name,
  startedAt: "2025-01-01T00:00:00.000Z",
  finishedAt: "2025-01-01T00:00:01.000Z",
  totals: { total: score?.records ?? 0, clean: score?.records ?? 0, quarantined: 0, merged: 0 },
  inputs: [],
  rules: [],
  fields: [],
  dimensions: [],
  datasetIssues: [],
  timings: { totalMs: 1000, recordsPerSecond: 0, steps: [] },
  warnings: [],
  sections: score ? { score } : {},
});

const job = (...datasets: QualityReport[]): JobReport => ({
  schemaVersion: 1,
  job: "demo",
  startedAt: "2025-01-01T00:00:00.000Z",
  finishedAt: "2025-01-01T00:00:01.000Z",
  totals: { total: 0, clean: 0, quarantined: 0, merged: 0 },
  datasets,
});

describe("failUnder", () => {
  test("passes at or above the threshold", () => {
    expect(failUnder(card(90, 10), 90)).toMatchObject({ ok: true, score: 90 });
    expect(failUnder(card(89.99, 10), 90)).toMatchObject({ ok: false, score: 89.99, message: "quality score 89.99 is below 90" });
  });

  test("weights a job's datasets by their records and names the ones below", () => {
    // (100 * 300 + 70 * 100) / 400 = 92.5
    const r = failUnder(job(dataset("crm", card(100, 300)), dataset("erp", card(70, 100)), dataset("unscored")), 95);
    expect(r).toEqual({
      ok: false,
      score: 92.5,
      threshold: 95,
      below: [{ dataset: "erp", score: 70 }],
      message: "quality score 92.5 is below 95 (erp 70)",
    });
  });

  test("reads a single dataset report", () => {
    expect(failUnder(dataset("crm", card(80, 5)), 75).ok).toBe(true);
  });

  test("refuses a report without any score, and a threshold outside 0-100", () => {
    expect(() => failUnder(job(dataset("crm")), 90)).toThrowError(expect.objectContaining({ code: "CLEANSE_NO_SCORE" }));
    expect(() => failUnder(card(90, 1), 101)).toThrowErrorMatchingInlineSnapshot(`[ConfigError: --fail-under takes a score from 0 to 100; received 101]`);
  });
});
