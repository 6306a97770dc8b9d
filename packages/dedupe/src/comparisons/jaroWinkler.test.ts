import { describe, expect, test } from "vitest";
import { jaroWinkler } from "./jaroWinkler.ts";

describe("jaroWinkler", () => {
  test.each([
    ["martha", "marhta", 0.9611],
    ["dwayne", "duane", 0.84],
    ["dixon", "dicksonx", 0.8133],
    ["jones", "johnson", 0.8323],
    ["abc", "xyz", 0],
  ])("scores %s vs %s as %d", (a, b, expected) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 3);
  });

  test("gives 1 for equal strings and 0 against an empty one", () => {
    expect(jaroWinkler("smith", "smith")).toBe(1);
    expect(jaroWinkler("smith", "")).toBe(0);
  });

  test("is symmetric and handles strings longer than its scratch buffers", () => {
    const a = "a".repeat(100) + "b";
    const b = "a".repeat(100) + "c";
    expect(jaroWinkler(a, b)).toBeCloseTo(jaroWinkler(b, a), 12);
    expect(jaroWinkler(a, b)).toBeGreaterThan(0.98);
  });
});
