import { isIsoDate } from "../isoDates/isoDates.ts";

/** Province codes of GB/T 2260 that start a resident ID card number (71 Taiwan, 81 Hong Kong, 82 Macao, 83 residence permits). */
const PROVINCES = new Set([11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83]);
/** ISO 7064 MOD 11-2 weights of the first 17 characters. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = "10X98765432";

/**
 * Tells whether a value is a PRC resident identity card number (GB 11643-1999) of the 18-character form: a known
 * province code, a real birth date (yyyyMMdd from position 7, year 1800 or later) and the ISO 7064 MOD 11-2 check
 * character (a digit or `X`, either case). Surrounding white space is ignored. The first-generation 15-digit form
 * has no check character and is not recognised.
 * @param value - the value to test
 * @returns true when it is such a number
 * @example
 * isChineseIdCard("11010519491231002X") //=> true
 * isChineseIdCard("110105194912310021") //=> false (the check character is X)
 */
export function isChineseIdCard(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const id = value.length === 18 ? value : value.trim();
  if (id.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const d = id.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    sum += d * WEIGHTS[i]!;
  }
  const last = id[17]!;
  if (last.toUpperCase() !== CHECK[sum % 11]) return false;
  if (!PROVINCES.has(Number(id.slice(0, 2)))) return false;
  const birth = id.slice(6, 14);
  return birth >= "18000101" && isIsoDate(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`);
}
