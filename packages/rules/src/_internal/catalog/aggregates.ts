import { z } from "zod";
import { RuleOptionError, type CompiledRule, type RuleDefinition, type RuleFinding } from "../../defineRule/defineRule.ts";
import { createHashedKeyTable, formatFloating, compareDecimals } from "@cleanse/values";
import { compileDateFormats, parseDateBound } from "../dates.ts";
import { createExactSum, decimalText, Exact } from "../decimals.ts";
import { isMissing, toDecimalText, toKey } from "../values.ts";
import { dateReader } from "./numbers.ts";
import { fieldReader } from "../fieldPath.ts";
import { builtin, show, targetField } from "./define.ts";

const bound = z.union([z.number(), z.string()]);

const boundsShape = {
  min: bound.optional().describe("Lowest allowed observed value"),
  max: bound.optional().describe("Highest allowed observed value"),
  equals: bound.optional().describe("Exact observed value"),
};

export const fieldOption: z.ZodOptional<z.ZodString> = z.string().min(1).optional().describe("The field (implied when written under fields:)");

type Bounds = { readonly min?: number | string | undefined; readonly max?: number | string | undefined; readonly equals?: number | string | undefined };

interface Verdict {
  readonly ok: (x: number) => boolean;
  /** Exact test of a number given as canonical decimal text (numeric bounds only). */
  readonly okText: (text: string) => boolean;
  readonly text: string;
  readonly show: (x: number) => string;
  readonly isDate: boolean;
}

/** Compiles min/max/equals into a test on a number (or on a floating timestamp when the bounds are dates). */
export function compileBounds(o: Bounds, opts: { readonly allowDates?: boolean; readonly integer?: boolean } = {}): Verdict {
  const keys = (["min", "max", "equals"] as const).filter((k) => o[k] !== undefined);
  if (keys.length === 0) throw new RuleOptionError("give min, max or equals", []);
  if (o.equals !== undefined && (o.min !== undefined || o.max !== undefined)) throw new RuleOptionError("give either equals or min/max, not both", ["equals"]);
  const isDate = keys.some((k) => toDecimalText(o[k]) === undefined);
  const exact = (k: "min" | "max" | "equals"): string | undefined => (isDate || o[k] === undefined ? undefined : toDecimalText(o[k]));
  const read = (k: "min" | "max" | "equals"): number | undefined => {
    const v = o[k];
    if (v === undefined) return undefined;
    if (!isDate) return Number(toDecimalText(v));
    if (!opts.allowDates) throw new RuleOptionError(`expected a number, received ${show(v)}`, [k]);
    const t = parseDateBound(String(v), undefined);
    if (Number.isNaN(t)) throw new RuleOptionError(`${show(v)} is neither a number nor a date (use 2024-01-31, today or today-30d)`, [k]);
    return t;
  };
  const min = read("min"), max = read("max"), equals = read("equals");
  const minText = exact("min"), maxText = exact("max"), equalsText = exact("equals");
  if (min !== undefined && max !== undefined && (minText !== undefined && maxText !== undefined ? compareDecimals(minText, maxText) > 0 : min > max)) {
    throw new RuleOptionError(`min (${o.min}) is greater than max (${o.max})`, ["min"]);
  }
  const fmt = isDate ? formatFloating : formatNumber;
  if (equals !== undefined) {
    return { ok: (x) => x === equals, okText: (t) => equalsText !== undefined && compareDecimals(t, equalsText) === 0, text: `equal to ${fmt(equals)}`, show: fmt, isDate };
  }
  const lo = min ?? Number.NEGATIVE_INFINITY, hi = max ?? Number.POSITIVE_INFINITY;
  const text = min !== undefined && max !== undefined ? `between ${fmt(min)} and ${fmt(max)}` : min !== undefined ? `at least ${fmt(min)}` : `at most ${fmt(max!)}`;
  const okText = (t: string) => (minText === undefined || compareDecimals(t, minText) >= 0) && (maxText === undefined || compareDecimals(t, maxText) <= 0);
  return { ok: (x) => x >= lo && x <= hi, okText, text, show: fmt, isDate };
}

