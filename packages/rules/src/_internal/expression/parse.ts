import { ExpressionSyntaxError, tokenize, type Token } from "./tokenize.ts";

/** Abstract syntax tree of a check expression. `start`/`end` are 0-based offsets into the text. */
export type ExpressionNode =
  | { readonly type: "literal"; readonly value: null | number | string | boolean; readonly start: number; readonly end: number }
  | { readonly type: "field"; readonly name: string; readonly start: number; readonly end: number }
  | { readonly type: "list"; readonly items: readonly ExpressionNode[]; readonly start: number; readonly end: number }
  | { readonly type: "call"; readonly name: string; readonly args: readonly ExpressionNode[]; readonly start: number; readonly end: number }
  | { readonly type: "unary"; readonly op: "-" | "not"; readonly arg: ExpressionNode; readonly start: number; readonly end: number }
  | {
      readonly type: "binary";
      readonly op: "+" | "-" | "*" | "/" | "%" | "==" | "!=" | "<" | "<=" | ">" | ">=";
      readonly left: ExpressionNode;
      readonly right: ExpressionNode;
      readonly start: number;
      readonly end: number;
    }
  | { readonly type: "logical"; readonly op: "and" | "or"; readonly left: ExpressionNode; readonly right: ExpressionNode; readonly start: number; readonly end: number }
  | { readonly type: "in"; readonly negated: boolean; readonly value: ExpressionNode; readonly list: ExpressionNode; readonly start: number; readonly end: number }
  | { readonly type: "isnull"; readonly negated: boolean; readonly value: ExpressionNode; readonly start: number; readonly end: number };

