/** Scored pairs as parallel arrays: pair `e` joins records `a[e]` and `b[e]` (indices) with probability `p[e]`. */
export interface ScoredGraph {
  /** Number of records. */
  readonly n: number;
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly p: Float64Array;
}

/**
 * Decodes pair codes `i * n + j` into a {@link ScoredGraph}.
 * @param n - number of records
 * @param codes - pair codes
 * @param probabilities - match probability of each pair
 * @returns the pairs as parallel arrays
 * @example
 * toScoredGraph(3, Float64Array.of(5), Float64Array.of(0.9)).b[0] //=> 2
 */
export function toScoredGraph(n: number, codes: Float64Array, probabilities: Float64Array): ScoredGraph {
  const a = new Int32Array(codes.length);
  const b = new Int32Array(codes.length);
  for (let e = 0; e < codes.length; e++) {
    const i = Math.floor(codes[e]! / n);
    a[e] = i;
    b[e] = codes[e]! - i * n;
  }
  return { n, a, b, p: probabilities };
}
