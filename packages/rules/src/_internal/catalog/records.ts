import { z } from "zod";
import { RuleOptionError, type RuleDefinition } from "../../defineRule/defineRule.ts";
import { compileExpressionText, type CompiledExpression } from "../expression/compile.ts";
import { truth } from "../expression/values.ts";
import { ExpressionSyntaxError } from "../expression/tokenize.ts";
import { createExactSum, Exact } from "../decimals.ts";
import { fieldReader } from "../fieldPath.ts";
import { isMissing, toDecimalText, toKey } from "../values.ts";
import { builtin, show } from "./define.ts";

/** Compiles an expression option, turning syntax errors into option errors at `key` with the offset. */
export function expressionOption(text: string, key: string): CompiledExpression {
  try {
    return compileExpressionText(text);
  } catch (error) {
    if (error instanceof ExpressionSyntaxError) throw new RuleOptionError(`${error.message} (column ${error.offset + 1} of the expression)`, [key], error.offset);
    throw error;
  }
}

const check = builtin({
  name: "check",
  description:
    "A cross-field condition in the expression language: the record fails when `assert` is false (an unknown result, from a null operand, passes). `when` limits the check to records where it is true. Usually written in the `checks:` list with a name.",
  scopes: ["record"],
  code: "check_failed",
  dimension: "consistency",
  options: z.strictObject({
    assert: z.string().min(1).describe("Expression that must hold"),
    when: z.string().min(1).optional().describe("Expression selecting the records to check"),
  }),
  shorthand: "assert",
  examples: ["checks:\n  - name: ship-after-order\n    when: ship_date != null\n    assert: ship_date >= order_date"],
  compile: (o, target) => {
    const assert = expressionOption(o.assert, "assert");
    const when = o.when === undefined ? undefined : expressionOption(o.when, "when");
    const evaluate = assert.evaluate;
    const condition = when?.evaluate;
    const fields = assert.fields;
    const readers = fields.map(fieldReader);
    return {
      kind: "record",
      check(record) {
        if (condition !== undefined && truth(condition(record)) !== true) return undefined;
        if (truth(evaluate(record)) !== false) return undefined;
        const shown = fields.slice(0, 4).map((f, i) => `${f}=${show(readers[i]!(record))}`).join(", ");
        return {
          message: `${target.id === "check" ? "check" : target.id} failed: ${o.assert}${shown ? ` (${shown})` : ""}`,
          ...(fields.length === 1 ? { field: fields[0]!, value: readers[0]!(record) } : {}),
        };
      },
    };
  },
});

const distinctFields = builtin({
  name: "distinct_fields",
  description: "Within each record, the listed fields must hold different values (e.g. primary and backup phone). Missing values are ignored.",
  scopes: ["record"],
  code: "duplicate",
  dimension: "consistency",
  options: z.strictObject({ fields: z.array(z.string()).min(2) }),
  shorthand: "fields",
  examples: ["records:\n  - { distinct_fields: [phone, backup_phone, office_phone] }"],
  compile: (o) => {
    const fields = o.fields;
    const readers = fields.map(fieldReader);
    return {
      kind: "record",
      check(record) {
        const seen = new Map<string, string>();
        for (let i = 0; i < fields.length; i++) {
          const f = fields[i]!;
          const v = readers[i]!(record);
          if (isMissing(v)) continue;
          const key = toKey(v);
          const other = seen.get(key);
          if (other !== undefined) return { message: `${f} repeats the value of ${other} (${show(v)})`, field: f, value: v };
          seen.set(key, f);
        }
        return undefined;
      },
    };
  },
});

const sumOfFields = builtin({
  name: "sum_of_fields",
  description: "Within each record, the listed numeric fields must add up to `equals` (within `tolerance`, default 1e-9), e.g. shares that total 100. The sum is exact: `0.1 + 0.2 + 0.3` is 0.6.",
  scopes: ["record"],
  code: "check_failed",
  dimension: "consistency",
  options: z.strictObject({ fields: z.array(z.string()).min(1), equals: z.number(), tolerance: z.number().min(0).optional() }),
  examples: ["records:\n  - { sum_of_fields: { fields: [cash_pct, card_pct, credit_pct], equals: 100 } }"],
  compile: (o) => {
    const equals = toDecimalText(o.equals)!;
    const tolerance = toDecimalText(o.tolerance ?? 1e-9)!;
    const readers = o.fields.map(fieldReader);
    return {
      kind: "record",
      check(record) {
        const sum = createExactSum();
        for (let i = 0; i < o.fields.length; i++) {
          const f = o.fields[i]!;
          const v = readers[i]!(record);
          if (isMissing(v)) continue;
          const text = toDecimalText(v);
          if (text === undefined) return { message: `${f} is not a number (${show(v)})`, field: f, value: v };
          sum.add(text);
        }
        const total = sum.text();
        if (total === equals || new Exact(total).minus(equals).abs().lte(tolerance)) return undefined;
        return { message: `${o.fields.join(" + ")} = ${total}, expected ${equals}`, value: Number(total) };
      },
    };
  },
});

export const recordRules: readonly RuleDefinition[] = [check, distinctFields, sumOfFields];
