import type { Issue, Severity } from "@cleanse/core";
import { checkKey, checkWeight, DEFAULT_SEVERITY_WEIGHTS, type WeightedCheck } from "../scoreRecord/scoreRecord.ts";
import type { ScoreWeights } from "../scoreStepSchema/scoreStepSchema.ts";
import { SCORECARD_VERSION, type Scorecard, type ScoreBin } from "../Scorecard/Scorecard.ts";

interface DimAcc {
  readonly name: string;
  readonly weight: number;
  /** declared weight per record */
  declaredW: number;
  declaredChecks: number;
  // per record
  totalW: number;
  failedW: number;
  checks: number;
  failed: number;
  // dataset
  sumScore: number;
  records: number;
  allChecks: number;
  allFailed: number;
}

interface FieldAcc {
  readonly weight: number;
  declaredW: number;
  declaredChecks: number;
  adhocW: number;
  adhocChecks: number;
  failedW: number;
  failed: number;
}

interface CheckRef {
  readonly dim: DimAcc;
  readonly weight: number;
  readonly field: FieldAcc | undefined;
}

/** Scores records one by one and folds them into a scorecard; memory does not grow with the records. */
export interface ScorecardBuilder {
  /** Scores a record's findings; returns the record score and the score of each declared dimension (NaN when unchecked). */
  add(issues: readonly Issue[]): { score: number; dimensions: readonly number[] };
  /** Dimensions declared up front, in the order of `add(...).dimensions`. */
  readonly declaredDimensions: readonly string[];
  finish(): Scorecard;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export function createScorecardBuilder(checks: readonly WeightedCheck[], weights: ScoreWeights, bins: number): ScorecardBuilder {
  const dims = new Map<string, DimAcc>();
  const fields = new Map<string, FieldAcc>();
  const refs = new Map<string, CheckRef>();
  const undeclared = new Set<string>();
  const dimWeight = (d: string) => weights.dimensions?.[d] ?? 1;
  const ensureDim = (name: string): DimAcc => {
    let d = dims.get(name);
    if (!d) {
      d = { name, weight: dimWeight(name), declaredW: 0, declaredChecks: 0, totalW: 0, failedW: 0, checks: 0, failed: 0, sumScore: 0, records: 0, allChecks: 0, allFailed: 0 };
      dims.set(name, d);
    }
    return d;
  };
  const ensureField = (name: string): FieldAcc => {
    let f = fields.get(name);
    if (!f) {
      f = { weight: weights.fields?.[name] ?? 1, declaredW: 0, declaredChecks: 0, adhocW: 0, adhocChecks: 0, failedW: 0, failed: 0 };
      fields.set(name, f);
    }
    return f;
  };
  // checks that weigh nothing are known (so their findings are not taken for undeclared ones) but not counted
  for (const c of checks) {
    const dim = ensureDim(c.dimension);
    const field = c.field === undefined ? undefined : ensureField(c.field);
    if (c.weight > 0) {
      dim.declaredW += c.weight;
      dim.declaredChecks++;
      if (field) {
        field.declaredW += c.weight;
        field.declaredChecks++;
      }
    }
    refs.set(c.key, { dim, weight: c.weight, field });
  }
  const declared = [...dims.values()].filter((d) => d.declaredW > 0);
  const declaredDimensions = declared.map((d) => d.name);
  const active: DimAcc[] = [];
  const seenKeys: string[] = [];
  const histogram = new Float64Array(101);
  let records = 0;
  let sumScore = 0;
  let min = Infinity;
  let max = -Infinity;

  return {
    declaredDimensions,
    add(issues) {
      records++;
      active.length = 0;
      for (const d of dims.values()) {
        d.totalW = d.declaredW;
        d.checks = d.declaredChecks;
        d.failedW = 0;
        d.failed = 0;
        if (d.declaredW > 0) active.push(d);
      }
      seenKeys.length = 0;
      for (let i = 0; i < issues.length; i++) {
        const issue = issues[i]!;
        const key = checkKey(issue.rule, issue.field);
        if (seenKeys.includes(key)) continue;
        seenKeys.push(key);
        let ref = refs.get(key);
        if (ref === undefined) {
          // a finding of a check nobody declared: it applied (and failed) on this record only
          const dim = ensureDim(issue.dimension);
          const w = checkWeight(issue.field, issue.severity as Severity, weights);
          const field = issue.field === undefined ? undefined : ensureField(issue.field);
          if (dim.totalW === 0 && w > 0 && !active.includes(dim)) active.push(dim);
          ref = { dim, weight: w, field };
          if (w > 0) {
            undeclared.add(key);
            dim.totalW += w;
            dim.checks++;
            if (field) {
              field.adhocW += w;
              field.adhocChecks++;
            }
          }
        }
        if (ref.weight > 0) {
          ref.dim.failedW += ref.weight;
          ref.dim.failed++;
          if (ref.field) {
            ref.field.failedW += ref.weight;
            ref.field.failed++;
          }
        }
      }
      let sum = 0;
      let wsum = 0;
      for (let i = 0; i < active.length; i++) {
        const d = active[i]!;
        if (!(d.totalW > 0)) continue;
        const s = 100 * (1 - d.failedW / d.totalW);
        d.sumScore += s;
        d.records++;
        d.allChecks += d.checks;
        d.allFailed += d.failed;
        sum += d.weight * s;
        wsum += d.weight;
      }
      const score = wsum > 0 ? sum / wsum : 100;
      sumScore += score;
      if (score < min) min = score;
      if (score > max) max = score;
      histogram[Math.min(100, Math.max(0, Math.floor(score + 1e-9)))]! += 1;
      const dimensions = declared.map((d) => (d.totalW > 0 ? 100 * (1 - d.failedW / d.totalW) : Number.NaN));
      return { score, dimensions };
    },
    finish() {
      const width = 100 / bins;
      const binList: ScoreBin[] = [];
      for (let b = 0; b < bins; b++) {
        const from = b * width;
        const to = (b + 1) * width;
        let count = 0;
        for (let s = Math.ceil(from); s < to || (b === bins - 1 && s <= 100); s++) count += histogram[s] ?? 0;
        binList.push({ from, to, count });
      }
      const quantile = (q: number) => {
        if (records === 0) return 100;
        const target = q * records;
        let acc = 0;
        for (let s = 0; s <= 100; s++) {
          acc += histogram[s]!;
          if (acc >= target) return s;
        }
        return 100;
      };
      const severities = { ...DEFAULT_SEVERITY_WEIGHTS, ...weights.severities } as Record<Severity, number>;
      return {
        version: SCORECARD_VERSION,
        records,
        score: records === 0 ? 100 : round2(sumScore / records),
        dimensions: [...dims.values()]
          .filter((d) => d.records > 0)
          .map((d) => ({ dimension: d.name, score: round2(d.sumScore / d.records), weight: d.weight, records: d.records, checks: d.allChecks, failed: d.allFailed }))
          .sort((a, b) => a.dimension.localeCompare(b.dimension)),
        fields: [...fields.entries()]
          .map(([field, f]) => {
            const totalW = f.declaredW * records + f.adhocW;
            return {
              field,
              score: totalW > 0 ? round2(100 * (1 - f.failedW / totalW)) : 100,
              weight: f.weight,
              checks: f.declaredChecks * records + f.adhocChecks,
              failed: f.failed,
            };
          })
          .filter((f) => f.checks > 0)
          .sort((a, b) => a.score - b.score || a.field.localeCompare(b.field)),
        distribution: {
          bins: binList,
          perfect: histogram[100]!,
          min: records === 0 ? 100 : round2(min),
          max: records === 0 ? 100 : round2(max),
          median: quantile(0.5),
          p10: quantile(0.1),
        },
        weights: {
          dimensions: Object.fromEntries(Object.entries(weights.dimensions ?? {}).filter(([, w]) => w !== 1)),
          fields: Object.fromEntries(Object.entries(weights.fields ?? {}).filter(([, w]) => w !== 1)),
          severities,
        },
        declaredChecks: checks.filter((c) => c.weight > 0).length,
        undeclared: [...undeclared].sort(),
      };
    },
  };
}
