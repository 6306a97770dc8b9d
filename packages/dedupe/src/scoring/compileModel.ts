import { toNullSet } from "../_internal/normalize.ts";
import { createComparison, type Comparison } from "../comparisons/createComparison.ts";
import { resolveConfig, type ResolvedConfig } from "../config/resolveConfig.ts";
import type { DedupeModel } from "./DedupeModel.ts";

const TF_LIMIT = 12;

/** A model ready to score: comparisons, log2 Bayes factors per level and term-frequency lookups. */
export interface CompiledModel {
  readonly model: DedupeModel;
  readonly config: ResolvedConfig;
  readonly comparisons: readonly Comparison[];
  /** log2(m/u) per comparison and level; 0 for the null level. */
  readonly weights: readonly Float64Array[];
  readonly exactLevel: readonly number[];
  /** log2 prior odds. */
  readonly prior: number;
  readonly nullSet: ReadonlySet<string>;
  /** Term-frequency adjustment (log2) of exact agreement on `text`; 0 when the comparison has none. */
  tfAdjustment(c: number, text: string): number;
}

export function log2(x: number): number {
  return Math.log2(x);
}

export function compileModel(model: DedupeModel, idField?: string): CompiledModel {
  const config = resolveConfig(model.config, idField);
  const comparisons = config.comparisons.map((c, k) =>
    createComparison(c.config, {
      name: c.name,
      vocabulary: model.comparisons[k]?.vocabulary,
      ...(config.nullValues === undefined ? {} : { nullValues: config.nullValues }),
    }),
  );
  const weights = model.comparisons.map((mc) => {
    const w = new Float64Array(mc.levels.length);
    mc.levels.forEach((l, k) => {
      w[k] = l.kind === "null" ? 0 : log2(l.m / l.u);
    });
    return w;
  });
  const exactLevel = comparisons.map((c) => c.levels.findIndex((l) => l.kind === "exact"));
  const tables = model.comparisons.map((mc) => mc.termFrequency);
  const cache = tables.map(() => new Map<string, number>());
  return {
    model,
    config,
    comparisons,
    weights,
    exactLevel,
    prior: log2(model.lambda / (1 - model.lambda)),
    nullSet: toNullSet(config.nullValues),
    tfAdjustment(c, text) {
      const t = tables[c];
      if (!t || t.total === 0) return 0;
      const seen = cache[c]!.get(text);
      if (seen !== undefined) return seen;
      const count = Math.max(2, Object.hasOwn(t.counts, text) ? t.counts[text]! : 2);
      let adj = log2(t.sumSquares / (count / t.total));
      adj = adj > TF_LIMIT ? TF_LIMIT : adj < -TF_LIMIT ? -TF_LIMIT : adj;
      if (cache[c]!.size < 100_000) cache[c]!.set(text, adj);
      return adj;
    },
  };
}

/** Match probability of a log2 match weight. */
export function toProbability(weight: number): number {
  return 1 / (1 + 2 ** -weight);
}
