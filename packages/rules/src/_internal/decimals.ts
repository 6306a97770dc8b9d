import { Decimal } from "decimal.js";

// Arithmetic on the value kernel's canonical decimal text (see `toDecimalText`). Reading stays with the kernel;
// these only add, compare and divide what it read, without going through binary floating point.

/** Enough precision that adding, subtracting and multiplying the kernel's values never rounds. */
export const Exact: typeof Decimal = Decimal.clone({ precision: 1000, toExpNeg: -9e15, toExpPos: 9e15 });

/** Quotients keep 34 significant digits (as IEEE 754 decimal128) before they become a number. */
const Quotient: typeof Decimal = Decimal.clone({ precision: 34, toExpNeg: -9e15, toExpPos: 9e15 });

/** The canonical text of a Decimal (plain notation, no trailing zeros, no "-0"). */
export function decimalText(d: Decimal): string {
  const text = d.toFixed();
  return text === "-0" ? "0" : text;
}

/** `a op b` on exact decimal texts, rounded once to the nearest number; null for a division by zero. */
export function exactArithmetic(op: "+" | "-" | "*" | "/" | "%", a: string, b: string): number | null {
  if ((op === "/" || op === "%") && new Exact(b).isZero()) return null;
  switch (op) {
    case "+":
      return new Exact(a).plus(b).toNumber();
    case "-":
      return new Exact(a).minus(b).toNumber();
    case "*":
      return new Exact(a).times(b).toNumber();
    case "/":
      return new Quotient(a).div(b).toNumber();
    default:
      return new Exact(a).mod(b).toNumber();
  }
}

/** An exact running sum of canonical decimal texts. */
export interface ExactSum {
  add(text: string): void;
  /** The sum so far, as canonical decimal text. */
  text(): string;
}

const POWERS = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];

/**
 * An exact sum: while the amounts have at most 9 decimals and the total stays below 2^53 in units of the smallest
 * decimal, it is kept as an integer number of those units (exact, and as fast as adding doubles); beyond that, in a
 * Decimal.
 */
export function createExactSum(): ExactSum {
  let units = 0;
  let scale = 0;
  let big: Decimal | undefined;
  const current = (): string => {
    if (big !== undefined) return decimalText(big);
    if (scale === 0) return String(units);
    const digits = String(Math.abs(units)).padStart(scale + 1, "0");
    let int = digits.slice(0, digits.length - scale);
    let frac = digits.slice(digits.length - scale);
    let end = frac.length;
    while (end > 0 && frac.charCodeAt(end - 1) === 48) end--;
    frac = frac.slice(0, end);
    if (units < 0) int = `-${int}`;
    return frac === "" ? int : `${int}.${frac}`;
  };
  return {
    add(text) {
      if (big !== undefined) {
        big = big.plus(text);
        return;
      }
      const dot = text.indexOf(".");
      const decimals = dot < 0 ? 0 : text.length - dot - 1;
      const digits = dot < 0 ? text : text.slice(0, dot) + text.slice(dot + 1);
      const n = Number(digits);
      const target = Math.max(scale, decimals);
      if (decimals <= 9 && Number.isSafeInteger(n)) {
        const grownUnits = units * POWERS[target - scale]!;
        const grownN = n * POWERS[target - decimals]!;
        const total = grownUnits + grownN;
        if (Number.isSafeInteger(grownUnits) && Number.isSafeInteger(grownN) && Number.isSafeInteger(total)) {
          units = total;
          scale = target;
          return;
        }
      }
      big = new Exact(current()).plus(text);
    },
    text: current,
  };
}
