import { createUnionFind } from "../_internal/unionFind.ts";
import { compareIds } from "./compareIds.ts";

/** One cluster of records that refer to the same entity. */
export interface Cluster {
  /** Stable id: the smallest member id (numeric order when ids are numbers), or the id it had before. */
  readonly cluster_id: string;
  readonly size: number;
  readonly members: readonly string[];
  /** Lowest match probability among the links that hold the cluster together. */
  readonly weakestLink: number;
  /** Members have a scored pair below `chainingMinProbability`: linked only through others. */
  readonly chained: boolean;
  /** Set when the chaining guard cut this cluster out of a larger one. */
  readonly splitFrom?: string;
}

/** Options of {@link clusterPairs}. */
export interface ClusterPairsOptions {
  /** Pairs at or above this match probability link their records. Default 0.9. */
  readonly threshold?: number;
  /** `off`, `flag` or `split`. Default `flag`. */
  readonly chaining?: "off" | "flag" | "split";
  /** A scored pair inside a cluster below this probability makes it chained. Default 0.01. */
  readonly chainingMinProbability?: number;
}

/** A scored pair of record ids, as given to {@link clusterPairs}. */
export interface ScoredIdPair {
  readonly a: string;
  readonly b: string;
  readonly probability: number;
}

/** Result of clustering indexed records. */
export interface IndexedClusters {
  /** Cluster of each record, an index into `clusters`; -1 for a record alone (its cluster id is its own id). */
  readonly clusterOf: Int32Array;
  readonly clusters: Cluster[];
  /** Highest link probability of each record inside its cluster; 1 for singletons. */
  readonly probability: Float64Array;
}

interface Edge {
  readonly i: number;
  readonly j: number;
  readonly p: number;
}

export interface IndexedClusterInput {
  readonly ids: readonly string[];
  /** Pair codes `i * n + j`. */
  readonly codes: Float64Array;
  readonly probabilities: Float64Array;
  readonly threshold: number;
  readonly chaining: "off" | "flag" | "split";
  readonly chainingMinProbability: number;
  /** Existing cluster id per record (incremental runs); its smallest value wins over member ids. */
  readonly previousId?: readonly (string | undefined)[];
  /** Extra links that always hold (records already clustered together). */
  readonly fixedLinks?: readonly (readonly [number, number])[];
}

const GUARD_MAX = 5000;

function splitCluster(members: readonly number[], edges: readonly Edge[], threshold: number, minP: number): number[][] {
  const local = new Map<number, number>();
  members.forEach((m, k) => local.set(m, k));
  const strong = edges.filter((e) => e.p >= threshold).sort((x, y) => y.p - x.p);
  const uf = createUnionFind(members.length);
  const tree: Edge[] = [];
  for (const e of strong) if (uf.union(local.get(e.i)!, local.get(e.j)!)) tree.push(e);
  const conflicts = edges.filter((e) => e.p < minP).sort((x, y) => x.p - y.p);
  const removed = new Set<Edge>();
  for (const c of conflicts) {
    // Path from c.i to c.j in the remaining tree, by breadth-first search.
    const adj = new Map<number, Edge[]>();
    for (const e of tree) {
      if (removed.has(e)) continue;
      (adj.get(e.i) ?? adj.set(e.i, []).get(e.i)!).push(e);
      (adj.get(e.j) ?? adj.set(e.j, []).get(e.j)!).push(e);
    }
    const via = new Map<number, Edge | null>([[c.i, null]]);
    const queue = [c.i];
    while (queue.length > 0 && !via.has(c.j)) {
      const x = queue.shift()!;
      for (const e of adj.get(x) ?? []) {
        const y = e.i === x ? e.j : e.i;
        if (!via.has(y)) {
          via.set(y, e);
          queue.push(y);
        }
      }
    }
    if (!via.has(c.j)) continue;
    let weakest: Edge | undefined;
    for (let x = c.j; x !== c.i; ) {
      const e = via.get(x)!;
      if (!weakest || e.p < weakest.p) weakest = e;
      x = e.i === x ? e.j : e.i;
    }
    if (weakest) removed.add(weakest);
  }
  const parts = createUnionFind(members.length);
  for (const e of tree) if (!removed.has(e)) parts.union(local.get(e.i)!, local.get(e.j)!);
  const groups = new Map<number, number[]>();
  members.forEach((m, k) => {
    const r = parts.find(k);
    (groups.get(r) ?? groups.set(r, []).get(r)!).push(m);
  });
  return [...groups.values()];
}

