import { createUnionFind } from "../_internal/unionFind.ts";
import type { ScoredGraph } from "./scoredGraph.ts";

const UNASSIGNED = 0;
const CENTRE = 1;
const MEMBER = 2;

/** Input of {@link centerClusters}. */
export interface CenterClustersInput {
  readonly graph: ScoredGraph;
  /** Pairs at or above the threshold (indices into the graph). */
  readonly strong: ArrayLike<number>;
  /** Each record's group of records held together from the start (its representative); a record is its own. */
  readonly atomOf: Int32Array;
  /** Each record's position in id order (smallest id first); -1 for records in no strong pair. */
  readonly rank: Int32Array;
  /** Merge two stars when their centres are linked (merge-centre). */
  readonly merge: boolean;
}

/** Stars found by {@link centerClusters}. */
export interface CenterClusters {
  /** Each record's cluster: a representative record index. Records left unassigned are their group's own. */
  readonly label: Int32Array;
  /**
   * Per group representative, the probability of the link that attached it: a member's link to its centre, or
   * (merge-centre) the centre-centre link that merged its star into another; NaN for the rest.
   */
  readonly hold: Float64Array;
}

/**
 * Centre clustering (Haveliwala et al.; Hassanzadeh et al., VLDB 2009) over the strong pairs: pairs are read by
 * probability, highest first (ties by the records' id order). When neither record is assigned, the one with more
 * strong pairs (ties: smaller id) becomes a centre and the other its member; an unassigned record meeting a centre
 * joins it; a record meeting a member joins nothing. With `merge`, two centres linked by a strong pair merge their
 * stars (merge-centre). Groups in `atomOf` move as one record. Same input, same stars, whatever the pair order.
 * @param input - the graph, its strong pairs, groups, id ranks and whether centres merge
 * @returns each record's cluster label and the links that attached them
 * @example
 * // a-b 0.99, b-c 0.95: b (two strong pairs) is the centre, a and c its members.
 * const graph = { n: 3, a: Int32Array.of(0, 1), b: Int32Array.of(1, 2), p: Float64Array.of(0.99, 0.95) };
 * centerClusters({ graph, strong: [0, 1], atomOf: Int32Array.of(0, 1, 2), rank: Int32Array.of(0, 1, 2), merge: false }).label
 * //=> Int32Array [1, 1, 1]
 */
export function centerClusters(input: CenterClustersInput): CenterClusters {
  const { graph, atomOf, merge } = input;
  const n = graph.n;
  // Rank of a group: its smallest member's.
  const groupRank = new Int32Array(n).fill(0x7fffffff);
  for (let i = 0; i < n; i++) {
    const r = input.rank[i]!;
    if (r >= 0 && r < groupRank[atomOf[i]!]!) groupRank[atomOf[i]!] = r;
  }
  const lo: number[] = [];
  const hi: number[] = [];
  const prob: number[] = [];
  const degree = new Int32Array(n);
  for (let k = 0; k < input.strong.length; k++) {
    const e = input.strong[k]!;
    let x = atomOf[graph.a[e]!]!;
    let y = atomOf[graph.b[e]!]!;
    if (x === y) continue;
    if (groupRank[y]! < groupRank[x]!) [x, y] = [y, x];
    lo.push(x);
    hi.push(y);
    prob.push(graph.p[e]!);
    degree[x]!++;
    degree[y]!++;
  }
  const order = Array.from(lo.keys()).sort(
    (s, t) => prob[t]! - prob[s]! || groupRank[lo[s]!]! - groupRank[lo[t]!]! || groupRank[hi[s]!]! - groupRank[hi[t]!]!,
  );
  const state = new Uint8Array(n);
  const centre = new Int32Array(n).fill(-1);
  const hold = new Float64Array(n).fill(Number.NaN);
  const stars = createUnionFind(merge ? n : 0);
  for (const s of order) {
    const x = lo[s]!;
    const y = hi[s]!;
    const sx = state[x]!;
    const sy = state[y]!;
    if (sx === UNASSIGNED && sy === UNASSIGNED) {
      const xFirst = degree[x]! > degree[y]! || (degree[x] === degree[y] && groupRank[x]! < groupRank[y]!);
      const c = xFirst ? x : y;
      const m = xFirst ? y : x;
      state[c] = CENTRE;
      centre[c] = c;
      state[m] = MEMBER;
      centre[m] = c;
      hold[m] = prob[s]!;
    } else if (sx === CENTRE && sy === UNASSIGNED) {
      state[y] = MEMBER;
      centre[y] = x;
      hold[y] = prob[s]!;
    } else if (sy === CENTRE && sx === UNASSIGNED) {
      state[x] = MEMBER;
      centre[x] = y;
      hold[x] = prob[s]!;
    } else if (merge && sx === CENTRE && sy === CENTRE) {
      const rx = stars.find(x);
      const ry = stars.find(y);
      if (rx !== ry) {
        stars.union(rx, ry);
        hold[stars.find(rx) === rx ? ry : rx] = prob[s]!;
      }
    }
  }
  const label = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const g = atomOf[i]!;
    const c = centre[g]!;
    label[i] = c === -1 ? g : merge ? stars.find(c) : c;
  }
  return { label, hold };
}
