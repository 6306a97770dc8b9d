import { Buffer } from "node:buffer";
import iconv from "iconv-lite";
import { ConfigError } from "@cleanse/core";
import { bomOf, resolveEncoding } from "./encodings.ts";

/** Encodes output text, and finds characters the encoding cannot represent (iconv-lite would turn them into `?`). */
export interface OutputEncoder {
  readonly name: string;
  /** Whether every character can be encoded (UTF-8, UTF-16). */
  readonly unicode: boolean;
  encode(text: string): Buffer;
  /** The first character of `text` the encoding cannot represent, if any. */
  unencodable(text: string, encoded: Buffer): string | undefined;
  /** The byte-order mark to write first, or undefined. */
  readonly bom: Uint8Array | undefined;
}

/**
 * Creates the encoder of an output file.
 * @throws UnknownEncodingError for an unknown name, ConfigError for a BOM the encoding has none of
 */
export function createOutputEncoder(encoding: string, bom: boolean): OutputEncoder {
  const info = resolveEncoding(encoding);
  const unicode = info.family === "utf8" || info.family === "utf16le" || info.family === "utf16be" || info.name === "gb18030";
  const bomBytes = bom ? bomOf(info.name) : undefined;
  if (bom && !bomBytes) {
    throw new ConfigError(`Encoding ${info.name} has no byte-order mark; set bom only with utf-8, utf-16le, utf-16be or gb18030.`, { code: "CLEANSE_BAD_OPTION" });
  }
  const encode = info.family === "utf8" ? (text: string) => Buffer.from(text, "utf8") : (text: string) => iconv.encode(text, info.iconvName);
  return {
    name: info.name,
    unicode,
    encode,
    bom: bomBytes,
    unencodable(text, encoded) {
      if (unicode) return undefined;
      let questionMarks = 0;
      for (let i = text.indexOf("?"); i !== -1; i = text.indexOf("?", i + 1)) questionMarks++;
      let bytes = 0;
      for (let i = encoded.indexOf(0x3f); i !== -1; i = encoded.indexOf(0x3f, i + 1)) bytes++;
      if (bytes === questionMarks) return undefined;
      for (const ch of text) {
        if (ch.charCodeAt(0) < 0x80) continue;
        const one = encode(ch);
        if (one.length === 1 && one[0] === 0x3f) return ch;
      }
      return undefined;
    },
  };
}