/** Numbers for messages: integers as they are, others to 4 decimals (3 significant digits below 0.01). */
function formatNumber(x: number): string {
  if (Number.isInteger(x)) return String(x);
  return String(Math.abs(x) < 0.01 ? Number(x.toPrecision(3)) : Number(x.toFixed(4)));
}

/** An exact value for messages: as it is when short, else rounded like {@link formatNumber}. */
function formatDecimalText(text: string): string {
  return text.length <= 40 ? text : formatNumber(Number(text));
}

export function verdict(what: string, observed: number, v: Verdict): readonly RuleFinding[] {
  return v.ok(observed) ? [] : [{ value: v.isDate ? v.show(observed) : observed, message: `${what} is ${v.show(observed)}, expected ${v.text}` }];
}

/** The verdict on an exact number (canonical decimal text), for numeric bounds. */
function verdictText(what: string, observed: string, v: Verdict): readonly RuleFinding[] {
  return v.okText(observed) ? [] : [{ value: Number(observed), message: `${what} is ${formatDecimalText(observed)}, expected ${v.text}` }];
}

const rowCount = builtin({
  name: "row_count",
  description: "The number of records must be within `min`/`max`, or exactly `equals`.",
  scopes: ["dataset"],
  code: "out_of_range",
  dimension: "completeness",
  options: z.strictObject({ min: z.number().int().min(0).optional(), max: z.number().int().min(0).optional(), equals: z.number().int().min(0).optional() }),
  examples: ["dataset:\n  - { row_count: { min: 1 } }", "dataset:\n  - { row_count: { min: 1000, max: 50000 } }"],
  compile: (o) => {
    const v = compileBounds(o);
    let n = 0;
    return { kind: "dataset", add: () => void n++, finish: () => verdict("row count", n, v) };
  },
});

const nullRatio = builtin({
  name: "null_ratio",
  description: "The share of records where the field is missing (null, absent or empty text) must be at most `max` (and at least `min`), as a fraction 0-1.",
  scopes: ["dataset", "field"],
  code: "out_of_range",
  dimension: "completeness",
  options: z.strictObject({ field: fieldOption, max: z.number().min(0).max(1).optional(), min: z.number().min(0).max(1).optional() }),
  examples: ["dataset:\n  - { null_ratio: { field: email, max: 0.05 } }", "email: [{ null_ratio: { max: 0.05 } }]"],
  compile: (o, target) => {
    const field = targetField(o, target, "null_ratio");
    const read = fieldReader(field);
    const v = compileBounds(o);
    let n = 0, missing = 0;
    return {
      kind: "dataset",
      add(record) {
        n++;
        if (isMissing(read(record))) missing++;
      },
      finish: () => verdict(`null ratio of ${field} (${missing}/${n})`, n === 0 ? 0 : missing / n, v),
    };
  },
});

function distinctTracker() {
  const table = createHashedKeyTable(false, 256);
  let present = 0;
  return {
    add(v: unknown) {
      if (isMissing(v)) return;
      present++;
      table.put(toKey(v), 0);
    },
    get distinct() {
      return table.size;
    },
    get present() {
      return present;
    },
  };
}

const distinctCount = builtin({
  name: "distinct_count",
  description: "The number of distinct present values of the field must be within `min`/`max`, or exactly `equals`. Counted with 64-bit hashes (8 bytes per slot).",
  scopes: ["dataset", "field"],
  code: "out_of_range",
  dimension: "validity",
  options: z.strictObject({ field: fieldOption, min: z.number().int().min(0).optional(), max: z.number().int().min(0).optional(), equals: z.number().int().min(0).optional() }),
  examples: ["dataset:\n  - { distinct_count: { field: country, max: 250 } }"],
  compile: (o, target) => {
    const field = targetField(o, target, "distinct_count");
    const read = fieldReader(field);
    const v = compileBounds(o);
    const t = distinctTracker();
    return { kind: "dataset", add: (r) => t.add(read(r)), finish: () => verdict(`distinct count of ${field}`, t.distinct, v) };
  },
});

