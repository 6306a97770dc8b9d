import type { Issue, Severity } from "@cleanse/core";
import { checkKey, checkWeight, DEFAULT_SEVERITY_WEIGHTS, DUPLICATE_RULE, unitKey, type WeightedCheck } from "../scoreRecord/scoreRecord.ts";
import type { ScoreWeights } from "../scoreStepSchema/scoreStepSchema.ts";
import { SCORECARD_VERSION, type DimensionScorecard, type Scorecard, type ScoreBin } from "../Scorecard/Scorecard.ts";

interface DimAcc {
  readonly name: string;
  readonly weight: number;
  /** weight and count of the declared check units, per record */
  declaredW: number;
  declaredChecks: number;
  // this record
  totalW: number;
  failedW: number;
  checks: number;
  failed: number;
  // dataset
  sumScore: number;
  records: number;
  failedRecords: number;
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

/** The checks on one field in one dimension, or one record-level check (see `unitKey`). */
interface Unit {
  readonly dim: DimAcc;
  readonly field: FieldAcc | undefined;
  /** Heaviest declared check of the unit; 0 for a unit known only from findings. */
  readonly weight: number;
  // this record
  touched: boolean;
  /** Heaviest undeclared finding. */
  extraW: number;
  /** Heaviest failed check. */
  failedW: number;
}

/** What the score step knows of a record besides its findings. */
export interface RecordOutcome {
  /** Merged into another record (a golden record). */
  readonly merged: boolean;
  /** Will be routed to quarantine. */
  readonly quarantined: boolean;
}

/** Scores records one by one and folds them into a scorecard; memory does not grow with the records. */
export interface ScorecardBuilder {
  /** Scores a record's findings; returns the record score and the score of each declared dimension (NaN when unchecked). */
  add(issues: readonly Issue[], outcome: RecordOutcome): { score: number; dimensions: readonly number[] };
  /** Dimensions declared up front, in the order of `add(...).dimensions`. */
  readonly declaredDimensions: readonly string[];
  /** The scorecard, and the dimension scores that go into the report's `dimensions`. */
  finish(): { scorecard: Scorecard; dimensions: DimensionScorecard[] };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export function createScorecardBuilder(checks: readonly WeightedCheck[], weights: ScoreWeights, bins: number): ScorecardBuilder {
  const dims = new Map<string, DimAcc>();
  const fields = new Map<string, FieldAcc>();
  const units = new Map<string, Unit>();
  const refs = new Map<string, { readonly unit: Unit; readonly weight: number }>();
  const undeclared = new Set<string>();
  const ensureDim = (name: string): DimAcc => {
    let d = dims.get(name);
    if (!d) {
      d = { name, weight: weights.dimensions?.[name] ?? 1, declaredW: 0, declaredChecks: 0, totalW: 0, failedW: 0, checks: 0, failed: 0, sumScore: 0, records: 0, failedRecords: 0, allChecks: 0, allFailed: 0 };
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
  const ensureUnit = (rule: string, field: string | undefined, dimension: string, weight: number): Unit => {
    const key = unitKey(rule, field, dimension);
    let u = units.get(key);
    if (!u || u.weight < weight) {
      u = { dim: ensureDim(dimension), field: field === undefined ? undefined : ensureField(field), weight, touched: false, extraW: 0, failedW: 0 };
      units.set(key, u);
    }
    return u;
  };
  // a unit weighs as its heaviest check; checks that weigh nothing are known (so that their findings
  // are not taken for undeclared ones) but not counted
  for (const c of checks) ensureUnit(c.rule, c.field, c.dimension, c.weight);
  for (const c of checks) refs.set(c.key, { unit: units.get(unitKey(c.rule, c.field, c.dimension))!, weight: c.weight });
  for (const u of units.values()) {
    if (!(u.weight > 0)) continue;
    u.dim.declaredW += u.weight;
    u.dim.declaredChecks++;
    if (u.field) {
      u.field.declaredW += u.weight;
      u.field.declaredChecks++;
    }
  }
  const declared = [...dims.values()].filter((d) => d.declaredW > 0);
  const declaredDimensions = declared.map((d) => d.name);
  const dedupeRef = refs.get(DUPLICATE_RULE);
  const duplicateWeight = checkWeight(undefined, "error", weights);
  // clusters of duplicates whose original (first member) has been seen
  const originals = new Set<string>();
  const touched: Unit[] = [];
  const histogram = new Float64Array(101);
  let records = 0;
  let sumScore = 0;
  let sumHeadline = 0;
  let quarantined = 0;
  let duplicates = 0;
  let min = Infinity;
  let max = -Infinity;

  return {
    declaredDimensions,
    add(issues, outcome) {
      records++;
      for (const d of dims.values()) {
        d.totalW = d.declaredW;
        d.checks = d.declaredChecks;
        d.failedW = 0;
        d.failed = 0;
      }
      touched.length = 0;
      let cluster: string | undefined;
      let clusterDimension: string | undefined;
      for (let i = 0; i < issues.length; i++) {
        const issue = issues[i]!;
        if (issue.rule === DUPLICATE_RULE) {
          if (issue.code === "duplicate" && (typeof issue.value === "string" || typeof issue.value === "number")) {
            cluster = String(issue.value);
            clusterDimension = issue.dimension;
          }
          continue;
        }
        const key = checkKey(issue.rule, issue.field);
        const ref = refs.get(key);
        let unit: Unit;
        let w: number;
        if (ref) {
          unit = ref.unit;
          w = ref.weight;
        } else {
          // a finding of a check nobody declared: it applied (and failed) on this record only
          w = checkWeight(issue.field, issue.severity as Severity, weights);
          unit = units.get(unitKey(issue.rule, issue.field, issue.dimension)) ?? ensureUnit(issue.rule, issue.field, issue.dimension, 0);
          if (w > 0) undeclared.add(key);
          if (w > unit.extraW) unit.extraW = w;
        }
        if (!unit.touched) {
          unit.touched = true;
          touched.push(unit);
        }
        if (w > unit.failedW) unit.failedW = w;
      }
      for (let i = 0; i < touched.length; i++) {
        const u = touched[i]!;
        const extra = u.extraW - u.weight;
        if (extra > 0) {
          u.dim.totalW += extra;
          if (u.weight === 0) u.dim.checks++;
          if (u.field) {
            u.field.adhocW += extra;
            if (u.weight === 0) u.field.adhocChecks++;
          }
        }
        if (u.failedW > 0) {
          u.dim.failedW += u.failedW;
          u.dim.failed++;
          if (u.field) {
            u.field.failedW += u.failedW;
            u.field.failed++;
          }
        }
        u.touched = false;
        u.extraW = 0;
        u.failedW = 0;
      }
      // a later member of a cluster of duplicates (or one merged into its golden record) is a redundant copy
      let redundant: DimAcc | undefined;
      if (cluster !== undefined) {
        if (outcome.merged || originals.has(cluster)) {
          duplicates++;
          redundant = dedupeRef?.unit.dim ?? ensureDim(clusterDimension ?? "uniqueness");
          if (!(dedupeRef && dedupeRef.weight > 0) && duplicateWeight > 0) {
            undeclared.add(DUPLICATE_RULE);
            redundant.totalW += duplicateWeight;
            redundant.checks++;
          }
          if (redundant.totalW > 0) {
            redundant.failedW = redundant.totalW;
            redundant.failed++;
          }
        } else originals.add(cluster);
      }
      let sum = 0;
      let wsum = 0;
      for (const d of dims.values()) {
        if (!(d.totalW > 0)) continue;
        const s = d === redundant ? 0 : 100 * (1 - d.failedW / d.totalW);
        d.sumScore += s;
        d.records++;
        if (d.failedW > 0) d.failedRecords++;
        d.allChecks += d.checks;
        d.allFailed += d.failed;
        sum += d.weight * s;
        wsum += d.weight;
      }
      const score = wsum > 0 ? sum / wsum : 100;
      sumScore += score;
      if (outcome.quarantined) quarantined++;
      else sumHeadline += score;
      if (score < min) min = score;
      if (score > max) max = score;
      histogram[Math.min(100, Math.max(0, Math.floor(score + 1e-9)))]! += 1;
      const dimensions = declared.map((d) => (d.totalW > 0 ? (d === redundant ? 0 : 100 * (1 - d.failedW / d.totalW)) : Number.NaN));
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
      const dimensions: DimensionScorecard[] = [...dims.values()]
        .filter((d) => d.records > 0)
        .map((d) => ({
          dimension: d.name,
          score: round2(d.sumScore / d.records),
          failedRecords: d.failedRecords,
          basis: "checks" as const,
          weight: d.weight,
          records: d.records,
          checks: d.allChecks,
          failed: d.allFailed,
        }))
        .sort((a, b) => a.dimension.localeCompare(b.dimension));
      const scorecard: Scorecard = {
        version: SCORECARD_VERSION,
        records,
        score: records === 0 ? 100 : round2(sumHeadline / records),
        meanRecordScore: records === 0 ? 100 : round2(sumScore / records),
        quarantined,
        duplicates,
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
        declaredChecks: [...units.values()].filter((u) => u.weight > 0).length,
        undeclared: [...undeclared].sort(),
      };
      return { scorecard, dimensions };
    },
  };
}
