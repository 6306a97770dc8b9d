import { ConfigError, DataError, getField, isInheritedName, type DataRecord, type RecordEnvelope, type RecordSink } from "@cleanse/core";
import { createTextOutput } from "../_internal/textOutput.ts";
import { unionColumnsSink } from "../_internal/unionColumnsSink.ts";
import { recordLabel, toCellText } from "../_internal/values.ts";

/** Options of {@link writeCsv}. */
export interface WriteCsvOptions {
  /**
   * Columns, in order. Defaults to the fields of the first record, plus `_extra` for quarantine
   * output (where ragged CSV rows keep their extra values). `"union"`: every field of every record, in
   * order of first appearance, for records whose fields vary; rows are spooled to a temporary file and
   * the CSV is written on `close()`.
   */
  readonly columns?: readonly string[] | "union";
  /**
   * Columns of the header when no record is written (and `columns` gives none), so that an empty output
   * still says what its columns are, e.g. the source's header: a list, or a function called on `close()`.
   * Without them, a CSV that receives no record and has no `columns` is empty.
   */
  readonly fallbackColumns?: readonly string[] | (() => readonly string[] | undefined);
  /** Field delimiter (one character). Defaults to `,`. */
  readonly delimiter?: string;
  /** Whether to write a header row. Defaults to true. */
  readonly header?: boolean;
  /** Output encoding (any name iconv-lite knows, e.g. `gbk`). Defaults to `utf-8`. */
  readonly encoding?: string;
  /** Write a byte-order mark (UTF-8, UTF-16 or GB18030), which Excel uses to recognise UTF-8. Defaults to false. */
  readonly bom?: boolean;
  /** Line ending. Defaults to `"\n"`. */
  readonly lineEnding?: "\n" | "\r\n";
  /**
   * Neutralize spreadsheet formulas: cells starting with `=`, `+`, `-`, `@`, tab or CR get a leading
   * `'` (plain numbers like `-12.5` excepted). Defaults to true.
   */
  readonly escapeFormulae?: boolean;
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Writes records as CSV, atomically: rows go to a temporary file in the same folder that is
 * renamed over the target on `close()`; `abort()` removes it, so a failed run never leaves a
 * half-written file nor touches the previous one. A record with a field that is not a column is
 * an error (`CLEANSE_CSV_UNKNOWN_COLUMN`), never a silently dropped value: give `columns`, or use
 * JSON Lines for records whose fields vary.
 * @param path - the output file
 * @param options - columns (and those of an output without records), delimiter, header, encoding, BOM, line ending, formula escaping
 * @returns a record sink; `write` returns a promise when the disk needs to catch up
 * @example
 * const sink = writeCsv("out/clean.csv");
 * await sink.write({ id: 1, name: "=cmd" }, envelope);
 * await sink.close(); // out/clean.csv: id,name\n1,'=cmd\n
 */
export function writeCsv(path: string, options: WriteCsvOptions = {}): RecordSink {
  if (options.columns === "union") {
    const { columns: _union, ...rest } = options;
    // no record came: no column seen, so the header falls back to fallbackColumns
    return unionColumnsSink(path, (seen) => writeCsv(path, seen.length > 0 ? { ...rest, columns: seen } : rest));
  }
  const delimiter = options.delimiter ?? ",";
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === "\n" || delimiter === "\r") {
    throw new ConfigError(`Invalid delimiter ${JSON.stringify(delimiter)}: expected one character other than a quote or a line break.`, { code: "CLEANSE_BAD_OPTION" });
  }
  const eol = options.lineEnding ?? "\n";
  const escapeFormulae = options.escapeFormulae ?? true;
  const output = createTextOutput(path, { encoding: options.encoding ?? "utf-8", bom: options.bom ?? false });
  const needsQuotes = new RegExp(`[${delimiter === "]" || delimiter === "\\" || delimiter === "^" || delimiter === "-" ? `\\${delimiter}` : delimiter}"\\r\\n]`);
  let columns: readonly string[] | undefined = options.columns as readonly string[] | undefined;
  let known: ReadonlySet<string> = new Set(columns);
  let inherited: readonly boolean[] = (columns ?? []).map(isInheritedName);
  let count = 0;
  let headerWritten = false;

  const cell = (value: unknown): string => {
    let text = toCellText(value);
    if (escapeFormulae && text.length > 0) {
      const c = text.charCodeAt(0);
      if ((c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13) && !NUMBER.test(text)) text = `'${text}`;
    }
    return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };

  const writeHeader = (): void | Promise<void> => {
    headerWritten = true;
    if (options.header === false || !columns) return;
    return output.write(columns.map(cell).join(delimiter) + eol, () => `${path}: the header`);
  };

  return {
    write(record: DataRecord, envelope?: RecordEnvelope) {
      count++;
      if (!columns) {
        columns = inferColumns(record, envelope);
        known = new Set(columns);
        inherited = columns.map(isInheritedName);
      }
      const pendingHeader = headerWritten ? undefined : writeHeader();
      for (const key in record) {
        if (!known.has(key) && Object.hasOwn(record, key)) {
          throw new DataError(
            `${recordLabel(envelope, count)} has a field "${key}" that is not a column of ${path} (${columns.join(", ")}). Give all columns in the columns option, or write JSON Lines for records whose fields vary.`,
            { code: "CLEANSE_CSV_UNKNOWN_COLUMN", ...(envelope ? { location: envelope.location } : {}) },
          );
        }
      }
      const cols = columns;
      let line = "";
      // A record without a column named like an inherited property (`toString`) leaves its cell empty.
      for (let i = 0; i < cols.length; i++) line += (i === 0 ? "" : delimiter) + cell(inherited[i] ? getField(record, cols[i]!) : record[cols[i]!]);
      const written = output.write(line + eol, () => recordLabel(envelope, count));
      if (pendingHeader || written) return Promise.all([pendingHeader, written]).then(() => {});
    },
    async close() {
      if (!headerWritten) {
        if (!columns) {
          const fallback = typeof options.fallbackColumns === "function" ? options.fallbackColumns() : options.fallbackColumns;
          if (fallback && fallback.length > 0) columns = fallback;
        }
        await writeHeader();
      }
      await output.close();
    },
    abort: () => output.abort(),
  };
}

/**
 * Columns from the first record. Quarantine output also gets `_extra` (before `_reasons` when
 * there is one): ragged CSV rows keep their extra values there, and such rows are always quarantined.
 */
function inferColumns(record: DataRecord, envelope: RecordEnvelope | undefined): string[] {
  const keys = Object.keys(record);
  const quarantine = envelope?.status === "quarantine" || Object.hasOwn(record, "_reasons");
  if (!quarantine || keys.includes("_extra")) return keys;
  const at = keys.indexOf("_reasons");
  if (at === -1) keys.push("_extra");
  else keys.splice(at, 0, "_extra");
  return keys;
}
