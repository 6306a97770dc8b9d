import { describe, expect, test } from "vitest";
import { accepts, issuesPerValue } from "../testing.ts";

describe("presence rules", () => {
  test.each([
    ["required", ["x", 0, false, [1], { a: 1 }], [null, undefined, "", "   ", "\t", []]],
    ["not_null", ["x", "", 0, false], [null, undefined]],
    ["not_empty", ["x", 0, null, undefined, [1]], ["", "  ", [], {}]],
    ["is_null", [null, undefined, ""], ["x", 0, " "]],
  ])("%s accepts %j and refuses %j", (rule, valid, invalid) => {
    expect(accepts(rule, valid)).toEqual(valid.map(() => true));
    expect(accepts(rule, invalid)).toEqual(invalid.map(() => false));
  });

  test("required reports missing_value under completeness", () => {
    const issue = issuesPerValue("required", [null])[0]?.[0];
    expect(issue).toMatchObject({ code: "missing_value", dimension: "completeness", message: "a value is required" });
  });

  test("a field without required lets missing values pass the other rules", () => {
    expect(accepts("email", [null, "", undefined])).toEqual([true, true, true]);
  });
});
