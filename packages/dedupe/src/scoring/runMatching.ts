import { AbortedError, plural, type ProgressReporter } from "@cleanse/core";
import { computeGamma, compileComparisons, fillGamma, GAMMA_CHUNK, prepareColumn } from "../_internal/gamma.ts";
import { createRandom } from "../_internal/random.ts";
import { toTextForm } from "../_internal/textForm.ts";
import type { Table } from "../_internal/table.ts";
import { blockPairs, type BlockingStats, type PairMode } from "../blocking/blockPairs.ts";
import type { Comparison } from "../comparisons/createComparison.ts";
import { buildVocabulary } from "../comparisons/vocabulary.ts";
import type { DedupeConfig } from "../config/dedupeConfigSchema.ts";
import type { ResolvedConfig } from "../config/resolveConfig.ts";
import { compileModel, type CompiledModel } from "./compileModel.ts";
import type { DedupeModel, ModelComparison, TermFrequencyTable } from "./DedupeModel.ts";
import { aggregatePatterns, expectationMaximisation } from "./expectationMaximisation.ts";

/** A labelled pair of record ids. */
export interface LabelledPair {
  readonly a: unknown;
  readonly b: unknown;
  readonly match: boolean;
}

/** Labelled pairs and what to do with them. */
export interface LabelOptions {
  readonly pairs: readonly LabelledPair[];
  /**
   * `train`: EM counts each labelled pair as a sure match or non-match and fits the unlabelled pairs around them
   * (u comes from the labels alone when 200 or more are non-matches); `check`: only measure the model on them.
   */
  readonly use: "train" | "check";
}

