import { formatCount, plural } from "@cleanse/core";
import type { ReconcileReport } from "../ReconcileReport/ReconcileReport.ts";

/**
 * A few lines for the terminal: the counts, the fields that differ most, and the files written.
 * @param report - the report
 * @param written - files written (shown as given)
 * @returns text ending with a newline
 * @example
 * formatReconcileSummary(report, ["out/diff.csv"]).split("\n")[0] //=> "crm ↔ erp: 243 matched (189 identical, 54 differ), 165 only in crm, 11 only in erp"
 */
export function formatReconcileSummary(report: ReconcileReport, written: readonly string[] = []): string {
  const t = report.totals;
  const lines = [
    `${report.left.name} ↔ ${report.right.name}: ${formatCount(t.matched)} matched (${formatCount(t.identical)} identical, ${formatCount(t.mismatched)} ${t.mismatched === 1 ? "differs" : "differ"}), ${formatCount(t.leftOnly)} only in ${report.left.name}, ${formatCount(t.rightOnly)} only in ${report.right.name}`,
  ];
  const differing = report.fields.filter((f) => f.mismatches > 0).sort((a, b) => b.mismatches - a.mismatches);
  if (differing.length > 0) {
    lines.push(`  differing fields: ${differing.slice(0, 6).map((f) => `${f.field} ${formatCount(f.mismatches)}`).join(", ")}${differing.length > 6 ? ", …" : ""}`);
  }
  if (report.timeliness?.lagSeconds) {
    const l = report.timeliness.lagSeconds;
    lines.push(`  sync lag: p50 ${Math.round(l.p50)} s, p95 ${Math.round(l.p95)} s over ${plural(report.timeliness.pairs, "pair")}`);
  }
  for (const w of report.warnings) lines.push(`  warning: ${w}`);
  if (written.length > 0) lines.push(`  wrote ${written.join(", ")}`);
  return `${lines.join("\n")}\n`;
}
