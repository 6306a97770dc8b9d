/** Input of {@link expectationMaximisation}: comparison vectors aggregated by pattern. */
export interface EmInput {
  /** Number of levels per comparison (level 0 = null). */
  readonly levels: readonly number[];
  /** Distinct comparison vectors, row-major, `levels.length` bytes each. */
  readonly patterns: Uint8Array;
  /** How many pairs share each pattern. */
  readonly counts: Float64Array;
  readonly m: readonly Float64Array[];
  readonly u: readonly Float64Array[];
  readonly lambda: number;
  readonly maxIterations: number;
  readonly tolerance: number;
  readonly fixU: boolean;
  /**
   * Pairs whose class is known (labelled pairs): the comparison vector of each, row-major like `patterns`, and
   * whether it is a match. The M step counts each, `weight` times (default 1), as a match or a non-match outright
   * in m and u, so EM fits the unlabelled pairs around them; lambda comes from the unlabelled pairs alone, since
   * labelled pairs are chosen for review and are no sample of the candidates.
   */
  readonly known?: { readonly patterns: Uint8Array; readonly match: readonly boolean[]; readonly weight?: number };
  /** Pseudo-pairs spread by the starting m and u, so rare levels never reach 0. Default 1. */
  readonly pseudoCount?: number;
  /**
   * Keep Bayes factors non-increasing from the exact level to the else level (a closer level is never
   * weaker evidence of a match than a farther one). Default true.
   */
  readonly monotone?: boolean;
  /** Called after each iteration with the iterations done; it may throw to stop (e.g. when aborted). */
  readonly onIteration?: (iterations: number) => void;
}

export interface EmResult {
  readonly m: Float64Array[];
  readonly u: Float64Array[];
  readonly lambda: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** Largest move of lambda or of an m or u probability in the last iteration (0 when none ran). */
  readonly lastChange: number;
}

const FLOOR = 1e-9;

/**
 * Fellegi-Sunter EM: alternates the match posterior of each pattern (E) with the m, u and lambda that maximise
 * the likelihood (M). Null levels carry no evidence and are skipped. Known pairs (`known`) keep their class.
 */
export function expectationMaximisation(input: EmInput): EmResult {
  const C = input.levels.length;
  const P = input.counts.length;
  let m: Float64Array[] = input.m.map((a) => Float64Array.from(a));
  let u: Float64Array[] = input.u.map((a) => Float64Array.from(a));
  let lambda = input.lambda;
  const post = new Float64Array(P);
  let iterations = 0;
  let converged = false;
  let lastChange = 0;
  for (; iterations < input.maxIterations && !converged; ) {
    iterations++;
    // E step
    for (let p = 0; p < P; p++) {
      let pm = lambda;
      let pu = 1 - lambda;
      const base = p * C;
      for (let c = 0; c < C; c++) {
        const l = input.patterns[base + c]!;
        if (l === 0) continue;
        pm *= m[c]![l]!;
        pu *= u[c]![l]!;
      }
      post[p] = pm + pu === 0 ? 0 : pm / (pm + pu);
    }
    // M step
    const mNum = input.levels.map((L) => new Float64Array(L));
    const uNum = input.levels.map((L) => new Float64Array(L));
    let total = 0;
    let matched = 0;
    for (let p = 0; p < P; p++) {
      const cnt = input.counts[p]!;
      const w = post[p]! * cnt;
      const nw = cnt - w;
      total += cnt;
      matched += w;
      const base = p * C;
      for (let c = 0; c < C; c++) {
        const l = input.patterns[base + c]!;
        mNum[c]![l]! += w;
        uNum[c]![l]! += nw;
      }
    }
    const known = input.known;
    if (known) {
      const weight = known.weight ?? 1;
      for (let k = 0; k < known.match.length; k++) {
        const num = known.match[k] ? mNum : uNum;
        for (let c = 0; c < C; c++) num[c]![known.patterns[k * C + c]!]! += weight;
      }
    }
    const newLambda = Math.min(1 - FLOOR, Math.max(FLOOR, matched / total));
    const alpha = input.pseudoCount ?? 1;
    const normalize = (num: Float64Array, old: Float64Array, start: Float64Array): Float64Array => {
      let sum = 0;
      for (let l = 1; l < num.length; l++) {
        num[l] = num[l]! + alpha * start[l]!;
        sum += num[l]!;
      }
      const out = new Float64Array(num.length);
      out[0] = 1;
      if (sum <= 0) {
        out.set(old.subarray(1), 1);
        return out;
      }
      let norm = 0;
      for (let l = 1; l < num.length; l++) {
        out[l] = Math.max(FLOOR, num[l]! / sum);
        norm += out[l]!;
      }
      for (let l = 1; l < num.length; l++) out[l] = out[l]! / norm;
      return out;
    };
    const nextM = mNum.map((num, c) => normalize(num, m[c]!, input.m[c]!));
    const nextU = input.fixU ? u : uNum.map((num, c) => normalize(num, u[c]!, input.u[c]!));
    if (input.monotone !== false) for (let c = 0; c < C; c++) monotoneRatios(nextM[c]!, nextU[c]!);
    // The change is measured between the parameters of two iterations, after the monotone constraint: the
    // constraint's own correction of the raw M-step estimate recurs every iteration and is no movement.
    let delta = Math.abs(newLambda - lambda);
    for (let c = 0; c < C; c++) {
      const mc = nextM[c]!, uc = nextU[c]!, mo = m[c]!, uo = u[c]!;
      for (let l = 1; l < mc.length; l++) delta = Math.max(delta, Math.abs(mc[l]! - mo[l]!), Math.abs(uc[l]! - uo[l]!));
    }
    m = nextM;
    u = nextU;
    lambda = newLambda;
    lastChange = delta;
    if (delta < input.tolerance) converged = true;
    input.onIteration?.(iterations);
  }
  return { m, u, lambda, iterations, converged, lastChange };
}

