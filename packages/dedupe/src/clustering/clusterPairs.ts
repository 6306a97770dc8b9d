import { createUnionFind } from "../_internal/unionFind.ts";
import { agglomerateClusters, pairEvidence } from "./agglomerateClusters.ts";
import { assignClusterIds, preferredClusterId } from "./assignClusterIds.ts";
import { centerClusters } from "./centerClusters.ts";
import { compareIds, sortByIds } from "./compareIds.ts";
import { toScoredGraph, type ScoredGraph } from "./scoredGraph.ts";
import { splitChains } from "./splitChains.ts";

/**
 * How linked records form clusters: `connected` (connected components), `center` (stars around centres),
 * `mergeCenter` (stars whose centres are linked merge) or `agglomerative` (merge while the scored pairs
 * between two clusters favour a match, below-threshold pairs counting against).
 */
export type ClusteringMethod = "connected" | "center" | "mergeCenter" | "agglomerative";

/** One cluster of records that refer to the same entity. */
export interface Cluster {
  /** Stable id: the smallest member id (numeric order when ids are numbers), or the id it had before. */
  readonly cluster_id: string;
  readonly size: number;
  readonly members: readonly string[];
  /**
   * Lowest match probability among the links that hold the cluster together: with `connected` and
   * `agglomerative` the pairs at or above the threshold inside it, with `center` each member's link to its
   * centre, with `mergeCenter` those and the centre-centre links that merged stars. For a part the chaining
   * guard cut out: the pairs at or above the threshold inside the part.
   */
  readonly weakestLink: number;
  /** Members (three or more) have a scored pair below `chainingMinProbability`: linked only through others. */
  readonly chained: boolean;
  /**
   * Set when the cluster is only part of the records its links connect (the cluster `connected` would form):
   * that group's id. With `connected` only the chaining guard (`split`) cuts groups; the other methods do.
   */
  readonly splitFrom?: string;
}

/** Options of {@link clusterPairs}. */
export interface ClusterPairsOptions {
  /** Pairs at or above this match probability link their records. Default 0.9. */
  readonly threshold?: number;
  /** How linked records form clusters. Default `connected`. */
  readonly method?: ClusteringMethod;
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
  /** Clusters of two or more records. */
  readonly clusters: Cluster[];
  /** Highest link probability of each record inside its cluster; 1 for singletons. */
  readonly probability: Float64Array;
}

export interface IndexedClusterInput {
  readonly ids: readonly string[];
  /** Pair codes `i * n + j`. */
  readonly codes: Float64Array;
  readonly probabilities: Float64Array;
  readonly threshold: number;
  /** Default `connected`. */
  readonly method?: ClusteringMethod;
  readonly chaining: "off" | "flag" | "split";
  readonly chainingMinProbability: number;
  /** Existing cluster id per record (incremental runs); its smallest value wins over member ids. */
  readonly previousId?: readonly (string | undefined)[];
  /** Extra links that always hold (records already clustered together). */
  readonly fixedLinks?: readonly (readonly [number, number])[];
}

/** Clusters larger than this are flagged but not cut by the chaining guard. */
const GUARD_MAX = 5000;

interface Found {
  readonly members: number[];
  readonly edges: readonly number[];
  readonly chained: boolean;
  readonly splitFrom: string | undefined;
  /** The method's weakest link, when it has its own. */
  readonly weakest: number | undefined;
}

/**
 * Clusters indexed records: connected components of the pairs at or above the threshold (and the fixed links),
 * each divided by the method, then checked (and cut) by the chaining guard, named with stable ids.
 * @param input - records, scored pairs, threshold, method and guard
 * @returns each record's cluster, the clusters of two or more records and each record's link probability
 * @example
 * const ids = ["a", "b", "c"];
 * clusterIndexed({ ids, codes: Float64Array.of(1), probabilities: Float64Array.of(0.99), threshold: 0.9, chaining: "flag", chainingMinProbability: 0.01 }).clusters[0]?.members
 * //=> ["a", "b"]
 */
