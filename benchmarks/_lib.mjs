// Helpers shared by the benchmark scripts.

/**
 * A small, fast, seedable pseudo-random generator (mulberry32): the same seed gives the same data on
 * every machine, so contenders and runs see identical inputs.
 * @param {number} seed
 * @returns {() => number} a function returning numbers in [0, 1)
 */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The value after `--name` on the command line, or the fallback.
 * @param {string} name
 * @param {string | undefined} fallback
 */
export function flag(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1];
}
