import { z } from "zod";
import type { RuleDefinition } from "../../defineRule/defineRule.ts";
import { likeToRegex, type SafeRegex } from "../regex.ts";
import { toText } from "../values.ts";
import { builtin, patternOption, show } from "./define.ts";

const regexOptions = z.strictObject({
  pattern: z.union([z.string(), z.array(z.string()).min(1)]).describe("Regular expression (RE2 syntax), or a list of them"),
  flags: z.string().regex(/^[ims]*$/, "flags may contain only i, m and s").optional().describe("i: ignore case, m: multi-line, s: dot matches newline"),
  match_on: z.enum(["any", "all"]).optional().describe("With a list: whether any (default) or all patterns must match"),
});

const likeOptions = z.strictObject({
  pattern: z.union([z.string(), z.array(z.string()).min(1)]).describe("SQL LIKE pattern: % any text, _ one character, \\ escapes"),
  ignore_case: z.boolean().optional(),
  match_on: z.enum(["any", "all"]).optional(),
});

type Matcher = (text: string) => boolean;

function combine(regexes: readonly SafeRegex[], matchOn: "any" | "all" | undefined): Matcher {
  if (regexes.length === 1) {
    const re = regexes[0]!;
    return (t) => re.test(t);
  }
  return matchOn === "all" ? (t) => regexes.every((r) => r.test(t)) : (t) => regexes.some((r) => r.test(t));
}

const patternsOf = (p: string | readonly string[]): readonly string[] => (typeof p === "string" ? [p] : p);

function compileRegexOptions(o: z.infer<typeof regexOptions>): Matcher {
  const list = patternsOf(o.pattern);
  return combine(
    list.map((p, i) => patternOption(p, o.flags, typeof o.pattern === "string" ? ["pattern"] : ["pattern", i])),
    o.match_on,
  );
}

function compileLikeOptions(o: z.infer<typeof likeOptions>): Matcher {
  const list = patternsOf(o.pattern);
  return combine(
    list.map((p, i) => patternOption(likeToRegex(p), o.ignore_case ? "i" : "", typeof o.pattern === "string" ? ["pattern"] : ["pattern", i])),
    o.match_on,
  );
}

const describePattern = (p: string | readonly string[]) => (typeof p === "string" ? `/${p}/` : p.map((x) => `/${x}/`).join(", "));

const regex = builtin({
  name: "regex",
  description:
    "The value (as text) must match a regular expression somewhere; anchor it with `^...$` to match the whole value. Patterns run on re2js, a linear-time engine, so no pattern can hang a run (no lookaround or backreferences).",
  code: "invalid_format",
  dimension: "validity",
  options: regexOptions,
  shorthand: "pattern",
  examples: ["sku: [{ regex: '^[A-Z]{3}-\\d{4}$' }]", "code: [{ regex: { pattern: ['^A', '^B'], match_on: any, flags: i } }]"],
  compile: (o) => {
    const match = compileRegexOptions(o);
    return {
      kind: "value",
      test: (v) => {
        const t = toText(v);
        return t !== undefined && match(t);
      },
      message: (v) => `${show(v)} does not match ${describePattern(o.pattern)}`,
    };
  },
});

const notRegex = builtin({
  name: "not_regex",
  description: "The value (as text) must not match the regular expression (with a list: must not match any of them, or not all with `match_on: all`).",
  code: "invalid_format",
  dimension: "validity",
  options: regexOptions,
  shorthand: "pattern",
  examples: ["name: [{ not_regex: '\\d' }]"],
  compile: (o) => {
    const match = compileRegexOptions(o);
    return {
      kind: "value",
      test: (v) => {
        const t = toText(v);
        return t === undefined || !match(t);
      },
      message: (v) => `${show(v)} must not match ${describePattern(o.pattern)}`,
    };
  },
});

const like = builtin({
  name: "like",
  description: "The whole value must match a SQL LIKE pattern: `%` any text, `_` one character.",
  code: "invalid_format",
  dimension: "validity",
  options: likeOptions,
  shorthand: "pattern",
  examples: ["order_no: [{ like: 'SO-%' }]"],
  compile: (o) => {
    const match = compileLikeOptions(o);
    return {
      kind: "value",
      test: (v) => {
        const t = toText(v);
        return t !== undefined && match(t);
      },
      message: (v) => `${show(v)} is not like ${typeof o.pattern === "string" ? o.pattern : o.pattern.join(", ")}`,
    };
  },
});

const notLike = builtin({
  name: "not_like",
  description: "The value must not match the SQL LIKE pattern.",
  code: "invalid_format",
  dimension: "validity",
  options: likeOptions,
  shorthand: "pattern",
  examples: ["email: [{ not_like: '%@example.com' }]"],
  compile: (o) => {
    const match = compileLikeOptions(o);
    return {
      kind: "value",
      test: (v) => {
        const t = toText(v);
        return t === undefined || !match(t);
      },
      message: (v) => `${show(v)} must not be like ${typeof o.pattern === "string" ? o.pattern : o.pattern.join(", ")}`,
    };
  },
});

export const patternRules: readonly RuleDefinition[] = [regex, notRegex, like, notLike];
