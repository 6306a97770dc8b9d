import { hash64 } from "../hashString/hashString.ts";

/**
 * Compact key sets for uniqueness and reference checks.
 *
 * The hashed table keeps a 64-bit hash of each key in two Uint32Arrays (open addressing, linear probing,
 * load <= 0.7): 8 bytes per slot, about 11-23 bytes per key depending on where the table is between
 * doublings, whatever the key length. Two different keys share a hash with probability 2^-64 per pair:
 * a lookup of an absent key among n keys is a false hit with probability n / 2^64 (5e-13 for 10M keys), and
 * a set of n distinct keys contains any colliding pair with probability about n^2 / 2^65 (2.7e-6 for 10M).
 * The exact variant stores the strings themselves (a JS Set), several times larger.
 */
export interface KeyTable {
  /** Adds a key with a value (e.g. the record number where it was first seen); returns the value already stored, or -1 when new. */
  put(key: string, value: number): number;
  /** The value stored for a key, or -1. */
  get(key: string): number;
  readonly size: number;
  /** Approximate bytes held by the table itself. */
  bytes(): number;
  /** Stored values, in no particular order. */
  values(): IterableIterator<number>;
  /** Replaces a stored value. */
  set(key: string, value: number): void;
  /**
   * Calls `fn` with the 64-bit hash of every key, as the two lanes of {@link hash64}, in no particular order: to
   * seed a sketch that hashes values the same way (a key whose hash is 0:0, probability 2^-64, is given as 0:1).
   */
  forEachHash(fn: (hi: number, lo: number) => void): void;
}

/**
 * A hashed key table: 64-bit hashes in typed arrays, plus a Float64Array of values when `withValues`
 * (8 bytes per slot without values, 16 with).
 * @param withValues - keep a number per key
 * @param initialCapacity - slots to start with
 * @returns an empty table
 * @example
 * const t = createHashedKeyTable(true); t.put("a", 7); t.get("a") //=> 7
 */
export function createHashedKeyTable(withValues: boolean, initialCapacity = 1024): KeyTable {
  let capacity = 1;
  while (capacity < initialCapacity) capacity *= 2;
  let hi = new Uint32Array(capacity);
  let lo = new Uint32Array(capacity);
  let vals = new Float64Array(withValues ? capacity : 0);
  let mask = capacity - 1;
  let size = 0;
  let limit = Math.floor(capacity * 0.7);

  const find = (h: number, l: number): number => {
    let i = l & mask;
    while (true) {
      const sh = hi[i]!;
      const sl = lo[i]!;
      if (sh === 0 && sl === 0) return ~i;
      if (sh === h && sl === l) return i;
      i = (i + 1) & mask;
    }
  };
  const grow = () => {
    const oldHi = hi, oldLo = lo, oldVals = vals;
    capacity *= 2;
    mask = capacity - 1;
    limit = Math.floor(capacity * 0.7);
    hi = new Uint32Array(capacity);
    lo = new Uint32Array(capacity);
    vals = new Float64Array(withValues ? capacity : 0);
    for (let j = 0; j < oldHi.length; j++) {
      const h = oldHi[j]!, l = oldLo[j]!;
      if (h === 0 && l === 0) continue;
      const slot = ~find(h, l);
      hi[slot] = h;
      lo[slot] = l;
      if (withValues) vals[slot] = oldVals[j]!;
    }
  };
  const lanes = (key: string): [number, number] => {
    const pair = hash64(key);
    if (pair[0] === 0 && pair[1] === 0) pair[1] = 1;
    return pair;
  };
  return {
    put(key, value) {
      const [h, l] = lanes(key);
      const i = find(h, l);
      if (i >= 0) return withValues ? vals[i]! : 0;
      let slot = ~i;
      if (size + 1 > limit) {
        grow();
        slot = ~find(h, l);
      }
      hi[slot] = h;
      lo[slot] = l;
      if (withValues) vals[slot] = value;
      size++;
      return -1;
    },
    get(key) {
      const [h, l] = lanes(key);
      const i = find(h, l);
      return i < 0 ? -1 : withValues ? vals[i]! : 0;
    },
    set(key, value) {
      const [h, l] = lanes(key);
      const i = find(h, l);
      if (i >= 0 && withValues) vals[i] = value;
    },
    get size() {
      return size;
    },
    bytes: () => capacity * (withValues ? 16 : 8),
    *values() {
      for (let j = 0; j < hi.length; j++) if (hi[j] !== 0 || lo[j] !== 0) yield withValues ? vals[j]! : 0;
    },
    forEachHash(fn) {
      for (let j = 0; j < hi.length; j++) {
        const h = hi[j]!, l = lo[j]!;
        if (h !== 0 || l !== 0) fn(h, l);
      }
    },
  };
}

/**
 * An exact key table backed by a Map of strings (several times larger than the hashed one, and never wrong).
 * @returns an empty table
 * @example
 * createExactKeyTable().put("a", 1) //=> -1
 */
export function createExactKeyTable(): KeyTable {
  const map = new Map<string, number>();
  let chars = 0;
  return {
    put(key, value) {
      const found = map.get(key);
      if (found !== undefined) return found;
      map.set(key, value);
      chars += key.length;
      return -1;
    },
    get: (key) => map.get(key) ?? -1,
    set(key, value) {
      if (map.has(key)) map.set(key, value);
    },
    get size() {
      return map.size;
    },
    bytes: () => map.size * 40 + chars * 2,
    values: () => map.values(),
    forEachHash(fn) {
      for (const key of map.keys()) {
        const [h, l] = hash64(key);
        if (h === 0 && l === 0) fn(0, 1);
        else fn(h, l);
      }
    },
  };
}
