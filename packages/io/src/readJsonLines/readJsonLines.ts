import { DataError, type DataRecord, type InputFingerprint, type Issue, type RecordBatch, type RecordSource, type SourceProgress } from "@cleanse/core";
import type { ByteInput } from "../ByteInput/ByteInput.ts";
import { openInput } from "../_internal/openInput.ts";
import type { InvalidBytes } from "../_internal/chunkDecoder.ts";
import { encodingError, encodingIssues } from "../_internal/issues.ts";
import { describeJsonError, jsonErrorPosition, jsonKind } from "../_internal/jsonText.ts";
import { createReaderState, decodedPieces } from "../_internal/textSource.ts";

/** Options of {@link readJsonLines}. */
export interface ReadJsonLinesOptions {
  /** Name in locations and the report. Defaults to the file name, or `input`. */
  readonly name?: string;
  /** Encoding name, or `"auto"` (the default) to detect it. */
  readonly encoding?: string;
  /**
   * With `encoding: "auto"`, throw `UncertainEncodingError` (`CLEANSE_ENCODING_UNCERTAIN`) when the
   * detected encoding's confidence is below 0.5, instead of a warning. Defaults to false.
   */
  readonly strict?: boolean;
  /** Bytes invalid in the encoding: `"quarantine"` (default) adds an `invalid_encoding` error, `"replace"` keeps U+FFFD silently, `"error"` throws. */
  readonly invalidBytes?: "quarantine" | "error" | "replace";
  /** Whether to compute the SHA-256 of the input for the fingerprint. Defaults to true. */
  readonly hash?: boolean;
}

/** A JSON Lines record source. */
export interface JsonLinesSource extends RecordSource {
  fingerprint(): InputFingerprint;
  progress(): SourceProgress;
  /** Warnings so far (an uncertain encoding). */
  warnings(): readonly string[];
}

const BATCH = 512;

/**
 * Reads JSON Lines: one JSON object per line, blank lines skipped. A line that is not valid JSON,
 * or not an object, becomes the record `{ _raw: "<the line>" }` with an `invalid_json` error (line
 * and column of the problem), so nothing is lost.
 * @param input - a file path, bytes, or a byte stream
 * @param options - name, encoding, invalid-byte handling
 * @returns a record source
 * @throws IoError `CLEANSE_FILE_NOT_FOUND` when the path does not exist
 * @example
 * for await (const batch of readJsonLines("events.jsonl").batches()) batch.records //=> [{ id: 1 }, { _raw: "{oops" }]
 */
export function readJsonLines(input: ByteInput, options: ReadJsonLinesOptions = {}): JsonLinesSource {
  const opened = openInput(input, { ...(options.name === undefined ? {} : { name: options.name }), hash: options.hash ?? true });
  const warnings: string[] = [];
  const state = createReaderState(opened, options.encoding ?? "auto", { strict: options.strict ?? false, warn: (message) => warnings.push(message) });
  const file = opened.path ?? opened.name;
  const invalidBytes = options.invalidBytes ?? "quarantine";

  async function* batches(signal?: AbortSignal): AsyncGenerator<RecordBatch> {
    warnings.length = 0;
    const decoder = state.decoder();
    let rest = "";
    let restInvalid: InvalidBytes[] = [];
    let line = 1;
    let records: DataRecord[] = [];
    let lines: number[] = [];
    let issues: Map<number, Issue[]> | undefined;

    const add = (text: string, lineNo: number, invalid: readonly InvalidBytes[]) => {
      const found: Issue[] = [];
      if (invalid.length > 0) {
        if (invalidBytes === "error") throw encodingError(invalid[0]!, decoder.encoding, file, lineNo);
        if (invalidBytes === "quarantine") found.push(...encodingIssues(invalid, decoder.encoding, file, lineNo));
      }
      let record: DataRecord;
      try {
        const value: unknown = JSON.parse(text);
        if (typeof value === "object" && value !== null && !Array.isArray(value)) record = value as DataRecord;
        else {
          record = { _raw: text };
          found.push(jsonIssue(`Expected a JSON object, found ${jsonKind(value)}`, file, lineNo, 1));
        }
      } catch (error) {
        const pos = jsonErrorPosition(error, text);
        record = { _raw: text };
        found.push(jsonIssue(`Invalid JSON at column ${pos + 1}: ${describeJsonError(text, pos)}`, file, lineNo, pos + 1));
      }
      records.push(record);
      lines.push(lineNo);
      if (found.length > 0) (issues ??= new Map()).set(records.length - 1, found);
    };

    for await (const piece of decodedPieces(opened, decoder, signal)) {
      const buf = rest.length === 0 ? piece.text : rest + piece.text;
      const invalid = restInvalid.concat(piece.invalid.map((x) => ({ ...x, textIndex: x.textIndex + rest.length })));
      let from = 0;
      let k = 0;
      while (true) {
        let nl = buf.indexOf("\n", from);
        if (nl === -1) {
          if (!piece.final || from >= buf.length) break;
          nl = buf.length;
        }
        let end = nl;
        if (end > from && buf.charCodeAt(end - 1) === 13) end--;
        const mine: InvalidBytes[] = [];
        while (k < invalid.length && invalid[k]!.textIndex < nl) mine.push(invalid[k++]!);
        const text = buf.slice(from, end);
        if (text.trim() !== "") add(text, line, mine);
        line++;
        from = nl + 1;
      }
      rest = from < buf.length ? buf.slice(from) : "";
      restInvalid = invalid.slice(k).map((x) => ({ ...x, textIndex: x.textIndex - from }));
      if (records.length >= BATCH || (piece.final && records.length > 0)) {
        state.counted(records.length);
        yield issues ? { records, lines, issues } : { records, lines };
        records = [];
        lines = [];
        issues = undefined;
      }
    }
  }

  return {
    name: opened.name,
    batches,
    fingerprint: () => state.fingerprint("jsonl"),
    progress: () => state.progress(),
    warnings: () => warnings,
  };
}

function jsonIssue(message: string, file: string, line: number, column: number): Issue {
  return { code: "invalid_json", rule: "json", severity: "error", dimension: "validity", message, location: { file, line, column } };
}
