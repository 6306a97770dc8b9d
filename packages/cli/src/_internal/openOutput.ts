import { mkdir } from "node:fs/promises";
import { dirname, extname } from "node:path";
import type { RecordSink } from "@cleanse/core";
import { openSink } from "@cleanse/io";
import type { ResolvedSink } from "../job/ioOptions.ts";
import { unionColumnsSink } from "./unionColumnsSink.ts";

/**
 * Opens an output file, creating its folder. Quarantined and merged records carry fields that vary between
 * records (`_reasons`, `_extra`, ...): with `varyingFields`, CSV outputs get every column seen.
 */
export async function openOutput(spec: ResolvedSink, varyingFields = false): Promise<RecordSink> {
  await mkdir(dirname(spec.path), { recursive: true });
  const format = spec.format ?? extname(spec.path).slice(1).toLowerCase();
  if (varyingFields && (format === "csv" || format === "tsv" || format === "txt")) {
    return unionColumnsSink(spec.path, (columns) => openSink({ ...spec, columns }));
  }
  return openSink(spec);
}
