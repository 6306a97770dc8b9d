import { isUtf8 } from "node:buffer";
import iconv from "iconv-lite";
import { COMMON_JAPANESE, COMMON_SIMPLIFIED, COMMON_TRADITIONAL } from "../_internal/commonCharacters.ts";
import { dbcsCharLength, dbcsTables, type DbcsTables } from "../_internal/dbcsTables.ts";
import { findBom } from "../_internal/encodings.ts";
import { utf8CompleteEnd, utf8SequenceEnd } from "../_internal/utf8.ts";

/** What {@link detectEncoding} found. */
export interface DetectedEncoding {
  /** `utf-8`, `utf-16le`, `utf-16be`, `gbk`, `gb18030`, `big5`, `shift_jis` or `windows-1252`. */
  readonly encoding: string;
  /** How sure the guess is, from 0 to 1. A BOM gives 1. */
  readonly confidence: number;
  /** Whether the bytes start with a byte-order mark. */
  readonly bom: boolean;
  /** The next best guess, given when `confidence` is below {@link LOW_CONFIDENCE}. */
  readonly alternative?: { readonly encoding: string; readonly confidence: number };
}

/**
 * Below this confidence a guess is uncertain: the readers warn (or, with `strict`, throw), and the
 * detector reads bytes it cannot place as UTF-8, whose invalid bytes are flagged, rather than as
 * windows-1252, which would accept nearly any byte without a trace.
 */
export const LOW_CONFIDENCE = 0.5;

/** Options of {@link detectEncoding}. */
export interface DetectEncodingOptions {
  /** Bytes looked at, from the start. Defaults to 64 KiB. */
  readonly sampleSize?: number;
}

/**
 * Guesses the encoding of some bytes: a byte-order mark first, then UTF-16 by its zero bytes, then
 * UTF-8 by validity, then the legacy encodings by how many bytes decode and how plausible the
 * characters are (frequent simplified vs traditional Chinese characters, kana, accented letters).
 * When no legacy encoding reaches {@link LOW_CONFIDENCE}, the guess is UTF-8 unless most multi-byte
 * sequences are invalid UTF-8 and a double-byte encoding fits better, with the other guess as
 * `alternative`.
 * @param bytes - the start of a file or stream (64 KiB is plenty)
 * @param options - sample size
 * @returns the encoding name, a confidence from 0 to 1 and whether there is a BOM
 * @example
 * detectEncoding(iconv.encode("客户,北京市朝阳区\n", "gbk")) //=> { encoding: "gbk", confidence: 0.8…, bom: false }
 */
export function detectEncoding(bytes: Uint8Array, options: DetectEncodingOptions = {}): DetectedEncoding {
  const bom = findBom(bytes);
  if (bom) return { encoding: bom.encoding, confidence: 1, bom: true };
  const sampleSize = options.sampleSize ?? 65536;
  const truncated = bytes.length > sampleSize;
  const sample = truncated ? bytes.subarray(0, sampleSize) : bytes;

  const utf16 = detectUtf16(sample);
  if (utf16) return utf16;

  let ascii = true;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i]! >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return { encoding: "utf-8", confidence: truncated ? 0.6 : 1, bom: false };

  const end = truncated ? utf8CompleteEnd(sample) : sample.length;
  const utf8 = countUtf8(sample, end);
  let scores: Score[] | undefined;
  if (utf8.bad === 0) {
    // Two or three legacy characters can form valid UTF-8 by chance; on such tiny samples, frequent
    // CJK characters in a legacy encoding beat UTF-8 characters that are not Latin letters.
    if (utf8.good <= 2 && !utf8.latin) {
      scores = legacyScores(sample, truncated);
      if (scores[0]!.score >= 0.9 && scores[0]!.encoding !== "windows-1252") return pick(scores);
    }
    const confidence = utf8.good >= 3 ? 0.99 : utf8.good === 2 ? 0.9 : 0.8;
    return { encoding: "utf-8", confidence, bom: false };
  }
  // UTF-8 with a few damaged bytes. Legacy CJK text fails UTF-8 on most of its characters.
  const damaged = utf8.bad / (utf8.good + utf8.bad);
  if (utf8.good >= 4 && damaged < 0.25) {
    return { encoding: "utf-8", confidence: Math.round(0.7 * (1 - damaged) * 100) / 100, bom: false };
  }
  const legacy = pick(scores ?? legacyScores(sample, truncated));
  if (legacy.confidence >= LOW_CONFIDENCE) return legacy;
  // Uncertain: strict UTF-8 flags the bytes that a wrong single-byte guess would garble silently.
  const asUtf8 = Math.round(0.7 * (1 - damaged) * 100) / 100;
  if (legacy.encoding === "windows-1252" || damaged <= 0.5) {
    return { encoding: "utf-8", confidence: Math.max(asUtf8, legacy.confidence), bom: false, alternative: { encoding: legacy.encoding, confidence: legacy.confidence } };
  }
  return { ...legacy, alternative: { encoding: "utf-8", confidence: asUtf8 } };
}

