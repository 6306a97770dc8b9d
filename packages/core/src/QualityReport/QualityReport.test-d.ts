import { describe, expectTypeOf, test } from "vitest";
import type { ReportTotals } from "./QualityReport.ts";

describe("ReportTotals", () => {
  test("passes where counts are taken, as an incremental run's commit(report.totals) does", () => {
    expectTypeOf<ReportTotals>().toExtend<Readonly<Record<string, number>>>();
  });
});
