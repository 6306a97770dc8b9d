import fc from "fast-check";
import { Decimal } from "decimal.js";
import { describe, expect, test } from "vitest";
import { compareDecimals } from "./compareDecimals.ts";

describe("compareDecimals", () => {
  test.each([
    ["12345678901234567.5", "12345678901234567.25", 1],
    ["0.1", "0.10000000000000000555", -1],
    ["-1", "1", -1],
    ["-2.5", "-2.25", -1],
    ["10", "9.99", 1],
    ["0", "-0", 0],
    ["1e3", "1000", 0],
    ["007", "7", 0],
    ["3", "3", 0],
    ["0", "0.1", -1],
    ["0.1", "0", 1],
    ["12", "12.5", -1],
  ] as const)("%s vs %s is %i", (a, b, expected) => {
    expect(compareDecimals(a, b)).toBe(expected);
  });

  test("agrees with decimal.js on any two canonical decimals", () => {
    const decimal = fc
      .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.integer({ min: 0, max: 25 }))
      .map(([negative, digits, scale]) => new Decimal(`${negative ? "-" : ""}${digits}`).div(new Decimal(10).pow(scale)).toFixed());
    fc.assert(
      fc.property(decimal, decimal, (a, b) => {
        expect(compareDecimals(a, b)).toBe(new Decimal(a).comparedTo(b));
      }),
      { numRuns: 2000 },
    );
  });

  test("refuses what is no decimal", () => {
    expect(() => compareDecimals("abc", "1")).toThrow();
  });
});
