import type { InputFingerprint, SourceProgress } from "@cleanse/core";
import type { OpenedInput } from "./openInput.ts";
import type { DecodedText } from "./chunkDecoder.ts";
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

/** Checks the encoding option at once (an unknown name throws here) and tracks what the reader learns. */
export function createReaderState(opened: OpenedInput, encodingOption: string): ReaderState {
  const auto = encodingOption.toLowerCase() === "auto";
  let encoding = auto ? "utf-8" : resolveEncoding(encodingOption).name;
  let current: TextDecoderState | undefined;
  let records = 0;
  return {
    decoder() {
      records = 0;
      current = createTextDecoder(encodingOption, { stripBom: true });
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
