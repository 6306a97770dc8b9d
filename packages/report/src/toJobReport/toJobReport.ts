import { combineReports, type JobReport, type QualityReport } from "@cleanse/core";

/**
 * Tells a job report from a dataset report.
 * @param report - either kind of report
 * @returns true for a job report
 * @example
 * isJobReport(combineReports("demo", [])) //=> true
 */
export function isJobReport(report: JobReport | QualityReport): report is JobReport {
  return Array.isArray((report as JobReport).datasets);
}

/**
 * Treats any report as a job report: a dataset report becomes a job of one dataset.
 * @param report - a job report or a dataset report
 * @returns a job report
 * @example
 * toJobReport(datasetReport).datasets.length //=> 1
 */
export function toJobReport(report: JobReport | QualityReport): JobReport {
  if (isJobReport(report)) return report;
  const job = combineReports(report.dataset, [report]);
  return { ...job, startedAt: report.startedAt, finishedAt: report.finishedAt };
}
