import { z } from "zod";
import type { RuleDefinition } from "../../defineRule/defineRule.ts";
import { toDecimalText, toKey } from "../values.ts";
import { builtin, show } from "./define.ts";

const setOptions = z.strictObject({
  values: z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])).describe("The listed values"),
  ignore_case: z.boolean().optional().describe("Compare text case-insensitively"),
});

/**
 * Membership test shared by `in` and `not_in`: text equality, plus exact numeric equality for listed numbers
 * ("1.0" is 1, "0.30000000000000001" is not 0.3).
 */
export function createMembership(values: readonly unknown[], ignoreCase: boolean): (v: unknown) => boolean {
  const fold = ignoreCase ? (s: string) => s.toLowerCase() : (s: string) => s;
  const texts = new Set(values.filter((x) => x !== null).map((x) => fold(toKey(x))));
  const numbers = new Set(values.filter((x) => typeof x === "number").map((x) => toDecimalText(x)).filter((x) => x !== undefined));
  const isNumber = (v: unknown) => {
    const d = toDecimalText(v);
    return d !== undefined && numbers.has(d);
  };
  if (!ignoreCase) {
    if (numbers.size === 0 && texts.size <= 8 && values.every((x) => typeof x === "string")) {
      // A short list of texts: comparing in turn beats hashing.
      const list = [...texts];
      return (v) => {
        const key = typeof v === "string" ? v : toKey(v);
        for (let i = 0; i < list.length; i++) if (list[i] === key) return true;
        return false;
      };
    }
    if (numbers.size === 0) return (v) => texts.has(typeof v === "string" ? v : toKey(v));
    return (v) => texts.has(typeof v === "string" ? v : toKey(v)) || isNumber(v);
  }
  if (numbers.size === 0) return (v) => texts.has(fold(toKey(v)));
  return (v) => texts.has(fold(toKey(v))) || isNumber(v);
}

const preview = (values: readonly unknown[]) => (values.length <= 8 ? values.map(show).join(", ") : `${values.slice(0, 8).map(show).join(", ")}, ... (${values.length} values)`);

const inRule = builtin({
  name: "in",
  description: "The value must be one of the listed values. Numbers match numeric text (`1` matches \"1\" and \"1.0\").",
  code: "not_allowed",
  dimension: "validity",
  options: setOptions,
  shorthand: "values",
  examples: ["status: [{ in: [active, inactive, prospect] }]", "country: [{ in: { values: [cn, us], ignore_case: true } }]"],
  compile: (o) => {
    const has = createMembership(o.values, o.ignore_case ?? false);
    const allowed = preview(o.values);
    return { kind: "value", test: has, message: (v) => `${show(v)} is not one of ${allowed}` };
  },
});

const notIn = builtin({
  name: "not_in",
  description: "The value must not be one of the listed values (placeholders, test data, banned codes).",
  code: "not_allowed",
  dimension: "validity",
  options: setOptions,
  shorthand: "values",
  examples: ["email: [{ not_in: [test@test.com, none@none.com] }]"],
  compile: (o) => {
    const has = createMembership(o.values, o.ignore_case ?? false);
    return { kind: "value", test: (v) => !has(v), message: (v) => `${show(v)} is not allowed` };
  },
});

export const setRules: readonly RuleDefinition[] = [inRule, notIn];
