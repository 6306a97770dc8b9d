/**
 * Masks a value for display in a report, keeping its shape but not its content.
 * @param value - the value to mask
 * @returns a string with all but the first and last character replaced by `*`
 * @example
 * maskValue("13812345678") //=> "1*********8"
 */
export function maskValue(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  const chars = Array.from(typeof value === "string" ? value : JSON.stringify(value) ?? String(value));
  if (chars.length <= 2) return "*".repeat(chars.length);
  return chars[0] + "*".repeat(chars.length - 2) + chars[chars.length - 1];
}
