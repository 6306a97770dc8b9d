/** The entry {@link LinkHeap.pop} removed last. */
export interface LinkEntry {
  key: number;
  lo: number;
  hi: number;
  link: number;
  stamp: number;
}

/** A max-heap of candidate merges: highest key first, ties by `lo`, then `hi`, smallest first. */
export interface LinkHeap {
  push(key: number, lo: number, hi: number, link: number, stamp: number): void;
  /** Removes the best entry into `top`; false when the heap is empty. */
  pop(): boolean;
  readonly top: LinkEntry;
  readonly size: number;
}

/**
 * Creates an empty {@link LinkHeap}, kept in parallel arrays (no object per entry).
 * @returns the heap
 * @example
 * const heap = createLinkHeap();
 * heap.push(1, 0, 1, 7, 0);
 * heap.push(2, 0, 2, 8, 0);
 * heap.pop() && heap.top.link //=> 8
 */
export function createLinkHeap(): LinkHeap {
  const key: number[] = [];
  const lo: number[] = [];
  const hi: number[] = [];
  const link: number[] = [];
  const stamp: number[] = [];
  const fields = [key, lo, hi, link, stamp];
  const top: LinkEntry = { key: 0, lo: 0, hi: 0, link: 0, stamp: 0 };
  const before = (x: number, y: number): boolean =>
    key[x]! > key[y]! || (key[x] === key[y] && (lo[x]! < lo[y]! || (lo[x] === lo[y] && hi[x]! < hi[y]!)));
  const swap = (x: number, y: number): void => {
    for (const field of fields) {
      const t = field[x]!;
      field[x] = field[y]!;
      field[y] = t;
    }
  };
  return {
    top,
    get size() {
      return key.length;
    },
    push(k, l, h, li, s) {
      key.push(k);
      lo.push(l);
      hi.push(h);
      link.push(li);
      stamp.push(s);
      for (let x = key.length - 1; x > 0; ) {
        const parent = (x - 1) >> 1;
        if (!before(x, parent)) break;
        swap(x, parent);
        x = parent;
      }
    },
    pop() {
      const size = key.length;
      if (size === 0) return false;
      top.key = key[0]!;
      top.lo = lo[0]!;
      top.hi = hi[0]!;
      top.link = link[0]!;
      top.stamp = stamp[0]!;
      const last = size - 1;
      if (last > 0) swap(0, last);
      key.pop();
      lo.pop();
      hi.pop();
      link.pop();
      stamp.pop();
      for (let x = 0; ; ) {
        const l = 2 * x + 1;
        if (l >= last) break;
        const r = l + 1;
        const c = r < last && before(r, l) ? r : l;
        if (!before(c, x)) break;
        swap(c, x);
        x = c;
      }
      return true;
    },
  };
}