/** How a model did on labelled pairs. */
export interface LabelCheck {
  readonly pairs: number;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  readonly trueNegatives: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface MatchingInput {
  readonly table: Table;
  readonly ids: readonly string[];
  readonly config: ResolvedConfig;
  readonly rawConfig: DedupeConfig;
  readonly mode: PairMode;
  readonly model?: DedupeModel | undefined;
  readonly labels?: LabelOptions | undefined;
  readonly workers?: number | "auto" | undefined;
  readonly signal?: AbortSignal | undefined;
  /** Reports the phases: blocking, comparing, training (unless a model is given) and scoring. */
  readonly progress?: ProgressReporter | undefined;
}

export interface MatchingTimings {
  readonly blockingMs: number;
  readonly comparingMs: number;
  readonly trainingMs: number;
  readonly scoringMs: number;
}

export interface MatchingOutput {
  /** Candidate pair codes `i * n + j`, sorted. */
  readonly codes: Float64Array;
  /** log2 match weight of each candidate pair. */
  readonly weights: Float64Array;
  readonly gamma: Uint8Array;
  readonly model: DedupeModel;
  readonly compiled: CompiledModel;
  readonly texts: readonly (readonly (string | null)[])[];
  readonly blocking: BlockingStats;
  readonly workers: number;
  readonly timings: MatchingTimings;
  readonly labelCheck?: LabelCheck;
  /** Blocking warnings, and a warning when EM ran out of iterations before it converged. */
  readonly warnings: readonly string[];
}

function checkAbort(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AbortedError(undefined, { cause: signal.reason });
}

/** Text of every record for one comparison: normalized text, or the value kernel's reading of the values. */
export function comparisonTexts(table: Table, comparison: Comparison): (string | null)[] {
  const n = table.n;
  if (comparison.source === "value" && comparison.fields.length === 1) {
    // Dates and amounts repeat (birth dates, round sums): read each distinct value once.
    const field = comparison.fields[0]!;
    const memo = new Map<unknown, string | null>();
    return table.records.map((r) => {
      const v = r[field];
      let t = memo.get(v);
      if (t === undefined) {
        t = comparison.textOf(r);
        if (memo.size < 200_000) memo.set(v, t);
      }
      return t;
    });
  }
  if (comparison.source === "value" || comparison.normalize === "none") return table.records.map((r) => comparison.textOf(r));
  const cols = comparison.fields.map((f) => table.column(f));
  const out = new Array<string | null>(n);
  const form = comparison.normalize;
  const transform = form === "pinyin" || form === "orgName";
  const memo = new Map<string, string>();
  for (let i = 0; i < n; i++) {
    let t: string | null = null;
    for (let k = 0; k < cols.length; k++) {
      const v = cols[k]![i];
      if (v !== null && v !== undefined) t = t === null ? v : `${t} ${v}`;
    }
    if (t !== null && transform) {
      let p = memo.get(t);
      if (p === undefined) {
        p = toTextForm(form, t);
        memo.set(t, p);
      }
      t = p;
    }
    out[i] = t;
  }
  return out;
}

function samplePairs(table: Table, mode: PairMode, size: number, seed: number): Float64Array {
  const n = table.n;
  const rand = createRandom(seed);
  const out = new Float64Array(size);
  if (mode === "dedupe" || !table.source) {
    if (n < 2) return new Float64Array(0);
    for (let s = 0; s < size; s++) {
      const i = Math.floor(rand() * n);
      let j = Math.floor(rand() * (n - 1));
      if (j >= i) j++;
      out[s] = i * n + j;
    }
    return out;
  }
  const left: number[] = [];
  const right: number[] = [];
  for (let i = 0; i < n; i++) (table.source[i] === 0 ? left : right).push(i);
  if (left.length === 0 || right.length === 0) return new Float64Array(0);
  for (let s = 0; s < size; s++) out[s] = left[Math.floor(rand() * left.length)]! * n + right[Math.floor(rand() * right.length)]!;
  return out;
}

interface ValueStats {
  readonly exactU: number;
  readonly tf: TermFrequencyTable;
}

const STATS_SAMPLE = 200_000;
/** Weights tried for all labelled pairs together in EM, as shares of the candidate pairs. */
const LABEL_SHARES: readonly number[] = [0.05, 0.2];
const TF_SAMPLE = 500_000;

function valueStats(texts: readonly (string | null)[], source: Uint8Array | undefined, mode: PairMode, full: boolean): ValueStats {
  const counts = new Map<string, number>();
  const right = mode === "link" && source ? new Map<string, number>() : undefined;
  let total = 0;
  let totalRight = 0;
  const step = Math.max(1, Math.floor(texts.length / (full ? TF_SAMPLE : STATS_SAMPLE)));
  for (let i = 0; i < texts.length; i += step) {
    const t = texts[i];
    if (t === null || t === undefined) continue;
    total++;
    counts.set(t, (counts.get(t) ?? 0) + 1);
    if (right && source![i] === 1) {
      totalRight++;
      right.set(t, (right.get(t) ?? 0) + 1);
    }
  }
  let sumSquares = 0;
  let same = 0;
  const kept: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const [v, c] of counts) {
    const p = c / Math.max(1, total);
    sumSquares += p * p;
    // Counts from a sample are scaled back to the whole table.
    if (full && c >= 2) kept[v] = c * step;
    if (right) {
      const r = right.get(v) ?? 0;
      same += (c - r) * r;
    } else same += c * (c - 1);
  }
  const totalLeft = total - totalRight;
  const pairs = right ? totalLeft * totalRight : total * (total - 1);
  return { exactU: pairs > 0 ? same / pairs : sumSquares, tf: { total: total * step, sumSquares, counts: kept } };
}

function initialM(comparison: Comparison): Float64Array {
  const L = comparison.levels.length;
  const m = new Float64Array(L);
  m[0] = 1;
  const closes = L - 3;
  m[1] = closes > 0 ? 0.7 : 0.9;
  for (let l = 2; l < L - 1; l++) m[l] = 0.25 / closes;
  m[L - 1] = closes > 0 ? 0.05 : 0.1;
  return m;
}

