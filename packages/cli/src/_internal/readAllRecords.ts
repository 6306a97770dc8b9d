import type { DataRecord } from "@cleanse/core";
import { openSource } from "@cleanse/io";

/**
 * Reads a whole file into memory, for commands that need every record at once (dedupe, link, explain).
 * Records the reader had to flag (a ragged CSV row, invalid bytes) are kept: they are data too.
 */
export async function readAllRecords(path: string, options: { readonly encoding?: string } = {}): Promise<DataRecord[]> {
  const isText = /\.(csv|tsv|txt)$/i.test(path);
  const source = openSource({ path, ...(isText ? { encoding: options.encoding ?? "auto" } : {}) });
  const out: DataRecord[] = [];
  for await (const batch of source.batches()) for (const r of batch.records) out.push(r);
  return out;
}
