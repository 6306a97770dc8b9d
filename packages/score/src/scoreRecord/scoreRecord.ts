import type { Dimension, Issue, RuleInfo, Severity } from "@cleanse/core";
import type { ScoreWeights } from "../scoreStepSchema/scoreStepSchema.ts";

/** A check with its weight, ready for scoring. */
export interface WeightedCheck {
  readonly key: string;
  readonly rule: string;
  readonly field: string | undefined;
  readonly dimension: Dimension;
  /** field weight x severity weight */
  readonly weight: number;
}

/** The score of one record: overall and per dimension, 0-100. */
export interface RecordScore {
  /** Weighted mean of the dimension scores; 100 when nothing was checked. */
  readonly score: number;
  /** Score of each dimension checked on this record. */
  readonly dimensions: Readonly<Record<string, number>>;
  /** Checks failed, by key `rule` or `rule(field)`. */
  readonly failed: readonly string[];
}

/**
 * Default weight of a check by severity: a warning counts half an error, info not at all.
 * @example
 * DEFAULT_SEVERITY_WEIGHTS.warning //=> 0.5
 */
export const DEFAULT_SEVERITY_WEIGHTS: Readonly<Record<Severity, number>> = { error: 1, warning: 0.5, info: 0 };

/**
 * Key of a check: `rule` or `rule(field)`.
 * @param rule - rule id
 * @param field - field, if any
 * @returns the key
 * @example
 * checkKey("email", "email") //=> "email(email)"
 */
export function checkKey(rule: string, field: string | undefined): string {
  return field === undefined ? rule : `${rule}(${field})`;
}

/** Weight of a check under the given weights: field weight x severity weight. */
export function checkWeight(field: string | undefined, severity: Severity, weights: ScoreWeights): number {
  const f = field === undefined ? 1 : (weights.fields?.[field] ?? 1);
  const s = weights.severities?.[severity] ?? DEFAULT_SEVERITY_WEIGHTS[severity];
  return f * s;
}

/** A rule as far as scoring cares. */
export interface ScoredRule {
  readonly rule: string;
  readonly field?: string | undefined;
  readonly dimension: RuleInfo["dimension"];
  readonly severity: Severity;
}

/**
 * Turns declared rules into weighted checks, one per `rule(field)` (the first declaration wins).
 * @param rules - the rules that apply to every record (`RuleInfo`s of the steps)
 * @param weights - field and severity weights
 * @returns the checks with their weights
 * @example
 * toWeightedChecks([{ rule: "email", field: "email", dimension: "validity", severity: "warning" }], {})[0].weight //=> 0.5
 */
export function toWeightedChecks(rules: readonly ScoredRule[], weights: ScoreWeights): WeightedCheck[] {
  const seen = new Set<string>();
  const out: WeightedCheck[] = [];
  for (const r of rules) {
    const key = checkKey(r.rule, r.field);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ key, rule: r.rule, field: r.field, dimension: r.dimension, weight: checkWeight(r.field, r.severity, weights) });
  }
  return out;
}

/**
 * Scores one record from its findings and the checks that applied to it.
 *
 * Per dimension d: `S_d = 100 * (1 - failed weight / checked weight)`, where the checks of d are the
 * declared checks plus any finding of an undeclared check (which counts as checked and failed), and a
 * check's weight is its field weight times its severity weight; a check fails when at least one finding
 * has its rule and field. The record score is the mean of the `S_d` weighted by the dimension weights,
 * over the dimensions with a checked weight above 0; 100 when there is none.
 * @param issues - the record's findings
 * @param checks - the checks that applied (from `toWeightedChecks`)
 * @param weights - dimension, field and severity weights
 * @returns the record score, its dimension scores and the failed checks
 * @example
 * const checks = toWeightedChecks([{ rule: "required", field: "id", dimension: "completeness", severity: "error" }, { rule: "email", field: "email", dimension: "validity", severity: "error" }], {});
 * scoreRecord([{ code: "invalid_format", rule: "email", field: "email", severity: "error", dimension: "validity", message: "bad" }], checks).score //=> 50
 */
export function scoreRecord(issues: readonly Issue[], checks: readonly WeightedCheck[], weights: ScoreWeights = {}): RecordScore {
  const byKey = new Map(checks.map((c) => [c.key, c]));
  const total = new Map<string, number>();
  const failedW = new Map<string, number>();
  for (const c of checks) total.set(c.dimension, (total.get(c.dimension) ?? 0) + c.weight);
  const failed: string[] = [];
  for (const issue of issues) {
    const key = checkKey(issue.rule, issue.field);
    if (failed.includes(key)) continue;
    failed.push(key);
    const declared = byKey.get(key);
    const dimension = declared?.dimension ?? issue.dimension;
    const w = declared?.weight ?? checkWeight(issue.field, issue.severity, weights);
    if (!declared) total.set(dimension, (total.get(dimension) ?? 0) + w);
    failedW.set(dimension, (failedW.get(dimension) ?? 0) + w);
  }
  const dimensions: Record<string, number> = {};
  let sum = 0;
  let wsum = 0;
  for (const [d, t] of total) {
    if (!(t > 0)) continue;
    const s = 100 * (1 - (failedW.get(d) ?? 0) / t);
    dimensions[d] = s;
    const wd = weights.dimensions?.[d] ?? 1;
    sum += wd * s;
    wsum += wd;
  }
  return { score: wsum > 0 ? sum / wsum : 100, dimensions, failed };
}
