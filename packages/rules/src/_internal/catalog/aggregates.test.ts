import { describe, expect, test } from "vitest";
import type { RuleEntry } from "../../ruleFileSchema/ruleFileSchema.ts";
import { runRuleFile } from "../testing.ts";

const rows = [
  { amount: 10, email: "a@x.com", country: "CN", at: "2024-01-01" },
  { amount: "20", email: "", country: "US", at: "2024-03-01" },
  { amount: 30, email: "b@x.com", country: "CN", at: "2024-02-01" },
  { amount: null, email: null, country: "DE", at: null },
];

const messages = (entry: RuleEntry, records: readonly Record<string, unknown>[] = rows) => runRuleFile({ dataset: [entry] }, records).dataset.map((i) => i.message);

describe("dataset rules", () => {
  test.each([
    [{ row_count: { min: 1 } }, []],
    [{ row_count: { min: 5 } }, ["row count is 4, expected at least 5"]],
    [{ row_count: { equals: 4 } }, []],
    [{ null_ratio: { field: "email", max: 0.5 } }, []],
    [{ null_ratio: { field: "email", max: 0.25 } }, ["null ratio of email (2/4) is 0.5, expected at most 0.25"]],
    [{ distinct_count: { field: "country", min: 3 } }, []],
    [{ distinct_count: { field: "country", max: 2 } }, ["distinct count of country is 3, expected at most 2"]],
    [{ unique_ratio: { field: "country", min: 0.9 } }, ["unique ratio of country is 0.75, expected at least 0.9"]],
    [{ minimum: { field: "amount", min: 10 } }, []],
    [{ minimum: { field: "amount", min: 11 } }, ["minimum of amount is 10, expected at least 11"]],
    [{ maximum: { field: "amount", max: 25 } }, ["maximum of amount is 30, expected at most 25"]],
    [{ maximum: { field: "at", max: "2024-02-15" } }, ["maximum of at is 2024-03-01, expected at most 2024-02-15"]],
    [{ mean: { field: "amount", min: 20, max: 20 } }, []],
    [{ mean: { field: "amount", max: 15 } }, ["mean of amount is 20, expected at most 15"]],
    [{ sum: { field: "amount", equals: 60 } }, []],
    [{ stdev: { field: "amount", max: 5 } }, ["stdev of amount is 10, expected at most 5"]],
    [{ median: { field: "amount", equals: 20 } }, []],
    [{ mean: { field: "country", min: 0 } }, ['4 present values of country are not numbers (first: "CN")']],
    [{ freshness: { field: "at", max_age: "7d" } }, [expect.stringMatching(/^latest at is 2024-03-01, \d+\.\d days old; expected at most 7d$/)]],
    [{ freshness: { field: "at", max_age: 365000 } }, []],
    [{ distinct_values: { field: "country", in: ["CN", "US"] } }, ['country has values outside the set: "DE"']],
    [{ distinct_values: { field: "country", contains: ["CN", "FR"] } }, ['country never has the values "FR"']],
    [{ distinct_values: { field: "country", equals: ["CN", "US", "DE"] } }, []],
    [{ columns: { required: ["amount", "zip"] } }, ["missing fields: zip"]],
    [{ columns: { exact: ["amount", "email", "country", "at"], ordered: true } }, []],
    [{ columns: { exact: ["email", "amount", "country", "at"], ordered: true } }, ["fields are in the order amount, email, country, at, expected email, amount, country, at"]],
    [{ columns: { count: { max: 3 } } }, ["field count is 4, expected at most 3"]],
  ])("%j finds %j", (entry, expected) => {
    expect(messages(entry)).toEqual(expected);
  });

  test("dataset rules with a field can be written under the field", () => {
    const { dataset } = runRuleFile({ fields: { email: [{ null_ratio: { max: 0.1 } }] } }, rows);
    expect(dataset.map((i) => [i.rule, i.field, i.dimension])).toEqual([["null_ratio", "email", "completeness"]]);
  });

  test("sums and means are exact: decimal amounts add up to what they say", () => {
    const tenths = [{ x: "0.1" }, { x: 0.2 }, { x: "0.3" }];
    expect(messages({ sum: { field: "x", equals: 0.6 } }, tenths)).toEqual([]);
    expect(messages({ mean: { field: "x", equals: 0.15 } }, [{ x: 0.1 }, { x: "0.2" }])).toEqual([]);
    expect(messages({ sum: { field: "x", max: "0.6" } }, [...tenths, { x: "0.0000000000000000001" }])).toEqual(["sum of x is 0.6000000000000000001, expected at most 0.6"]);
    expect(messages({ maximum: { field: "x", max: "0.3" } }, [...tenths, { x: "0.30000000000000001" }])).toEqual(["maximum of x is 0.30000000000000001, expected at most 0.3"]);
  });

  test("counts values that are not numbers or dates in the singular and the plural", () => {
    expect(messages({ mean: { field: "x", min: 0 } }, [{ x: 1 }, { x: "one" }])).toEqual(['1 present value of x is not a number (first: "one")']);
    expect(messages({ maximum: { field: "x", max: "2024-01-01" } }, [{ x: "2023-05-01" }, { x: "May" }])).toEqual(['1 present value of x is not a date (first: "May")']);
    expect(messages({ maximum: { field: "x", max: "2024-01-01" } }, [{ x: "May" }, { x: "June" }])).toEqual(['2 present values of x are not dates (first: "May")']);
  });

  test("an empty dataset fails row_count and has no mean", () => {
    expect(messages({ row_count: { min: 1 } }, [])).toEqual(["row count is 0, expected at least 1"]);
    expect(messages({ mean: { field: "amount", min: 0 } }, [])).toEqual(["mean of amount is undefined: no numeric values"]);
  });
});
