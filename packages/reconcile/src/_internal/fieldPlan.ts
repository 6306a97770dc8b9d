import { ConfigError } from "@cleanse/core";
import { builtinKeyForms, builtinStandardizers, type FieldStandardizer } from "../builtinStandardizers/builtinStandardizers.ts";
import type { ComparatorSpec, FieldComparator, StandardizerResolver, StandardizerSpec } from "../FieldSpecs/FieldSpecs.ts";
import { readDecimal, withinTolerance } from "./decimalCompare.ts";
import { toEpochMs as toTime } from "./lagStats.ts";

/** A resolved standardizer with a description for the report. */
export interface ResolvedStandardizer {
  /** The form values are compared in. */
  readonly fn: FieldStandardizer | undefined;
  /** The form keys are matched in: `fn`, except where a standardizer matches keys more loosely (e-mail: any case). */
  readonly key: FieldStandardizer | undefined;
  readonly label: string;
}

function describeOptions(options: Readonly<Record<string, unknown>>): string {
  const parts = Object.entries(options).map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`);
  return parts.length === 0 ? "" : `(${parts.join(", ")})`;
}

function one(spec: FieldStandardizer | StandardizerSpec, field: string, resolver: StandardizerResolver | undefined): ResolvedStandardizer {
  if (typeof spec === "function") return { fn: spec, key: spec, label: spec.name && spec.name !== "anonymous" ? spec.name : "custom" };
  let name: string;
  let options: Readonly<Record<string, unknown>>;
  if (typeof spec === "string") {
    name = spec;
    options = {};
  } else {
    const keys = Object.keys(spec);
    if (keys.length !== 1) throw new ConfigError(`The standardizer for "${field}" must name one standardizer, e.g. { phone: { region: "CN" } }; received ${keys.length} keys.`, { code: "CLEANSE_RECONCILE_BAD_STANDARDIZER" });
    name = keys[0]!;
    options = spec[name] ?? {};
  }
  if (name === "none") return { fn: undefined, key: undefined, label: "none" };
  const external = resolver?.(name, options);
  if (external) return { fn: external, key: external, label: `${name}${describeOptions(options)}` };
  const factory = builtinStandardizers[name];
  if (!factory) {
    throw new ConfigError(`Unknown standardizer "${name}" for field "${field}"; known: ${Object.keys(builtinStandardizers).join(", ")}, none.`, {
      code: "CLEANSE_RECONCILE_BAD_STANDARDIZER",
    });
  }
  const fn = factory(options);
  return { fn, key: builtinKeyForms[name]?.(options) ?? fn, label: `${name}${describeOptions(options)}` };
}

/** Resolves a field's standardizer spec (one, or a chain applied in order). */
export function resolveStandardizer(
  spec: FieldStandardizer | StandardizerSpec | readonly (FieldStandardizer | StandardizerSpec)[] | undefined,
  field: string,
  resolver: StandardizerResolver | undefined,
): ResolvedStandardizer {
  if (spec === undefined) return { fn: undefined, key: undefined, label: "none" };
  if (!Array.isArray(spec)) return one(spec as FieldStandardizer | StandardizerSpec, field, resolver);
  const parts = (spec as readonly (FieldStandardizer | StandardizerSpec)[]).map((s) => one(s, field, resolver));
  return { fn: chain(parts.map((p) => p.fn)), key: chain(parts.map((p) => p.key)), label: parts.map((p) => p.label).join(" → ") };
}

/** Standardizers applied in order, each to what the previous one gave (a failure passes its input on). */
function chain(parts: readonly (FieldStandardizer | undefined)[]): FieldStandardizer | undefined {
  const fns = parts.filter((f): f is FieldStandardizer => f !== undefined);
  if (fns.length === 0) return undefined;
  if (fns.length === 1) return fns[0];
  return (v, f) => fns.reduce((acc, fn) => unwrap(fn(acc, f), acc), v);
}

/** Applies a standardizer, unwrapping `{ ok, value }` results; a failure keeps the value as written. */
export function applyStandardizer(fn: FieldStandardizer | undefined, value: unknown, field: string): unknown {
  if (!fn) return value;
  return unwrap(fn(value, field), value);
}

function unwrap(result: unknown, original: unknown): unknown {
  if (typeof result === "object" && result !== null && "ok" in result && typeof (result as { ok: unknown }).ok === "boolean") {
    return (result as { ok: boolean; value?: unknown }).ok ? (result as { value?: unknown }).value : original;
  }
  return result;
}

const isEmpty = (v: unknown): boolean => v === null || v === undefined || v === "";

/** Text form of a standardized value for exact comparison and keys. */
export function valueText(v: unknown): string | null {
  if (isEmpty(v)) return null;
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "bigint" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString();
  return JSON.stringify(v);
}

const exact: FieldComparator = (a, b) => valueText(a) === valueText(b);

function readTolerance(value: number, option: string, field: string): NonNullable<ReturnType<typeof readDecimal>> {
  const read = typeof value === "number" && value >= 0 ? readDecimal(value) : undefined;
  if (read === undefined) {
    throw new ConfigError(`Invalid ${option} ${JSON.stringify(value)} of the number comparator for field "${field}": expected a number, 0 or more.`, {
      code: "CLEANSE_RECONCILE_BAD_COMPARATOR",
    });
  }
  return read;
}

/** A resolved comparator with a description for the report. */
export interface ResolvedComparator {
  readonly fn: FieldComparator;
  readonly label: string;
  readonly ignore: boolean;
}

/** Resolves a field's comparator spec. */
export function resolveComparator(spec: FieldComparator | ComparatorSpec | undefined, field: string): ResolvedComparator {
  if (spec === undefined || spec === "exact") return { fn: exact, label: "exact", ignore: false };
  if (typeof spec === "function") return { fn: spec, label: spec.name && spec.name !== "anonymous" ? spec.name : "custom", ignore: false };
  if (spec === "ignore") return { fn: () => true, label: "ignore", ignore: true };
  if (spec === "ignore_case") return { fn: (a, b) => valueText(a)?.toLowerCase() === valueText(b)?.toLowerCase(), label: "ignore_case", ignore: false };
  if (typeof spec === "object" && "number" in spec) {
    const tol = spec.number?.tolerance ?? 0;
    const rel = spec.number?.relative ?? 0;
    const tolerance = readTolerance(tol, "tolerance", field);
    const relative = readTolerance(rel, "relative", field);
    return {
      fn: (a, b) => {
        // Amounts are read by the value kernel and compared in decimal: no binary floating point on the way.
        const x = readDecimal(a);
        const y = readDecimal(b);
        if (x === undefined || y === undefined) return exact(a, b);
        return withinTolerance(x, y, tolerance, relative);
      },
      label: `number(tolerance=${tol}${rel ? `, relative=${rel}` : ""})`,
      ignore: false,
    };
  }
  if (typeof spec === "object" && "date" in spec) {
    const seconds = (spec.date?.tolerance_seconds ?? 0) + (spec.date?.tolerance_days ?? 0) * 86_400;
    return {
      fn: (a, b) => {
        const x = toTime(a);
        const y = toTime(b);
        if (x === undefined || y === undefined) return exact(a, b);
        return Math.abs(x - y) <= seconds * 1000;
      },
      label: `date(tolerance_seconds=${seconds})`,
      ignore: false,
    };
  }
  throw new ConfigError(`Unknown comparator for field "${field}": ${JSON.stringify(spec)}; use exact, ignore_case, ignore, { number: { tolerance } } or { date: { tolerance_days } }.`, {
    code: "CLEANSE_RECONCILE_BAD_COMPARATOR",
  });
}
