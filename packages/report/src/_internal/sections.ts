import type { JobReport, QualityReport } from "@cleanse/core";

/**
 * The `score` section as the score step (`@cleanse/score`) writes it. Read defensively: a report
 * may come from another version, so every part is checked before it is used. Its dimension scores
 * are the report's `dimensions`.
 */
export interface ScoreSection {
  readonly version?: number;
  readonly records: number;
  /** The dataset score (from scorecard version 2 on, quarantined records count 0). */
  readonly score: number;
  readonly meanRecordScore?: number;
  readonly quarantined?: number;
  readonly duplicates?: number;
  readonly fields: readonly { readonly field: string; readonly score: number; readonly weight?: number; readonly checks?: number; readonly failed?: number }[];
  readonly distribution?: {
    readonly bins: readonly { readonly from: number; readonly to: number; readonly count: number }[];
    readonly perfect?: number;
    readonly min?: number;
    readonly max?: number;
    readonly median?: number;
    readonly p10?: number;
  };
  readonly undeclared?: readonly string[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined);

/** Reads a dataset's score section, or undefined when it is absent or not shaped like one. */
export function readScoreSection(report: Pick<QualityReport, "sections">): ScoreSection | undefined {
  const s = report.sections?.score;
  if (!isObject(s) || !isNumber(s.score) || !isNumber(s.records)) return undefined;
  const fields = Array.isArray(s.fields) ? s.fields.filter((f): f is ScoreSection["fields"][number] => isObject(f) && typeof f.field === "string" && isNumber(f.score)) : [];
  const dist = isObject(s.distribution) && Array.isArray(s.distribution.bins) ? s.distribution : undefined;
  const bins = dist ? (dist.bins as unknown[]).filter((b): b is { from: number; to: number; count: number } => isObject(b) && isNumber(b.from) && isNumber(b.to) && isNumber(b.count)) : [];
  return {
    ...(isNumber(s.version) ? { version: s.version } : {}),
    records: s.records,
    score: s.score,
    ...(isNumber(s.meanRecordScore) ? { meanRecordScore: s.meanRecordScore } : {}),
    ...(isNumber(s.quarantined) ? { quarantined: s.quarantined } : {}),
    ...(isNumber(s.duplicates) ? { duplicates: s.duplicates } : {}),
    fields,
    ...(dist
      ? {
          distribution: {
            bins,
            ...(isNumber(dist.perfect) ? { perfect: dist.perfect } : {}),
            ...(isNumber(dist.min) ? { min: dist.min } : {}),
            ...(isNumber(dist.max) ? { max: dist.max } : {}),
            ...(isNumber(dist.median) ? { median: dist.median } : {}),
            ...(isNumber(dist.p10) ? { p10: dist.p10 } : {}),
          },
        }
      : {}),
    ...(Array.isArray(s.undeclared) ? { undeclared: s.undeclared.filter((u): u is string => typeof u === "string") } : {}),
  };
}

/** The job's score: the mean record score over the scored datasets, each weighted by its records. */
export function jobScoreOf(report: JobReport): number | undefined {
  let records = 0;
  let sum = 0;
  let plain = 0;
  let n = 0;
  for (const d of report.datasets) {
    const s = readScoreSection(d);
    if (!s) continue;
    records += s.records;
    sum += s.score * s.records;
    plain += s.score;
    n++;
  }
  if (n === 0) return undefined;
  return Math.round((records > 0 ? sum / records : plain / n) * 100) / 100;
}

/** A member of a dedupe cluster. */
export interface DedupeCluster {
  readonly id: string;
  readonly size: number;
  readonly members: readonly string[];
  readonly chained: boolean;
}

export interface DedupeGolden {
  readonly clusterId: string;
  readonly members: readonly string[];
  readonly record: Readonly<Record<string, unknown>>;
  /** field -> source record id (and the survivorship rule) */
  readonly lineage: Readonly<Record<string, string>>;
}

export interface DedupeContribution {
  readonly name: string;
  /** Fields the comparison reads. */
  readonly fields: readonly string[];
  readonly values: readonly [string, string] | undefined;
  readonly label: string;
  readonly m: number | undefined;
  readonly u: number | undefined;
  readonly bayesFactor: number | undefined;
  readonly weight: number;
  readonly tfAdjustment: number;
  readonly total: number;
}

export interface DedupeExplanation {
  readonly ids: readonly [string, string] | undefined;
  readonly priorWeight: number | undefined;
  readonly comparisons: readonly DedupeContribution[];
  readonly totalWeight: number | undefined;
  readonly probability: number | undefined;
  readonly threshold: number | undefined;
  readonly isMatch: boolean | undefined;
  readonly text: string | undefined;
}

/** What the renderers show of a `dedupe` section, normalized from whatever shape it has. */
export interface DedupeView {
  /** Headline numbers (records, clusters, duplicates, candidate pairs, ...), in order. */
  readonly stats: readonly (readonly [string, number])[];
  readonly clusters: readonly DedupeCluster[];
  readonly golden: readonly DedupeGolden[];
  readonly explanation: DedupeExplanation | undefined;
  readonly blocking: readonly { readonly rule: string; readonly candidatePairs: number | undefined; readonly reductionRatio: number | undefined }[];
}

const pick = (o: Record<string, unknown>, ...keys: string[]): unknown => {
  for (const k of keys) if (o[k] !== undefined) return o[k];
  return undefined;
};

function toIds(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((m) => {
    const s = str(m) ?? (isObject(m) ? str(pick(m, "id", "record_id", "recordId")) : undefined);
    return s === undefined ? [] : [s];
  });
}

const STAT_KEYS: readonly (readonly [string, string])[] = [
  ["records", "records"],
  ["clusters", "clusters"],
  ["multiRecordClusters", "clusters with duplicates"],
  ["duplicates", "duplicates"],
  ["candidatePairs", "candidate pairs"],
  ["pairsAboveThreshold", "pairs above threshold"],
  ["reductionRatio", "reduction ratio"],
  ["threshold", "threshold"],
  ["lambda", "prior match probability"],
  ["emIterations", "EM iterations"],
];

/** Reads a dataset's dedupe section defensively; undefined when there is none. */
export function readDedupeSection(report: Pick<QualityReport, "sections">): DedupeView | undefined {
  const s = report.sections?.dedupe;
  if (!isObject(s)) return undefined;
  const stats: [string, number][] = [];
  for (const [key, label] of STAT_KEYS) {
    const v = s[key];
    if (isNumber(v)) stats.push([label, v]);
    else if (Array.isArray(v) && key === "clusters") stats.push([label, v.length]);
  }
  const rawClusters = pick(s, "topClusters", "clusters");
  const clusters: DedupeCluster[] = Array.isArray(rawClusters)
    ? rawClusters.flatMap((c) => {
        if (!isObject(c)) return [];
        const members = toIds(pick(c, "members", "member_ids", "memberIds", "records", "ids"));
        const id = str(pick(c, "cluster_id", "clusterId", "id")) ?? members[0];
        if (id === undefined) return [];
        const size = isNumber(c.size) ? c.size : members.length;
        return [{ id, size, members, chained: c.chained === true }];
      })
    : [];
  const rawGolden = pick(s, "goldenRecords", "golden_records", "golden");
  const golden: DedupeGolden[] = Array.isArray(rawGolden)
    ? rawGolden.flatMap((g) => {
        if (!isObject(g)) return [];
        const record = isObject(g.record) ? g.record : g;
        const lineage: Record<string, string> = {};
        if (isObject(g.lineage)) {
          for (const [field, l] of Object.entries(g.lineage)) {
            const from = str(l) ?? (isObject(l) ? str(pick(l, "id", "source", "record")) : undefined);
            const rule = isObject(l) ? str(l.rule) : undefined;
            if (from !== undefined) lineage[field] = rule ? `${from} (${rule})` : from;
          }
        }
        return [{ clusterId: str(pick(g, "cluster_id", "clusterId", "id")) ?? "", members: toIds(g.members), record, lineage }];
      })
    : [];
  const rawExample = pick(s, "example", "explained", "explanation");
  let explanation: DedupeExplanation | undefined;
  if (isObject(rawExample)) {
    const e = isObject(rawExample.explanation) ? rawExample.explanation : rawExample;
    const rawComparisons = pick(e, "comparisons", "contributions");
    const comparisons: DedupeContribution[] = Array.isArray(rawComparisons)
      ? rawComparisons.flatMap((c) => {
          if (!isObject(c)) return [];
          const weight = pick(c, "weight", "log2Weight", "matchWeight");
          const tf = pick(c, "tfAdjustment", "tf_adjustment");
          const total = pick(c, "total");
          const w = isNumber(weight) ? weight : 0;
          const t = isNumber(tf) ? tf : 0;
          const vals = Array.isArray(c.values) && c.values.length === 2 ? ([str(c.values[0]) ?? "∅", str(c.values[1]) ?? "∅"] as const) : undefined;
          const m = pick(c, "m"), u = pick(c, "u"), bf = pick(c, "bayesFactor", "bayes_factor");
          return [
            {
              name: str(pick(c, "name", "comparison", "column", "field")) ?? "?",
              fields: toIds(c.fields),
              values: vals,
              label: str(pick(c, "label", "level")) ?? "",
              m: isNumber(m) ? m : undefined,
              u: isNumber(u) ? u : undefined,
              bayesFactor: isNumber(bf) ? bf : undefined,
              weight: w,
              tfAdjustment: t,
              total: isNumber(total) ? total : w + t,
            },
          ];
        })
      : [];
    const prior = isObject(e.prior) ? e.prior.weight : pick(e, "priorWeight", "prior_weight");
    const ids = Array.isArray(e.ids) && e.ids.length === 2 ? ([str(e.ids[0]) ?? "", str(e.ids[1]) ?? ""] as const) : undefined;
    const total = pick(e, "totalWeight", "total_weight", "weight");
    const p = pick(e, "probability", "match_probability", "matchProbability");
    const th = pick(e, "threshold");
    explanation = {
      ids,
      priorWeight: isNumber(prior) ? prior : undefined,
      comparisons,
      totalWeight: isNumber(total) ? total : undefined,
      probability: isNumber(p) ? p : undefined,
      threshold: isNumber(th) ? th : undefined,
      isMatch: typeof e.isMatch === "boolean" ? e.isMatch : undefined,
      text: str(rawExample.text),
    };
  }
  const blocking = Array.isArray(s.blocking)
    ? s.blocking.flatMap((b) =>
        isObject(b) && typeof b.rule === "string"
          ? [{ rule: b.rule, candidatePairs: isNumber(b.candidatePairs) ? b.candidatePairs : undefined, reductionRatio: isNumber(b.reductionRatio) ? b.reductionRatio : undefined }]
          : [],
      )
    : [];
  return { stats, clusters, golden, explanation, blocking };
}
