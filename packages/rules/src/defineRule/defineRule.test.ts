import { describe, expect, test } from "vitest";
import { z } from "zod";
import { compileRules } from "../compileRules/compileRules.ts";
import { parseRules } from "../parseRules/parseRules.ts";
import { defineRule, isRuleDefinition } from "./defineRule.ts";

describe("defineRule", () => {
  const prefix = defineRule({
    name: "has_prefix",
    options: z.strictObject({ prefix: z.string() }),
    shorthand: "prefix",
    check: (value, options) => String(value).startsWith(options.prefix) || `expected ${options.prefix}...`,
  });

  test("a custom field rule gets options from rule files, with validation", () => {
    const set = parseRules("fields:\n  sku: [{ has_prefix: SKU- }]\n", { file: "r.yaml", rules: [prefix] });
    const checker = compileRules(set);
    expect(checker.check({ sku: "SKU-1" })).toEqual([]);
    expect(checker.check({ sku: "X-1" })[0]?.message).toBe("expected SKU-...");
    expect(() => parseRules("fields:\n  sku: [{ has_prefix: { prefx: a } }]\n", { file: "r.yaml", rules: [prefix] })).toThrow(
      'r.yaml:2:25: unknown key "prefx" (did you mean "prefix"?)',
    );
  });

  test("a custom record rule sees the whole record", () => {
    const balanced = defineRule({ name: "balanced", checkRecord: (r) => Number(r.debit) === Number(r.credit) || "debit and credit differ" });
    const checker = compileRules({ records: [balanced] });
    expect(checker.check({ debit: 5, credit: "5" })).toEqual([]);
    expect(checker.check({ debit: 5, credit: 4 })[0]).toMatchObject({ rule: "balanced", code: "check_failed", dimension: "consistency", message: "debit and credit differ" });
  });

  test("checks its own definition", () => {
    expect(isRuleDefinition(prefix)).toBe(true);
    expect(() => defineRule({ name: "bad name", check: () => true })).toThrow(/must start with a letter/);
    expect(() => defineRule({ name: "nothing" })).toThrow("needs exactly one of check, checkRecord or compile");
  });
});
