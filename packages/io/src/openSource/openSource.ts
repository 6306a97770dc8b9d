import { ConfigError, type RecordSource } from "@cleanse/core";
import { assertExists, checkOptionNames, parseSpec, type FileSpec } from "../_internal/formats.ts";
import { readCsv, type ReadCsvOptions } from "../readCsv/readCsv.ts";
import { readJson, type ReadJsonOptions } from "../readJson/readJson.ts";
import { readJsonLines, type ReadJsonLinesOptions } from "../readJsonLines/readJsonLines.ts";

/** A source spec: a path, or a path with `format` (`csv`, `tsv`, `jsonl`, `json`) and the reader's options. */
export type SourceSpec =
  | string
  | ({ readonly path: string; readonly format?: "csv" | "tsv" | "jsonl" | "json" } & ReadCsvOptions & ReadJsonLinesOptions & ReadJsonOptions)
  | { readonly path: string; readonly format?: string; readonly [option: string]: unknown };

/** Options of {@link openSource}. */
export interface OpenSourceOptions {
  /** Folder that relative paths resolve against. Defaults to the working folder. */
  readonly baseDir?: string;
}

const CSV_OPTIONS = ["name", "delimiter", "header", "columns", "headerMap", "encoding", "strict", "ragged", "invalidBytes", "emptyAs", "maxRecordSize", "hash", "onWarning"];
const JSON_OPTIONS = ["name", "encoding", "strict", "invalidBytes", "hash"];

const TYPES: Readonly<Record<string, (v: unknown) => boolean>> = {
  name: (v) => typeof v === "string",
  delimiter: (v) => typeof v === "string",
  header: (v) => typeof v === "boolean",
  columns: (v) => Array.isArray(v) && v.every((c) => typeof c === "string"),
  headerMap: (v) => typeof v === "object" && v !== null && !Array.isArray(v) && Object.values(v).every((c) => typeof c === "string"),
  encoding: (v) => typeof v === "string",
  strict: (v) => typeof v === "boolean",
  ragged: (v) => v === "quarantine" || v === "error" || v === "pad",
  invalidBytes: (v) => v === "quarantine" || v === "error" || v === "replace",
  emptyAs: (v) => v === "" || v === null,
  maxRecordSize: (v) => typeof v === "number" && v > 0,
  hash: (v) => typeof v === "boolean",
  onWarning: (v) => typeof v === "function",
};

/**
 * Opens a file as a record source, picking the reader from `format` or the extension: `.csv`
 * `.txt` → CSV, `.tsv` → CSV with tabs, `.jsonl` `.ndjson` → JSON Lines, `.json` → JSON array.
 * @param spec - a path, or `{ path, format?, ...readerOptions }`
 * @param options - the folder relative paths resolve against
 * @returns the record source
 * @throws IoError `CLEANSE_FILE_NOT_FOUND` naming the path; ConfigError `CLEANSE_UNKNOWN_FORMAT` listing the known formats
 * @example
 * openSource({ path: "crm.csv", encoding: "gbk" }, { baseDir: "data" }).name //=> "crm.csv"
 */
export function openSource(spec: SourceSpec, options: OpenSourceOptions = {}): RecordSource {
  const { path, format, options: readerOptions } = parseSpec(spec as FileSpec, options.baseDir, "source");
  checkOptionNames(readerOptions, format === "csv" || format === "tsv" ? CSV_OPTIONS : JSON_OPTIONS, `a ${format} source`);
  for (const [name, value] of Object.entries(readerOptions)) {
    if (value !== undefined && !TYPES[name]!(value)) {
      throw new ConfigError(`Invalid value ${JSON.stringify(value)} for option "${name}" of ${path}.`, { code: "CLEANSE_BAD_OPTION" });
    }
  }
  const defined = Object.fromEntries(Object.entries(readerOptions).filter(([, v]) => v !== undefined));
  assertExists(path);
  switch (format) {
    case "csv":
      return readCsv(path, defined as ReadCsvOptions);
    case "tsv":
      return readCsv(path, { delimiter: "\t", ...(defined as ReadCsvOptions) });
    case "jsonl":
      return readJsonLines(path, defined as ReadJsonLinesOptions);
    case "json":
      return readJson(path, defined as ReadJsonOptions);
  }
}
