import { ConfigError, type JobReport, type QualityReport } from "@cleanse/core";
import { jobScore } from "../readScorecard/readScorecard.ts";
import type { Scorecard } from "../Scorecard/Scorecard.ts";

/** What {@link failUnder} decided. */
export interface FailUnderResult {
  /** True when the score is at or above the threshold. */
  readonly ok: boolean;
  readonly score: number;
  readonly threshold: number;
  /** Datasets scoring below the threshold (for a job report). */
  readonly below: readonly { readonly dataset: string; readonly score: number }[];
  /** One line for the terminal, e.g. `quality score 87.5 is below 90`. */
  readonly message: string;
}

function isScorecard(value: unknown): value is Scorecard {
  return typeof value === "object" && value !== null && "version" in value && "distribution" in value && typeof (value as Scorecard).score === "number";
}

/**
 * Tells whether quality stays at or above a threshold, for a CI gate (`cleanse run --fail-under 90`):
 * the job score is the mean record score over all scored datasets.
 * @param input - a scorecard, a dataset report or a job report
 * @param threshold - the lowest acceptable score, 0-100
 * @returns whether it passes, the score, the datasets below, and a message
 * @throws ConfigError (`CLEANSE_USAGE`) for a threshold outside 0-100; (`CLEANSE_NO_SCORE`) when nothing was scored
 * @example
 * failUnder(report, 90) //=> { ok: false, score: 87.5, threshold: 90, below: [{ dataset: "crm", score: 87.5 }], message: "quality score 87.5 is below 90" }
 */
export function failUnder(input: Scorecard | QualityReport | JobReport, threshold: number): FailUnderResult {
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 100) {
    throw new ConfigError(`--fail-under takes a score from 0 to 100; received ${threshold}`, { code: "CLEANSE_USAGE" });
  }
  let score: number;
  let below: { dataset: string; score: number }[] = [];
  if (isScorecard(input)) {
    score = input.score;
  } else {
    const job = jobScore(input);
    if (!job) {
      throw new ConfigError("the report has no score: add a score step (`- score: {}`) as the last step of each dataset", {
        code: "CLEANSE_NO_SCORE",
        hint: "the score step adds _score to each record and the scorecard to the report",
      });
    }
    score = job.score;
    below = job.datasets.filter((d) => d.score < threshold).map((d) => ({ dataset: d.dataset, score: d.score }));
  }
  const ok = score >= threshold;
  const detail = below.length > 0 && !(below.length === 1 && below[0]!.score === score) ? ` (${below.map((d) => `${d.dataset} ${d.score}`).join(", ")})` : "";
  const message = ok ? `quality score ${score} is at or above ${threshold}` : `quality score ${score} is below ${threshold}${detail}`;
  return { ok, score, threshold, below, message };
}
