import levenshtein from "fast-levenshtein";

/**
 * Levenshtein edit distance (insertions, deletions, substitutions), via fast-levenshtein.
 * @param a - first string
 * @param b - second string
 * @returns the number of edits
 * @example
 * levenshteinDistance("kitten", "sitting") //=> 3
 */
export function levenshteinDistance(a: string, b: string): number {
  return a === b ? 0 : levenshtein.get(a, b);
}

/**
 * Normalized Levenshtein similarity: 1 - distance / length of the longer string.
 * @param a - first string
 * @param b - second string
 * @returns 0 to 1; 1 when equal
 * @example
 * levenshteinSimilarity("smith", "smyth") //=> 0.8
 */
export function levenshteinSimilarity(a: string, b: string): number {
  const max = Math.max(a.length, b.length);
  return max === 0 ? 1 : 1 - levenshteinDistance(a, b) / max;
}

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/**
 * Damerau-Levenshtein distance (optimal string alignment): like Levenshtein, but swapping two
 * adjacent characters counts as one edit.
 * @param a - first string
 * @param b - second string
 * @returns the number of edits
 * @example
 * damerauLevenshteinDistance("jhon", "john") //=> 1
 */
export function damerauLevenshteinDistance(a: string, b: string): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (la === 0) return lb;
  if (lb === 0) return la;
  if (lb + 1 > rowA.length) {
    rowA = new Int32Array((lb + 1) * 2);
    rowB = new Int32Array((lb + 1) * 2);
    rowC = new Int32Array((lb + 1) * 2);
  }
  // rowA: i-2, rowB: i-1, rowC: i
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = prev[j - 1]! + cost;
      const del = prev[j]! + 1;
      if (del < v) v = del;
      const ins = cur[j - 1]! + 1;
      if (ins < v) v = ins;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        const tr = prev2[j - 2]! + 1;
        if (tr < v) v = tr;
      }
      cur[j] = v;
    }
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[lb]!;
}

/**
 * Normalized Damerau-Levenshtein similarity: 1 - distance / length of the longer string.
 * @param a - first string
 * @param b - second string
 * @returns 0 to 1; 1 when equal
 * @example
 * damerauLevenshteinSimilarity("jhon", "john") //=> 0.75
 */
export function damerauLevenshteinSimilarity(a: string, b: string): number {
  const max = Math.max(a.length, b.length);
  return max === 0 ? 1 : 1 - damerauLevenshteinDistance(a, b) / max;
}
