import { ConfigError, type InputFingerprint, type RecordBatch, type RecordSource, type SourceProgress } from "@cleanse/core";
import type { ByteInput } from "../ByteInput/ByteInput.ts";
import { openInput } from "../_internal/openInput.ts";
import { createCsvParser, type ParsedBatch } from "../_internal/csvParser.ts";
import { createReaderState, decodedPieces } from "../_internal/textSource.ts";

/** Options of {@link readCsv}. */
export interface ReadCsvOptions {
  /** Name in locations and the report. Defaults to the file name, or `input`. */
  readonly name?: string;
  /** Field delimiter (one character). Defaults to detecting `,` `;` tab or `|` from the first lines. */
  readonly delimiter?: string;
  /** Whether the first row holds column names. Defaults to true, or to false when `columns` is given. */
  readonly header?: boolean;
  /** Column names to use instead of the header row's (or, without a header, instead of `column1`...). */
  readonly columns?: readonly string[];
  /** Renames header columns: `{ "Customer Name": "name" }`. */
  readonly headerMap?: Readonly<Record<string, string>>;
  /** Encoding name, or `"auto"` (the default) to detect it. */
  readonly encoding?: string;
  /**
   * With `encoding: "auto"`, throw `UncertainEncodingError` (`CLEANSE_ENCODING_UNCERTAIN`) when the
   * detected encoding's confidence is below 0.5, instead of a warning. Defaults to false.
   */
  readonly strict?: boolean;
  /**
   * Rows with too few or too many fields: `"quarantine"` (default) keeps them with a `ragged_row`
   * error, `"pad"` fills short rows with `emptyAs` and a warning, `"error"` throws.
   */
  readonly ragged?: "quarantine" | "error" | "pad";
  /** Bytes invalid in the encoding: `"quarantine"` (default) adds an `invalid_encoding` error, `"replace"` keeps U+FFFD silently, `"error"` throws. */
  readonly invalidBytes?: "quarantine" | "error" | "replace";
  /** Value of empty unquoted cells. Defaults to `""`; a quoted empty cell `""` always stays `""`. */
  readonly emptyAs?: "" | null;
  /** Largest record in characters before reading stops with an error (an unclosed quote, most often). Defaults to 16 Mi. */
  readonly maxRecordSize?: number;
  /** Whether to compute the SHA-256 of the input for the fingerprint. Defaults to true. */
  readonly hash?: boolean;
  /** Called for each warning (renamed columns, bytes invalid in the header...). */
  readonly onWarning?: (message: string) => void;
}

/** A CSV record source with what it learnt about the file. */
export interface CsvSource extends RecordSource {
  fingerprint(): InputFingerprint;
  progress(): SourceProgress;
  /** Column names, once the header has been read. */
  columns(): readonly string[] | undefined;
  /** The delimiter in use, once known. */
  delimiter(): string | undefined;
  /** Warnings so far (renamed duplicate or empty columns, an uncertain encoding, ...). */
  warnings(): readonly string[];
}

/**
 * Reads CSV as a stream of record batches: quotes, embedded newlines (line numbers stay right),
 * CRLF/LF/CR, BOM, delimiter and encoding detection. Nothing is silently dropped: ragged rows and
 * bytes invalid in the encoding become records with issues, so they land in quarantine.
 * Values stay strings.
 * @param input - a file path, bytes, or a byte stream (Node Readable, Web ReadableStream)
 * @param options - delimiter, header, columns, encoding, ragged-row and invalid-byte handling
 * @returns a record source for `processRecords` or `runPipeline`
 * @throws IoError `CLEANSE_FILE_NOT_FOUND` when the path does not exist; while reading,
 * UncertainEncodingError `CLEANSE_ENCODING_UNCERTAIN` with `strict`
 * @example
 * const source = readCsv("customers.csv");
 * for await (const batch of source.batches()) batch.records[0] //=> { id: "1", name: "Ada" }
 */
export function readCsv(input: ByteInput, options: ReadCsvOptions = {}): CsvSource {
  checkOptions(options);
  const opened = openInput(input, { ...(options.name === undefined ? {} : { name: options.name }), hash: options.hash ?? true });
  const file = opened.path ?? opened.name;
  let columns: readonly string[] | undefined;
  let delimiter: string | undefined;
  const warnings: string[] = [];
  const warn = (message: string) => {
    warnings.push(message);
    options.onWarning?.(message);
  };
  const state = createReaderState(opened, options.encoding ?? "auto", { strict: options.strict ?? false, warn });

  async function* batches(signal?: AbortSignal): AsyncGenerator<RecordBatch> {
    warnings.length = 0;
    const decoder = state.decoder();
    const parser = createCsvParser({
      file,
      delimiter: options.delimiter,
      header: options.header ?? options.columns === undefined,
      columns: options.columns,
      headerMap: options.headerMap,
      ragged: options.ragged ?? "quarantine",
      emptyAs: options.emptyAs === undefined ? "" : options.emptyAs,
      invalidBytes: options.invalidBytes ?? "quarantine",
      maxRecordSize: options.maxRecordSize ?? 16 * 1024 * 1024,
      encoding: () => decoder.encoding,
      warn,
    });
    const out = (batch: ParsedBatch): RecordBatch => {
      state.counted(batch.records.length);
      columns = parser.columns;
      delimiter = parser.delimiter;
      return batch.issues ? { records: batch.records, lines: batch.lines, issues: batch.issues } : { records: batch.records, lines: batch.lines };
    };
    for await (const piece of decodedPieces(opened, decoder, signal)) {
      const batch = parser.push(piece.text, piece.invalid);
      if (batch.records.length > 0) yield out(batch);
    }
    const last = parser.finish();
    columns = parser.columns;
    delimiter = parser.delimiter;
    if (last.records.length > 0) yield out(last);
  }

  return {
    name: opened.name,
    batches,
    fingerprint: () => state.fingerprint("csv"),
    progress: () => state.progress(),
    columns: () => columns,
    delimiter: () => delimiter,
    warnings: () => warnings,
  };
}

function checkOptions(options: ReadCsvOptions): void {
  const d = options.delimiter;
  if (d !== undefined && (d.length !== 1 || d === '"' || d === "\n" || d === "\r")) {
    throw new ConfigError(`Invalid delimiter ${JSON.stringify(d)}: expected one character other than a quote or a line break, e.g. "," ";" "\\t" "|".`, {
      code: "CLEANSE_BAD_OPTION",
    });
  }
  const oneOf = (name: string, value: unknown, allowed: readonly unknown[]) => {
    if (value !== undefined && !allowed.includes(value)) {
      throw new ConfigError(`Invalid ${name} ${JSON.stringify(value)}: expected one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}.`, { code: "CLEANSE_BAD_OPTION" });
    }
  };
  oneOf("ragged", options.ragged, ["quarantine", "error", "pad"]);
  oneOf("invalidBytes", options.invalidBytes, ["quarantine", "error", "replace"]);
  oneOf("emptyAs", options.emptyAs, ["", null]);
  oneOf("strict", options.strict, [true, false]);
  if (options.columns !== undefined && (options.columns.length === 0 || new Set(options.columns).size !== options.columns.length)) {
    throw new ConfigError("Invalid columns: expected a non-empty list of distinct names.", { code: "CLEANSE_BAD_OPTION" });
  }
}
