import { extname } from "node:path";
import type { RecordSink } from "@cleanse/core";
import { openSink } from "@cleanse/io";
import type { ResolvedSink } from "../job/ioOptions.ts";

/** Options of {@link openOutput}. */
export interface OpenOutputOptions {
  /**
   * The records' fields vary (quarantined and merged records carry `_reasons`, `_extra`, ...): a CSV
   * output gets every column seen.
   */
  readonly varyingFields?: boolean;
  /** Header of a CSV output that receives no record (writeCsv's `fallbackColumns`). */
  readonly fallbackColumns?: readonly string[] | (() => readonly string[] | undefined);
}

/** Opens an output file (the io writers create missing folders). */
export async function openOutput(spec: ResolvedSink, options: OpenOutputOptions = {}): Promise<RecordSink> {
  const format = spec.format ?? extname(spec.path).slice(1).toLowerCase();
  if (format !== "csv" && format !== "tsv" && format !== "txt") return openSink(spec);
  return openSink({
    ...spec,
    ...(options.varyingFields ? { columns: "union" as const } : {}),
    ...(options.fallbackColumns === undefined ? {} : { fallbackColumns: options.fallbackColumns }),
  });
}
