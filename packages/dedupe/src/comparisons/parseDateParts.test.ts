import { describe, expect, test } from "vitest";
import { parseDateParts } from "./parseDateParts.ts";

describe("parseDateParts", () => {
  test.each([
    ["1971-06-24", "19710624"],
    ["19710624", "19710624"],
    ["1971/6/4", "19710604"],
    ["24/06/1971", "19710624"],
    ["06/24/1971", "19710624"],
    ["2020-01-02T10:00:00Z", "20200102"],
  ])("reads %s", (text, digits) => {
    expect(parseDateParts(text)?.digits).toBe(digits);
  });

  test("keeps impossible dates as digits without a day number", () => {
    const p = parseDateParts("20010231");
    expect(p?.digits).toBe("20010231");
    expect(Number.isNaN(p?.day)).toBe(true);
  });

  test("rejects text that is not a date", () => {
    expect(parseDateParts("next tuesday")).toBeNull();
    expect(parseDateParts("12345")).toBeNull();
  });
});
