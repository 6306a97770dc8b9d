import type { ReportTotals } from "@cleanse/core";

/** The colour band of a score: green, amber or red. */
export type Band = "good" | "fair" | "poor";

/** A score is `good` from this score up, if few records were quarantined. */
export const GOOD_SCORE = 95;
/** A score is at least `fair` from this score up. */
export const FAIR_SCORE = 80;
/** The largest quarantined share a `good` dataset or job may have. */
export const GOOD_MAX_QUARANTINED = 0.02;

/**
 * The band of a score (docs/score.md, "Bands"): `good` at 95 and above when at most 2% of the records
 * were quarantined, `fair` at 80 and above, `poor` below 80. Without a quarantined share (a dimension
 * or field score), the score alone decides.
 */
export function band(score: number, quarantinedShare?: number): Band {
  if (score >= GOOD_SCORE && (quarantinedShare === undefined || quarantinedShare <= GOOD_MAX_QUARANTINED)) return "good";
  return score >= FAIR_SCORE ? "fair" : "poor";
}

/** Quarantined records / all records, 0 when there are none. */
export function quarantinedShare(totals: ReportTotals): number {
  return totals.total === 0 ? 0 : totals.quarantined / totals.total;
}

/** Anchor of the "How the score is computed" part of a rendered report. */
export const SCORE_FORMULA_ANCHOR = "how-the-score-is-computed";

/** The one sentence a report says about its score. */
export const SCORE_SENTENCE =
  "The score is the mean of the record scores (each the weighted mean of the record's dimension scores, from the share of its checks that passed), with quarantined records counting 0";

/** The formula, line by line, for the "How the score is computed" part of a rendered report. */
export const SCORE_FORMULA: readonly string[] = [
  "A check is one field in one dimension (all rules on it together: a standardizer and a rule that both reject an e-mail address are one failed validity check of that field), or one record-level rule. Its weight is the field weight × the severity weight (error 1, warning 0.5, info 0).",
  "Record r, dimension d: S_d(r) = 100 × (1 − failed weight / checked weight). A redundant copy of another record (a later member of a cluster of duplicates) scores 0 in uniqueness.",
  "Record score: S(r) = Σ W_d · S_d(r) / Σ W_d over the dimensions checked on r (dimension weights W_d, default 1).",
  "Dimension score: the mean of S_d(r) over the records where d was checked; with a dedupe step, uniqueness is 100 × (1 − redundant copies / records) when the other uniqueness checks pass.",
  "Dataset score: Σ S(r) over the records not quarantined / all records, so it is at most 100 × (1 − quarantined share). Job score: the same over every dataset's records.",
  `Bands: good ≥ ${GOOD_SCORE} with at most ${GOOD_MAX_QUARANTINED * 100}% quarantined, fair ≥ ${FAIR_SCORE}, poor below. The full formula: docs/score.md ("The formula") in the Cleanse repository.`,
];
