import { DataError, type DataRecord, type InputFingerprint, type Issue, type RecordBatch, type RecordSource, type SourceProgress } from "@cleanse/core";
import type { ByteInput } from "../ByteInput/ByteInput.ts";
import { openInput } from "../_internal/openInput.ts";
import type { InvalidBytes } from "../_internal/chunkDecoder.ts";
import { encodingError, encodingIssues } from "../_internal/issues.ts";
import { describeJsonError, jsonErrorPosition, jsonKind } from "../_internal/jsonText.ts";
import { createReaderState, decodedPieces } from "../_internal/textSource.ts";

/** Options of {@link readJson}. */
export interface ReadJsonOptions {
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

/** A JSON array record source. */
export interface JsonSource extends RecordSource {
  fingerprint(): InputFingerprint;
  progress(): SourceProgress;
  /** Warnings so far (an uncertain encoding). */
  warnings(): readonly string[];
}

const BATCH = 512;

type Phase = "start" | "beforeValue" | "afterComma" | "inValue" | "end";

const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9;

/**
 * Streams a JSON file holding a top-level array of objects without loading it whole: a small state
 * machine splits the top-level elements, each is parsed on its own, and each record carries the
 * line where its element starts. An element that is not an object becomes `{ _raw: "<its text>" }`
 * with an `invalid_json` error; malformed JSON is a `DataError` with line and column.
 * @param input - a file path, bytes, or a byte stream
 * @param options - name, encoding, invalid-byte handling
 * @returns a record source
 * @throws IoError `CLEANSE_FILE_NOT_FOUND` when the path does not exist
 * @example
 * for await (const batch of readJson("customers.json").batches()) batch.records //=> [{ id: 1 }, { id: 2 }]
 */
export function readJson(input: ByteInput, options: ReadJsonOptions = {}): JsonSource {
  const opened = openInput(input, { ...(options.name === undefined ? {} : { name: options.name }), hash: options.hash ?? true });
  const warnings: string[] = [];
  const state = createReaderState(opened, options.encoding ?? "auto", { strict: options.strict ?? false, warn: (message) => warnings.push(message) });
  const file = opened.path ?? opened.name;
  const invalidBytes = options.invalidBytes ?? "quarantine";

  async function* batches(signal?: AbortSignal): AsyncGenerator<RecordBatch> {
    warnings.length = 0;
    const decoder = state.decoder();
    let buf = "";
    let invalid: InvalidBytes[] = [];
    let i = 0;
    let phase: Phase = "start";
    let depth = 0;
    let inString = false;
    let line = 1;
    /** Index in `buf` where the current line starts (may be negative once trimmed away). */
    let lineStart = 0;
    let elementStart = -1;
    let elementLine = 0;
    let elementColumn = 0;
    let records: DataRecord[] = [];
    let lines: number[] = [];
    let issues: Map<number, Issue[]> | undefined;

    const fail = (message: string, at: number): never => {
      let l = line;
      let ls = lineStart;
      // `at` may lie before the current position (inside an element): recount from the element start.
      if (elementStart !== -1 && at >= elementStart && at < i) {
        l = elementLine;
        ls = elementStart - elementColumn + 1;
        for (let k = buf.indexOf("\n", elementStart); k !== -1 && k < at; k = buf.indexOf("\n", k + 1)) {
          l++;
          ls = k + 1;
        }
      }
      const column = at - ls + 1;
      throw new DataError(`${file}:${l}:${column}: ${message}`, {
        code: "CLEANSE_JSON_SYNTAX",
        location: { file, line: l, column },
        hint: "readJson reads a JSON array of objects; use readJsonLines for one object per line.",
      });
    };

    const element = (end: number) => {
      const text = buf.slice(elementStart, end).trimEnd();
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        const pos = jsonErrorPosition(error, text);
        fail(`invalid JSON: ${describeJsonError(text, pos)}`, elementStart + pos);
      }
      const found: Issue[] = [];
      const mine = invalid.filter((x) => x.textIndex >= elementStart && x.textIndex < end);
      if (mine.length > 0) {
        if (invalidBytes === "error") throw encodingError(mine[0]!, decoder.encoding, file, elementLine);
        if (invalidBytes === "quarantine") found.push(...encodingIssues(mine, decoder.encoding, file, elementLine));
      }
      let record: DataRecord;
      if (typeof value === "object" && value !== null && !Array.isArray(value)) record = value as DataRecord;
      else {
        record = { _raw: text };
        found.push({
          code: "invalid_json",
          rule: "json",
          severity: "error",
          dimension: "validity",
          message: `Expected a JSON object, found ${jsonKind(value)}`,
          location: { file, line: elementLine, column: elementColumn },
        });
      }
      records.push(record);
      lines.push(elementLine);
      if (found.length > 0) (issues ??= new Map()).set(records.length - 1, found);
      elementStart = -1;
    };

    for await (const piece of decodedPieces(opened, decoder, signal)) {
      for (const x of piece.invalid) invalid.push({ ...x, textIndex: x.textIndex + buf.length });
      buf += piece.text;
      const len = buf.length;
      while (i < len) {
        const c = buf.charCodeAt(i);
        if (phase === "inValue") {
          if (inString) {
            const q = buf.indexOf('"', i);
            if (q === -1) {
              i = len;
              break;
            }
            let b = q - 1;
            while (buf.charCodeAt(b) === 92) b--;
            i = q + 1;
            if ((q - 1 - b) % 2 === 0) inString = false;
            continue;
          }
          if (c === 34) inString = true;
          else if (c === 123 || c === 91) depth++;
          else if ((c === 125 || c === 93) && depth > 0) depth--;
          else if (depth === 0 && (c === 44 || c === 93)) {
            element(i);
            phase = c === 44 ? "afterComma" : "end";
          } else if (c === 10) {
            line++;
            lineStart = i + 1;
          }
          i++;
          continue;
        }
        if (isSpace(c)) {
          if (c === 10) {
            line++;
            lineStart = i + 1;
          }
          i++;
          continue;
        }
        if (phase === "start") {
          if (c !== 91) fail(`expected "[" to open an array, found ${JSON.stringify(buf[i])}`, i);
          phase = "beforeValue";
          i++;
          continue;
        }
        if (phase === "end") fail(`unexpected ${JSON.stringify(buf[i])} after the end of the array`, i);
        if (c === 93) {
          if (phase === "afterComma") fail("a comma before ] is not allowed in JSON", i);
          phase = "end";
          i++;
          continue;
        }
        if (c === 44) fail("a value is missing before this comma", i);
        phase = "inValue";
        elementStart = i;
        elementLine = line;
        elementColumn = i - lineStart + 1;
        depth = 0;
      }
      if (piece.final && phase !== "end") {
        fail(phase === "start" ? "the input is empty; expected a JSON array" : "unexpected end of input: the array is not closed", len);
      }
      // Keep only the unfinished element; shift every index into the trimmed buffer.
      const keepFrom = elementStart === -1 ? len : elementStart;
      if (keepFrom > 0) {
        buf = buf.slice(keepFrom);
        i -= keepFrom;
        lineStart -= keepFrom;
        if (elementStart !== -1) elementStart = 0;
        invalid = invalid.filter((x) => x.textIndex >= keepFrom).map((x) => ({ ...x, textIndex: x.textIndex - keepFrom }));
      }
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
    fingerprint: () => state.fingerprint("json"),
    progress: () => state.progress(),
    warnings: () => warnings,
  };
}