/** Parses an expression into its syntax tree. @throws ExpressionSyntaxError with the offset of the problem */
export function parseExpressionText(text: string): ExpressionNode {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = (): Token => tokens[pos]!;
  const next = (): Token => tokens[pos++]!;
  const isOp = (t: Token, op: string) => t.type === "op" && t.text === op;
  const isKw = (t: Token, kw: string) => t.type === "keyword" && t.text === kw;
  const describe = (t: Token) => (t.type === "eof" ? "the end of the expression" : `"${text.slice(t.start, t.end)}"`);
  const parseOr = (): ExpressionNode => {
    let left = parseAnd();
    while (isKw(peek(), "or") || isOp(peek(), "||")) {
      next();
      const right = parseAnd();
      left = { type: "logical", op: "or", left, right, start: left.start, end: right.end };
    }
    return left;
  };
  const parseAnd = (): ExpressionNode => {
    let left = parseNot();
    while (isKw(peek(), "and") || isOp(peek(), "&&")) {
      next();
      const right = parseNot();
      left = { type: "logical", op: "and", left, right, start: left.start, end: right.end };
    }
    return left;
  };
  const parseNot = (): ExpressionNode => {
    const t = peek();
    if (isKw(t, "not") || isOp(t, "!")) {
      next();
      const arg = parseNot();
      return { type: "unary", op: "not", arg, start: t.start, end: arg.end };
    }
    return parseComparison();
  };
  const parseComparison = (): ExpressionNode => {
    const left = parseAdditive();
    const t = peek();
    if (t.type === "op" && ["==", "!=", "<", "<=", ">", ">="].includes(t.text)) {
      next();
      const right = parseAdditive();
      const node: ExpressionNode = { type: "binary", op: t.text as "==", left, right, start: left.start, end: right.end };
      const after = peek();
      if (after.type === "op" && ["==", "!=", "<", "<=", ">", ">="].includes(after.text)) {
        throw new ExpressionSyntaxError(`comparisons cannot be chained: write "a < b and b < c"`, after.start, after.end - after.start);
      }
      return node;
    }
    if (isKw(t, "is")) {
      next();
      let negated = false;
      if (isKw(peek(), "not")) {
        next();
        negated = true;
      }
      const n = next();
      if (!isKw(n, "null")) throw new ExpressionSyntaxError(`expected "null" after "is${negated ? " not" : ""}", found ${describe(n)}`, n.start, Math.max(1, n.end - n.start));
      return { type: "isnull", negated, value: left, start: left.start, end: n.end };
    }
    if (isKw(t, "in") || (isKw(t, "not") && isKw(tokens[pos + 1]!, "in"))) {
      const negated = isKw(t, "not");
      next();
      if (negated) next();
      const list = parseAdditive();
      return { type: "in", negated, value: left, list, start: left.start, end: list.end };
    }
    return left;
  };
  const parseAdditive = (): ExpressionNode => {
    let left = parseMultiplicative();
    while (isOp(peek(), "+") || isOp(peek(), "-")) {
      const op = next().text as "+" | "-";
      const right = parseMultiplicative();
      left = { type: "binary", op, left, right, start: left.start, end: right.end };
    }
    return left;
  };
  const parseMultiplicative = (): ExpressionNode => {
    let left = parseUnary();
    while (isOp(peek(), "*") || isOp(peek(), "/") || isOp(peek(), "%")) {
      const op = next().text as "*" | "/" | "%";
      const right = parseUnary();
      left = { type: "binary", op, left, right, start: left.start, end: right.end };
    }
    return left;
  };
  const parseUnary = (): ExpressionNode => {
    const t = peek();
    if (isOp(t, "-")) {
      next();
      const arg = parseUnary();
      return { type: "unary", op: "-", arg, start: t.start, end: arg.end };
    }
    if (isOp(t, "+")) {
      next();
      return parseUnary();
    }
    return parsePrimary();
  };
  const parseList = (open: Token, close: string): ExpressionNode[] => {
    const items: ExpressionNode[] = [];
    if (isOp(peek(), close)) {
      next();
      return items;
    }
    while (true) {
      items.push(parseOr());
      const t = next();
      if (isOp(t, close)) return items;
      if (!isOp(t, ",")) {
        throw new ExpressionSyntaxError(
          t.type === "eof" ? `missing "${close}" to close the "${open.text}" at column ${open.start + 1}` : `expected "," or "${close}", found ${describe(t)}`,
          t.start,
          Math.max(1, t.end - t.start),
        );
      }
    }
  };
  const parsePrimary = (): ExpressionNode => {
    const t = next();
    switch (t.type) {
      case "number":
      case "string":
        return { type: "literal", value: t.value!, start: t.start, end: t.end };
      case "keyword":
        if (t.text === "null") return { type: "literal", value: null, start: t.start, end: t.end };
        if (t.text === "true" || t.text === "false") return { type: "literal", value: t.text === "true", start: t.start, end: t.end };
        throw new ExpressionSyntaxError(`unexpected ${describe(t)}: expected a value, a field or a function call`, t.start, t.end - t.start);
      case "ident": {
        if (isOp(peek(), "(")) {
          const open = next();
          const args = parseList(open, ")");
          return { type: "call", name: t.text, args, start: t.start, end: tokens[pos - 1]!.end };
        }
        return { type: "field", name: t.text, start: t.start, end: t.end };
      }
      case "op":
        if (t.text === "(") {
          const inner = parseOr();
          const close = next();
          if (!isOp(close, ")")) {
            throw new ExpressionSyntaxError(
              close.type === "eof" ? `missing ")" to close the "(" at column ${t.start + 1}` : `expected ")", found ${describe(close)}`,
              close.start,
              Math.max(1, close.end - close.start),
            );
          }
          return inner;
        }
        if (t.text === "[") {
          const items = parseList(t, "]");
          return { type: "list", items, start: t.start, end: tokens[pos - 1]!.end };
        }
        throw new ExpressionSyntaxError(`unexpected ${describe(t)}: expected a value, a field or a function call`, t.start, t.end - t.start);
      default:
        throw new ExpressionSyntaxError("the expression ends too early: expected a value, a field or a function call", t.start);
    }
  };

  if (tokens.length === 1) throw new ExpressionSyntaxError("the expression is empty", 0);
  const root = parseOr();
  const rest = peek();
  if (rest.type !== "eof") {
    throw new ExpressionSyntaxError(`unexpected ${describe(rest)} after a complete expression`, rest.start, Math.max(1, rest.end - rest.start));
  }
  return root;
}