function estimateU(gamma: Uint8Array, C: number, from: number, to: number, comparisons: readonly Comparison[], exactU: readonly number[]): Float64Array[] {
  const counts = comparisons.map((c) => new Float64Array(c.levels.length));
  for (let r = from; r < to; r++) {
    const base = r * C;
    for (let c = 0; c < C; c++) counts[c]![gamma[base + c]!]! += 1;
  }
  return counts.map((cnt, c) => {
    const L = cnt.length;
    let total = 0;
    for (let l = 1; l < L; l++) total += cnt[l]!;
    const u = new Float64Array(L);
    u[0] = 1;
    const floor = 0.5 / Math.max(1, total);
    const exactLevel = comparisons[c]!.levels.findIndex((lv) => lv.kind === "exact");
    let rest = 0;
    for (let l = 1; l < L; l++) if (l !== exactLevel) rest += Math.max(floor, cnt[l]! / Math.max(1, total));
    const ex = Math.min(0.99, Math.max(exactU[c]!, 1e-9));
    for (let l = 1; l < L; l++) {
      u[l] = l === exactLevel ? ex : (Math.max(floor, cnt[l]! / Math.max(1, total)) / rest) * (1 - ex);
    }
    return u;
  });
}

function initialLambda(gamma: Uint8Array, C: number, rows: number, comparisons: readonly Comparison[]): number {
  let hits = 0;
  const step = Math.max(1, Math.floor(rows / 200_000));
  let seen = 0;
  for (let r = 0; r < rows; r += step) {
    seen++;
    let agree = 0;
    let nonNull = 0;
    for (let c = 0; c < C; c++) {
      const l = gamma[r * C + c]!;
      if (l === 0) continue;
      nonNull++;
      if (l === 1 || (l === 2 && comparisons[c]!.levels.length > 3)) agree++;
    }
    if (nonNull > 0 && agree >= Math.ceil(nonNull * 0.6)) hits++;
  }
  return Math.min(0.5, Math.max(1e-4, hits / Math.max(1, seen)));
}

