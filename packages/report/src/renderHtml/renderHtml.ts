import { plural, type IssueExample, type JobReport, type QualityReport, type RuleSummary } from "@cleanse/core";
import { allRulesPassed, bytes, duration, escapeHtml as esc, int, num, pct, prob, score1, show, signed, when, where } from "../_internal/format.ts";
import { band, quarantinedShare, SCORE_FORMULA, SCORE_FORMULA_ANCHOR, SCORE_SENTENCE } from "../_internal/bands.ts";
import { HTML_STYLES, SORT_SCRIPT } from "../_internal/htmlStyles.ts";
import { jobScoreOf, readDedupeSection, readScoreSection, type DedupeView } from "../_internal/sections.ts";
import { gauge, miniBar, scoreBars, scoreHistogram, weightChart } from "../_internal/svg.ts";
import type { Change, DatasetComparison, ReportComparison } from "../compareReports/compareReports.ts";
import { toJobReport } from "../toJobReport/toJobReport.ts";

/** Options of {@link renderHtml}. */
export interface RenderHtmlOptions {
  /** Page title. Defaults to `Data quality: <job>`. */
  readonly title?: string;
  /** A comparison with an earlier run (from `compareReports`), shown as "Since the baseline". */
  readonly comparison?: ReportComparison;
  /** Failing rules listed per dataset. Defaults to 25. */
  readonly maxRules?: number;
  /** Examples shown per rule. Defaults to 3. */
  readonly maxExamples?: number;
  /** Dedupe clusters and golden records listed per dataset. Defaults to 10. */
  readonly maxClusters?: number;
  /** Leave out the small script that sorts tables by a click on their headers. Default false. */
  readonly noScript?: boolean;
}

const ARROW: Record<Change["direction"], string> = { better: "▲", worse: "▼", same: "", changed: "", new: "", gone: "" };

function deltaHtml(c: Change | null | undefined, format: (n: number) => string = (n) => signed(n, 1)): string {
  if (!c) return "";
  if (c.change === null) return c.direction === "new" || c.direction === "gone" ? `<span class="delta changed">${c.direction}</span>` : "";
  if (c.direction === "same") return `<span class="delta same">±0</span>`;
  const words = c.direction === "better" ? "better" : c.direction === "worse" ? "worse" : "changed";
  return `<span class="delta ${c.direction}" title="${words}">${esc(format(c.change))}${ARROW[c.direction] ? ` <span aria-hidden="true">${ARROW[c.direction]}</span><span class="visually-hidden"> (${words})</span>` : ""}</span>`;
}

const points = (n: number) => `${signed(n * 100, 1)} pp`;

function slug(name: string, i: number): string {
  return `ds-${i}-${name.replace(/[^\p{L}\p{N}_-]+/gu, "-").slice(0, 40)}`;
}

function table(caption: string, head: readonly (readonly [string, boolean])[], rows: readonly string[], sortable = true): string {
  return `<div class="table-wrap"><table${sortable ? ` class="sortable"` : ""}>
<caption class="visually-hidden">${esc(caption)}</caption>
<thead><tr>${head.map(([h, numeric]) => `<th scope="col"${numeric ? ` class="num"` : ""}>${esc(h)}</th>`).join("")}</tr></thead>
<tbody>
${rows.join("\n")}
</tbody></table></div>`;
}

