import { formatCount, formatDecimal, plural, type IssueExample } from "@cleanse/core";

/** 1,234 */
export const int = (n: number): string => formatCount(n);
/** "All 3 rules passed." or, for one rule, "The one rule passed." */
export const allRulesPassed = (n: number): string => (n === 1 ? "The one rule passed." : `All ${plural(n, "rule")} passed.`);
/** 87.5 (one decimal, for scores) */
export const score1 = (n: number): string => formatDecimal(n, 1, 1);
/** up to two decimals */
export const num = (n: number): string => formatDecimal(n, 2);

/** A ratio as a percentage with enough digits to tell small ratios from zero. */
export function pct(ratio: number): string {
  if (!Number.isFinite(ratio)) return "–";
  const p = ratio * 100;
  if (p === 0) return "0%";
  if (Math.abs(p) < 0.1) return `${p.toFixed(2)}%`;
  return `${p.toFixed(1)}%`;
}

/** A signed change: +2.5, -1, ±0 */
export function signed(n: number, digits = 1): string {
  if (Math.abs(n) < 10 ** -digits / 2) return "±0";
  return `${n > 0 ? "+" : "−"}${Math.abs(n).toFixed(digits).replace(/\.0+$/, "")}`;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : "&#39;"));
}

/** A Markdown table cell: pipes escaped, lines joined, HTML-looking text defused. */
export function mdCell(value: unknown): string {
  return String(value ?? "")
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|")
    .replace(/</g, "&lt;")
    .replace(/\r?\n/g, " ");
}

/** Shows any value briefly: strings as they are (cut), others as JSON. */
export function show(value: unknown, max = 60): string {
  const s = typeof value === "string" ? value : value === undefined ? "" : (JSON.stringify(value) ?? String(value));
  const chars = Array.from(s);
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : s;
}

/** `record 12 (line 13)` */
export function where(ex: IssueExample): string {
  if (ex.record === undefined && ex.line === undefined) return "";
  if (ex.record === undefined) return `line ${ex.line}`;
  return `record ${ex.record}${ex.line === undefined ? "" : ` (line ${ex.line})`}`;
}

/** A probability or threshold: up to four decimals, no trailing zeros. */
export function prob(p: number): string {
  if (p >= 0.99995 && p < 1) return "> 0.9999";
  if (p > 0 && p < 0.00005) return "< 0.0001";
  return p.toFixed(4).replace(/\.?0+$/, "") || "0";
}

/** An ISO timestamp as `2025-01-31 08:30:00 UTC`. */
export function when(iso: string): string {
  return iso.replace("T", " ").replace(/\.\d+Z$/, " UTC").replace(/Z$/, " UTC");
}

/** Seconds or milliseconds, readable. */
export function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)} s`;
  const m = Math.floor(ms / 60_000);
  return `${m} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** Bytes, readable. */
export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  return `${(n / 1024 ** 3).toFixed(2)} GiB`;
}

/** A text bar of `width` cells for a 0..1 share, with eighth blocks. */
export function textBar(share: number, width = 10): string {
  const eighths = Math.round(Math.max(0, Math.min(1, share)) * width * 8);
  const full = Math.floor(eighths / 8);
  const rest = eighths % 8;
  return "█".repeat(full) + (rest > 0 ? "▏▎▍▌▋▊▉"[rest - 1]! : "") + " ".repeat(width - full - (rest > 0 ? 1 : 0));
}

const SPARK = "▁▂▃▄▅▆▇█";
/** A sparkline of counts. */
export function sparkline(counts: readonly number[]): string {
  const max = Math.max(0, ...counts);
  if (max === 0) return SPARK[0]!.repeat(counts.length);
  return counts.map((c) => (c === 0 ? " " : SPARK[Math.min(7, Math.max(0, Math.ceil((c / max) * 8) - 1))]!)).join("");
}
