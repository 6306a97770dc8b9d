/**
 * East Asian Wide (W) and Fullwidth (F) code points of Unicode's EastAsianWidth.txt, as inclusive
 * [first, last] pairs in order. Unassigned code points between two ranges of one block are folded in,
 * and the ideograph planes 2 and 3 are whole, as Unicode itself gives their unassigned code points W.
 * Emoji added after this table are caught by `\p{Emoji_Presentation}`.
 */
const WIDE: readonly number[] = [
  0x1100, 0x115f, 0x231a, 0x231b, 0x2329, 0x232a, 0x23e9, 0x23ec, 0x23f0, 0x23f0, 0x23f3, 0x23f3, 0x25fd, 0x25fe,
  0x2614, 0x2615, 0x2648, 0x2653, 0x267f, 0x267f, 0x2693, 0x2693, 0x26a1, 0x26a1, 0x26aa, 0x26ab, 0x26bd, 0x26be,
  0x26c4, 0x26c5, 0x26ce, 0x26ce, 0x26d4, 0x26d4, 0x26ea, 0x26ea, 0x26f2, 0x26f3, 0x26f5, 0x26f5, 0x26fa, 0x26fa,
  0x26fd, 0x26fd, 0x2705, 0x2705, 0x270a, 0x270b, 0x2728, 0x2728, 0x274c, 0x274c, 0x274e, 0x274e, 0x2753, 0x2755,
  0x2757, 0x2757, 0x2795, 0x2797, 0x27b0, 0x27b0, 0x27bf, 0x27bf, 0x2b1b, 0x2b1c, 0x2b50, 0x2b50, 0x2b55, 0x2b55,
  0x2e80, 0x303e, 0x3041, 0x3247, 0x3250, 0x4dbf, 0x4e00, 0xa4c6, 0xa960, 0xa97c, 0xac00, 0xd7a3, 0xf900, 0xfaff,
  0xfe10, 0xfe19, 0xfe30, 0xfe6b, 0xff01, 0xff60, 0xffe0, 0xffe6, 0x16fe0, 0x18cd5, 0x18d00, 0x18d08,
  0x1aff0, 0x1b122, 0x1b150, 0x1b2fb, 0x1f004, 0x1f004, 0x1f0cf, 0x1f0cf, 0x1f18e, 0x1f18e, 0x1f191, 0x1f19a,
  0x1f200, 0x1f265, 0x1f300, 0x1f320, 0x1f32d, 0x1f335, 0x1f337, 0x1f37c, 0x1f37e, 0x1f393, 0x1f3a0, 0x1f3ca,
  0x1f3cf, 0x1f3d3, 0x1f3e0, 0x1f3f0, 0x1f3f4, 0x1f3f4, 0x1f3f8, 0x1f43e, 0x1f440, 0x1f440, 0x1f442, 0x1f4fc,
  0x1f4ff, 0x1f53d, 0x1f54b, 0x1f54e, 0x1f550, 0x1f567, 0x1f57a, 0x1f57a, 0x1f595, 0x1f596, 0x1f5a4, 0x1f5a4,
  0x1f5fb, 0x1f64f, 0x1f680, 0x1f6c5, 0x1f6cc, 0x1f6cc, 0x1f6d0, 0x1f6d2, 0x1f6d5, 0x1f6df, 0x1f6eb, 0x1f6ec,
  0x1f6f4, 0x1f6fc, 0x1f7e0, 0x1f7f0, 0x1f90c, 0x1f93a, 0x1f93c, 0x1f945, 0x1f947, 0x1f9ff, 0x1fa70, 0x1faf6,
  0x20000, 0x3fffd
];

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** CSI (`ESC [ … final`), OSC (`ESC ] … BEL` or `ESC ] … ESC \`), other escapes (`ESC ( B`, `ESC 7`), and the 8-bit CSI. */
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[ -/]*[0-~]|\u009b[0-?]*[ -/]*[@-~]/y;
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Default_Ignorable_Code_Point}]$/u;
const EMOJI_PRESENTATION = /^\p{Emoji_Presentation}$/u;
const PICTOGRAPHIC = /^\p{Extended_Pictographic}$/u;
const MODIFIER_BASE = /^\p{Emoji_Modifier_Base}$/u;

const ZWJ = 0x200d;
const VS16 = 0xfe0f;
const KEYCAP = 0x20e3;

function isWide(cp: number): boolean {
  let lo = 0;
  let hi = WIDE.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < WIDE[2 * mid]!) hi = mid - 1;
    else if (cp > WIDE[2 * mid + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}

const isRegionalIndicator = (cp: number) => cp >= 0x1f1e6 && cp <= 0x1f1ff;
const isEmojiModifier = (cp: number) => cp >= 0x1f3fb && cp <= 0x1f3ff;
const isControl = (cp: number) => cp < 0x20 || (cp >= 0x7f && cp < 0xa0);

/** Takes no column of its own: combining marks, zero-width and format characters, variation selectors, Hangul medial and final jamo. */
function isZeroWidth(cp: number, ch: string): boolean {
  if (cp < 0x300) return cp === 0xad;
  if ((cp >= 0x1160 && cp <= 0x11ff) || (cp >= 0xd7b0 && cp <= 0xd7ff)) return true;
  return cp !== 0x115f && ZERO_WIDTH.test(ch);
}

function baseWidth(cp: number, ch: string): number {
  if (cp >= 0x20 && cp < 0x7f) return 1;
  if (isControl(cp) || isZeroWidth(cp, ch)) return 0;
  // A single regional indicator is a letter; two make a flag (see `units`).
  if (isRegionalIndicator(cp)) return 1;
  return isWide(cp) || EMOJI_PRESENTATION.test(ch) ? 2 : 1;
}

/** A piece of text that is never cut: a character with the marks and emoji joined to it, or an escape sequence. */
interface Unit {
  text: string;
  width: number;
  readonly escape: boolean;
}

interface Cluster extends Unit {
  readonly base: number;
  readonly baseText: string;
  /** The last code point was a zero-width joiner. */
  joining: boolean;
  /** Regional indicators in the cluster (two make a flag). */
  indicators: number;
}

/** Joins `cp` to the cluster when a terminal draws them together; updates the cluster's width. */
function join(c: Cluster, cp: number, ch: string): boolean {
  if (c.escape) return false;
  if (c.joining && PICTOGRAPHIC.test(ch)) {
    c.joining = false;
    return true;
  }
  c.joining = false;
  if (cp === ZWJ) {
    c.joining = PICTOGRAPHIC.test(c.baseText);
    return true;
  }
  if (isEmojiModifier(cp)) {
    if (!MODIFIER_BASE.test(c.baseText)) return false;
    c.width = 2;
    return true;
  }
  if (isRegionalIndicator(cp)) {
    if (c.indicators !== 1) return false;
    c.indicators = 2;
    c.width = 2;
    return true;
  }
  if (!isZeroWidth(cp, ch)) return false;
  // An emoji-presentation selector turns ❤ into ❤️; a keycap mark turns 1 into 1️⃣.
  if ((cp === VS16 && PICTOGRAPHIC.test(c.baseText)) || (cp === KEYCAP && /^[0-9#*]$/.test(c.baseText))) c.width = 2;
  return true;
}

/** Splits text into what is drawn as one: iterates by code point, so a surrogate pair is one character. */
function* units(text: string): Generator<Unit> {
  let current: Cluster | undefined;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 0x1b || code === 0x9b) {
      ANSI.lastIndex = i;
      const m = ANSI.exec(text);
      if (m) {
        if (current) yield current;
        current = undefined;
        yield { text: m[0], width: 0, escape: true };
        i += m[0].length;
        continue;
      }
    }
    const cp = text.codePointAt(i)!;
    const ch = cp > 0xffff ? text.slice(i, i + 2) : text[i]!;
    i += ch.length;
    if (current && join(current, cp, ch)) {
      current.text += ch;
      continue;
    }
    if (current) yield current;
    current = { text: ch, width: baseWidth(cp, ch), escape: false, base: cp, baseText: ch, joining: false, indicators: isRegionalIndicator(cp) ? 1 : 0 };
  }
  if (current) yield current;
}

/**
 * Counts the columns a string takes in a monospace terminal, for aligning tables: East Asian wide and
 * fullwidth characters (Chinese, Japanese kana, Korean Hangul, fullwidth forms, CJK punctuation) and emoji
 * take two, combining marks, zero-width characters, variation selectors and ANSI escape sequences none.
 * East Asian ambiguous characters (`…`, `°`, `±`) take one, as in a terminal outside a CJK legacy locale.
 * @param text - the text, possibly with ANSI colour codes
 * @returns the number of columns
 * @example
 * displayWidth("手机号 phone") //=> 12
 */
export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let width = 0;
  for (const u of units(text)) width += u.width;
  return width;
}

/**
 * Pads text with spaces at the end to a display width (the `padEnd` of terminal columns); text as wide or wider is returned as is.
 * @param text - the text
 * @param width - columns the result should take
 * @returns the padded text
 * @example
 * padEndDisplay("王伟", 6) + "|" //=> "王伟  |"
 */
export function padEndDisplay(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

/**
 * Pads text with spaces at the start to a display width, to right-align it; text as wide or wider is returned as is.
 * @param text - the text
 * @param width - columns the result should take
 * @returns the padded text
 * @example
 * padStartDisplay("한국어", 8) //=> "  한국어"
 */
export function padStartDisplay(text: string, width: number): string {
  return " ".repeat(Math.max(0, width - displayWidth(text))) + text;
}

/** Options of {@link truncateDisplay}. */
export interface TruncateDisplayOptions {
  /** Marks where text was cut. Defaults to `…` (one column). */
  readonly ellipsis?: string;
}

/**
 * Cuts text to at most a display width, ending it with an ellipsis, without splitting a wide character, a
 * character from its combining marks or an emoji sequence; a wide character that would cross the limit is
 * left out, so the result can be a column narrower. Escape sequences after the cut are kept (a colour reset
 * still resets). Text that fits is returned as is.
 * @param text - the text
 * @param width - most columns the result may take
 * @param options - the ellipsis
 * @returns the text, cut if it was wider than `width`
 * @example
 * truncateDisplay("手机号码", 6) //=> "手机…"
 */
export function truncateDisplay(text: string, width: number, options: TruncateDisplayOptions = {}): string {
  if (displayWidth(text) <= width) return text;
  let ellipsis = options.ellipsis ?? "…";
  let budget = width - displayWidth(ellipsis);
  if (budget < 0) {
    ellipsis = "";
    budget = width;
  }
  let kept = "";
  let escapes = "";
  let used = 0;
  let cut = false;
  for (const u of units(text)) {
    if (u.escape) {
      if (cut) escapes += u.text;
      else kept += u.text;
    } else if (!cut && used + u.width <= budget) {
      kept += u.text;
      used += u.width;
    } else cut = true;
  }
  return kept + ellipsis + escapes;
}
