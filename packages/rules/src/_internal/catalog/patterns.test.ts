import { describe, expect, test } from "vitest";
import { accepts, issuesPerValue } from "../testing.ts";

describe("pattern rules", () => {
  test.each([
    [{ regex: "^[A-Z]{3}-\\d{4}$" }, ["ABC-1234"], ["abc-1234", "ABC-123", "ABC-12345"]],
    [{ regex: "^a" }, ["abc", "a"], ["bac"]],
    [{ regex: "b" }, ["abc"], ["ac"]],
    [{ regex: { pattern: "^abc$", flags: "i" } }, ["ABC"], ["ABCD"]],
    [{ regex: { pattern: ["^a", "^b"] } }, ["ax", "bx"], ["cx"]],
    [{ regex: { pattern: ["a", "b"], match_on: "all" } }, ["ab", "ba"], ["a", "b"]],
    [{ regex: "^\\d+$" }, [123, "007"], ["12a", true]],
    [{ not_regex: "\\d" }, ["abc"], ["a1c"]],
    [{ not_regex: { pattern: ["x", "y"], match_on: "all" } }, ["x", "y"], ["xy"]],
    [{ like: "SO-%" }, ["SO-1", "SO-"], ["so-1", "XSO-1"]],
    [{ like: "a_c" }, ["abc", "a-c"], ["ac", "abbc"]],
    [{ like: "100\\%" }, ["100%"], ["1000"]],
    [{ like: { pattern: "so-%", ignore_case: true } }, ["SO-9"], ["PO-9"]],
    [{ not_like: "%@example.com" }, ["a@b.com"], ["x@example.com"]],
  ])("%j accepts %j and refuses %j", (rule, valid, invalid) => {
    expect(accepts(rule, valid)).toEqual(valid.map(() => true));
    expect(accepts(rule, invalid)).toEqual(invalid.map(() => false));
  });

  test("(a+)+$ against a 100k-character value finishes in milliseconds", () => {
    const value = `${"a".repeat(100_000)}!`;
    const started = performance.now();
    expect(accepts({ regex: "(a+)+$" }, [value])).toEqual([false]);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  test("messages show the value and the pattern", () => {
    expect(issuesPerValue({ regex: "^\\d+$" }, ["x1"])[0]?.[0]?.message).toBe('"x1" does not match /^\\d+$/');
  });
});
