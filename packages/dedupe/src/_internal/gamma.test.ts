import { describe, expect, test } from "vitest";
import { computeGamma, packTexts, plannedWorkers, unpackTexts } from "./gamma.ts";

describe("gamma", () => {
  test("packs text columns for worker threads and back, nulls included", () => {
    const texts = ["a", null, "b c", "", null];
    expect(unpackTexts(packTexts(texts))).toEqual(texts);
  });

  test("compares every pair code into one byte per comparison", async () => {
    const { gamma, workers } = await computeGamma(
      {
        configs: [{ field: "n", type: "exact" }, { field: "d", type: "date" }],
        names: ["n", "d"],
        nullValues: undefined,
        texts: [
          ["ann", "ann", "bob"],
          ["2000-01-02", null, "2000-02-01"],
        ],
        n: 3,
      },
      Float64Array.from([0 * 3 + 1, 0 * 3 + 2, 1 * 3 + 2]),
      { workers: 0 },
    );
    expect(workers).toBe(0);
    expect(Array.from(gamma)).toEqual([1, 0, 2, 2, 2, 0]);
  });

  test("compares in this thread when running from TypeScript sources", () => {
    expect(plannedWorkers(10_000_000, "auto")).toBe(0);
    expect(plannedWorkers(10, 0)).toBe(0);
  });
});
