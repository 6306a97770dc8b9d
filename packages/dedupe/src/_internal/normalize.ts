import { createDateParser } from "@cleanse/values";

const NON_ASCII = /[^\x00-\x7f]/;
const dateOfObject = createDateParser({ output: "date" });
const MARKS = /\p{M}+/gu;
const SPACES = /\s+/g;
const MULTI_SPACE = /\s{2,}|[\t\n\r\f\v]/;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Values treated as missing besides empty strings. */
export const DEFAULT_NULL_VALUES: readonly string[] = ["null", "n/a", "nan", "none", "\\n"];

/**
 * Text of a value for matching (blocking keys and text comparisons): trimmed, lower case, without diacritics,
 * single spaces. Returns null for missing values. It says nothing about what a value means: dates, amounts and
 * e-mail addresses are read by the value kernel (see valueReaders.ts).
 */
export function normalizeText(value: unknown, nullValues: ReadonlySet<string> = DEFAULT_NULL_SET): string | null {
  if (value === null || value === undefined) return null;
  let s: string;
  if (typeof value === "string") {
    if (isCanonical(value)) return nullValues.has(value) ? null : value;
    s = value;
  }
  else if (typeof value === "number") {
    if (!Number.isFinite(value)) return null;
    s = String(value);
  } else if (typeof value === "bigint" || typeof value === "boolean") s = String(value);
  else if (value instanceof Date) {
    // A Date's text is its calendar date as the value kernel reads it.
    const r = dateOfObject(value);
    if (!r.ok || r.value === null) return null;
    s = r.value;
  } else s = JSON.stringify(value);
  s = s.trim();
  if (s === "") return null;
  if (NON_ASCII.test(s)) s = s.normalize("NFKD").replace(MARKS, "").normalize("NFC");
  s = s.toLowerCase();
  if (MULTI_SPACE.test(s)) s = s.replace(SPACES, " ");
  if (nullValues.has(s)) return null;
  return s;
}

const DEFAULT_NULL_SET: ReadonlySet<string> = new Set(DEFAULT_NULL_VALUES);

/** True for non-empty ASCII text that is already lower case, trimmed and single-spaced. */
function isCanonical(s: string): boolean {
  const len = s.length;
  if (len === 0) return false;
  let prevSpace = true;
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return false;
      prevSpace = true;
      continue;
    }
    if (c < 32 || c > 126 || (c >= 65 && c <= 90)) return false;
    prevSpace = false;
  }
  return !prevSpace;
}

/** Builds the null-value set used by {@link normalizeText}. */
export function toNullSet(values: readonly string[] | undefined): ReadonlySet<string> {
  return values === undefined ? DEFAULT_NULL_SET : new Set(values.map((v) => v.trim().toLowerCase()));
}

/** True when the text holds CJK ideographs. */
export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

const PUNCT = /[^\p{L}\p{N}]+/gu;

/** True when text holds only a-z, 0-9 and single inner spaces: nothing to strip. */
function isPlainWords(text: string): boolean {
  let prevSpace = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return false;
      prevSpace = true;
    } else if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) prevSpace = false;
    else return false;
  }
  return !prevSpace;
}

/** Replaces every run of punctuation and spaces by one space. */
export function stripPunctuation(text: string): string {
  return isPlainWords(text) ? text : text.replace(PUNCT, " ").trim();
}

/** Text without spaces or punctuation, for edit-distance comparison of names. */
export function compactText(text: string): string {
  return text.replace(PUNCT, "");
}

const NON_DIGITS = /\D+/g;

/** Only the digits of a value. */
export function digitsOf(text: string): string {
  return text.replace(NON_DIGITS, "");
}

/** Tokens of a text: words of letters and digits. */
export function tokensOf(text: string): string[] {
  const stripped = stripPunctuation(text);
  return stripped === "" ? [] : stripped.split(" ");
}
