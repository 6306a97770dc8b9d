import { parseEmail } from "../parseEmail/parseEmail.ts";

/** Options of {@link isEmail}: those of `parseEmail` that decide whether an address is accepted. */
export interface IsEmailOptions {
  /** Accept non-ASCII characters before `@` (SMTPUTF8). Default true. */
  readonly allowUnicodeLocal?: boolean;
}

/** RFC 5322 atext without the dot: the characters `parseEmail` accepts before `@` in an ASCII address. */
const ATEXT = new Uint8Array(128);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+-/=?^_`{|}~") ATEXT[c.charCodeAt(0)] = 1;

const YES = 1;
const NO = 0;
const UNSURE = -1;

/**
 * Tells whether {@link parseEmail} reads a value as an e-mail address, without building its result: the same
 * answer (trimming, `mailto:`, Unicode and punycode domains included), several times faster for plain ASCII
 * addresses, which are scanned by hand; anything else is read by `parseEmail` itself. Empty and blank text is not
 * an address (`parseEmail` reads it as `null`).
 * @param value - the value to test
 * @param options - whether non-ASCII characters are allowed before `@`
 * @returns true when `parseEmail(value, options)` succeeds with an address
 * @example
 * isEmail("Zhang.San@Example.COM") //=> true
 * isEmail("a@b") //=> false
 */
export function isEmail(value: unknown, options?: IsEmailOptions): value is string {
  if (typeof value !== "string") return false;
  // parseEmail trims first and reads the rest, so the scanner may read the trimmed text.
  const n = value.length;
  const fast = scanAscii(n > 0 && (value.charCodeAt(0) <= 32 || value.charCodeAt(n - 1) <= 32) ? value.trim() : value);
  if (fast !== UNSURE) return fast === YES;
  const r = options === undefined ? parseEmail(value) : parseEmail(value, options);
  return r.ok && r.value !== null;
}

/**
 * Decides printable-ASCII addresses that need no trimming, no `mailto:` removal and no IDN conversion; UNSURE for
 * anything else, which `parseEmail` then reads. A NO waits until every character is seen: a later non-ASCII
 * character may change what the kernel reads (NFKC composes `<` and U+0338 into `≮`, which it accepts).
 */
function scanAscii(s: string): number {
  const n = s.length;
  if (n === 0 || n > 512) return UNSURE;
  const first = s.charCodeAt(0);
  const last = s.charCodeAt(n - 1);
  if (first <= 32 || first >= 127 || last <= 32 || last >= 127) return UNSURE;
  if ((first | 32) === 109 && n >= 7 && s.slice(0, 7).toLowerCase() === "mailto:") return UNSURE;
  const at = s.lastIndexOf("@");
  let verdict = at <= 0 || at === n - 1 || at > 64 ? NO : YES;
  // The part before the last @: atext and single inner dots, at most 64 characters.
  const localEnd = at < 0 ? n : at;
  let previousDot = true;
  for (let i = 0; i < localEnd; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || c > 126) return UNSURE;
    if (c === 46) {
      if (previousDot) verdict = NO;
      previousDot = true;
    } else {
      if (ATEXT[c] !== 1) verdict = NO;
      previousDot = false;
    }
  }
  if (at <= 0) return verdict;
  if (previousDot) verdict = NO;
  // The domain, one trailing dot dropped: labels of letters, digits and hyphens, none punycode, the last not a number.
  const end = last === 46 ? n - 1 : n;
  if (end - at - 1 > 253) verdict = NO;
  let labelStart = at + 1;
  let dots = 0;
  for (let i = labelStart; i <= end; i++) {
    const c = i === end ? 46 : s.charCodeAt(i);
    if (c === 46) {
      const length = i - labelStart;
      if (length === 0) return UNSURE;
      if (length >= 4 && (s.charCodeAt(labelStart) | 32) === 120 && (s.charCodeAt(labelStart + 1) | 32) === 110 && s.charCodeAt(labelStart + 2) === 45 && s.charCodeAt(labelStart + 3) === 45) {
        return UNSURE;
      }
      if (length > 63 || s.charCodeAt(labelStart) === 45 || s.charCodeAt(i - 1) === 45) verdict = NO;
      if (i === end) break;
      dots++;
      labelStart = i + 1;
    } else if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45)) return UNSURE;
  }
  // A last label of digits, or 0x and hex digits, is an IPv4 address to the URL host parser.
  if (isNumberLabel(s, labelStart, end)) return UNSURE;
  return dots === 0 ? NO : verdict;
}

/** Digits only, or `0x` and hex digits: what the URL host parser reads as a number. */
function isNumberLabel(s: string, start: number, end: number): boolean {
  let digits = true;
  for (let i = start; i < end && digits; i++) {
    const c = s.charCodeAt(i);
    digits = c >= 48 && c <= 57;
  }
  if (digits) return true;
  if (end - start < 2 || s.charCodeAt(start) !== 48 || (s.charCodeAt(start + 1) | 32) !== 120) return false;
  for (let i = start + 2; i < end; i++) {
    const c = s.charCodeAt(i) | 32;
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}