function overview(job: JobReport, score: number | undefined, comparison: ReportComparison | undefined): string {
  const t = job.totals;
  const share = t.total ? t.quarantined / t.total : 0;
  const kpi = (label: string, value: string, extra = "") => `<div class="kpi"><dt>${esc(label)}</dt><dd>${value}${extra ? `<small>${extra}</small>` : ""}</dd></div>`;
  const c = comparison?.totals;
  const kpis = [
    kpi("Records", int(t.total), c ? deltaHtml(c.total, (n) => signed(n, 0)) : ""),
    kpi("Clean", int(t.clean), esc(pct(t.total ? t.clean / t.total : 0))),
    kpi("Quarantined", int(t.quarantined), `${esc(pct(share))}${c ? ` ${deltaHtml(c.quarantinedRatio, points)}` : ""}`),
    kpi("Merged", int(t.merged)),
    ...(comparison?.score ? [kpi("Score change", deltaHtml(comparison.score))] : []),
  ];
  const scoreBand = score === undefined ? undefined : band(score, share);
  const left = score === undefined || scoreBand === undefined ? "" : `<div class="headline ${scoreBand}">${gauge(score, scoreBand, "Overall quality score")}<p class="band">${scoreBand}</p></div>`;
  const how = score === undefined ? "" : `<p class="note how">${esc(SCORE_SENTENCE)} (<a href="#${SCORE_FORMULA_ANCHOR}">how the score is computed</a>).</p>`;
  return `<section class="card overview" aria-label="Overview">${left}<div><dl class="kpis">${kpis.join("")}</dl>${how}</div></section>`;
}

function formulaSection(): string {
  return `<section class="card" id="${SCORE_FORMULA_ANCHOR}" aria-labelledby="${SCORE_FORMULA_ANCHOR}-h"><h3 id="${SCORE_FORMULA_ANCHOR}-h">How the score is computed</h3><ul class="plain formula">${SCORE_FORMULA.map((l) => `<li>${esc(l)}</li>`).join("")}</ul></section>`;
}

function datasetsTable(job: JobReport, ids: readonly string[]): string {
  if (job.datasets.length < 2) return "";
  const rows = job.datasets.map((d, i) => {
    const s = readScoreSection(d);
    const t = d.totals;
    const share = t.total ? t.quarantined / t.total : 0;
    return `<tr><th scope="row"><a href="#${ids[i]}">${esc(d.dataset)}</a></th><td class="num" data-v="${t.total}">${int(t.total)}</td><td class="num" data-v="${t.clean}">${int(t.clean)}</td><td class="num" data-v="${share}"><span class="cell-bar">${int(t.quarantined)} <span class="muted">(${pct(share)})</span></span></td><td class="num" data-v="${t.merged}">${int(t.merged)}</td><td class="num" data-v="${s?.score ?? ""}">${s ? `<span class="cell-bar">${miniBar(s.score / 100, band(s.score, share), `score ${score1(s.score)}`)}<span class="badge ${band(s.score, share)}">${score1(s.score)}</span></span>` : "–"}</td></tr>`;
  });
  return `<section class="card" aria-labelledby="datasets-h"><h3 id="datasets-h">Datasets</h3>${table("Datasets of the job", [["Dataset", false], ["Records", true], ["Clean", true], ["Quarantined", true], ["Merged", true], ["Score", true]], rows)}</section>`;
}

