import { describe, expect, test } from "vitest";
import { defineRule } from "../defineRule/defineRule.ts";
import { compileRules } from "../compileRules/compileRules.ts";
import { isRuleSet, toRuleSet } from "./toRuleSet.ts";

describe("toRuleSet", () => {
  test("accepts rule sets written as plain TypeScript objects", () => {
    const set = toRuleSet({
      severity: "warning",
      fields: { email: ["required", { email: null, severity: "error" }], age: { rules: [{ range: { min: 0 } }], dimension: "accuracy" } },
      records: [{ unique: ["email", "age"] }],
      checks: [{ name: "adult", assert: "age >= 18", when: "age != null" }],
      dataset: [{ row_count: { min: 1 } }],
    });
    expect(isRuleSet(set)).toBe(true);
    expect(set.rules.map((r) => [r.id, r.field, r.severity, r.dimension])).toEqual([
      ["required", "email", "warning", "completeness"],
      ["email", "email", "error", "validity"],
      ["range", "age", "warning", "accuracy"],
      ["unique", undefined, "warning", "uniqueness"],
      ["adult", undefined, "warning", "consistency"],
      ["row_count", undefined, "warning", "completeness"],
    ]);
    expect(toRuleSet(set)).toBe(set);
  });

  test("uses custom rules by name or as definition objects", () => {
    const even = defineRule({ name: "even", check: (v) => Number(v) % 2 === 0 || "expected an even number" });
    const byName = compileRules(toRuleSet({ fields: { n: ["even"] } }, { rules: [even] }));
    const byObject = compileRules(toRuleSet({ fields: { n: [even] } }));
    for (const checker of [byName, byObject]) {
      expect(checker.check({ n: 4 })).toEqual([]);
      expect(checker.check({ n: 3 })[0]).toMatchObject({ rule: "even", field: "n", code: "invalid_format", message: "expected an even number", value: 3 });
    }
  });

  test("refuses a custom rule that reuses a built-in name", () => {
    expect(() => toRuleSet({}, { rules: [defineRule({ name: "email", check: () => true })] })).toThrow('Custom rule "email" has the name of a built-in rule');
  });

  test("problems in plain objects are reported without a file position", () => {
    expect(() => toRuleSet({ fields: { a: ["emial"] } })).toThrow('rules has a problem:\n  fields.a[0]: unknown rule "emial" (did you mean "email"?)');
  });
});
