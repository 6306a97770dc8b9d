import { dirname } from "node:path";
import { parseConfigText } from "@cleanse/config";
import { normalizeRuleFile, ruleRegistry } from "../_internal/normalize.ts";
import type { RuleDefinition } from "../defineRule/defineRule.ts";
import type { RuleSet } from "../toRuleSet/toRuleSet.ts";

/** Options of {@link parseRules}. */
export interface ParseRulesOptions {
  /** File name for error locations; also gives the base folder when `baseDir` is not set. */
  readonly file: string;
  /** Folder that relative paths (reference sources) resolve against. Defaults to the file's folder. */
  readonly baseDir?: string;
  /** `yaml` (default) or `json`; `.json` files default to json. */
  readonly format?: "yaml" | "json";
  /** Custom rules the file may name. */
  readonly rules?: readonly RuleDefinition[];
}

/**
 * Parses and validates the text of a rule file (YAML or JSON).
 * @param text - the file's text
 * @param options - file name (for messages), base folder, format, custom rules
 * @returns the validated rule set
 * @throws ConfigError with file:line:column: `CLEANSE_CONFIG_SYNTAX` for bad YAML/JSON, `CLEANSE_CONFIG_INVALID` for unknown rules (with a suggestion), bad options, patterns or expressions
 * @example
 * parseRules("fields:\n  email: [required, email]\n", { file: "customers.rules.yaml" }).rules.length //=> 2
 */
export function parseRules(text: string, options: ParseRulesOptions): RuleSet {
  const format = options.format ?? (options.file.endsWith(".json") ? "json" : "yaml");
  const doc = parseConfigText(text, { file: options.file, format });
  return normalizeRuleFile({ doc, text, at: [], baseDir: options.baseDir ?? dirname(options.file), rules: ruleRegistry(options.rules) });
}
