import { describe, expect, test } from "vitest";
import { runRuleFile } from "../testing.ts";

const counts = (perRecord: readonly (readonly unknown[])[]) => perRecord.map((issues) => issues.length);

describe("unique", () => {
  test("flags later occurrences and lists the first ones at the end; missing values never collide", () => {
    const { records, dataset } = runRuleFile({ fields: { id: ["unique"] } }, [{ id: 1 }, { id: "1" }, { id: null }, { id: null }, { id: 2 }, { id: 1 }]);
    expect(counts(records)).toEqual([0, 1, 0, 0, 0, 1]);
    expect(records[1]?.[0]?.message).toBe('duplicate value "1", first seen in record 1');
    expect(dataset.map((i) => [i.code, i.field, i.value])).toEqual([["duplicate", "id", [1]]]);
  });

  test("names one repeated value in the singular and several in the plural", () => {
    const one = runRuleFile({ fields: { id: ["unique"] } }, [{ id: "a" }, { id: "a" }]);
    expect(one.dataset[0]?.message).toMatchInlineSnapshot(`"1 value occurs more than once; later occurrences are flagged on their records, the first occurrence is record 1"`);
    const two = runRuleFile({ fields: { id: ["unique"] } }, [{ id: "a" }, { id: "b" }, { id: "a" }, { id: "b" }]);
    expect(two.dataset[0]?.message).toMatchInlineSnapshot(`"2 values occur more than once; later occurrences are flagged on their records, the first occurrences are records 1, 2"`);
  });

  test("exact mode and case folding", () => {
    const { records } = runRuleFile({ fields: { email: [{ unique: { exact: true, ignore_case: true } }] } }, [{ email: "A@x.com" }, { email: "a@X.com" }]);
    expect(counts(records)).toEqual([0, 1]);
  });

  test("compound keys in records:", () => {
    const rows = [
      { first: "Ann", last: "Lee", dob: "1990-01-01" },
      { first: "Ann", last: "Lee", dob: "1991-01-01" },
      { first: "Ann", last: "Lee", dob: "1990-01-01" },
      { first: "Ann", last: null, dob: "1990-01-01" },
      { first: "Ann", last: null, dob: "1990-01-01" },
    ];
    const { records, dataset } = runRuleFile({ records: [{ unique: ["first", "last", "dob"] }] }, rows);
    expect(counts(records)).toEqual([0, 0, 1, 0, 0]);
    expect(records[2]?.[0]?.message).toBe("duplicate combination of first, last, dob, first seen in record 1");
    expect(dataset[0]?.message).toBe(
      "1 combination of first, last, dob occurs more than once; later occurrences are flagged on their records, the first occurrence is record 1",
    );
    const skipAll = runRuleFile({ records: [{ unique: { fields: ["first", "last", "dob"], ignore_missing: "all" } }] }, rows);
    expect(counts(skipAll.records)).toEqual([0, 0, 1, 0, 1]);
  });
});

describe("increasing and decreasing", () => {
  test.each([
    ["increasing", [1, 2, 2, 3], [0, 0, 0, 0]],
    ["increasing", [1, 3, 2, 4], [0, 0, 1, 0]],
    [{ increasing: { strict: true } }, [1, 2, 2, 3], [0, 0, 1, 0]],
    ["increasing", ["2024-01-01", "2024-01-02", null, "2023-12-31"], [0, 0, 0, 1]],
    ["increasing", ["9", "10", "11"], [0, 0, 0]],
    ["decreasing", [3, 2, 2, 5], [0, 0, 0, 1]],
    [{ decreasing: { strict: true } }, [3, 2, 2], [0, 0, 1]],
  ])("%j over %j flags %j", (rule, values, expected) => {
    expect(counts(runRuleFile({ fields: { v: [rule] } }, values.map((v) => ({ v }))).records)).toEqual(expected);
  });
});
