import { ConfigError, getField, type Dimension, type IssueCode, type Severity } from "@cleanse/core";
import { fieldReader } from "../_internal/fieldPath.ts";
import type { RuleDefinition, RuleFinding } from "../defineRule/defineRule.ts";

/** The Standard Schema v1 interface (https://standardschema.dev), implemented by zod, valibot, arktype and others. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly "~standard": {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => StandardResult<Output> | Promise<StandardResult<Output>>;
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  };
}

/** A Standard Schema validation result. */
export type StandardResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | { readonly issues: readonly { readonly message: string; readonly path?: readonly (PropertyKey | { readonly key: PropertyKey })[] | undefined }[] };

/** Options of {@link fromStandardSchema}. */
export interface FromStandardSchemaOptions {
  /** Validate this field's value; without it, a rule under `fields:` validates its field and one in `records:` the whole record. */
  readonly field?: string;
  /** Rule id (defaults to `schema`). */
  readonly name?: string;
  readonly code?: IssueCode;
  readonly dimension?: Dimension;
  readonly severity?: Severity;
  /** Also validate missing values (null, absent, empty text); by default they are left to `required`. */
  readonly missing?: boolean;
}

const keyOf = (segment: PropertyKey | { readonly key: PropertyKey }): PropertyKey => (typeof segment === "object" && segment !== null ? segment.key : segment);

/**
 * Turns any Standard Schema validator (zod, valibot, arktype, ...) into a rule. Validation must be synchronous.
 * @param schema - the validator, for a field value or for a whole record
 * @param options - the field to validate, rule id, code, dimension, severity
 * @returns a rule definition to put in a field's list or in `records:`
 * @throws ConfigError (`CLEANSE_ASYNC_SCHEMA`) at run time when the schema validates asynchronously
 * @example
 * const rules = toRuleSet({ fields: { email: [fromStandardSchema(z.email())] } });
 * compileRules(rules).check({ email: "nope" })[0]?.rule //=> "schema"
 */
export function fromStandardSchema(schema: StandardSchemaV1, options: FromStandardSchemaOptions = {}): RuleDefinition<Record<string, never>> {
  const standard = schema?.["~standard"];
  if (!standard || standard.version !== 1 || typeof standard.validate !== "function") {
    throw new TypeError("fromStandardSchema: expected a Standard Schema v1 validator (an object with a ~standard property), e.g. a zod, valibot or arktype schema.");
  }
  const name = options.name ?? "schema";
  const run = (value: unknown) => {
    const result = standard.validate(value);
    if (result instanceof Promise) {
      throw new ConfigError(`The ${standard.vendor} schema of rule "${name}" validates asynchronously; rules must be synchronous. Remove async refinements or validate in a separate step.`, {
        code: "CLEANSE_ASYNC_SCHEMA",
      });
    }
    return result;
  };
  return {
    "~cleanse": "rule",
    name,
    description: `Validates with a ${standard.vendor} schema.`,
    scopes: ["field", "record"],
    code: options.code ?? "invalid_format",
    dimension: options.dimension ?? "validity",
    severity: options.severity ?? "error",
    compile(_o, target) {
      const field = options.field ?? target.field;
      const read = field === undefined ? undefined : fieldReader(field);
      const checkMissing = options.missing ?? false;
      return {
        kind: "record",
        check(record) {
          const value = read === undefined ? record : read(record);
          if (field !== undefined && !checkMissing && (value === undefined || value === null || value === "")) return undefined;
          const result = run(value);
          if (!result.issues || result.issues.length === 0) return undefined;
          return result.issues.map((issue): RuleFinding => {
            const path = (issue.path ?? []).map(keyOf);
            const issueField = field ?? (path.length > 0 ? String(path[0]) : undefined);
            const rest = field === undefined ? path.slice(1) : path;
            const where = rest.length > 0 ? ` (at ${rest.map(String).join(".")})` : "";
            return {
              message: `${issue.message}${where}`,
              ...(issueField === undefined ? {} : { field: issueField, value: field === undefined ? getField(record, issueField) : value }),
            };
          });
        },
      };
    },
  };
}
