import { formatCount, plural } from "@cleanse/core";
import type { ReconcileReport } from "../ReconcileReport/ReconcileReport.ts";
import { formatSeconds } from "../_internal/formatSeconds.ts";

function esc(value: unknown): string {
  const s = value === null || value === undefined ? "∅" : typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  return s.replace(/[&<>"']/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : "&#39;"));
}

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:980px;padding:0 1rem;color:#1d2430}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}table{border-collapse:collapse;margin:.5rem 0 1rem}
th,td{border-bottom:1px solid #dde2ea;padding:.3rem .6rem;text-align:left;vertical-align:top}td.n{text-align:right;font-variant-numeric:tabular-nums}
code{font:12px ui-monospace,monospace;background:#f3f5f8;padding:0 .2rem;border-radius:3px}.bar{background:#4f7bd8;height:.7rem;display:inline-block}
.cards{display:flex;gap:.8rem;flex-wrap:wrap}.card{border:1px solid #dde2ea;border-radius:6px;padding:.6rem .9rem;min-width:8rem}
.card b{display:block;font-size:1.3rem}.warn{background:#fff6e0;border-left:3px solid #e0a500;padding:.4rem .8rem}`;

/**
 * Renders a reconciliation report as one self-contained HTML page (inline CSS, no scripts, no
 * external resources), safe to mail or attach to a ticket.
 * @param report - the report from {@link reconcile}
 * @returns an HTML document
 * @example
 * renderReconcileHtml(report).startsWith("<!doctype html>") //=> true
 */
export function renderReconcileHtml(report: ReconcileReport): string {
  const t = report.totals;
  const L = esc(report.left.name);
  const R = esc(report.right.name);
  const card = (label: string, value: number): string => `<div class="card">${label}<b>${formatCount(value)}</b></div>`;
  const parts: string[] = [
    "<!doctype html>",
    `<html lang="en"><head><meta charset="utf-8"><title>Reconciliation: ${L} ↔ ${R}</title><style>${STYLE}</style></head><body>`,
    `<h1>Reconciliation: ${L} ↔ ${R}</h1>`,
    `<p>Key <code>${esc(report.key.left.join(" + "))}</code>${report.key.right.join("+") !== report.key.left.join("+") ? ` ↔ <code>${esc(report.key.right.join(" + "))}</code>` : ""} (${report.key.match} match) · ${esc(report.startedAt)} · ${formatCount(report.durationMs)} ms</p>`,
    `<div class="cards">${card(L, t.left)}${card(R, t.right)}${card("matched", t.matched)}${card("identical", t.identical)}${card("with differences", t.mismatched)}${card(`only in ${L}`, t.leftOnly)}${card(`only in ${R}`, t.rightOnly)}</div>`,
    `<p>No key: ${formatCount(report.left.missingKey)} in ${L}, ${formatCount(report.right.missingKey)} in ${R}. Duplicate keys: ${formatCount(report.left.duplicateKeys)} in ${L}, ${formatCount(report.right.duplicateKeys)} in ${R}.${t.fuzzyMatched > 0 ? ` Linked by fuzzy match: ${formatCount(t.fuzzyMatched)}.` : ""}</p>`,
    ...report.warnings.map((w) => `<p class="warn">${esc(w)}</p>`),
    "<h2>Fields</h2><table><tr><th>field</th><th>standardized as</th><th>compared</th><th>mismatches</th><th>rate</th></tr>",
  ];
  for (const f of report.fields) {
    const name = f.rightField === f.field ? esc(f.field) : `${esc(f.field)} ↔ ${esc(f.rightField)}`;
    parts.push(
      `<tr><td>${name}</td><td>${esc(f.standardize)}${f.compare === "exact" ? "" : `, ${esc(f.compare)}`}</td><td class="n">${formatCount(f.compared)}</td><td class="n">${formatCount(f.mismatches)}</td><td class="n">${(f.mismatchRate * 100).toFixed(1)}%</td></tr>`,
    );
  }
  parts.push("</table>");
  for (const f of report.fields) {
    if (f.examples.length === 0) continue;
    parts.push(`<h2>${esc(f.field)}: examples</h2><table><tr><th>key</th><th>${L}</th><th>${R}</th></tr>`);
    for (const e of f.examples) parts.push(`<tr><td><code>${esc(e.key)}</code></td><td><code>${esc(e.left)}</code></td><td><code>${esc(e.right)}</code></td></tr>`);
    parts.push("</table>");
  }
  for (const [label, list] of [
    [`Only in ${L}`, report.examples.leftOnly],
    [`Only in ${R}`, report.examples.rightOnly],
  ] as const) {
    if (list.length === 0) continue;
    parts.push(`<h2>${label}</h2><table><tr><th>key</th><th>record</th></tr>`);
    for (const e of list) parts.push(`<tr><td><code>${esc(e.key)}</code></td><td><code>${esc(e.record)}</code></td></tr>`);
    parts.push("</table>");
  }
  const lag = report.timeliness;
  if (lag) {
    parts.push(`<h2>Sync lag (${esc(lag.rightField)} − ${esc(lag.leftField)})</h2>`);
    if (lag.lagSeconds) {
      const s = lag.lagSeconds;
      parts.push(
        `<p>${plural(lag.pairs, "pair")} with both timestamps; right side older in ${formatCount(lag.rightBehind)}.${lag.sampled ? " Percentiles from a uniform sample." : ""}</p>`,
        "<table><tr><th>min</th><th>p50</th><th>p90</th><th>p95</th><th>p99</th><th>max</th><th>mean</th></tr><tr>",
        [s.min, s.p50, s.p90, s.p95, s.p99, s.max, s.mean].map((v) => `<td class="n">${formatSeconds(v)}</td>`).join(""),
        "</tr></table><table><tr><th>lag</th><th>pairs</th><th></th></tr>",
      );
      const most = Math.max(1, ...lag.histogram.map((b) => b.count));
      for (const b of lag.histogram) {
        parts.push(`<tr><td>${esc(b.label)}</td><td class="n">${formatCount(b.count)}</td><td><span class="bar" style="width:${Math.round((b.count / most) * 240)}px"></span></td></tr>`);
      }
      parts.push("</table>");
    } else parts.push(`<p>No matched pair has a readable timestamp on both sides.</p>`);
  }
  parts.push("</body></html>");
  return `${parts.join("\n")}\n`;
}
