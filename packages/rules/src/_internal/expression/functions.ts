import { createDecimalParser, type DecimalParser } from "@cleanse/values";
import { compileDateFormats, nowFloating, today as todayFloating } from "../dates.ts";
import { RuleOptionError } from "../../defineRule/defineRule.ts";
import { compileSafeRegex, RegexSyntaxError, type SafeRegex } from "../regex.ts";
import type { CompiledExpr } from "./compile.ts";
import { asDecimalText, asNumber, asText, asTime, compareValues, truth, type ExprValue } from "./values.ts";
import type { ExpressionNode } from "./parse.ts";
import { ExpressionSyntaxError } from "./tokenize.ts";

/** A function of the expression language: its arity, and either a plain implementation or a compiler. */
export interface FunctionSpec {
  readonly min: number;
  readonly max: number;
  readonly compile?: (args: readonly ExpressionNode[], compiled: readonly CompiledExpr[]) => CompiledExpr;
  readonly call?: (...args: ExprValue[]) => ExprValue;
}

const textFn = (f: (s: string) => ExprValue) => (v: ExprValue) => {
  const s = asText(v);
  return s === null ? null : f(s);
};
const text2 = (f: (s: string, t: string) => ExprValue) => (a: ExprValue, b: ExprValue) => {
  const s = asText(a), t = asText(b);
  return s === null || t === null ? null : f(s, t);
};
const toDate = (v: ExprValue): Date | null => {
  const t = asTime(v);
  return t === null ? null : new Date(t);
};
const datePart = (f: (d: Date) => number) => (v: ExprValue) => {
  const d = toDate(v);
  return d === null ? null : f(d);
};

export const FUNCTIONS: Readonly<Record<string, FunctionSpec>> = {
  len: { min: 1, max: 1, call: (v) => (Array.isArray(v) ? v.length : textFn((s) => [...s].length)(v)) },
  lower: { min: 1, max: 1, call: textFn((s) => s.toLowerCase()) },
  upper: { min: 1, max: 1, call: textFn((s) => s.toUpperCase()) },
  trim: { min: 1, max: 1, call: textFn((s) => s.trim()) },
  starts_with: { min: 2, max: 2, call: text2((s, t) => s.startsWith(t)) },
  ends_with: { min: 2, max: 2, call: text2((s, t) => s.endsWith(t)) },
  contains: { min: 2, max: 2, call: text2((s, t) => s.includes(t)) },
  matches: {
    min: 2,
    max: 2,
    compile(args, compiled) {
      const pattern = args[1]!;
      if (pattern.type !== "literal" || typeof pattern.value !== "string") {
        throw new ExpressionSyntaxError("matches() needs a quoted pattern as its second argument", pattern.start, pattern.end - pattern.start);
      }
      let re: SafeRegex;
      try {
        re = compileSafeRegex(pattern.value);
      } catch (error) {
        if (error instanceof RegexSyntaxError) throw new ExpressionSyntaxError(`bad pattern: ${error.message}`, pattern.start, pattern.end - pattern.start);
        throw error;
      }
      const value = compiled[0]!;
      return (r) => {
        const s = asText(value(r));
        return s === null ? null : re.test(s);
      };
    },
  },
  date: {
    min: 1,
    max: 2,
    compile(args, compiled) {
      const value = compiled[0]!;
      if (args.length === 1) return (r) => toDate(value(r));
      const format = args[1]!;
      if (format.type !== "literal" || typeof format.value !== "string") {
        throw new ExpressionSyntaxError("date() needs a quoted format as its second argument", format.start, format.end - format.start);
      }
      let read: (v: unknown) => number;
      try {
        read = compileDateFormats(format.value, { kind: "datetime" }).read;
      } catch (error) {
        if (error instanceof RuleOptionError) throw new ExpressionSyntaxError(error.message, format.start, format.end - format.start);
        throw error;
      }
      return (r) => {
        const v = value(r);
        if (v instanceof Date) return v;
        if (v === null || Array.isArray(v)) return null;
        const t = read(typeof v === "string" ? v : asText(v));
        return Number.isNaN(t) ? null : new Date(t);
      };
    },
  },
  today: { min: 0, max: 0, compile: () => () => new Date(todayFloating()) },
  now: { min: 0, max: 0, compile: () => () => new Date(nowFloating()) },
  days_between: {
    min: 2,
    max: 2,
    call: (a, b) => {
      const ta = asTime(a), tb = asTime(b);
      return ta === null || tb === null ? null : (tb - ta) / 86_400_000;
    },
  },
  year: { min: 1, max: 1, call: datePart((d) => d.getUTCFullYear()) },
  month: { min: 1, max: 1, call: datePart((d) => d.getUTCMonth() + 1) },
  day: { min: 1, max: 1, call: datePart((d) => d.getUTCDate()) },
  coalesce: {
    min: 1,
    max: Number.POSITIVE_INFINITY,
    compile: (_args, compiled) => (r) => {
      for (const c of compiled) {
        const v = c(r);
        if (v !== null) return v;
      }
      return null;
    },
  },
  if: {
    min: 3,
    max: 3,
    compile: (_args, [c, a, b]) => (r) => (truth(c!(r)) === true ? a!(r) : b!(r)),
  },
  number: { min: 1, max: 1, call: (v) => asNumber(v) },
  text: { min: 1, max: 1, call: (v) => asText(v) },
  abs: { min: 1, max: 1, call: (v) => numeric1(v, Math.abs) },
  round: {
    min: 1,
    max: 2,
    call: (v, d) => {
      const n = asDecimalText(v);
      const digits = d === undefined ? 0 : asNumber(d);
      if (n === null || digits === null || !Number.isInteger(digits) || digits < -100 || digits > 100) return null;
      return roundHalfUp(n, digits);
    },
  },
  min: { min: 1, max: Number.POSITIVE_INFINITY, call: (...vs) => extreme(vs, -1) },
  max: { min: 1, max: Number.POSITIVE_INFINITY, call: (...vs) => extreme(vs, 1) },
};

const rounders = new Map<number, DecimalParser>();

/**
 * Rounds exact decimal text half away from zero, as the value kernel does at a scale (`round(1.005, 2)` is 1.01,
 * `round(-2.5)` is -3); negative digits round to tens, hundreds, ...
 */
function roundHalfUp(text: string, digits: number): number | null {
  const scale = Math.max(digits, 0);
  let parse = rounders.get(scale);
  if (parse === undefined) {
    parse = createDecimalParser({ scale, rounding: "half-up" });
    rounders.set(scale, parse);
  }
  if (digits >= 0) {
    const r = parse(text);
    return r.ok && r.value !== null ? Number(r.value) : null;
  }
  // Shift the point left, round to a whole number, shift it back: all on the text, exactly.
  const shift = -digits;
  const r = parse(shiftPoint(text, -shift));
  return r.ok && r.value !== null ? Number(shiftPoint(r.value, shift)) : null;
}

/** Moves the decimal point of canonical decimal text by `by` places (right when positive). */
function shiftPoint(text: string, by: number): string {
  return by >= 0 ? `${text}e${by}` : `${text}e-${-by}`;
}

function numeric1(v: ExprValue, f: (n: number) => number): ExprValue {
  const n = asNumber(v);
  return n === null ? null : f(n);
}

function extreme(values: readonly ExprValue[], sign: number): ExprValue {
  let best: ExprValue = null;
  for (const v of values) {
    if (v === null) continue;
    if (best === null || compareValues(v, best) * sign > 0) best = v;
  }
  return best;
}

/** Names of the functions the language knows. */
export const FUNCTION_NAMES: readonly string[] = Object.keys(FUNCTIONS);

