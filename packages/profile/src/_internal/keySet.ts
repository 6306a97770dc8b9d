/**
 * A set of 52-bit value fingerprints (two 32-bit hashes combined), open addressing in a Float64Array.
 * 16 bytes per value at the maximum load of one half; the chance that two of n different values
 * share a fingerprint is about n^2 / 2^53 (1e-4 for 1M values).
 */
export interface KeySet {
  /** Adds a fingerprint; false when it was already there. */
  add(hashA: number, hashB: number): boolean;
  readonly size: number;
  /** Calls `fn` with the first hash of every fingerprint. */
  forEachHash(fn: (hashA: number) => void): void;
}

const TWO_32 = 4294967296;

export function createKeySet(initialCapacity = 1024): KeySet {
  let capacity = 1;
  while (capacity < initialCapacity * 2) capacity *= 2;
  let table = new Float64Array(capacity);
  let size = 0;

  // the low 32 bits of a key are its first hash: a well-mixed slot index
  const insert = (t: Float64Array, key: number, slot: number): boolean => {
    const mask = t.length - 1;
    let i = slot & mask;
    for (;;) {
      const slot = t[i]!;
      if (slot === 0) {
        t[i] = key;
        return true;
      }
      if (slot === key) return false;
      i = (i + 1) & mask;
    }
  };

  return {
    get size() {
      return size;
    },
    forEachHash(fn) {
      for (let i = 0; i < table.length; i++) {
        const k = table[i]!;
        if (k !== 0) fn((k - 1) % TWO_32);
      }
    },
    add(hashA, hashB) {
      // +1 keeps 0 free as the empty-slot marker
      const key = (hashB & 0xfffff) * TWO_32 + hashA + 1;
      if (!insert(table, key, hashA)) return false;
      size++;
      if (size * 2 > table.length) {
        const old = table;
        table = new Float64Array(old.length * 2);
        for (let i = 0; i < old.length; i++) {
          const k = old[i]!;
          if (k !== 0) insert(table, k, (k - 1) % TWO_32);
        }
      }
      return true;
    },
  };
}
