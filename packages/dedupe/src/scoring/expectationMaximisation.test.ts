import { describe, expect, test } from "vitest";
import { aggregatePatterns, expectationMaximisation, monotoneRatios } from "./expectationMaximisation.ts";

// Three comparisons with levels [null, exact, close, else]; known m, u and lambda.
const trueM = [
  [1, 0.8, 0.15, 0.05],
  [1, 0.7, 0.2, 0.1],
  [1, 0.9, 0.05, 0.05],
];
const trueU = [
  [1, 0.02, 0.08, 0.9],
  [1, 0.05, 0.15, 0.8],
  [1, 0.01, 0.04, 0.95],
];
const trueLambda = 0.2;

function expectedCounts(total: number): { patterns: Uint8Array; counts: Float64Array } {
  const rows: number[] = [];
  const counts: number[] = [];
  for (let a = 1; a <= 3; a++)
    for (let b = 1; b <= 3; b++)
      for (let c = 1; c <= 3; c++) {
        const pm = trueLambda * trueM[0]![a]! * trueM[1]![b]! * trueM[2]![c]!;
        const pu = (1 - trueLambda) * trueU[0]![a]! * trueU[1]![b]! * trueU[2]![c]!;
        rows.push(a, b, c);
        counts.push(total * (pm + pu));
      }
  return { patterns: Uint8Array.from(rows), counts: Float64Array.from(counts) };
}

describe("expectationMaximisation", () => {
  test("recovers m, u and lambda of a known mixture without labels", () => {
    const { patterns, counts } = expectedCounts(1_000_000);
    const flat = (p: number[]): Float64Array => Float64Array.from(p);
    const result = expectationMaximisation({
      levels: [4, 4, 4],
      patterns,
      counts,
      m: [flat([1, 0.6, 0.2, 0.2]), flat([1, 0.6, 0.2, 0.2]), flat([1, 0.6, 0.2, 0.2])],
      u: [flat([1, 0.1, 0.1, 0.8]), flat([1, 0.1, 0.1, 0.8]), flat([1, 0.1, 0.1, 0.8])],
      lambda: 0.05,
      maxIterations: 2000,
      tolerance: 1e-10,
      fixU: false,
      pseudoCount: 0,
    });
    expect(result.converged).toBe(true);
    expect(result.lambda).toBeCloseTo(trueLambda, 3);
    for (let c = 0; c < 3; c++) {
      for (let l = 1; l < 4; l++) {
        expect(result.m[c]![l]).toBeCloseTo(trueM[c]![l]!, 3);
        expect(result.u[c]![l]).toBeCloseTo(trueU[c]![l]!, 3);
      }
    }
  });

  test("keeps u fixed when asked and still finds lambda", () => {
    const { patterns, counts } = expectedCounts(100_000);
    const result = expectationMaximisation({
      levels: [4, 4, 4],
      patterns,
      counts,
      m: trueM.map((m) => Float64Array.from([1, 0.5, 0.3, 0.2])),
      u: trueU.map((u) => Float64Array.from(u)),
      lambda: 0.5,
      maxIterations: 2000,
      tolerance: 1e-10,
      fixU: true,
      pseudoCount: 0,
    });
    expect(Array.from(result.u[0]!)).toEqual(trueU[0]);
    expect(result.lambda).toBeCloseTo(trueLambda, 3);
  });

  test("counts known pairs as sure matches and non-matches", () => {
    // One unlabelled pattern that the starting m and u cannot place; known pairs say what agreement means.
    const start = { m: Float64Array.from([1, 0.5, 0.5]), u: Float64Array.from([1, 0.5, 0.5]) };
    const run = (known?: { patterns: Uint8Array; match: boolean[]; weight?: number }) =>
      expectationMaximisation({
        levels: [3],
        patterns: Uint8Array.from([1, 2]),
        counts: Float64Array.from([10, 10]),
        m: [start.m],
        u: [start.u],
        lambda: 0.5,
        maxIterations: 200,
        tolerance: 1e-9,
        fixU: false,
        pseudoCount: 0,
        ...(known ? { known } : {}),
      });
    const without = run();
    expect(without.m[0]![1]).toBeCloseTo(without.u[0]![1]!, 9);
    const labelled = run({ patterns: Uint8Array.from([1, 1, 2]), match: [true, true, false] });
    expect(labelled.m[0]![1]).toBeGreaterThan(0.9);
    expect(labelled.u[0]![2]).toBeGreaterThan(0.9);
    // Lambda comes from the unlabelled pairs alone: labelled pairs are chosen for review, no sample.
    expect(labelled.lambda).toBeCloseTo(0.5, 6);
    // Weighted, a few known pairs pull m and u as far as many.
    const weighted = run({ patterns: Uint8Array.from([1, 2]), match: [true, false], weight: 50 });
    expect(weighted.m[0]![1]).toBeGreaterThan(0.9);
  });

  test("ignores null levels", () => {
    const patterns = Uint8Array.from([0, 1, 1, 3]);
    const counts = Float64Array.from([500, 500]);
    const result = expectationMaximisation({
      levels: [4, 4],
      patterns,
      counts,
      m: [Float64Array.from([1, 0.7, 0.2, 0.1]), Float64Array.from([1, 0.7, 0.2, 0.1])],
      u: [Float64Array.from([1, 0.1, 0.1, 0.8]), Float64Array.from([1, 0.1, 0.1, 0.8])],
      lambda: 0.5,
      maxIterations: 5,
      tolerance: 1e-9,
      fixU: false,
    });
    expect(result.m[0]![0]).toBe(1);
    expect(result.m[0]!.slice(1).reduce((s, x) => s + x, 0)).toBeCloseTo(1, 10);
  });
});

