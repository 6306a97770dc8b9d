import { describe, expect, test } from "vitest";
import { runRuleFile } from "../testing.ts";

const counts = (perRecord: readonly (readonly unknown[])[]) => perRecord.map((issues) => issues.length);

describe("record rules", () => {
  test("check: only false fails; null (unknown) passes; when selects records", () => {
    const rows = [
      { order_date: "2024-01-01", ship_date: "2024-01-03" },
      { order_date: "2024-01-05", ship_date: "2024-01-03" },
      { order_date: "2024-01-05", ship_date: null },
      { order_date: "2024-01-05", ship_date: "" },
    ];
    const { records } = runRuleFile({ checks: [{ name: "ship-after-order", when: "ship_date != null", assert: "ship_date >= order_date" }] }, rows);
    expect(counts(records)).toEqual([0, 1, 0, 0]);
    expect(records[1]?.[0]).toMatchObject({
      code: "check_failed",
      rule: "ship-after-order",
      dimension: "consistency",
      message: 'ship-after-order failed: ship_date >= order_date (ship_date="2024-01-03", order_date="2024-01-05")',
    });
  });

  test("distinct_fields", () => {
    const { records } = runRuleFile({ records: [{ distinct_fields: ["a", "b", "c"] }] }, [
      { a: 1, b: 2, c: 3 },
      { a: 1, b: 2, c: "1" },
      { a: 1, b: null, c: null },
    ]);
    expect(counts(records)).toEqual([0, 1, 0]);
    expect(records[1]?.[0]?.message).toBe('c repeats the value of a ("1")');
  });

  test("sum_of_fields", () => {
    const { records } = runRuleFile({ records: [{ sum_of_fields: { fields: ["a", "b"], equals: 100 } }] }, [
      { a: 40, b: "60" },
      { a: 40, b: 50 },
      { a: 40, b: "x" },
      { a: 100, b: null },
    ]);
    expect(counts(records)).toEqual([0, 1, 1, 0]);
    expect(records[1]?.[0]?.message).toBe("a + b = 90, expected 100");
  });

  test("sum_of_fields adds decimals exactly", () => {
    const { records } = runRuleFile({ records: [{ sum_of_fields: { fields: ["a", "b", "c"], equals: 0.6, tolerance: 0 } }] }, [
      { a: "0.1", b: 0.2, c: "0.3" },
      { a: "0.1", b: "0.2", c: "0.3000000000000000001" },
    ]);
    expect(counts(records)).toEqual([0, 1]);
    expect(records[1]?.[0]?.message).toBe("a + b + c = 0.6000000000000000001, expected 0.6");
  });
});
