/**
 * Indices of the `count` scored pairs whose match probability is nearest 0.5 (smallest |weight|), least
 * certain first; ties keep the order of the pairs. Dedupe and link both pick the pairs worth a review with it.
 */
export function leastCertain(weights: Float64Array, count: number): number[] {
  if (count <= 0) return [];
  const distance = (p: number) => Math.abs(weights[p]!);
  const chosen: number[] = [];
  for (let p = 0; p < weights.length; p++) {
    const w = distance(p);
    if (chosen.length < count) {
      chosen.push(p);
      if (chosen.length === count) chosen.sort((a, b) => distance(a) - distance(b) || a - b);
      continue;
    }
    if (w >= distance(chosen[count - 1]!)) continue;
    let k = count - 1;
    while (k > 0 && distance(chosen[k - 1]!) > w) {
      chosen[k] = chosen[k - 1]!;
      k--;
    }
    chosen[k] = p;
  }
  return chosen.sort((a, b) => distance(a) - distance(b) || a - b);
}
