import { createProgressReporter, type DataRecord, type ProgressEvent } from "@cleanse/core";
import { leastCertain } from "../_internal/leastCertain.ts";
import { toNullSet } from "../_internal/normalize.ts";
import { readRecords } from "../_internal/readRecords.ts";
import { createTable } from "../_internal/table.ts";
import { configureWithSources } from "../autoConfigure/autoConfigure.ts";
import type { BlockingStats } from "../blocking/blockPairs.ts";
import type { DedupeConfig } from "../config/dedupeConfigSchema.ts";
import { parseDedupeConfig } from "../config/parseDedupeConfig.ts";
import { resolveConfig } from "../config/resolveConfig.ts";
import { toProbability } from "../scoring/compileModel.ts";
import type { DedupeModel } from "../scoring/DedupeModel.ts";
import { runMatching, type LabelCheck, type LabelOptions } from "../scoring/runMatching.ts";

/** Options of {@link linkRecords}. */
export interface LinkOptions {
  /** Field holding record ids on both sides. Default: the config's `idField`, else `id`. */
  readonly idField?: string;
  /** Match probability threshold. Default: the config's, else 0.9. */
  readonly threshold?: number;
  /** Each record is linked to at most one record on the other side (greedy, best first). Default true. */
  readonly oneToOne?: boolean;
  /**
   * With `oneToOne: false`: `many: false` (default) keeps the best right record for each left record;
   * `many: true` keeps every pair above the threshold.
   */
  readonly many?: boolean;
  readonly workers?: number | "auto";
  /** Use this trained model instead of training one. */
  readonly model?: DedupeModel;
  /** Labelled pairs (`a` = left id, `b` = right id) to train on or to check. */
  readonly labels?: LabelOptions;
  /** How many of the least certain candidate pairs to return for review. Default 20. */
  readonly uncertainPairs?: number;
  readonly signal?: AbortSignal;
  /**
   * Receives the run's phases as they happen, each from `done` 0 to its end: `reading` (subject `left` or `right`,
   * for an input that is not an array), `blocking`, `comparing`, `training`, `scoring` (as in `dedupeRecords`) and
   * `linking` (the pairs above the threshold, best first). Counts come at most every 100 ms.
   */
  readonly onProgress?: (event: ProgressEvent) => void;
}

/** A left record linked to a right record. */
export interface LinkedPair {
  readonly left_id: string;
  readonly right_id: string;
  readonly match_probability: number;
  /** log2 match weight. */
  readonly match_weight: number;
}

export interface LinkStats {
  readonly left: number;
  readonly right: number;
  readonly candidatePairs: number;
  readonly pairsAboveThreshold: number;
  readonly linked: number;
  readonly reductionRatio: number;
  readonly blocking: BlockingStats;
  readonly emIterations: number;
  readonly emConverged: boolean;
  readonly lambda: number;
  readonly workers: number;
  readonly threshold: number;
  readonly timings: {
    readonly readMs: number;
    readonly blockingMs: number;
    readonly comparingMs: number;
    readonly trainingMs: number;
    readonly scoringMs: number;
    readonly selectingMs: number;
    readonly totalMs: number;
  };
  /** Blocks larger than `maxBlockSize`, and EM that stopped at `em.maxIterations` without converging. */
  readonly warnings: readonly string[];
}

export interface LinkResult {
  /** Linked pairs, most probable first. */
  readonly pairs: LinkedPair[];
  /**
   * Candidate pairs (left and right) whose match probability is closest to 0.5, least certain first: the
   * pairs worth a clerical review. Labelled, they go back in as `labels` (`use: "check"` or `"train"`).
   */
  readonly uncertainPairs: LinkedPair[];
  readonly model: DedupeModel;
  readonly config: DedupeConfig;
  readonly stats: LinkStats;
  readonly labelCheck?: LabelCheck;
}

/**
 * Links records of two sources that describe the same entity (CRM customers to ERP customers), with
 * the same blocking, comparisons and unsupervised Fellegi-Sunter training as dedupeRecords; only
 * pairs across the two sources are compared.
 * @param left - records of the first source, each with an id
 * @param right - records of the second source
 * @param config - a configuration (plain data or YAML text) or `auto`
 * @param options - threshold, one-to-one, id field, labels, how many uncertain pairs to return
 * @returns linked pairs with probabilities, the least certain candidate pairs, the model and stats
 * @example
 * const { pairs } = await linkRecords(crm, erp, "auto", { idField: "customer_id" });
 * pairs[0] //=> { left_id: "C-17", right_id: "90017", match_probability: 0.9991, match_weight: 10.1 }
 */
