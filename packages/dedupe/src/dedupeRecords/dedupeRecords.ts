import { AbortedError, createProgressReporter, type DataRecord, type ProgressEvent } from "@cleanse/core";
import { leastCertain } from "../_internal/leastCertain.ts";
import { readRecords } from "../_internal/readRecords.ts";
import { toNullSet } from "../_internal/normalize.ts";
import { createTable } from "../_internal/table.ts";
import { autoConfigure } from "../autoConfigure/autoConfigure.ts";
import type { BlockingStats } from "../blocking/blockPairs.ts";
import { clusterIndexed, type Cluster } from "../clustering/clusterPairs.ts";
import type { DedupeConfig } from "../config/dedupeConfigSchema.ts";
import { parseDedupeConfig } from "../config/parseDedupeConfig.ts";
import { resolveConfig } from "../config/resolveConfig.ts";
import { buildGoldenRecords, type GoldenRecord } from "../golden/buildGoldenRecords.ts";
import { toProbability } from "../scoring/compileModel.ts";
import type { DedupeModel } from "../scoring/DedupeModel.ts";
import { runMatching, type LabelCheck, type LabelOptions } from "../scoring/runMatching.ts";

/** Options of {@link dedupeRecords}. */
export interface DedupeOptions {
  /** Field holding record ids; overrides the config's `idField`. Default `id`. */
  readonly idField?: string;
  /** Match probability threshold; overrides the config's. Default 0.9. */
  readonly threshold?: number;
  /** Worker threads for pair comparisons: a number, or `auto` (2 when there are many pairs). */
  readonly workers?: number | "auto";
  /** Use this trained model instead of training one (no EM). */
  readonly model?: DedupeModel;
  /** Labelled pairs to train on or to check the model against. */
  readonly labels?: LabelOptions;
  /** Build golden records for multi-record clusters. Default true. */
  readonly golden?: boolean;
  /** How many of the least certain candidate pairs to return for review. Default 20. */
  readonly uncertainPairs?: number;
  /**
   * Per record id, fields whose value failed a rule or a standardization: golden records never choose such a
   * value over a valid one (see `buildGoldenRecords`). The dedupe step fills it from each record's issues.
   */
  readonly invalidFields?: Readonly<Record<string, readonly string[]>>;
  readonly signal?: AbortSignal;
  /**
   * Receives the run's phases as they happen, each from `done` 0 to its end: `reading` (an input that is not an
   * array), `blocking` (rules, with the candidate `pairs` found), `comparing` (pairs, of a total known after
   * blocking), `training` (EM iterations of `em.maxIterations`; absent with `model`), `scoring` (pairs),
   * `clustering` (pairs) and `golden` (clusters). Counts come at most every 100 ms.
   */
  readonly onProgress?: (event: ProgressEvent) => void;
}

/** A scored pair of records. */
export interface MatchedPair {
  readonly a: string;
  readonly b: string;
  readonly match_probability: number;
  /** log2 match weight. */
  readonly match_weight: number;
}

/** Timings of a run in milliseconds. */
export interface DedupeTimings {
  readonly readMs: number;
  readonly blockingMs: number;
  readonly comparingMs: number;
  readonly trainingMs: number;
  readonly scoringMs: number;
  readonly clusteringMs: number;
  readonly goldenMs: number;
  readonly totalMs: number;
}

/** Counts and timings of a dedupe run. */
export interface DedupeStats {
  readonly records: number;
  readonly clusters: number;
  /** Clusters with two or more records. */
  readonly multiRecordClusters: number;
  /** Records that have a duplicate: sum of sizes of multi-record clusters minus their number. */
  readonly duplicates: number;
  readonly candidatePairs: number;
  readonly pairsAboveThreshold: number;
  readonly reductionRatio: number;
  readonly blocking: BlockingStats;
  readonly emIterations: number;
  readonly emConverged: boolean;
  readonly lambda: number;
  readonly chainedClusters: number;
  readonly workers: number;
  readonly threshold: number;
  readonly timings: DedupeTimings;
  readonly recordsPerSecond: number;
  readonly pairsPerSecond: number;
  /** Blocks larger than `maxBlockSize`, and EM that stopped at `em.maxIterations` without converging. */
  readonly warnings: readonly string[];
}

/** Everything a dedupe run finds. Plain data. */
export interface DedupeResult {
  /**
   * Each input record with `cluster_id` and `match_probability` added. `match_probability` is the
   * highest probability linking the record to another member of its cluster, and 1 for a record
   * alone in its cluster (nothing contradicts it being its own entity).
   */
  readonly records: DataRecord[];
  /** Clusters with two or more records; every other record is its own cluster, with its id as cluster_id. */
  readonly clusters: Cluster[];
  /** Candidate pairs at or above the threshold. */
  readonly pairs: MatchedPair[];
  /** One golden record per multi-record cluster, with lineage. */
  readonly goldenRecords: GoldenRecord[];
  /**
   * Candidate pairs whose match probability is closest to 0.5, least certain first: the pairs worth a
   * clerical review. Labelled, they go back in as `labels` (`use: "check"` or `"train"`).
   */
  readonly uncertainPairs: MatchedPair[];
  readonly model: DedupeModel;
  readonly config: DedupeConfig;
  readonly stats: DedupeStats;
  /** Present when labelled pairs were given with `use: "check"`. */
  readonly labelCheck?: LabelCheck;
}

