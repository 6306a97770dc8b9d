import { englishLocale, monthNameLocales } from "./lazyLibraries.ts";

// The tokens of one date text, in typed arrays reused for every value (scanning is synchronous).

// Token kinds.
export const NUM = 1;
export const WORD = 2;
export const SEP = 3;

// Word codes (months are 1..12).
export const W_WEEKDAY = 20;
export const W_AM = 21;
export const W_PM = 22;
export const W_T = 23;
export const W_Z = 24;
export const W_UTC = 25;
export const W_ORDINAL = 26;
export const W_OF = 27;
export const W_NOON = 28;
export const CJK_YEAR = 40;
export const CJK_MONTH = 41;
export const CJK_DAY = 42;
export const CJK_HOUR = 43;
export const CJK_MINUTE = 44;
export const CJK_SECOND = 45;

const MAX_TOKENS = 40;
export const kinds: Uint8Array = new Uint8Array(MAX_TOKENS);
export const vals: Int32Array = new Int32Array(MAX_TOKENS);
export const lens: Uint8Array = new Uint8Array(MAX_TOKENS);
export const starts: Uint16Array = new Uint16Array(MAX_TOKENS);

let words: Map<string, number> | undefined;

/** The words the scanner knows (month and weekday names, am/pm, ordinals), built on first use from date-fns' locales. */
function knownWords(): Map<string, number> {
  if (words !== undefined) return words;
  const WORDS = new Map<string, number>();
  const enUS = englishLocale();
  for (let m = 0; m < 12; m++) {
    const month = m as Parameters<typeof enUS.localize.month>[0];
    WORDS.set(enUS.localize.month(month, { width: "wide" }).toLowerCase(), m + 1);
    WORDS.set(enUS.localize.month(month, { width: "abbreviated" }).toLowerCase(), m + 1);
  }
  WORDS.set("sept", 9);
  // Month names of the other languages CRM and ERP exports are most often written in. Weekday names are left out on
  // purpose: their abbreviations clash with month names across languages (French "mar." is Tuesday, Spanish "mar" March).
  for (const locale of monthNameLocales()) {
    for (let m = 0; m < 12; m++) {
      const month = m as Parameters<typeof enUS.localize.month>[0];
      for (const width of ["wide", "abbreviated"] as const) {
        const name = locale.localize.month(month, { width }).toLowerCase().replace(/\.$/, "");
        const known = WORDS.get(name);
        if (known === undefined) WORDS.set(name, m + 1);
      }
    }
  }
  for (const [name, month] of [["mrz", 3], ["sett", 9], ["mär", 3]] as const) WORDS.set(name, month);
  for (let d = 0; d < 7; d++) {
    const day = d as Parameters<typeof enUS.localize.day>[0];
    WORDS.set(enUS.localize.day(day, { width: "wide" }).toLowerCase(), W_WEEKDAY);
    WORDS.set(enUS.localize.day(day, { width: "abbreviated" }).toLowerCase(), W_WEEKDAY);
    WORDS.set(enUS.localize.day(day, { width: "short" }).toLowerCase(), W_WEEKDAY);
  }
  for (const w of ["tues", "thur", "thurs"]) WORDS.set(w, W_WEEKDAY);
  for (const w of ["am", "a.m."]) WORDS.set(w, W_AM);
  for (const w of ["pm", "p.m."]) WORDS.set(w, W_PM);
  WORDS.set("t", W_T);
  WORDS.set("z", W_Z);
  WORDS.set("utc", W_UTC);
  WORDS.set("gmt", W_UTC);
  for (const w of ["st", "nd", "rd", "th", "er"]) WORDS.set(w, W_ORDINAL);
  // "of" (31st of January), Spanish and Portuguese "de" (1 de enero de 2023), "del" (1 de enero del 2023)
  for (const w of ["of", "de", "del"]) WORDS.set(w, W_OF);
  words = WORDS;
  return WORDS;
}

/** Maps full-width digits and separators to ASCII so that both scan alike. */
function asciiCode(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0;
  if (c === 0x3000 || c === 0xa0) return 32;
  if (c === 0x2212 || c === 0x2013 || c === 0x2010) return 45;
  return c;
}

/** ASCII and Latin-1 letters (é, ä, ç, û: the month names of the languages above). */
function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xff && c !== 0xd7 && c !== 0xf7);
}

/**
 * Splits the text into numbers, words and separators, into the shared token arrays.
 * Returns the number of tokens, or -1 when the text holds anything a date cannot.
 */
