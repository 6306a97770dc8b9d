import { plural, type JobReport, type QualityReport } from "@cleanse/core";
import { band, quarantinedShare, SCORE_FORMULA, SCORE_FORMULA_ANCHOR, SCORE_SENTENCE } from "../_internal/bands.ts";
import { allRulesPassed, duration, int, mdCell, pct, prob, score1, show, signed, sparkline, textBar, when, where } from "../_internal/format.ts";
import { jobScoreOf, readDedupeSection, readScoreSection } from "../_internal/sections.ts";
import type { Change, DatasetComparison, ReportComparison } from "../compareReports/compareReports.ts";
import { toJobReport } from "../toJobReport/toJobReport.ts";

/** Options of {@link renderMarkdown}. */
export interface RenderMarkdownOptions {
  /** Heading of the report. Defaults to `Data quality: <job>`. */
  readonly title?: string;
  /** A comparison with an earlier run (from `compareReports`), shown as "Since the baseline". */
  readonly comparison?: ReportComparison;
  /** Failing rules listed per dataset. Defaults to 10. */
  readonly maxRules?: number;
  /** Fields listed per dataset. Defaults to 15. */
  readonly maxFields?: number;
  /** Dedupe clusters listed per dataset. Defaults to 5. */
  readonly maxClusters?: number;
}

const ARROW: Record<Change["direction"], string> = { better: "▲", worse: "▼", same: "", changed: "", new: "new", gone: "gone" };

function scoreDelta(c: Change | null | undefined): string {
  if (!c) return "";
  if (c.change === null) return c.direction === "new" ? "new" : c.direction === "gone" ? "gone" : "";
  if (c.direction === "same") return "±0";
  const arrow = ARROW[c.direction];
  return `${signed(c.change, 1)}${arrow ? ` ${arrow}` : ""}`;
}

/** A change of a share, in percentage points. */
function pointsDelta(c: Change | null | undefined): string {
  if (!c || c.change === null) return scoreDelta(c);
  if (c.direction === "same") return "±0";
  return `${signed(c.change * 100, 1)} pp${ARROW[c.direction] ? ` ${ARROW[c.direction]}` : ""}`;
}

function totalsTable(report: JobReport, comparison: ReportComparison | undefined): string[] {
  const score = jobScoreOf(report);
  const showDatasets = report.datasets.length > 1;
  const lines: string[] = [];
  if (showDatasets) {
    lines.push(`| dataset | records | clean | quarantined | merged | score |`, `|---|---:|---:|---:|---:|---:|`);
    for (const d of report.datasets) {
      const s = readScoreSection(d);
      const t = d.totals;
      lines.push(`| [${mdCell(d.dataset)}](#${anchor(d.dataset)}) | ${int(t.total)} | ${int(t.clean)} | ${int(t.quarantined)} (${pct(t.total ? t.quarantined / t.total : 0)}) | ${int(t.merged)} | ${s ? score1(s.score) : "–"} |`);
    }
    const t = report.totals;
    lines.push(`| **all** | **${int(t.total)}** | **${int(t.clean)}** | **${int(t.quarantined)}** (${pct(t.total ? t.quarantined / t.total : 0)}) | **${int(t.merged)}** | **${score === undefined ? "–" : score1(score)}** |`, "");
  }
  if (comparison) lines.push(...comparisonSummary(comparison));
  return lines;
}

function comparisonSummary(c: ReportComparison): string[] {
  const lines = [`**Since the baseline** (${mdCell(when(c.baseline.finishedAt))}): ${c.summary.better} better, ${c.summary.worse} worse.`, ""];
  lines.push("| | baseline | now | change |", "|---|---:|---:|---:|");
  if (c.score && (c.score.baseline !== null || c.score.current !== null)) {
    lines.push(`| score | ${c.score.baseline === null ? "–" : score1(c.score.baseline)} | ${c.score.current === null ? "–" : score1(c.score.current)} | ${scoreDelta(c.score)} |`);
  }
  const t = c.totals;
  lines.push(`| records | ${int(t.total.baseline ?? 0)} | ${int(t.total.current ?? 0)} | ${t.total.change === null ? "" : signed(t.total.change, 0)} |`);
  lines.push(`| quarantined | ${pct(t.quarantinedRatio.baseline ?? 0)} | ${pct(t.quarantinedRatio.current ?? 0)} | ${pointsDelta(t.quarantinedRatio)} |`, "");
  const moved = c.datasets.flatMap((d) => d.rules.filter((r) => r.direction === "better" || r.direction === "worse" || r.direction === "new").map((r) => ({ d, r })));
  if (moved.length > 0) {
    lines.push("| dataset | rule | field | failing then | failing now | change |", "|---|---|---|---:|---:|---:|");
    for (const { d, r } of moved.slice(0, 15)) {
      lines.push(
        `| ${mdCell(d.dataset)} | ${mdCell(r.rule)} | ${mdCell(r.field ?? "")} | ${r.baseline === null ? "–" : `${int(r.baselineFailed ?? 0)} (${pct(r.baseline)})`} | ${r.current === null ? "–" : `${int(r.currentFailed ?? 0)} (${pct(r.current)})`} | ${pointsDelta(r)} |`,
      );
    }
    if (moved.length > 15) lines.push(`| | … ${moved.length - 15} more | | | | |`);
    lines.push("");
  }
  return lines;
}

