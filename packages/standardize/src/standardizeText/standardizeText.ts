import { emptyResult, notText, success } from "@cleanse/values";
import type { EmptyOptions, StandardizeResult } from "../StandardizeResult/StandardizeResult.ts";

/** Options of {@link standardizeText}. Every cleaning step is on unless turned off. */
export interface StandardizeTextOptions extends EmptyOptions {
  /** Remove leading and trailing whitespace. Default true. */
  readonly trim?: boolean;
  /** Turn every run of whitespace (tabs, newlines, no-break and ideographic spaces) into one space. Default true. */
  readonly collapseWhitespace?: boolean;
  /** Unicode NFKC: full-width letters and digits to half-width, ligatures and compatibility forms to plain ones. Default true. */
  readonly nfkc?: boolean;
  /** Remove control characters and invisible format characters (zero-width space, BOM, soft hyphen, direction marks). Default true. */
  readonly stripControl?: boolean;
  /** Change the letter case. Default: keep. */
  readonly case?: "lower" | "upper" | "title";
  /**
   * `"ascii"` turns Chinese/Japanese punctuation (`，。：“”（）【】《》…`) into ASCII;
   * `"cjk"` turns ASCII punctuation written right after a CJK character into its full-width form.
   * Default: keep.
   */
  readonly punctuation?: "ascii" | "cjk";
}

// C0 and C1 controls except tab/newline/carriage return (whitespace handles those), plus invisible format characters.
// Zero-width (non-)joiners are kept: emoji sequences and several scripts need them.
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F\u00AD\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const WHITESPACE_RUN = /\s+/g;
const CJK_TO_ASCII: Readonly<Record<string, string>> = {
  "，": ",", "。": ".", "、": ",", "；": ";", "：": ":", "？": "?", "！": "!",
  "“": '"', "”": '"', "‘": "'", "’": "'", "「": '"', "」": '"', "『": '"', "』": '"',
  "（": "(", "）": ")", "【": "[", "】": "]", "〔": "[", "〕": "]", "《": "<", "》": ">", "〈": "<", "〉": ">",
  "…": "...", "—": "-", "～": "~", "〜": "~",
};
const CJK_PUNCT = /[，。、；：？！“”‘’「」『』（）【】〔〕《》〈〉…—～〜]/g;
const ASCII_TO_CJK: Readonly<Record<string, string>> = {
  ",": "，", ".": "。", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）",
};
const CJK = "\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}";
// ASCII punctuation right after a CJK character; a full stop only when the sentence really ends there.
const AFTER_CJK = new RegExp(`(?<=[${CJK}])(?:[,;:?!)]|\\.(?=$|\\s|[${CJK}]))( *)`, "gu");
const OPEN_BEFORE_CJK = new RegExp(`\\((?=[${CJK}])`, "gu");
const TITLE_WORD = /(^|[\s\-‐/(“"])(\p{L})(\p{L}*)/gu;

/**
 * Cleans free text: trims, collapses whitespace, applies NFKC and removes invisible characters,
 * with optional case and punctuation normalization.
 * @param value - the text; numbers are turned into text, anything else is an `invalid_type` issue
 * @param options - which cleaning steps to apply
 * @returns the cleaned text, `null` for empty input
 * @example
 * standardizeText("  Ｈｅｌｌｏ\u200B   world ") //=> { ok: true, value: "Hello world", changed: true }
 */
export function standardizeText(value: unknown, options: StandardizeTextOptions = {}): StandardizeResult<string> {
  const empty = emptyResult<string>(value, options.empty);
  if (empty) return empty;
  let text: string;
  if (typeof value === "string") text = value;
  else if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") text = String(value);
  else return notText("text", value);
  const out = cleanText(text, options);
  if (options.empty !== "keep" && (out.length === 0 || out.trim().length === 0)) return success<string>(null, true);
  return success(out, out !== value);
}

/** The cleaning itself. */
function cleanText(text: string, options: StandardizeTextOptions): string {
  if (options.case === undefined && options.punctuation === undefined && isPlainAscii(text)) return text;
  let out = text;
  if (options.stripControl !== false) out = out.replace(CONTROL, "");
  if (options.nfkc !== false) out = out.normalize("NFKC");
  if (options.collapseWhitespace !== false) out = out.replace(WHITESPACE_RUN, " ");
  if (options.punctuation === "ascii") out = out.replace(CJK_PUNCT, (c) => CJK_TO_ASCII[c] ?? c);
  else if (options.punctuation === "cjk") {
    out = out.replace(AFTER_CJK, (m) => ASCII_TO_CJK[m[0]!] ?? m).replace(OPEN_BEFORE_CJK, "（");
  }
  if (options.trim !== false) out = out.trim();
  if (options.case === "lower") out = out.toLowerCase();
  else if (options.case === "upper") out = out.toUpperCase();
  else if (options.case === "title") {
    out = out.replace(TITLE_WORD, (_m, lead: string, first: string, rest: string) => {
      const upper = first.toUpperCase(); // ß -> SS: only the first letter stays capital
      return lead + (upper.length > 1 ? upper[0]! + upper.slice(1).toLowerCase() : upper) + rest.toLowerCase();
    });
  }
  return out;
}

/** True for printable ASCII without leading, trailing or doubled spaces: nothing to clean. */
function isPlainAscii(text: string): boolean {
  const n = text.length;
  if (n === 0 || text.charCodeAt(0) === 32 || text.charCodeAt(n - 1) === 32) return false;
  let prevSpace = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 || c > 126) return false;
    if (c === 32) {
      if (prevSpace) return false;
      prevSpace = true;
    } else prevSpace = false;
  }
  return true;
}
