import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { IoError } from "@cleanse/core";
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
 * @throws IoError (`CLEANSE_FILE_NOT_FOUND`) when the file is missing; ConfigError with file:line:column when it is invalid
 * @example
 * const rules = await loadRules("rules/customers.yaml");
 * rules.fields //=> ["customer_id", "email", ...]
 */
export async function loadRules(path: string, options: LoadRulesOptions = {}): Promise<RuleSet> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new IoError(code === "ENOENT" ? `Rule file not found: ${path}` : `Cannot read rule file ${path}: ${(error as Error).message}`, {
      code: code === "ENOENT" ? "CLEANSE_FILE_NOT_FOUND" : "CLEANSE_IO",
      location: { file: path },
      cause: error,
    });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return parseRules(text, {
    file: options.displayName ?? path,
    baseDir: dirname(resolve(path)),
    format: path.endsWith(".json") ? "json" : "yaml",
    ...(options.rules ? { rules: options.rules } : {}),
  });
}