/** Blocks, compares, trains (unless a model is given) and scores. */
export async function runMatching(input: MatchingInput): Promise<MatchingOutput> {
  const { table, config, mode } = input;
  const progress = input.progress;
  const t0 = performance.now();
  // Blocking includes reading the comparisons' texts: both are a pass over every record.
  progress?.start("blocking", "rules", { total: config.rules.length, counts: { pairs: 0 } });
  const names = config.comparisons.map((c) => c.name);
  const configs = config.comparisons.map((c) => c.config);
  const plain = compileComparisons({ configs, names, nullValues: config.nullValues });
  const C = plain.length;
  const texts = plain.map((c) => comparisonTexts(table, c));
  // Comparisons that weigh tokens by rarity count them over the run's records, or reuse the model's counts.
  const vocabularies = plain.map((c, k) =>
    c.vocabularyTokens === undefined ? undefined : (input.model?.comparisons[k]?.vocabulary ?? buildVocabulary(texts[k]!, c.vocabularyTokens)),
  );
  const comparisons = vocabularies.some((v) => v !== undefined)
    ? compileComparisons({ configs, names, nullValues: config.nullValues, vocabularies })
    : plain;
  checkAbort(input.signal);
  const blocked = blockPairs(table, config.rules, {
    mode,
    maxBlockSize: config.maxBlockSize,
    oversizedWindow: config.oversizedWindow,
    signature: (i) => texts.map((t) => t[i] ?? "").join("\u0001"),
    ...(progress?.active
      ? {
          onRule: (done: number, pairs: number) => {
            checkAbort(input.signal);
            progress.update(done, { pairs });
          },
        }
      : {}),
  });
  const codes = blocked.codes;
  progress?.end(config.rules.length, { pairs: codes.length });
  const tBlocked = performance.now();
  checkAbort(input.signal);

  const training = input.model === undefined;
  const sample = training ? samplePairs(table, mode, Math.min(config.em.uSampleSize, Math.max(0, blocked.stats.comparablePairs)), config.em.seed) : new Float64Array(0);
  const all = new Float64Array(codes.length + sample.length);
  all.set(codes);
  all.set(sample, codes.length);
  // The pairs compared include the random pairs EM estimates u from; the display says how many.
  progress?.start("comparing", "pairs", { total: all.length, ...(sample.length > 0 ? { counts: { "sampled for training": sample.length } } : {}) });
  const { gamma: allGamma, workers } = await computeGamma({ configs, names, nullValues: config.nullValues, texts, n: table.n, vocabularies }, all, {
    workers: input.workers,
    signal: input.signal,
    ...(progress?.active ? { onProgress: (done: number) => progress.update(done) } : {}),
  });
  progress?.end(all.length);
  const gamma = allGamma.subarray(0, codes.length * C);
  const tCompared = performance.now();
  checkAbort(input.signal);

  let model: DedupeModel;
  if (input.model) model = input.model;
  else {
    const maxIterations = codes.length === 0 ? 0 : config.em.maxIterations;
    progress?.start("training", "iterations", { total: maxIterations });
    const stats = texts.map((t, k) => valueStats(t, table.source, mode, comparisons[k]!.termFrequency));
    let u = estimateU(allGamma, C, codes.length, all.length, comparisons, stats.map((s) => s.exactU));
    const m = comparisons.map(initialM);
    const stride = Math.max(1, Math.ceil(codes.length / config.em.maxTrainingPairs));
    const { patterns, counts } = aggregatePatterns(gamma, C, codes.length, stride);
    let fixU = config.em.fixU;
    let labelled = 0;
    let fromLabels: ReturnType<typeof labelParameters> | undefined;
    if (input.labels?.use === "train") {
      fromLabels = labelParameters(input, comparisons, texts);
      labelled = fromLabels.known.match.length;
      if (fromLabels.u) {
        u = fromLabels.u;
        fixU = true;
      }
    }
    const lambda0 = config.em.initialLambda ?? initialLambda(gamma, C, codes.length, comparisons);
    const train = (weight: number | undefined) =>
      expectationMaximisation({
        levels: comparisons.map((c) => c.levels.length),
        patterns,
        counts,
        m,
        u,
        lambda: lambda0,
        maxIterations,
        tolerance: config.em.tolerance,
        fixU,
        ...(weight === undefined || fromLabels === undefined ? {} : { known: { ...fromLabels.known, weight } }),
        onIteration: (iterations) => {
          checkAbort(input.signal);
          progress?.update(iterations);
        },
      });
    let em = train(fromLabels === undefined ? undefined : 1);
    let labelWeight: number | undefined;
    if (fromLabels !== undefined && labelled > 0) {
      // A few dozen labels among many thousand candidate pairs move little when each counts once, and pairs chosen
      // for review are no sample of the candidates: train without them, with each once, and with all of them
      // weighing 5 % and 20 % of the candidate pairs, and keep the model that does best on the labels (ties: the
      // one that leans on them least).
      const known = fromLabels.known;
      const candidate = known.pairs.map((p) => pairIndex(codes, table.n, p) >= 0);
      // Shares too small to weigh more than one pair each are the same training as weight 1: run it once.
      const weights = [...new Set([0, 1, ...LABEL_SHARES.map((share) => Math.max(1, (codes.length * share) / labelled))])];
      let best = -1;
      for (const w of weights) {
        const trained = w === 1 ? em : train(w === 0 ? undefined : w);
        const f1 = labelF1(trained, known, candidate, C, config.threshold);
        if (f1 > best + 1e-12) {
          best = f1;
          em = trained;
          labelWeight = w;
        }
      }
    }
    progress?.end(em.iterations);
    const modelComparisons: ModelComparison[] = comparisons.map((c, k) => ({
      name: c.name,
      fields: c.fields,
      type: c.type,
      levels: c.levels.map((l) => ({ label: l.label, kind: l.kind, m: l.kind === "null" ? 1 : em.m[k]![l.index]!, u: l.kind === "null" ? 1 : em.u[k]![l.index]! })),
      ...(c.termFrequency ? { termFrequency: stats[k]!.tf } : {}),
      ...(vocabularies[k] === undefined ? {} : { vocabulary: vocabularies[k] }),
    }));
    const comparable = blocked.stats.comparablePairs;
    model = {
      format: "cleanse-dedupe-model",
      version: 1,
      mode: mode === "link" ? "link" : "dedupe",
      config: input.rawConfig,
      lambda: em.lambda,
      populationLambda: comparable > 0 ? (em.lambda * codes.length) / comparable : em.lambda,
      comparisons: modelComparisons,
      training: {
        method: input.labels?.use === "train" ? "labels" : "em",
        records: table.n,
        candidatePairs: codes.length,
        trainingPairs: Math.ceil(codes.length / stride),
        uSamplePairs: sample.length,
        emIterations: em.iterations,
        converged: em.converged,
        lastChange: em.lastChange,
        ...(labelled > 0 ? { labelledPairs: labelled } : {}),
        ...(labelWeight === undefined ? {} : { labelWeight }),
      },
    };
  }
  const tTrained = performance.now();

  const compiled = compileModel(model, config.idField);
  progress?.start("scoring", "pairs", { total: codes.length });
  const weights = scoreGamma(
    compiled,
    gamma,
    codes,
    table.n,
    texts,
    progress?.active || input.signal
      ? (done) => {
          checkAbort(input.signal);
          progress?.update(done);
        }
      : undefined,
  );
  progress?.end(codes.length);
  const tScored = performance.now();
  const labelCheck = input.labels?.use === "check" ? checkLabels(input, compiled, codes, weights) : undefined;
  const warnings = [...blocked.stats.warnings];
  if (training && !model.training.converged && model.training.emIterations > 0) warnings.push(notConverged(model.training.emIterations, model.training.lastChange ?? Number.NaN));
  return {
    codes,
    weights,
    gamma,
    model,
    compiled,
    texts,
    blocking: blocked.stats,
    workers,
    warnings,
    timings: {
      blockingMs: Math.round(tBlocked - t0),
      comparingMs: Math.round(tCompared - tBlocked),
      trainingMs: Math.round(tTrained - tCompared),
      scoringMs: Math.round(tScored - tTrained),
    },
    ...(labelCheck ? { labelCheck } : {}),
  };
}

