import { describe, expect, test } from "vitest";
import { toRuleSet } from "../toRuleSet/toRuleSet.ts";
import { compileRules } from "./compileRules.ts";

describe("compileRules", () => {
  test("checks field rules and returns issues with rule, field, severity and dimension", () => {
    const checker = compileRules(toRuleSet({ fields: { email: ["required", "email"], age: [{ range: { min: 0, max: 150 } }] } }));
    expect(checker.check({ email: "a@example.com", age: 30 })).toEqual([]);
    const issues = checker.check({ email: "nope", age: "200" });
    expect(issues.map((i) => [i.rule, i.field, i.code, i.severity, i.dimension])).toEqual([
      ["email", "email", "invalid_format", "error", "validity"],
      ["range", "age", "out_of_range", "error", "validity"],
    ]);
    expect(issues[1]?.message).toBe('"200" is not between 0 and 150');
  });

  test("lists every rule, so reports show rules with no failures", () => {
    const checker = compileRules({ fields: { id: ["required", "unique"] }, dataset: [{ row_count: { min: 1 } }] });
    expect(checker.rules).toEqual([
      { rule: "required", field: "id", severity: "error", dimension: "completeness", description: expect.any(String) },
      { rule: "unique", field: "id", severity: "error", dimension: "uniqueness", description: expect.any(String) },
      { rule: "row_count", severity: "error", dimension: "completeness", description: expect.any(String) },
    ]);
  });

  test("flags later duplicates at once and lists first occurrences at the end", () => {
    const checker = compileRules({ fields: { id: ["unique"] } });
    const found = ["a", "b", "a", "c", "b", "a"].map((id) => checker.check({ id }).length);
    expect(found).toEqual([0, 0, 1, 0, 1, 1]);
    const end = checker.finish();
    expect(end).toHaveLength(1);
    expect(end[0]?.message).toBe("2 values occur more than once; later occurrences are flagged on their records, the first occurrences are records 1, 2");
  });

  test("applies custom messages, severities and when conditions", () => {
    const checker = compileRules({
      fields: { vat_id: [{ required: null, when: "country == 'CN'", severity: "warning", message: "{field} is needed for {value} customers" }] },
    });
    expect(checker.check({ country: "US" })).toEqual([]);
    const [issue] = checker.check({ country: "CN", vat_id: "" });
    expect(issue?.severity).toBe("warning");
    expect(issue?.message).toBe('vat_id is needed for "" customers');
  });

  test("masks values of pii fields in messages", () => {
    const checker = compileRules({ fields: { phone: { rules: [{ phone: { region: "CN" } }], pii: true } } });
    expect(checker.piiFields).toEqual(["phone"]);
    const [issue] = checker.check({ phone: "12345" });
    expect(issue?.message).toBe('expected a phone number (CN), received "1***5" (Invalid phone number "1***5" (region CN): it has too few digits.)');
  });
});
