import type { ConfigDocument, ConfigPath } from "@cleanse/config";
import type { Dimension, Severity, SourceLocation } from "@cleanse/core";
import { normalizeRuleFile, ruleRegistry } from "../_internal/normalize.ts";
import type { RuleDefinition } from "../defineRule/defineRule.ts";
import type { RuleFile } from "../ruleFileSchema/ruleFileSchema.ts";

/** One rule applied to one target, after validation. */
export interface RuleUse {
  /** Rule id in issues and the report. */
  readonly id: string;
  readonly rule: RuleDefinition;
  /** Validated options. */
  readonly options: unknown;
  /** The field, for rules written under `fields:` or references on one field. */
  readonly field?: string;
  readonly severity: Severity;
  readonly dimension: Dimension;
  readonly message?: string;
  /** Expression limiting the rule to some records. */
  readonly when?: string;
  readonly description?: string;
  /** Where the rule was written. */
  readonly location?: SourceLocation;
}

/** Another dataset a rule set reads (for reference checks), resolved against the rule file's folder. */
export interface ReferenceSource {
  readonly spec: string | { readonly path: string; readonly [option: string]: unknown };
  readonly location?: SourceLocation;
}

/** A validated rule set, ready to compile. */
export interface RuleSet {
  readonly "~cleanse": "rule-set";
  /** The rule file, when it came from one. */
  readonly file?: string;
  /** Folder that relative paths resolve against. */
  readonly baseDir: string;
  readonly description?: string;
  /** Fields that have rules. */
  readonly fields: readonly string[];
  /** Fields marked `pii: true`. */
  readonly piiFields: readonly string[];
  /** Every rule, in file order. */
  readonly rules: readonly RuleUse[];
  /** Other datasets the references read. */
  readonly sources: readonly ReferenceSource[];
}

/** Options of {@link toRuleSet}. */
export interface ToRuleSetOptions {
  /** Folder that relative paths resolve against. Defaults to the working directory. */
  readonly baseDir?: string;
  /** Custom rules the rule set may name. */
  readonly rules?: readonly RuleDefinition[];
  /** The parsed file the value came from, so errors point at file:line:column (e.g. a rule set inlined in a job file). */
  readonly document?: ConfigDocument;
  /** Path of the rule set inside `document`. */
  readonly at?: ConfigPath;
  /** The document's text, to place expression errors on the right column. */
  readonly text?: string;
}

/**
 * Validates a rule set written as a plain object (the same shape as a rule file) and prepares it for compiling.
 * @param value - a rule-file object, or an already validated rule set (returned as is)
 * @param options - base folder, custom rules, and the source document for error locations
 * @returns the validated rule set
 * @throws ConfigValidationError (`CLEANSE_CONFIG_INVALID`) listing every problem, with suggestions for misspelt rule names
 * @example
 * toRuleSet({ fields: { email: ["required", "email"] } }).rules.map((r) => r.id) //=> ["required", "email"]
 */
export function toRuleSet(value: RuleFile | RuleSet, options: ToRuleSetOptions = {}): RuleSet {
  if (isRuleSet(value)) return value;
  const document: ConfigDocument = options.document ?? { file: "rules", value, locate: (path) => ({ file: pathLabel(path) }) };
  return normalizeRuleFile({
    doc: document,
    ...(options.text === undefined ? {} : { text: options.text }),
    at: options.at ?? [],
    baseDir: options.baseDir ?? process.cwd(),
    rules: ruleRegistry(options.rules),
  });
}

/**
 * Tells whether a value is a validated rule set.
 * @param value - anything
 * @returns true for the result of `toRuleSet`, `parseRules` or `loadRules`
 * @example
 * isRuleSet(toRuleSet({})) //=> true
 */
export function isRuleSet(value: unknown): value is RuleSet {
  return typeof value === "object" && value !== null && (value as { "~cleanse"?: unknown })["~cleanse"] === "rule-set";
}

/** `fields.email[0]`: where a problem is inside a rule set written in code. */
function pathLabel(path: ConfigPath): string {
  let label = "";
  for (const seg of path) label += typeof seg === "number" ? `[${seg}]` : /^[A-Za-z_$][\w$]*$/.test(seg) ? `${label ? "." : ""}${seg}` : `[${JSON.stringify(seg)}]`;
  return label || "(root)";
}
