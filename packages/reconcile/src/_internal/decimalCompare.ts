import { parseDecimal } from "@cleanse/values";

/** An exact decimal: `digits / 10^scale`. */
export interface ScaledDecimal {
  readonly digits: bigint;
  readonly scale: number;
}

/** Reads an amount through the value kernel as an exact decimal; undefined for empty or unreadable values. */
export function readDecimal(value: unknown): ScaledDecimal | undefined {
  const read = parseDecimal(value);
  if (!read.ok || read.value === null) return undefined;
  // The kernel's canonical form is plain: -?digits(.digits)?
  const text = read.value;
  const dot = text.indexOf(".");
  if (dot < 0) return { digits: BigInt(text), scale: 0 };
  return { digits: BigInt(text.slice(0, dot) + text.slice(dot + 1)), scale: text.length - dot - 1 };
}

const TEN = 10n;

function atScale(d: ScaledDecimal, scale: number): bigint {
  return scale === d.scale ? d.digits : d.digits * TEN ** BigInt(scale - d.scale);
}

const abs = (n: bigint): bigint => (n < 0n ? -n : n);

/**
 * Whether two amounts differ by at most `tolerance`, or by at most `relative` times the larger of their
 * absolute values, computed exactly.
 */
export function withinTolerance(a: ScaledDecimal, b: ScaledDecimal, tolerance: ScaledDecimal, relative: ScaledDecimal): boolean {
  // Everything at the scale of relative × amount, the finest one involved.
  const scale = Math.max(a.scale, b.scale, tolerance.scale) + relative.scale;
  const x = atScale(a, scale - relative.scale);
  const y = atScale(b, scale - relative.scale);
  const diff = abs(x - y) * TEN ** BigInt(relative.scale);
  if (diff <= atScale(tolerance, scale)) return true;
  const larger = abs(x) > abs(y) ? abs(x) : abs(y);
  return diff <= relative.digits * larger;
}