export function tokenize(text: string): number {
  let count = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (count >= MAX_TOKENS) return -1;
    let c = text.charCodeAt(i);
    if (c > 127) c = asciiCode(c);
    if (c >= 48 && c <= 57) {
      const start = i;
      let v = 0;
      let len = 0;
      while (i < n) {
        let d = text.charCodeAt(i);
        if (d > 127) d = asciiCode(d);
        if (d < 48 || d > 57) break;
        if (len < 9) v = v * 10 + (d - 48);
        len++;
        i++;
      }
      if (len > 14) return -1;
      kinds[count] = NUM;
      vals[count] = len > 9 ? -1 : v;
      lens[count] = len;
      starts[count] = start;
      count++;
      continue;
    }
    if (isLetter(c)) {
      const start = i;
      while (i < n && (isLetter(text.charCodeAt(i)) || (text.charCodeAt(i) === 46 && i + 1 < n && isLetter(text.charCodeAt(i + 1))))) i++;
      // "a.m." keeps its final dot
      if (i < n && text.charCodeAt(i) === 46 && i - start === 3 && text.charCodeAt(start + 1) === 46) i++;
      const code = knownWords().get(text.slice(start, i).toLowerCase());
      if (code === undefined) return -1;
      kinds[count] = WORD;
      vals[count] = code;
      starts[count] = start;
      count++;
      continue;
    }
    if (c === 32 || c === 9) {
      while (i < n && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9 || asciiCode(text.charCodeAt(i)) === 32)) i++;
      // A space carries no meaning next to another separator.
      if (count > 0 && kinds[count - 1] === SEP) continue;
      kinds[count] = SEP;
      vals[count] = 32;
      starts[count] = i;
      count++;
      continue;
    }
    if (c === 45 || c === 47 || c === 46 || c === 44 || c === 58 || c === 43) {
      // "-" "/" "." "," ":" "+": a space before it carries no meaning either.
      if (count > 0 && kinds[count - 1] === SEP && vals[count - 1] === 32) count--;
      kinds[count] = SEP;
      vals[count] = c;
      starts[count] = i;
      count++;
      i++;
      continue;
    }
    const word = cjkWord(text, i);
    if (word === 0) return -1;
    if (word > 0) {
      if (count > 0 && kinds[count - 1] === SEP && vals[count - 1] === 32) count--;
      kinds[count] = WORD;
      vals[count] = word & 0xff;
      starts[count] = i;
      count++;
    }
    i += word > 0 ? word >> 8 : -word;
  }
  if (count > 0 && kinds[count - 1] === SEP && vals[count - 1] === 32) count--;
  return count;
}

/**
 * Reads a Chinese/Japanese date word at `i`. Returns `(length << 8) | code`, `-length` for a word
 * to skip (weekday), or 0 when the character is not part of a date.
 */
function cjkWord(text: string, i: number): number {
  const c = text.charCodeAt(i);
  const next = text.charCodeAt(i + 1);
  switch (c) {
    case 0x5e74: return (1 << 8) | CJK_YEAR; // 年
    case 0x6708: return (1 << 8) | CJK_MONTH; // 月
    case 0x65e5: case 0x53f7: case 0x865f: return (1 << 8) | CJK_DAY; // 日 号 號
    case 0x65f6: case 0x6642: case 0x70b9: case 0x9ede: return (1 << 8) | CJK_HOUR; // 时 時 点 點
    case 0x5206: return (1 << 8) | CJK_MINUTE; // 分
    case 0x79d2: return (1 << 8) | CJK_SECOND; // 秒
    case 0x661f: // 星期X
      return next === 0x671f && isCjkWeekday(text.charCodeAt(i + 2)) ? -3 : 0;
    case 0x5468: // 周X
      return isCjkWeekday(next) ? -2 : 0;
    case 0x793c: // 礼拜X
      return next === 0x62dc && isCjkWeekday(text.charCodeAt(i + 2)) ? -3 : 0;
    case 0x4e0a: case 0x51cc: case 0x65e9: // 上午 凌晨 早上
      return next === 0x5348 || next === 0x6668 || next === 0x4e0a ? (2 << 8) | W_AM : 0;
    case 0x4e0b: case 0x665a: // 下午 晚上
      return next === 0x5348 || next === 0x4e0a ? (2 << 8) | W_PM : 0;
    case 0x4e2d: // 中午
      return next === 0x5348 ? (2 << 8) | W_NOON : 0;
    case 0xff08: case 0x28: case 0xff09: case 0x29: // brackets around a weekday
      return -1;
    default:
      return 0;
  }
}

function isCjkWeekday(c: number): boolean {
  // 一二三四五六日天
  return c === 0x4e00 || c === 0x4e8c || c === 0x4e09 || c === 0x56db || c === 0x4e94 || c === 0x516d || c === 0x65e5 || c === 0x5929;
}