export async function linkRecords(
  left: AsyncIterable<DataRecord> | Iterable<DataRecord>,
  right: AsyncIterable<DataRecord> | Iterable<DataRecord>,
  config: DedupeConfig | string | "auto",
  options: LinkOptions = {},
): Promise<LinkResult> {
  const t0 = performance.now();
  const progress = createProgressReporter(options.onProgress);
  const idField = options.idField ?? (typeof config === "object" ? config.idField : undefined) ?? options.model?.config.idField ?? "id";
  const l = await readRecords(left, idField, "left", options.signal, progress);
  const r = await readRecords(right, idField, "right", options.signal, progress);
  const all = [...l.records, ...r.records];
  const ids = [...l.ids, ...r.ids];
  const source = new Uint8Array(all.length);
  source.fill(1, l.records.length);
  const tRead = performance.now();
  const chosen: DedupeConfig =
    options.model !== undefined && config === "auto"
      ? options.model.config
      : config === "auto"
        ? configureWithSources(all, { idField, mode: "link" }, source)
        : parseDedupeConfig(config);
  const resolved = resolveConfig(chosen, idField);
  const threshold = options.threshold ?? resolved.threshold;
  const table = createTable(all, toNullSet(resolved.nullValues), source);
  const labels: LabelOptions | undefined = options.labels
    ? { use: options.labels.use, pairs: options.labels.pairs.map((p) => ({ a: `L\u0000${String(p.a)}`, b: `R\u0000${String(p.b)}`, match: p.match })) }
    : undefined;
  const matched = await runMatching({
    table,
    ids: [...l.ids.map((id) => `L\u0000${id}`), ...r.ids.map((id) => `R\u0000${id}`)],
    config: resolved,
    rawConfig: chosen,
    mode: "link",
    model: options.model,
    labels,
    workers: options.workers,
    signal: options.signal,
    progress,
  });
  const tScored = performance.now();
  const n = all.length;
  progress.start("linking", "pairs", { total: matched.codes.length });
  const above: { i: number; j: number; p: number; w: number }[] = [];
  for (let k = 0; k < matched.codes.length; k++) {
    const w = matched.weights[k]!;
    const p = toProbability(w);
    if (p < threshold) continue;
    const i = Math.floor(matched.codes[k]! / n);
    const j = matched.codes[k]! - i * n;
    above.push(source[i] === 0 ? { i, j, p, w } : { i: j, j: i, p, w });
  }
  above.sort((a, b) => b.w - a.w || a.i - b.i || a.j - b.j);
  const oneToOne = options.oneToOne ?? true;
  const usedLeft = new Set<number>();
  const usedRight = new Set<number>();
  const pairs: LinkedPair[] = [];
  for (const x of above) {
    if (oneToOne || !options.many) {
      if (usedLeft.has(x.i)) continue;
      if (oneToOne && usedRight.has(x.j)) continue;
    }
    usedLeft.add(x.i);
    usedRight.add(x.j);
    pairs.push({ left_id: ids[x.i]!, right_id: ids[x.j]!, match_probability: x.p, match_weight: x.w });
  }
  const uncertainPairs = leastCertain(matched.weights, options.uncertainPairs ?? 20).map((k): LinkedPair => {
    const i = Math.floor(matched.codes[k]! / n);
    const j = matched.codes[k]! - i * n;
    const w = matched.weights[k]!;
    const [a, b] = source[i] === 0 ? [i, j] : [j, i];
    return { left_id: ids[a]!, right_id: ids[b]!, match_probability: toProbability(w), match_weight: w };
  });
  progress.end(matched.codes.length, { linked: pairs.length });
  const tDone = performance.now();
  const m = matched.model;
  return {
    pairs,
    uncertainPairs,
    model: m,
    config: chosen,
    stats: {
      left: l.records.length,
      right: r.records.length,
      candidatePairs: matched.codes.length,
      pairsAboveThreshold: above.length,
      linked: pairs.length,
      reductionRatio: matched.blocking.reductionRatio,
      blocking: matched.blocking,
      emIterations: m.training.emIterations,
      emConverged: m.training.converged,
      lambda: m.lambda,
      workers: matched.workers,
      threshold,
      timings: {
        readMs: Math.round(tRead - t0),
        ...matched.timings,
        selectingMs: Math.round(tDone - tScored),
        totalMs: Math.round(tDone - t0),
      },
      warnings: matched.warnings,
    },
    ...(matched.labelCheck ? { labelCheck: matched.labelCheck } : {}),
  };
}