function legacyScores(sample: Uint8Array, truncated: boolean): Score[] {
  const scores = [scoreDbcs(sample, truncated, "gb18030"), scoreDbcs(sample, truncated, "big5hkscs"), scoreDbcs(sample, truncated, "shiftjis"), scoreWindows1252(sample)];
  return scores.sort((a, b) => b.score - a.score);
}

/** The best score, with a confidence from its level, its lead over the next and the sample size. */
function pick(scores: readonly Score[]): DetectedEncoding {
  const best = scores[0]!;
  const second = scores[1]!;
  const s1 = Math.max(0, Math.min(1, best.score));
  const margin = Math.max(0, Math.min(1, (best.score - second.score) / Math.max(best.score, 0.01) + 0.3));
  const size = best.chars / (best.chars + 1);
  const confidence = Math.round(s1 * margin * size * 100) / 100;
  return { encoding: best.encoding, confidence, bom: false };
}

function detectUtf16(sample: Uint8Array): DetectedEncoding | undefined {
  const pairs = sample.length >> 1;
  if (pairs < 2) return undefined;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) zeroEven++;
    if (sample[i + 1] === 0) zeroOdd++;
  }
  const even = zeroEven / pairs;
  const odd = zeroOdd / pairs;
  if (odd > 0.2 && even < 0.02) return { encoding: "utf-16le", confidence: Math.min(0.98, 0.6 + odd), bom: false };
  if (even > 0.2 && odd < 0.02) return { encoding: "utf-16be", confidence: Math.min(0.98, 0.6 + even), bom: false };
  return undefined;
}

/** Counts valid multi-byte UTF-8 sequences and invalid subparts. */
function countUtf8(bytes: Uint8Array, end: number): { good: number; bad: number; latin: boolean } {
  const valid = isUtf8(end === bytes.length ? bytes : bytes.subarray(0, end));
  let good = 0;
  let bad = 0;
  let latin = false;
  let i = 0;
  while (i < end) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    if (valid) {
      if (b >= 0xc0) {
        good++;
        // U+0080-U+027F: Latin-1 symbols and accented Latin letters.
        if (b <= 0xc9) latin = true;
      }
      i++;
      continue;
    }
    const next = utf8SequenceEnd(bytes, i, end);
    if (next > 0) good++;
    else bad++;
    i = Math.abs(next);
  }
  return { good, bad, latin };
}

interface Score {
  readonly encoding: string;
  readonly score: number;
  /** Non-ASCII characters scored. */
  readonly chars: number;
}

const isCjkPunctuation = (c: number): boolean => (c >= 0x3000 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff5e) || c === 0x2026 || c === 0x2014 || c === 0x201c || c === 0x201d;
const isKana = (c: number): boolean => (c >= 0x3041 && c <= 0x3096) || (c >= 0x30a1 && c <= 0x30fc);
const isIdeograph = (c: number): boolean => c >= 0x4e00 && c <= 0x9fff;

/** How plausible a character is in text of this encoding, from its bytes' region and its frequency. */
function weight(encoding: string, ch: string, lead: number, trail: number): number {
  const c = ch.charCodeAt(0);
  if (isCjkPunctuation(c)) return 0.8;
  if (encoding === "gb18030") {
    if (COMMON_SIMPLIFIED.has(ch)) return 1;
    if (!isIdeograph(c)) return 0.1;
    if (trail < 0xa1) return 0.05;
    return lead >= 0xb0 && lead <= 0xd7 ? 0.6 : 0.25;
  }
  if (encoding === "big5hkscs") {
    if (COMMON_TRADITIONAL.has(ch)) return 1;
    if (!isIdeograph(c)) return 0.1;
    if (lead >= 0xa4 && lead <= 0xc6) return 0.5;
    return lead >= 0xc9 && lead <= 0xf9 ? 0.2 : 0.05;
  }
  // shift_jis
  if (isKana(c) || COMMON_JAPANESE.has(ch)) return 1;
  if (c >= 0xff61 && c <= 0xff9f) return 0.3;
  if (!isIdeograph(c)) return 0.1;
  if (lead >= 0x88 && lead <= 0x98) return 0.5;
  return 0.2;
}

