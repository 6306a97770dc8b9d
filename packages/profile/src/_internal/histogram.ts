/** One bar of a histogram: values in [from, to). */
export interface Bin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

/**
 * A streaming histogram with exact counts and bins of a "nice" width (1 or 2 times a power of ten),
 * widened (merging neighbouring bins) whenever a value falls outside the current range.
 * Memory is constant: `slots` counters plus a short warm-up buffer used to pick the first width.
 */
export interface StreamingHistogram {
  add(value: number, weight?: number): void;
  /** Non-empty span of bins, at most `maxBins` of them. */
  bins(maxBins?: number): Bin[];
}

const WARMUP = 256;

/** Smallest width of the form 1eK or 2eK that is >= x. */
function niceWidthAtLeast(x: number): { mantissa: 1 | 2; exponent: number } {
  if (!(x > 0) || !Number.isFinite(x)) return { mantissa: 1, exponent: 0 };
  let exponent = Math.floor(Math.log10(x));
  if (1 * 10 ** exponent >= x) return { mantissa: 1, exponent };
  if (2 * 10 ** exponent >= x) return { mantissa: 2, exponent };
  exponent++;
  return { mantissa: 1, exponent };
}

export function createHistogram(slots = 40): StreamingHistogram {
  let warm: number[] | undefined = [];
  let warmWeights: number[] = [];
  let counts = new Float64Array(slots);
  let mantissa: 1 | 2 = 1;
  let exponent = 0;
  let width = 1;
  let k0 = 0; // index of the first slot, in units of `width`

  const setWidth = (m: 1 | 2, e: number) => {
    mantissa = m;
    exponent = e;
    width = m * 10 ** e;
  };
  const indexOf = (v: number) => Math.floor(v / width);
  const next = () => (mantissa === 1 ? { m: 2 as const, e: exponent } : { m: 1 as const, e: exponent + 1 });

  const grow = (kv: number) => {
    // widen until the occupied slots and the new value fit in one window
    const oldWidth = width;
    const oldK0 = k0;
    const lo = Math.min(oldK0, kv) * oldWidth;
    const hi = (Math.max(oldK0 + slots - 1, kv) + 1) * oldWidth;
    for (;;) {
      const n = next();
      setWidth(n.m, n.e);
      const first = Math.floor(lo / width);
      const last = Math.floor((hi - oldWidth / 2) / width);
      if (last - first < slots) {
        k0 = first;
        break;
      }
    }
    const merged = new Float64Array(slots);
    for (let i = 0; i < slots; i++) {
      const c = counts[i]!;
      if (c === 0) continue;
      // the middle of the old slot avoids rounding at its edges
      const j = Math.floor(((oldK0 + i + 0.5) * oldWidth) / width) - k0;
      merged[Math.min(slots - 1, Math.max(0, j))]! += c;
    }
    counts = merged;
  };

  const place = (v: number, w: number) => {
    let k = indexOf(v);
    if (k < k0 || k >= k0 + slots) {
      grow(k);
      k = indexOf(v);
    }
    const j = Math.min(slots - 1, Math.max(0, k - k0));
    counts[j] = counts[j]! + w;
  };

  const start = () => {
    const values = warm!;
    warm = undefined;
    let min = Infinity, max = -Infinity;
    for (const v of values) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const span = max > min ? max - min : Math.max(Math.abs(min), 1) / slots;
    const nice = niceWidthAtLeast((span * 1.0001) / (slots - 1));
    setWidth(nice.mantissa, nice.exponent);
    k0 = indexOf(min);
    for (let i = 0; i < values.length; i++) place(values[i]!, warmWeights[i]!);
    warmWeights = [];
  };

  return {
    add(value, weight = 1) {
      if (!Number.isFinite(value)) return;
      if (warm) {
        warm.push(value);
        warmWeights.push(weight);
        if (warm.length >= WARMUP) start();
        return;
      }
      place(value, weight);
    },
    bins(maxBins = 20) {
      if (warm) {
        if (warm.length === 0) return [];
        start();
      }
      let first = 0;
      let last = slots - 1;
      while (first < slots && counts[first] === 0) first++;
      while (last > first && counts[last] === 0) last--;
      if (first >= slots) return [];
      let group = 1;
      while (Math.ceil((last - first + 1) / group) > maxBins) group *= 2;
      const out: Bin[] = [];
      // align groups to multiples of the grouped width so edges stay round
      const startK = Math.floor((k0 + first) / group) * group;
      for (let k = startK; k <= k0 + last; k += group) {
        let count = 0;
        for (let j = k; j < k + group; j++) {
          const i = j - k0;
          if (i >= 0 && i < slots) count += counts[i]!;
        }
        out.push({ from: roundEdge(k * width), to: roundEdge((k + group) * width), count });
      }
      return out;
    },
  };
}

/** Removes floating-point noise from a bin edge (0.30000000000000004 -> 0.3). */
function roundEdge(x: number): number {
  return Number.parseFloat(x.toPrecision(12));
}
