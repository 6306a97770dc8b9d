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

/**
 * Rule of the dedupe step's findings: every member of a cluster of duplicates gets one, with the
 * cluster id as its `value`. The step reports them as `info` (so that they do not quarantine), but
 * for scoring the check weighs as an error, and only the redundant copies fail it.
 */
export const DUPLICATE_RULE = "dedupe";

/**
 * The check unit a check belongs to: all the checks on one field in one dimension are one check
 * (`email(email)` and `standardize.email(email)` ask the same question of the same value); a
 * record-level check is a unit of its own.
 */
export function unitKey(rule: string, field: string | undefined, dimension: string): string {
  return field === undefined ? `\u0000${rule}` : `${dimension}\u0000${field}`;
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
 * The dedupe step's `dedupe` check weighs as an error whatever its declared severity.
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
    const severity = r.rule === DUPLICATE_RULE ? "error" : r.severity;
    out.push({ key, rule: r.rule, field: r.field, dimension: r.dimension, weight: checkWeight(r.field, severity, weights) });
  }
  return out;
}

/** Options of {@link scoreRecord}. */
export interface ScoreRecordOptions {
  /**
   * The record is a redundant copy: a member of a cluster of duplicates other than the first one (the
   * score step tells from the dedupe findings). It scores 0 in the dimension of the dedupe check.
   */
  readonly redundant?: boolean;
}

interface UnitState {
  readonly dimension: string;
  /** Weight of the unit on this record: the heaviest of its checks that applied. */
  weight: number;
  /** Weight of the heaviest failed check, 0 when none failed. */
  failed: number;
}

/**
 * Scores one record from its findings and the checks that applied to it.
 *
 * The checks on one field in one dimension form one check (a record-level check is one of its own):
 * it weighs as its heaviest check and fails when any of them fails, so the same bad value found by a
 * standardizer and by a rule counts once. A check's weight is its field weight times its severity
 * weight; a finding of an undeclared check counts as checked and failed on this record. Per dimension
 * d: `S_d = 100 * (1 - failed weight / checked weight)`; a redundant copy of another record scores 0 in
 * uniqueness. The record score is the mean of the `S_d` weighted by the dimension weights, over the
 * dimensions with a checked weight above 0; 100 when there is none. See docs/score.md.
 * @param issues - the record's findings
 * @param checks - the checks that applied (from `toWeightedChecks`)
 * @param weights - dimension, field and severity weights
 * @param options - whether the record is a redundant copy of another
 * @returns the record score, its dimension scores and the failed checks
 * @example
 * const checks = toWeightedChecks([{ rule: "required", field: "id", dimension: "completeness", severity: "error" }, { rule: "email", field: "email", dimension: "validity", severity: "error" }], {});
 * scoreRecord([{ code: "invalid_format", rule: "email", field: "email", severity: "error", dimension: "validity", message: "bad" }], checks).score //=> 50
 */
export function scoreRecord(issues: readonly Issue[], checks: readonly WeightedCheck[], weights: ScoreWeights = {}, options: ScoreRecordOptions = {}): RecordScore {
  const byKey = new Map(checks.map((c) => [c.key, c]));
  const units = new Map<string, UnitState>();
  const unitOf = (rule: string, field: string | undefined, dimension: string): UnitState => {
    const key = unitKey(rule, field, dimension);
    let u = units.get(key);
    if (!u) {
      u = { dimension, weight: 0, failed: 0 };
      units.set(key, u);
    }
    return u;
  };
  for (const c of checks) {
    const u = unitOf(c.rule, c.field, c.dimension);
    u.weight = Math.max(u.weight, c.weight);
  }
  const failed: string[] = [];
  let dedupeDimension: string | undefined = checks.find((c) => c.rule === DUPLICATE_RULE)?.dimension;
  for (const issue of issues) {
    if (issue.rule === DUPLICATE_RULE) {
      dedupeDimension ??= issue.dimension;
      continue;
    }
    const key = checkKey(issue.rule, issue.field);
    const declared = byKey.get(key);
    const u = declared ? unitOf(declared.rule, declared.field, declared.dimension) : unitOf(issue.rule, issue.field, issue.dimension);
    const w = declared?.weight ?? checkWeight(issue.field, issue.severity, weights);
    u.weight = Math.max(u.weight, w);
    u.failed = Math.max(u.failed, w);
    if (!failed.includes(key)) failed.push(key);
  }
  if (options.redundant) {
    const u = unitOf(DUPLICATE_RULE, undefined, dedupeDimension ?? "uniqueness");
    u.weight = Math.max(u.weight, checkWeight(undefined, "error", weights));
    u.failed = u.weight;
    failed.push(DUPLICATE_RULE);
  }
  const total = new Map<string, number>();
  const failedW = new Map<string, number>();
  for (const u of units.values()) {
    total.set(u.dimension, (total.get(u.dimension) ?? 0) + u.weight);
    failedW.set(u.dimension, (failedW.get(u.dimension) ?? 0) + u.failed);
  }
  const dimensions: Record<string, number> = {};
  let sum = 0;
  let wsum = 0;
  for (const [d, t] of total) {
    if (!(t > 0)) continue;
    const s = options.redundant && d === (dedupeDimension ?? "uniqueness") ? 0 : 100 * (1 - (failedW.get(d) ?? 0) / t);
    dimensions[d] = s;
    const wd = weights.dimensions?.[d] ?? 1;
    sum += wd * s;
    wsum += wd;
  }
  return { score: wsum > 0 ? sum / wsum : 100, dimensions, failed };
}
