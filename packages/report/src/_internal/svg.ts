import { plural } from "@cleanse/core";
import { band, type Band } from "./bands.ts";
import { escapeHtml as esc, int, num, score1, signed } from "./format.ts";

const f = (n: number) => (Math.round(n * 100) / 100).toString();

/** A ring gauge with the score in the middle, coloured by its band. */
export function gauge(score: number, scoreBand: Band, label: string, size = 148): string {
  const r = 56;
  const c = 2 * Math.PI * r;
  const share = Math.max(0, Math.min(100, score)) / 100;
  return `<svg class="gauge" viewBox="0 0 140 140" width="${size}" height="${size}" role="img" aria-label="${esc(label)}: ${score1(score)} out of 100, ${scoreBand}">
<circle class="track" cx="70" cy="70" r="${r}" fill="none" stroke-width="14"/>
<circle class="arc ${scoreBand}" cx="70" cy="70" r="${r}" fill="none" stroke-width="14" stroke-linecap="round" stroke-dasharray="${f(c * share)} ${f(c)}" transform="rotate(-90 70 70)"/>
<text x="70" y="72" text-anchor="middle" dominant-baseline="middle" class="gauge-value">${score1(score)}</text>
<text x="70" y="98" text-anchor="middle" class="gauge-label">of 100</text>
</svg>`;
}

/** Horizontal bars for named scores (0-100), with the value at the end of each bar. */
export function scoreBars(items: readonly { readonly label: string; readonly score: number; readonly note?: string }[], title: string): string {
  const row = 30;
  const labelW = 120;
  const barW = 190;
  const width = labelW + barW + 60;
  const height = items.length * row + 4;
  const bars = items
    .map((it, i) => {
      const y = i * row + 6;
      const w = (Math.max(0, Math.min(100, it.score)) / 100) * barW;
      return `<g><title>${esc(it.label)}: ${score1(it.score)}${it.note ? ` (${esc(it.note)})` : ""}</title>
<text x="${labelW - 10}" y="${y + 11}" text-anchor="end" dominant-baseline="middle" class="axis-label">${esc(clip(it.label, 16))}</text>
<rect class="track" x="${labelW}" y="${y}" width="${barW}" height="22" rx="4"/>
<rect class="bar ${band(it.score)}" x="${labelW}" y="${y}" width="${f(w)}" height="22" rx="4"/>
<text x="${labelW + barW + 8}" y="${y + 11}" dominant-baseline="middle" class="value">${score1(it.score)}</text></g>`;
    })
    .join("\n");
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(title)}: ${items.map((i) => `${esc(i.label)} ${score1(i.score)}`).join(", ")}">\n${bars}\n</svg>`;
}

/** A histogram of record scores: one bar per bin, coloured by the bin's scores. */
export function scoreHistogram(bins: readonly { readonly from: number; readonly to: number; readonly count: number }[], title: string): string {
  const width = 360;
  const height = 170;
  const left = 34;
  const bottom = 24;
  const top = 18;
  const plotW = width - left - 8;
  const plotH = height - bottom - top;
  const max = Math.max(1, ...bins.map((b) => b.count));
  const bw = plotW / Math.max(1, bins.length);
  const bars = bins
    .map((b, i) => {
      const h = (b.count / max) * plotH;
      const x = left + i * bw;
      const y = top + plotH - h;
      const last = i === bins.length - 1;
      const range = `${num(b.from)}–${num(b.to)}${last ? "" : " (excl.)"}`;
      return `<g><title>${range}: ${plural(b.count, "record")}</title>
<rect class="bar ${band((b.from + b.to) / 2)}" x="${f(x + 2)}" y="${f(y)}" width="${f(Math.max(1, bw - 4))}" height="${f(Math.max(b.count > 0 ? 1.5 : 0, h))}" rx="2"/>
${b.count > 0 ? `<text x="${f(x + bw / 2)}" y="${f(y - 4)}" text-anchor="middle" class="value small">${int(b.count)}</text>` : ""}</g>`;
    })
    .join("\n");
  const ticks = bins
    .filter((_, i) => bins.length <= 10 || i % Math.ceil(bins.length / 10) === 0)
    .map((b) => {
      const i = bins.indexOf(b);
      return `<text x="${f(left + i * bw)}" y="${height - 6}" text-anchor="middle" class="axis-label small">${num(b.from)}</text>`;
    })
    .join("");
  const axis = `<line class="axis" x1="${left}" y1="${top + plotH + 0.5}" x2="${width - 8}" y2="${top + plotH + 0.5}"/>
<text x="${width - 8}" y="${height - 6}" text-anchor="end" class="axis-label small">100</text>
<text x="4" y="${top + 4}" class="axis-label small">${int(max)}</text>`;
  const summary = bins.map((b) => `${num(b.from)}-${num(b.to)}: ${b.count}`).join(", ");
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(title)}: ${esc(summary)}">\n${bars}\n${ticks}\n${axis}\n</svg>`;
}

/** A share (0..1) as a small inline bar. */
export function miniBar(share: number, cls: string, label: string): string {
  const w = Math.max(0, Math.min(1, share)) * 100;
  return `<svg class="mini" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect class="track" x="0" y="0" width="100" height="8" rx="3"/><rect class="bar ${cls}" x="0" y="0" width="${f(w)}" height="8" rx="3"/><title>${esc(label)}</title></svg>`;
}

/** A waterfall of match weights (log2 Bayes factors): each comparison pushes the total left or right. */
export function weightChart(items: readonly { readonly label: string; readonly weight: number }[], total: number | undefined, title: string): string {
  const rows = [...items, ...(total === undefined ? [] : [{ label: "total", weight: total }])];
  const row = 26;
  const labelW = 130;
  const plotW = 260;
  const width = labelW + plotW + 60;
  const height = rows.length * row + 8;
  const extent = Math.max(1, ...rows.map((r) => Math.abs(r.weight)));
  const zero = labelW + plotW / 2;
  const scale = plotW / 2 / extent;
  const bars = rows
    .map((r, i) => {
      const y = i * row + 4;
      const w = Math.abs(r.weight) * scale;
      const x = r.weight >= 0 ? zero : zero - w;
      const isTotal = total !== undefined && i === rows.length - 1;
      return `<g><title>${esc(r.label)}: ${signed(r.weight, 2)}</title>
<text x="${labelW - 8}" y="${y + 10}" text-anchor="end" dominant-baseline="middle" class="axis-label${isTotal ? " strong" : ""}">${esc(clip(r.label, 18))}</text>
<rect class="bar ${r.weight >= 0 ? "good" : "poor"}${isTotal ? " total" : ""}" x="${f(x)}" y="${y}" width="${f(Math.max(1, w))}" height="20" rx="3"/>
<text x="${r.weight >= 0 ? f(zero + w + 6) : f(zero - w - 6)}" y="${y + 10}" text-anchor="${r.weight >= 0 ? "start" : "end"}" dominant-baseline="middle" class="value small">${signed(r.weight, 2)}</text></g>`;
    })
    .join("\n");
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(title)}">\n<line class="axis" x1="${zero}" y1="0" x2="${zero}" y2="${height}"/>\n${bars}\n</svg>`;
}

function clip(s: string, max: number): string {
  const chars = Array.from(s);
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : s;
}
