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

/**
 * Sorts record indices by their ids in {@link compareIds} order, reading each id's number once.
 * @param ids - every record id
 * @param subset - the indices to sort
 * @returns the indices, smallest id first
 */
export function sortByIds(ids: readonly string[], subset: readonly number[]): number[] {
  const value = new Float64Array(subset.length);
  subset.forEach((i, k) => (value[k] = NUMERIC.test(ids[i]!) ? Number(ids[i]!) : Number.NaN));
  const order = Array.from(subset.keys()).sort((x, y) => {
    const vx = value[x]!;
    const vy = value[y]!;
    if (vx !== vy && vx === vx && vy === vy) return vx - vy;
    const a = ids[subset[x]!]!;
    const b = ids[subset[y]!]!;
    return a < b ? -1 : a > b ? 1 : 0;
  });
  return order.map((k) => subset[k]!);
}