function anchor(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .trim()
    .replace(/\s+/g, "-");
}

function datasetSection(d: QualityReport, o: RenderMarkdownOptions, cmp: DatasetComparison | undefined): string[] {
  const t = d.totals;
  const s = readScoreSection(d);
  const lines = [`## ${mdCell(d.dataset)}`, ""];
  const head = [`${plural(t.total, "record")}: ${int(t.clean)} clean, ${int(t.quarantined)} quarantined (${pct(t.total ? t.quarantined / t.total : 0)})${t.merged ? `, ${int(t.merged)} merged` : ""}`];
  if (s) head.unshift(`**Score ${score1(s.score)}** / 100 (${band(s.score, quarantinedShare(t))})${cmp?.score ? `, ${scoreDelta(cmp.score)} since the baseline` : ""}`);
  lines.push(`${head.join(" · ")}.`, "");

  // the report's one set of dimension scores: a score step's (checks) or the engine's (records)
  const byChecks = d.dimensions.some((x) => x.basis === "checks");
  const dims = d.dimensions.map((x) => ({
    dimension: x.dimension,
    score: x.score,
    detail: x.basis === "checks" ? `${int(x.failed ?? 0)} of ${plural(x.checks ?? 0, "check")} failed` : `${plural(x.failedRecords, "record")} failing`,
  }));
  if (dims.length > 0) {
    const withCmp = cmp !== undefined;
    lines.push(`| dimension | score | | ${byChecks ? "checks" : "records"} |${withCmp ? " change |" : ""}`, `|---|---:|---|---|${withCmp ? "---:|" : ""}`);
    for (const x of dims) {
      const c = cmp?.dimensions.find((y) => y.dimension === x.dimension);
      lines.push(`| ${mdCell(x.dimension)} | ${score1(x.score)} | \`${textBar(x.score / 100)}\` | ${x.detail} |${withCmp ? ` ${scoreDelta(c)} |` : ""}`);
    }
    lines.push("");
  }
  if (s?.distribution && s.distribution.bins.length > 0) {
    const dist = s.distribution;
    const parts = [`\`${sparkline(dist.bins.map((b) => b.count))}\` (0 → 100)`];
    if (dist.median !== undefined) parts.push(`median ${dist.median}`);
    if (dist.p10 !== undefined) parts.push(`10th percentile ${dist.p10}`);
    if (dist.perfect !== undefined) parts.push(`${int(dist.perfect)} perfect`);
    lines.push(`Record scores: ${parts.join(", ")}.`, "");
  }

  const failing = d.rules.filter((r) => r.failed > 0).slice(0, o.maxRules ?? 10);
  if (failing.length > 0) {
    lines.push("### Failing rules", "", "| rule | field | severity | failed | share | example |", "|---|---|---|---:|---:|---|");
    for (const r of failing) {
      const ex = r.examples[0];
      const at = ex ? where(ex) : "";
      lines.push(`| ${mdCell(r.rule)} | ${mdCell(r.field ?? "")} | ${r.severity} | ${int(r.failed)} | ${pct(r.ratio)} | ${ex ? mdCell(`${at ? `${at}: ` : ""}${show(ex.message, 90)}`) : ""} |`);
    }
    const more = d.rules.filter((r) => r.failed > 0).length - failing.length;
    if (more > 0) lines.push(`| … ${more} more | | | | | |`);
    const passing = d.rules.filter((r) => r.failed === 0).length;
    lines.push("", passing > 0 ? `${int(passing)} more ${passing === 1 ? "rule" : "rules"} found nothing.` : "", "");
  } else if (d.rules.length > 0) {
    lines.push(allRulesPassed(d.rules.length), "");
  }

  const fieldRows = s
    ? s.fields.slice(0, o.maxFields ?? 15).map((f) => {
        const summary = d.fields.find((x) => x.field === f.field);
        return `| ${mdCell(f.field)} | ${score1(f.score)} | ${int(summary?.failed ?? 0)} | ${int(summary?.changed ?? 0)} | ${mdCell(codes(summary?.codes))} |`;
      })
    : d.fields
        .filter((f) => f.failed > 0 || f.changed > 0)
        .slice(0, o.maxFields ?? 15)
        .map((f) => `| ${mdCell(f.field)} | – | ${int(f.failed)} | ${int(f.changed)} | ${mdCell(codes(f.codes))} |`);
  if (fieldRows.length > 0) {
    lines.push("### Fields", "", "| field | score | records failing | values changed | findings |", "|---|---:|---:|---:|---|", ...fieldRows, "");
  }

  if (d.datasetIssues.length > 0) {
    lines.push("### Dataset checks", "");
    for (const i of d.datasetIssues) lines.push(`- **${i.severity}** ${mdCell(i.rule)}${i.field ? ` (${mdCell(i.field)})` : ""}: ${mdCell(i.message)}`);
    lines.push("");
  }
  lines.push(...dedupeSection(d, o));
  if (d.warnings.length > 0) {
    for (const w of d.warnings) lines.push(`> **warning:** ${mdCell(w)}`, ">");
    lines.pop();
    lines.push("");
  }
  return lines;
}

