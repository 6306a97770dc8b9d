import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { formatDecimal } from "./formatDecimal.ts";

describe("formatDecimal", () => {
  test("bounds the decimals and groups the digits", () => {
    expect(formatDecimal(1234.5678, 2)).toBe("1,234.57");
    expect(formatDecimal(90, 1, 1)).toBe("90.0");
    expect(formatDecimal(0.125, 3)).toBe("0.125");
  });

  test("writes every number as Intl.NumberFormat en-US does with the same digits", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: false }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }), (n, a, b) => {
        const [min, max] = a <= b ? [a, b] : [b, a];
        return formatDecimal(n, max, min) === new Intl.NumberFormat("en-US", { minimumFractionDigits: min, maximumFractionDigits: max }).format(n);
      }),
    );
  });
});
