import { describe, expect, test } from "vitest";
import { clusterPairs } from "./clusterPairs.ts";
import { compareIds } from "./compareIds.ts";

describe("clusterPairs", () => {
  test("joins records linked above the threshold, transitively", () => {
    const clusters = clusterPairs(
      ["1", "2", "3", "4", "5"],
      [
        { a: "1", b: "2", probability: 0.99 },
        { a: "2", b: "3", probability: 0.95 },
        { a: "4", b: "5", probability: 0.5 },
      ],
      { threshold: 0.9 },
    );
    expect(clusters.map((c) => c.members)).toEqual([["1", "2", "3"], ["4"], ["5"]]);
    expect(clusters[0]!.weakestLink).toBe(0.95);
  });

  test("names a cluster by its smallest id, numerically when ids are numbers", () => {
    const clusters = clusterPairs(["10", "9", "100"], [
      { a: "10", b: "9", probability: 1 },
      { a: "100", b: "10", probability: 1 },
    ]);
    expect(clusters[0]!.cluster_id).toBe("9");
    const reordered = clusterPairs(["100", "10", "9"], [
      { a: "100", b: "10", probability: 1 },
      { a: "9", b: "10", probability: 1 },
    ]);
    expect(reordered[0]!.cluster_id).toBe("9");
  });

  test("flags a chain whose ends are scored far apart", () => {
    const pairs = [
      { a: "a", b: "b", probability: 0.97 },
      { a: "b", b: "c", probability: 0.93 },
      { a: "a", b: "c", probability: 0.001 },
    ];
    const flagged = clusterPairs(["a", "b", "c"], pairs, { threshold: 0.9, chaining: "flag" });
    expect(flagged).toHaveLength(1);
    expect(flagged[0]!.chained).toBe(true);
    const off = clusterPairs(["a", "b", "c"], pairs, { threshold: 0.9, chaining: "off" });
    expect(off[0]!.chained).toBe(false);
  });

  test("splits a chain at its weakest link when asked", () => {
    const pairs = [
      { a: "a", b: "b", probability: 0.97 },
      { a: "b", b: "c", probability: 0.93 },
      { a: "c", b: "d", probability: 0.99 },
      { a: "a", b: "d", probability: 0.0001 },
    ];
    const split = clusterPairs(["a", "b", "c", "d"], pairs, { threshold: 0.9, chaining: "split" });
    expect(split.map((c) => c.members)).toEqual([["a", "b"], ["c", "d"]]);
    expect(split.map((c) => c.cluster_id)).toEqual(["a", "c"]);
    expect(split.every((c) => c.splitFrom === "a")).toBe(true);
  });

  test("keeps cluster ids when unrelated records come and go", () => {
    const before = clusterPairs(["5", "7", "8"], [{ a: "7", b: "8", probability: 0.99 }]);
    const after = clusterPairs(["1", "5", "7", "8", "9"], [
      { a: "7", b: "8", probability: 0.99 },
      { a: "1", b: "9", probability: 0.99 },
    ]);
    const idOf = (cs: typeof before, m: string) => cs.find((c) => c.members.includes(m))!.cluster_id;
    expect(idOf(after, "8")).toBe(idOf(before, "8"));
    expect(idOf(after, "5")).toBe("5");
  });
});

describe("compareIds", () => {
  test("sorts numbers numerically and text as text", () => {
    expect(["10", "9", "b", "a"].sort(compareIds)).toEqual(["9", "10", "a", "b"]);
  });
});
