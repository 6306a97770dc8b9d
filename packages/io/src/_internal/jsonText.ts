/** 0-based position of a JSON.parse error within its input, from the engine's message. */
export function jsonErrorPosition(error: unknown, text: string): number {
  const message = error instanceof Error ? error.message : "";
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) {
    let line = Number(lineColumn[1]);
    let pos = 0;
    while (line > 1) {
      const nl = text.indexOf("\n", pos);
      if (nl === -1) break;
      pos = nl + 1;
      line--;
    }
    return Math.min(text.length, pos + Number(lineColumn[2]) - 1);
  }
  const position = /position (\d+)/.exec(message);
  if (position) return Math.min(text.length, Number(position[1]));
  // "Unexpected token 'X', ..." has no position: take the first X outside a string literal.
  const token = /Unexpected token '(.)'/u.exec(message)?.[1];
  if (token !== undefined) {
    let inString = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (inString) {
        if (c === "\\") i++;
        else if (c === '"') inString = false;
      } else if (c === token) return i;
      else if (c === '"') inString = true;
    }
  }
  return text.length;
}

/** What JSON.parse choked on, without quoting the input (it may hold personal data). */
export function describeJsonError(text: string, pos: number): string {
  const ch = text[pos];
  return ch === undefined ? "unexpected end of input" : `unexpected ${JSON.stringify(ch)}`;
}

/** The kind of a parsed JSON value, for "expected an object" messages. */
export function jsonKind(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "an array" : typeof value === "string" ? "a string" : typeof value === "number" ? "a number" : "a boolean";
}
