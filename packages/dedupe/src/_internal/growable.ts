/** An append-only Float64 buffer that doubles when full. */
export interface GrowableFloat64 {
  push(value: number): void;
  readonly length: number;
  /** A trimmed view of the values pushed so far. */
  view(): Float64Array;
}

export function createGrowableFloat64(initial = 1024): GrowableFloat64 {
  let buf = new Float64Array(initial);
  let len = 0;
  return {
    push(value) {
      if (len === buf.length) {
        const next = new Float64Array(buf.length * 2);
        next.set(buf);
        buf = next;
      }
      buf[len++] = value;
    },
    get length() {
      return len;
    },
    view() {
      return buf.subarray(0, len);
    },
  };
}

/** Sorts pair codes and drops repeats, in place; returns the unique prefix. */
export function sortUnique(codes: Float64Array): Float64Array {
  codes.sort();
  let w = 0;
  for (let r = 0; r < codes.length; r++) {
    if (r === 0 || codes[r] !== codes[w - 1]) codes[w++] = codes[r]!;
  }
  return codes.subarray(0, w);
}
