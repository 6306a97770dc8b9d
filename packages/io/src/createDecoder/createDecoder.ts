import { createTextDecoder } from "../_internal/textDecoder.ts";

/**
 * Bytes that are not valid in the encoding, replaced by one U+FFFD in the text; or, with
 * `kind: "mixed"`, a line that is valid UTF-8 in a stream detected as a legacy encoding, decoded
 * as that encoding and not replaced.
 */
export interface InvalidBytes {
  /** 0-based offset of the first invalid byte from the start of the input. */
  readonly byteOffset: number;
  /** How many bytes the replacement stands for. */
  readonly length: number;
  /** Index of the replacement character in the decoded text (for `"mixed"`, of the line's start). */
  readonly textIndex: number;
  /** `"mixed"` for a UTF-8 line in a legacy stream; absent for invalid bytes. */
  readonly kind?: "mixed";
}

/** Text decoded from bytes, with the bytes that were not valid in the encoding. */
export interface DecodeResult {
  /** The text; each run of invalid bytes became one U+FFFD. */
  readonly text: string;
  /** Where the invalid bytes were, in the input and in `text`. */
  readonly invalid: readonly InvalidBytes[];
}

/** Decodes a byte stream chunk by chunk without splitting characters or shifting offsets. */
export interface StreamDecoder {
  /** The encoding in use. With `"auto"` it is the guess, `utf-8` until non-ASCII bytes arrive. */
  readonly encoding: string;
  /** 1 for an encoding given by name, the detector's confidence for `"auto"`. */
  readonly confidence: number;
  /** With `"auto"`, once the guess is made: the next best guess when the confidence is low. */
  readonly alternative: { readonly encoding: string; readonly confidence: number } | undefined;
  /** Decodes the next chunk; bytes of an unfinished character wait for the next call. */
  write(chunk: Uint8Array): DecodeResult;
  /** Decodes what is left; an unfinished character at the end is invalid. */
  end(): DecodeResult;
}

/** Options of {@link createDecoder}. */
export interface CreateDecoderOptions {
  /** Drop a byte-order mark at the start. Defaults to true. */
  readonly stripBom?: boolean;
}

/**
 * Creates a streaming decoder. Offsets in `invalid` count from the first byte ever written, so
 * they stay right whatever the chunk boundaries. With `"auto"`, a stream detected as a legacy
 * encoding keeps being checked: lines that are valid UTF-8 come out in `invalid` with
 * `kind: "mixed"` (decoded as the legacy encoding, which an explicit encoding name turns off).
 * @param encoding - an encoding name iconv-lite knows (`utf-8`, `gbk`, `big5`, `shift_jis`, `windows-1252`, ...) or `"auto"`
 * @param options - BOM handling
 * @returns the decoder
 * @throws UnknownEncodingError for a name iconv-lite does not know
 * @example
 * const d = createDecoder("utf-8");
 * d.write(Uint8Array.of(0xe4, 0xb8)).text //=> ""
 * d.write(Uint8Array.of(0xad)).text //=> "中"
 */
export function createDecoder(encoding: string, options: CreateDecoderOptions = {}): StreamDecoder {
  return createTextDecoder(encoding, { stripBom: options.stripBom ?? true });
}
