/** One counted item of a frequency summary. */
export interface CountedItem {
  readonly value: string;
  /** Count, exact when `error` is 0, else an upper bound. */
  readonly count: number;
  /** The count may be over by at most this much. */
  readonly error: number;
}

/** A bounded summary of the most frequent values. */
export interface HeavyHitters {
  add(value: string, weight?: number): void;
  /** The most frequent items, most frequent first. */
  top(n: number): CountedItem[];
  readonly size: number;
}

/**
 * Frequent items by Misra-Gries with reverse purge (as in Apache DataSketches' frequent-items
 * sketch): counters live in a Map of at most `2 * capacity` entries; when it fills up, the median
 * count is subtracted from every counter and those that reach zero are dropped. That costs O(capacity)
 * once per `capacity` new values, so each value costs O(1) amortized, with no heap to maintain.
 * A value's true count lies between its counter and its counter plus the total subtracted so far
 * (at most 2n / capacity for n values).
 */
export function createFrequentItems(capacity: number, seed: readonly (readonly [string, number])[] = [], unseen = 0): HeavyHitters {
  const max = Math.max(4, capacity * 2);
  const counts = new Map<string, number>();
  // seeded with exact counts: the largest count left out bounds what any other value may have had;
  // `unseen` bounds the count of values seen before the sketch started and not in the seed
  const sorted = [...seed].sort((a, b) => b[1] - a[1]);
  for (const [v, c] of sorted.slice(0, capacity)) counts.set(v, c);
  let offset = Math.max(unseen, sorted[capacity]?.[1] ?? 0);
  const scratch = new Float64Array(max);
  const purge = () => {
    let n = 0;
    for (const c of counts.values()) scratch[n++] = c;
    const median = select(scratch, n, n >> 1);
    offset += median;
    for (const [k, c] of counts) {
      if (c <= median) counts.delete(k);
      else counts.set(k, c - median);
    }
  };
  return {
    get size() {
      return counts.size;
    },
    add(value, weight = 1) {
      const c = counts.get(value);
      if (c !== undefined) {
        counts.set(value, c + weight);
        return;
      }
      counts.set(value, weight);
      if (counts.size >= max) purge();
    },
    top(n) {
      return [...counts.entries()]
        .map(([value, c]) => ({ value, count: c + offset, error: offset }))
        .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
        .slice(0, n);
    },
  };
}

/** The k-th smallest of the first n numbers (quickselect; reorders them). */
function select(a: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

/**
 * Counts exactly while there are at most `exactLimit` different values, then keeps a frequent-items
 * summary of `capacity` counters seeded with the exact counts so far.
 */
export interface FrequencyCounter {
  add(value: string, weight?: number): void;
  top(n: number): CountedItem[];
  readonly exact: boolean;
}

export function createFrequencyCounter(exactLimit: number, capacity: number): FrequencyCounter {
  let exact: Map<string, number> | undefined = new Map();
  let sketch: HeavyHitters | undefined;
  return {
    get exact() {
      return exact !== undefined;
    },
    add(value, weight = 1) {
      if (exact) {
        const c = exact.get(value);
        if (c !== undefined || exact.size < exactLimit) {
          exact.set(value, (c ?? 0) + weight);
          return;
        }
        sketch = createFrequentItems(capacity, [...exact.entries()]);
        exact = undefined;
      }
      sketch!.add(value, weight);
    },
    top(n) {
      if (exact) {
        return [...exact.entries()]
          .map(([value, count]) => ({ value, count, error: 0 }))
          .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
          .slice(0, n);
      }
      return sketch!.top(n);
    },
  };
}
