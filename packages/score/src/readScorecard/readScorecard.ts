import type { JobReport, QualityReport } from "@cleanse/core";
import type { Scorecard } from "../Scorecard/Scorecard.ts";

function isScorecard(value: unknown): value is Scorecard {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Partial<Scorecard>;
  return typeof v.score === "number" && typeof v.records === "number" && Array.isArray(v.fields);
}

/**
 * Reads the scorecard a score step left in a dataset report, checking its shape.
 * @param report - a dataset report
 * @returns the scorecard, or undefined when the dataset was not scored
 * @example
 * readScorecard(report)?.score //=> 93.5
 */
export function readScorecard(report: Pick<QualityReport, "sections">): Scorecard | undefined {
  const section = report.sections?.score;
  return isScorecard(section) ? section : undefined;
}

/** The score of a whole job. */
export interface JobScore {
  /** Mean record score over all scored datasets (each weighted by its records), 0-100. */
  readonly score: number;
  readonly records: number;
  readonly datasets: readonly { readonly dataset: string; readonly score: number; readonly records: number }[];
}

/**
 * Combines the scorecards of a job's datasets: the mean record score over every scored record.
 * @param report - a job report, or a single dataset report
 * @returns the job score, or undefined when no dataset was scored
 * @example
 * jobScore(report)?.score //=> 91.2
 */
export function jobScore(report: JobReport | QualityReport): JobScore | undefined {
  const datasets = "datasets" in report ? report.datasets : [report];
  const scored = datasets.flatMap((d) => {
    const card = readScorecard(d);
    return card ? [{ dataset: d.dataset, score: card.score, records: card.records }] : [];
  });
  if (scored.length === 0) return undefined;
  const records = scored.reduce((n, d) => n + d.records, 0);
  const score = records === 0 ? scored.reduce((s, d) => s + d.score, 0) / scored.length : scored.reduce((s, d) => s + d.score * d.records, 0) / records;
  return { score: Math.round(score * 100) / 100, records, datasets: scored };
}
