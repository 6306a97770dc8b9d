import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { z } from "zod";
// @ts-expect-error: a plain ESM script, shared with the command that rewrites the catalogue in docs/rules.md
import { DOCS, withCatalog } from "../../scripts/write-docs.mjs";
import { compileRules } from "../compileRules/compileRules.ts";
import { defineRule } from "../defineRule/defineRule.ts";
import { fromStandardSchema } from "../fromStandardSchema/fromStandardSchema.ts";
import { parseRules } from "../parseRules/parseRules.ts";
import { toRuleSet } from "../toRuleSet/toRuleSet.ts";
import { ruleCatalog } from "./ruleCatalog.ts";

const docs = readFileSync(DOCS, "utf8");

describe("docs/rules.md", () => {
  test("its catalogue is generated from the rule definitions (regenerate with packages/rules/scripts/write-docs.mjs)", () => {
    expect(docs).toBe(withCatalog(docs, ruleCatalog));
  });

  test("documents every rule with a YAML example", () => {
    for (const rule of ruleCatalog.flatMap((g) => g.rules)) expect(docs).toContain(`#### \`${rule.name}\``);
  });

  test("its opening rule file is valid", () => {
    const yaml = /```yaml\n(# customers\.rules\.yaml[\s\S]*?)```/.exec(docs)?.[1];
    expect(parseRules(yaml ?? "", { file: "customers.rules.yaml" }).rules.length).toBe(15);
  });

  test("its TypeScript example finds what it says", () => {
    const skuPrefix = defineRule({
      name: "sku_prefix",
      options: z.strictObject({ prefix: z.string() }),
      shorthand: "prefix",
      check: (value, { prefix }) => String(value).startsWith(prefix) || `expected ${prefix}...`,
    });
    const rules = toRuleSet(
      {
        fields: {
          sku: ["required", { sku_prefix: "SKU-" }],
          email: [fromStandardSchema(z.email())],
          price: [{ range: { min: 0 } }, { decimal: { scale: 2 } }],
        },
        records: [fromStandardSchema(z.object({ qty: z.number().int() }).loose(), { name: "order-shape" })],
        checks: [{ name: "total", assert: "abs(qty * price - total) < 0.01" }],
      },
      { rules: [skuPrefix] },
    );
    expect(compileRules(rules).check({ sku: "X-1", email: "a@b.co", price: "9.999", qty: 2, total: 25 }).map((i) => i.rule)).toEqual(["sku_prefix", "decimal", "total"]);
  });
});
