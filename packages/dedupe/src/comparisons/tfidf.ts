import { jaroWinkler } from "./jaroWinkler.ts";
import { inverseFrequency, type Vocabulary } from "./vocabulary.ts";

/** A text as a unit-length TF-IDF vector: its distinct tokens, sorted, with their weights. */
export interface TfidfVector {
  readonly tokens: readonly string[];
  readonly weights: Float64Array;
}

/** The TF-IDF vector of a text's tokens (each token counted once), or null without tokens. */
export function tfidfVector(tokens: readonly string[], vocabulary: Vocabulary): TfidfVector | null {
  const distinct = [...new Set(tokens)].sort();
  if (distinct.length === 0) return null;
  const weights = new Float64Array(distinct.length);
  let norm = 0;
  for (let k = 0; k < distinct.length; k++) {
    const w = inverseFrequency(vocabulary, distinct[k]!);
    weights[k] = w;
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  for (let k = 0; k < weights.length; k++) weights[k]! /= norm;
  return { tokens: distinct, weights };
}

/** Cosine of two TF-IDF vectors: the weight of the tokens they share. */
export function tfidfCosine(a: TfidfVector, b: TfidfVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  const ta = a.tokens;
  const tb = b.tokens;
  while (i < ta.length && j < tb.length) {
    const x = ta[i]!;
    const y = tb[j]!;
    if (x === y) {
      sum += a.weights[i++]! * b.weights[j++]!;
    } else if (x < y) i++;
    else j++;
  }
  return Math.min(1, sum);
}

const SOFT_MATCH = 0.9;

/**
 * Soft TF-IDF (Cohen, Ravikumar & Fienberg 2003): like the cosine, but a token of `a` without an exact
 * partner counts with its closest token of `b` when their Jaro-Winkler similarity reaches 0.9, so a typo in a
 * rare word still counts most of that word's weight.
 */
export function softTfidfCosine(a: TfidfVector, b: TfidfVector): number {
  let sum = 0;
  const tb = b.tokens;
  for (let i = 0; i < a.tokens.length; i++) {
    const x = a.tokens[i]!;
    let best = 0;
    let at = -1;
    for (let j = 0; j < tb.length; j++) {
      const y = tb[j]!;
      const s = x === y ? 1 : Math.abs(x.length - y.length) > 3 ? 0 : jaroWinkler(x, y);
      if (s > best) {
        best = s;
        at = j;
        if (s === 1) break;
      }
    }
    if (best >= SOFT_MATCH) sum += a.weights[i]! * b.weights[at]! * best;
  }
  return Math.min(1, sum);
}
