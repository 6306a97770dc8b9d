import { Buffer, isAscii } from "node:buffer";
import { detectEncoding, type DetectedEncoding } from "../detectEncoding/detectEncoding.ts";
import { createChunkDecoder, type ChunkDecoder, type DecodedText, type InvalidBytes } from "./chunkDecoder.ts";
import { resolveEncoding } from "./encodings.ts";

/** A chunk decoder that also says which encoding it settled on and how sure it is. */
export interface TextDecoderState {
  readonly encoding: string;
  readonly confidence: number;
  readonly alternative: DetectedEncoding["alternative"];
  write(chunk: Uint8Array): DecodedText;
  end(): DecodedText;
}

const SAMPLE = 65536;
const NONE: DecodedText = { text: "", invalid: [] };

/**
 * Creates the decoder of one stream. With `"auto"`, the first 64 KiB decide (a BOM, UTF-16 zero
 * bytes, UTF-8 validity, legacy scores). When they are plain ASCII the choice waits: ASCII reads the
 * same in every candidate, so the first non-ASCII bytes, wherever they come, are detected instead.
 * A legacy guess keeps being checked: lines that are valid UTF-8 are reported as `kind: "mixed"`.
 * `onDetect` is called once the guess is made (before any text decoded with it is returned).
 */
export function createTextDecoder(
  encoding: string,
  options: { readonly stripBom: boolean; readonly onDetect?: (found: DetectedEncoding) => void },
): TextDecoderState {
  if (encoding.toLowerCase() !== "auto") {
    const info = resolveEncoding(encoding);
    const decoder = createChunkDecoder(info, { stripBom: options.stripBom });
    return { encoding: info.name, confidence: 1, alternative: undefined, write: decoder.write, end: decoder.end };
  }
  return createAutoDecoder(options.stripBom, options.onDetect);
}

function concat(parts: readonly Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function createAutoDecoder(stripBom: boolean, onDetect: ((found: DetectedEncoding) => void) | undefined): TextDecoderState {
  let mode: "sample" | "ascii" | "resample" | "decided" = "sample";
  let name = "utf-8";
  let confidence = 1;
  let alternative: DetectedEncoding["alternative"];
  let decoder: ChunkDecoder | undefined;
  let pending: Uint8Array[] = [];
  let pendingLength = 0;
  /** Bytes emitted so far (ASCII mode), i.e. the offset of the first pending byte. */
  let offset = 0;
  /** The last ASCII bytes before the first non-ASCII one, as context for the detector. */
  let tail: Uint8Array = new Uint8Array(0);

  const decide = (sample: Uint8Array, atStart: boolean) => {
    const found = detectEncoding(sample, { sampleSize: sample.length });
    let chosen = found.encoding;
    if (!atStart && chosen.startsWith("utf-16")) chosen = "utf-8";
    name = chosen;
    confidence = found.confidence;
    alternative = found.alternative;
    decoder = createChunkDecoder(resolveEncoding(chosen), { stripBom: stripBom && atStart, startOffset: offset, flagUtf8Lines: true });
    mode = "decided";
    onDetect?.(chosen === found.encoding ? found : { ...found, encoding: chosen });
  };

  const merge = (a: DecodedText, b: DecodedText): DecodedText => {
    if (a.text.length === 0 && a.invalid.length === 0) return b;
    const shifted: InvalidBytes[] = [...a.invalid, ...b.invalid.map((x) => ({ ...x, textIndex: x.textIndex + a.text.length }))];
    return { text: a.text + b.text, invalid: shifted };
  };

  /** ASCII mode: emit bytes up to the first non-ASCII one, then collect a sample from there. */
  const asciiWrite = (chunk: Uint8Array): DecodedText => {
    const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (isAscii(buf)) {
      offset += buf.length;
      tail = keepTail(tail, buf);
      return buf.length === 0 ? NONE : { text: buf.toString("latin1", 0, buf.length), invalid: [] };
    }
    let p = 0;
    while (buf[p]! < 0x80) p++;
    const text = buf.toString("latin1", 0, p);
    tail = keepTail(tail, buf.subarray(0, p));
    offset += p;
    mode = "resample";
    const rest = new Uint8Array(buf.subarray(p));
    pending = [tail, rest];
    pendingLength = tail.length + rest.length;
    return merge({ text, invalid: [] }, rest.length >= SAMPLE ? flushResample(false) : NONE);
  };

  const flushSample = (final: boolean): DecodedText => {
    const sample = concat(pending, pendingLength);
    pending = [];
    pendingLength = 0;
    const buf = Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength);
    if (isAscii(buf) && buf.indexOf(0) === -1) {
      mode = "ascii";
      const out = asciiWrite(sample);
      return final ? merge(out, end()) : out;
    }
    decide(sample, true);
    const out = decoder!.write(sample);
    return final ? merge(out, decoder!.end()) : out;
  };

  const flushResample = (final: boolean): DecodedText => {
    const sample = concat(pending, pendingLength);
    pending = [];
    pendingLength = 0;
    decide(sample, false);
    const out = decoder!.write(sample.subarray(tail.length));
    return final ? merge(out, decoder!.end()) : out;
  };

  const write = (chunk: Uint8Array): DecodedText => {
    if (mode === "decided") return decoder!.write(chunk);
    if (mode === "ascii") return asciiWrite(chunk);
    pending.push(new Uint8Array(chunk));
    pendingLength += chunk.length;
    if (mode === "sample") return pendingLength >= SAMPLE ? flushSample(false) : NONE;
    return pendingLength - tail.length >= SAMPLE ? flushResample(false) : NONE;
  };

  const end = (): DecodedText => {
    if (mode === "decided") return decoder!.end();
    if (mode === "ascii") return NONE;
    if (mode === "sample") return flushSample(true);
    return flushResample(true);
  };

  return {
    get encoding() {
      return name;
    },
    get confidence() {
      return confidence;
    },
    get alternative() {
      return alternative;
    },
    write,
    end,
  };
}

/** The last 64 bytes of `tail` followed by `more`, copied. */
function keepTail(tail: Uint8Array, more: Uint8Array): Uint8Array {
  if (more.length >= 64) return new Uint8Array(more.subarray(more.length - 64));
  const joined = new Uint8Array(tail.length + more.length);
  joined.set(tail, 0);
  joined.set(more, tail.length);
  return joined.length > 64 ? joined.slice(joined.length - 64) : joined;
}
