import { z } from "zod";
import type { RuleDefinition } from "../../defineRule/defineRule.ts";
import { parseIsoDate, parseIsoDateTime } from "@cleanse/values";
import { isIntegerValue, isNumeric, typeName } from "../values.ts";
import { builtin, noOptions, show } from "./define.ts";

const strictOption = z.strictObject({
  strict: z.boolean().optional().describe("Accept only typed values (JSON numbers), not numeric text"),
});

const string = builtin({
  name: "string",
  description: "The value must be text (a JSON string). Every CSV value is text, so this matters for JSON input.",
  code: "invalid_type",
  dimension: "validity",
  options: noOptions,
  examples: ["name: [string]"],
  compile: () => ({ kind: "value", test: (v) => typeof v === "string", message: (v) => `expected text, received ${typeName(v)} ${show(v)}` }),
});

const integer = builtin({
  name: "integer",
  description: "The value must be a whole number: a JSON integer or integer text like `42` or `-7`. With `strict: true`, text is refused.",
  code: "invalid_type",
  dimension: "validity",
  options: strictOption,
  examples: ["quantity: [integer]", "quantity: [{ integer: { strict: true } }]"],
  compile: (o) => ({
    kind: "value",
    test: o.strict ? (v) => typeof v === "bigint" || (typeof v === "number" && Number.isInteger(v)) : isIntegerValue,
    message: (v) => `expected a whole number, received ${show(v)}`,
  }),
});

const number = builtin({
  name: "number",
  description: "The value must be a finite number: a JSON number or numeric text like `12.5` or `-3e2`. With `strict: true`, text is refused.",
  code: "invalid_type",
  dimension: "validity",
  options: strictOption,
  examples: ["price: [number]"],
  compile: (o) => ({
    kind: "value",
    test: o.strict ? (v) => typeof v === "number" && Number.isFinite(v) : isNumeric,
    message: (v) => `expected a number, received ${show(v)}`,
  }),
});

const booleanOptions = z.strictObject({
  strict: z.boolean().optional().describe("Accept only JSON true/false"),
  true_values: z.array(z.string()).optional().describe("Texts read as true (default: true, yes, y, 1, t)"),
  false_values: z.array(z.string()).optional().describe("Texts read as false (default: false, no, n, 0, f)"),
});

const boolean = builtin({
  name: "boolean",
  description: "The value must be true or false: JSON booleans, or text such as true/false, yes/no, y/n, 1/0 (case-insensitive).",
  code: "invalid_type",
  dimension: "validity",
  options: booleanOptions,
  examples: ["active: [boolean]", "active: [{ boolean: { true_values: [Y], false_values: [N] } }]"],
  compile: (o) => {
    const texts = new Set([...(o.true_values ?? ["true", "yes", "y", "1", "t"]), ...(o.false_values ?? ["false", "no", "n", "0", "f"])].map((s) => s.toLowerCase()));
    return {
      kind: "value",
      test: o.strict ? (v) => typeof v === "boolean" : (v) => typeof v === "boolean" || ((typeof v === "string" || typeof v === "number") && texts.has(String(v).trim().toLowerCase())),
      message: (v) => `expected true or false, received ${show(v)}`,
    };
  },
});

const TYPE_NAMES = ["string", "integer", "number", "boolean", "date", "datetime", "array", "object"] as const;
type TypeNameOption = (typeof TYPE_NAMES)[number];

const TYPE_TESTS: Readonly<Record<TypeNameOption, (v: unknown) => boolean>> = {
  string: (v) => typeof v === "string",
  integer: (v) => typeof v === "bigint" || (typeof v === "number" && Number.isInteger(v)),
  number: (v) => typeof v === "number" && Number.isFinite(v),
  boolean: (v) => typeof v === "boolean",
  date: (v) => (v instanceof Date && !Number.isNaN(v.getTime())) || (typeof v === "string" && !Number.isNaN(parseIsoDate(v))),
  datetime: (v) => (v instanceof Date && !Number.isNaN(v.getTime())) || (typeof v === "string" && !Number.isNaN(parseIsoDateTime(v))),
  array: (v) => Array.isArray(v),
  object: (v) => typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date),
};

const typeRule = builtin({
  name: "type",
  description:
    "The value must have one of the given JSON types: string, integer, number, boolean, date (ISO date text or Date), datetime, array, object. Unlike `integer`/`number`, text never counts as a number here.",
  code: "invalid_type",
  dimension: "validity",
  options: z.strictObject({ type: z.union([z.enum(TYPE_NAMES), z.array(z.enum(TYPE_NAMES)).min(1)]).describe("Allowed type or types") }),
  shorthand: "type",
  examples: ["payload: [{ type: object }]", "amount: [{ type: [integer, number] }]"],
  compile: (o) => {
    const names = Array.isArray(o.type) ? (o.type as readonly TypeNameOption[]) : [o.type as TypeNameOption];
    const tests = names.map((n) => TYPE_TESTS[n]);
    return {
      kind: "value",
      test: tests.length === 1 ? tests[0]! : (v) => tests.some((t) => t(v)),
      message: (v) => `expected ${names.join(" or ")}, received ${typeName(v)} ${show(v)}`,
    };
  },
});

export const typeRules: readonly RuleDefinition[] = [string, integer, number, boolean, typeRule];
