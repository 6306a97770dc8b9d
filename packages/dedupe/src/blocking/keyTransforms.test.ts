import { describe, expect, test } from "vitest";
import type { KeyTransform } from "../config/dedupeConfigSchema.ts";
import { applyKeyTransform, pinyinInitials, soundex } from "./keyTransforms.ts";

describe("soundex", () => {
  test.each([
    ["Robert", "R163"],
    ["Rupert", "R163"],
    ["Ashcraft", "A261"],
    ["Tymczak", "T522"],
    ["Pfister", "P236"],
    ["Lee", "L000"],
    ["123", ""],
  ])("codes %s as %s", (name, code) => {
    expect(soundex(name)).toBe(code);
  });
});

describe("pinyinInitials", () => {
  test("takes pinyin initials of Chinese names and first letters otherwise", () => {
    expect(pinyinInitials("王小明")).toBe("wxm");
    expect(pinyinInitials("anna maria lee")).toBe("aml");
  });
});

describe("applyKeyTransform", () => {
  test.each<[KeyTransform, string, number | undefined, unknown]>([
    ["exact", "smith", undefined, "smith"],
    ["prefix", "o'brien", 3, "obr"],
    ["prefix", "jonathan", undefined, "jon"],
    ["soundex", "smith", undefined, "S530"],
    ["metaphone", "smith", undefined, ["SM0", "XMT"]],
    ["metaphone", "anna", undefined, "AN"],
    ["pinyinInitials", "王小明", undefined, "wxm"],
    ["phoneDigits", "+61 (0)4 1234 5678", undefined, "12345678"],
    ["phoneDigits", "12 34", undefined, null],
    ["phoneDigits", "0412 345 678", 9, "412345678"],
    ["emailLocal", "anna.lee@example.com", undefined, "anna.lee"],
    ["firstToken", "tullaroop street", undefined, "tullaroop"],
    ["year", "1971-06-24", undefined, "1971"],
    ["year", "19710624", undefined, "1971"],
    ["year", "in proc. 1995,", undefined, "1995"],
    ["year", "no date", undefined, null],
    ["digits", "a1b2c3", undefined, "123"],
    ["initials", "anna maria lee", undefined, "aml"],
    ["sortedTokens", "smith, john", undefined, "john smith"],
  ])("%s of %s (length %s) is %o", (transform, text, length, expected) => {
    expect(applyKeyTransform(transform, text, length)).toEqual(expected);
  });

  test("uses pinyin for sound codes of Chinese names", () => {
    expect(applyKeyTransform("soundex", "王")).toBe(soundex("wang"));
  });
});
