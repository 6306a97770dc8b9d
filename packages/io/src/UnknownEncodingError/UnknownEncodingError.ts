import { CleanseError, type CleanseErrorOptions } from "@cleanse/core";

/**
 * Thrown when an encoding name is not one Cleanse (through iconv-lite) can read or write.
 * @example
 * try { decode(bytes, "utf-9") } catch (e) { e.code } //=> "CLEANSE_UNKNOWN_ENCODING"
 */
export class UnknownEncodingError extends CleanseError {
  /** The name that was asked for. */
  readonly encoding: string;

  constructor(encoding: string, options: CleanseErrorOptions = {}) {
    super(`Unknown encoding "${encoding}". Use a name iconv-lite knows, e.g. "utf-8", "gbk", "big5", "shift_jis" or "windows-1252", or "auto" to detect it.`, {
      ...options,
      code: "CLEANSE_UNKNOWN_ENCODING",
    });
    this.encoding = encoding;
  }
}
