import { describe, expect, test } from "vitest";
import { createRandom } from "../_internal/random.ts";
import { clusterIndexed, clusterPairs, type Cluster, type ScoredIdPair } from "./clusterPairs.ts";
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

const METHODS = ["connected", "center", "mergeCenter", "agglomerative"] as const;

/** Two entities x and y of three records each, joined by one strong pair x3-y1 whose neighbours disagree. */
function twoEntities(crossProbability: number): { ids: string[]; pairs: ScoredIdPair[] } {
  const ids = ["x1", "x2", "x3", "y1", "y2", "y3"];
  const pairs: ScoredIdPair[] = [
    { a: "x1", b: "x2", probability: 0.999 },
    { a: "x1", b: "x3", probability: 0.998 },
    { a: "x2", b: "x3", probability: 0.997 },
    { a: "y1", b: "y2", probability: 0.999 },
    { a: "y1", b: "y3", probability: 0.998 },
    { a: "y2", b: "y3", probability: 0.997 },
    { a: "x3", b: "y1", probability: 0.95 },
    { a: "x2", b: "y1", probability: crossProbability },
    { a: "x3", b: "y2", probability: crossProbability },
  ];
  return { ids, pairs };
}

/** A clique of `size` records, every pair strong (0.91 to 0.999, seeded). */
function clique(size: number): { ids: string[]; pairs: ScoredIdPair[] } {
  const random = createRandom(7);
  const ids = Array.from({ length: size }, (_, k) => `r${k}`);
  const pairs: ScoredIdPair[] = [];
  for (let i = 0; i < size; i++) for (let j = i + 1; j < size; j++) pairs.push({ a: ids[i]!, b: ids[j]!, probability: 0.91 + 0.089 * random() });
  return { ids, pairs };
}

const membersOf = (clusters: readonly Cluster[]): string[][] => clusters.filter((c) => c.size > 1).map((c) => [...c.members]);

describe("clusterPairs methods", () => {
  test("connected components chain two entities through one strong pair", () => {
    const { ids, pairs } = twoEntities(0.001);
    const clusters = clusterPairs(ids, pairs, { method: "connected", chaining: "flag" });
    expect(membersOf(clusters)).toEqual([ids]);
    expect(clusters[0]!.chained).toBe(true);
    expect(clusters[0]!.weakestLink).toBe(0.95);
  });

  test.each(["center", "mergeCenter", "agglomerative"] as const)("%s separates the two entities", (method) => {
    const { ids, pairs } = twoEntities(0.001);
    const clusters = clusterPairs(ids, pairs, { method, chaining: "off" });
    expect(membersOf(clusters)).toEqual([
      ["x1", "x2", "x3"],
      ["y1", "y2", "y3"],
    ]);
    expect(clusters.slice(0, 2).map((c) => [c.cluster_id, c.splitFrom])).toEqual([
      ["x1", "x1"],
      ["y1", "x1"],
    ]);
    expect(clusters.slice(0, 2).every((c) => !c.chained)).toBe(true);
  });

  test("agglomerative weighs below-threshold pairs that the chaining guard does not see", () => {
    // Cross pairs at 0.1 are no conflict for the guard (above chainingMinProbability) but count against a merge.
    const { ids, pairs } = twoEntities(0.1);
    expect(membersOf(clusterPairs(ids, pairs, { method: "connected", chaining: "split" }))).toEqual([ids]);
    expect(membersOf(clusterPairs(ids, pairs, { method: "agglomerative" }))).toEqual([
      ["x1", "x2", "x3"],
      ["y1", "y2", "y3"],
    ]);
  });

  test("agglomerative merges two clusters whose pairs favour a match on balance", () => {
    // One weak pair among strong ones: the summed evidence still favours the merge.
    const pairs: ScoredIdPair[] = [
      { a: "a", b: "b", probability: 0.999 },
      { a: "b", b: "c", probability: 0.999 },
      { a: "a", b: "c", probability: 0.5 },
    ];
    expect(membersOf(clusterPairs(["a", "b", "c"], pairs, { method: "agglomerative" }))).toEqual([["a", "b", "c"]]);
  });

  test.each(["connected", "mergeCenter", "agglomerative"] as const)("%s keeps a 30-record clique whole", (method) => {
    const { ids, pairs } = clique(30);
    for (const chaining of ["off", "flag", "split"] as const) {
      const clusters = clusterPairs(ids, pairs, { method, chaining });
      expect(clusters[0]).toMatchObject({ cluster_id: "r0", size: 30, chained: false });
      expect(clusters[0]!.splitFrom).toBeUndefined();
    }
  });

  test.each(METHODS)("%s keeps a 30-record clique with a few weak pairs inside whole", (method) => {
    const { ids, pairs } = clique(30);
    const noisy = pairs.map((pair, k) => (k % 97 === 5 ? { ...pair, probability: 0.2 } : pair));
    const even = noisy.map((pair) => (pair.probability > 0.5 ? { ...pair, probability: 0.99 } : pair));
    expect(clusterPairs(ids, method === "center" ? even : noisy, { method, chaining: "split" })[0]!.size).toBe(30);
  });

  test("center keeps a clique of equal pairs whole but divides one whose probabilities vary into stars", () => {
    const { ids, pairs } = clique(30);
    const even = pairs.map((pair) => ({ ...pair, probability: 0.99 }));
    expect(clusterPairs(ids, even, { method: "center" })[0]!.size).toBe(30);
    const stars = clusterPairs(ids, pairs, { method: "center" }).filter((c) => c.size > 1);
    expect(stars.length).toBeGreaterThan(1);
    expect(stars.every((c) => c.splitFrom === "r0")).toBe(true);
  });

  test.each(METHODS)("%s gives the same clusters whatever the order of records and pairs", (method) => {
    const random = createRandom(11);
    const ids = Array.from({ length: 80 }, (_, k) => String(k + 1));
    const pairs: ScoredIdPair[] = [];
    for (let k = 0; k < 400; k++) {
      const i = Math.floor(random() * 80);
      const j = (i + 1 + Math.floor(random() * 6)) % 80;
      // Few distinct probabilities, so that ties are common.
      const probability = [0.999, 0.99, 0.95, 0.95, 0.92, 0.5, 0.2, 0.005][Math.floor(random() * 8)]!;
      if (i !== j && !pairs.some((p) => (p.a === ids[i] && p.b === ids[j]) || (p.a === ids[j] && p.b === ids[i]))) {
        pairs.push({ a: ids[i]!, b: ids[j]!, probability });
      }
    }
    const shuffle = <T>(list: readonly T[]): T[] => {
      const out = [...list];
      for (let k = out.length - 1; k > 0; k--) {
        const r = Math.floor(random() * (k + 1));
        [out[k], out[r]] = [out[r]!, out[k]!];
      }
      return out;
    };
    const canonical = (clusters: readonly Cluster[]): Cluster[] => [...clusters].sort((x, y) => compareIds(x.cluster_id, y.cluster_id));
    for (const chaining of ["flag", "split"] as const) {
      const expected = canonical(clusterPairs(ids, pairs, { method, chaining }));
      for (let round = 0; round < 5; round++) {
        const swapped = shuffle(pairs).map((p) => (random() < 0.5 ? { a: p.b, b: p.a, probability: p.probability } : p));
        expect(canonical(clusterPairs(shuffle(ids), swapped, { method, chaining }))).toEqual(expected);
      }
    }
  });
});

