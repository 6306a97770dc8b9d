import iconv from "iconv-lite";
import { UnknownEncodingError } from "../UnknownEncodingError/UnknownEncodingError.ts";

/**
 * How bytes of an encoding are grouped into characters, which decides how a decoder finds
 * character boundaries and invalid bytes.
 * - `utf8`, `utf16le`, `utf16be`: decoded natively.
 * - `sbcs`: one byte per character (windows-1252, latin1, koi8-r, ...).
 * - `dbcs`: one or two bytes per character, four for GB18030 and three for EUC-JP (gbk, big5, shift_jis, ...).
 * - `stateful`: anything else iconv-lite knows (utf-7, utf-32, ...); decoded by iconv-lite's own streaming decoder.
 */
export type EncodingFamily = "utf8" | "utf16le" | "utf16be" | "sbcs" | "dbcs" | "stateful";

export interface EncodingInfo {
  /** The name Cleanse reports, e.g. `utf-8`, `gbk`, `shift_jis`. */
  readonly name: string;
  /** The name handed to iconv-lite. */
  readonly iconvName: string;
  readonly family: EncodingFamily;
}

const canonical: Readonly<Record<string, readonly [name: string, iconvName: string, family: EncodingFamily]>> = {
  utf8: ["utf-8", "utf8", "utf8"],
  unicode11utf8: ["utf-8", "utf8", "utf8"],
  utf16le: ["utf-16le", "utf16le", "utf16le"],
  ucs2: ["utf-16le", "utf16le", "utf16le"],
  utf16be: ["utf-16be", "utf16be", "utf16be"],
  gbk: ["gbk", "gbk", "dbcs"],
  cp936: ["gbk", "gbk", "dbcs"],
  windows936: ["gbk", "gbk", "dbcs"],
  gb2312: ["gbk", "gbk", "dbcs"],
  euccn: ["gbk", "gbk", "dbcs"],
  gb18030: ["gb18030", "gb18030", "dbcs"],
  big5: ["big5", "big5hkscs", "dbcs"],
  big5hkscs: ["big5", "big5hkscs", "dbcs"],
  cnbig5: ["big5", "big5hkscs", "dbcs"],
  cp950: ["cp950", "cp950", "dbcs"],
  shiftjis: ["shift_jis", "shiftjis", "dbcs"],
  sjis: ["shift_jis", "shiftjis", "dbcs"],
  cp932: ["shift_jis", "shiftjis", "dbcs"],
  windows31j: ["shift_jis", "shiftjis", "dbcs"],
  mskanji: ["shift_jis", "shiftjis", "dbcs"],
  eucjp: ["euc-jp", "eucjp", "dbcs"],
  euckr: ["euc-kr", "euckr", "dbcs"],
  cp949: ["euc-kr", "cp949", "dbcs"],
  windows1252: ["windows-1252", "windows1252", "sbcs"],
  cp1252: ["windows-1252", "windows1252", "sbcs"],
  win1252: ["windows-1252", "windows1252", "sbcs"],
  latin1: ["latin1", "latin1", "sbcs"],
  iso88591: ["latin1", "latin1", "sbcs"],
  binary: ["latin1", "latin1", "sbcs"],
  ascii: ["ascii", "ascii", "sbcs"],
  usascii: ["ascii", "ascii", "sbcs"],
};

interface IconvCodec {
  readonly decodeBuf?: unknown;
  readonly decodeTables?: unknown;
}

const cache = new Map<string, EncodingInfo>();

/**
 * Resolves an encoding name to what Cleanse needs to decode it.
 * @throws UnknownEncodingError when iconv-lite does not know the name
 */
export function resolveEncoding(encoding: string): EncodingInfo {
  const hit = cache.get(encoding);
  if (hit) return hit;
  const key = encoding.toLowerCase().replace(/[^0-9a-z]/g, "");
  const known = canonical[key];
  let info: EncodingInfo;
  if (known) {
    info = { name: known[0], iconvName: known[1], family: known[2] };
  } else {
    if (key === "" || !iconv.encodingExists(key)) throw new UnknownEncodingError(encoding);
    const codec = (iconv as unknown as { getCodec(name: string): IconvCodec }).getCodec(key);
    const family: EncodingFamily = codec.decodeBuf !== undefined ? "sbcs" : codec.decodeTables !== undefined ? "dbcs" : "stateful";
    info = { name: key, iconvName: key, family };
  }
  cache.set(encoding, info);
  return info;
}

/** Byte-order marks, longest first. */
export const BOMS: readonly { readonly encoding: string; readonly bytes: readonly number[] }[] = [
  { encoding: "gb18030", bytes: [0x84, 0x31, 0x95, 0x33] },
  { encoding: "utf-8", bytes: [0xef, 0xbb, 0xbf] },
  { encoding: "utf-16le", bytes: [0xff, 0xfe] },
  { encoding: "utf-16be", bytes: [0xfe, 0xff] },
];

/** The BOM at the start of `bytes`, if any. */
export function findBom(bytes: Uint8Array): { readonly encoding: string; readonly length: number } | undefined {
  for (const bom of BOMS) {
    if (bytes.length < bom.bytes.length) continue;
    let ok = true;
    for (let i = 0; i < bom.bytes.length; i++) if (bytes[i] !== bom.bytes[i]) ok = false;
    if (ok) return { encoding: bom.encoding, length: bom.bytes.length };
  }
  return undefined;
}

/** The BOM of an encoding, for writers. */
export function bomOf(encodingName: string): Uint8Array | undefined {
  const bom = BOMS.find((b) => b.encoding === encodingName);
  return bom ? Uint8Array.from(bom.bytes) : undefined;
}
