import { parseDate } from "@cleanse/values";
import { describe, expect, test } from "vitest";
import { compileRules } from "../../compileRules/compileRules.ts";
import { accepts, issuesPerValue } from "../testing.ts";

/** Dates the value kernel reads, refuses as ambiguous or refuses as impossible, in many notations. */
const TRICKY_DATES: readonly unknown[] = [
  "2023-01-01", "2023/01/01", "2023.01.01", "2023年1月1日", "2023年01月31日 10时20分", "Jan 1, 2023", "1 January 2023", "January 1st 2023",
  "31/01/2023", "01/31/2023", "01/02/2023", "1/2/23", "13/13/2023", "2023-02-30", "2023/02/30", "2024-02-29", "2023-02-29", "20230101",
  "20231301", "2023-01-01T10:00", "2023-01-01 10:00:00", "2023-01-01T10:00:00Z", "2023-01-01T10:00:00+08:00", "2023-01-01T24:00",
  "5. März 2024", "1 janvier 2024", "1 de enero de 2024", "May 1", "tomorrow", "not a date", "1850-01-01", "2150-01-01", "  ",
  20230101, 45000, true, "0", "00/00/0000",
];

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

  test.each([undefined, "dmy", "mdy", "ymd"] as const)("format auto accepts exactly what parseDate accepts (order %s)", (order) => {
    const rule = { date: order === undefined ? { format: "auto" } : { format: "auto", order } };
    const kernel = TRICKY_DATES.map((v) => parseDate(v, order === undefined ? {} : { order }).ok);
    expect(accepts(rule, TRICKY_DATES)).toEqual(kernel);
    expect(accepts({ datetime: rule.date }, TRICKY_DATES)).toEqual(kernel);
  });

  test.each([
    [{ date: "auto" }, ["2023/01/01", "2023年1月1日", "Jan 1, 2023", "31/01/2023", "20230101", 20230101], ["01/02/2023", "2023-02-30", "2023/02/30", "13/13/2023", "May 1"]],
    [{ date: { format: "auto", order: "dmy" } }, ["01/02/2023", "31/01/2023"], ["01/31/2023", "2023-02-30"]],
    [{ date: { format: "auto", order: "mdy" } }, ["01/02/2023", "01/31/2023"], ["31/01/2023"]],
    [{ date: { format: "auto", order: "dmy", min: "02/01/2023" } }, ["01/02/2023", "2023-01-02"], ["01/01/2023", "2023-01-01"]],
    [{ date: { format: ["dd.MM.yyyy", "auto"] } }, ["31.01.2023", "2023-01-31"], ["01/02/2023"]],
    [{ datetime: { format: "auto", max: "2023-01-01T10:00:00" } }, ["2023-01-01 10:00", "1 January 2023", "2023-01-01T10:00:00+00:00"], ["2023-01-01 10:01", "2023-01-01T10:00:00-01:00"]],
    [{ range: { format: "auto", min: "2023-01-01" } }, ["2023年1月1日", "Jan 2, 2023"], ["01/02/2023", "2022/12/31"]],
  ])("%j accepts %j and refuses %j", (rule, valid, invalid) => {
    expect(accepts(rule, valid)).toEqual(valid.map(() => true));
    expect(accepts(rule, invalid)).toEqual(invalid.map(() => false));
  });

  test("a date without a zone is the time it says on any machine", () => {
    const tz = process.env.TZ;
    try {
      const verdicts = ["Asia/Shanghai", "America/New_York", "UTC"].map((zone) => {
        process.env.TZ = zone;
        return accepts({ datetime: { format: "auto", min: "2023-03-12 02:30", max: "2023-03-12 02:30" } }, ["March 12, 2023 02:30", "2023-03-12T02:30"]);
      });
      expect(verdicts).toEqual([[true, true], [true, true], [true, true]]);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  test("says why an automatic date is refused", () => {
    const [ambiguous, impossible] = issuesPerValue({ date: "auto" }, ["01/02/2023", "2023-02-30"]);
    expect(ambiguous?.[0]?.message).toMatchInlineSnapshot(`"expected a date in format auto, received "01/02/2023" (day and month could be read either way round; set order: dmy or order: mdy on the rule)"`);
    expect(impossible?.[0]?.message).toMatchInlineSnapshot(`"expected a date in format auto, received "2023-02-30" (Impossible date "2023-02-30": February 2023 has 28 days.)"`);
  });

  test("takes order only with format auto", () => {
    expect(() => compileRules({ fields: { v: [{ date: { format: "dd/MM/yyyy", order: "dmy" } }] } })).toThrow("order applies to format: auto");
  });
});
