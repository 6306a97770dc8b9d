import type { Dimension, Severity } from "@cleanse/core";
import { z } from "zod";
import { BUILTIN_RULES } from "../_internal/catalog/index.ts";
import { sourceSpecSchema } from "../_internal/catalog/references.ts";
import type { RuleDefinition, RuleScope } from "../defineRule/defineRule.ts";

/** Keys every rule entry may carry beside its options. */
export interface RuleEntryCommon {
  /** error (quarantines the record), warning or info. */
  readonly severity?: Severity;
  /** The quality dimension the finding counts against. */
  readonly dimension?: Dimension;
  /** Replaces the rule's message; `{field}`, `{value}` and `{rule}` are filled in. */
  readonly message?: string;
  /** Rule id in issues and the report (defaults to the rule name). */
  readonly id?: string;
  /** Expression: apply the rule only to records where it is true. */
  readonly when?: string;
}

/**
 * One rule in a list: a rule name (`email`), a rule with options (`{ range: { min: 0 } }`), a rule with
 * a shorthand value (`{ in: [a, b] }`), any of those with common keys (`{ email: null, severity: warning }`),
 * or, from TypeScript, a rule definition object.
 */
export type RuleEntry = string | RuleDefinition | (RuleEntryCommon & { readonly [rule: string]: unknown });

/** The object form of a field: its rules plus field-level settings. */
export interface FieldSpec {
  readonly rules: readonly RuleEntry[];
  /** The field holds personal data: report examples are masked. */
  readonly pii?: boolean;
  /** Default severity of the field's rules. */
  readonly severity?: Severity;
  /** Default dimension of the field's rules. */
  readonly dimension?: Dimension;
  readonly description?: string;
}

/** A cross-field check written in the expression language. */
export interface CheckSpec extends Omit<RuleEntryCommon, "id"> {
  /** Rule id in the report, e.g. `ship-after-order`. */
  readonly name: string;
  readonly assert: string;
  readonly description?: string;
}

/** A referential-integrity check against another dataset. */
export interface ReferenceSpec extends Omit<RuleEntryCommon, "id" | "when"> {
  readonly name?: string;
  readonly field: string | readonly string[];
  readonly in: {
    readonly source?: string | { readonly path: string; readonly [option: string]: unknown };
    readonly field: string | readonly string[];
    /** TypeScript only: the other dataset's records, instead of a source file. */
    readonly records?: Iterable<Record<string, unknown>> | AsyncIterable<Record<string, unknown>>;
  };
  readonly exact?: boolean;
  readonly ignore_case?: boolean;
  readonly when?: string;
}

/** A rule file as written in YAML or JSON, or as a plain TypeScript object of the same shape. */
export interface RuleFile {
  readonly $schema?: string;
  readonly description?: string;
  /** Default severity of every rule in the file. */
  readonly severity?: Severity;
  readonly fields?: { readonly [field: string]: RuleEntry | readonly RuleEntry[] | FieldSpec };
  readonly records?: readonly RuleEntry[];
  readonly checks?: readonly CheckSpec[];
  readonly references?: readonly ReferenceSpec[];
  readonly dataset?: readonly RuleEntry[];
}

/** The severities a rule can have. */
export const SEVERITIES: readonly ["error", "warning", "info"] = ["error", "warning", "info"];

/** Zod shape of the keys any rule entry may carry. */
export const commonShape: {
  readonly severity: z.ZodOptional<z.ZodEnum<{ error: "error"; warning: "warning"; info: "info" }>>;
  readonly dimension: z.ZodOptional<z.ZodString>;
  readonly message: z.ZodOptional<z.ZodString>;
  readonly id: z.ZodOptional<z.ZodString>;
  readonly when: z.ZodOptional<z.ZodString>;
} = {
  severity: z.enum(SEVERITIES).optional().describe("error quarantines the record; warning and info only report"),
  dimension: z.string().min(1).optional().describe("completeness, validity, uniqueness, consistency, timeliness, accuracy, integrity or your own"),
  message: z.string().min(1).optional().describe("Custom message; {field}, {value} and {rule} are filled in"),
  id: z.string().min(1).optional().describe("Rule id in issues and the report"),
  when: z.string().min(1).optional().describe("Expression: apply the rule only where it is true"),
};

/** The options schema of a rule with the common keys added (when it is an object schema). */
export function optionsWithCommon(rule: RuleDefinition): z.ZodType {
  const options = rule.options;
  if (options instanceof z.ZodObject) {
    const own = Object.keys(options.shape);
    const extra = Object.fromEntries(Object.entries(commonShape).filter(([k]) => !own.includes(k)));
    return options.extend(extra);
  }
  return options ?? z.strictObject(commonShape);
}

const fieldList = z.union([z.string(), z.array(z.string()).min(1)]);

