import { beforeAll, describe, expect, test } from "vitest";
import { loadFebrl1 } from "../_testing/loadTestData.ts";
import { dedupeRecords, type DedupeResult } from "../dedupeRecords/dedupeRecords.ts";
import { explainPair } from "./explainPair.ts";
import { formatExplanation } from "./formatExplanation.ts";

const data = loadFebrl1();
const byId = new Map(data.records.map((r) => [String(r.rec_id), r]));
let result: DedupeResult;
beforeAll(async () => {
  result = await dedupeRecords(data.records, "auto", { idField: "rec_id" });
});

describe("explainPair", () => {
  test("parts add up to the total weight of every matched pair", () => {
    for (const pair of result.pairs.slice(0, 50)) {
      const e = explainPair(result.model, byId.get(pair.a)!, byId.get(pair.b)!);
      const sum = e.prior.weight + e.comparisons.reduce((s, c) => s + c.weight + c.tfAdjustment, 0);
      expect(sum).toBeCloseTo(e.totalWeight, 9);
      expect(e.totalWeight).toBeCloseTo(pair.match_weight, 9);
      expect(e.probability).toBeCloseTo(pair.match_probability, 9);
      expect(e.isMatch).toBe(true);
    }
  });

  test("gives level, m, u, Bayes factor and weight per comparison", () => {
    const e = explainPair(result.model, byId.get("rec-10-org")!, byId.get("rec-10-dup-0")!);
    expect(e.ids).toEqual(["rec-10-org", "rec-10-dup-0"]);
    for (const c of e.comparisons) {
      expect(c.bayesFactor).toBeCloseTo(c.m / c.u, 9);
      expect(c.weight).toBeCloseTo(c.kind === "null" ? 0 : Math.log2(c.m / c.u), 9);
      expect(c.total).toBeCloseTo(c.weight + c.tfAdjustment, 12);
    }
    expect(e.blockedBy.length).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(e))).toEqual(e);
  });

  test("explains a non-match as such", () => {
    const e = explainPair(result.model, byId.get("rec-10-org")!, byId.get("rec-122-org")!);
    expect(e.isMatch).toBe(false);
    expect(e.probability).toBeLessThan(0.01);
  });
});

describe("formatExplanation", () => {
  test("renders one line per comparison, the prior and the total", () => {
    const e = explainPair(result.model, byId.get("rec-10-org")!, byId.get("rec-10-dup-0")!);
    const lines = formatExplanation(e).split("\n");
    expect(lines[0]).toMatch(/^Records rec-10-org and rec-10-dup-0: match probability 1\.0000 \(weight \+\d+\.\d\d bits\), threshold 0\.9: MATCH$/);
    expect(lines[1]).toMatch(/^ {2}prior/);
    expect(lines.filter((l) => /^ {2}(given_name|surname|date_of_birth) /.test(l))).toHaveLength(3);
    expect(lines.some((l) => l.startsWith("  total"))).toBe(true);
    expect(lines.join("\n")).toContain('"kayla" vs');
  });
});
