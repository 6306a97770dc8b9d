import { format } from "date-fns";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { createDateParser, parseDate, type ParseDateOptions } from "./parseDate.ts";

type Case = readonly [input: unknown, options: ParseDateOptions, expected: string | null];
type ErrorCase = readonly [input: unknown, options: ParseDateOptions, code: string];

const dmy: ParseDateOptions = { order: "dmy" };
const mdy: ParseDateOptions = { order: "mdy" };

const valid: readonly Case[] = [
  // CRM/ERP examples
  ["2023/01/01", {}, "2023-01-01"],
  ["01-01-2023", dmy, "2023-01-01"],
  ["2023年1月1日", {}, "2023-01-01"],
  // ISO 8601
  ["2023-01-31", {}, "2023-01-31"],
  ["2023-1-5", {}, "2023-01-05"],
  ["2023-01-31T10:20:30", {}, "2023-01-31T10:20:30"],
  ["2023-01-31T10:20", {}, "2023-01-31T10:20:00"],
  ["2023-01-31T10:20:30Z", {}, "2023-01-31T10:20:30Z"],
  ["2023-01-31T10:20:30+08:00", {}, "2023-01-31T10:20:30+08:00"],
  ["2023-01-31T10:20:30+0800", {}, "2023-01-31T10:20:30+08:00"],
  ["2023-01-31T10:20:30+08", {}, "2023-01-31T10:20:30+08:00"],
  ["2023-01-31T10:20:30-05:30", {}, "2023-01-31T10:20:30-05:30"],
  ["2023-01-31T10:20:30+00:00", {}, "2023-01-31T10:20:30Z"],
  ["2023-01-31T10:20:30.123Z", {}, "2023-01-31T10:20:30.123Z"],
  ["2023-01-31T10:20:30,5", {}, "2023-01-31T10:20:30.5"],
  ["2023-01-31 10:20:30", {}, "2023-01-31T10:20:30"],
  ["2023-01-31 10:20:30 UTC", {}, "2023-01-31T10:20:30Z"],
  ["2023-01-31 10:20 GMT+8", {}, "2023-01-31T10:20:00+08:00"],
  ["20230131T102030", {}, "2023-01-31T10:20:30"],
  ["20230131T1020Z", {}, "2023-01-31T10:20:00Z"],
  ["20230131102030", {}, "2023-01-31T10:20:30"],
  // year first with other separators
  ["2023/1/31", {}, "2023-01-31"],
  ["2023.01.31", {}, "2023-01-31"],
  ["2023.1.5", {}, "2023-01-05"],
  ["2023 01 31", {}, "2023-01-31"],
  ["20230131", {}, "2023-01-31"],
  ["2023/01/31 08:05", {}, "2023-01-31T08:05:00"],
  // day or month first, decided by the values
  ["31-01-2023", {}, "2023-01-31"],
  ["31/01/2023", {}, "2023-01-31"],
  ["31.01.2023", {}, "2023-01-31"],
  ["01/31/2023", {}, "2023-01-31"],
  ["12/25/2023", {}, "2023-12-25"],
  ["25.12.2023", {}, "2023-12-25"],
  ["05/05/2023", {}, "2023-05-05"],
  ["31/01/2023 14:30", {}, "2023-01-31T14:30:00"],
  // decided by the order option
  ["01/02/2023", dmy, "2023-02-01"],
  ["01/02/2023", mdy, "2023-01-02"],
  ["01-02-2023", dmy, "2023-02-01"],
  ["1.2.2023", dmy, "2023-02-01"],
  ["01/02/2023 3:04 PM", mdy, "2023-01-02T15:04:00"],
  ["01/02/2023 12:00 AM", mdy, "2023-01-02T00:00:00"],
  ["01/02/2023 12:30 pm", mdy, "2023-01-02T12:30:00"],
  ["2023/02/01", dmy, "2023-02-01"],
  ["2023/02/01", mdy, "2023-02-01"],
  // Chinese and Japanese
  ["2023年01月05日", {}, "2023-01-05"],
  ["2023年1月5号", {}, "2023-01-05"],
  ["2023 年 1 月 5 日", {}, "2023-01-05"],
  ["2023年1月5日 10时20分", {}, "2023-01-05T10:20:00"],
  ["2023年1月5日10时20分30秒", {}, "2023-01-05T10:20:30"],
  ["2023年1月5日 10:20", {}, "2023-01-05T10:20:00"],
  ["2023年1月5日 星期四", {}, "2023-01-05"],
  ["2023年1月5日（周四）", {}, "2023-01-05"],
  ["2023年1月5日 下午3点", {}, "2023-01-05T15:00:00"],
  ["2023年1月5日 上午9点30分", {}, "2023-01-05T09:30:00"],
  ["2023年1月5日 晚上11点", {}, "2023-01-05T23:00:00"],
  ["２０２３年１月５日", {}, "2023-01-05"],
  ["２０２３／０１／０５", {}, "2023-01-05"],
  ["2023年1月5日 10時20分", {}, "2023-01-05T10:20:00"],
  // English month names
  ["1 Jan 2023", {}, "2023-01-01"],
  ["01 Jan 2023", {}, "2023-01-01"],
  ["1-Jan-2023", {}, "2023-01-01"],
  ["Jan 1, 2023", {}, "2023-01-01"],
  ["Jan 1 2023", {}, "2023-01-01"],
  ["January 1 2023", {}, "2023-01-01"],
  ["January 1st, 2023", {}, "2023-01-01"],
  ["1st January 2023", {}, "2023-01-01"],
  ["2nd of February 2023", {}, "2023-02-02"],
  ["Sept 3, 2023", {}, "2023-09-03"],
  ["Sep. 3, 2023", {}, "2023-09-03"],
  ["3 SEPTEMBER 2023", {}, "2023-09-03"],
  ["2023 Mar 4", {}, "2023-03-04"],
  ["2023-Mar-04", {}, "2023-03-04"],
  ["Monday, January 2, 2023", {}, "2023-01-02"],
  ["Mon, 2 Jan 2023 10:20:30 GMT", {}, "2023-01-02T10:20:30Z"],
  ["Mon, 2 Jan 2023 10:20:30 +0100", {}, "2023-01-02T10:20:30+01:00"],
  ["Jan 2, 2023 9:15 am", {}, "2023-01-02T09:15:00"],
  ["Jan 2, 2023, 9:15 p.m.", {}, "2023-01-02T21:15:00"],
  ["Dec 25 2023 18:00", {}, "2023-12-25T18:00:00"],
  // two-digit years need pivotYear (and an order)
  ["01-Jan-23", { pivotYear: 2049 }, "2023-01-01"],
  ["15-MAR-99", { pivotYear: 2049 }, "1999-03-15"],
  ["31/12/23", { order: "dmy", pivotYear: 2049 }, "2023-12-31"],
  ["12/31/50", { order: "mdy", pivotYear: 2049 }, "1950-12-31"],
  ["23/12/31", { order: "ymd", pivotYear: 2049 }, "2023-12-31"],
  // leap years and edges
  ["2024-02-29", {}, "2024-02-29"],
  ["2000-02-29", {}, "2000-02-29"],
  ["1900-01-01", {}, "1900-01-01"],
  ["2100-12-31", {}, "2100-12-31"],
  ["1850-06-01", { minYear: 1800 }, "1850-06-01"],
  // whitespace, empty and other types
  ["  2023-01-31  ", {}, "2023-01-31"],
  ["\t2023/01/31\n", {}, "2023-01-31"],
  ["", {}, null],
  ["   ", {}, null],
  [null, {}, null],
  [undefined, {}, null],
  [20230131, {}, "2023-01-31"],
  [new Date(Date.UTC(2023, 0, 31)), {}, "2023-01-31"],
  [new Date(Date.UTC(2023, 0, 31, 10, 20, 30)), {}, "2023-01-31T10:20:30Z"],
  // Excel serials and Unix time on request
  [44927, { excelSerial: true }, "2023-01-01"],
  ["44927", { excelSerial: true }, "2023-01-01"],
  [44927.5, { excelSerial: true }, "2023-01-01T12:00:00"],
  [1, { excelSerial: true }, "1900-01-01"],
  [59, { excelSerial: true }, "1900-02-28"],
  [61, { excelSerial: true }, "1900-03-01"],
  [43465, { excelSerial: "1904" }, "2023-01-01"],
  ["20230131", { excelSerial: true }, "2023-01-31"],
  [1672531200, { epoch: "seconds" }, "2023-01-01T00:00:00Z"],
  ["1672531200", { epoch: "seconds" }, "2023-01-01T00:00:00Z"],
  [1672531200123, { epoch: "milliseconds" }, "2023-01-01T00:00:00.123Z"],
  // output forms
  ["2023/01/31", { output: "iso" }, "2023-01-31T00:00:00"],
  ["2023-01-31T10:20:30+08:00", { output: "yyyy-MM-dd" }, "2023-01-31"],
  ["2023/01/31", { output: "dd.MM.yyyy" }, "31.01.2023"],
  ["31.01.2023", { output: "dd.MM.yyyy" }, "31.01.2023"],
  ["2023-01-31T10:20:30", { output: "yyyy/MM/dd HH:mm" }, "2023/01/31 10:20"],
  ["2023-01-31", { output: "MMMM d, yyyy" }, "January 31, 2023"],
  // time zones
  ["2023-01-31T10:20:30+08:00", { timezone: "utc" }, "2023-01-31T02:20:30Z"],
  ["2023-01-01T02:00:00+08:00", { timezone: "utc" }, "2022-12-31T18:00:00Z"],
  ["2023-01-31T10:20:30", { defaultOffset: "+08:00" }, "2023-01-31T10:20:30+08:00"],
  ["2023-01-31T10:20:30", { defaultOffset: "+08:00", timezone: "utc" }, "2023-01-31T02:20:30Z"],
  ["2023-01-31", { defaultOffset: "+08:00", timezone: "utc" }, "2023-01-31"],
  // extra date-fns patterns
  ["31 janv. 2023", { formats: ["d 'janv.' yyyy"] }, "2023-01-31"],
  ["2023-031", { formats: ["yyyy-DDD"] }, "2023-01-31"],
  ["01/02/2023", { formats: ["dd/MM/yyyy"] }, "2023-02-01"],
  ["Q1 2023 day 5", { formats: ["'Q1' yyyy 'day' d"] }, "2023-01-05"],
];

