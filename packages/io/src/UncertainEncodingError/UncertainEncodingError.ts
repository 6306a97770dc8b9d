import { DataError, type CleanseErrorOptions } from "@cleanse/core";
import { LOW_CONFIDENCE } from "../detectEncoding/detectEncoding.ts";

/**
 * Thrown by a reader with `encoding: "auto"` and `strict: true` when the detected encoding's
 * confidence is below 0.5; without `strict` the reader warns instead.
 * @example
 * try { await collect(readCsv("crm.csv", { strict: true }).batches()) } catch (e) { e.code } //=> "CLEANSE_ENCODING_UNCERTAIN"
 */
export class UncertainEncodingError extends DataError {
  /** The best guess. */
  readonly encoding: string;
  /** Its confidence, from 0 to 1. */
  readonly confidence: number;

  constructor(file: string, encoding: string, confidence: number, alternative: string | undefined, options: CleanseErrorOptions = {}) {
    super(`${file}: cannot tell the encoding: the best guess, ${encoding}, has confidence ${confidence.toFixed(2)} (below ${LOW_CONFIDENCE}).`, {
      location: { file },
      hint: `Set the file's encoding on the source: encoding: "${encoding}" if the guess is right${alternative === undefined ? "" : `, or encoding: "${alternative}", the next guess`}.`,
      ...options,
      code: "CLEANSE_ENCODING_UNCERTAIN",
    });
    this.encoding = encoding;
    this.confidence = confidence;
  }
}
