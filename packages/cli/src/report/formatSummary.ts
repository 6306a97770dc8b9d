import { displayWidth, formatCount, padEndDisplay, plural, type JobReport, type ReportTotals } from "@cleanse/core";

/** Failing rules listed per dataset; the others are counted on one line that points to the report. */
const MAX_RULES = 10;
/** Narrowest rule column, so that short rule names line up across datasets. */
const RULE_WIDTH = 36;

const counts = (t: ReportTotals) =>
  `${plural(t.total, "record")}, ${formatCount(t.clean)} clean, ${formatCount(t.quarantined)} quarantined${t.merged ? `, ${formatCount(t.merged)} merged` : ""}`;

/**
 * A short plain-text summary of a job report for the terminal: per dataset the counts, the ten
 * rules that failed most (and how many more failed), the standardized fields, dataset findings and warnings.
 * @param report - the job report
 * @param written - files written, to list at the end
 * @returns text ending with a newline
 * @example
 * formatSummary(report, ["out/report.json"])
 */
export function formatSummary(report: JobReport, written: readonly string[] = []): string {
  const t = report.totals;
  const seconds = (Date.parse(report.finishedAt) - Date.parse(report.startedAt)) / 1000;
  const lines = [`${report.job}: ${counts(t)} (${seconds.toFixed(2)} s)`];
  for (const d of report.datasets) {
    lines.push(`  ${d.dataset}: ${counts(d.totals)}`);
    const failing = d.rules.filter((r) => r.failed > 0).sort((a, b) => b.failed - a.failed);
    const shown = failing.slice(0, MAX_RULES).map((r) => ({ severity: r.severity, label: r.rule + (r.field ? ` (${r.field})` : ""), failed: r.failed }));
    const width = Math.max(RULE_WIDTH, ...shown.map((r) => displayWidth(r.label)));
    for (const r of shown) lines.push(`    ${padEndDisplay(r.severity, 7)} ${padEndDisplay(r.label, width)} ${plural(r.failed, "record")}`);
    const more = failing.length - MAX_RULES;
    if (more > 0) lines.push(`    … and ${plural(more, "more failing rule", "more failing rules")} (see the report)`);
    const changed = d.fields.filter((f) => f.changed > 0).sort((a, b) => b.changed - a.changed);
    if (changed.length > 0) lines.push(`    standardized: ${changed.map((f) => `${f.field} ${formatCount(f.changed)}`).join(", ")}`);
    for (const i of d.datasetIssues) lines.push(`    ${padEndDisplay(i.severity, 7)} ${i.rule}: ${i.message}`);
    for (const w of d.warnings) lines.push(`    warning: ${w}`);
  }
  for (const file of written) lines.push(`  wrote ${file}`);
  return `${lines.join("\n")}\n`;
}
