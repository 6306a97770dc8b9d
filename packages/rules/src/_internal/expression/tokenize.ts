/** Tokens of the check expression language. Offsets are 0-based UTF-16 positions in the expression. */
export type TokenType = "number" | "string" | "ident" | "keyword" | "op" | "eof";

export interface Token {
  readonly type: TokenType;
  readonly text: string;
  /** Parsed value for numbers and strings. */
  readonly value?: number | string;
  readonly start: number;
  readonly end: number;
}

/** A syntax or name error inside an expression, at a 0-based offset. */
export class ExpressionSyntaxError extends Error {
  readonly offset: number;
  readonly length: number;
  constructor(message: string, offset: number, length = 1) {
    super(message);
    this.offset = offset;
    this.length = length;
  }
}

export const KEYWORDS: ReadonlySet<string> = new Set(["and", "or", "not", "in", "is", "null", "true", "false"]);

const OPERATORS = ["==", "!=", "<=", ">=", "&&", "||", "<>", "<", ">", "=", "+", "-", "*", "/", "%", "(", ")", "[", "]", ",", "!"];

const identStart = /[\p{L}_$]/u;
const identPart = /[\p{L}\p{N}_$]/u;

/** Splits an expression into tokens. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      i++;
      continue;
    }
    const start = i;
    if (/[0-9]/.test(c) || (c === "." && /[0-9]/.test(text[i + 1] ?? ""))) {
      const m = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(text.slice(i))!;
      i += m[0].length;
      if (identPart.test(text[i] ?? "")) throw new ExpressionSyntaxError(`unexpected "${text[i]}" after number ${m[0]}`, i);
      tokens.push({ type: "number", text: m[0], value: Number(m[0]), start, end: i });
      continue;
    }
    if (c === "'" || c === '"') {
      let value = "";
      i++;
      let closed = false;
      while (i < text.length) {
        const d = text[i]!;
        if (d === "\\") {
          const e = text[i + 1];
          if (e === undefined) break;
          // \n, \t, \\ and escaped quotes are escapes; any other backslash stays, so '\d+' is a regex digit class.
          value += e === "n" ? "\n" : e === "t" ? "\t" : e === "\\" || e === "'" || e === '"' ? e : `\\${e}`;
          i += 2;
          continue;
        }
        if (d === c) {
          if (text[i + 1] === c) {
            value += c;
            i += 2;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        value += d;
        i++;
      }
      if (!closed) throw new ExpressionSyntaxError(`unterminated string: add the closing ${c}`, start, i - start);
      tokens.push({ type: "string", text: text.slice(start, i), value, start, end: i });
      continue;
    }
    if (c === "`") {
      const close = text.indexOf("`", i + 1);
      if (close < 0) throw new ExpressionSyntaxError("unterminated `quoted field name`: add the closing `", start, text.length - start);
      const name = text.slice(i + 1, close);
      if (name === "") throw new ExpressionSyntaxError("empty `quoted field name`", start, 2);
      i = close + 1;
      tokens.push({ type: "ident", text: name, start, end: i });
      continue;
    }
    if (identStart.test(c)) {
      let j = i + 1;
      while (j < text.length && identPart.test(text[j]!)) j++;
      const lower = text.slice(i, j).toLowerCase();
      // A dotted name (`address.city`) is one field name: a nested path, or a flat field of that name.
      if (!KEYWORDS.has(lower)) {
        while (text[j] === "." && identStart.test(text[j + 1] ?? "")) {
          j += 2;
          while (j < text.length && identPart.test(text[j]!)) j++;
        }
      }
      const word = text.slice(i, j);
      i = j;
      tokens.push(KEYWORDS.has(lower) ? { type: "keyword", text: lower, start, end: i } : { type: "ident", text: word, start, end: i });
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op === undefined) throw new ExpressionSyntaxError(`unexpected character "${c}"`, i);
    i += op.length;
    tokens.push({ type: "op", text: op === "=" ? "==" : op === "<>" ? "!=" : op, start, end: i });
  }
  tokens.push({ type: "eof", text: "", start: text.length, end: text.length });
  return tokens;
}
