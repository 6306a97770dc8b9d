import type { DataRecord } from "@cleanse/core";
import { recordKeys } from "../blocking/blockPairs.ts";
import { createTable } from "../_internal/table.ts";
import type { LevelKind } from "../comparisons/createComparison.ts";
import { compileModel, toProbability, type CompiledModel } from "../scoring/compileModel.ts";
import type { DedupeModel } from "../scoring/DedupeModel.ts";

/** What one comparison contributed to a pair's match weight. */
export interface ComparisonContribution {
  readonly name: string;
  readonly fields: readonly string[];
  /**
   * Values compared: normalized text, or for `date`, `numeric` and `email` comparisons the value kernel's reading
   * (`1958-12-07` for `dec 7, 1958`); null when missing or refused by the kernel.
   */
  readonly values: readonly [string | null, string | null];
  readonly level: number;
  readonly label: string;
  readonly kind: LevelKind;
  readonly m: number;
  readonly u: number;
  /** m / u. */
  readonly bayesFactor: number;
  /** log2 of the Bayes factor. */
  readonly weight: number;
  /** log2 term-frequency adjustment (exact agreement on a common value counts less). */
  readonly tfAdjustment: number;
  /** weight + tfAdjustment. */
  readonly total: number;
}

/** Why a pair scores what it does: plain JSON. The parts add up: prior.weight + sum of totals = totalWeight. */
export interface PairExplanation {
  readonly ids: readonly [string, string];
  readonly prior: { readonly lambda: number; readonly weight: number };
  readonly comparisons: readonly ComparisonContribution[];
  readonly totalWeight: number;
  readonly probability: number;
  readonly threshold: number;
  readonly isMatch: boolean;
  /** Key blocking rules that put the two records in one block. */
  readonly blockedBy: readonly string[];
}

/** Options of {@link explainPair}. */
export interface ExplainPairOptions {
  /** Match threshold to judge against; defaults to the model's. */
  readonly threshold?: number;
}

const compiledCache = new WeakMap<DedupeModel, CompiledModel>();

export function compiledFor(model: DedupeModel): CompiledModel {
  let c = compiledCache.get(model);
  if (!c) {
    c = compileModel(model);
    compiledCache.set(model, c);
  }
  return c;
}

/**
 * Explains the match weight of two records under a trained model: for each comparison, the level
 * reached, its m and u probabilities, the Bayes factor, its log2 weight and any term-frequency
 * adjustment; then the prior, the total weight and the match probability.
 * @param model - a trained model (from dedupeRecords, linkRecords or loadModel)
 * @param a - first record
 * @param b - second record
 * @param options - threshold to judge against
 * @returns the explanation as plain data
 * @example
 * const e = explainPair(result.model, records[0], records[1]);
 * e.prior.weight + e.comparisons.reduce((s, c) => s + c.total, 0) === e.totalWeight //=> true
 */
export function explainPair(model: DedupeModel, a: DataRecord, b: DataRecord, options: ExplainPairOptions = {}): PairExplanation {
  const compiled = compiledFor(model);
  const idField = compiled.config.idField;
  const contributions: ComparisonContribution[] = compiled.comparisons.map((c, k) => {
    const ta = c.textOf(a);
    const tb = c.textOf(b);
    let level = 0;
    if (ta !== null && tb !== null) {
      const pa = c.prepare(ta);
      const pb = c.prepare(tb);
      level = pa === null || pb === null ? 0 : c.comparePrepared(pa, pb);
    }
    const ml = model.comparisons[k]!.levels[level]!;
    const weight = compiled.weights[k]![level]!;
    const tf = level === compiled.exactLevel[k] && model.comparisons[k]!.termFrequency && ta !== null ? compiled.tfAdjustment(k, ta) : 0;
    return {
      name: c.name,
      fields: c.fields,
      values: [ta, tb],
      level,
      label: ml.label,
      kind: ml.kind,
      m: ml.m,
      u: ml.u,
      bayesFactor: ml.m / ml.u,
      weight,
      tfAdjustment: tf,
      total: weight + tf,
    };
  });
  let totalWeight = compiled.prior;
  for (const c of contributions) totalWeight += c.total;
  const threshold = options.threshold ?? compiled.config.threshold;
  const probability = toProbability(totalWeight);
  const table = createTable([a, b], compiled.nullSet);
  const blockedBy: string[] = [];
  for (const rule of compiled.config.rules) {
    if (rule.type !== "key") continue;
    const [ka, kb] = recordKeys(table, rule.on);
    if (ka === null || ka === undefined || kb === null || kb === undefined) continue;
    const sa = typeof ka === "string" ? [ka] : ka;
    const sb = new Set(typeof kb === "string" ? [kb] : kb);
    if (sa.some((k) => sb.has(k))) blockedBy.push(rule.name);
  }
  return {
    ids: [String(a[idField] ?? ""), String(b[idField] ?? "")],
    prior: { lambda: model.lambda, weight: compiled.prior },
    comparisons: contributions,
    totalWeight,
    probability,
    threshold,
    isMatch: probability >= threshold,
    blockedBy,
  };
}
