import { ConfigError, type DataRecord, type Dimension, type IssueCode, type RecordSource, type Severity, type SourceLocation } from "@cleanse/core";
import type { z } from "zod";

/** Where a rule may be written: under a field, in the record-level `records` list, or in the `dataset` list. */
export type RuleScope = "field" | "record" | "dataset";

/** One thing a rule found. Everything is optional: the rule's code, the target field and a default message fill the gaps. */
export interface RuleFinding {
  readonly message?: string;
  readonly field?: string;
  readonly value?: unknown;
  readonly code?: IssueCode;
}

/** What a rule is compiled for. */
export interface RuleTarget {
  /** The rule id used in issues and the report (the rule name unless the file gives an `id`). */
  readonly id: string;
  /** The field, for rules written under `fields:`. */
  readonly field?: string;
  /** Where the rule was written, for error messages. */
  readonly location?: SourceLocation;
  /** Folder that relative paths in options resolve against. */
  readonly baseDir: string;
  /** Opens another source by path, for reference checks. */
  readonly openSource?: (spec: string | { readonly path: string; readonly [option: string]: unknown }) => RecordSource;
}

/** A rule compiled for one target. */
export type CompiledRule =
  | {
      /** Tests one field value. Called for present values only, unless `missing` is true. */
      readonly kind: "value";
      readonly missing?: boolean;
      /**
       * True when the test remembers earlier records (uniqueness, order). `check()` of a compiled rule set judges
       * each record alone and leaves such rules out; `createChecker()` and the pipeline step run them.
       */
      readonly stateful?: boolean;
      test(value: unknown, seq: number, record: DataRecord): boolean;
      message(value: unknown): string;
      /** Dataset-level findings once all records are seen (e.g. first occurrences of duplicates). */
      finish?(): readonly RuleFinding[];
    }
  | {
      /** Looks at a whole record. */
      readonly kind: "record";
      /** True when the check remembers earlier records, as for value rules. */
      readonly stateful?: boolean;
      /** Loads what the rule needs before the first record (e.g. a reference key set). */
      prepare?(): Promise<void>;
      check(record: DataRecord, seq: number): RuleFinding | readonly RuleFinding[] | undefined;
      finish?(): readonly RuleFinding[];
    }
  | {
      /** Folds every record into a dataset-level verdict. */
      readonly kind: "dataset";
      add(record: DataRecord, seq: number): void;
      finish(): readonly RuleFinding[];
    };

/** A rule: its name, what its options look like and how it compiles. Built-in rules and custom rules share this shape. */
export interface RuleDefinition<O = any> {
  readonly "~cleanse": "rule";
  readonly name: string;
  readonly description: string;
  /** Sections the rule may be written in. */
  readonly scopes: readonly RuleScope[];
  readonly code: IssueCode;
  readonly dimension: Dimension;
  readonly severity: Severity;
  /** Schema of the options object (a zod object schema). */
  readonly options?: z.ZodType<O>;
  /** Option that a non-object value fills: `{ in: [a, b] }` means `{ in: { values: [a, b] } }`. */
  readonly shorthand?: string;
  /** YAML examples for the documentation. */
  readonly examples?: readonly string[];
  compile(options: O, target: RuleTarget): CompiledRule;
}

/**
 * A rule option that fits its schema but cannot be used (a bad pattern, min above max). Throw it from a rule's
 * `compile`; loading turns it into a ConfigError at the option's file:line:column.
 */
export class RuleOptionError extends ConfigError {
  /** Path inside the options object. */
  readonly path: readonly (string | number)[];
  /** For expressions: 0-based offset of the problem inside the option's text. */
  readonly offset: number | undefined;
  constructor(message: string, path: readonly (string | number)[] = [], offset?: number) {
    super(message, { code: "CLEANSE_RULE_OPTION" });
    this.path = path;
    this.offset = offset;
  }
}

/** What a simple field check returns: `true` or nothing when the value passes, `false` or a message when it fails. */
export type CheckResult = boolean | string | undefined | void;

