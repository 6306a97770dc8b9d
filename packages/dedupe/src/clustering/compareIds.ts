const NUMERIC = /^-?\d+(\.\d+)?$/;

/**
 * Orders record ids: numerically when both look like numbers, as strings otherwise.
 * @param a - an id
 * @param b - another id
 * @returns negative, zero or positive
 * @example
 * ["10", "9"].sort(compareIds) //=> ["9", "10"]
 */
export function compareIds(a: string, b: string): number {
  if (NUMERIC.test(a) && NUMERIC.test(b)) {
    const d = Number(a) - Number(b);
    if (d !== 0) return d;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}
