import { displayWidth } from "@cleanse/core";
import { describe, expect, test } from "vitest";
import type { ComparisonContribution, PairExplanation } from "./explainPair.ts";
import { formatExplanation } from "./formatExplanation.ts";

const comparison = (name: string, a: string | null, b: string | null, label: string, total: number): ComparisonContribution => ({
  name,
  fields: [name],
  values: [a, b],
  level: 1,
  label,
  kind: a === null || b === null ? "null" : "exact",
  m: 0.9,
  u: 0.01,
  bayesFactor: 90,
  weight: total,
  tfAdjustment: 0,
  total,
});

const explanation = (comparisons: readonly ComparisonContribution[]): PairExplanation => ({
  ids: ["C1", "E7"],
  prior: { lambda: 0.01, weight: -6.64 },
  comparisons,
  totalWeight: -6.64 + comparisons.reduce((s, c) => s + c.total, 0),
  probability: 0.9947,
  threshold: 0.9,
  isMatch: true,
  blockedBy: ["手机号"],
});

/** The display column at which each cell of a row starts, cells being separated by two or more spaces. */
function cellStarts(line: string): number[] {
  return [...line.matchAll(/\S+(?: \S+)*/g)].map((m) => displayWidth(line.slice(0, m.index)));
}

describe("formatExplanation", () => {
  test("lines up the columns by display width with Chinese, Japanese and Korean names and values", () => {
    const e = explanation([
      comparison("姓名", "王伟", "王伟", "exact", 6.49),
      comparison("phone", "13812345678", "13812345678", "exact", 9.8),
      comparison("カタカナ", "アイウエオ", "アイウエ", "jaro-winkler >= 0.9", 3.2),
      comparison("한국어", "김민준", "kim", "else", -2.1),
    ]);
    const lines = formatExplanation(e).split("\n");
    const rows = lines.filter((l) => /^ {2}(姓名|phone|カタカナ|한국어) /.test(l));
    expect(rows).toHaveLength(4);
    // name, values, level, m/u/BF, weight and bar start at the same column in every row.
    const starts = rows.map(cellStarts);
    for (const s of starts) expect(s).toHaveLength(6);
    for (let i = 0; i < 6; i++) expect(new Set(starts.map((s) => s[i])).size).toBe(1);
    // The prior's and the total's weights start in the rows' weight column.
    const prior = cellStarts(lines.find((l) => l.startsWith("  prior"))!);
    const total = cellStarts(lines.find((l) => l.startsWith("  total"))!);
    expect(prior[2]).toBe(starts[0]![4]);
    expect(total[1]).toBe(starts[0]![4]);
    expect(rows[0]).toMatch(/^ {2}姓名 {6}"王伟" vs "王伟" {16}exact {16}m=/);
  });

  test("cuts long values at a display width, never splitting a wide character", () => {
    const e = explanation([comparison("地址", "北京市朝阳区建国路八十八号", "東京都千代田区丸の内", "else", -1)]);
    const row = formatExplanation(e, { maxValueLength: 9 }).split("\n").find((l) => l.startsWith("  地址"))!;
    // Nine columns: four wide characters and the ellipsis, as a fifth would end at column ten.
    expect(row).toContain('"北京市朝…" vs "東京都千…"');
  });

  test("keeps a character outside the BMP whole where it used to cut a surrogate pair", () => {
    const e = explanation([comparison("name", "abc𠮷def", "x", "else", -1)]);
    const text = formatExplanation(e, { maxValueLength: 5 });
    expect(text).toContain('"abc…" vs "x"');
    expect(text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});
