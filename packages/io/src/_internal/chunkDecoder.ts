import { Buffer, isUtf8 } from "node:buffer";
import iconv from "iconv-lite";
import { dbcsCharLength, dbcsTables, type DbcsTables } from "./dbcsTables.ts";
import type { InvalidBytes } from "../createDecoder/createDecoder.ts";
import type { EncodingInfo } from "./encodings.ts";
import { findUtf8Lines } from "./mixedEncoding.ts";
import { decodeUtf8Lossy, utf8CompleteEnd } from "./utf8.ts";

export type { InvalidBytes };

export interface DecodedText {
  readonly text: string;
  readonly invalid: readonly InvalidBytes[];
}

/** Decodes a byte stream chunk by chunk; characters split across chunks are held back until complete. */
export interface ChunkDecoder {
  readonly info: EncodingInfo;
  write(chunk: Uint8Array): DecodedText;
  end(): DecodedText;
}

export interface ChunkDecoderOptions {
  /** Drop a byte-order mark at the start of the stream. */
  readonly stripBom: boolean;
  /** Offset of the first byte given to the decoder within the whole input. */
  readonly startOffset?: number;
  /**
   * Report lines that are valid UTF-8 as `kind: "mixed"` (single- and double-byte encodings only).
   * Input is then decoded up to the last line break, so that each line is checked whole.
   */
  readonly flagUtf8Lines?: boolean;
}

/** Longest line held back whole for the UTF-8 line check; a longer one is decoded in pieces, unchecked. */
const MAX_HELD_LINE = 1 << 20;

const EMPTY: readonly InvalidBytes[] = [];
const NONE: DecodedText = { text: "", invalid: EMPTY };

type Decode = (data: Uint8Array, base: number, final: boolean) => { text: string; invalid: readonly InvalidBytes[]; used: number };

/** Creates the decoder of one stream. */
export function createChunkDecoder(info: EncodingInfo, options: ChunkDecoderOptions): ChunkDecoder {
  const decodeChunk = decoderFor(info);
  let carry: Uint8Array | undefined;
  let base = options.startOffset ?? 0;
  let atStart = options.stripBom;
  const lineFamily = options.flagUtf8Lines && (info.family === "sbcs" || info.family === "dbcs") ? info.family : undefined;

  const run = (chunk: Uint8Array, final: boolean): DecodedText => {
    let data = chunk;
    if (carry) {
      data = new Uint8Array(carry.length + chunk.length);
      data.set(carry, 0);
      data.set(chunk, carry.length);
      carry = undefined;
    }
    if (data.length === 0 && !final) return NONE;
    let input = data;
    if (lineFamily && !final) {
      const cut = data.lastIndexOf(0x0a);
      if (cut !== -1) input = data.subarray(0, cut + 1);
      else if (data.length < MAX_HELD_LINE) {
        carry = Uint8Array.prototype.slice.call(data);
        return NONE;
      }
    }
    const out = decodeChunk(input, base, final);
    // A copy: `data` may be a view of the caller's buffer (Buffer#slice would not copy).
    if (out.used < data.length) carry = Uint8Array.prototype.slice.call(data, out.used);
    let { text, invalid } = out;
    if (lineFamily) {
      const mixed = findUtf8Lines(data, out.used, text, base, lineFamily, final);
      if (mixed.length > 0) invalid = [...invalid, ...mixed].sort((a, b) => a.textIndex - b.textIndex);
    }
    base += out.used;
    if (atStart && text.length > 0) {
      atStart = false;
      if (text.charCodeAt(0) === 0xfeff) {
        text = text.slice(1);
        if (invalid.length > 0) invalid = invalid.map((x) => ({ ...x, textIndex: x.textIndex - 1 }));
      }
    }
    return text.length === 0 && invalid.length === 0 ? NONE : { text, invalid };
  };

  return {
    info,
    write: (chunk) => run(chunk, false),
    end: () => run(new Uint8Array(0), true),
  };
}

function decoderFor(info: EncodingInfo): Decode {
  switch (info.family) {
    case "utf8":
      return decodeUtf8;
    case "utf16le":
      return (data, base, final) => decodeUtf16(data, base, final, false);
    case "utf16be":
      return (data, base, final) => decodeUtf16(data, base, final, true);
    case "sbcs":
      return (data, base) => decodeSbcs(data, base, info.iconvName);
    case "dbcs": {
      const tables = dbcsTables(info.iconvName);
      return (data, base, final) => decodeDbcs(data, base, final, info.iconvName, tables);
    }
    case "stateful":
      return statefulDecoder(info.iconvName);
  }
}

