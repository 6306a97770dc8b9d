import { describe, expect, test } from "vitest";
import { isChineseIdCard } from "./isChineseIdCard.ts";

describe("isChineseIdCard", () => {
  test.each(["11010519491231002X", "11010519491231002x", "510107197902253157", " 440106199502197058 "])("accepts %j", (value) => {
    expect(isChineseIdCard(value)).toBe(true);
  });

  test.each([
    ["a wrong check character", "110105194912310021"],
    ["a wrong check digit", "510107197902253150"],
    ["an unknown province code", "990107197902253150"],
    ["an impossible birth date", "510107197902303150"],
    ["a birth year before 1800", "510107170001013150"],
    ["17 characters", "51010719790225315"],
    ["19 characters", "5101071979022531570"],
    ["a letter inside", "5101071979A2253157"],
    ["the 15-digit form", "510107790225315"],
    ["a number", 510107197902253150],
    ["null", null],
  ])("refuses %s", (_why, value) => {
    expect(isChineseIdCard(value)).toBe(false);
  });
});
