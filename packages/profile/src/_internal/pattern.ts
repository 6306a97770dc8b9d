/** Longest prefix of a value that goes into its pattern; longer values end with `…`. */
export const PATTERN_MAX = 48;

const D = 100, LOWER = 97, UPPER = 65, HAN = 67, SPACE = 32, PLUS = 43, ELLIPSIS = 0x2026;

function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

/** Reused output buffer of char codes: patterns are short and this runs for every value. */
const buf: number[] = [];

/** The result of {@link valuePattern}; one shared object, read it before the next call. */
export interface PatternResult {
  pattern: string;
  length: number;
}

const result: PatternResult = { pattern: "", length: 0 };

/**
 * The shape of a value: `d` for each digit, `A`/`a` for a run of upper/lower-case letters (`Aa+` is
 * `Alice`), `C` for a run of Chinese (Han) characters (`C+` for more than one), other characters as
 * themselves. Also gives the value's length in code points.
 */
export function valuePattern(text: string): PatternResult {
  let n = 0; // codes in buf
  let last = -1; // class of the previous character, for collapsing runs
  let run = 0;
  let length = 0;
  let emitted = 0;
  let truncated = false;
  const len = text.length;
  for (let i = 0; i < len; i++) {
    const code = text.charCodeAt(i);
    let cls: number;
    if (code >= 48 && code <= 57) cls = D;
    else if (code >= 97 && code <= 122) cls = LOWER;
    else if (code >= 65 && code <= 90) cls = UPPER;
    else if (code < 128) cls = code === 9 || code === 10 || code === 13 ? SPACE : code;
    else if (isHan(code)) cls = HAN;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < len) {
      const cp = text.codePointAt(i)!;
      i++;
      if (cp >= 0x20000 && cp <= 0x3134f) cls = HAN;
      else {
        // a letter or symbol outside the BMP: keep it as itself (two code units)
        length++;
        if (emitted >= PATTERN_MAX) {
          truncated = true;
          continue;
        }
        buf[n++] = code;
        buf[n++] = text.charCodeAt(i);
        emitted++;
        last = -1;
        continue;
      }
    } else {
      const ch = text[i]!;
      cls = ch.toLowerCase() !== ch ? UPPER : ch.toUpperCase() !== ch ? LOWER : code === 0x3000 ? SPACE : code;
    }
    length++;
    const collapsible = cls === LOWER || cls === UPPER || cls === HAN;
    if (collapsible && cls === last) {
      if (run === 1 && emitted < PATTERN_MAX) buf[n++] = PLUS;
      run++;
      continue;
    }
    if (emitted >= PATTERN_MAX) {
      truncated = true;
      continue;
    }
    buf[n++] = cls;
    emitted++;
    last = cls;
    run = 1;
  }
  if (truncated) buf[n++] = ELLIPSIS;
  buf.length = n;
  result.pattern = n === 0 ? "" : String.fromCharCode.apply(null, buf);
  result.length = length;
  return result;
}
