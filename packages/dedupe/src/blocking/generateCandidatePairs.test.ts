import { describe, expect, test } from "vitest";
import { generateCandidatePairs } from "./generateCandidatePairs.ts";

describe("generateCandidatePairs", () => {
  test("returns candidate id pairs and per-rule statistics", () => {
    const records = [
      { id: "a", dob: "1980-01-02", last: "Smith" },
      { id: "b", dob: "1980-01-02", last: "Smyth" },
      { id: "c", dob: "1990-01-01", last: "Smith" },
    ];
    const { pairs, stats } = generateCandidatePairs(records, {
      rules: [
        { type: "key", on: ["dob"] },
        { type: "key", on: [{ field: "last", transform: "soundex" }] },
      ],
    });
    expect(pairs).toEqual([["a", "b"], ["a", "c"], ["b", "c"]]);
    expect(stats.rules.map((r) => r.newPairs)).toEqual([1, 2]);
    expect(stats.reductionRatio).toBe(0);
  });

  test("orgName blocks an organisation's spellings together, whatever legal form they carry", () => {
    const records = [
      { id: "1", company: "ACME Inc." },
      { id: "2", company: "Acme, Incorporated" },
      { id: "3", company: "Acme Holdings Co., Ltd." },
      { id: "4", company: "ACME HOLDINGS LIMITED" },
      { id: "5", company: "华为技术有限公司" },
      { id: "6", company: "华为技术" },
    ];
    const { pairs } = generateCandidatePairs(records, { rules: [{ type: "key", on: [{ field: "company", transform: "orgName" }] }] });
    expect(pairs).toEqual([["1", "2"], ["3", "4"], ["5", "6"]]);
  });
});
