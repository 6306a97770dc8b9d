import { describe, expect, test } from "vitest";
import { compileDateFormat, daysFromCivil, isIsoDate, parseIsoDate, parseIsoDateTime, strftimeToTokens } from "@cleanse/values";
import { parseDateBound, parseDuration } from "./dates.ts";

describe("dates", () => {
  test("parses ISO dates and date-times as floating time", () => {
    expect(parseIsoDate("2024-02-29")).toBe(Date.UTC(2024, 1, 29));
    expect(parseIsoDate("2023-02-29")).toBeNaN();
    expect(parseIsoDateTime("2024-05-01T10:00:00+08:00")).toBe(Date.UTC(2024, 4, 1, 2));
    expect(parseIsoDateTime("2024-05-01 10:00")).toBe(Date.UTC(2024, 4, 1, 10));
    expect([isIsoDate("2024-12-31"), isIsoDate("2024-12-32"), isIsoDate("24-12-31")]).toEqual([true, false, false]);
  });

  test("days from civil agrees with Date.UTC", () => {
    for (const [y, m, d] of [[1970, 1, 1], [2000, 2, 29], [1969, 12, 31], [2400, 3, 1], [1600, 1, 1]] as const) {
      expect(daysFromCivil(y, m, d) * 86_400_000).toBe(Date.UTC(y, m - 1, d));
    }
  });

  test.each([
    ["dd/MM/yyyy", "31/12/2024", Date.UTC(2024, 11, 31)],
    ["yyyyMMdd", "20240229", Date.UTC(2024, 1, 29)],
    ["MMM d, yyyy", "Feb 3, 2024", Date.UTC(2024, 1, 3)],
    ["yyyy-MM-dd'T'HH:mm:ss.SSSXXX", "2024-01-01T00:00:00.250Z", Date.UTC(2024, 0, 1, 0, 0, 0, 250)],
    ["hh:mm a, dd.MM.yyyy", "12:30 am, 01.01.2024", Date.UTC(2024, 0, 1, 0, 30)],
    ["%Y-%m-%d %H:%M:%S", "2024-1-5 7:08:09", Date.UTC(2024, 0, 5, 7, 8, 9)],
    ["yyyy-DDD", "2024-060", Date.UTC(2024, 1, 29)],
    ["do MMMM yyyy", "1st January 2024", Date.UTC(2024, 0, 1)],
  ])("the format %s reads %s", (format, text, expected) => {
    expect(compileDateFormat(format)(text)).toBe(expected);
  });

  test("formats refuse impossible dates and stray text", () => {
    expect(compileDateFormat("dd/MM/yyyy")("31/02/2024")).toBeNaN();
    expect(compileDateFormat("dd/MM/yyyy")("01/01/2024x")).toBeNaN();
    expect(strftimeToTokens("%d.%m.%Y at %H")).toBe("d.M.yyyy 'at' H");
    expect(() => strftimeToTokens("%D")).toThrow("unsupported strftime directive %D");
  });

  test("bounds and durations", () => {
    const now = new Date(2024, 4, 15, 12, 0, 0);
    expect(parseDateBound("today", undefined, now)).toBe(Date.UTC(2024, 4, 15));
    expect(parseDateBound("today-30d", undefined, now)).toBe(Date.UTC(2024, 3, 15));
    expect(parseDateBound("today+1y", undefined, now)).toBe(Date.UTC(2025, 4, 15));
    expect(parseDateBound("now-2h", undefined, now)).toBe(Date.UTC(2024, 4, 15, 10));
    expect(parseDateBound("2020-01-01", undefined, now)).toBe(Date.UTC(2020, 0, 1));
    expect(parseDateBound("soon", undefined, now)).toBeNaN();
    expect([parseDuration("7d"), parseDuration("12h"), parseDuration("30min"), parseDuration(2)]).toEqual([604_800_000, 43_200_000, 1_800_000, 172_800_000]);
    expect(parseDuration("7 days")).toBeNaN();
  });
});