function scoreDbcs(sample: Uint8Array, truncated: boolean, iconvName: "gb18030" | "big5hkscs" | "shiftjis"): Score {
  const t: DbcsTables = dbcsTables(iconvName);
  let sum = 0;
  let chars = 0;
  let fourByte = false;
  let i = 0;
  while (i < sample.length) {
    const b = sample[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const n = dbcsCharLength(t, sample, i, sample.length);
    if (n === 0 && truncated) break;
    let ch: string | undefined;
    if (n === 1) ch = t.singles[b - 0x80];
    else if (n === 2) ch = t.pairs[(b << 8) | sample[i + 1]!];
    else if (n > 2) ch = t.decodeLong(sample.subarray(i, i + n));
    chars++;
    if (ch === undefined) {
      sum -= 1;
      i++;
      continue;
    }
    if (n === 4) fourByte = true;
    sum += n === 1 && b >= 0xa1 && b <= 0xdf ? (iconvName === "shiftjis" ? 0.3 : 0.1) : weight(iconvName, ch, b, sample[i + 1] ?? 0);
    i += n;
  }
  const encoding = iconvName === "gb18030" ? (fourByte ? "gb18030" : "gbk") : iconvName === "big5hkscs" ? "big5" : "shift_jis";
  return { encoding, score: chars === 0 ? 0 : sum / chars, chars };
}

let cp1252: readonly string[] | undefined;

const TYPOGRAPHY = new Set("€‚„…†‡‘’“”•–—™©®°£¥§¿¡«»·±µ¶¢\u00a0");

function scoreWindows1252(sample: Uint8Array): Score {
  cp1252 ??= [...iconv.decode(Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i), "windows1252")];
  const lower = (b: number | undefined) => b !== undefined && b >= 0x61 && b <= 0x7a;
  const upper = (b: number | undefined) => b !== undefined && b >= 0x41 && b <= 0x5a;
  const letter = (b: number | undefined) => lower(b) || upper(b);
  let sum = 0;
  let chars = 0;
  let i = 0;
  while (i < sample.length) {
    if (sample[i]! < 0x80) {
      i++;
      continue;
    }
    // A run of consecutive high bytes: Western text has short runs inside words.
    let j = i;
    while (j < sample.length && sample[j]! >= 0x80) j++;
    const run = j - i;
    const before = sample[i - 1];
    const after = sample[j];
    for (let k = i; k < j; k++) {
      const ch = cp1252[sample[k]! - 0x80]!;
      const c = ch.charCodeAt(0);
      chars++;
      if (c === 0xfffd) {
        sum -= 1;
        continue;
      }
      if (run > 2) {
        sum += 0.2;
        continue;
      }
      const isUpper = (c >= 0xc0 && c <= 0xde && c !== 0xd7) || ch === "Š" || ch === "Ž" || ch === "Œ" || ch === "Ÿ";
      const isLower = (c >= 0xdf && c <= 0xff && c !== 0xf7) || ch === "š" || ch === "ž" || ch === "œ" || ch === "ƒ";
      // ÿ is rare in text, but 0xFF is a common stray byte (a damaged or binary file).
      if (c === 0xff) sum += 0.1;
      else if (isLower) sum += letter(before) || letter(after) ? 1 : 0.3;
      // Capitals start words or sit among capitals; between lower-case letters they are unlikely.
      else if (isUpper) sum += lower(before) ? 0.2 : letter(after) || upper(before) || after === undefined || after === 0x20 ? 1 : 0.4;
      else if (ch === "’" || ch === "‘") sum += 1;
      else if (TYPOGRAPHY.has(ch)) sum += letter(before) && letter(after) ? 0.1 : 0.8;
      else sum += 0.2;
    }
    i = j;
  }
  return { encoding: "windows-1252", score: chars === 0 ? 0 : sum / chars, chars };
}