const entryCache = new WeakMap<RuleDefinition, z.ZodType>();

/** The schema of one `{ rule: options }` item; built-in rules get an id, so the JSON Schema defines each once. */
function ruleEntrySchema(rule: RuleDefinition): z.ZodType {
  const cached = entryCache.get(rule);
  if (cached) return cached;
  const values: z.ZodType[] = [optionsWithCommon(rule), z.null(), z.literal(true)];
  if (rule.shorthand && rule.options instanceof z.ZodObject) {
    const inner = rule.options.shape[rule.shorthand] as z.ZodType | undefined;
    if (inner) values.push(inner instanceof z.ZodOptional ? (inner.unwrap() as z.ZodType) : inner);
  }
  let schema: z.ZodType = z.strictObject({ [rule.name]: z.union(values as [z.ZodType, z.ZodType, ...z.ZodType[]]), ...commonShape }).describe(rule.description);
  if (BUILTIN_RULES.get(rule.name) === rule) schema = schema.meta({ id: `rule-${rule.name.replace(/_/g, "-")}` });
  entryCache.set(rule, schema);
  return schema;
}

function entrySchema(rules: readonly RuleDefinition[], scope: RuleScope): z.ZodType {
  const usable = rules.filter((r) => r.scopes.includes(scope) || (scope === "field" && r.scopes.includes("dataset") && r.options instanceof z.ZodObject && "field" in r.options.shape));
  const forms: z.ZodType[] = [z.enum(usable.map((r) => r.name) as [string, ...string[]]).describe("A rule without options")];
  for (const rule of usable) forms.push(ruleEntrySchema(rule));
  return z.union(forms as [z.ZodType, z.ZodType, ...z.ZodType[]]);
}

/**
 * Builds the zod schema of rule files for a catalogue (the built-in rules plus custom ones).
 * @param rules - the rules files may use
 * @returns the schema, for validation and JSON Schema generation
 * @example
 * buildRuleFileSchema([...ruleCatalog.flatMap((g) => g.rules), myRule]).safeParse({ fields: { a: ["my_rule"] } }).success //=> true
 */
export function buildRuleFileSchema(rules: readonly RuleDefinition[]): z.ZodType<RuleFile> {
  const builtinOnly = rules.every((r) => BUILTIN_RULES.get(r.name) === r);
  const named = (schema: z.ZodType, id: string): z.ZodType => (builtinOnly ? schema.meta({ id }) : schema);
  const fieldEntry = named(entrySchema(rules, "field"), "field-rule");
  const fieldSpec = z.strictObject({
    rules: z.array(fieldEntry),
    pii: z.boolean().optional().describe("Personal data: mask report examples"),
    severity: commonShape.severity,
    dimension: commonShape.dimension,
    description: z.string().optional(),
  });
  const check = z.strictObject({
    name: z.string().min(1).describe("Rule id in the report"),
    assert: z.string().min(1).describe("Expression that must hold"),
    when: commonShape.when,
    severity: commonShape.severity,
    dimension: commonShape.dimension,
    message: commonShape.message,
    description: z.string().optional(),
  });
  const reference = z.strictObject({
    name: z.string().min(1).optional(),
    field: fieldList,
    in: z.strictObject({ source: sourceSpecSchema.describe("File (relative to the rule file) or named source holding the keys"), field: fieldList }),
    exact: z.boolean().optional(),
    ignore_case: z.boolean().optional(),
    when: commonShape.when,
    severity: commonShape.severity,
    dimension: commonShape.dimension,
    message: commonShape.message,
  });
  return z.strictObject({
    $schema: z.string().optional(),
    description: z.string().optional(),
    severity: commonShape.severity.describe("Default severity of every rule in the file"),
    fields: z.record(z.string(), z.union([fieldEntry, z.array(fieldEntry), fieldSpec])).optional().describe("Rules per field"),
    records: z.array(named(entrySchema(rules, "record"), "record-rule")).optional().describe("Record-level rules: compound uniqueness, rules across fields"),
    checks: z.array(check).optional().describe("Cross-field checks in the expression language"),
    references: z.array(reference).optional().describe("Referential integrity against other datasets"),
    dataset: z.array(named(entrySchema(rules, "dataset"), "dataset-rule")).optional().describe("Dataset-level rules: row counts, null ratios, freshness"),
  }) as unknown as z.ZodType<RuleFile>;
}

/**
 * Zod schema of a rule file with the built-in rules, the source of `schema/rules.schema.json`.
 * @example
 * ruleFileSchema.safeParse({ fields: { email: ["email"] } }).success //=> true
 */
export const ruleFileSchema: z.ZodType<RuleFile> = buildRuleFileSchema([...BUILTIN_RULES.values()]);
