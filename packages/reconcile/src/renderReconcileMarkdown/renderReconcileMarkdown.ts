import { formatCount, plural } from "@cleanse/core";
import type { ReconcileReport, TimelinessReport } from "../ReconcileReport/ReconcileReport.ts";
import { formatSeconds } from "../_internal/formatSeconds.ts";

const pct = (n: number): string => `${(n * 100).toFixed(n > 0 && n < 0.001 ? 2 : 1)}%`;

/** Escapes a value for a Markdown table cell. */
function md(value: unknown): string {
  if (value === null || value === undefined) return "∅";
  const s = typeof value === "string" ? value : JSON.stringify(value) ?? String(value);
  const shown = s.length > 80 ? `${s.slice(0, 77)}…` : s;
  return `\`${shown.replaceAll("`", "ˋ").replaceAll("|", "\\|").replace(/\r?\n/g, "⏎")}\``;
}

function timeliness(t: TimelinessReport): string[] {
  const out = [`## Sync lag (${t.rightField} − ${t.leftField})`, ""];
  if (!t.lagSeconds) {
    out.push(`No matched pair has a readable timestamp on both sides (${formatCount(t.unreadable)} unreadable).`, "");
    return out;
  }
  const l = t.lagSeconds;
  out.push(
    `${plural(t.pairs, "matched pair")} with both timestamps${t.unreadable > 0 ? ` (${formatCount(t.unreadable)} without)` : ""}; the right side is older in ${formatCount(t.rightBehind)}.${t.sampled ? " Percentiles come from a uniform sample." : ""}`,
    "",
    "| min | p50 | p90 | p95 | p99 | max | mean |",
    "|---|---|---|---|---|---|---|",
    `| ${[l.min, l.p50, l.p90, l.p95, l.p99, l.max, l.mean].map(formatSeconds).join(" | ")} |`,
    "",
    "| lag | pairs | |",
    "|---|---:|---|",
  );
  const most = Math.max(1, ...t.histogram.map((b) => b.count));
  for (const b of t.histogram) out.push(`| ${b.label} | ${formatCount(b.count)} | ${"█".repeat(Math.round((b.count / most) * 20))} |`);
  out.push("");
  return out;
}

/**
 * Renders a reconciliation report as Markdown: totals, per-field mismatches with examples, records on
 * one side only, and the sync lag.
 * @param report - the report from {@link reconcile}
 * @returns Markdown text
 * @example
 * renderReconcileMarkdown(report).split("\n")[0] //=> "# Reconciliation: crm ↔ erp"
 */
export function renderReconcileMarkdown(report: ReconcileReport): string {
  const t = report.totals;
  const L = report.left.name;
  const R = report.right.name;
  const out: string[] = [
    `# Reconciliation: ${L} ↔ ${R}`,
    "",
    `Key: ${report.key.left.join(" + ")}${report.key.right.join("+") !== report.key.left.join("+") ? ` ↔ ${report.key.right.join(" + ")}` : ""} (${report.key.match} match). Run ${report.startedAt}, ${formatCount(report.durationMs)} ms.`,
    "",
    "| | records |",
    "|---|---:|",
    `| ${L} | ${formatCount(t.left)} |`,
    `| ${R} | ${formatCount(t.right)} |`,
    `| matched | ${formatCount(t.matched)} |`,
    `| … identical | ${formatCount(t.identical)} |`,
    `| … with differences | ${formatCount(t.mismatched)} |`,
    ...(t.fuzzyMatched > 0 ? [`| … linked by fuzzy match | ${formatCount(t.fuzzyMatched)} |`] : []),
    `| only in ${L} | ${formatCount(t.leftOnly)} |`,
    `| only in ${R} | ${formatCount(t.rightOnly)} |`,
    `| no key in ${L} / ${R} | ${formatCount(report.left.missingKey)} / ${formatCount(report.right.missingKey)} |`,
    `| duplicate keys in ${L} / ${R} | ${formatCount(report.left.duplicateKeys)} / ${formatCount(report.right.duplicateKeys)} |`,
    "",
  ];
  if (report.warnings.length > 0) out.push(...report.warnings.map((w) => `> ${w}`), "");
  out.push("## Fields", "", "| field | standardized as | compared | mismatches | rate |", "|---|---|---:|---:|---:|");
  for (const f of report.fields) {
    const name = f.rightField === f.field ? f.field : `${f.field} ↔ ${f.rightField}`;
    out.push(`| ${name} | ${f.standardize}${f.compare === "exact" ? "" : `, ${f.compare}`} | ${formatCount(f.compared)} | ${formatCount(f.mismatches)} | ${pct(f.mismatchRate)} |`);
  }
  out.push("");
  for (const f of report.fields) {
    if (f.examples.length === 0) continue;
    out.push(`### ${f.field}`, "", `| key | ${L} | ${R} |`, "|---|---|---|");
    for (const e of f.examples) out.push(`| ${md(e.key)} | ${md(e.left)} | ${md(e.right)} |`);
    out.push("");
  }
  for (const [label, list] of [
    [`Only in ${L}`, report.examples.leftOnly],
    [`Only in ${R}`, report.examples.rightOnly],
  ] as const) {
    if (list.length === 0) continue;
    out.push(`## ${label} (first ${list.length})`, "");
    for (const e of list) out.push(`- ${md(e.key)}: ${md(e.record)}`);
    out.push("");
  }
  if (report.timeliness) out.push(...timeliness(report.timeliness));
  const unmatched = [
    ...report.left.unmatchedFields.map((f) => `${L}.${f}`),
    ...report.right.unmatchedFields.map((f) => `${R}.${f}`),
  ];
  if (unmatched.length > 0) out.push(`Fields not compared (no counterpart): ${unmatched.join(", ")}.`, "");
  return `${out.join("\n").trimEnd()}\n`;
}