/** The warning of a training whose EM stopped at its iteration cap. */
function notConverged(iterations: number, lastChange: number): string {
  return (
    `EM did not converge after ${plural(iterations, "iteration")} (last change ${Number(lastChange.toPrecision(2))}); match probabilities may be off. ` +
    "Raise em.maxIterations, or look for a comparison whose levels few pairs reach."
  );
}

/** log2 match weight of each pair from its comparison vector; `onChunk` gets the pairs scored every few thousand. */
export function scoreGamma(
  compiled: CompiledModel,
  gamma: Uint8Array,
  codes: Float64Array,
  n: number,
  texts: readonly (readonly (string | null)[])[],
  onChunk?: (done: number) => void,
): Float64Array {
  const C = compiled.comparisons.length;
  const out = new Float64Array(codes.length);
  const tfComparisons: number[] = [];
  compiled.comparisons.forEach((c, k) => {
    if (compiled.model.comparisons[k]?.termFrequency) tfComparisons.push(k);
  });
  for (let from = 0; from < codes.length; ) {
    const to = Math.min(codes.length, from + GAMMA_CHUNK);
    for (let p = from; p < to; p++) {
      let w = compiled.prior;
      const base = p * C;
      for (let c = 0; c < C; c++) w += compiled.weights[c]![gamma[base + c]!]!;
      for (const c of tfComparisons) {
        if (gamma[base + c] === compiled.exactLevel[c]) {
          const i = Math.floor(codes[p]! / n);
          w += compiled.tfAdjustment(c, texts[c]![i]!);
        }
      }
      out[p] = w;
    }
    from = to;
    onChunk?.(to);
  }
  return out;
}

function labelIndexPairs(input: MatchingInput): { i: number; j: number; match: boolean }[] {
  const index = new Map<string, number>();
  input.ids.forEach((id, i) => index.set(id, i));
  const out: { i: number; j: number; match: boolean }[] = [];
  for (const p of input.labels?.pairs ?? []) {
    const i = index.get(String(p.a));
    const j = index.get(String(p.b));
    if (i !== undefined && j !== undefined && i !== j) out.push({ i, j, match: p.match });
  }
  return out;
}

function labelGamma(comparisons: readonly Comparison[], texts: readonly (readonly (string | null)[])[], pairs: readonly { i: number; j: number }[], n: number): Uint8Array {
  const prepared = comparisons.map((c, k) => prepareColumn(c, texts[k]!));
  const codes = Float64Array.from(pairs.map((p) => p.i * n + p.j));
  const out = new Uint8Array(codes.length * comparisons.length);
  fillGamma(comparisons, prepared, codes, n, 0, codes.length, out);
  return out;
}

