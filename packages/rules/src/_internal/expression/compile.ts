import { suggest } from "@cleanse/config";
import type { DataRecord } from "@cleanse/core";
import { exactArithmetic } from "../decimals.ts";
import { fieldReader, pathSegments } from "../fieldPath.ts";
import { asDecimalText, asNumber, asText, compareValues, equalValues, fromField, truth, type ExprValue } from "./values.ts";
import { FUNCTION_NAMES, FUNCTIONS, type FunctionSpec } from "./functions.ts";
import { parseExpressionText, type ExpressionNode } from "./parse.ts";
import { ExpressionSyntaxError } from "./tokenize.ts";

/** A compiled expression: a closure over the record, no interpretation of the tree at run time. */
export type CompiledExpr = (record: DataRecord) => ExprValue;

/** Result of compiling: the closure and the fields it reads. */
export interface CompiledExpression {
  readonly evaluate: CompiledExpr;
  readonly fields: readonly string[];
}

/** Parses and compiles an expression. @throws ExpressionSyntaxError */
export function compileExpressionText(text: string): CompiledExpression {
  const ast = parseExpressionText(text);
  const fields = new Set<string>();
  const evaluate = compileNode(ast, fields);
  return { evaluate, fields: [...fields] };
}

/** The function of that name; names such as `toString` or `constructor` are no functions of the language. */
function functionSpec(name: string): FunctionSpec | undefined {
  return Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
}

