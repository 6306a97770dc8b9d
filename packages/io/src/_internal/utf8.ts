import { Buffer } from "node:buffer";
import type { InvalidBytes } from "./chunkDecoder.ts";

/** Where the last complete UTF-8 character of `data` ends: bytes after it may continue in the next chunk. */
export function utf8CompleteEnd(data: Uint8Array): number {
  const len = data.length;
  let i = len - 1;
  while (i >= 0 && len - i < 4 && (data[i]! & 0xc0) === 0x80) i--;
  if (i < 0) return len;
  const b = data[i]!;
  const need = b >= 0xf8 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
  return len - i < need ? i : len;
}

/**
 * Decodes UTF-8 that is known to contain invalid bytes: each maximal invalid subpart (as the WHATWG
 * decoder defines it) becomes one U+FFFD and one entry in `invalid`.
 */
export function decodeUtf8Lossy(
  data: Uint8Array,
  end: number,
  base: number,
  invalid: InvalidBytes[],
  textBase: number,
): string {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const parts: string[] = [];
  let textLength = 0;
  let runStart = 0;
  let i = 0;
  while (i < end) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const next = utf8SequenceEnd(buf, i, end);
    if (next > 0) {
      i = next;
      continue;
    }
    const j = -next;
    if (runStart < i) {
      const run = buf.toString("utf8", runStart, i);
      parts.push(run);
      textLength += run.length;
    }
    invalid.push({ byteOffset: base + i, length: j - i, textIndex: textBase + textLength });
    parts.push("\ufffd");
    textLength++;
    i = j;
    runStart = j;
  }
  if (runStart < end) parts.push(buf.toString("utf8", runStart, end));
  return parts.join("");
}

/**
 * Where the UTF-8 sequence that starts with the non-ASCII byte at `i` ends: the index after it when it is
 * valid, or minus the index after its maximal invalid subpart (the bytes one U+FFFD replaces).
 */
export function utf8SequenceEnd(bytes: Uint8Array, i: number, end: number): number {
  const b = bytes[i]!;
  let need = 0;
  let lo = 0x80;
  let hi = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) need = 1;
  else if (b === 0xe0) (need = 2), (lo = 0xa0);
  else if ((b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef) need = 2;
  else if (b === 0xed) (need = 2), (hi = 0x9f);
  else if (b === 0xf0) (need = 3), (lo = 0x90);
  else if (b >= 0xf1 && b <= 0xf3) need = 3;
  else if (b === 0xf4) (need = 3), (hi = 0x8f);
  let j = i + 1;
  if (need === 0) return -j;
  for (let k = 0; k < need; k++) {
    const c = j < end ? bytes[j]! : -1;
    if (c < lo || c > hi) return -j;
    j++;
    lo = 0x80;
    hi = 0xbf;
  }
  return j;
}
