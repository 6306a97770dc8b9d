/**
 * MurmurHash3 (x86, 32-bit) over the UTF-16 code units of a string, two units per block.
 * Fast, well mixed, and the same on every platform, which is all the sketches need.
 */
export function hashString(text: string, seed: number): number {
  let h = seed | 0;
  const len = text.length;
  let i = 0;
  for (; i + 1 < len; i += 2) {
    let k = text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16);
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  if (i < len) {
    let k = text.charCodeAt(i);
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
  }
  h ^= len;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Seeds of the two independent hashes every value gets. */
export const SEED_A = 0x9747b28c;
export const SEED_B = 0x5bd1e995;
