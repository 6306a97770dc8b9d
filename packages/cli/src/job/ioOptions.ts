import { resolvePath } from "../_internal/resolvePath.ts";
import type { SinkSpec, SourceSpec } from "./jobFileSchema.ts";

/** A sink with its path resolved and its options in the io package's spelling. */
export interface ResolvedSink {
  readonly path: string;
  readonly format?: "csv" | "jsonl" | "json";
  readonly encoding?: string;
  readonly bom?: boolean;
  readonly delimiter?: string;
  readonly escapeFormulae?: boolean;
}

/** Maps a job file's reader options (snake_case) to the io package's options. */
export function toReaderOptions(spec: SourceSpec): { path: string; [option: string]: unknown } {
  const out: { path: string; [option: string]: unknown } = { path: spec.path };
  if (spec.format !== undefined) out.format = spec.format;
  if (spec.name !== undefined) out.name = spec.name;
  if (spec.encoding !== undefined) out.encoding = spec.encoding;
  if (spec.strict !== undefined) out.strict = spec.strict;
  if (spec.delimiter !== undefined) out.delimiter = spec.delimiter;
  if (spec.header !== undefined) out.header = spec.header;
  if (spec.columns !== undefined) out.columns = spec.columns;
  if (spec.header_map !== undefined) out.headerMap = spec.header_map;
  if (spec.ragged !== undefined) out.ragged = spec.ragged;
  if (spec.invalid_bytes !== undefined) out.invalidBytes = spec.invalid_bytes;
  if (spec.empty_as !== undefined) out.emptyAs = spec.empty_as === "null" ? null : "";
  return out;
}

/** Resolves a job file's sink against the job's folder. */
export function toSinkSpec(baseDir: string, spec: SinkSpec): ResolvedSink {
  if (typeof spec === "string") return { path: resolvePath(baseDir, spec) };
  return {
    path: resolvePath(baseDir, spec.path),
    ...(spec.format === undefined ? {} : { format: spec.format }),
    ...(spec.encoding === undefined ? {} : { encoding: spec.encoding }),
    ...(spec.bom === undefined ? {} : { bom: spec.bom }),
    ...(spec.delimiter === undefined ? {} : { delimiter: spec.delimiter }),
    ...(spec.escape_formulae === undefined ? {} : { escapeFormulae: spec.escape_formulae }),
  };
}
