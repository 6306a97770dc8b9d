// Built on first use, one per precision: creating an Intl.NumberFormat loads locale data, which costs tens of
// milliseconds at start-up.
const formats = new Map<string, Intl.NumberFormat>();

/**
 * Writes a number in English with thousands separators and a bounded number of decimals: `1,234.57`.
 * @param n - the number
 * @param maximumFractionDigits - decimals at most (rounded half away from zero, as Intl does)
 * @param minimumFractionDigits - decimals at least (default 0)
 * @returns its text
 * @example
 * formatDecimal(1234.5678, 2) //=> "1,234.57"
 * formatDecimal(87.5, 1, 1) //=> "87.5"
 * formatDecimal(90, 1, 1) //=> "90.0"
 */
export function formatDecimal(n: number, maximumFractionDigits: number, minimumFractionDigits = 0): string {
  const key = `${minimumFractionDigits}:${maximumFractionDigits}`;
  let format = formats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat("en-US", { minimumFractionDigits, maximumFractionDigits });
    formats.set(key, format);
  }
  return format.format(n);
}