/**
 * Makes m/u non-increasing over levels 1..L-1 by pooling adjacent violators: a pool of levels shares one
 * ratio (its total m over its total u), so the total of m is unchanged. Works in place on m.
 */
export function monotoneRatios(m: Float64Array, u: Float64Array): void {
  const pools: { from: number; to: number; m: number; u: number }[] = [];
  for (let l = 1; l < m.length; l++) {
    pools.push({ from: l, to: l, m: m[l]!, u: u[l]! });
    while (pools.length >= 2) {
      const b = pools[pools.length - 1]!;
      const a = pools[pools.length - 2]!;
      // Violation: the farther pool b has a higher ratio than the closer pool a.
      if (b.m * a.u <= a.m * b.u) break;
      pools.pop();
      pools[pools.length - 1] = { from: a.from, to: b.to, m: a.m + b.m, u: a.u + b.u };
    }
  }
  for (const p of pools) {
    if (p.from === p.to) continue;
    const ratio = p.m / p.u;
    for (let l = p.from; l <= p.to; l++) m[l] = ratio * u[l]!;
  }
}

/** Groups comparison vectors into distinct patterns with counts. */
export function aggregatePatterns(gamma: Uint8Array, C: number, rows: number, stride = 1): { patterns: Uint8Array; counts: Float64Array } {
  const numeric = C <= 13;
  const index = new Map<number | string, number>();
  const counts: number[] = [];
  const firstRow: number[] = [];
  for (let r = 0; r < rows; r += stride) {
    const base = r * C;
    let key: number | string;
    if (numeric) {
      let k = 0;
      for (let c = 0; c < C; c++) k = k * 16 + gamma[base + c]!;
      key = k;
    } else {
      let k = "";
      for (let c = 0; c < C; c++) k += String.fromCharCode(65 + gamma[base + c]!);
      key = k;
    }
    const at = index.get(key);
    if (at === undefined) {
      index.set(key, counts.length);
      counts.push(1);
      firstRow.push(r);
    } else counts[at]! += 1;
  }
  const patterns = new Uint8Array(firstRow.length * C);
  firstRow.forEach((r, p) => patterns.set(gamma.subarray(r * C, r * C + C), p * C));
  return { patterns, counts: Float64Array.from(counts) };
}
