import { combineReports } from "@cleanse/core";
import { describe, expect, test } from "vitest";
import { datasetReport } from "../../test-support/fixtures.ts";
import { isJobReport, toJobReport } from "./toJobReport.ts";

describe("toJobReport", () => {
  test("wraps a dataset report in a job of one dataset with the same times and totals", () => {
    const d = datasetReport();
    const job = toJobReport(d);
    expect(job).toEqual({ schemaVersion: 1, job: "people", startedAt: d.startedAt, finishedAt: d.finishedAt, totals: d.totals, datasets: [d] });
    expect(isJobReport(d)).toBe(false);
  });

  test("returns a job report as it is", () => {
    const job = combineReports("j", [datasetReport()]);
    expect(toJobReport(job)).toBe(job);
    expect(isJobReport(job)).toBe(true);
  });
});
