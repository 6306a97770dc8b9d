import { doubleMetaphone } from "double-metaphone";
import { pinyin } from "pinyin-pro";
import { compactText, digitsOf, hasCjk, tokensOf } from "../_internal/normalize.ts";
import { parseDateParts } from "../comparisons/parseDateParts.ts";
import type { KeyTransform } from "../config/dedupeConfigSchema.ts";

const SOUNDEX_CODES = "01230120022455012623010202";

/**
 * American Soundex code of a word: its first letter and three digits.
 * @param text - a word (letters other than A-Z are ignored)
 * @returns the code, or "" when the text has no letters
 * @example
 * soundex("Robert") //=> "R163"
 */
export function soundex(text: string): string {
  const s = text.toUpperCase();
  let out = "";
  let last = "";
  for (let i = 0; i < s.length && out.length < 4; i++) {
    const c = s.charCodeAt(i);
    if (c < 65 || c > 90) continue;
    const code = SOUNDEX_CODES[c - 65]!;
    if (out === "") {
      out = s[i]!;
      last = code;
      continue;
    }
    if (code === "0") {
      // H and W do not separate equal codes; vowels do.
      if (s[i] !== "H" && s[i] !== "W") last = "";
      continue;
    }
    if (code !== last) out += code;
    last = code;
  }
  return out === "" ? "" : out.padEnd(4, "0");
}

/**
 * Initials of a name: pinyin initials for Chinese characters (王小明 -> "wxm"), first letters of
 * the words otherwise.
 * @param text - a name
 * @returns the initials, lower case
 * @example
 * pinyinInitials("王小明") //=> "wxm"
 */
export function pinyinInitials(text: string): string {
  if (hasCjk(text)) {
    return pinyin(text, { pattern: "first", toneType: "none", type: "array", nonZh: "removed" }).join("").toLowerCase();
  }
  return tokensOf(text)
    .map((t) => t[0])
    .join("");
}

/**
 * The blocking key a transform derives from a normalized value.
 * @param transform - the transform
 * @param text - the normalized value
 * @param length - prefix length (default 3) or trailing phone digits (default 8)
 * @returns one key, several (metaphone's two codes), or null when the value yields none
 * @example
 * applyKeyTransform("metaphone", "smith") //=> ["SM0", "XMT"]
 */
export function applyKeyTransform(transform: KeyTransform, text: string, length?: number): string | readonly string[] | null {
  switch (transform) {
    case "exact":
      return text;
    case "prefix": {
      const c = compactText(text);
      return c === "" ? null : c.slice(0, length ?? 3);
    }
    case "soundex": {
      const c = soundex(hasCjk(text) ? pinyin(text, { toneType: "none" }) : text);
      return c === "" ? null : c;
    }
    case "metaphone": {
      const source = hasCjk(text) ? pinyin(text, { toneType: "none" }) : compactText(text);
      if (source === "") return null;
      const [a, b] = doubleMetaphone(source);
      if (a === "" && b === "") return null;
      return a === b || b === "" ? a : a === "" ? b : [a, b];
    }
    case "pinyinInitials": {
      const c = pinyinInitials(text);
      return c === "" ? null : c;
    }
    case "phoneDigits": {
      const d = digitsOf(text).replace(/^0+/, "");
      const n = length ?? 8;
      return d.length < n ? null : d.slice(-n);
    }
    case "emailLocal": {
      const at = text.lastIndexOf("@");
      const local = (at < 0 ? text : text.slice(0, at)).trim();
      return local === "" ? null : local;
    }
    case "firstToken":
      return tokensOf(text)[0] ?? null;
    case "year": {
      const p = parseDateParts(text);
      if (p) return String(p.y);
      const m = /\b(1[89]\d\d|2\d\d\d)\b/.exec(text);
      return m ? m[1]! : null;
    }
    case "digits": {
      const d = digitsOf(text);
      return d === "" ? null : d;
    }
    case "initials": {
      const t = tokensOf(text);
      return t.length === 0 ? null : t.map((w) => w[0]).join("");
    }
    case "sortedTokens": {
      const t = tokensOf(text);
      return t.length === 0 ? null : [...t].sort().join(" ");
    }
  }
}
