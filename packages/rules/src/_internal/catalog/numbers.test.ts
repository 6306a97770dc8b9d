import { parseDecimal } from "@cleanse/values";
import { describe, expect, test } from "vitest";
import { accepts, issuesPerValue } from "../testing.ts";

/** Amounts in many notations: plain, grouped, with currency, with a decimal comma, ambiguous, out of reach of a double. */
const TRICKY_AMOUNTS: readonly unknown[] = [
  "0", "-0", "12", "12.5", "12.50", " 7 ", "+5", ".5", "5.", "-3e2", "1e-2", "1.005", "1.0050", "0.1000000000000000001", "9007199254740993",
  "1,234", "1,234.5", "￥1,000", "¥1,000", "$12.00", "1.234,5", "12,5", "(12.5)", "12.5-", "1 234,5", "一千", "1e400", "1e99999999", "0x10",
  "Infinity", "NaN", "1_000", "abc", "", "  ", 1.005, 0.1, -0, 1e21, 12n, true, null, Number.POSITIVE_INFINITY,
];

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

describe("numbers as stored", () => {
  test("a value is a number when it is written plainly, and then it means what the value kernel reads", () => {
    const plain = accepts("number", TRICKY_AMOUNTS);
    TRICKY_AMOUNTS.forEach((v, i) => {
      const kernel = parseDecimal(v);
      // Every value the rule takes for a number, the kernel reads; the kernel may read more (amounts to standardize first).
      if (plain[i] && v !== "" && v !== null) expect([v, kernel.ok && kernel.value !== null]).toEqual([v, true]);
    });
    expect(TRICKY_AMOUNTS.filter((_, i) => plain[i])).toEqual([
      "0", "-0", "12", "12.5", "12.50", " 7 ", "+5", ".5", "5.", "-3e2", "1e-2", "1.005", "1.0050", "0.1000000000000000001", "9007199254740993", "1e400",
      "", 1.005, 0.1, -0, 1e21, 12n, null,
    ]);
  });

  test("amounts in other notations are not numbers until standardized, and the message says how they read", () => {
    const messages = issuesPerValue({ decimal: { scale: 2 } }, ["￥1,000", "1.234,5", "1,234"]).map((issues) => issues[0]?.message);
    expect(messages).toMatchInlineSnapshot(`
      [
        "expected a number written plainly (such as 1234.5), received "￥1,000": it reads as 1000, so standardize it first",
        "expected a number written plainly (such as 1234.5), received "1.234,5": it reads as 1234.5, so standardize it first",
        "expected a number, received "1,234": its comma may group thousands or be a decimal comma, so standardize it with a locale first",
      ]
    `);
  });

  test("decimal counts the digits the value has, never those of a rounded binary number", () => {
    expect(accepts({ decimal: { scale: 2 } }, ["1.005", 1.005, "1.0050", "0.1000000000000000001", "1.01", "1.010"])).toEqual([false, false, false, false, true, true]);
    expect(accepts({ decimal: { precision: 16, scale: 0 } }, ["9007199254740993", "99999999999999999"])).toEqual([true, false]);
  });

  test("range compares decimal text exactly", () => {
    expect(accepts({ range: { max: "0.1" } }, ["0.1", "0.1000000000000000001", 0.1, "0.09999999999999999999"])).toEqual([true, false, true, true]);
    expect(accepts({ range: { min: "9007199254740993" } }, ["9007199254740992", "9007199254740993", 9007199254740992])).toEqual([false, true, false]);
    expect(accepts({ range: { min: 0, exclusive_min: true } }, ["1e-400", "0.0", "-1e-400"])).toEqual([true, false, false]);
    expect(accepts({ range: { max: 100 } }, ["1e400", "1e99999999"])).toEqual([false, false]);
  });
});
