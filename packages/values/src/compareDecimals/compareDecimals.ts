import { Decimal } from "decimal.js";

const CANONICAL = /^-?(?:0|[1-9]\d*)(?:\.\d*[1-9])?$/;

/**
 * Compares two decimals exactly, e.g. the `decimal` readings of {@link classifyValue} or the values of
 * `parseDecimal`, which a JavaScript number may not tell apart (`12345678901234567.5` and `12345678901234567.25`
 * are the same number).
 * @param a - a decimal string (`-12.5`, `1e3`, `1000`)
 * @param b - another one
 * @returns -1, 0 or 1
 * @throws Error when either is no decimal
 * @example
 * compareDecimals("12345678901234567.5", "12345678901234567.25") //=> 1
 */
export function compareDecimals(a: string, b: string): number {
  if (!CANONICAL.test(a) || !CANONICAL.test(b) || a === "-0" || b === "-0") return new Decimal(a).comparedTo(b);
  const negA = a.charCodeAt(0) === 45;
  const negB = b.charCodeAt(0) === 45;
  if (negA !== negB) return negA ? -1 : 1;
  const m = compareMagnitudes(negA ? a.slice(1) : a, negB ? b.slice(1) : b);
  // `-0` for two equal negative numbers would differ from 0 under Object.is: equal is always 0.
  return negA && m !== 0 ? -m : m;
}

function compareMagnitudes(a: string, b: string): number {
  let dotA = a.indexOf(".");
  let dotB = b.indexOf(".");
  if (dotA < 0) dotA = a.length;
  if (dotB < 0) dotB = b.length;
  if (dotA !== dotB) return dotA < dotB ? -1 : 1;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    // past its end a number reads as zeros, and its decimal point lines up with the other's
    let x = i < a.length ? a.charCodeAt(i) : 48;
    let y = i < b.length ? b.charCodeAt(i) : 48;
    if (x === 46) x = 48;
    if (y === 46) y = 48;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