/** Connected components over pairs above the threshold, with stable ids and the chaining guard. */
export function clusterIndexed(input: IndexedClusterInput): IndexedClusters {
  const n = input.ids.length;
  const { codes, probabilities: probs, threshold } = input;
  const uf = createUnionFind(n);
  for (let p = 0; p < codes.length; p++) {
    if (probs[p]! < threshold) continue;
    const i = Math.floor(codes[p]! / n);
    uf.union(i, codes[p]! - i * n);
  }
  for (const [i, j] of input.fixedLinks ?? []) uf.union(i, j);
  const size = new Int32Array(n);
  for (let i = 0; i < n; i++) size[uf.find(i)]!++;
  // Edges (scored pairs) inside multi-record components.
  const edgesOf = new Map<number, Edge[]>();
  for (let p = 0; p < codes.length; p++) {
    const i = Math.floor(codes[p]! / n);
    const j = codes[p]! - i * n;
    const r = uf.find(i);
    if (r !== uf.find(j)) continue;
    (edgesOf.get(r) ?? edgesOf.set(r, []).get(r)!).push({ i, j, p: probs[p]! });
  }
  const membersOf = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = uf.find(i);
    if (size[r]! < 2) continue;
    (membersOf.get(r) ?? membersOf.set(r, []).get(r)!).push(i);
  }
  const clusterOf = new Int32Array(n).fill(-1);
  const probability = new Float64Array(n).fill(1);
  const clusters: Cluster[] = [];
  const fixed = new Set<string>();
  for (const [a, b] of input.fixedLinks ?? []) fixed.add(a < b ? `${a},${b}` : `${b},${a}`);

  const clusterId = (members: readonly number[]): string => {
    let best: string | undefined;
    for (const m of members) {
      const prev = input.previousId?.[m];
      if (prev !== undefined && (best === undefined || compareIds(prev, best) < 0)) best = prev;
    }
    if (best !== undefined) return best;
    for (const m of members) {
      const id = input.ids[m]!;
      if (best === undefined || compareIds(id, best) < 0) best = id;
    }
    return best!;
  };

  const emit = (members: readonly number[], edges: readonly Edge[], chained: boolean, splitFrom?: string): void => {
    const k = clusters.length;
    let weakest = 1;
    if (members.length === 2 && splitFrom === undefined) {
      // The common case: one pair, no bookkeeping.
      let p = -1;
      for (const e of edges) {
        if (e.p < threshold) continue;
        if (e.p < weakest) weakest = e.p;
        if (e.p > p) p = e.p;
      }
      if (p < 0) p = threshold;
      const [a, b] = members as [number, number];
      clusterOf[a] = k;
      clusterOf[b] = k;
      probability[a] = p;
      probability[b] = p;
      const ida = input.ids[a]!;
      const idb = input.ids[b]!;
      const memberIds = compareIds(ida, idb) <= 0 ? [ida, idb] : [idb, ida];
      clusters.push({ cluster_id: clusterId(members), size: 2, members: memberIds, weakestLink: weakest, chained });
      return;
    }
    const inside = new Set(members);
    const best = new Map<number, number>();
    for (const e of edges) {
      if (e.p < threshold || !inside.has(e.i) || !inside.has(e.j)) continue;
      if (e.p < weakest) weakest = e.p;
      if (e.p > (best.get(e.i) ?? -1)) best.set(e.i, e.p);
      if (e.p > (best.get(e.j) ?? -1)) best.set(e.j, e.p);
    }
    for (const m of members) {
      clusterOf[m] = k;
      probability[m] = members.length === 1 ? 1 : (best.get(m) ?? threshold);
    }
    const memberIds = members.map((m) => input.ids[m]!).sort(compareIds);
    clusters.push({
      cluster_id: clusterId(members),
      size: members.length,
      members: memberIds,
      weakestLink: members.length === 1 ? 1 : weakest,
      chained,
      ...(splitFrom === undefined ? {} : { splitFrom }),
    });
  };

  for (const [r, members] of membersOf) {
    const edges = edgesOf.get(r) ?? [];
    const conflict = members.length >= 3 && input.chaining !== "off" && edges.some((e) => e.p < input.chainingMinProbability && !fixed.has(`${e.i},${e.j}`));
    if (conflict && input.chaining === "split" && members.length <= GUARD_MAX) {
      const parent = clusterId(members);
      const parts = splitCluster(members, edges, threshold, input.chainingMinProbability);
      if (parts.length > 1) {
        // Each part takes its own smallest id, so the part holding the parent's id keeps it.
        for (const part of parts) emit(part, edges, false, parent);
        continue;
      }
    }
    emit(members, edges, conflict);
  }
  return { clusterOf, clusters, probability };
}

/**
 * Groups records into clusters: connected components of the pairs whose match probability reaches the
 * threshold, found with union-find. Cluster ids are the smallest member id, so they stay put when
 * unrelated records change. The chaining guard flags (or splits at the weakest link) clusters whose
 * members also have a scored pair far below the threshold, the mark of A~B~C chains where A and C differ.
 * @param ids - every record id (singletons included)
 * @param pairs - scored pairs of ids
 * @param options - threshold and chaining guard
 * @returns the clusters, singletons included
 * @example
 * clusterPairs(["1", "2", "3"], [{ a: "1", b: "2", probability: 0.99 }]).map((c) => c.members)
 * //=> [["1", "2"], ["3"]]
 */
export function clusterPairs(ids: readonly string[], pairs: readonly ScoredIdPair[], options: ClusterPairsOptions = {}): Cluster[] {
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));
  const n = ids.length;
  const codes: number[] = [];
  const probs: number[] = [];
  for (const p of pairs) {
    const i = index.get(p.a);
    const j = index.get(p.b);
    if (i === undefined || j === undefined || i === j) continue;
    codes.push(i < j ? i * n + j : j * n + i);
    probs.push(p.probability);
  }
  const result = clusterIndexed({
    ids,
    codes: Float64Array.from(codes),
    probabilities: Float64Array.from(probs),
    threshold: options.threshold ?? 0.9,
    chaining: options.chaining ?? "flag",
    chainingMinProbability: options.chainingMinProbability ?? 0.01,
  });
  const out = [...result.clusters];
  for (let i = 0; i < n; i++) {
    if (result.clusterOf[i] === -1) out.push({ cluster_id: ids[i]!, size: 1, members: [ids[i]!], weakestLink: 1, chained: false });
  }
  return out;
}
