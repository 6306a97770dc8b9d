import { createDecoder, type CreateDecoderOptions, type DecodeResult } from "../createDecoder/createDecoder.ts";

/**
 * Decodes bytes and reports the bytes that are invalid in the encoding instead of silently
 * replacing them.
 * @param bytes - the bytes
 * @param encoding - an encoding name iconv-lite knows, or `"auto"` to detect it
 * @param options - BOM handling
 * @returns the text (invalid bytes as U+FFFD) and where the invalid bytes were
 * @throws UnknownEncodingError for a name iconv-lite does not know
 * @example
 * decode(Uint8Array.of(0x61, 0xff, 0x62), "utf-8") //=> { text: "a\uFFFDb", invalid: [{ byteOffset: 1, length: 1, textIndex: 1 }] }
 */
export function decode(bytes: Uint8Array, encoding: string, options: CreateDecoderOptions = {}): DecodeResult {
  const decoder = createDecoder(encoding, options);
  const head = decoder.write(bytes);
  const rest = decoder.end();
  if (rest.text.length === 0 && rest.invalid.length === 0) return head;
  return {
    text: head.text + rest.text,
    invalid: [...head.invalid, ...rest.invalid.map((x) => ({ ...x, textIndex: x.textIndex + head.text.length }))],
  };
}
