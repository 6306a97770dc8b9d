import { dirname, resolve } from "node:path";
import { readConfigText } from "@cleanse/config";
import type { RuleDefinition } from "../defineRule/defineRule.ts";
import { parseRules } from "../parseRules/parseRules.ts";
import type { RuleSet } from "../toRuleSet/toRuleSet.ts";

/** Options of {@link loadRules}. */
export interface LoadRulesOptions {
  /** Custom rules the file may name. */
  readonly rules?: readonly RuleDefinition[];
  /** Name to show in messages instead of the path. */
  readonly displayName?: string;
}

/**
 * Reads and validates a rule file; relative paths inside it resolve against its folder.
 * @param path - the rule file (`.yaml`, `.yml` or `.json`)
 * @param options - custom rules, display name
 * @returns the validated rule set
 * @throws IoError (`CLEANSE_FILE_NOT_FOUND`) when the file is missing; ConfigError with file:line:column when it is invalid or not UTF-8
 * @example
 * const rules = await loadRules("rules/customers.yaml");
 * rules.fields //=> ["customer_id", "email", ...]
 */
export async function loadRules(path: string, options: LoadRulesOptions = {}): Promise<RuleSet> {
  const text = await readConfigText(path, { what: "rule file", ...(options.displayName === undefined ? {} : { displayName: options.displayName }) });
  return parseRules(text, {
    file: options.displayName ?? path,
    baseDir: dirname(resolve(path)),
    format: path.endsWith(".json") ? "json" : "yaml",
    ...(options.rules ? { rules: options.rules } : {}),
  });
}
