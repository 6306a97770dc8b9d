import { basename } from "node:path";
import type { InputFingerprint, SourceProgress } from "@cleanse/core";
import type { OpenedInput } from "./openInput.ts";
import type { DecodedText } from "./chunkDecoder.ts";
import { LOW_CONFIDENCE, type DetectedEncoding } from "../detectEncoding/detectEncoding.ts";
import { UncertainEncodingError } from "../UncertainEncodingError/UncertainEncodingError.ts";
import { resolveEncoding } from "./encodings.ts";
import { createTextDecoder, type TextDecoderState } from "./textDecoder.ts";

const DECODE_SLICE = 32768;

/** Decoded text of an input, piece by piece, ending with `final: true`. */
export async function* decodedPieces(
  opened: OpenedInput,
  decoder: TextDecoderState,
  signal: AbortSignal | undefined,
): AsyncGenerator<DecodedText & { readonly final: boolean }> {
  for await (const chunk of opened.chunks(signal)) {
    for (let o = 0; o < chunk.length; o += DECODE_SLICE) {
      const piece = decoder.write(chunk.length <= DECODE_SLICE ? chunk : chunk.subarray(o, o + DECODE_SLICE));
      if (piece.text.length > 0 || piece.invalid.length > 0) yield { ...piece, final: false };
    }
  }
  yield { ...decoder.end(), final: true };
}

/** Bookkeeping shared by the text-based readers: encoding, counts, fingerprint and progress. */
export interface ReaderState {
  decoder(): TextDecoderState;
  counted(records: number): void;
  fingerprint(format: string): InputFingerprint;
  progress(): SourceProgress;
}

/** How a reader handles an uncertain encoding guess. */
export interface ReaderStateOptions {
  /** Throw `UncertainEncodingError` instead of warning. */
  readonly strict: boolean;
  readonly warn: (message: string) => void;
}

/**
 * Checks the encoding option at once (an unknown name throws here) and tracks what the reader
 * learns. A detected encoding below LOW_CONFIDENCE is a warning, or with `strict` an error.
 */
export function createReaderState(opened: OpenedInput, encodingOption: string, options: ReaderStateOptions): ReaderState {
  const auto = encodingOption.toLowerCase() === "auto";
  const file = opened.path ?? opened.name;
  const onDetect = (found: DetectedEncoding) => {
    if (found.confidence >= LOW_CONFIDENCE) return;
    const next = found.alternative;
    if (options.strict) throw new UncertainEncodingError(file, found.encoding, found.confidence, next?.encoding);
    options.warn(
      `The encoding of ${opened.path === undefined ? opened.name : basename(opened.path)} is uncertain: read as ${found.encoding} with confidence ${found.confidence.toFixed(2)}` +
        `${next === undefined ? "" : ` (next guess ${next.encoding}, ${next.confidence.toFixed(2)})`}; records with bytes invalid in ${found.encoding} are quarantined.` +
        ` Set the encoding on the source (encoding: "${found.encoding}"${next === undefined ? "" : ` or encoding: "${next.encoding}"`}) to read it without guessing.`,
    );
  };
  let encoding = auto ? "utf-8" : resolveEncoding(encodingOption).name;
  let current: TextDecoderState | undefined;
  let records = 0;
  return {
    decoder() {
      records = 0;
      current = createTextDecoder(encodingOption, { stripBom: true, onDetect });
      return current;
    },
    counted(n) {
      records += n;
    },
    fingerprint(format) {
      if (current) encoding = current.encoding;
      return {
        name: opened.name,
        ...(opened.path === undefined ? {} : { path: opened.path }),
        format,
        encoding,
        encodingConfidence: current?.confidence ?? 1,
        bytes: opened.bytesRead,
        ...(opened.sha256 === undefined ? {} : { sha256: opened.sha256 }),
        records,
      };
    },
    progress: () => ({ bytesRead: opened.bytesRead, ...(opened.size === undefined ? {} : { bytesTotal: opened.size }) }),
  };
}