describe("clusterIndexed", () => {
  const ids = ["a", "b", "c", "d"];
  const n = ids.length;
  const code = (i: number, j: number): number => i * n + j;

  test.each(METHODS)("%s never separates fixed links, even past the chaining guard", (method) => {
    const result = clusterIndexed({
      ids,
      codes: Float64Array.of(code(0, 1), code(1, 2), code(0, 2)),
      probabilities: Float64Array.of(0.001, 0.99, 0.001),
      threshold: 0.9,
      method,
      chaining: "split",
      chainingMinProbability: 0.01,
      fixedLinks: [[0, 1]],
    });
    expect(result.clusterOf[0]).toBe(result.clusterOf[1]);
    expect(result.clusterOf[0]).not.toBe(-1);
  });

  test("keeps previous cluster ids, and gives a split cluster's id to its larger part", () => {
    const result = clusterIndexed({
      ids,
      codes: Float64Array.of(code(0, 1), code(1, 2), code(2, 3), code(0, 3)),
      probabilities: Float64Array.of(0.97, 0.93, 0.99, 0.0001),
      threshold: 0.9,
      chaining: "split",
      chainingMinProbability: 0.01,
      previousId: ["K", "K", "K", undefined],
    });
    expect(result.clusters.map((c) => [c.cluster_id, c.members, c.splitFrom])).toEqual([
      ["K", ["a", "b"], "K"],
      ["c", ["c", "d"], "K"],
    ]);
  });

  test("lists a record the guard cuts off alone as a singleton, not as a cluster", () => {
    const result = clusterIndexed({
      ids,
      codes: Float64Array.of(code(0, 1), code(1, 2), code(0, 2)),
      probabilities: Float64Array.of(0.97, 0.93, 0.001),
      threshold: 0.9,
      chaining: "split",
      chainingMinProbability: 0.01,
    });
    expect(result.clusters.map((c) => c.members)).toEqual([["a", "b"]]);
    expect([...result.clusterOf]).toEqual([0, 0, -1, -1]);
    expect(result.probability[2]).toBe(1);
  });

  test("gives each member its strongest link inside its cluster as its probability", () => {
    const result = clusterIndexed({
      ids,
      codes: Float64Array.of(code(0, 1), code(1, 2), code(2, 3)),
      probabilities: Float64Array.of(0.99, 0.95, 0.2),
      threshold: 0.9,
      method: "center",
      chaining: "flag",
      chainingMinProbability: 0.01,
    });
    expect([...result.probability]).toEqual([0.99, 0.99, 0.95, 1]);
    expect(result.clusters[0]).toMatchObject({ members: ["a", "b", "c"], weakestLink: 0.95 });
  });
});