const invalid: readonly ErrorCase[] = [
  ["01/02/2023", {}, "ambiguous_date"],
  ["02/03/2023 10:00", {}, "ambiguous_date"],
  ["01-Jan-23", {}, "ambiguous_date"],
  ["31/12/23", {}, "ambiguous_date"],
  ["31/12/23", dmy, "ambiguous_date"],
  [44927, {}, "ambiguous_date"],
  ["44927", {}, "ambiguous_date"],
  ["2023-02-30", {}, "invalid_date"],
  ["2023-02-29", {}, "invalid_date"],
  ["1900-02-29", {}, "invalid_date"],
  ["2023-13-01", {}, "invalid_date"],
  ["2023-04-31", {}, "invalid_date"],
  ["2023-00-10", {}, "invalid_date"],
  ["2023-01-00", {}, "invalid_date"],
  ["32/01/2023", {}, "invalid_date"],
  ["13/13/2023", {}, "invalid_date"],
  ["13/01/2023", mdy, "invalid_date"],
  ["01/13/2023", dmy, "invalid_date"],
  ["Feb 30, 2023", {}, "invalid_date"],
  ["2023-01-31T24:00:00", {}, "invalid_date"],
  ["2023-01-31T10:61", {}, "invalid_date"],
  ["2023-01-31T10:20:30+15:00", {}, "invalid_date"],
  ["2023-01-31 13:00 PM", {}, "invalid_date"],
  ["1899-12-31", {}, "out_of_range"],
  ["2101-01-01", {}, "out_of_range"],
  ["0001-01-01", {}, "out_of_range"],
  ["2023-01-31", { maxYear: 2020 }, "out_of_range"],
  ["not a date", {}, "invalid_date"],
  ["2023-01", {}, "invalid_date"],
  ["Jan 2023", {}, "invalid_date"],
  ["2023-01-31T", {}, "invalid_date"],
  ["2023-01-31 and more", {}, "invalid_date"],
  ["2023/01-31", {}, "invalid_date"],
  ["2023-01-31,", {}, "invalid_date"],
  ["123", {}, "ambiguous_date"],
  ["2023年1月", {}, "invalid_date"],
  ["Smarch 5, 2023", {}, "invalid_date"],
  [60, { excelSerial: true }, "invalid_date"],
  [0, { excelSerial: true }, "invalid_date"],
  [3_000_000, { excelSerial: true }, "invalid_date"],
  [Number.NaN, { epoch: "seconds" }, "invalid_date"],
  [new Date(Number.NaN), {}, "invalid_date"],
  [{ y: 2023 }, {}, "invalid_type"],
  [true, {}, "invalid_type"],
];

