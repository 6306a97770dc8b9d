import { describe, expect, test } from "vitest";
import { accepts, issuesPerValue } from "../testing.ts";

describe("range", () => {
  test.each([
    [{ range: { min: 0, max: 100 } }, [0, 100, 50.5, "12.5", " 7 "], [-1, 100.01, "abc", "12,5", true, "1e3"]],
    [{ range: { min: 0, max: 1, exclusive_max: true } }, [0, 0.99], [1]],
    [{ range: { min: 0, exclusive_min: true } }, [0.001], [0]],
    [{ range: { max: "10" } }, [-1e9, 10], [11]],
    [{ range: { min: "2020-01-01", max: "2020-12-31" } }, ["2020-01-01", "2020-06-30T12:00:00", new Date(Date.UTC(2020, 5, 1))], ["2019-12-31", "2021-01-01", "soon", 5]],
    [{ range: { min: "2020-01-01", format: "dd/MM/yyyy" } }, ["01/01/2020"], ["31/12/2019", "2020-01-01"]],
    [{ range: { max: "today" } }, ["2000-01-01"], ["9999-01-01"]],
  ])("%j accepts %j and refuses %j", (rule, valid, invalid) => {
    expect(accepts(rule, valid)).toEqual(valid.map(() => true));
    expect(accepts(rule, invalid)).toEqual(invalid.map(() => false));
  });

  test("says whether the value is out of range or not a number", () => {
    const [a, b] = issuesPerValue({ range: { min: 0, max: 10 } }, [11, "x"]);
    expect(a?.[0]?.message).toBe("11 is not between 0 and 10");
    expect(b?.[0]?.message).toBe('expected a number between 0 and 10, received "x"');
  });
});

describe("decimal", () => {
  test.each([
    [{ decimal: { scale: 2 } }, [1, 1.5, "1.25", "1.250", "-0.01", 100, "1e-2"], [1.255, "1.001", "abc", true]],
    [{ decimal: { precision: 5, scale: 2 } }, ["999.99", "0.5", 123], ["1000.00", "12.345", 1234]],
    [{ decimal: { precision: 3 } }, ["1.23", "123", "0.001"], ["12.34", "1234"]],
  ])("%j accepts %j and refuses %j", (rule, valid, invalid) => {
    expect(accepts(rule, valid)).toEqual(valid.map(() => true));
    expect(accepts(rule, invalid)).toEqual(invalid.map(() => false));
  });
});
