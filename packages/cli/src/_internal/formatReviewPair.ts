import { displayWidth, padEndDisplay, truncateDisplay } from "@cleanse/core";
import type { ReviewPair } from "@cleanse/dedupe";

/** What {@link formatReviewPair} shows: the pair as the review asks it. */
export type ReviewPairView = Pick<ReviewPair, "a" | "b" | "left" | "right" | "fields" | "match_probability" | "number">;

/** Options of {@link formatReviewPair}. */
export interface FormatReviewPairOptions {
  /** The id field, whose name heads the two id columns. */
  readonly idField: string;
  /** Columns of the terminal: values are cut so that a line fits. Default 100. */
  readonly width?: number;
  /** Labels given so far and the most the review collects, for `2 of 50 labels`. */
  readonly labels?: { readonly given: number; readonly budget: number };
}

const MARK = "≠";
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const ESCAPES: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** A value as one line of plain text: control characters (line breaks, terminal escapes) are shown escaped. */
function shown(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "object" ? JSON.stringify(value) : String(value);
  return text.replace(CONTROL, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A probability with as many decimals as it takes to tell it from 0 or 1 (`0.512`, `0.99993`, `< 0.000001`). */
export function formatProbability(p: number): string {
  const near = Math.min(p, 1 - p);
  if (near >= 0.001) return p.toFixed(3);
  if (near < 1e-6) return p > 0.5 ? "> 0.999999" : "< 0.000001";
  return p.toFixed(Math.ceil(-Math.log10(near)));
}

/**
 * Shows a pair of records side by side for a reviewer: a heading with the match probability, then one line per
 * compared field (its name, the left value, the right value), aligned in terminal columns so that CJK text lines up,
 * with `≠` before the fields whose values differ.
 * @returns the lines, each ending in a newline
 */
export function formatReviewPair(pair: ReviewPairView, options: FormatReviewPairOptions): string {
  const rows = pair.fields.map((field) => {
    const left = shown(pair.left[field]);
    const right = shown(pair.right[field]);
    return { field, left: left === "" ? "(empty)" : left, right: right === "" ? "(empty)" : right, differ: left !== right };
  });
  const nameWidth = Math.max(displayWidth(options.idField), ...rows.map((r) => displayWidth(r.field)));
  // Two columns of values share what the mark, the field names and the gaps leave of the line; ids are never cut.
  const width = options.width !== undefined && options.width > 0 ? options.width : 100;
  const room = Math.max(24, width - 2 - nameWidth - 4);
  const idWidth = shown(pair.a) === "" ? 0 : displayWidth(shown(pair.a));
  const leftWidth = Math.max(idWidth, Math.min(Math.floor(room / 2), Math.max(0, ...rows.map((r) => displayWidth(r.left)))));
  const rightWidth = Math.max(12, room - leftWidth);
  const line = (mark: string, name: string, left: string, right: string) =>
    `${mark} ${padEndDisplay(name, nameWidth)}  ${padEndDisplay(left, leftWidth)}  ${right}`.trimEnd();
  const labels = options.labels === undefined ? "" : ` · ${options.labels.given} of ${options.labels.budget} labels`;
  return (
    `\npair ${pair.number} · match probability ${formatProbability(pair.match_probability)}${labels}\n` +
    `${line(" ", options.idField, shown(pair.a), shown(pair.b))}\n` +
    rows.map((r) => `${line(r.differ ? MARK : " ", r.field, truncateDisplay(r.left, leftWidth), truncateDisplay(r.right, rightWidth))}\n`).join("")
  );
}