function codes(c: Readonly<Record<string, number>> | undefined): string {
  if (!c) return "";
  return Object.entries(c)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${int(n)}`)
    .join(", ");
}

function dedupeSection(d: QualityReport, o: RenderMarkdownOptions): string[] {
  const v = readDedupeSection(d);
  if (!v) return [];
  const lines = ["### Duplicates", ""];
  if (v.stats.length > 0) lines.push(v.stats.map(([k, n]) => `${k}: **${k === "reduction ratio" ? pct(n) : k === "threshold" || k.includes("probability") ? prob(n) : int(n)}**`).join(" · "), "");
  const clusters = v.clusters.filter((c) => c.size > 1).slice(0, o.maxClusters ?? 5);
  if (clusters.length > 0) {
    lines.push("| cluster | records | members |", "|---|---:|---|");
    for (const c of clusters) lines.push(`| ${mdCell(c.id)}${c.chained ? " (chained)" : ""} | ${int(c.size)} | ${mdCell(show(c.members.join(", "), 80))} |`);
    lines.push("");
  }
  const e = v.explanation;
  if (e && e.comparisons.length > 0) {
    const shown = (x: string) => show(x, 30);
    lines.push(`<details><summary>Why ${e.ids ? `${mdCell(e.ids[0])} and ${mdCell(e.ids[1])}` : "this pair"} match${e.probability === undefined ? "" : ` (match probability ${prob(e.probability)})`}</summary>`, "");
    lines.push("| comparison | values | level | weight |", "|---|---|---|---:|");
    if (e.priorWeight !== undefined) lines.push(`| prior | | | ${signed(e.priorWeight, 2)} |`);
    for (const c of e.comparisons) lines.push(`| ${mdCell(c.name)} | ${c.values ? mdCell(`${shown(c.values[0])} / ${shown(c.values[1])}`) : ""} | ${mdCell(c.label)} | ${signed(c.total, 2)} |`);
    if (e.totalWeight !== undefined) lines.push(`| **total** | | | **${signed(e.totalWeight, 2)}** |`);
    lines.push("", "</details>", "");
  }
  return lines;
}

/**
 * Renders a report as Markdown for a CI job summary or a pull request comment: the score, the
 * counts, and per dataset the dimension scores with bars, the score distribution, the failing rules
 * with an example each, the fields,
 * dataset checks, duplicates and an explained match, and what changed since a baseline.
 * @param report - a job report or a dataset report
 * @param options - title, comparison, limits
 * @returns GitHub-flavoured Markdown, ending with a newline
 * @example
 * renderMarkdown(report).split("\n")[0] //=> "# Data quality: crm-erp-demo"
 */
export function renderMarkdown(report: JobReport | QualityReport, options: RenderMarkdownOptions = {}): string {
  const job = toJobReport(report);
  const t = job.totals;
  const score = jobScoreOf(job);
  const lines = [`# ${mdCell(options.title ?? `Data quality: ${job.job}`)}`, ""];
  const ms = Date.parse(job.finishedAt) - Date.parse(job.startedAt);
  const summary = [
    ...(score === undefined ? [] : [`**Score ${score1(score)}** / 100 (${band(score, quarantinedShare(t))}${options.comparison?.score ? `, ${scoreDelta(options.comparison.score)}` : ""})`]),
    plural(t.total, "record"),
    `${int(t.clean)} clean`,
    `${int(t.quarantined)} quarantined (${pct(t.total ? t.quarantined / t.total : 0)})`,
    ...(t.merged ? [`${int(t.merged)} merged`] : []),
    ...(Number.isFinite(ms) && ms >= 0 ? [duration(ms)] : []),
  ];
  lines.push(summary.join(" · "), "");
  if (score !== undefined) lines.push(`${SCORE_SENTENCE} ([how the score is computed](#${SCORE_FORMULA_ANCHOR})).`, "");
  lines.push(...totalsTable(job, options.comparison));
  for (const d of job.datasets) {
    lines.push(...datasetSection(d, options, options.comparison?.datasets.find((c) => c.dataset === d.dataset)));
  }
  const gone = options.comparison?.datasets.filter((d) => d.presence === "gone") ?? [];
  if (gone.length > 0) lines.push(`Datasets in the baseline only: ${gone.map((d) => mdCell(d.dataset)).join(", ")}.`, "");
  if (score !== undefined) lines.push("## How the score is computed", "", ...SCORE_FORMULA.map((l) => `- ${l}`), "");
  lines.push(`<sub>Cleanse report, schema version ${job.schemaVersion}, finished ${mdCell(job.finishedAt)}.</sub>`);
  return `${lines.join("\n").replace(/\n{3,}/g, "\n\n")}\n`;
}
