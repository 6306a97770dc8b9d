import { displayWidth, padEndDisplay, truncateDisplay } from "@cleanse/core";
import type { PairExplanation } from "./explainPair.ts";

/** Options of {@link formatExplanation}. */
export interface FormatExplanationOptions {
  /** Width of the longest bar in characters. Default 20. */
  readonly barWidth?: number;
  /** Widest value shown, in terminal columns (a Chinese character takes two), before it is cut with an ellipsis. Default 24. */
  readonly maxValueLength?: number;
}

function signed(x: number): string {
  return (x >= 0 ? "+" : "") + x.toFixed(2);
}

function shown(v: string | null, max: number): string {
  if (v === null) return "∅";
  return `"${truncateDisplay(v, max)}"`;
}

function num(x: number): string {
  if (x === 0) return "0";
  if (x >= 0.001) return x.toPrecision(3);
  return x.toExponential(1);
}

/**
 * Renders an explanation as a terminal table: one line per comparison with the values, the level,
 * m, u, the Bayes factor, the log2 weight and a bar, then the total and the probability.
 * @param explanation - from {@link explainPair}
 * @param options - bar width and value length
 * @returns plain text without colour codes
 * @example
 * formatExplanation(explainPair(model, a, b)).split("\n")[0]
 * //=> "Records 1 and 2: match probability 0.9993 (weight +10.48 bits), threshold 0.9: MATCH"
 */
export function formatExplanation(explanation: PairExplanation, options: FormatExplanationOptions = {}): string {
  const barWidth = options.barWidth ?? 20;
  const maxValue = options.maxValueLength ?? 24;
  const e = explanation;
  const lines: string[] = [];
  lines.push(
    `Records ${e.ids[0]} and ${e.ids[1]}: match probability ${e.probability.toFixed(4)} (weight ${signed(e.totalWeight)} bits), threshold ${e.threshold}: ${e.isMatch ? "MATCH" : "no match"}`,
  );
  const rows = e.comparisons.map((c) => ({
    name: c.name,
    values: `${shown(c.values[0], maxValue)} vs ${shown(c.values[1], maxValue)}`,
    level: c.label + (c.tfAdjustment !== 0 ? ` (term freq ${signed(c.tfAdjustment)})` : ""),
    mu: c.kind === "null" ? "no evidence" : `m=${num(c.m)} u=${num(c.u)} BF=${num(c.bayesFactor)}`,
    total: c.total,
  }));
  const maxAbs = Math.max(Math.abs(e.prior.weight), ...rows.map((r) => Math.abs(r.total)), 1e-9);
  const bar = (x: number): string => {
    const len = Math.round((Math.abs(x) / maxAbs) * barWidth);
    return (x >= 0 ? "+" : "-").repeat(len);
  };
  const wName = Math.max(5, ...rows.map((r) => displayWidth(r.name)));
  const wValues = Math.max(6, ...rows.map((r) => displayWidth(r.values)));
  const wLevel = Math.max(5, ...rows.map((r) => displayWidth(r.level)));
  const wMu = Math.max(2, ...rows.map((r) => displayWidth(r.mu)));
  lines.push(`  ${padEndDisplay("prior", wName)}  ${padEndDisplay(`lambda=${num(e.prior.lambda)}`, wValues + wLevel + wMu + 4)}  ${padEndDisplay(signed(e.prior.weight), 7)} ${bar(e.prior.weight)}`);
  for (const r of rows) {
    lines.push(`  ${padEndDisplay(r.name, wName)}  ${padEndDisplay(r.values, wValues)}  ${padEndDisplay(r.level, wLevel)}  ${padEndDisplay(r.mu, wMu)}  ${padEndDisplay(signed(r.total), 7)} ${bar(r.total)}`);
  }
  lines.push(`  ${padEndDisplay("total", wName)}  ${padEndDisplay("", wValues + wLevel + wMu + 4)}  ${signed(e.totalWeight)}`);
  if (e.blockedBy.length > 0) lines.push(`  blocked together by: ${e.blockedBy.join("; ")}`);
  return lines.map((l) => l.trimEnd()).join("\n");
}
