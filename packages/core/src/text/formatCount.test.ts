import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { formatCount } from "./formatCount.ts";

describe("formatCount", () => {
  test("groups the digits of integers by thousands", () => {
    expect(formatCount(0)).toBe("0");
    expect(formatCount(999)).toBe("999");
    expect(formatCount(1000)).toBe("1,000");
    expect(formatCount(1234567)).toBe("1,234,567");
    expect(formatCount(-1000)).toBe("-1,000");
  });

  test("writes every number as Intl.NumberFormat en-US does", () => {
    const intl = new Intl.NumberFormat("en-US");
    fc.assert(fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.double({ noNaN: false })), (n) => formatCount(n) === intl.format(n)));
    expect(formatCount(Number.NaN)).toBe("NaN");
    expect(formatCount(1e21)).toBe(intl.format(1e21));
  });
});
