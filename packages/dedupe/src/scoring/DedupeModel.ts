import type { ComparatorType, DedupeConfig } from "../config/dedupeConfigSchema.ts";
import type { LevelKind } from "../comparisons/createComparison.ts";
import type { Vocabulary } from "../comparisons/vocabulary.ts";

/** Trained probabilities of one comparison level. The null level has m = u = 1 (no evidence). */
export interface ModelLevel {
  readonly label: string;
  readonly kind: LevelKind;
  /** P(level | match). */
  readonly m: number;
  /** P(level | non-match). */
  readonly u: number;
}

/** How often each value occurs, for term-frequency adjustment of exact agreement. */
export interface TermFrequencyTable {
  /** Records with a value. */
  readonly total: number;
  /** Sum of squared value frequencies: the chance two random records agree exactly. */
  readonly sumSquares: number;
  /** Counts of values seen at least twice; missing values count as 2. */
  readonly counts: Readonly<Record<string, number>>;
}

export interface ModelComparison {
  readonly name: string;
  readonly fields: readonly string[];
  readonly type: ComparatorType;
  readonly levels: readonly ModelLevel[];
  readonly termFrequency?: TermFrequencyTable;
  /** `tfidf` and `codes`: how many records held each token when the model was trained. */
  readonly vocabulary?: Vocabulary;
}

/** How the model was trained. */
export interface TrainingSummary {
  readonly method: "em" | "labels" | "fixed";
  readonly records: number;
  readonly candidatePairs: number;
  /** Candidate pairs EM saw. */
  readonly trainingPairs: number;
  /** Random pairs drawn to estimate u. */
  readonly uSamplePairs: number;
  readonly emIterations: number;
  readonly converged: boolean;
  /** Largest move of lambda or of an m or u probability in EM's last iteration (models saved before it lack it). */
  readonly lastChange?: number;
  readonly labelledPairs?: number;
  /**
   * How much each labelled pair counted in EM: 0 when training without the labels did best on them, else the
   * number of candidate pairs it stood for (see the guide, "Labels").
   */
  readonly labelWeight?: number;
}

/**
 * A trained Fellegi-Sunter model: plain JSON, saved with `saveModel` and reused with `loadModel`.
 */
export interface DedupeModel {
  readonly format: "cleanse-dedupe-model";
  readonly version: 1;
  readonly mode: "dedupe" | "link";
  readonly config: DedupeConfig;
  /** Prior probability that a candidate pair (one the blocking rules produce) is a match. */
  readonly lambda: number;
  /** Prior probability that two records drawn at random are a match. */
  readonly populationLambda: number;
  readonly comparisons: readonly ModelComparison[];
  readonly training: TrainingSummary;
}
