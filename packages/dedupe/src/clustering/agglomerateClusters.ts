import { createLinkHeap } from "./linkHeap.ts";

/** Match weights are clamped to this many bits, so that no single pair (or probability 0 or 1) is infinite evidence. */
const MAX_BITS = 40;
/** Evidence is summed as integers of a millionth of a bit: exact, so the sum does not depend on the order. */
const SCALE = 1e6;

function bits(p: number): number {
  const w = Math.log2(p / (1 - p));
  return w > MAX_BITS ? MAX_BITS : w < -MAX_BITS ? -MAX_BITS : w;
}

/**
 * Evidence of a scored pair for a match: its match weight (log2 odds) less that of the `neutral` probability,
 * in millionths of a bit. Zero for a pair at `neutral`, negative below it.
 * @param probability - the pair's match probability
 * @param neutral - the probability that is no evidence either way (0.5: even odds)
 * @returns the evidence, an integer
 * @example
 * pairEvidence(0.5, 0.5) //=> 0
 */
export function pairEvidence(probability: number, neutral: number): number {
  return Math.round((bits(probability) - bits(neutral)) * SCALE);
}

/** Input of {@link agglomerateClusters}: one linked component, its records numbered in id order. */
export interface AgglomerateInput {
  /** Number of records; record 0 has the smallest id. */
  readonly size: number;
  /** Scored pairs: records `a[k]` and `b[k]`, evidence `evidence[k]` from {@link pairEvidence}. */
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly evidence: Float64Array;
  /** 1 for the pairs at or above the match threshold: two clusters merge only through one of them. */
  readonly strong: Uint8Array;
  /** Records held together from the start: each record's group, named by any of its records. */
  readonly groupOf?: Int32Array;
}

/** Sorts pairs by (lo, hi) with two stable counting sorts: linear, and the same for any input order. */
function sortPairs(lo: Int32Array, hi: Int32Array, count: number, size: number): Int32Array {
  const bucket = new Int32Array(size + 1);
  const byHi = new Int32Array(count);
  for (let k = 0; k < count; k++) bucket[hi[k]! + 1]!++;
  for (let v = 0; v < size; v++) bucket[v + 1]! += bucket[v]!;
  for (let k = 0; k < count; k++) byHi[bucket[hi[k]!]!++] = k;
  bucket.fill(0);
  const out = new Int32Array(count);
  for (let k = 0; k < count; k++) bucket[lo[k]! + 1]!++;
  for (let v = 0; v < size; v++) bucket[v + 1]! += bucket[v]!;
  for (const k of byHi) out[bucket[lo[k]!]!++] = k;
  return out;
}

/**
 * Greedy agglomerative correlation clustering: starting from single records (or the given groups), merges the
 * two clusters whose scored pairs between them carry the most evidence for a match on average, as long as at
 * least one of those pairs is strong and their summed evidence (log-odds) is not negative. Pairs with
 * negative evidence count against a merge, so two entities joined by one strong pair stay apart when their
 * other pairs disagree; unscored pairs count for nothing. Ties go to the clusters with the smaller ids.
 * Near-linear: each record's links move to a larger cluster at most log2(size) times.
 * @param input - records, scored pairs, their evidence and which are strong
 * @returns each record's cluster: the index of a record of it
 * @example
 * // 0-1 and 1-2 strong (+6.6, +4.2 bits), 0-2 far against (-10 bits): 2 stays out.
 * agglomerateClusters({ size: 3, a: Int32Array.of(0, 1, 0), b: Int32Array.of(1, 2, 2), evidence: Float64Array.of(6.6e6, 4.2e6, -10e6), strong: Uint8Array.of(1, 1, 0) })
 * //=> Int32Array [0, 0, 2]
 */
