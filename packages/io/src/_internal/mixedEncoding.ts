import { Buffer } from "node:buffer";
import type { InvalidBytes } from "./chunkDecoder.ts";
import { COMMON_JAPANESE, COMMON_SIMPLIFIED, COMMON_TRADITIONAL } from "./commonCharacters.ts";
import { utf8SequenceEnd } from "./utf8.ts";

/**
 * Lines of a stream read as a legacy encoding that are valid UTF-8, which is how UTF-8 rows appended
 * to a legacy file (or the reverse) show up.
 *
 * - Double-byte encodings: a line counts when it is valid UTF-8, holds a three- or four-byte
 *   sequence and reads as UTF-8 with at least as many frequent CJK characters as in the legacy
 *   encoding. Legacy text is valid UTF-8 by chance only on short lines, and then almost only through
 *   two-byte sequences: on random lines of one to six GB2312, Big5 or Shift_JIS characters at most
 *   1% of lines also hold a longer sequence, none with frequent characters, while every UTF-8 line
 *   of CJK text does.
 * - Single-byte encodings (windows-1252, latin1): a line counts when it is valid UTF-8 with any
 *   multi-byte sequence, e.g. `Ã©` for `é`: an accented capital followed by a symbol.
 *
 * Each such line gives one entry of kind `"mixed"` at the text index where the line starts and the
 * byte offset of its first multi-byte sequence. Only lines ending with LF in `data[0, end)` are
 * looked at, plus the last one when `final`.
 */
export function findUtf8Lines(data: Uint8Array, end: number, text: string, base: number, family: "sbcs" | "dbcs", final: boolean): InvalidBytes[] {
  const buf = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const minLead = family === "dbcs" ? 0xe0 : 0xc2;
  let found: InvalidBytes[] | undefined;
  /** Line breaks passed in the bytes, and in the text up to `textFrom` (the start of line `textLine`). */
  let lines = 0;
  let textLine = 0;
  let textFrom = 0;
  let from = 0;
  while (from < end) {
    // Walk the line as UTF-8 up to its first invalid sequence, which most legacy lines reach at
    // their first non-ASCII character; only lines that stay valid to the end are looked at closer.
    let i = from;
    let first = -1;
    let valid = true;
    while (i < end) {
      const b = buf[i]!;
      if (b === 0x0a) break;
      if (b < 0x80) {
        i++;
        continue;
      }
      const next = utf8SequenceEnd(buf, i, end);
      if (next < 0) {
        valid = false;
        break;
      }
      if (first === -1 && b >= minLead) first = i;
      i = next;
    }
    let to = valid ? i : buf.indexOf(0x0a, i);
    if (to === -1 || to >= end) {
      if (!final) break;
      to = end;
    }
    if (valid && first !== -1) {
      for (; textLine < lines; textLine++) textFrom = text.indexOf("\n", textFrom) + 1;
      const textTo = text.indexOf("\n", textFrom);
      if (family === "sbcs" || frequent(buf.toString("utf8", from, to)) >= frequent(text.slice(textFrom, textTo === -1 ? text.length : textTo))) {
        (found ??= []).push({ byteOffset: base + first, length: to - first, textIndex: textFrom, kind: "mixed" });
      }
    }
    lines++;
    from = to + 1;
  }
  return found ?? [];
}

/** Frequent CJK characters, kana and CJK punctuation in `s`. */
function frequent(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c < 0x80) continue;
    if ((c >= 0x3000 && c <= 0x30ff) || (c >= 0xff01 && c <= 0xff5e) || COMMON_SIMPLIFIED.has(ch) || COMMON_TRADITIONAL.has(ch) || COMMON_JAPANESE.has(ch)) n++;
  }
  return n;
}
