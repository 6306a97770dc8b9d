import { describe, expect, test } from "vitest";
import { accepts, issuesPerValue } from "../testing.ts";

describe("date and datetime", () => {
  test.each([
    ["date", ["2024-02-29", "1999-12-31", new Date(0)], ["2023-02-29", "2024-13-01", "2024-1-5", "20240101", 20240101, "2024-01-01T00:00"]],
    [{ date: "dd/MM/yyyy" }, ["31/12/2024"], ["12/31/2024", "2024-12-31"]],
    [{ date: "%Y-%m-%d" }, ["2024-01-05", "2024-1-5"], ["05-01-2024"]],
    [{ date: { format: ["yyyy-MM-dd", "yyyy/MM/dd"] } }, ["2024-01-05", "2024/01/05"], ["05.01.2024"]],
    [{ date: "MMM dd yyyy" }, ["Jan 05 2024", "feb 29 2024"], ["Feb 30 2024", "Foo 01 2024"]],
    [{ date: "yyyyMMdd" }, ["20240229"], ["20230229"]],
    [{ date: { format: "yyyy-MM-dd", max: "today" } }, ["2000-01-01"], ["2999-01-01"]],
    [{ date: { min: "1900-01-01", max: "2000-01-01" } }, ["1950-06-01"], ["1899-12-31", "2000-01-02"]],
    [{ date: "auto" }, ["2024-01-05", "Jan 5, 2024", "5 January 2024"], ["not a date", "tomorrow"]],
    ["datetime", ["2024-05-01T08:30:00Z", "2024-05-01 08:30", "2024-05-01T08:30:00.123+08:00", "2024-05-01"], ["2024-05-01T24:00", "2024-05-01T08:60", "May 1"]],
    [{ datetime: "yyyy/MM/dd HH:mm:ss" }, ["2024/05/01 23:59:59"], ["2024/05/01 24:00:00", "2024-05-01 10:00:00"]],
    [{ datetime: "dd.MM.yyyy hh:mm a" }, ["01.05.2024 11:30 PM", "01.05.2024 12:00 am"], ["01.05.2024 13:30 PM"]],
    [{ datetime: "yyyy-MM-dd'T'HH:mm:ssXXX" }, ["2024-05-01T10:00:00+08:00", "2024-05-01T10:00:00Z"], ["2024-05-01T10:00:00"]],
    [{ datetime: { max: "now+1d" } }, ["2024-05-01T10:00:00"], ["2999-05-01T10:00:00"]],
  ])("%j accepts %j and refuses %j", (rule, valid, invalid) => {
    expect(accepts(rule, valid)).toEqual(valid.map(() => true));
    expect(accepts(rule, invalid)).toEqual(invalid.map(() => false));
  });

  test("explains a bad format and a date out of bounds", () => {
    expect(issuesPerValue("date", ["2024-02-30"])[0]?.[0]?.message).toBe('expected a date in format yyyy-MM-dd, received "2024-02-30"');
    expect(issuesPerValue({ date: { min: "2020-01-01" } }, ["2019-05-05"])[0]?.[0]?.message).toBe('"2019-05-05" is before 2020-01-01 (2020-01-01)');
  });
});
