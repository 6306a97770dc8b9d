import { describe, expect, test } from "vitest";
import { isPersonalValue } from "./isPersonalValue.ts";

describe("isPersonalValue", () => {
  test.each([
    ["a CN mobile number", "15894963798"],
    ["a CN mobile number as a JSON number", 18699462885],
    ["a number with its country code", "+86-186-6802-9671"],
    ["a number with the country code in brackets", "(+86)15894963798"],
    ["a number of another country with its country code", "+44 20 7946 0958"],
    ["a US number", "(415) 555-2671"],
    ["an e-mail address", "HE3479@126.COM"],
    ["an ID card number", "510107199911237975"],
    ["a bank card number", "6222 0212 3456 7890 128"],
  ])("recognises %s", (_what, value) => {
    expect(isPersonalValue(value)).toBe(true);
  });

  test.each([
    ["a date", "2024-01-10"],
    ["a compact date", "20221004"],
    ["a compact date-time", "20240131120000"],
    ["an amount", "388000.32"],
    ["a count", 408],
    ["a customer id", "C00002"],
    ["a name", "何涛"],
    ["an ID card number with a wrong check digit", "510107199911237970"],
    ["an e-mail address without a domain", "he3479@"],
    ["null", null],
    ["a boolean", true],
  ])("leaves alone %s", (_what, value) => {
    expect(isPersonalValue(value)).toBe(false);
  });

  test("recognises numbers written without a country code only in the given regions", () => {
    expect(isPersonalValue("06 12 34 56 78")).toBe(false);
    expect(isPersonalValue("06 12 34 56 78", { regions: ["FR"] })).toBe(true);
    expect(isPersonalValue("15894963798", { regions: ["FR"] })).toBe(false);
  });
});
