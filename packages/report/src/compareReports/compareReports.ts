import type { JobReport, QualityReport, ReportTotals, Severity } from "@cleanse/core";
import { jobScoreOf, readScoreSection } from "../_internal/sections.ts";
import { toJobReport } from "../toJobReport/toJobReport.ts";

/** Whether a change is good news. `changed` is for neutral numbers such as the record count. */
export type ChangeDirection = "better" | "worse" | "same" | "changed" | "new" | "gone";

/** One number then and now. */
export interface Change {
  readonly baseline: number | null;
  readonly current: number | null;
  /** current - baseline, null when either is missing. */
  readonly change: number | null;
  readonly direction: ChangeDirection;
}

/** Record counts then and now; `quarantinedRatio` is quarantined / total. */
export interface TotalsComparison {
  readonly total: Change;
  readonly clean: Change;
  readonly quarantined: Change;
  readonly merged: Change;
  readonly quarantinedRatio: Change;
}

/** A rule's failures then and now: the change is in the failing share of records. */
export interface RuleChange extends Change {
  readonly rule: string;
  readonly field?: string;
  readonly severity: Severity;
  readonly dimension: string;
  readonly baselineFailed: number | null;
  readonly currentFailed: number | null;
}

/** A field then and now: its score when both runs were scored, else its failing share. */
export interface FieldChange extends Change {
  readonly field: string;
  readonly metric: "score" | "failedRatio";
}

/**
 * A dimension's score then and now, from each report's `dimensions`. When the two runs computed it
 * differently (one scored by a score step, one not), the change is `changed`, neither better nor worse.
 */
export interface DimensionChange extends Change {
  readonly dimension: string;
}

/** One dataset then and now. */
export interface DatasetComparison {
  readonly dataset: string;
  /** `both`, or `new`/`gone` for a dataset only in the current/baseline run. */
  readonly presence: "both" | "new" | "gone";
  readonly score: Change | null;
  readonly totals: TotalsComparison;
  readonly dimensions: readonly DimensionChange[];
  /** Rules, most worsened first. */
  readonly rules: readonly RuleChange[];
  readonly fields: readonly FieldChange[];
}

/** What got better or worse between two runs. Plain JSON. */
export interface ReportComparison {
  readonly schemaVersion: 1;
  readonly kind: "comparison";
  readonly baseline: { readonly job: string; readonly finishedAt: string };
  readonly current: { readonly job: string; readonly finishedAt: string };
  /** The job score (mean record score), when both runs were scored. */
  readonly score: Change | null;
  readonly totals: TotalsComparison;
  readonly datasets: readonly DatasetComparison[];
  /** How many rules, dimensions and fields got better and worse, over all datasets. */
  readonly summary: { readonly better: number; readonly worse: number };
}

const EPS = 1e-9;

function change(baseline: number | null | undefined, current: number | null | undefined, higherIsBetter: boolean | null): Change {
  const b = baseline ?? null;
  const c = current ?? null;
  if (b === null && c === null) return { baseline: null, current: null, change: null, direction: "same" };
  if (b === null) return { baseline: null, current: c, change: null, direction: "new" };
  if (c === null) return { baseline: b, current: null, change: null, direction: "gone" };
  const d = Math.round((c - b) * 1e9) / 1e9;
  const direction: ChangeDirection = Math.abs(d) < EPS ? "same" : higherIsBetter === null ? "changed" : d > 0 === higherIsBetter ? "better" : "worse";
  return { baseline: b, current: c, change: d, direction };
}

const ratio = (n: number, total: number) => (total === 0 ? 0 : n / total);

function compareTotals(b: ReportTotals | undefined, c: ReportTotals | undefined): TotalsComparison {
  return {
    total: change(b?.total, c?.total, null),
    clean: change(b?.clean, c?.clean, null),
    quarantined: change(b?.quarantined, c?.quarantined, null),
    merged: change(b?.merged, c?.merged, null),
    quarantinedRatio: change(b ? ratio(b.quarantined, b.total) : null, c ? ratio(c.quarantined, c.total) : null, false),
  };
}

const ruleKey = (rule: string, field: string | undefined) => (field === undefined ? rule : `${rule}\u0000${field}`);

