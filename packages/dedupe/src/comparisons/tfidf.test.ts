import { describe, expect, test } from "vitest";
import { wordTokens } from "./productTokens.ts";
import { softTfidfCosine, tfidfCosine, tfidfVector } from "./tfidf.ts";
import { buildVocabulary, documentFrequency, inverseFrequency } from "./vocabulary.ts";

const titles = [
  "sony bravia kdl-46v5100 46 inch lcd tv black",
  "sony bravia kdl46v5100 lcd tv",
  "samsung 40 inch lcd tv black",
  "lg 42 inch lcd tv",
  null,
];

describe("buildVocabulary", () => {
  test("counts the records holding each token, once per record", () => {
    const v = buildVocabulary(titles, wordTokens);
    expect(v.docs).toBe(4);
    expect(documentFrequency(v, "lcd")).toBe(4);
    expect(documentFrequency(v, "sony")).toBe(2);
    // Tokens of one record, and tokens never seen, count as 1.
    expect(documentFrequency(v, "bravia")).toBe(2);
    expect(documentFrequency(v, "samsung")).toBe(1);
    expect(documentFrequency(v, "unseen")).toBe(1);
    expect(inverseFrequency(v, "samsung")).toBeGreaterThan(inverseFrequency(v, "lcd"));
  });
});

describe("tfidfCosine", () => {
  const v = buildVocabulary(titles, wordTokens);
  const vec = (s: string) => tfidfVector(wordTokens(s), v)!;

  test("weighs rare shared words above common ones", () => {
    const sony = tfidfCosine(vec(titles[0]!), vec(titles[1]!));
    const samsung = tfidfCosine(vec(titles[0]!), vec(titles[2]!));
    expect(sony).toBeGreaterThan(samsung);
    expect(tfidfCosine(vec("lcd tv"), vec("lcd tv"))).toBeCloseTo(1, 12);
    expect(tfidfCosine(vec("sony"), vec("samsung"))).toBe(0);
  });

  test("is symmetric and a text without words has no vector", () => {
    expect(tfidfCosine(vec(titles[0]!), vec(titles[2]!))).toBeCloseTo(tfidfCosine(vec(titles[2]!), vec(titles[0]!)), 12);
    expect(tfidfVector([], v)).toBeNull();
  });

  test("soft TF-IDF counts a misspelt rare word almost fully", () => {
    const exact = tfidfCosine(vec("sony bravia lcd"), vec("sony bravai lcd"));
    const soft = softTfidfCosine(vec("sony bravia lcd"), vec("sony bravai lcd"));
    expect(soft).toBeGreaterThan(exact);
    expect(soft).toBeLessThanOrEqual(1);
  });
});
