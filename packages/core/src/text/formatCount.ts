import { formatDecimal } from "./formatDecimal.ts";

/**
 * Writes a number the way counts read in English, with thousands separators: `12,345`. Integers are grouped
 * directly, without building an `Intl.NumberFormat`; any other number goes through {@link formatDecimal} (at most
 * three decimals, as `Intl.NumberFormat("en-US")` writes it).
 * @param n - the number
 * @returns its text
 * @example
 * formatCount(1234567) //=> "1,234,567"
 * formatCount(-1000) //=> "-1,000"
 * formatCount(0.5) //=> "0.5"
 */
export function formatCount(n: number): string {
  if (Number.isSafeInteger(n) && !Object.is(n, -0)) {
    const digits = String(Math.abs(n));
    let out = "";
    for (let end = digits.length; end > 0; end -= 3) out = (end > 3 ? "," : "") + digits.slice(Math.max(0, end - 3), end) + out;
    return n < 0 ? `-${out}` : out;
  }
  return formatDecimal(n, 3);
}
