import { toJsonSchema } from "@cleanse/config";
import { BUILTIN_RULES } from "../_internal/catalog/index.ts";
import type { RuleDefinition } from "../defineRule/defineRule.ts";
import { buildRuleFileSchema, ruleFileSchema } from "../ruleFileSchema/ruleFileSchema.ts";

/**
 * The JSON Schema of rule files, generated from the zod schema, so editors can autocomplete and check them.
 * This is what `schema/rules.schema.json` in the package holds.
 * @param rules - custom rules to include beside the built-in ones
 * @returns a JSON Schema (draft 2020-12) object
 * @example
 * ruleFileJsonSchema().title //=> "Cleanse rule file"
 */
export function ruleFileJsonSchema(rules: readonly RuleDefinition[] = []): Record<string, unknown> {
  const schema = rules.length === 0 ? ruleFileSchema : buildRuleFileSchema([...BUILTIN_RULES.values(), ...rules]);
  return toJsonSchema(schema, {
    title: "Cleanse rule file",
    description: "Validation rules for one dataset: field rules, record rules, checks, references and dataset rules.",
  });
}