function asBuffer(data: Uint8Array): Buffer {
  return Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

// Validity is checked with isUtf8 first, so only complete, valid UTF-8 reaches this decoder. On
// Node 20 a TextDecoder that has once been used in streaming mode converts about 1.8 times faster
// than a fresh one (or Buffer#toString), hence the empty streaming call; the results are the same.
const utf8Decoder = new TextDecoder("utf-8", { ignoreBOM: true });
utf8Decoder.decode(new Uint8Array(0), { stream: true });

function decodeUtf8(data: Uint8Array, base: number, final: boolean) {
  const end = final ? data.length : utf8CompleteEnd(data);
  const part = end === data.length ? data : data.subarray(0, end);
  if (isUtf8(part)) return { text: utf8Decoder.decode(part), invalid: EMPTY, used: end };
  const invalid: { byteOffset: number; length: number; textIndex: number }[] = [];
  const text = decodeUtf8Lossy(data, end, base, invalid, 0);
  return { text, invalid, used: end };
}

function decodeUtf16(data: Uint8Array, base: number, final: boolean, bigEndian: boolean) {
  let end = data.length & ~1;
  if (!final && end >= 2) {
    const unit = bigEndian ? (data[end - 2]! << 8) | data[end - 1]! : data[end - 2]! | (data[end - 1]! << 8);
    if (unit >= 0xd800 && unit <= 0xdbff) end -= 2;
  }
  let units = asBuffer(data).subarray(0, end);
  if (bigEndian) units = Buffer.from(units).swap16();
  let text = units.toString("utf16le");
  let invalid: { byteOffset: number; length: number; textIndex: number }[] | undefined;
  if (!(text as string & { isWellFormed(): boolean }).isWellFormed()) {
    invalid = [];
    const parts: string[] = [];
    let from = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0xd800 || c > 0xdfff) continue;
      if (c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          i++;
          continue;
        }
      }
      parts.push(text.slice(from, i), "\ufffd");
      invalid.push({ byteOffset: base + 2 * i, length: 2, textIndex: i });
      from = i + 1;
    }
    parts.push(text.slice(from));
    text = parts.join("");
  }
  if (final && end < data.length) {
    invalid ??= [];
    invalid.push({ byteOffset: base + end, length: data.length - end, textIndex: text.length });
    text += "\ufffd";
    end = data.length;
  }
  return { text, invalid: invalid ?? EMPTY, used: end };
}

function decodeSbcs(data: Uint8Array, base: number, iconvName: string) {
  const text = iconv.decode(data, iconvName);
  let invalid: InvalidBytes[] | undefined;
  for (let i = text.indexOf("\ufffd"); i !== -1; i = text.indexOf("\ufffd", i + 1)) {
    (invalid ??= []).push({ byteOffset: base + i, length: 1, textIndex: i });
  }
  return { text, invalid: invalid ?? EMPTY, used: data.length };
}

/** End of the last complete character: start from a byte that can only be a whole character (< 0x30). */
function dbcsCompleteEnd(t: DbcsTables, data: Uint8Array): number {
  const len = data.length;
  let i = len - 1;
  while (i >= 0 && data[i]! >= 0x30) i--;
  i++;
  while (i < len) {
    const n = dbcsCharLength(t, data, i, len);
    if (n === 0) return i;
    i += n;
  }
  return len;
}

function decodeDbcs(data: Uint8Array, base: number, final: boolean, iconvName: string, t: DbcsTables) {
  const end = final ? data.length : dbcsCompleteEnd(t, data);
  const part = data.subarray(0, end);
  const text = iconv.decode(part, iconvName);
  if (!text.includes("\ufffd")) return { text, invalid: EMPTY, used: end };
  const invalid: InvalidBytes[] = [];
  const parts: string[] = [];
  let textLength = 0;
  let i = 0;
  let asciiFrom = 0;
  const buf = asBuffer(data);
  while (i < end) {
    const b = data[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    if (asciiFrom < i) {
      parts.push(buf.toString("latin1", asciiFrom, i));
      textLength += i - asciiFrom;
    }
    const n = dbcsCharLength(t, data, i, end);
    let ch: string | undefined;
    if (n === 1) ch = t.singles[b - 0x80];
    else if (n === 2) ch = t.pairs[(b << 8) | data[i + 1]!];
    else if (n > 2) ch = t.decodeLong(data.subarray(i, i + n));
    if (ch === undefined) {
      invalid.push({ byteOffset: base + i, length: 1, textIndex: textLength });
      ch = "\ufffd";
      i += 1;
    } else {
      i += n;
    }
    parts.push(ch);
    textLength += ch.length;
    asciiFrom = i;
  }
  if (asciiFrom < end) parts.push(buf.toString("latin1", asciiFrom, end));
  return { text: parts.join(""), invalid, used: end };
}

function statefulDecoder(iconvName: string): Decode {
  const decoder = iconv.getDecoder(iconvName);
  return (data, base, final) => {
    let text = decoder.write(asBuffer(data));
    if (final) text += decoder.end() ?? "";
    let invalid: InvalidBytes[] | undefined;
    for (let i = text.indexOf("\ufffd"); i !== -1; i = text.indexOf("\ufffd", i + 1)) {
      (invalid ??= []).push({ byteOffset: base, length: data.length, textIndex: i });
    }
    return { text, invalid: invalid ?? EMPTY, used: data.length };
  };
}