function compileNode(node: ExpressionNode, fields: Set<string>): CompiledExpr {
  switch (node.type) {
    case "literal": {
      const v = node.value;
      return () => v;
    }
    case "field": {
      const name = node.name;
      fields.add(name);
      // Own properties only: `constructor` or `__proto__` must not reach the object model. A dotted name is a
      // flat field of that name when the record has one, else a path through nested objects.
      if (pathSegments(name) === undefined) return (r) => (Object.hasOwn(r, name) ? fromField(r[name]) : null);
      const read = fieldReader(name);
      return (r) => fromField(read(r));
    }
    case "list": {
      const items = node.items.map((n) => compileNode(n, fields));
      return (r) => items.map((c) => c(r));
    }
    case "call": {
      const spec = functionSpec(node.name) ?? functionSpec(node.name.toLowerCase());
      if (!spec) {
        const guess = suggest(node.name, FUNCTION_NAMES);
        throw new ExpressionSyntaxError(
          `unknown function "${node.name}"${guess ? ` (did you mean "${guess}"?)` : ""}; known functions: ${FUNCTION_NAMES.join(", ")}`,
          node.start,
          node.name.length,
        );
      }
      if (node.args.length < spec.min || node.args.length > spec.max) {
        const expected = spec.min === spec.max ? `${spec.min}` : spec.max === Number.POSITIVE_INFINITY ? `at least ${spec.min}` : `${spec.min} or ${spec.max}`;
        throw new ExpressionSyntaxError(
          `${node.name}() takes ${expected} argument${spec.min === 1 && spec.max === 1 ? "" : "s"}, got ${node.args.length}`,
          node.start,
          node.end - node.start,
        );
      }
      const args = node.args.map((n) => compileNode(n, fields));
      if (spec.compile) return spec.compile(node.args, args);
      const call = spec.call!;
      if (args.length === 1) {
        const a = args[0]!;
        return (r) => call(a(r));
      }
      if (args.length === 2) {
        const a = args[0]!, b = args[1]!;
        return (r) => call(a(r), b(r));
      }
      return (r) => call(...args.map((c) => c(r)));
    }
    case "unary": {
      const arg = compileNode(node.arg, fields);
      if (node.op === "not") {
        return (r) => {
          const t = truth(arg(r));
          return t === null ? null : !t;
        };
      }
      return (r) => {
        const n = asNumber(arg(r));
        return n === null ? null : -n;
      };
    }
    case "logical": {
      const left = compileNode(node.left, fields);
      const right = compileNode(node.right, fields);
      if (node.op === "and") {
        return (r) => {
          const a = truth(left(r));
          if (a === false) return false;
          const b = truth(right(r));
          if (b === false) return false;
          return a === null || b === null ? null : true;
        };
      }
      return (r) => {
        const a = truth(left(r));
        if (a === true) return true;
        const b = truth(right(r));
        if (b === true) return true;
        return a === null || b === null ? null : false;
      };
    }
    case "isnull": {
      const value = compileNode(node.value, fields);
      return node.negated ? (r) => value(r) !== null : (r) => value(r) === null;
    }
    case "in": {
      const value = compileNode(node.value, fields);
      const negated = node.negated;
      if (node.list.type !== "list") {
        const list = compileNode(node.list, fields);
        return (r) => {
          const v = value(r);
          const l = list(r);
          if (v === null || l === null) return null;
          const found = Array.isArray(l) ? l.some((x) => equalValues(v, x)) : typeof l === "string" && asText(v) !== null ? l.includes(asText(v)!) : equalValues(v, l);
          return negated ? !found : found;
        };
      }
      const constant = node.list.items.every((n) => n.type === "literal");
      if (constant) {
        const items = node.list.items.map((n) => (n as { value: ExprValue }).value);
        const texts = new Set(items.filter((x) => x !== null).map((x) => asText(x)!));
        // Numbers match by their exact value: "1.0" is in [1], "0.30000000000000001" is not in [0.3].
        const numbers = new Set(items.map((x) => asDecimalText(x)).filter((x): x is string => x !== null));
        return (r) => {
          const v = value(r);
          if (v === null) return null;
          if (texts.has(asText(v)!)) return !negated;
          const n = numbers.size === 0 ? null : asDecimalText(v);
          const found = n !== null && numbers.has(n);
          return negated ? !found : found;
        };
      }
      const list = compileNode(node.list, fields);
      return (r) => {
        const v = value(r);
        if (v === null) return null;
        const found = (list(r) as readonly ExprValue[]).some((x) => equalValues(v, x));
        return negated ? !found : found;
      };
    }
    case "binary": {
      const left = compileNode(node.left, fields);
      const right = compileNode(node.right, fields);
      switch (node.op) {
        case "==":
          return (r) => equalValues(left(r), right(r));
        case "!=":
          return (r) => !equalValues(left(r), right(r));
        case "<":
        case "<=":
        case ">":
        case ">=": {
          const test = node.op === "<" ? (c: number) => c < 0 : node.op === "<=" ? (c: number) => c <= 0 : node.op === ">" ? (c: number) => c > 0 : (c: number) => c >= 0;
          return (r) => {
            const a = left(r);
            if (a === null) return null;
            const b = right(r);
            if (b === null) return null;
            const c = compareValues(a, b);
            return Number.isNaN(c) ? null : test(c);
          };
        }
        case "+":
          return (r) => {
            const a = left(r), b = right(r);
            if (a === null || b === null) return null;
            const na = asNumber(a), nb = asNumber(b);
            if (na !== null && nb !== null && typeof a !== "boolean" && typeof b !== "boolean") return arithmetic("+", a, na, b, nb);
            return (asText(a) ?? "") + (asText(b) ?? "");
          };
        default: {
          const op = node.op;
          return (r) => {
            const a = left(r);
            const na = asNumber(a);
            if (na === null) return null;
            const b = right(r);
            const nb = asNumber(b);
            if (nb === null) return null;
            return arithmetic(op as "-" | "*" | "/" | "%", a, na, b, nb);
          };
        }
      }
    }
  }
}

/**
 * Arithmetic on numbers and numeric text, exact on their decimal values and rounded once to a number: `0.1 + 0.2`
 * is 0.3, `0.3 / 0.1` is 3, `"9007199254740993" + 1` is 9007199254740994. Whole numbers that stay safe integers are
 * added and multiplied directly, which is exact too.
 */
function arithmetic(op: "+" | "-" | "*" | "/" | "%", a: ExprValue, na: number, b: ExprValue, nb: number): number | null {
  if (op !== "/" && op !== "%" && typeof a === "number" && typeof b === "number" && Number.isSafeInteger(a) && Number.isSafeInteger(b)) {
    const r = op === "+" ? a + b : op === "-" ? a - b : a * b;
    if (Number.isSafeInteger(r)) return r;
  }
  const da = asDecimalText(a), db = asDecimalText(b);
  if (da === null || db === null) return op === "+" ? na + nb : op === "-" ? na - nb : op === "*" ? na * nb : nb === 0 ? null : op === "/" ? na / nb : na % nb;
  return exactArithmetic(op, da, db);
}
