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

describe("explainPair on dates", () => {
  test("compares the same date written three ways at the exact level, and blocks them together", async () => {
    const records = [
      { id: "1", name: "margaret wong", dob: "1958-12-07" },
      { id: "2", name: "margaret wong", dob: "dec 7, 1958" },
      { id: "3", name: "margaret wong", dob: "1958年12月7日" },
      { id: "4", name: "anna lee", dob: "1961-03-02" },
      { id: "5", name: "anna lee", dob: "01/02/1961" },
    ];
    const { model } = await dedupeRecords(records, {
      blocking: { rules: [{ type: "key", on: [{ field: "dob", transform: "date" }] }, { type: "key", on: ["name"] }] },
      comparisons: [{ field: "dob", type: "date" }],
    });
    for (const [a, b] of [["1", "2"], ["1", "3"], ["2", "3"]] as const) {
      const e = explainPair(model, records[Number(a) - 1]!, records[Number(b) - 1]!);
      expect(e.comparisons[0]).toMatchObject({ values: ["1958-12-07", "1958-12-07"], label: "exact" });
      expect(e.blockedBy).toContain("date(dob)");
    }
    // 01/02/1961 may be the first of February or the second of January: no evidence, and no date key.
    const ambiguous = explainPair(model, records[3]!, records[4]!);
    expect(ambiguous.comparisons[0]).toMatchObject({ values: ["1961-03-02", null], label: "null", weight: 0 });
    expect(ambiguous.blockedBy).toEqual(["name"]);
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
