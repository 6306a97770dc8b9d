import type { JobReport } from "@cleanse/core";

const fmt = new Intl.NumberFormat("en-US");

/** Failing rules listed per dataset; the others are counted on one line that points to the report. */
const MAX_RULES = 10;

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
  const lines = [
    `${report.job}: ${fmt.format(t.total)} records, ${fmt.format(t.clean)} clean, ${fmt.format(t.quarantined)} quarantined${t.merged ? `, ${fmt.format(t.merged)} merged` : ""} (${seconds.toFixed(2)} s)`,
  ];
  for (const d of report.datasets) {
    const dt = d.totals;
    lines.push(`  ${d.dataset}: ${fmt.format(dt.total)} records, ${fmt.format(dt.clean)} clean, ${fmt.format(dt.quarantined)} quarantined${dt.merged ? `, ${fmt.format(dt.merged)} merged` : ""}`);
    const failing = d.rules.filter((r) => r.failed > 0).sort((a, b) => b.failed - a.failed);
    for (const r of failing.slice(0, MAX_RULES)) lines.push(`    ${r.severity.padEnd(7)} ${(r.rule + (r.field ? ` (${r.field})` : "")).padEnd(36)} ${fmt.format(r.failed)} records`);
    const more = failing.length - MAX_RULES;
    if (more > 0) lines.push(`    … and ${fmt.format(more)} more failing ${more === 1 ? "rule" : "rules"} (see the report)`);
    const changed = d.fields.filter((f) => f.changed > 0).sort((a, b) => b.changed - a.changed);
    if (changed.length > 0) lines.push(`    standardized: ${changed.map((f) => `${f.field} ${fmt.format(f.changed)}`).join(", ")}`);
    for (const i of d.datasetIssues) lines.push(`    ${i.severity.padEnd(7)} ${i.rule}: ${i.message}`);
    for (const w of d.warnings) lines.push(`    warning: ${w}`);
  }
  for (const file of written) lines.push(`  wrote ${file}`);
  return `${lines.join("\n")}\n`;
}
