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
});
