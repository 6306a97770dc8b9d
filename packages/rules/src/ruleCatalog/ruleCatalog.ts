import { CATALOG_GROUPS } from "../_internal/catalog/index.ts";
import type { RuleDefinition } from "../defineRule/defineRule.ts";

/**
 * The built-in rules, grouped as in the documentation.
 * @example
 * ruleCatalog.flatMap((g) => g.rules).length //=> 51
 */
export const ruleCatalog: readonly { readonly title: string; readonly rules: readonly RuleDefinition[] }[] = CATALOG_GROUPS;

/**
 * Finds a built-in rule by name.
 * @param name - the rule name, e.g. `email`
 * @returns its definition, or undefined
 * @example
 * getRule("email")?.dimension //=> "validity"
 */
export function getRule(name: string): RuleDefinition | undefined {
  for (const group of CATALOG_GROUPS) for (const rule of group.rules) if (rule.name === name) return rule;
  return undefined;
}
