import { hashString } from "@cleanse/values";
import { tokensOf } from "../_internal/normalize.ts";
import { jaroWinkler } from "./jaroWinkler.ts";

// Q-grams are hashed with the value kernel's string hash, unseeded.
const GRAM_SEED = 0;

/** Sorted unique hashes of a text's character q-grams (spaces included). */
export function qgramSet(text: string, q: number): Int32Array {
  const grams: number[] = [];
  if (text.length <= q) grams.push(hashString(text, GRAM_SEED) | 0);
  else for (let i = 0; i + q <= text.length; i++) grams.push(hashString(text.slice(i, i + q), GRAM_SEED) | 0);
  const arr = Int32Array.from(grams).sort();
  let w = 0;
  for (let r = 0; r < arr.length; r++) if (r === 0 || arr[r] !== arr[w - 1]) arr[w++] = arr[r]!;
  return arr.slice(0, w);
}

/** Jaccard index of two sorted unique integer sets. */
export function jaccardOfSorted(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let inter = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      inter++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return inter / (a.length + b.length - inter);
}

/**
 * Jaccard similarity of the character q-gram sets of two strings.
 * @param a - first string
 * @param b - second string
 * @param q - gram length, default 2
 * @returns 0 to 1
 * @example
 * qgramJaccard("jonathan", "jonathon") //=> 0.625
 */
export function qgramJaccard(a: string, b: string, q = 2): number {
  if (a === b) return 1;
  return jaccardOfSorted(qgramSet(a, q), qgramSet(b, q));
}

/** Sorted unique tokens of a text. */
export function tokenSet(text: string): string[] {
  return [...new Set(tokensOf(text))].sort();
}

const TOKEN_MATCH = 0.9;

/** Token-set similarity of two prepared (sorted unique) token lists. */
export function tokenSetOfSorted(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return a.length === b.length ? 1 : 0;
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  const largeSet = new Set(large);
  let sum = 0;
  for (const t of small) {
    if (largeSet.has(t)) {
      sum += 1;
      continue;
    }
    let best = 0;
    for (const u of large) {
      const s = jaroWinkler(t, u);
      if (s > best) best = s;
    }
    if (best >= TOKEN_MATCH) sum += best;
  }
  return (2 * sum) / (a.length + b.length);
}

/**
 * Order-insensitive similarity of the words of two strings: each word of the shorter text is matched to
 * its closest word in the other (exactly, or by Jaro-Winkler >= 0.9), and the matches are scored like Dice.
 * @param a - first string
 * @param b - second string
 * @returns 0 to 1; 1 when both hold the same words in any order
 * @example
 * tokenSetSimilarity("Smith, John", "john smith") //=> 1
 */
export function tokenSetSimilarity(a: string, b: string): number {
  return tokenSetOfSorted(tokenSet(a.toLowerCase()), tokenSet(b.toLowerCase()));
}
