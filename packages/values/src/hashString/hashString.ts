/**
 * MurmurHash3 (x86, 32-bit) over the UTF-16 code units of a string, two units per block: fast, well mixed and the
 * same on every platform. The project's 32-bit string hash (sketches, partitions, blocking, minhash); key sets use
 * the 64-bit {@link hash64}.
 * @param text - the string
 * @param seed - the seed (different seeds give independent hashes)
 * @returns an unsigned 32-bit hash
 * @example
 * hashString("abc", 0) === hashString("abc", 0) //=> true
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
  return mixHash(h, len);
}

/**
 * 64-bit hash of a string as two 32-bit lanes, each finished with a murmur3-style avalanche: for key sets, where
 * two different keys may share a hash with probability 2^-64.
 * @param key - the string
 * @returns the two unsigned lanes
 * @example
 * hash64("a").length //=> 2
 */
export function hash64(key: string): [number, number] {
  let a = 0x9e3779b9 ^ key.length;
  let b = 0x85ebca6b ^ key.length;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0xcc9e2d51);
    a = (a << 15) | (a >>> 17);
    b = Math.imul(b ^ c, 0x1b873593);
    b = (b << 13) | (b >>> 19);
    b = (Math.imul(b, 5) + 0xe6546b64) | 0;
  }
  a ^= b >>> 7;
  a = mixHash(a, 0);
  b = mixHash(b ^ Math.imul(a, 0x27d4eb2f), 0);
  return [a, b];
}

/**
 * The MurmurHash3 finalizer over a 32-bit integer combined with a seed: a well-mixed 32-bit hash of a number (MinHash
 * functions, partitions of numeric keys). It is the last step of {@link hashString}.
 * @param x - the integer
 * @param seed - the seed
 * @returns an unsigned 32-bit hash
 * @example
 * mixHash(1, 0) === mixHash(1, 0) //=> true
 */
export function mixHash(x: number, seed: number): number {
  let h = (x ^ seed) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
