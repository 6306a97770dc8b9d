import { describe, expect, test } from "vitest";
import { evaluateClusters, evaluatePairs } from "./evaluatePairs.ts";

describe("evaluatePairs", () => {
  test("counts each unordered pair once", () => {
    const m = evaluatePairs(
      [["1", "2"], ["2", "1"], ["3", "4"], ["5", "5"]],
      [["2", "1"], ["6", "7"]],
    );
    expect(m).toEqual({ truePositives: 1, falsePositives: 1, falseNegatives: 1, precision: 0.5, recall: 0.5, f1: 0.5 });
  });

  test("scores empty predictions as precise and empty truth as recalled", () => {
    expect(evaluatePairs([], [["a", "b"]])).toMatchObject({ precision: 1, recall: 0, f1: 0 });
    expect(evaluatePairs([], [])).toMatchObject({ precision: 1, recall: 1, f1: 1 });
  });
});

describe("evaluateClusters", () => {
  test("compares every pair inside predicted clusters with pairs inside true entities", () => {
    const predicted = new Map([["1", "a"], ["2", "a"], ["3", "a"], ["4", "b"]]);
    const truth = new Map([["1", "x"], ["2", "x"], ["3", "y"], ["4", "y"]]);
    const m = evaluateClusters(predicted, truth);
    expect(m.truePositives).toBe(1);
    expect(m.falsePositives).toBe(2);
    expect(m.falseNegatives).toBe(1);
    expect(m.precision).toBeCloseTo(1 / 3, 12);
    expect(m.recall).toBe(0.5);
  });
});
