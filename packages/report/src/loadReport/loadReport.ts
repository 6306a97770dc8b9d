import { readFile } from "node:fs/promises";
import { DataError, IoError, REPORT_SCHEMA_VERSION, type JobReport, type QualityReport } from "@cleanse/core";
import { toJobReport } from "../toJobReport/toJobReport.ts";

/** Options of {@link parseReport}. */
export interface ParseReportOptions {
  /** File name for error messages. */
  readonly file?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function checkDataset(d: unknown, file: string, at: string): void {
  if (!isObject(d) || typeof d.dataset !== "string" || !isObject(d.totals) || !Array.isArray(d.rules)) {
    throw new DataError(`${file} is not a Cleanse report: ${at} lacks dataset, totals or rules`, { code: "CLEANSE_BAD_REPORT", location: { file } });
  }
  const fill = d as Record<string, unknown>;
  for (const key of ["fields", "dimensions", "datasetIssues", "warnings", "inputs"]) if (!Array.isArray(fill[key])) fill[key] = [];
  if (!isObject(fill.sections)) fill.sections = {};
  if (!isObject(fill.timings)) fill.timings = { totalMs: 0, recordsPerSecond: 0, steps: [] };
}

/**
 * Parses a JSON report written by an earlier run (a job report or a dataset report), checking its
 * schema version and shape, e.g. the baseline of `cleanse run --baseline`.
 * @param text - the JSON text
 * @param options - file name for messages
 * @returns the report as a job report
 * @throws DataError (`CLEANSE_BAD_REPORT`) when it is not JSON, not a report, or of a newer schema version
 * @example
 * parseReport(readFileSync("out/report.json", "utf8"), { file: "out/report.json" }).datasets.length //=> 3
 */
export function parseReport(text: string, options: ParseReportOptions = {}): JobReport {
  const file = options.file ?? "report";
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DataError(`${file} is not valid JSON: ${(error as Error).message}`, { code: "CLEANSE_BAD_REPORT", location: { file }, cause: error });
  }
  if (!isObject(value)) throw new DataError(`${file} is not a Cleanse report: expected a JSON object`, { code: "CLEANSE_BAD_REPORT", location: { file } });
  const version = value.schemaVersion;
  if (typeof version !== "number") throw new DataError(`${file} is not a Cleanse report: it has no schemaVersion`, { code: "CLEANSE_BAD_REPORT", location: { file } });
  if (version > REPORT_SCHEMA_VERSION) {
    throw new DataError(`${file} has report schema version ${version}; this version of Cleanse reads up to ${REPORT_SCHEMA_VERSION}`, {
      code: "CLEANSE_BAD_REPORT",
      location: { file },
      hint: "upgrade Cleanse, or compare against a report written by this version",
    });
  }
  if (Array.isArray(value.datasets)) {
    value.datasets.forEach((d, i) => checkDataset(d, file, `datasets[${i}]`));
    if (!isObject(value.totals)) throw new DataError(`${file} is not a Cleanse report: it lacks totals`, { code: "CLEANSE_BAD_REPORT", location: { file } });
    return value as unknown as JobReport;
  }
  checkDataset(value, file, "the report");
  return toJobReport(value as unknown as QualityReport);
}

/**
 * Reads a JSON report written by an earlier run, for `compareReports`.
 * @param path - the report file
 * @returns the report as a job report
 * @throws IoError (`CLEANSE_FILE_NOT_FOUND`, `CLEANSE_IO`) when it cannot be read; DataError (`CLEANSE_BAD_REPORT`) when it is not a report
 * @example
 * const baseline = await loadReport("out/previous-report.json");
 */
export async function loadReport(path: string): Promise<JobReport> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code === "ENOENT" ? "CLEANSE_FILE_NOT_FOUND" : "CLEANSE_IO";
    throw new IoError(`Cannot read the report ${path}: ${(error as Error).message}`, { code, location: { file: path }, cause: error });
  }
  return parseReport(text, { file: path });
}