describe("expectationMaximisation with pooled levels", () => {
  // Comparisons 1 and 2 tell matches (exact) from non-matches (else). On comparison 0 no match lands on the close
  // level but half of them on the else level, so the else level would be stronger evidence than the close one:
  // the monotone constraint pools the two on every iteration. Its correction of the raw estimate recurs each
  // time and is no movement of the parameters, which settle within a few iterations.
  const patterns = Uint8Array.from([1, 1, 1, 3, 1, 1, 1, 3, 3, 2, 3, 3, 3, 3, 3]);
  const counts = Float64Array.from([500, 500, 90, 4500, 4410]);
  const start = () => ({
    levels: [4, 4, 4],
    patterns,
    counts,
    m: [0, 1, 2].map(() => Float64Array.from([1, 0.7, 0.2, 0.1])),
    u: [0, 1, 2].map(() => Float64Array.from([1, 0.1, 0.1, 0.8])),
    lambda: 0.2,
    fixU: false,
  });

  test("converges, and reports the change of its last iteration", () => {
    const result = expectationMaximisation({ ...start(), maxIterations: 100, tolerance: 1e-5 });
    expect(result.converged).toBe(true);
    expect(result.iterations).toBeLessThan(10);
    expect(result.lastChange).toBeLessThan(1e-5);
    expect(result.lambda).toBeCloseTo(0.1, 3);
    // The constraint held: the pooled levels share one Bayes factor.
    expect(result.m[0]![2]! / result.u[0]![2]!).toBeCloseTo(result.m[0]![3]! / result.u[0]![3]!, 9);
  });

  test("says it did not converge when the iterations run out", () => {
    const result = expectationMaximisation({ ...start(), maxIterations: 2, tolerance: 1e-12 });
    expect(result.converged).toBe(false);
    expect(result.iterations).toBe(2);
    expect(result.lastChange).toBeGreaterThan(1e-12);
  });
});

describe("aggregatePatterns", () => {
  test("counts each distinct comparison vector once", () => {
    const gamma = Uint8Array.from([1, 2, 1, 2, 3, 0, 1, 2]);
    const { patterns, counts } = aggregatePatterns(gamma, 2, 4);
    expect(Array.from(patterns)).toEqual([1, 2, 3, 0]);
    expect(Array.from(counts)).toEqual([3, 1]);
  });
});

describe("monotoneRatios", () => {
  test("pools levels whose Bayes factor rises towards the else level, keeping the total of m", () => {
    const m = Float64Array.from([1, 0.5, 0.1, 0.4]);
    const u = Float64Array.from([1, 0.1, 0.5, 0.4]);
    monotoneRatios(m, u);
    expect(m[1]).toBeCloseTo(0.5, 12);
    expect(m[2]! / u[2]!).toBeCloseTo(0.5 / 0.9, 12);
    expect(m[3]! / u[3]!).toBeCloseTo(0.5 / 0.9, 12);
    expect(m[1]! + m[2]! + m[3]!).toBeCloseTo(1, 12);
  });

  test("turns evidence that only grows with disagreement into no evidence", () => {
    const m = Float64Array.from([1, 0.1, 0.2, 0.7]);
    const u = Float64Array.from([1, 0.5, 0.3, 0.2]);
    monotoneRatios(m, u);
    expect(Array.from(m.slice(1)).map((x, k) => x / u[k + 1]!)).toEqual([1, 1, 1].map((x) => expect.closeTo(x, 12)));
  });

  test("leaves ordered ratios alone", () => {
    const m = Float64Array.from([1, 0.8, 0.15, 0.05]);
    monotoneRatios(m, Float64Array.from([1, 0.02, 0.08, 0.9]));
    expect(Array.from(m)).toEqual([1, 0.8, 0.15, 0.05]);
  });
});