export function clusterIndexed(input: IndexedClusterInput): IndexedClusters {
  const { ids, threshold } = input;
  const n = ids.length;
  const method = input.method ?? "connected";
  const graph = toScoredGraph(n, input.codes, input.probabilities);
  const { a, b, p } = graph;
  const fixedLinks = input.fixedLinks ?? [];
  const uf = createUnionFind(n);
  for (let e = 0; e < p.length; e++) if (p[e]! >= threshold) uf.union(a[e]!, b[e]!);
  for (const [i, j] of fixedLinks) uf.union(i, j);
  const root = new Int32Array(n);
  const rootSize = new Int32Array(n);
  for (let i = 0; i < n; i++) rootSize[(root[i] = uf.find(i))]!++;

  // Components of two or more records, numbered by their first record; members in index order, or in id
  // order for the methods that read it.
  const comp = new Int32Array(n).fill(-1);
  const compOfRoot = new Int32Array(n).fill(-1);
  const linked: number[] = [];
  let components = 0;
  for (let i = 0; i < n; i++) {
    if (rootSize[root[i]!]! < 2) continue;
    linked.push(i);
    if (compOfRoot[root[i]!] === -1) compOfRoot[root[i]!] = components++;
    comp[i] = compOfRoot[root[i]!]!;
  }
  const rank = new Int32Array(n).fill(-1);
  const order = method === "connected" ? linked : sortByIds(ids, linked);
  order.forEach((i, r) => (rank[i] = r));
  const memberStart = new Int32Array(components + 1);
  for (const i of linked) memberStart[comp[i]! + 1]!++;
  for (let c = 0; c < components; c++) memberStart[c + 1]! += memberStart[c]!;
  const members = new Int32Array(linked.length);
  const memberFill = memberStart.slice(0, components);
  for (const i of order) members[memberFill[comp[i]!]!++] = i;
  const edgeStart = new Int32Array(components + 1);
  for (let e = 0; e < p.length; e++) if (root[a[e]!] === root[b[e]!] && comp[a[e]!] !== -1) edgeStart[comp[a[e]!]! + 1]!++;
  for (let c = 0; c < components; c++) edgeStart[c + 1]! += edgeStart[c]!;
  const edges = new Int32Array(edgeStart[components]!);
  const edgeFill = edgeStart.slice(0, components);
  for (let e = 0; e < p.length; e++) if (root[a[e]!] === root[b[e]!] && comp[a[e]!] !== -1) edges[edgeFill[comp[a[e]!]!]!++] = e;

  let groupOf: Int32Array | undefined;
  if (fixedLinks.length > 0) {
    const groups = createUnionFind(n);
    for (const [i, j] of fixedLinks) groups.union(i, j);
    groupOf = Int32Array.from({ length: n }, (_, i) => groups.find(i));
  }
  const fixedPairs = new Set(fixedLinks.map(([i, j]) => (i < j ? `${i},${j}` : `${j},${i}`)));
  const isFixed = (e: number): boolean =>
    fixedPairs.size > 0 && fixedPairs.has(a[e]! < b[e]! ? `${a[e]!},${b[e]!}` : `${b[e]!},${a[e]!}`);
  const fixedOf = new Map<number, (readonly [number, number])[]>();
  for (const link of fixedLinks) {
    const c = comp[link[0]]!;
    (fixedOf.get(c) ?? fixedOf.set(c, []).get(c)!).push(link);
  }

  const { label, hold } = divide(method, { graph, threshold, rank, groupOf, components, members, memberStart, edges, edgeStart });
  const found: Found[] = [];
  for (let c = 0; c < components; c++) {
    const compMembers = Array.from(members.subarray(memberStart[c]!, memberStart[c + 1]!));
    const compEdges = edges.subarray(edgeStart[c]!, edgeStart[c + 1]!);
    const parts = new Map<number, { members: number[]; edges: number[] }>();
    for (const m of compMembers) {
      const l = label?.[m] ?? -1;
      (parts.get(l) ?? parts.set(l, { members: [], edges: [] }).get(l)!).members.push(m);
    }
    for (const e of compEdges) {
      const l = label?.[a[e]!] ?? -1;
      if (l === (label?.[b[e]!] ?? -1)) parts.get(l)!.edges.push(e);
    }
    const whole = parts.size === 1;
    const compId = whole ? undefined : preferredClusterId(compMembers, ids, input.previousId);
    for (const part of parts.values()) {
      if (part.members.length < 2) continue;
      const conflict =
        part.members.length >= 3 &&
        input.chaining !== "off" &&
        part.edges.some((e) => p[e]! < input.chainingMinProbability && !isFixed(e));
      if (conflict && input.chaining === "split" && part.members.length <= GUARD_MAX) {
        const cut = splitChains({
          graph,
          ids,
          members: part.members,
          edges: part.edges,
          fixed: fixedOf.get(c) ?? [],
          threshold,
          minProbability: input.chainingMinProbability,
          isFixed,
        });
        if (cut.length > 1) {
          const parentId = compId ?? preferredClusterId(compMembers, ids, input.previousId);
          const pieceOf = new Map<number, number>();
          cut.forEach((piece, k) => {
            for (const m of piece) pieceOf.set(m, k);
          });
          const pieceEdges = cut.map((): number[] => []);
          for (const e of part.edges) {
            const k = pieceOf.get(a[e]!)!;
            if (k === pieceOf.get(b[e]!)) pieceEdges[k]!.push(e);
          }
          cut.forEach((piece, k) => {
            if (piece.length > 1) found.push({ members: piece, edges: pieceEdges[k]!, chained: false, splitFrom: parentId, weakest: undefined });
          });
          continue;
        }
      }
      let weakest: number | undefined;
      if (hold !== undefined) {
        for (const m of part.members) {
          const h = hold[groupOf?.[m] ?? m]!;
          if (h === h && (weakest === undefined || h < weakest)) weakest = h;
        }
      }
      found.push({ members: part.members, edges: part.edges, chained: conflict, splitFrom: compId, weakest });
    }
  }
  return emit(found, input, graph);
}