/**
 * What labels tell EM: every labelled pair (a candidate or not) with its comparison vector, as a pair of known
 * class; and u from the non-matches when there are 200 or more of them.
 */
function labelParameters(
  input: MatchingInput,
  comparisons: readonly Comparison[],
  texts: readonly (readonly (string | null)[])[],
): { u: Float64Array[] | undefined; known: { patterns: Uint8Array; match: boolean[]; pairs: { i: number; j: number }[] } } {
  const pairs = labelIndexPairs(input);
  const C = comparisons.length;
  const g = labelGamma(comparisons, texts, pairs, input.table.n);
  const fit = (want: boolean): Float64Array[] =>
    comparisons.map((c, k) => {
      const L = c.levels.length;
      const cnt = new Float64Array(L).fill(0.5);
      pairs.forEach((p, r) => {
        if (p.match === want) cnt[g[r * C + k]!]! += 1;
      });
      let total = 0;
      for (let l = 1; l < L; l++) total += cnt[l]!;
      const out = new Float64Array(L);
      out[0] = 1;
      for (let l = 1; l < L; l++) out[l] = cnt[l]! / total;
      return out;
    });
  const negatives = pairs.filter((p) => !p.match).length;
  return { u: negatives >= 200 ? fit(false) : undefined, known: { patterns: g, match: pairs.map((p) => p.match), pairs } };
}

/** Position of the pair of records i and j among the sorted pair codes, or -1 when blocking never produced it. */
function pairIndex(codes: Float64Array, n: number, pair: { readonly i: number; readonly j: number }): number {
  const code = pair.i < pair.j ? pair.i * n + pair.j : pair.j * n + pair.i;
  let lo = 0;
  let hi = codes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = codes[mid]!;
    if (c === code) return mid;
    if (c < code) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** True and false positives and negatives of predictions against labels. */
function countLabels(predicted: readonly boolean[], match: readonly boolean[]): { tp: number; fp: number; fn: number; tn: number } {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  for (let k = 0; k < match.length; k++) {
    if (predicted[k] && match[k]) tp++;
    else if (predicted[k]) fp++;
    else if (match[k]) fn++;
    else tn++;
  }
  return { tp, fp, fn, tn };
}

/**
 * F1 of a trained model on the labelled pairs: a labelled pair is predicted a match when blocking produced it and its
 * probability (from lambda and the Bayes factors of its levels, without term-frequency adjustment) reaches the threshold.
 */
function labelF1(
  em: { readonly lambda: number; readonly m: readonly Float64Array[]; readonly u: readonly Float64Array[] },
  known: { readonly patterns: Uint8Array; readonly match: readonly boolean[] },
  candidate: readonly boolean[],
  C: number,
  threshold: number,
): number {
  const prior = Math.log2(em.lambda / (1 - em.lambda));
  const predicted = known.match.map((_, k) => {
    let w = prior;
    for (let c = 0; c < C; c++) {
      const l = known.patterns[k * C + c]!;
      if (l !== 0) w += Math.log2(em.m[c]![l]! / em.u[c]![l]!);
    }
    return candidate[k]! && 1 / (1 + 2 ** -w) >= threshold;
  });
  const { tp, fp, fn } = countLabels(predicted, known.match);
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}

function checkLabels(
  input: MatchingInput,
  compiled: CompiledModel,
  codes: Float64Array,
  weights: Float64Array,
): LabelCheck {
  const threshold = compiled.config.threshold;
  const pairs = labelIndexPairs(input);
  const predicted = pairs.map((p) => {
    const at = pairIndex(codes, input.table.n, p);
    return at >= 0 && 1 / (1 + 2 ** -weights[at]!) >= threshold;
  });
  const { tp, fp, fn, tn } = countLabels(predicted, pairs.map((p) => p.match));
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  return {
    pairs: pairs.length,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    trueNegatives: tn,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
  };
}

