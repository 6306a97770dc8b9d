import { ConfigError, type RecordSink } from "@cleanse/core";
import { checkOptionNames, parseSpec, type FileSpec } from "../_internal/formats.ts";
import { writeCsv, type WriteCsvOptions } from "../writeCsv/writeCsv.ts";
import { writeJson, type WriteJsonOptions } from "../writeJson/writeJson.ts";
import { writeJsonLines, type WriteJsonLinesOptions } from "../writeJsonLines/writeJsonLines.ts";

/** A sink spec: a path, or a path with `format` (`csv`, `tsv`, `jsonl`, `json`) and the writer's options. */
export type SinkSpec =
  | string
  | ({ readonly path: string; readonly format?: "csv" | "tsv" | "jsonl" | "json" } & WriteCsvOptions & WriteJsonLinesOptions & WriteJsonOptions)
  | { readonly path: string; readonly format?: string; readonly [option: string]: unknown };

/** Options of {@link openSink}. */
export interface OpenSinkOptions {
  /** Folder that relative paths resolve against. Defaults to the working folder. */
  readonly baseDir?: string;
}

const CSV_OPTIONS = ["columns", "fallbackColumns", "delimiter", "header", "encoding", "bom", "lineEnding", "escapeFormulae"];
const JSON_OPTIONS = ["encoding"];

const TYPES: Readonly<Record<string, (v: unknown) => boolean>> = {
  columns: (v) => v === "union" || (Array.isArray(v) && v.every((c) => typeof c === "string")),
  fallbackColumns: (v) => typeof v === "function" || (Array.isArray(v) && v.every((c) => typeof c === "string")),
  delimiter: (v) => typeof v === "string",
  header: (v) => typeof v === "boolean",
  encoding: (v) => typeof v === "string",
  bom: (v) => typeof v === "boolean",
  lineEnding: (v) => v === "\n" || v === "\r\n",
  escapeFormulae: (v) => typeof v === "boolean",
};

/**
 * Opens a file as a record sink, picking the writer from `format` or the extension: `.csv` `.txt`
 * → CSV, `.tsv` → CSV with tabs, `.jsonl` `.ndjson` → JSON Lines, `.json` → JSON array. Every
 * writer is atomic: the file appears (or is replaced) only on `close()`.
 * @param spec - a path, or `{ path, format?, ...writerOptions }`
 * @param options - the folder relative paths resolve against
 * @returns the record sink
 * @throws ConfigError `CLEANSE_UNKNOWN_FORMAT` listing the known formats
 * @example
 * const sink = openSink({ path: "out/clean.csv", encoding: "gbk", bom: false });
 */
export function openSink(spec: SinkSpec, options: OpenSinkOptions = {}): RecordSink {
  const { path, format, options: writerOptions } = parseSpec(spec as FileSpec, options.baseDir, "sink");
  checkOptionNames(writerOptions, format === "csv" || format === "tsv" ? CSV_OPTIONS : JSON_OPTIONS, `a ${format} sink`);
  for (const [name, value] of Object.entries(writerOptions)) {
    if (value !== undefined && !TYPES[name]!(value)) {
      throw new ConfigError(`Invalid value ${JSON.stringify(value)} for option "${name}" of ${path}.`, { code: "CLEANSE_BAD_OPTION" });
    }
  }
  const defined = Object.fromEntries(Object.entries(writerOptions).filter(([, v]) => v !== undefined));
  switch (format) {
    case "csv":
      return writeCsv(path, defined as WriteCsvOptions);
    case "tsv":
      return writeCsv(path, { delimiter: "\t", ...(defined as WriteCsvOptions) });
    case "jsonl":
      return writeJsonLines(path, defined as WriteJsonLinesOptions);
    case "json":
      return writeJson(path, defined as WriteJsonOptions);
  }
}
