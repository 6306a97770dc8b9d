import { displayWidth, formatDecimal, padEndDisplay, padStartDisplay, plural, truncateDisplay } from "@cleanse/core";
import type { ColumnProfile, DatasetProfile, Histogram } from "../profileRecords/DatasetProfile.ts";

/** Options of {@link formatProfile}. */
export interface FormatProfileOptions {
  /** `text` for a terminal (default), `markdown` for a pull request or a wiki. */
  readonly format?: "text" | "markdown";
  /** Widest value shown, in terminal columns (a Chinese character takes two), before it is cut with `…`. Defaults to 24. */
  readonly maxValueLength?: number;
}

const BARS = "▁▂▃▄▅▆▇█";
/** Up to two decimals: 1,234.57 */
const num = (n: number): string => formatDecimal(n, 2);

const pct = (r: number) => `${(r * 100).toFixed(1)}%`;

function cut(s: string, max: number): string {
  return truncateDisplay(s.replace(/\r?\n/g, "⏎").replace(/\t/g, "⇥"), max);
}

function showValue(v: string | number | undefined, max: number): string {
  if (v === undefined) return "";
  if (typeof v === "number") return num(v);
  return v !== v.trim() || v === "" ? JSON.stringify(cut(v, max)) : cut(v, max);
}

function sparkline(h: Histogram): string {
  const max = Math.max(...h.bins.map((b) => b.count));
  if (max <= 0) return "";
  return h.bins.map((b) => (b.count === 0 ? " " : BARS[Math.min(BARS.length - 1, Math.floor((b.count / max) * (BARS.length - 1) + 0.5))]!)).join("");
}

function histogramRange(h: Histogram): string {
  const first = h.bins[0]!;
  const last = h.bins[h.bins.length - 1]!;
  const show = (x: number | string) => (typeof x === "number" ? num(x) : x);
  return `${show(first.from)} .. ${show(last.to)}`;
}

function typeLabel(c: ColumnProfile): string {
  return c.type === "phone" && c.phoneRegion ? `phone (${c.phoneRegion})` : c.type;
}

function distinctLabel(c: ColumnProfile): string {
  return `${c.distinct.exact ? "" : "~"}${num(c.distinct.count)}`;
}

function details(c: ColumnProfile, max: number): [string, string][] {
  const rows: [string, string][] = [];
  const d = c.distinct;
  rows.push([
    "distinct",
    `${distinctLabel(c)} of ${num(c.present)} present${d.exact ? "" : ` (HyperLogLog, ±${(100 * (d.standardError ?? 0)).toFixed(2)}%)`}; ${c.uniqueness === "unique" ? "all different" : c.uniqueness === "duplicates" ? "has duplicates" : "uniqueness unknown"}`,
  ]);
  if (c.length) rows.push(["length", `${c.length.min}..${c.length.max}, mean ${num(c.length.mean)}`]);
  if (c.mean !== undefined) rows.push(["mean", num(c.mean)]);
  if (c.patterns.length > 0) rows.push(["patterns", c.patterns.slice(0, 5).map((p) => `${cut(p.pattern, max)} ${pct(p.ratio)}`).join(", ")]);
  if (c.topValues.length > 0) {
    rows.push(["top", c.topValues.slice(0, 5).map((v) => `${showValue(v.value, max)} ×${num(v.count)}${v.error ? "≈" : ""}`).join(", ")]);
  }
  if (c.dateFormats && c.dateFormats.length > 0) rows.push(["formats", c.dateFormats.slice(0, 5).map((f) => `${f.format} ×${num(f.count)}`).join(", ")]);
  if (c.dateOrder) rows.push(["order", c.dateOrder === "dmy" ? "day first (dmy)" : "month first (mdy)"]);
  if (c.ambiguousDates) {
    const one = c.ambiguousDates === 1;
    rows.push([
      "ambiguous",
      `${plural(c.ambiguousDates, "date")} ${one ? "fits" : "fit"} day-first and month-first (such as 03/04/2024); no order known, so ${one ? "it is" : "they are"} left out of min, max and histogram`,
    ]);
  }
  if (c.histogram && c.histogram.bins.length > 1) rows.push(["histogram", `${sparkline(c.histogram)}  ${histogramRange(c.histogram)}`]);
  const other = Object.entries(c.typeCounts).filter(([t]) => t !== c.type);
  if (other.length > 0) rows.push(["also fits", other.map(([t, n]) => `${t} ${pct((n ?? 0) / Math.max(1, c.present))}`).join(", ")]);
  return rows;
}

function summaryRows(p: DatasetProfile, max: number): string[][] {
  return p.columns.map((c) => [
    c.name,
    typeLabel(c),
    c.present === 0 ? "" : pct(c.typeConfidence),
    pct(c.nullRatio),
    pct(c.emptyRatio),
    distinctLabel(c),
    showValue(c.min, max),
    showValue(c.max, max),
  ]);
}

const HEADER = ["column", "type", "fit", "null", "empty", "distinct", "min", "max"];
const RIGHT = new Set([2, 3, 4, 5]);

function textTable(rows: string[][]): string[] {
  const all = [HEADER, ...rows];
  const widths = HEADER.map((_, i) => Math.max(...all.map((r) => displayWidth(r[i] ?? ""))));
  const line = (r: string[]) =>
    r
      .map((cell, i) => (RIGHT.has(i) ? padStartDisplay(cell, widths[i]!) : padEndDisplay(cell, widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(HEADER), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)];
}

function mdCell(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

/**
 * Renders a profile for people: a summary table of the columns, then the details of each column
 * (distinct values, lengths, patterns, top values, date formats, a histogram sparkline).
 * @param profile - the dataset profile
 * @param options - `text` (default) or `markdown`
 * @returns the rendered text, ending with a newline
 * @example
 * formatProfile(profile).split("\n")[0] //=> "crm_customers: 408 records, 10 columns"
 */
export function formatProfile(profile: DatasetProfile, options: FormatProfileOptions = {}): string {
  const max = options.maxValueLength ?? 24;
  const counts = `${plural(profile.records, "record")}, ${plural(profile.columns.length, "column")}`;
  const head = `${profile.dataset}: ${counts}`;
  const keys = `candidate keys: ${profile.candidateKeys.length > 0 ? profile.candidateKeys.join(", ") : "none"}`;
  const rows = summaryRows(profile, max);
  if (options.format === "markdown") {
    const out = [`# Profile: ${mdCell(profile.dataset)}`, "", `${counts}; ${keys}.`, ""];
    out.push(`| ${HEADER.join(" | ")} |`, `|${HEADER.map((_, i) => (RIGHT.has(i) ? "---:" : "---")).join("|")}|`);
    for (const r of rows) out.push(`| ${r.map((cell, i) => (i === 0 ? `\`${mdCell(cell)}\`` : mdCell(cell))).join(" | ")} |`);
    out.push("");
    for (const c of profile.columns) {
      out.push(`## ${mdCell(c.name)}`, "", `| | ${mdCell(typeLabel(c))} |`, "|---|---|");
      for (const [k, v] of details(c, max)) out.push(`| ${k} | ${mdCell(v)} |`);
      out.push("");
    }
    return `${out.join("\n")}\n`;
  }
  const out = [head, keys, "", ...textTable(rows), ""];
  for (const c of profile.columns) {
    out.push(`${c.name} (${typeLabel(c)})`);
    for (const [k, v] of details(c, max)) out.push(`  ${padEndDisplay(k, 10)} ${v}`);
    out.push("");
  }
  return `${out.join("\n")}`;
}