/** Options of {@link defineRule}. */
export interface DefineRuleOptions<O> {
  /** snake_case name used in rule files. */
  readonly name: string;
  readonly description?: string;
  /** Issue code; defaults to `invalid_format` for field checks and `check_failed` for record checks. */
  readonly code?: IssueCode;
  readonly dimension?: Dimension;
  readonly severity?: Severity;
  /** Schema of the rule's options in rule files. */
  readonly options?: z.ZodType<O>;
  readonly shorthand?: string;
  readonly examples?: readonly string[];
  /** A field check, called with each present value (missing values are `required`'s job). */
  readonly check?: (value: unknown, options: O, record: DataRecord) => CheckResult;
  /** A record check, for rules in the `records:` list. */
  readonly checkRecord?: (record: DataRecord, options: O) => CheckResult | RuleFinding | readonly RuleFinding[];
  /** Full control: compile the rule yourself (stateful and dataset rules; mark a rule with state `stateful: true`). */
  readonly compile?: (options: O, target: RuleTarget) => CompiledRule;
  readonly scopes?: readonly RuleScope[];
}

/**
 * Defines a custom rule that rule files and TypeScript rule sets can use beside the built-in ones.
 * @param definition - name, options schema and a `check` (field value), `checkRecord` (whole record) or `compile`
 * @returns the rule definition; pass it in `rules` to `parseRules`/`loadRules`, or put it straight into a field's list
 * @example
 * const even = defineRule({ name: "even", check: (v) => Number(v) % 2 === 0 || "expected an even number" });
 * compileRules(toRuleSet({ fields: { n: [even] } })).check({ n: 3 })[0]?.message //=> "expected an even number"
 */
export function defineRule<O = Record<string, never>>(definition: DefineRuleOptions<O>): RuleDefinition<O> {
  const { name, check, checkRecord } = definition;
  if (!/^[a-z][a-z0-9_]*$/i.test(name)) throw new TypeError(`Rule name "${name}" must start with a letter and use only letters, digits and _.`);
  const count = [check, checkRecord, definition.compile].filter((f) => f !== undefined).length;
  if (count !== 1) throw new TypeError(`Rule "${name}" needs exactly one of check, checkRecord or compile.`);
  const base = {
    "~cleanse": "rule" as const,
    name,
    description: definition.description ?? `Custom rule ${name}.`,
    code: definition.code ?? (checkRecord ? "check_failed" : "invalid_format"),
    dimension: definition.dimension ?? (checkRecord ? "consistency" : "validity"),
    severity: definition.severity ?? "error",
    ...(definition.options ? { options: definition.options } : {}),
    ...(definition.shorthand ? { shorthand: definition.shorthand } : {}),
    ...(definition.examples ? { examples: definition.examples } : {}),
  };
  if (definition.compile) return { ...base, scopes: definition.scopes ?? ["field"], compile: definition.compile };
  if (check) {
    return {
      ...base,
      scopes: ["field"],
      compile(options, target) {
        const fallback = `${target.field ?? "value"} failed rule ${name}`;
        let message = fallback;
        return {
          kind: "value",
          test(value, _seq, record) {
            const result = check(value, options, record);
            if (result === true || result === undefined) return true;
            message = typeof result === "string" ? result : fallback;
            return false;
          },
          message: () => message,
        };
      },
    };
  }
  return {
    ...base,
    scopes: ["record"],
    compile(options, target) {
      return {
        kind: "record",
        check(record) {
          const result = checkRecord!(record, options);
          if (result === true || result === undefined) return undefined;
          if (result === false) return { message: `record failed rule ${target.id}` };
          if (typeof result === "string") return { message: result };
          return result as RuleFinding | readonly RuleFinding[];
        },
      };
    },
  };
}

/**
 * Tells whether a value is a rule definition (from {@link defineRule}, {@link fromStandardSchema} or the catalogue).
 * @param value - anything
 * @returns true for rule definitions
 * @example
 * isRuleDefinition(defineRule({ name: "x", check: () => true })) //=> true
 */
export function isRuleDefinition(value: unknown): value is RuleDefinition {
  return typeof value === "object" && value !== null && (value as { "~cleanse"?: unknown })["~cleanse"] === "rule";
}
