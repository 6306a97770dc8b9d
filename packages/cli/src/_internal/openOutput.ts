import { extname } from "node:path";
import type { RecordSink } from "@cleanse/core";
import { openSink } from "@cleanse/io";
import type { ResolvedSink } from "../job/ioOptions.ts";

/**
 * Opens an output file (the io writers create missing folders). Quarantined and merged records carry fields that vary between
 * records (`_reasons`, `_extra`, ...): with `varyingFields`, CSV outputs get every column seen.
 */
export async function openOutput(spec: ResolvedSink, varyingFields = false): Promise<RecordSink> {
  const format = spec.format ?? extname(spec.path).slice(1).toLowerCase();
  if (varyingFields && (format === "csv" || format === "tsv" || format === "txt")) {
    return openSink({ ...spec, columns: "union" });
  }
  return openSink(spec);
}
