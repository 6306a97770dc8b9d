import { describe, expect, test } from "vitest";
import { agglomerateClusters, pairEvidence } from "./agglomerateClusters.ts";

function run(size: number, pairs: readonly (readonly [number, number, number])[], threshold = 0.9, groupOf?: Int32Array): number[] {
  const label = agglomerateClusters({
    size,
    a: Int32Array.from(pairs, (p) => p[0]),
    b: Int32Array.from(pairs, (p) => p[1]),
    evidence: Float64Array.from(pairs, (p) => pairEvidence(p[2], Math.min(0.5, threshold))),
    strong: Uint8Array.from(pairs, (p) => (p[2] >= threshold ? 1 : 0)),
    ...(groupOf === undefined ? {} : { groupOf }),
  });
  return [...label];
}

describe("pairEvidence", () => {
  test("is zero at the neutral probability, positive above and negative below", () => {
    expect(pairEvidence(0.5, 0.5)).toBe(0);
    expect(pairEvidence(0.9, 0.5)).toBe(Math.round(Math.log2(9) * 1e6));
    expect(pairEvidence(0.1, 0.5)).toBe(-Math.round(Math.log2(9) * 1e6));
  });

  test("stays finite for probabilities 0 and 1", () => {
    expect(pairEvidence(1, 0.5)).toBe(40e6);
    expect(pairEvidence(0, 0.5)).toBe(-40e6);
  });
});

describe("agglomerateClusters", () => {
  test("keeps the end of a chain out when its pair with the other end disagrees", () => {
    expect(run(3, [[0, 1, 0.99], [1, 2, 0.95], [0, 2, 0.001]])).toEqual([0, 0, 2]);
  });

  test("joins a chain when nothing speaks against it", () => {
    expect(new Set(run(3, [[0, 1, 0.99], [1, 2, 0.95]])).size).toBe(1);
  });

  test("joins an isolated pair at the threshold, also a threshold below even odds", () => {
    expect(run(2, [[0, 1, 0.9]])).toEqual([0, 0]);
    expect(run(2, [[0, 1, 0.3]], 0.3)).toEqual([0, 0]);
    expect(run(2, [[0, 1, 0.89]])).toEqual([0, 1]);
  });

  test("merges two clusters only through a pair at or above the threshold", () => {
    // 1-2 and 0-3 favour a match (0.8) but neither reaches the threshold.
    expect(run(4, [[0, 1, 0.99], [2, 3, 0.99], [1, 2, 0.8], [0, 3, 0.8]])).toEqual([0, 0, 2, 2]);
  });

  test("merges the best-supported pair of clusters first", () => {
    // 1-2 is the strongest pair, so 1 and 2 merge first; then 0 and 3 each disagree with one of them.
    expect(run(4, [[1, 2, 0.9999], [0, 1, 0.95], [0, 2, 0.01], [2, 3, 0.95], [1, 3, 0.01]])).toEqual([0, 1, 1, 3]);
  });

  test("never separates records held together from the start", () => {
    // The group's own disagreement (0-1) is no evidence; 2 agrees with 1 but strongly disagrees with 0.
    expect(run(3, [[0, 1, 0.001], [1, 2, 0.99], [0, 2, 0.001]], 0.9, Int32Array.of(0, 0, 2))).toEqual([0, 0, 2]);
    expect(run(3, [[0, 1, 0.001], [1, 2, 0.99]], 0.9, Int32Array.of(0, 0, 2))).toEqual([0, 0, 0]);
  });

  test("sums evidence exactly, so the order of pairs does not matter", () => {
    const pairs: [number, number, number][] = [];
    for (let i = 0; i < 12; i++) for (let j = i + 1; j < 12; j++) pairs.push([i, j, ((i * 7 + j * 13) % 10) / 10 + 0.05]);
    expect(run(12, [...pairs].reverse())).toEqual(run(12, pairs));
  });
});