/**
 * Finds duplicate records without labelled data: blocking rules pick candidate pairs, multi-level
 * comparisons turn each pair into a comparison vector, EM estimates the Fellegi-Sunter m and u
 * probabilities and the prior, pairs above the threshold are clustered (connected components unless
 * `clustering.method` says otherwise), and each cluster gets a golden record.
 * @param records - records with an id field (any iterable or async iterable)
 * @param config - a configuration (plain data or YAML text) or `auto` to let autoConfigure choose
 * @param options - id field, threshold, workers, a pre-trained model, labels
 * @returns records with cluster ids, clusters, matched pairs, golden records, the model and stats
 * @example
 * const result = await dedupeRecords(customers, "auto", { idField: "customer_id" });
 * result.stats.multiRecordClusters //=> 42
 */
export async function dedupeRecords(
  records: AsyncIterable<DataRecord> | Iterable<DataRecord>,
  config: DedupeConfig | string | "auto",
  options: DedupeOptions = {},
): Promise<DedupeResult> {
  const t0 = performance.now();
  const progress = createProgressReporter(options.onProgress);
  const preliminaryId = options.idField ?? (typeof config === "object" ? config.idField : undefined) ?? options.model?.config.idField ?? "id";
  const { records: list, ids } = await readRecords(records, preliminaryId, "input", options.signal, progress);
  const tRead = performance.now();
  const chosen: DedupeConfig =
    options.model !== undefined && config === "auto"
      ? options.model.config
      : config === "auto"
        ? autoConfigure(list, { idField: preliminaryId })
        : parseDedupeConfig(config);
  const resolved = resolveConfig(chosen, preliminaryId);
  const threshold = options.threshold ?? resolved.threshold;
  const table = createTable(list, toNullSet(resolved.nullValues));
  const matched = await runMatching({
    table,
    ids,
    config: resolved,
    rawConfig: chosen,
    mode: "dedupe",
    model: options.model,
    labels: options.labels,
    workers: options.workers,
    signal: options.signal,
    progress,
  });
  const tScored = performance.now();
  const { codes, weights } = matched;
  const n = list.length;
  progress.start("clustering", "pairs", { total: codes.length });
  const probabilities = new Float64Array(weights.length);
  for (let p = 0; p < weights.length; p++) probabilities[p] = toProbability(weights[p]!);
  const clustered = clusterIndexed({
    ids,
    codes,
    probabilities,
    threshold,
    method: resolved.clusteringMethod,
    chaining: resolved.chaining,
    chainingMinProbability: resolved.chainingMinProbability,
  });
  const pairs: MatchedPair[] = [];
  for (let p = 0; p < codes.length; p++) {
    if (probabilities[p]! < threshold) continue;
    const i = Math.floor(codes[p]! / n);
    pairs.push({ a: ids[i]!, b: ids[codes[p]! - i * n]!, match_probability: probabilities[p]!, match_weight: weights[p]! });
  }
  const uncertainPairs = leastCertain(weights, options.uncertainPairs ?? 20).map((p): MatchedPair => {
    const i = Math.floor(codes[p]! / n);
    return { a: ids[i]!, b: ids[codes[p]! - i * n]!, match_probability: probabilities[p]!, match_weight: weights[p]! };
  });
  const out: DataRecord[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const k = clustered.clusterOf[i]!;
    out[i] = { ...list[i], cluster_id: k === -1 ? ids[i]! : clustered.clusters[k]!.cluster_id, match_probability: clustered.probability[i]! };
  }
  const multi = clustered.clusters;
  progress.end(codes.length, { clusters: multi.length });
  const tClustered = performance.now();
  if (options.signal?.aborted) throw new AbortedError(undefined, { cause: options.signal.reason });
  if (options.golden !== false) progress.start("golden", "clusters", { total: multi.length });
  const goldenRecords =
    options.golden === false
      ? []
      : buildGoldenRecords(list, multi, {
          ...resolved.golden,
          idField: resolved.idField,
          ...(options.invalidFields === undefined ? {} : { invalidFields: options.invalidFields }),
        });
  progress.end(multi.length);
  const tGolden = performance.now();
  const totalMs = tGolden - t0;
  const m = matched.model;
  const stats: DedupeStats = {
    records: n,
    clusters: n - multi.reduce((s, c) => s + c.size - 1, 0),
    multiRecordClusters: multi.length,
    duplicates: multi.reduce((s, c) => s + c.size - 1, 0),
    candidatePairs: codes.length,
    pairsAboveThreshold: pairs.length,
    reductionRatio: matched.blocking.reductionRatio,
    blocking: matched.blocking,
    emIterations: m.training.emIterations,
    emConverged: m.training.converged,
    lambda: m.lambda,
    chainedClusters: clustered.clusters.filter((c) => c.chained).length,
    workers: matched.workers,
    threshold,
    timings: {
      readMs: Math.round(tRead - t0),
      ...matched.timings,
      clusteringMs: Math.round(tClustered - tScored),
      goldenMs: Math.round(tGolden - tClustered),
      totalMs: Math.round(totalMs),
    },
    recordsPerSecond: Math.round(n / Math.max(totalMs / 1000, 1e-6)),
    pairsPerSecond: Math.round(codes.length / Math.max(matched.timings.comparingMs / 1000, 1e-3)),
    warnings: matched.warnings,
  };
  return {
    records: out,
    clusters: multi,
    pairs,
    goldenRecords,
    uncertainPairs,
    model: m,
    config: chosen,
    stats,
    ...(matched.labelCheck ? { labelCheck: matched.labelCheck } : {}),
  };
}
