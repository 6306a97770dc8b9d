import { describe, expect, test } from "vitest";
import type { KeyTransform } from "../config/dedupeConfigSchema.ts";
import { applyKeyTransform, createDateKey, pinyinInitials, soundex } from "./keyTransforms.ts";

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

describe("createDateKey", () => {
  test("reads dates as written, with the column's order", () => {
    expect(createDateKey("date", "dmy")("01/02/2023")).toBe("2023-02-01");
    expect(createDateKey("date", "mdy")("01/02/2023")).toBe("2023-01-02");
    expect(createDateKey("year", "dmy")("31/12/1999")).toBe("1999");
    expect(createDateKey("date", undefined)("1. März 2023")).toBe("2023-03-01");
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
    ["year", "dec 7, 1958", undefined, "1958"],
    ["year", "1995", undefined, "1995"],
    // A year is read from a date the value kernel reads, never picked out of free text or an impossible date.
    ["year", "in proc. 1995,", undefined, null],
    ["year", "2023-02-30", undefined, null],
    ["year", "no date", undefined, null],
    ["date", "1958年12月7日", undefined, "1958-12-07"],
    ["date", "2023-01-31T23:30:00-05:00", undefined, "2023-01-31"],
    ["date", "01/02/2023", undefined, null],
    ["digits", "a1b2c3", undefined, "123"],
    ["initials", "anna maria lee", undefined, "aml"],
    ["sortedTokens", "smith, john", undefined, "john smith"],
    ["orgName", "acme holdings co., ltd.", undefined, "acme holdings"],
    ["orgName", "华为技术有限公司", undefined, "华为技术"],
    ["orgName", "limited", undefined, "limited"],
    ["orgName", "-", undefined, null],
    ["codes", "sony kdl-46v5100 46\" lcd tv", undefined, ["46v5100", "kdl46v5100"]],
    ["codes", "sandisk ultra 64gb class 10", undefined, null],
  ])("%s of %s (length %s) is %o", (transform, text, length, expected) => {
    expect(applyKeyTransform(transform, text, length)).toEqual(expected);
  });

  test("uses pinyin for sound codes of Chinese names", () => {
    expect(applyKeyTransform("soundex", "王")).toBe(soundex("wang"));
  });
});
