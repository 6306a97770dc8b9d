import { describe, expect, test } from "vitest";
import {
  damerauLevenshteinDistance,
  damerauLevenshteinSimilarity,
  levenshteinDistance,
  levenshteinSimilarity,
} from "./editDistance.ts";

describe("levenshtein", () => {
  test.each([
    ["kitten", "sitting", 3],
    ["", "abc", 3],
    ["flaw", "lawn", 2],
    ["same", "same", 0],
  ])("counts %s -> %s as %d edits", (a, b, d) => {
    expect(levenshteinDistance(a, b)).toBe(d);
  });

  test("normalizes by the longer string", () => {
    expect(levenshteinSimilarity("smith", "smyth")).toBeCloseTo(0.8, 10);
    expect(levenshteinSimilarity("", "")).toBe(1);
  });
});

describe("damerauLevenshtein", () => {
  test.each([
    ["jhon", "john", 1],
    ["ca", "abc", 3],
    ["abcdef", "badcfe", 3],
    ["kitten", "sitting", 3],
    ["", "ab", 2],
  ])("counts %s -> %s as %d edits (a swap of neighbours is one)", (a, b, d) => {
    expect(damerauLevenshteinDistance(a, b)).toBe(d);
  });

  test("normalizes by the longer string", () => {
    expect(damerauLevenshteinSimilarity("jhon", "john")).toBe(0.75);
    expect(damerauLevenshteinSimilarity("x".repeat(200), "x".repeat(199) + "y")).toBeCloseTo(0.995, 10);
  });
});
