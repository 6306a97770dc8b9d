import { createDateParser, parseOrganisationName, type DateOrder } from "@cleanse/values";
import { doubleMetaphone } from "double-metaphone";
import { pinyin } from "pinyin-pro";
import { compactText, digitsOf, hasCjk, tokensOf } from "../_internal/normalize.ts";
import { modelCodes } from "../comparisons/productTokens.ts";
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

/** Transforms that read a date: they get the value as written, not its normalized text. */
export type DateKeyTransform = "date" | "year";

/** Whether a transform reads the value as a date. */
export function isDateTransform(transform: KeyTransform): transform is DateKeyTransform {
  return transform === "date" || transform === "year";
}

/**
 * The date key of values as written: the value kernel's calendar date (`yyyy-MM-dd`) or its year, so that
 * `1958-12-07`, `dec 7, 1958` and `1958年12月7日` share a key. Values the kernel refuses (impossible dates,
 * `01/02/2023` without an order) give no key; `year` also takes a value that is a four-digit year itself.
 * @param transform - `date` or `year`
 * @param order - the column's day/month order, if known
 * @returns a function from a value to its key, or null
 */
export function createDateKey(transform: DateKeyTransform, order: DateOrder | undefined): (value: unknown) => string | null {
  const read = createDateParser(order === undefined ? { output: "date" } : { output: "date", order });
  if (transform === "date") {
    return (value) => {
      const r = read(value);
      return r.ok && r.value !== null ? r.value : null;
    };
  }
  return (value) => {
    // A column of years (1995) is its own key: a bare number is no date to the kernel, but it is a year.
    const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
    if (YEAR.test(text)) return text;
    const r = read(value);
    return r.ok && r.value !== null ? r.value.slice(0, 4) : null;
  };
}

const YEAR = /^\d{4}$/;

const dateKey = createDateKey("date", undefined);
const yearKey = createDateKey("year", undefined);

/**
 * The blocking key a text transform derives from a normalized value (`date` and `year` read values with
 * {@link createDateKey} instead).
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
    case "date":
      return dateKey(text);
    case "year":
      return yearKey(text);
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
    case "orgName": {
      const org = parseOrganisationName(text);
      return org === null || org.name === "" ? null : org.name;
    }
    case "codes": {
      const codes = modelCodes(text);
      return codes.length === 0 ? null : codes.length === 1 ? codes[0]! : codes;
    }
  }
}
