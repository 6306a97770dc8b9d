import { describe, expect, test } from "vitest";
import { qgramJaccard, tokenSetSimilarity } from "./setSimilarity.ts";

describe("qgramJaccard", () => {
  test("compares bigram sets", () => {
    expect(qgramJaccard("jonathan", "jonathon")).toBeCloseTo(0.625, 10);
    expect(qgramJaccard("abc", "abc")).toBe(1);
    expect(qgramJaccard("abc", "xyz")).toBe(0);
  });

  test("uses the gram length asked for", () => {
    expect(qgramJaccard("night", "nacht", 1)).toBeCloseTo(3 / 7, 10);
    expect(qgramJaccard("ab", "ab", 3)).toBe(1);
  });
});

describe("tokenSetSimilarity", () => {
  test.each([
    ["Smith, John", "john smith", 1],
    ["john a smith", "john smith", 0.8],
    ["acme pty ltd", "globex corporation", 0],
  ])("scores %s vs %s as %d", (a, b, expected) => {
    expect(tokenSetSimilarity(a, b)).toBeCloseTo(expected, 6);
  });

  test("matches words with small typos", () => {
    const s = tokenSetSimilarity("jonathan smith", "smith jonathon");
    expect(s).toBeGreaterThan(0.9);
    expect(s).toBeLessThan(1);
  });
});
