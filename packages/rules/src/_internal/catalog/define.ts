import type { Dimension, IssueCode, Severity } from "@cleanse/core";
import { z } from "zod";
import { RuleOptionError, type CompiledRule, type RuleDefinition, type RuleScope, type RuleTarget } from "../../defineRule/defineRule.ts";
import { compileSafeRegex, RegexSyntaxError, type SafeRegex } from "../regex.ts";
import { isMissing, show } from "../values.ts";

/** Shape of a built-in rule before it gets its brand. */
export interface BuiltinSpec<O> {
  readonly name: string;
  readonly description: string;
  readonly scopes?: readonly RuleScope[];
  readonly code: IssueCode;
  readonly dimension: Dimension;
  readonly severity?: Severity;
  readonly options?: z.ZodType<O>;
  readonly shorthand?: string;
  readonly examples: readonly string[];
  compile(options: O, target: RuleTarget): CompiledRule;
}

/** Brands a built-in rule definition. */
export function builtin<O>(spec: BuiltinSpec<O>): RuleDefinition<O> {
  return {
    "~cleanse": "rule",
    name: spec.name,
    description: spec.description,
    scopes: spec.scopes ?? ["field"],
    code: spec.code,
    dimension: spec.dimension,
    severity: spec.severity ?? "error",
    ...(spec.options ? { options: spec.options } : {}),
    ...(spec.shorthand ? { shorthand: spec.shorthand } : {}),
    examples: spec.examples,
    compile: spec.compile,
  };
}

/** A value test on present values with its failure message. */
export function valueCheck(test: (v: unknown) => boolean, message: (v: unknown) => string): CompiledRule {
  return { kind: "value", test, message };
}

/** The empty options object that bare rule names get. */
export const noOptions: z.ZodType<Record<string, never>> = z.strictObject({});

/** Compiles a pattern option or reports where it is wrong. */
export function patternOption(pattern: string, flags: string | undefined, path: readonly (string | number)[]): SafeRegex {
  try {
    return compileSafeRegex(pattern, flags);
  } catch (error) {
    if (error instanceof RegexSyntaxError) throw new RuleOptionError(`bad regular expression ${show(pattern)}: ${error.message}`, path);
    throw error;
  }
}

/** Reads the target field of a field-or-dataset rule: the `field` option, else the field it is written under. */
export function targetField(options: { readonly field?: string | undefined }, target: RuleTarget, rule: string): string {
  const field = options.field ?? target.field;
  if (field === undefined) throw new RuleOptionError(`${rule} needs a field: write it under fields:, or give field: <name>`, ["field"]);
  return field;
}

/** Common bound checks: min <= max. */
export function checkBounds(min: number | undefined, max: number | undefined): void {
  if (min !== undefined && max !== undefined && min > max) throw new RuleOptionError(`min (${min}) is greater than max (${max})`, ["min"]);
}

export { isMissing, show };
