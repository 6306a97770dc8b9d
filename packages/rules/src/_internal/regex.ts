import { RE2JS } from "re2js";
import { toLinearNativeRegex } from "./fastRegex.ts";

/** A compiled pattern that matches in linear time, whatever the pattern and the input. */
export interface SafeRegex {
  readonly source: string;
  /** True when the pattern matches somewhere in the text (use `^...$` to anchor). */
  test(text: string): boolean;
}

/** A pattern that the linear-time engine refuses, with the engine's reason. */
export class RegexSyntaxError extends Error {
  readonly pattern: string;
  constructor(pattern: string, reason: string) {
    super(reason);
    this.pattern = pattern;
  }
}

const FLAG_BITS: Readonly<Record<string, number>> = { i: RE2JS.CASE_INSENSITIVE, m: RE2JS.MULTILINE, s: RE2JS.DOTALL };

/**
 * Compiles a regular expression with re2js (RE2 semantics: no backreferences or lookahead, linear time).
 * Patterns in the subset that backtracking provably runs in linear time also get a faster native RegExp.
 * @throws RegexSyntaxError with a readable reason
 */
export function compileSafeRegex(pattern: string, flags = ""): SafeRegex {
  let bits = 0;
  for (const f of flags) {
    const bit = FLAG_BITS[f];
    if (bit === undefined) throw new RegexSyntaxError(pattern, `unknown flag "${f}" (use i, m or s)`);
    bits |= bit;
  }
  let re: RE2JS;
  try {
    re = RE2JS.compile(pattern, bits);
  } catch (error) {
    throw new RegexSyntaxError(pattern, describeRegexError(error));
  }
  const native = toLinearNativeRegex(pattern, flags);
  if (native) return { source: pattern, test: (text) => native.test(text) };
  return { source: pattern, test: (text) => re.test(text) };
}

function describeRegexError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const reason = message.replace(/^error parsing regexp:\s*/, "");
  if (/\(\?[=!<]/.test(reason) || /Perl syntax/.test(reason)) {
    return `${reason} (lookahead, lookbehind and backreferences are not supported: rule patterns run on a linear-time engine)`;
  }
  return reason;
}

/** Translates a SQL LIKE pattern (`%` any run, `_` one character, `\` escapes) into a regular expression. */
export function likeToRegex(pattern: string): string {
  let out = "^";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "\\" && i + 1 < pattern.length) out += RE2JS.quote(pattern[++i]!);
    else if (c === "%") out += "(?s:.*)";
    else if (c === "_") out += "(?s:.)";
    else out += RE2JS.quote(c);
  }
  return `${out}$`;
}
