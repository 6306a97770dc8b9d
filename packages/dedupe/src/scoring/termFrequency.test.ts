import { describe, expect, test } from "vitest";
import { explainPair } from "../explain/explainPair.ts";
import type { DedupeModel } from "./DedupeModel.ts";

function model(counts: Record<string, number>): DedupeModel {
  return {
    format: "cleanse-dedupe-model",
    version: 1,
    mode: "dedupe",
    config: {
      blocking: { rules: [{ type: "key", on: ["surname"] }] },
      comparisons: [{ field: "surname", type: "exact", termFrequency: true }],
    },
    lambda: 0.1,
    populationLambda: 0.001,
    comparisons: [
      {
        name: "surname",
        fields: ["surname"],
        type: "exact",
        levels: [
          { label: "null", kind: "null", m: 1, u: 1 },
          { label: "exact", kind: "exact", m: 0.9, u: 0.05 },
          { label: "else", kind: "else", m: 0.1, u: 0.95 },
        ],
        termFrequency: { total: 100, sumSquares: 0.1, counts },
      },
    ],
    training: { method: "fixed", records: 100, candidatePairs: 0, trainingPairs: 0, uSamplePairs: 0, emIterations: 0, converged: true },
  };
}

describe("term-frequency adjustment", () => {
  test("makes a shared common surname count less than a shared rare one", () => {
    const m = model({ wang: 30, zhou: 2 });
    const common = explainPair(m, { id: 1, surname: "Wang" }, { id: 2, surname: "wang" });
    const rare = explainPair(m, { id: 3, surname: "Zhou" }, { id: 4, surname: "Zhou" });
    expect(common.comparisons[0]!.tfAdjustment).toBeCloseTo(Math.log2(0.1 / 0.3), 10);
    expect(rare.comparisons[0]!.tfAdjustment).toBeCloseTo(Math.log2(0.1 / 0.02), 10);
    expect(common.totalWeight).toBeLessThan(rare.totalWeight);
    expect(common.probability).toBeLessThan(rare.probability);
  });

  test("does not adjust disagreement", () => {
    const e = explainPair(model({ wang: 30 }), { id: 1, surname: "Wang" }, { id: 2, surname: "Li" });
    expect(e.comparisons[0]!.tfAdjustment).toBe(0);
    expect(e.comparisons[0]!.label).toBe("else");
  });
});
