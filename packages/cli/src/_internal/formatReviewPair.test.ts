import { displayWidth } from "@cleanse/core";
import { describe, expect, test } from "vitest";
import { formatProbability, formatReviewPair } from "./formatReviewPair.ts";

const pair = {
  a: "C00001",
  b: "E10001",
  left: { 客户编号: "C00001", 姓名: "吴娟丽", mobile: "+86 18668029671", city: "北京", email: "" },
  right: { 客户编号: "E10001", 姓名: "吴娟丽", mobile: "+86-186-6802-9671", city: "Beijing", email: "wu7523@sina.com" },
  fields: ["姓名", "mobile", "city", "email"],
  match_probability: 0.51234,
  number: 3,
};

describe("formatReviewPair", () => {
  test("shows one line per compared field, marks the ones that differ and aligns CJK text", () => {
    expect(formatReviewPair(pair, { idField: "客户编号", labels: { given: 2, budget: 50 } })).toMatchInlineSnapshot(`
      "
      pair 3 · match probability 0.512 · 2 of 50 labels
        客户编号  C00001           E10001
        姓名      吴娟丽           吴娟丽
      ≠ mobile    +86 18668029671  +86-186-6802-9671
      ≠ city      北京             Beijing
      ≠ email     (empty)          wu7523@sina.com
      "
    `);
  });

  test("starts every right value in the same terminal column", () => {
    const lines = formatReviewPair(pair, { idField: "客户编号" }).split("\n").slice(2, -1);
    const starts = lines.map((line, k) => displayWidth(line.slice(0, line.lastIndexOf(String(k === 0 ? pair.b : pair.right[pair.fields[k - 1] as keyof typeof pair.right] || "(empty)")))));
    expect(new Set(starts).size).toBe(1);
  });

  test("cuts long values to the width and shows control characters escaped", () => {
    const long = { ...pair, fields: ["note"], left: { note: `line one\nline two \u001b[31mred${"x".repeat(80)}` }, right: { note: "short" } };
    const text = formatReviewPair(long, { idField: "id", width: 60 });
    for (const line of text.split("\n")) expect(displayWidth(line)).toBeLessThanOrEqual(60);
    expect(text).toContain("≠ note  line one\\nline two \\u001…  short");
    expect(text).not.toContain("\u001b");
    expect(text).toMatch(/…\s+short/);
  });

  test("never cuts the ids, even on a narrow terminal", () => {
    const ids = { ...pair, a: "customer-000000000001", b: "customer-000000000002" };
    expect(formatReviewPair(ids, { idField: "id", width: 30 }).split("\n")[2]).toBe("  id      customer-000000000001  customer-000000000002");
  });
});

describe("formatProbability", () => {
  test.each([
    [0.51234, "0.512"],
    [0.0012, "0.001"],
    [0.9995, "0.9995"],
    [0.99993, "0.99993"],
    [0.00004, "0.00004"],
    [1 - 1e-9, "> 0.999999"],
    [0, "< 0.000001"],
  ])("shows %d as %s", (p, text) => {
    expect(formatProbability(p)).toBe(text);
  });
});
