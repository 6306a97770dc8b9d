import type { DataRecord, RecordEnvelope, RecordSink } from "@cleanse/core";
import { createTextOutput } from "../_internal/textOutput.ts";
import { recordLabel, toJson } from "../_internal/values.ts";

/** Options of {@link writeJson}. */
export interface WriteJsonOptions {
  /** Output encoding. Defaults to `utf-8`. */
  readonly encoding?: string;
}

/**
 * Writes records as one JSON array, one record per line, atomically (temporary file renamed on
 * `close()`, removed by `abort()`). Records stream out; the array is never held in memory.
 * @param path - the output file
 * @param options - encoding
 * @returns a record sink
 * @example
 * const sink = writeJson("out/clean.json");
 * await sink.write({ id: 1 }, envelope);
 * await sink.close(); // [\n{"id":1}\n]\n
 */
export function writeJson(path: string, options: WriteJsonOptions = {}): RecordSink {
  const output = createTextOutput(path, { encoding: options.encoding ?? "utf-8", bom: false });
  let count = 0;
  return {
    write(record: DataRecord, envelope?: RecordEnvelope) {
      count++;
      return output.write(`${count === 1 ? "[\n" : ",\n"}${toJson(record)}`, () => recordLabel(envelope, count));
    },
    async close() {
      await output.write(count === 0 ? "[]\n" : "\n]\n", () => path);
      await output.close();
    },
    abort: () => output.abort(),
  };
}
