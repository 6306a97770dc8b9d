import { createUnionFind } from "../_internal/unionFind.ts";
import { sortByIds } from "./compareIds.ts";
import type { ScoredGraph } from "./scoredGraph.ts";

/** Input of {@link splitChains}: one cluster. */
export interface SplitChainsInput {
  readonly graph: ScoredGraph;
  readonly ids: readonly string[];
  /** The cluster's records (indices). */
  readonly members: readonly number[];
  /** Scored pairs inside the cluster (indices into the graph). */
  readonly edges: readonly number[];
  /** Links that always hold (records already clustered together); never cut. */
  readonly fixed: readonly (readonly [number, number])[];
  /** Pairs at or above it link records. */
  readonly threshold: number;
  /** Pairs below it are conflicts: their records must part. */
  readonly minProbability: number;
  /** Whether pair `e` is one of the fixed links (then it is no conflict). */
  readonly isFixed: (e: number) => boolean;
}

/**
 * The chaining guard's cut: builds the maximum spanning forest of the cluster's strong pairs (and fixed links),
 * then, for each conflict (a scored pair below `minProbability`, weakest first), removes the weakest link on
 * the path between its records, until every conflict's records part. Ties go by probability, then by the
 * records' id order, so the cut does not depend on the input order.
 * @param input - the cluster, its pairs and the guard's limits
 * @returns the parts, each listing its records in the order of `members`
 */
export function splitChains(input: SplitChainsInput): number[][] {
  const { graph, members } = input;
  const size = members.length;
  const local = new Map<number, number>();
  members.forEach((m, k) => local.set(m, k));
  const rank = new Int32Array(size);
  sortByIds(input.ids, members).forEach((m, r) => (rank[local.get(m)!] = r));
  const ends = (e: number): [number, number] => {
    const x = local.get(graph.a[e]!)!;
    const y = local.get(graph.b[e]!)!;
    return rank[x]! < rank[y]! ? [x, y] : [y, x];
  };
  const byIds = (e: number, f: number): number => {
    const [ex, ey] = ends(e);
    const [fx, fy] = ends(f);
    return rank[ex]! - rank[fx]! || rank[ey]! - rank[fy]!;
  };
  // Tree links: local ends and probability (Infinity for fixed links, which are never cut).
  const tx: number[] = [];
  const ty: number[] = [];
  const tp: number[] = [];
  const forest = createUnionFind(size);
  for (const [i, j] of input.fixed) {
    const x = local.get(i);
    const y = local.get(j);
    if (x === undefined || y === undefined || !forest.union(x, y)) continue;
    tx.push(x);
    ty.push(y);
    tp.push(Number.POSITIVE_INFINITY);
  }
  const strong = input.edges.filter((e) => graph.p[e]! >= input.threshold);
  strong.sort((e, f) => graph.p[f]! - graph.p[e]! || byIds(e, f));
  for (const e of strong) {
    const [x, y] = ends(e);
    if (!forest.union(x, y)) continue;
    tx.push(x);
    ty.push(y);
    tp.push(graph.p[e]!);
  }
  const around: number[][] = Array.from({ length: size }, () => []);
  tx.forEach((x, t) => {
    around[x]!.push(t);
    around[ty[t]!]!.push(t);
  });
  const removed = new Uint8Array(tx.length);
  const conflicts = input.edges.filter((e) => graph.p[e]! < input.minProbability && !input.isFixed(e));
  conflicts.sort((e, f) => graph.p[e]! - graph.p[f]! || byIds(e, f));
  // Each record's tree in the forest as cut so far: a conflict whose records already part costs nothing.
  const tree = Int32Array.from({ length: size }, (_, k) => forest.find(k));
  let trees = size;
  const seen = new Int32Array(size).fill(-1);
  const via = new Int32Array(size);
  const queue = new Int32Array(size);
  const other = (t: number, x: number): number => (tx[t] === x ? ty[t]! : tx[t]!);
  let round = 0;
  for (const e of conflicts) {
    const [from, to] = ends(e);
    if (tree[from] !== tree[to]) continue;
    // Breadth-first search for the tree path from `from` to `to`.
    round++;
    let head = 0;
    let tail = 0;
    queue[tail++] = from;
    seen[from] = round;
    via[from] = -1;
    while (head < tail && seen[to] !== round) {
      const x = queue[head++]!;
      for (const t of around[x]!) {
        if (removed[t]) continue;
        const y = other(t, x);
        if (seen[y] === round) continue;
        seen[y] = round;
        via[y] = t;
        queue[tail++] = y;
      }
    }
    let weakest = -1;
    for (let x = to; x !== from; x = other(via[x]!, x)) {
      const t = via[x]!;
      if (weakest === -1 || tp[t]! < tp[weakest]!) weakest = t;
    }
    if (weakest === -1 || tp[weakest] === Number.POSITIVE_INFINITY) continue;
    removed[weakest] = 1;
    round++;
    relabelSmallerSide(tx[weakest]!, ty[weakest]!, trees++, round);
  }

  /** Gives the smaller of the two trees a cut left (searched from both ends in turn) a new tree number. */
  function relabelSmallerSide(x: number, y: number, fresh: number, mark: number): void {
    const sides = [
      { queue: [x], head: 0 },
      { queue: [y], head: 0 },
    ];
    seen[x] = mark;
    seen[y] = mark;
    for (let turn = 0; ; turn ^= 1) {
      const side = sides[turn]!;
      if (side.head === side.queue.length) {
        for (const v of side.queue) tree[v] = fresh;
        return;
      }
      const v = side.queue[side.head++]!;
      for (const t of around[v]!) {
        if (removed[t]) continue;
        const w = other(t, v);
        if (seen[w] === mark) continue;
        seen[w] = mark;
        side.queue.push(w);
      }
    }
  }
  const parts = createUnionFind(size);
  tx.forEach((x, t) => {
    if (!removed[t]) parts.union(x, ty[t]!);
  });
  const groups = new Map<number, number[]>();
  members.forEach((m, k) => {
    const r = parts.find(k);
    (groups.get(r) ?? groups.set(r, []).get(r)!).push(m);
  });
  return [...groups.values()];
}