const uniqueRatio = builtin({
  name: "unique_ratio",
  description: "Distinct present values divided by present values (1 = all different) must be within `min`/`max`.",
  scopes: ["dataset", "field"],
  code: "out_of_range",
  dimension: "uniqueness",
  options: z.strictObject({ field: fieldOption, min: z.number().min(0).max(1).optional(), max: z.number().min(0).max(1).optional() }),
  examples: ["dataset:\n  - { unique_ratio: { field: email, min: 0.98 } }"],
  compile: (o, target) => {
    const field = targetField(o, target, "unique_ratio");
    const read = fieldReader(field);
    const v = compileBounds(o);
    const t = distinctTracker();
    return { kind: "dataset", add: (r) => t.add(read(r)), finish: () => verdict(`unique ratio of ${field}`, t.present === 0 ? 0 : t.distinct / t.present, v) };
  },
});

/** Reads numbers from a field (exactly, as the value kernel reads them), counting present values that are not numbers. */
function numberStream(field: string) {
  const readValue = fieldReader(field);
  // JSON booleans count as 1 and 0, so the mean of a flag is the share of true values.
  let bad = 0;
  let firstBad: unknown;
  return {
    /** The value's canonical decimal text, undefined when missing or not a number. */
    read(record: Record<string, unknown>): string | undefined {
      const raw = readValue(record);
      if (isMissing(raw)) return undefined;
      const text = typeof raw === "boolean" ? (raw ? "1" : "0") : toDecimalText(raw);
      if (text === undefined && bad++ === 0) firstBad = raw;
      return text;
    },
    problems(): readonly RuleFinding[] {
      return bad === 0 ? [] : [{ code: "invalid_type", value: firstBad, message: `${bad} present value${bad === 1 ? "" : "s"} of ${field} ${bad === 1 ? "is not a number" : "are not numbers"} (first: ${show(firstBad)})` }];
    },
  };
}

function statRule(name: "mean" | "sum" | "stdev" | "median", description: string, example: string) {
  return builtin({
    name,
    description,
    scopes: ["dataset", "field"],
    code: "out_of_range",
    dimension: "accuracy",
    options: z.strictObject({ field: fieldOption, ...boundsShape }),
    examples: [example],
    compile: (o, target): CompiledRule => {
      const field = targetField(o, target, name);
      const v = compileBounds(o);
      const numbers = numberStream(field);
      // Sum and mean are exact; the spread and the median are statistics on the nearest doubles.
      const sum = createExactSum();
      let n = 0, mean = 0, m2 = 0;
      let values = new Float64Array(name === "median" ? 1024 : 0);
      return {
        kind: "dataset",
        add(record) {
          const text = numbers.read(record);
          if (text === undefined) return;
          n++;
          if (name === "sum" || name === "mean") {
            sum.add(text);
            return;
          }
          const x = Number(text);
          if (name === "median") {
            if (n > values.length) {
              const grown = new Float64Array(values.length * 2);
              grown.set(values);
              values = grown;
            }
            values[n - 1] = x;
            return;
          }
          const d = x - mean;
          mean += d / n;
          m2 += d * (x - mean);
        },
        finish() {
          const bad = numbers.problems();
          if (bad.length > 0) return bad;
          if (n === 0) return name === "sum" ? verdictText(`sum of ${field}`, "0", v) : [{ message: `${name} of ${field} is undefined: no numeric values` }];
          if (name === "sum") return verdictText(`sum of ${field}`, sum.text(), v);
          if (name === "mean") return verdictText(`mean of ${field}`, decimalText(new Exact(sum.text()).div(n)), v);
          let observed: number;
          if (name === "stdev") {
            if (n < 2) return [{ message: `stdev of ${field} needs at least 2 values, found ${n}` }];
            observed = Math.sqrt(m2 / (n - 1));
          } else {
            const sorted = values.subarray(0, n).sort();
            observed = n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
          }
          return verdict(`${name} of ${field}`, observed, v);
        },
      };
    },
  });
}

