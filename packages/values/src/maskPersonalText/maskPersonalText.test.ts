import { describe, expect, test } from "vitest";
import { maskPersonalText } from "./maskPersonalText.ts";

describe("maskPersonalText", () => {
  test.each([
    ['Invalid phone number "13812345678" (region CN)', 'Invalid phone number "138****5678" (region CN)'],
    ["expected an email address, received HE3479@126.COM.", "expected an email address, received H*****@126.COM."],
    ["he3479@126.com vs HE3479@126.COM", "h*****@126.com vs H*****@126.COM"],
    ['expected a date in format yyyy-MM-dd, received "510107199911237975"', 'expected a date in format yyyy-MM-dd, received "510***********7975"'],
    ["ID 11010519491231002X on file", "ID 110**********1002X on file"],
    ["call +86 186 6802 9671 today", "call +86 1** **** 9671 today"],
    ["US office (415) 555-2671", "US office (***) ***-**71"],
    ["card 6222 0212 3456 7890 128, expired", "card 622* **** **** ***0 128, expired"],
    ["record 12 13812345678", "record 12 138****5678"],
    ["电话：13812345678。", "电话：138****5678。"],
  ])("masks the personal values in %j", (text, masked) => {
    expect(maskPersonalText(text)).toBe(masked);
  });

  test.each([
    "expected a number between 0 and 1000000, received 2500.50",
    "Impossible date \"2023-02-30\": February 2023 has 28 days.",
    "One of 2 records of cluster C00002 (match probability 1.000)",
    "expected 18 characters, received 17",
    "sha256 a3f5812345678901b2c",
    "order A13812345678",
    "check digit is 0, expected 4",
    "he3479@ is no address",
  ])("leaves %j as it is", (text) => {
    expect(maskPersonalText(text)).toBe(text);
  });

  test("reads phone numbers written without a country code in the regions it is given", () => {
    expect(maskPersonalText("mobile 06 12 34 56 78")).toBe("mobile 06 12 34 56 78");
    expect(maskPersonalText("mobile 06 12 34 56 78", { regions: ["FR"] })).toBe("mobile ** ** ** ** 78");
  });
});