function comparisonSection(c: ReportComparison): string {
  const moved = c.datasets.flatMap((d) => d.rules.filter((r) => r.direction === "better" || r.direction === "worse" || r.direction === "new").map((r) => ({ d, r })));
  const rows = moved.slice(0, 30).map(
    ({ d, r }) =>
      `<tr><td>${esc(d.dataset)}</td><td><code>${esc(r.rule)}</code></td><td>${esc(r.field ?? "")}</td><td class="num" data-v="${r.baseline ?? ""}">${r.baseline === null ? "–" : `${int(r.baselineFailed ?? 0)} <span class="muted">(${pct(r.baseline)})</span>`}</td><td class="num" data-v="${r.current ?? ""}">${r.current === null ? "–" : `${int(r.currentFailed ?? 0)} <span class="muted">(${pct(r.current)})</span>`}</td><td class="num" data-v="${r.change ?? ""}">${deltaHtml(r, points)}</td></tr>`,
  );
  const dsRows = c.datasets.map(
    (d) =>
      `<tr><td>${esc(d.dataset)}${d.presence === "both" ? "" : ` <span class="pill info">${d.presence}</span>`}</td><td class="num">${d.score?.baseline == null ? "–" : score1(d.score.baseline)}</td><td class="num">${d.score?.current == null ? "–" : score1(d.score.current)}</td><td class="num">${deltaHtml(d.score)}</td><td class="num">${pct(d.totals.quarantinedRatio.baseline ?? 0)}</td><td class="num">${pct(d.totals.quarantinedRatio.current ?? 0)}</td><td class="num">${deltaHtml(d.totals.quarantinedRatio, points)}</td></tr>`,
  );
  return `<section class="card" aria-labelledby="cmp-h"><h3 id="cmp-h">Since the baseline</h3>
<p class="muted">Compared with the run that finished ${esc(when(c.baseline.finishedAt))}: <strong class="delta better">${c.summary.better} better</strong>, <strong class="delta worse">${c.summary.worse} worse</strong>.</p>
${table("Datasets then and now", [["Dataset", false], ["Score then", true], ["Score now", true], ["Change", true], ["Quarantined then", true], ["Quarantined now", true], ["Change", true]], dsRows, false)}
${moved.length > 0 ? `<h3 class="sub">Rules that moved</h3>${table("Rules whose failing share changed", [["Dataset", false], ["Rule", false], ["Field", false], ["Failing then", true], ["Failing now", true], ["Change", true]], rows)}${moved.length > 30 ? `<p class="note">… and ${moved.length - 30} more.</p>` : ""}` : `<p class="note">No rule's failing share changed.</p>`}
</section>`;
}

function examplesHtml(examples: readonly IssueExample[], o: RenderHtmlOptions): string {
  const shown = examples.slice(0, o.maxExamples ?? 3);
  if (shown.length === 0) return "";
  return `<ul class="examples">${shown
    .map((e) => {
      const at = where(e);
      const value = e.value === undefined ? "" : ` <code>${esc(show(e.value, 48))}</code>`;
      return `<li>${at ? `<span class="where">${esc(at)}</span>` : ""}${esc(show(e.message, 140))}${e.message.includes(String(e.value)) ? "" : value}</li>`;
    })
    .join("")}</ul>`;
}

function rulesCard(d: QualityReport, o: RenderHtmlOptions, cmp: DatasetComparison | undefined): string {
  const failing = d.rules.filter((r) => r.failed > 0);
  const passing = d.rules.length - failing.length;
  if (d.rules.length === 0) return "";
  if (failing.length === 0) return `<section class="card"><h3>Rules</h3><p>${allRulesPassed(d.rules.length)}</p></section>`;
  const shown = failing.slice(0, o.maxRules ?? 25);
  const rows = shown.map((r: RuleSummary) => {
    const c = cmp?.rules.find((x) => x.rule === r.rule && x.field === r.field);
    const cls = r.severity === "error" ? "poor" : r.severity === "warning" ? "fair" : "muted";
    return `<tr><td><code class="rule">${esc(r.rule).replace(/\./g, ".<wbr>")}</code></td><td>${esc(r.field ?? "")}</td><td data-v="${r.severity === "error" ? 2 : r.severity === "warning" ? 1 : 0}"><span class="pill ${r.severity}">${r.severity}</span></td><td>${esc(r.dimension)}</td><td class="num" data-v="${r.failed}">${int(r.failed)}</td><td class="num" data-v="${r.ratio}"><span class="cell-bar">${miniBar(r.ratio, cls, `${pct(r.ratio)} of records`)}${pct(r.ratio)}</span>${c ? `<br>${deltaHtml(c, points)}` : ""}</td><td>${examplesHtml(r.examples, o)}</td></tr>`;
  });
  const notes = [
    failing.length > shown.length ? `${plural(failing.length - shown.length, "more failing rule is", "more failing rules are")} in the JSON report.` : "",
    passing > 0 ? `${int(passing)} ${passing === 1 ? "rule" : "rules"} found nothing: ${d.rules
      .filter((r) => r.failed === 0)
      .slice(0, 12)
      .map((r) => `<code>${esc(r.rule)}${r.field ? `(${esc(r.field)})` : ""}</code>`)
      .join(", ")}${passing > 12 ? ", …" : ""}.` : "",
  ].filter(Boolean);
  return `<section class="card"><h3>Failing rules</h3>${table(`Failing rules of ${d.dataset}`, [["Rule", false], ["Field", false], ["Severity", false], ["Dimension", false], ["Failed", true], ["Share", true], ["Examples", false]], rows)}${notes.map((n) => `<p class="note">${n}</p>`).join("")}</section>`;
}

function codesText(codes: Readonly<Record<string, number>> | undefined): string {
  if (!codes) return "";
  return Object.entries(codes)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `<code>${esc(k)}</code> ${int(n)}`)
    .join(", ");
}

function fieldsCard(d: QualityReport, cmp: DatasetComparison | undefined, note: string): string {
  const s = readScoreSection(d);
  const names = new Set<string>([...(s?.fields.map((f) => f.field) ?? []), ...d.fields.map((f) => f.field)]);
  if (names.size === 0) return "";
  const rows = [...names].slice(0, 60).map((field) => {
    const sf = s?.fields.find((f) => f.field === field);
    const rf = d.fields.find((f) => f.field === field);
    const c = cmp?.fields.find((f) => f.field === field);
    const scoreCell = sf
      ? `<span class="cell-bar">${miniBar(sf.score / 100, band(sf.score), `score ${score1(sf.score)}`)}<span class="badge ${band(sf.score)}">${score1(sf.score)}</span></span>${c ? `<br>${deltaHtml(c)}` : ""}`
      : "–";
    return `<tr><th scope="row">${esc(field)}</th><td class="num" data-v="${sf?.score ?? ""}">${scoreCell}</td><td class="num" data-v="${sf?.failed ?? ""}">${sf?.checks === undefined ? "–" : `${int(sf.failed ?? 0)} <span class="muted">/ ${int(sf.checks)}</span>`}</td><td class="num" data-v="${rf?.failed ?? 0}">${int(rf?.failed ?? 0)}</td><td class="num" data-v="${rf?.changed ?? 0}">${int(rf?.changed ?? 0)}</td><td>${codesText(rf?.codes)}</td></tr>`;
  });
  return `<section class="card"><h3>Fields</h3>${table(`Fields of ${d.dataset}`, [["Field", false], ["Score", true], ["Checks failed", true], ["Records failing", true], ["Values changed", true], ["Findings", false]], rows)}${note}</section>`;
}

function statValue(label: string, n: number): string {
  if (label === "reduction ratio") return pct(n);
  if (label === "threshold" || label.includes("probability")) return prob(n);
  return int(n);
}

function dedupeCard(v: DedupeView, o: RenderHtmlOptions): string {
  const max = o.maxClusters ?? 10;
  const parts: string[] = [];
  if (v.stats.length > 0) {
    parts.push(
      `<dl class="stats">${v.stats
        .map(([k, n]) => `<div><dt>${esc(k)}</dt><dd>${statValue(k, n)}</dd></div>`)
        .join("")}</dl>`,
    );
  }
  const clusters = v.clusters.filter((c) => c.size > 1 || c.members.length > 1).slice(0, max);
  if (clusters.length > 0) {
    const rows = clusters.map(
      (c) =>
        `<tr><th scope="row"><code>${esc(c.id)}</code>${c.chained ? ` <span class="pill warning" title="linked only through other members">chained</span>` : ""}</th><td class="num" data-v="${c.size}">${int(c.size)}</td><td>${c.members
          .slice(0, 12)
          .map((m) => `<code>${esc(m)}</code>`)
          .join(" ")}${c.members.length > 12 ? " …" : ""}</td></tr>`,
    );
    parts.push(`<h3 class="sub">Largest clusters</h3>${table("Largest clusters of duplicates", [["Cluster", false], ["Records", true], ["Members", false]], rows)}`);
  }
  const golden = v.golden.slice(0, Math.min(max, 5));
  if (golden.length > 0) {
    // the id field repeats the cluster id: leave it out, and keep the table narrow
    const fields = [...new Set(golden.flatMap((g) => Object.keys(g.record)))].filter((f) => !golden.every((g) => String(g.record[f]) === g.clusterId)).slice(0, 7);
    const rows = golden.map(
      (g) =>
        `<tr><th scope="row"><code>${esc(g.clusterId)}</code></th>${fields
          .map((f) => {
            const from = g.lineage[f];
            const raw = g.record[f];
            const value = raw === null || raw === undefined ? "" : show(raw, 28);
            const source = from?.split(" ")[0];
            return `<td${from ? ` title="from ${esc(from)}"` : ""}>${esc(value)}${source && source !== g.clusterId ? `<br><span class="muted mono">← ${esc(show(source, 16))}</span>` : ""}</td>`;
          })
          .join("")}</tr>`,
    );
    parts.push(`<h3 class="sub">Golden records</h3>${table("Golden records; a value taken from another member than the first shows where it came from", [["Cluster", false], ...fields.map((f) => [f, false] as const)], rows, false)}<p class="note">Hover a value to see which record and rule it came from.</p>`);
  }
  const e = v.explanation;
  if (e && e.comparisons.length > 0) {
    const items = [...(e.priorWeight === undefined ? [] : [{ label: "prior", weight: e.priorWeight }]), ...e.comparisons.map((c) => ({ label: c.name, weight: c.total }))];
    const head = `Why ${e.ids ? `<code>${esc(e.ids[0])}</code> and <code>${esc(e.ids[1])}</code>` : "this pair"} ${e.isMatch === false ? "do not match" : "match"}${e.probability === undefined ? "" : `: match probability ${prob(e.probability)}`}${e.threshold === undefined ? "" : ` (threshold ${prob(e.threshold)})`}`;
    const shown = (x: string) => show(x, 28);
    const rows = e.comparisons.map(
      (c) =>
        `<tr><th scope="row">${esc(c.name)}</th><td>${c.values ? `<code>${esc(shown(c.values[0]))}</code> <span class="muted">/</span> <code>${esc(shown(c.values[1]))}</code>` : ""}</td><td>${esc(c.label)}</td><td class="num">${c.m === undefined ? "" : num(c.m)}</td><td class="num">${c.u === undefined ? "" : c.u < 0.001 ? c.u.toExponential(1) : num(c.u)}</td><td class="num">${c.bayesFactor === undefined ? "" : c.bayesFactor >= 1000 ? c.bayesFactor.toExponential(1) : num(c.bayesFactor)}</td><td class="num">${c.tfAdjustment ? signed(c.tfAdjustment, 2) : ""}</td><td class="num"><strong>${signed(c.total, 2)}</strong></td></tr>`,
    );
    parts.push(`<h3 class="sub">Explained match</h3><p>${head}. Each comparison adds its match weight (log2 of m/u) to the prior; the total decides.</p>
<div class="waterfall">${weightChart(items, e.totalWeight, "Match weight of each comparison (log2 Bayes factor)")}</div><div>${table("Comparisons of the explained pair", [["Comparison", false], ["Values", false], ["Level", false], ["m", true], ["u", true], ["Bayes factor", true], ["TF adj.", true], ["Weight", true]], rows, false)}</div>`);
  }
  if (v.blocking.length > 0) {
    parts.push(
      `<details><summary>Blocking rules</summary>${table(
        "Candidate pairs per blocking rule",
        [["Rule", false], ["Candidate pairs", true], ["Reduction ratio", true]],
        v.blocking.map((b) => `<tr><td><code>${esc(b.rule)}</code></td><td class="num">${b.candidatePairs === undefined ? "" : int(b.candidatePairs)}</td><td class="num">${b.reductionRatio === undefined ? "" : pct(b.reductionRatio)}</td></tr>`),
        false,
      )}</details>`,
    );
  }
  return parts.length > 0 ? `<section class="card"><h3>Duplicates</h3>${parts.join("\n")}</section>` : "";
}

function detailsCard(d: QualityReport): string {
  const inputs = d.inputs.map(
    (i) =>
      `<tr><td>${esc(i.path ?? i.name)}</td><td>${esc(i.format ?? "")}</td><td>${esc(i.encoding ?? "")}${i.encodingConfidence === undefined ? "" : ` <span class="muted">(${pct(i.encodingConfidence)} sure)</span>`}</td><td class="num">${i.bytes === undefined ? "" : bytes(i.bytes)}</td><td class="num">${i.records === undefined ? "" : int(i.records)}</td><td class="mono">${i.sha256 ? esc(i.sha256.slice(0, 12)) : ""}</td></tr>`,
  );
  const steps = d.timings.steps.map((s) => `<tr><td>${esc(s.name)}</td><td class="num">${num(s.ms)} ms</td></tr>`);
  return `<details><summary>Inputs and timings</summary><div class="grid two">
<div class="card">${table(`Inputs of ${d.dataset}`, [["Input", false], ["Format", false], ["Encoding", false], ["Size", true], ["Records", true], ["SHA-256", false]], inputs, false)}</div>
<div class="card"><p>${duration(d.timings.totalMs)} in all, ${int(d.timings.recordsPerSecond)} records/s.</p>${steps.length > 0 ? table(`Step timings of ${d.dataset}`, [["Step", false], ["Time", true]], steps, false) : ""}</div>
</div></details>`;
}

function datasetSection(d: QualityReport, id: string, o: RenderHtmlOptions, cmp: DatasetComparison | undefined): string {
  const s = readScoreSection(d);
  const t = d.totals;
  const share = t.total ? t.quarantined / t.total : 0;
  const input = d.inputs[0];
  const sub = [
    plural(t.total, "record"),
    `${int(t.clean)} clean`,
    `${int(t.quarantined)} quarantined (${pct(share)})`,
    ...(t.merged ? [`${int(t.merged)} merged`] : []),
    ...(input?.path || input?.encoding ? [`from ${esc(input.path?.split(/[\\/]/).pop() ?? input.name)}${input.encoding ? ` (${esc(input.encoding)})` : ""}`] : []),
  ].join(" · ");
  const charts: string[] = [];
  // the report's one set of dimension scores: a score step's (checks) or the engine's (records)
  const dims = d.dimensions.map((x) => ({
    label: x.dimension,
    score: x.score,
    note: x.basis === "checks" ? `${int(x.failed ?? 0)} of ${plural(x.checks ?? 0, "check")} failed` : `${plural(x.failedRecords, "record")} failing`,
  }));
  if (dims.length > 0) {
    const legend = d.dimensions.some((x) => x.basis === "checks")
      ? `Mean record score per dimension (<a href="#${SCORE_FORMULA_ANCHOR}">how</a>).`
      : "Share of records without an error or warning in each dimension.";
    const changes = cmp ? `<p class="note">${cmp.dimensions.filter((c) => c.direction === "better" || c.direction === "worse").map((c) => `${esc(c.dimension)} ${deltaHtml(c)}`).join(" · ") || "No dimension changed since the baseline."}</p>` : "";
    const details = dims.filter((x) => x.note).map((x) => `<li><span>${esc(x.label)}</span> <span class="muted">${esc(x.note)}</span></li>`).join("");
    charts.push(`<section class="card"><h3>Dimensions</h3>${scoreBars(dims, `Dimension scores of ${d.dataset}`)}${details ? `<ul class="legend">${details}</ul>` : ""}<p class="note">${legend}</p>${changes}</section>`);
  }
  if (s?.distribution && s.distribution.bins.length > 0) {
    const dist = s.distribution;
    const facts = [
      dist.median === undefined ? "" : `median ${dist.median}`,
      dist.p10 === undefined ? "" : `10th percentile ${dist.p10}`,
      dist.perfect === undefined ? "" : `${plural(dist.perfect, "record")} scored 100`,
    ].filter(Boolean);
    charts.push(`<section class="card"><h3>Record scores</h3>${scoreHistogram(dist.bins, `Records by score, ${d.dataset}`)}<p class="note">${facts.join(" · ")}</p></section>`);
  }
  const dedupe = readDedupeSection(d);
  const issues =
    d.datasetIssues.length > 0
      ? `<section class="card"><h3>Dataset checks</h3><ul class="plain">${d.datasetIssues
          .map((i) => `<li><span class="pill ${i.severity}">${i.severity}</span> <code>${esc(i.rule)}</code>${i.field ? ` (${esc(i.field)})` : ""}: ${esc(i.message)}</li>`)
          .join("")}</ul></section>`
      : "";
  const warnings = d.warnings.length > 0 ? `<section aria-label="Warnings">${d.warnings.map((w) => `<p class="warning-box"><strong>Warning:</strong> ${esc(w)}</p>`).join("")}</section>` : "";
  const undeclared =
    s?.undeclared && s.undeclared.length > 0
      ? `<p class="note">Scored only where they failed (no step declares them): ${s.undeclared.map((u) => `<code>${esc(u)}</code>`).join(", ")}.</p>`
      : "";
  return `<section class="dataset" id="${id}" aria-labelledby="${id}-h">
<header><h2 id="${id}-h">${esc(d.dataset)}</h2>${s ? `<span class="badge ${band(s.score, share)}" title="quality score (${band(s.score, share)})">score ${score1(s.score)}</span>${cmp?.score ? ` ${deltaHtml(cmp.score)}` : ""}` : ""}<p>${sub}</p></header>
${warnings}
${charts.length > 0 ? `<div class="grid two">${charts.join("")}</div>` : ""}
${rulesCard(d, o, cmp)}
${fieldsCard(d, cmp, undeclared)}
${issues}
${dedupe ? dedupeCard(dedupe, o) : ""}
${detailsCard(d)}
</section>`;
}

/**
 * Renders a report as one self-contained HTML file: inline CSS and SVG charts, no network, no
 * external fonts, readable without scripts (a few lines of inline JavaScript sort the tables). It
 * shows the overall score, the counts, and per dataset the dimension bars, the score histogram, the
 * failing rules with examples, the fields, dataset checks, duplicate clusters, golden records
 * and an explained match, and what changed since a baseline. Light and dark themes follow the system.
 * @param report - a job report or a dataset report
 * @param options - title, comparison, limits
 * @returns the HTML document
 * @example
 * await writeFile("out/report.html", renderHtml(report, { comparison: compareReports(baseline, report) }));
 */
export function renderHtml(report: JobReport | QualityReport, options: RenderHtmlOptions = {}): string {
  const job = toJobReport(report);
  const score = jobScoreOf(job);
  const title = options.title ?? `Data quality: ${job.job}`;
  const ids = job.datasets.map((d, i) => slug(d.dataset, i));
  const ms = Date.parse(job.finishedAt) - Date.parse(job.startedAt);
  const meta = [
    `Finished ${esc(when(job.finishedAt))}`,
    ...(Number.isFinite(ms) && ms >= 0 ? [duration(ms)] : []),
    plural(job.datasets.length, "dataset"),
  ].join(" · ");
  const toc =
    job.datasets.length > 1
      ? `<nav class="toc" aria-label="Datasets">${job.datasets
          .map((d, i) => {
            const s = readScoreSection(d);
            return `<a href="#${ids[i]}">${esc(d.dataset)}${s ? ` <span class="badge ${band(s.score, quarantinedShare(d.totals))}">${score1(s.score)}</span>` : ""}</a>`;
          })
          .join("")}</nav>`
      : "";
  const gone = options.comparison?.datasets.filter((d) => d.presence === "gone") ?? [];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="Cleanse">
<link rel="icon" href="data:,">
<title>${esc(title)}</title>
<style>${HTML_STYLES}</style>
</head>
<body>
<header class="top"><div class="wrap">
<p class="eyebrow">Cleanse data quality report</p>
<h1>${esc(options.title ?? job.job)}</h1>
<p class="meta">${meta}</p>
${toc}
</div></header>
<main class="wrap">
${overview(job, score, options.comparison)}
${options.comparison ? comparisonSection(options.comparison) : ""}
${datasetsTable(job, ids)}
${job.datasets.map((d, i) => datasetSection(d, ids[i]!, options, options.comparison?.datasets.find((c) => c.dataset === d.dataset))).join("\n")}
${gone.length > 0 ? `<p class="note">Datasets in the baseline only: ${gone.map((d) => esc(d.dataset)).join(", ")}.</p>` : ""}
${score === undefined ? "" : formulaSection()}
</main>
<footer><div class="wrap">Generated by Cleanse · report schema version ${job.schemaVersion} · started ${esc(job.startedAt)}</div></footer>
${options.noScript ? "" : `<script>${SORT_SCRIPT}</script>`}
</body>
</html>
`;
}
