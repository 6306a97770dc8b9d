import { ConfigError, type DataRecord } from "@cleanse/core";
import { compileExpressionText } from "../_internal/expression/compile.ts";
import { truth, type ExprValue } from "../_internal/expression/values.ts";
import { parseExpressionText, type ExpressionNode } from "../_internal/expression/parse.ts";
import { ExpressionSyntaxError } from "../_internal/expression/tokenize.ts";

export type { ExpressionNode };

/** A compiled check expression. */
export interface CompiledExpression {
  /** The expression's value for a record: null, a number, text, a boolean, a Date or a list. */
  evaluate(record: DataRecord): ExprValue;
  /** The expression's truth for a record: true, false, or null when unknown (a null operand). */
  test(record: DataRecord): boolean | null;
  /** Fields the expression reads. */
  readonly fields: readonly string[];
}

export type { ExprValue };

function toConfigError(error: unknown, text: string): never {
  if (error instanceof ExpressionSyntaxError) {
    const pointer = `${text}\n${" ".repeat(error.offset)}${"^".repeat(Math.max(1, Math.min(error.length, text.length - error.offset)))}`;
    throw new ConfigError(`Bad expression at column ${error.offset + 1}: ${error.message}\n${pointer}`, {
      code: "CLEANSE_BAD_EXPRESSION",
      location: { column: error.offset + 1 },
    });
  }
  throw error;
}

/**
 * Parses a check expression into its syntax tree (for tools: listing fields, translating to SQL).
 * @param text - the expression, e.g. `ship_date >= order_date`
 * @returns the syntax tree, with 0-based offsets
 * @throws ConfigError (`CLEANSE_BAD_EXPRESSION`) naming the column of the problem
 * @example
 * parseExpression("a > 1").type //=> "binary"
 */
export function parseExpression(text: string): ExpressionNode {
  try {
    return parseExpressionText(text);
  } catch (error) {
    return toConfigError(error, text);
  }
}

/**
 * Compiles a check expression into closures: no `eval`, no access to anything but the record's fields.
 * Comparisons with null are unknown (null); `x == null` and `x is null` test for missing values.
 * @param text - the expression, e.g. `status in ['active', 'prospect'] and len(name) <= 100`
 * @returns the compiled expression
 * @throws ConfigError (`CLEANSE_BAD_EXPRESSION`) naming the column of the problem
 * @example
 * compileExpression("days_between(order_date, ship_date) <= 30").test({ order_date: "2024-01-01", ship_date: "2024-03-01" }) //=> false
 */
export function compileExpression(text: string): CompiledExpression {
  try {
    const compiled = compileExpressionText(text);
    const evaluate = compiled.evaluate;
    return { evaluate, test: (record) => truth(evaluate(record)), fields: compiled.fields };
  } catch (error) {
    return toConfigError(error, text);
  }
}