export function agglomerateClusters(input: AgglomerateInput): Int32Array {
  const size = input.size;
  const parent = new Int32Array(size);
  for (let i = 0; i < size; i++) parent[i] = i;
  if (input.groupOf !== undefined) {
    // A group is named by its smallest record.
    const first = new Int32Array(size).fill(-1);
    for (let i = 0; i < size; i++) {
      const g = input.groupOf[i]!;
      if (first[g] === -1) first[g] = i;
      parent[i] = first[g]!;
    }
  }
  const count = input.a.length;
  const lo = new Int32Array(count);
  const hi = new Int32Array(count);
  const w = new Float64Array(count);
  const st = new Uint8Array(count);
  let c = 0;
  for (let k = 0; k < count; k++) {
    const x = parent[input.a[k]!]!;
    const y = parent[input.b[k]!]!;
    if (x === y) continue;
    lo[c] = x < y ? x : y;
    hi[c] = x < y ? y : x;
    st[c] = input.strong[k]!;
    w[c++] = input.evidence[k]!;
  }
  const order = sortPairs(lo, hi, c, size);
  // Links between clusters: summed evidence, number of pairs and of strong pairs, ends (lx = -1 once gone),
  // version.
  const lsum: number[] = [];
  const lcnt: number[] = [];
  const lstrong: number[] = [];
  const lx: number[] = [];
  const ly: number[] = [];
  const lstamp: number[] = [];
  const adj: (Map<number, number> | undefined)[] = new Array(size);
  for (const k of order) {
    const x = lo[k]!;
    const y = hi[k]!;
    const last = lx.length - 1;
    if (last >= 0 && lx[last] === x && ly[last] === y) {
      lsum[last]! += w[k]!;
      lcnt[last]!++;
      lstrong[last]! += st[k]!;
      continue;
    }
    lsum.push(w[k]!);
    lcnt.push(1);
    lstrong.push(st[k]!);
    lx.push(x);
    ly.push(y);
    lstamp.push(0);
    (adj[x] ??= new Map()).set(y, last + 1);
    (adj[y] ??= new Map()).set(x, last + 1);
  }
  // A cluster's rank is its smallest record (records are numbered in id order).
  const rank = Int32Array.from(parent.keys());
  const heap = createLinkHeap();
  const offer = (l: number): void => {
    if (lsum[l]! < 0 || lstrong[l] === 0) return;
    const rx = rank[lx[l]!]!;
    const ry = rank[ly[l]!]!;
    heap.push(lsum[l]! / lcnt[l]!, rx < ry ? rx : ry, rx < ry ? ry : rx, l, lstamp[l]!);
  };
  for (let l = 0; l < lx.length; l++) offer(l);
  while (heap.pop()) {
    const l = heap.top.link;
    if (lx[l] === -1 || lstamp[l] !== heap.top.stamp) continue;
    const x = lx[l]!;
    const y = ly[l]!;
    const ax = adj[x]!;
    const ay = adj[y]!;
    // The cluster with more links absorbs the other (small into large).
    const xKeeps = ax.size > ay.size || (ax.size === ay.size && rank[x]! < rank[y]!);
    const keep = xKeeps ? x : y;
    const gone = xKeeps ? y : x;
    const mk = xKeeps ? ax : ay;
    const mg = xKeeps ? ay : ax;
    parent[gone] = keep;
    if (rank[gone]! < rank[keep]!) rank[keep] = rank[gone]!;
    lx[l] = -1;
    mk.delete(gone);
    for (const [other, lo2] of mg) {
      if (other === keep) continue;
      const mo = adj[other]!;
      mo.delete(gone);
      const existing = mk.get(other);
      if (existing === undefined) {
        lx[lo2] = keep;
        ly[lo2] = other;
        mk.set(other, lo2);
        mo.set(keep, lo2);
      } else {
        lsum[existing]! += lsum[lo2]!;
        lcnt[existing]! += lcnt[lo2]!;
        lstrong[existing]! += lstrong[lo2]!;
        lx[lo2] = -1;
        lstamp[existing]!++;
        offer(existing);
      }
    }
    adj[gone] = undefined;
  }
  const label = new Int32Array(size);
  for (let i = 0; i < size; i++) {
    let r = i;
    while (parent[r] !== r) r = parent[r] = parent[parent[r]!]!;
    label[i] = r;
  }
  return label;
}