interface DivideInput {
  readonly graph: ScoredGraph;
  readonly threshold: number;
  readonly rank: Int32Array;
  readonly groupOf: Int32Array | undefined;
  readonly components: number;
  readonly members: Int32Array;
  readonly memberStart: Int32Array;
  readonly edges: Int32Array;
  readonly edgeStart: Int32Array;
}

/** Each record's cluster label inside its component (undefined: the component stays whole), and the links that hold. */
function divide(method: ClusteringMethod, d: DivideInput): { label: Int32Array | undefined; hold: Float64Array | undefined } {
  const { graph, threshold } = d;
  const n = graph.n;
  if (method === "connected") return { label: undefined, hold: undefined };
  if (method === "center" || method === "mergeCenter") {
    const strong: number[] = [];
    for (let e = 0; e < graph.p.length; e++) if (graph.p[e]! >= threshold) strong.push(e);
    const atomOf = d.groupOf ?? Int32Array.from({ length: n }, (_, i) => i);
    return centerClusters({ graph, strong, atomOf, rank: d.rank, merge: method === "mergeCenter" });
  }
  // agglomerative, component by component. Evidence is counted from even odds (or from the threshold when it
  // is lower, so that one matching pair always links): a component with no pair below that stays whole.
  const neutral = Math.min(0.5, threshold);
  const label = new Int32Array(n).fill(-1);
  const local = new Int32Array(n);
  for (let c = 0; c < d.components; c++) {
    const from = d.memberStart[c]!;
    const size = d.memberStart[c + 1]! - from;
    const compEdges = d.edges.subarray(d.edgeStart[c]!, d.edgeStart[c + 1]!);
    let against = false;
    for (const e of compEdges) if (graph.p[e]! < neutral) against = true;
    if (size < 3 || !against) continue;
    for (let k = 0; k < size; k++) local[d.members[from + k]!] = k;
    const ea = new Int32Array(compEdges.length);
    const eb = new Int32Array(compEdges.length);
    const evidence = new Float64Array(compEdges.length);
    const strong = new Uint8Array(compEdges.length);
    compEdges.forEach((e, k) => {
      ea[k] = local[graph.a[e]!]!;
      eb[k] = local[graph.b[e]!]!;
      evidence[k] = pairEvidence(graph.p[e]!, neutral);
      strong[k] = graph.p[e]! >= threshold ? 1 : 0;
    });
    const groupOf = d.groupOf === undefined ? undefined : Int32Array.from({ length: size }, (_, k) => local[d.groupOf![d.members[from + k]!]!]!);
    const parts = agglomerateClusters({ size, a: ea, b: eb, evidence, strong, ...(groupOf === undefined ? {} : { groupOf }) });
    for (let k = 0; k < size; k++) label[d.members[from + k]!] = d.members[from + parts[k]!]!;
  }
  return { label, hold: undefined };
}