function extremeRule(name: "minimum" | "maximum") {
  const sign = name === "minimum" ? -1 : 1;
  return builtin({
    name,
    description: `The ${name} of the field's present values (numbers, compared exactly, or dates when the bounds are dates) must be within \`min\`/\`max\`, or exactly \`equals\`.`,
    scopes: ["dataset", "field"],
    code: "out_of_range",
    dimension: "accuracy",
    options: z.strictObject({ field: fieldOption, ...boundsShape, format: z.string().optional().describe("Date format of the values, for date bounds (auto: what parseDate of @cleanse/values reads)") }),
    examples: [name === "minimum" ? "dataset:\n  - { minimum: { field: price, min: 0 } }" : "dataset:\n  - { maximum: { field: order_date, max: today } }"],
    compile: (o, target): CompiledRule => {
      const field = targetField(o, target, name);
      const read = fieldReader(field);
      const v = compileBounds(o, { allowDates: true });
      const readDate = dateReader(o.format === undefined ? undefined : compileDateFormats(o.format, { kind: "datetime" }).read);
      const numbers = numberStream(field);
      let best = Number.NaN;
      let bestText: string | undefined;
      let badDates = 0;
      let firstBad: unknown;
      return {
        kind: "dataset",
        add(record) {
          if (v.isDate) {
            const raw = read(record);
            if (isMissing(raw)) return;
            const t = readDate(raw);
            if (Number.isNaN(t)) {
              if (badDates++ === 0) firstBad = raw;
              return;
            }
            if (Number.isNaN(best) || (t - best) * sign > 0) best = t;
            return;
          }
          const text = numbers.read(record);
          if (text === undefined) return;
          if (bestText === undefined || compareDecimals(text, bestText) * sign > 0) bestText = text;
        },
        finish() {
          if (badDates > 0) return [{ code: "invalid_type", value: firstBad, message: `${badDates} present value${badDates === 1 ? "" : "s"} of ${field} ${badDates === 1 ? "is not a date" : "are not dates"} (first: ${show(firstBad)})` }];
          const bad = numbers.problems();
          if (bad.length > 0) return bad;
          if (v.isDate) return Number.isNaN(best) ? [{ message: `${name} of ${field} is undefined: no values` }] : verdict(`${name} of ${field}`, best, v);
          if (bestText === undefined) return [{ message: `${name} of ${field} is undefined: no values` }];
          return verdictText(`${name} of ${field}`, bestText, v);
        },
      };
    },
  });
}

export const aggregateRules: readonly RuleDefinition[] = [
  rowCount,
  nullRatio,
  distinctCount,
  uniqueRatio,
  extremeRule("minimum"),
  extremeRule("maximum"),
  statRule("mean", "The mean of the field's numeric values must be within `min`/`max` (or `equals`). Present values that are not numbers fail the rule.", "dataset:\n  - { mean: { field: order_total, min: 50, max: 500 } }"),
  statRule("sum", "The sum of the field's numeric values must be within `min`/`max` (or `equals`).", "dataset:\n  - { sum: { field: allocation_pct, equals: 100 } }"),
  statRule("stdev", "The sample standard deviation of the field's numeric values must be within `min`/`max`.", "dataset:\n  - { stdev: { field: unit_price, max: 1000 } }"),
  statRule("median", "The median of the field's numeric values must be within `min`/`max` (keeps the numbers: 8 bytes per value).", "dataset:\n  - { median: { field: age, min: 18, max: 80 } }"),
];