function compareDataset(b: QualityReport | undefined, c: QualityReport | undefined): DatasetComparison {
  const bs = b ? readScoreSection(b) : undefined;
  const cs = c ? readScoreSection(c) : undefined;
  const both = bs !== undefined && cs !== undefined;

  const dims = new Map<string, { b: number | null; c: number | null; bBasis?: string; cBasis?: string }>();
  for (const d of b?.dimensions ?? []) dims.set(d.dimension, { b: d.score, c: null, bBasis: d.basis ?? "records" });
  for (const d of c?.dimensions ?? []) dims.set(d.dimension, { ...(dims.get(d.dimension) ?? { b: null }), c: d.score, cBasis: d.basis ?? "records" });
  const dimensions = [...dims.entries()]
    .map(([dimension, x]) => ({ dimension, ...change(x.b, x.c, x.bBasis === undefined || x.cBasis === undefined || x.bBasis === x.cBasis ? true : null) }))
    .sort((p, q) => p.dimension.localeCompare(q.dimension));

  const rules = new Map<string, { rule: string; field?: string; severity: Severity; dimension: string; b?: QualityReport["rules"][number]; c?: QualityReport["rules"][number] }>();
  for (const r of b?.rules ?? []) rules.set(ruleKey(r.rule, r.field), { rule: r.rule, ...(r.field === undefined ? {} : { field: r.field }), severity: r.severity, dimension: r.dimension, b: r });
  for (const r of c?.rules ?? []) {
    const k = ruleKey(r.rule, r.field);
    const prev = rules.get(k);
    rules.set(k, { rule: r.rule, ...(r.field === undefined ? {} : { field: r.field }), severity: r.severity, dimension: r.dimension, ...(prev?.b ? { b: prev.b } : {}), c: r });
  }
  const bTotal = b?.totals.total ?? 0;
  const cTotal = c?.totals.total ?? 0;
  const ruleChanges: RuleChange[] = [...rules.values()]
    .map((r) => ({
      rule: r.rule,
      ...(r.field === undefined ? {} : { field: r.field }),
      severity: r.severity,
      dimension: r.dimension,
      baselineFailed: r.b ? r.b.failed : null,
      currentFailed: r.c ? r.c.failed : null,
      ...change(r.b ? ratio(r.b.failed, bTotal) : null, r.c ? ratio(r.c.failed, cTotal) : null, false),
    }))
    .sort((p, q) => (q.change ?? 0) - (p.change ?? 0) || p.rule.localeCompare(q.rule) || (p.field ?? "").localeCompare(q.field ?? ""));

  const fields = new Map<string, [number | null, number | null]>();
  const fieldSource = (r: QualityReport | undefined, s: typeof bs) =>
    s && both ? s.fields.map((f) => [f.field, f.score] as const) : (r?.fields ?? []).map((f) => [f.field, f.ratio] as const);
  for (const [f, v] of fieldSource(b, bs)) fields.set(f, [v, null]);
  for (const [f, v] of fieldSource(c, cs)) fields.set(f, [fields.get(f)?.[0] ?? null, v]);
  const fieldChanges: FieldChange[] = [...fields.entries()]
    .map(([field, [x, y]]) => ({ field, metric: both ? ("score" as const) : ("failedRatio" as const), ...change(x, y, both) }))
    .sort((p, q) => p.field.localeCompare(q.field));

  return {
    dataset: (c ?? b)!.dataset,
    presence: b && c ? "both" : c ? "new" : "gone",
    score: bs || cs ? change(bs?.score, cs?.score, true) : null,
    totals: compareTotals(b?.totals, c?.totals),
    dimensions,
    rules: ruleChanges,
    fields: fieldChanges,
  };
}

/**
 * Compares a run with an earlier one: record counts, the job score, and per dataset the score, each
 * dimension, each rule's failing share and each field. The CLI's `--baseline previous-report.json`
 * uses it; render the result with `renderJson`, or pass it as the `comparison` option of
 * `renderMarkdown` and `renderHtml`.
 * @param baseline - the earlier report (job or dataset report)
 * @param current - the new report
 * @returns the comparison, with `better`/`worse` directions
 * @example
 * const diff = compareReports(await loadReport("out/previous.json"), report);
 * diff.score //=> { baseline: 84.2, current: 87.5, change: 3.3, direction: "better" }
 */
export function compareReports(baseline: JobReport | QualityReport, current: JobReport | QualityReport): ReportComparison {
  const b = toJobReport(baseline);
  const c = toJobReport(current);
  const names = [...new Set([...c.datasets.map((d) => d.dataset), ...b.datasets.map((d) => d.dataset)])];
  const datasets = names.map((name) =>
    compareDataset(
      b.datasets.find((d) => d.dataset === name),
      c.datasets.find((d) => d.dataset === name),
    ),
  );
  let better = 0;
  let worse = 0;
  for (const d of datasets) {
    for (const x of [...d.dimensions, ...d.rules, ...d.fields]) {
      if (x.direction === "better") better++;
      else if (x.direction === "worse") worse++;
    }
  }
  const bs = jobScoreOf(b);
  const cs = jobScoreOf(c);
  return {
    schemaVersion: 1,
    kind: "comparison",
    baseline: { job: b.job, finishedAt: b.finishedAt },
    current: { job: c.job, finishedAt: c.finishedAt },
    score: bs === undefined && cs === undefined ? null : change(bs, cs, true),
    totals: compareTotals(b.totals, c.totals),
    datasets,
    summary: { better, worse },
  };
}