/** Names the clusters found and fills each record's cluster and link probability. */
function emit(found: readonly Found[], input: IndexedClusterInput, graph: ScoredGraph): IndexedClusters {
  const { ids, threshold } = input;
  const { a, b, p } = graph;
  const clusterOf = new Int32Array(ids.length).fill(-1);
  const probability = new Float64Array(ids.length).fill(1);
  const memberIds = found.map((f) => f.members.map((m) => ids[m]!).sort(compareIds));
  const names = assignClusterIds(
    memberIds,
    found.map((f) => f.members),
    input.previousId,
  );
  const clusters: Cluster[] = found.map((f, k) => {
    for (const m of f.members) {
      clusterOf[m] = k;
      probability[m] = -1;
    }
    let weakest = 1;
    for (const e of f.edges) {
      const pe = p[e]!;
      if (pe < threshold) continue;
      if (pe < weakest) weakest = pe;
      if (pe > probability[a[e]!]!) probability[a[e]!] = pe;
      if (pe > probability[b[e]!]!) probability[b[e]!] = pe;
    }
    // Records held only by fixed links.
    for (const m of f.members) if (probability[m]! < 0) probability[m] = threshold;
    return {
      cluster_id: names[k]!,
      size: f.members.length,
      members: memberIds[k]!,
      weakestLink: f.weakest ?? weakest,
      chained: f.chained,
      ...(f.splitFrom === undefined ? {} : { splitFrom: f.splitFrom }),
    };
  });
  return { clusterOf, clusters, probability };
}

/**
 * Groups records into clusters: connected components of the pairs whose match probability reaches the
 * threshold (union-find), or, with `method`, stars around centres (`center`, `mergeCenter`) or clusters
 * merged while their scored pairs, below-threshold ones included, favour a match (`agglomerative`).
 * Cluster ids are the smallest member id, so they stay put when unrelated records change; the same pairs
 * give the same clusters in any order. The chaining guard flags (or splits at the weakest link) clusters
 * whose members also have a scored pair far below the threshold, the mark of A~B~C chains where A and C differ.
 * @param ids - every record id (singletons included)
 * @param pairs - scored pairs of ids
 * @param options - threshold, method and chaining guard
 * @returns the clusters, singletons included
 * @example
 * clusterPairs(["1", "2", "3"], [{ a: "1", b: "2", probability: 0.99 }]).map((c) => c.members)
 * //=> [["1", "2"], ["3"]]
 * const pairs = [{ a: "a", b: "b", probability: 0.99 }, { a: "b", b: "c", probability: 0.95 }, { a: "a", b: "c", probability: 0.001 }];
 * clusterPairs(["a", "b", "c"], pairs, { method: "agglomerative" }).map((c) => c.members)
 * //=> [["a", "b"], ["c"]]
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
    method: options.method ?? "connected",
    chaining: options.chaining ?? "flag",
    chainingMinProbability: options.chainingMinProbability ?? 0.01,
  });
  const out = [...result.clusters];
  for (let i = 0; i < n; i++) {
    if (result.clusterOf[i] === -1) out.push({ cluster_id: ids[i]!, size: 1, members: [ids[i]!], weakestLink: 1, chained: false });
  }
  return out;
}
