import { describe, expect, test } from "vitest";
import { isBankCardNumber } from "./isBankCardNumber.ts";

describe("isBankCardNumber", () => {
  test.each(["4111111111111111", "4111 1111 1111 1111", "4111-1111-1111-1111", "6222021234567890128", " 5500005555555559 ", 4111111111111111, "378282246310005"])("accepts %j", (value) => {
    expect(isBankCardNumber(value)).toBe(true);
  });

  test.each([
    ["a failed Luhn check", "4111111111111112"],
    ["11 digits that pass the check", "41111111112"],
    ["20 digits that pass the check", "41111111111111111115"],
    ["a leading zero", "0000000000000000"],
    ["two separators in a row", "4111  1111 1111 1111"],
    ["a decimal point", "4111.1111.1111.1111"],
    ["letters", "4111abcd11111111"],
    ["an unsafe JSON number", 41111111111111111111],
    ["null", null],
  ])("refuses %s", (_why, value) => {
    expect(isBankCardNumber(value)).toBe(false);
  });
});
