import { z } from "zod";
import { RuleOptionError, type RuleDefinition } from "../../defineRule/defineRule.ts";
import { toText } from "../values.ts";
import { builtin, checkBounds, show } from "./define.ts";

/** Length in Unicode code points (a Chinese character or an emoji counts as one). */
export function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** `1 character`, `2 characters`. */
function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

const length = builtin({
  name: "length",
  description: "The text length (in characters, so 北京 is 2) must be within `min`/`max`, or exactly `equals`. Arrays count their items.",
  code: "out_of_range",
  dimension: "validity",
  options: z.strictObject({
    min: z.number().int().min(0).optional(),
    max: z.number().int().min(0).optional(),
    equals: z.number().int().min(0).optional(),
  }),
  shorthand: "equals",
  examples: ["name: [{ length: { max: 100 } }]", "country: [{ length: 2 }]"],
  compile: (o) => {
    if (o.min === undefined && o.max === undefined && o.equals === undefined) throw new RuleOptionError("length needs min, max or equals", []);
    if (o.equals !== undefined && (o.min !== undefined || o.max !== undefined)) throw new RuleOptionError("give either equals or min/max, not both", ["equals"]);
    checkBounds(o.min, o.max);
    const min = o.equals ?? o.min ?? 0;
    const max = o.equals ?? o.max ?? Number.POSITIVE_INFINITY;
    // "at most 1 character", "at least 2 characters", "exactly 1 item": the unit agrees with the bound it follows.
    const bound = (unit: string, units: string): string =>
      o.equals !== undefined
        ? `exactly ${count(o.equals, unit, units)}`
        : o.max === undefined
          ? `at least ${count(min, unit, units)}`
          : o.min === undefined
            ? `at most ${count(max, unit, units)}`
            : min === max
              ? `exactly ${count(min, unit, units)}`
              : `between ${min} and ${max} ${units}`;
    const ofText = bound("character", "characters");
    const ofList = bound("item", "items");
    const lengthOf = (v: unknown): number => {
      if (Array.isArray(v)) return v.length;
      const t = toText(v);
      return t === undefined ? -1 : codePointLength(t);
    };
    return {
      kind: "value",
      test: (v) => {
        if (typeof v === "string") {
          // The UTF-16 length n bounds the code-point length: ceil(n / 2) <= length <= n.
          const n = v.length;
          if (n < min) return false;
          if (n <= max && (n + 1) >> 1 >= min) return true;
          const cp = codePointLength(v);
          return cp >= min && cp <= max;
        }
        const n = lengthOf(v);
        return n >= min && n <= max;
      },
      message: (v) => {
        if (Array.isArray(v)) return `must have ${ofList}, received ${count(v.length, "item", "items")} (${show(v)})`;
        const n = lengthOf(v);
        if (n < 0) return `expected text of ${ofText} or a list of ${ofList}, received ${show(v)}`;
        return `length must be ${ofText}, received ${count(n, "character", "characters")} (${show(v)})`;
      },
    };
  },
});

export const lengthRules: readonly RuleDefinition[] = [length];
