import type { RuleDefinition } from "../../defineRule/defineRule.ts";
import { isBlank } from "../values.ts";
import { builtin, noOptions, show } from "./define.ts";

const required = builtin({
  name: "required",
  description: "The value must be present: not null, not missing, not empty or whitespace-only text, not an empty list.",
  code: "missing_value",
  dimension: "completeness",
  options: noOptions,
  examples: ["customer_id: [required]"],
  compile: () => ({ kind: "value", missing: true, test: (v) => !isBlank(v), message: (v) => (v === undefined || v === null ? "a value is required" : `a value is required, received ${show(v)}`) }),
});

const notNull = builtin({
  name: "not_null",
  description: "The value must not be null or missing. Empty text passes (use `required` to reject it too).",
  code: "missing_value",
  dimension: "completeness",
  options: noOptions,
  examples: ["middle_name: [not_null]"],
  compile: () => ({ kind: "value", missing: true, test: (v) => v !== undefined && v !== null, message: () => "must not be null" }),
});

const notEmpty = builtin({
  name: "not_empty",
  description: "When present, the value must not be empty or whitespace-only text, an empty list or an empty object. Null passes.",
  code: "missing_value",
  dimension: "completeness",
  options: noOptions,
  examples: ["tags: [not_empty]"],
  compile: () => ({
    kind: "value",
    missing: true,
    test: (v) => {
      if (v === undefined || v === null) return true;
      if (typeof v === "string") return v.trim() !== "";
      if (Array.isArray(v)) return v.length > 0;
      if (typeof v === "object" && !(v instanceof Date)) return Object.keys(v).length > 0;
      return true;
    },
    message: (v) => `must not be empty, received ${show(v)}`,
  }),
});

const isNull = builtin({
  name: "is_null",
  description: "The value must be missing (null, absent or empty text), e.g. for a field that is retired.",
  code: "not_allowed",
  dimension: "consistency",
  options: noOptions,
  examples: ["legacy_code: [is_null]"],
  compile: () => ({ kind: "value", missing: true, test: (v) => v === undefined || v === null || v === "", message: (v) => `must be empty, received ${show(v)}` }),
});

export const presenceRules: readonly RuleDefinition[] = [required, notNull, notEmpty, isNull];
