import type { JobReport, QualityReport } from "@cleanse/core";
import type { ReportComparison } from "../compareReports/compareReports.ts";

/** Keys that lead their object, in this order; the others follow in code-point order. */
const LEADING = ["schemaVersion", "kind", "job", "dataset"];

function order(a: string, b: string): number {
  const ia = LEADING.indexOf(a);
  const ib = LEADING.indexOf(b);
  if (ia >= 0 || ib >= 0) return (ia < 0 ? LEADING.length : ia) - (ib < 0 ? LEADING.length : ib);
  return a < b ? -1 : a > b ? 1 : 0;
}

function normalize(value: unknown, seen: Set<object>): unknown {
  if (value === null) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "bigint") return value.toString();
  if (typeof value !== "object") return typeof value === "function" || typeof value === "symbol" ? undefined : value;
  if (value instanceof Date) return value.toISOString();
  if (seen.has(value)) throw new TypeError("renderJson: the report contains a cycle");
  seen.add(value);
  let out: unknown;
  if (Array.isArray(value)) out = value.map((v) => normalize(v, seen) ?? null);
  else if (value instanceof Map) out = normalize(Object.fromEntries(value), seen);
  else if (value instanceof Set) out = normalize([...value], seen);
  else {
    const o: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort(order)) {
      const v = normalize((value as Record<string, unknown>)[key], seen);
      if (v !== undefined) o[key] = v;
    }
    out = o;
  }
  seen.delete(value);
  return out;
}

/**
 * Renders a report (or a comparison) as JSON with a stable key order: `schemaVersion`, `kind`, `job`
 * and `dataset` first, then every key in code-point order, at every level; arrays keep their order.
 * The same report always gives the same bytes, so reports diff cleanly between runs.
 * @param report - a job report, a dataset report or a comparison
 * @returns JSON text, two-space indented, ending with a newline
 * @example
 * renderJson({ schemaVersion: 1, job: "demo", totals: { total: 2, clean: 2, quarantined: 0, merged: 0 }, datasets: [] })
 * //=> '{\n  "schemaVersion": 1,\n  "job": "demo",\n  "datasets": [],\n  "totals": { ... }\n}\n'
 */
export function renderJson(report: JobReport | QualityReport | ReportComparison): string {
  return `${JSON.stringify(normalize(report, new Set()), null, 2)}\n`;
}
