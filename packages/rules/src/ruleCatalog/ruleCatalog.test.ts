import { describe, expect, test } from "vitest";
import { parseRules } from "../parseRules/parseRules.ts";
import { getRule, ruleCatalog } from "./ruleCatalog.ts";

const all = ruleCatalog.flatMap((g) => g.rules);

/** Catalogue examples are either a field line (`email: [email]`) or a whole section. */
function exampleAsRuleFile(example: string): string {
  return /^(dataset|records|checks|references):/.test(example) ? example : `fields:\n  ${example.replace(/\n/g, "\n  ")}`;
}

describe("ruleCatalog", () => {
  test("has at least 40 rules with unique names, descriptions and examples", () => {
    expect(all.length).toBeGreaterThanOrEqual(40);
    expect(new Set(all.map((r) => r.name)).size).toBe(all.length);
    for (const rule of all) {
      expect(rule.description.length, rule.name).toBeGreaterThan(20);
      expect(rule.examples?.length, rule.name).toBeGreaterThan(0);
    }
  });

  test.each(all.flatMap((rule) => (rule.examples ?? []).map((example) => [rule.name, example] as const)))("the %s example is a valid rule file: %s", (name, example) => {
    const set = parseRules(exampleAsRuleFile(example), { file: "example.yaml" });
    expect(set.rules.some((r) => r.rule.name === name)).toBe(true);
  });

  test("getRule finds rules by name", () => {
    expect(getRule("email")?.dimension).toBe("validity");
    expect(getRule("nope")).toBeUndefined();
  });
});
