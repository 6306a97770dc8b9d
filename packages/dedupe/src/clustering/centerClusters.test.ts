import { describe, expect, test } from "vitest";
import { centerClusters } from "./centerClusters.ts";
import type { ScoredGraph } from "./scoredGraph.ts";

/** Records 0..n-1 (rank = index), every pair strong. */
function run(n: number, pairs: readonly (readonly [number, number, number])[], merge: boolean, atomOf?: Int32Array) {
  const graph: ScoredGraph = {
    n,
    a: Int32Array.from(pairs, (p) => p[0]),
    b: Int32Array.from(pairs, (p) => p[1]),
    p: Float64Array.from(pairs, (p) => p[2]),
  };
  return centerClusters({
    graph,
    strong: pairs.map((_, k) => k),
    atomOf: atomOf ?? Int32Array.from({ length: n }, (_, i) => i),
    rank: Int32Array.from({ length: n }, (_, i) => i),
    merge,
  });
}

describe("centerClusters", () => {
  test("makes the record with more strong pairs the centre", () => {
    const { label, hold } = run(3, [[0, 1, 0.99], [1, 2, 0.95]], false);
    expect([...label]).toEqual([1, 1, 1]);
    expect([...hold]).toEqual([0.99, Number.NaN, 0.95]);
  });

  test("lets a record join a centre but never a member", () => {
    // 0-1 first: 0 (smaller id, same degree) is the centre; 2 meets only the member 1; 3 joins 0.
    const { label } = run(4, [[0, 1, 0.99], [1, 2, 0.98], [0, 3, 0.97]], false);
    expect([...label]).toEqual([0, 0, 2, 0]);
  });

  test("merges two stars whose centres are linked, with merge", () => {
    const pairs = [[0, 1, 0.99], [2, 3, 0.98], [0, 2, 0.95]] as const;
    const star = run(4, pairs, false);
    expect([...star.label]).toEqual([0, 0, 2, 2]);
    const merged = run(4, pairs, true);
    expect(new Set(merged.label).size).toBe(1);
    expect([...merged.hold].filter((h) => h === h).sort()).toEqual([0.95, 0.98, 0.99]);
  });

  test("reads pairs by probability, whatever their order", () => {
    const pairs = [[0, 1, 0.92], [1, 2, 0.99], [2, 3, 0.95], [3, 4, 0.99]] as const;
    expect([...run(5, pairs, false).label]).toEqual([...run(5, [...pairs].reverse(), false).label]);
  });

  test("moves records held together as one", () => {
    // 1 and 2 are one group: 0 joins it whole, or it joins 0.
    const { label } = run(4, [[0, 1, 0.99], [2, 3, 0.98]], false, Int32Array.of(0, 1, 1, 3));
    expect(new Set([label[0], label[1], label[2], label[3]]).size).toBe(1);
  });
});