describe("parseDate", () => {
  test.each(valid)("%j with %j -> %j", (input, options, expected) => {
    const result = parseDate(input, options);
    expect(result).toMatchObject({ ok: true, value: expected });
  });

  test.each(invalid)("%j with %j is %s", (input, options, code) => {
    const result = parseDate(input, options);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issue.code).toBe(code);
      expect(result.issue.value).toBe(input);
    }
  });

  test("keeps the time of a timestamp by default, and drops or adds it when output says so", () => {
    expect(parseDate("2023-01-31 10:20")).toMatchObject({ ok: true, value: "2023-01-31T10:20:00" });
    expect(parseDate("2023-01-31 10:20", { output: "date" })).toMatchObject({ ok: true, value: "2023-01-31" });
    expect(parseDate("2023-01-31T23:30:00-05:00", { output: "date" })).toMatchObject({ ok: true, value: "2023-01-31" });
    expect(parseDate("2023-01-31T23:30:00-05:00", { output: "date", timezone: "utc" })).toMatchObject({ ok: true, value: "2023-02-01" });
    expect(parseDate("2023-01-31", { output: "datetime" })).toMatchObject({ ok: true, value: "2023-01-31T00:00:00" });
    expect(parseDate("2023年1月31日 10时20分", { output: "datetime" })).toMatchObject({ ok: true, value: "2023-01-31T10:20:00" });
  });

  test("names the order only when the order decided how the value was read", () => {
    const iso = parseDate("2023-02-30", { order: "dmy" });
    expect(iso.ok ? "" : iso.issue.message).toBe('Impossible date "2023-02-30": February 2023 has 28 days.');
    const dmy = parseDate("30/02/2023", { order: "dmy" });
    expect(dmy.ok ? "" : dmy.issue.message).toBe('Impossible date "30/02/2023" (read with order dmy): February 2023 has 28 days.');
    const named = parseDate("30 Feb 2023", { order: "mdy" });
    expect(named.ok ? "" : named.issue.message).toBe('Impossible date "30 Feb 2023": February 2023 has 28 days.');
  });

  test("reports whether the value changed", () => {
    expect(parseDate("2023-01-31")).toEqual({ ok: true, value: "2023-01-31", changed: false });
    expect(parseDate("2023/01/31")).toEqual({ ok: true, value: "2023-01-31", changed: true });
    expect(parseDate(null)).toEqual({ ok: true, value: null, changed: false });
    expect(parseDate("")).toEqual({ ok: true, value: null, changed: true });
    expect(parseDate("  ", { empty: "keep" })).toEqual({ ok: true, value: "  ", changed: false });
  });

  test("explains what is wrong and what to do", () => {
    expect((parseDate("01/02/2023") as { issue: { message: string } }).issue.message).toMatchInlineSnapshot(
      `"Ambiguous date "01/02/2023": day and month are both 12 or less; set order ("dmy" or "mdy") to decide (a job can use order: infer)."`,
    );
    expect((parseDate("2023-02-30") as { issue: { message: string } }).issue.message).toMatchInlineSnapshot(
      `"Impossible date "2023-02-30": February 2023 has 28 days."`,
    );
    expect((parseDate("13/01/2023", mdy) as { issue: { message: string } }).issue.message).toMatchInlineSnapshot(
      `"Impossible date "13/01/2023" (read with order mdy): there is no month 13."`,
    );
    expect((parseDate(44927) as { issue: { message: string } }).issue.message).toContain("set excelSerial or epoch");
  });

  test("rejects contradictory or malformed options with a ConfigError", () => {
    expect(() => createDateParser({ excelSerial: true, epoch: "seconds" })).toThrow(expect.objectContaining({ code: "CLEANSE_BAD_OPTION" }));
    expect(() => createDateParser({ defaultOffset: "8 hours" })).toThrow(expect.objectContaining({ code: "CLEANSE_BAD_OPTION" }));
    expect(() => createDateParser({ output: "YYYY-MM-dd" })).toThrow(expect.objectContaining({ code: "CLEANSE_BAD_OPTION" }));
    expect(() => createDateParser({ formats: ["yyyy-MM-dd j"] })).toThrow(expect.objectContaining({ code: "CLEANSE_BAD_OPTION" }));
  });

  test("never mutates a Date it is given", () => {
    const d = new Date(Date.UTC(2023, 0, 31, 10));
    parseDate(d, { timezone: "utc" });
    expect(d.toISOString()).toBe("2023-01-31T10:00:00.000Z");
  });

  const day = fc
    .record({ year: fc.integer({ min: 1900, max: 2100 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
    .filter(({ year, month, day }) => new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day);
  const shapes: readonly [pattern: string, options: ParseDateOptions][] = [
    ["yyyy-MM-dd", {}],
    ["yyyy/M/d", {}],
    ["yyyy.MM.dd", {}],
    ["yyyyMMdd", {}],
    ["dd-MM-yyyy", dmy],
    ["d/M/yyyy", dmy],
    ["MM/dd/yyyy", mdy],
    ["yyyy'年'M'月'd'日'", {}],
    ["d MMM yyyy", {}],
    ["MMM d, yyyy", {}],
    ["MMMM do yyyy", {}],
    ["EEEE, MMMM d, yyyy", {}],
  ];

  test("reads every supported shape of every valid day back to the same date (property)", () => {
    fc.assert(
      fc.property(day, fc.constantFrom(...shapes), ({ year, month, day }, [pattern, options]) => {
        const date = new Date(2000, 0, 1);
        date.setFullYear(year, month - 1, day);
        const expected = format(date, "yyyy-MM-dd");
        expect(parseDate(format(date, pattern), options)).toMatchObject({ ok: true, value: expected });
      }),
      { numRuns: 600 },
    );
  });

  test("is idempotent: a standardized value stays as it is (property)", () => {
    const options = fc.constantFrom<ParseDateOptions>({}, { output: "iso" }, { timezone: "utc" }, { output: "dd.MM.yyyy" }, { output: "MMM d, yyyy" });
    const input = fc.oneof(
      day.map(({ year, month, day }) => `${year}/${month}/${day}`),
      fc
        .tuple(day, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.constantFrom("", "Z", "+08:00", "-0530"))
        .map(([d, h, m, z]) => `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")} ${h}:${String(m).padStart(2, "0")}${z}`),
    );
    fc.assert(
      fc.property(input, options, (value, opts) => {
        const once = parseDate(value, opts);
        if (!once.ok) return;
        const twice = parseDate(once.value, opts);
        expect(twice).toEqual({ ok: true, value: once.value, changed: false });
      }),
      { numRuns: 500 },
    );
  });

  test("never throws on arbitrary input (property)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.double(), fc.integer()), (value) => {
        const result = parseDate(value);
        expect(typeof result.ok).toBe("boolean");
      }),
      { numRuns: 1000 },
    );
  });
});
